"""Workflow steps of a complaint (dispatch, progress, escalation, extension, resolution,
informing, return visit, closing, reopening) and the automatic escalation to major.

Each step is an insert-only event; whether it is allowed comes from the state derived from
the events before it (``app.domain.complaints.allowed_steps``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.complaints import (
    DEPARTMENTS,
    EVENT_KINDS,
    SATISFACTION,
    allowed_steps,
    check_approver,
    close_needs_visit,
    needs_auto_major,
)
from app.domain.errors import DomainError, FieldErrors
from app.domain.permissions import EXTEND_BY_LEVEL
from app.progress import Progress
from app.services.complaints.rules import load_rules
from app.services.complaints.status import complaint_state, refresh_status
from app.services.permissions import require
from app.store.complaint_models import Complaint, ComplaintEvent, ComplaintStatus
from app.store.db import Database
from app.store.ids import natural_id
from app.store.recorder import recorder

ESCALATE_CHUNK = 200


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _complaint(session: Session, complaint_id: str) -> Complaint:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None or complaint.deleted:
        raise DomainError("complaint.not_found")
    return complaint


def _checked_data(kind: str, note: str, data: dict[str, Any], complaint, state, at, role):
    """The step's details, completed and checked; raises FieldErrors by field."""
    if kind == "dispatched":
        department = data.get("department") or complaint.department
        if department not in DEPARTMENTS:
            raise FieldErrors({"department": DomainError("complaint.dispatch_department")})
        data["department"] = department
    elif kind == "escalated":
        if data.get("to") not in ("team_lead", "supervisor", "director"):
            raise FieldErrors({"to": DomainError("complaint.escalate_to")})
    elif kind == "return_visit":
        if data.get("satisfaction") not in SATISFACTION:
            raise FieldErrors({"satisfaction": DomainError("complaint.satisfaction_required")})
    elif kind == "extension_requested":
        data.setdefault("deadline", "resolve")
        if not note.strip():
            raise FieldErrors({"note": DomainError("complaint.extension_reason")})
    elif kind == "extension_approved":
        check_approver(state.level, role)
        data.setdefault("deadline", state.pending_extension or "resolve")
        new_due = data.get("due")
        if isinstance(new_due, datetime):
            new_due = new_due.astimezone(UTC).isoformat()
            data["due"] = new_due
        try:
            parsed = datetime.fromisoformat(new_due) if new_due else None
        except ValueError:
            parsed = None
        if parsed is None or parsed <= at:
            raise FieldErrors({"due": DomainError("complaint.extension_due_future")})
    elif kind in ("progress", "resolved", "reopened") and not note.strip():
        raise FieldErrors({"note": DomainError("complaint.note_required")})
    return data


def add_event(
    session: Session,
    complaint_id: str,
    kind: str,
    *,
    actor_id: str = "",
    actor_role: str = "",
    at: datetime | None = None,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> ComplaintEvent:
    """Append one workflow step after checking it is allowed now and by this role."""
    if kind not in EVENT_KINDS or kind in ("received", "auto_major"):
        raise DomainError("complaint.step_unknown", step=kind)
    complaint = _complaint(session, complaint_id)
    rules = load_rules(session, complaint.estate_id)
    state = complaint_state(session, complaint, rules)
    if kind not in allowed_steps(state):
        if kind == "closed" and close_needs_visit(state):
            raise DomainError("complaint.close_needs_return_visit")
        raise DomainError("complaint.step_not_allowed", step=kind, status=state.status)
    if kind == "extension_approved":
        require(session, actor_id or None, EXTEND_BY_LEVEL[state.level])
    at = at or _utcnow()
    data = _checked_data(kind, note, dict(data or {}), complaint, state, at, actor_role)
    event = recorder(session).create(
        ComplaintEvent,
        estate_id=complaint.estate_id,
        complaint_id=complaint.id,
        kind=kind,
        at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        note=note.strip(),
        data=data,
    )
    if kind == "dispatched" and complaint.department != data["department"]:
        recorder(session).update(complaint, department=data["department"])
    refresh_status(session, [complaint.id])
    return event


def run_escalations(
    session: Session,
    estate_id: str,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> int:
    """Make every valid complaint unresolved a month after receipt major, with an event.

    The event's id and time are deterministic (the moment it became due), so two offices
    doing this independently write the same row and sync keeps one.
    """
    now = now or _utcnow()
    refresh_status(session)
    ids = session.scalars(
        select(ComplaintStatus.complaint_id).where(
            ComplaintStatus.estate_id == estate_id,
            ComplaintStatus.escalate_at.is_not(None),
            ComplaintStatus.escalate_at <= now,
        )
    ).all()
    rules = load_rules(session, estate_id)
    count = 0
    for done, complaint_id in enumerate(ids):
        if progress is not None and done % ESCALATE_CHUNK == 0:
            progress.step(done, len(ids))
        complaint = session.get(Complaint, complaint_id)
        state = complaint_state(session, complaint, rules)
        if not needs_auto_major(state, now):
            continue
        event_id = natural_id(complaint_id, "auto_major")
        if session.get(ComplaintEvent, event_id) is None:
            recorder(session).create(
                ComplaintEvent,
                id=event_id,
                estate_id=estate_id,
                complaint_id=complaint_id,
                kind="auto_major",
                at=state.escalate_at,
                # a code, never a sentence: the screen words it in the reader's language
                data={"reason": "unresolved_after_months", "months": rules.escalate_after_months},
            )
            count += 1
    refresh_status(session, ids)
    return count


# ---- operations ----


class StepRecorded(NamedTuple):
    event_id: str
    complaint_id: str
    status: str


def record_step(
    db: Database,
    complaint_id: str,
    kind: str,
    *,
    actor_id: str = "",
    actor_role: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> StepRecorded:
    """Record one workflow step in its own unit of work."""
    with db.session() as s:
        event = add_event(
            s,
            complaint_id,
            kind,
            actor_id=actor_id,
            actor_role=actor_role,
            at=now,
            note=note,
            data=data,
        )
        status = s.get(ComplaintStatus, complaint_id)
        return StepRecorded(event.id, complaint_id, status.status if status else "")


def escalate_overdue(
    db: Database, estate_id: str, now: datetime | None = None, progress: Progress | None = None
) -> int:
    """The automatic escalation of every complaint a month unresolved; how many became major."""
    with db.session() as s:
        return run_escalations(s, estate_id, now, progress)
