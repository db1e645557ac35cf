"""The derived status cache: ``complaint_status`` holds, per complaint, what
``app.domain.complaints.derive`` makes of its header and events (status, next deadline,
who acts next), so lists filter and sort in SQL.

Triggers queue a complaint in ``complaint_dirty`` whenever its header or events change
(also by sync); :func:`refresh_status` recomputes the queue before any list is read.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.complaints import ComplaintRules, ComplaintState, Event, Facts, derive, next_action
from app.services.complaints.rules import load_rules
from app.store.complaint_models import Complaint, ComplaintDirty, ComplaintEvent, ComplaintStatus

REFRESH_CHUNK = 500


def facts_of(complaint: Complaint) -> Facts:
    return Facts(
        received_at=complaint.received_at,
        valid=complaint.valid,
        severity=complaint.severity,
        resident_deadline=complaint.resident_deadline,
    )


def as_domain_event(row: ComplaintEvent) -> Event:
    return Event(row.id, row.kind, row.at, row.actor_id, dict(row.data or {}))


def events_of(session: Session, complaint_id: str) -> list[ComplaintEvent]:
    return list(
        session.scalars(
            select(ComplaintEvent)
            .where(ComplaintEvent.complaint_id == complaint_id)
            .order_by(ComplaintEvent.at, ComplaintEvent.id)
        )
    )


def complaint_state(
    session: Session, complaint: Complaint, rules: ComplaintRules | None = None
) -> ComplaintState:
    rules = rules or load_rules(session, complaint.estate_id)
    events = [as_domain_event(e) for e in events_of(session, complaint.id)]
    return derive(facts_of(complaint), events, rules)


def refresh_status(session: Session, ids: list[str] | None = None) -> int:
    """Recompute the derived status of the given complaints and of every queued one."""
    session.flush()
    if ids:
        session.execute(
            sqlite_insert(ComplaintDirty.__table__).on_conflict_do_nothing(),
            [{"complaint_id": i} for i in ids],
        )
    total = 0
    rules_by_estate: dict[str, ComplaintRules] = {}
    while True:
        # Events that arrived by sync before their header stay queued until it comes.
        batch = session.scalars(
            select(ComplaintDirty.complaint_id)
            .join(Complaint, Complaint.id == ComplaintDirty.complaint_id)
            .limit(REFRESH_CHUNK)
        ).all()
        if not batch:
            return total
        headers = session.scalars(select(Complaint).where(Complaint.id.in_(batch))).all()
        events: dict[str, list[Event]] = defaultdict(list)
        for row in session.execute(
            select(
                ComplaintEvent.id,
                ComplaintEvent.complaint_id,
                ComplaintEvent.kind,
                ComplaintEvent.at,
                ComplaintEvent.actor_id,
                ComplaintEvent.data,
            ).where(ComplaintEvent.complaint_id.in_(batch))
        ):
            events[row.complaint_id].append(
                Event(row.id, row.kind, row.at, row.actor_id, dict(row.data or {}))
            )
        rows = []
        gone = []
        for complaint in headers:
            if complaint.deleted:
                gone.append(complaint.id)
                continue
            rules = rules_by_estate.get(complaint.estate_id)
            if rules is None:
                rules = rules_by_estate[complaint.estate_id] = load_rules(
                    session, complaint.estate_id
                )
            rows.append(
                status_row(complaint, derive(facts_of(complaint), events[complaint.id], rules))
            )
        if gone:
            session.execute(delete(ComplaintStatus).where(ComplaintStatus.complaint_id.in_(gone)))
        if rows:
            write_status(session, rows)
        session.execute(delete(ComplaintDirty).where(ComplaintDirty.complaint_id.in_(batch)))
        total += len(batch)


def write_status(session: Session, rows: list[dict[str, Any]]) -> None:
    stmt = sqlite_insert(ComplaintStatus.__table__)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["complaint_id"],
            set_={c: stmt.excluded[c] for c in rows[0] if c != "complaint_id"},
        ),
        rows,
    )


def status_row(complaint: Complaint, state: ComplaintState) -> dict[str, Any]:
    upcoming = state.next_deadline
    action, role = next_action(state)
    return {
        "complaint_id": complaint.id,
        "estate_id": complaint.estate_id,
        "received_at": complaint.received_at,
        "status": state.status,
        "severity": state.severity,
        "level": state.level,
        "department": complaint.department,
        "category": complaint.category,
        "channel": complaint.channel,
        "next_due": upcoming.due if upcoming else None,
        "next_kind": upcoming.kind if upcoming else "",
        "next_action": action,
        "action_role": role,
        "resolved_at": state.resolved_at,
        "closed_at": state.closed_at,
        "escalate_at": state.escalate_at,
        "is_repeat": complaint.repeat_of is not None,
    }
