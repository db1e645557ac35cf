"""Recording a complaint: its header and "received" event, the repeat it may be (二次投诉),
its attachments, and the resident lookup of the intake form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from app.domain.complaints import (
    ComplaintInput,
    ComplaintRules,
    derive,
    parse_local,
    repeat_window_start,
    validate_input,
)
from app.domain.errors import FieldErrors
from app.services.complaints.attachments import add_attachment
from app.services.complaints.rules import load_rules
from app.services.complaints.status import as_domain_event, facts_of, status_row, write_status
from app.services.units import UnitQuery, page_units, residents_of
from app.store.base import new_id
from app.store.blobs import BlobStore
from app.store.complaint_models import Complaint, ComplaintDirty, ComplaintEvent, ComplaintStatus
from app.store.db import Database
from app.store.recorder import recorder


def utcnow() -> datetime:
    return datetime.now(UTC)


def _local_to_utc(text_value: str, tz: str) -> datetime | None:
    if not text_value.strip():
        return None
    return parse_local(text_value).replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)


def find_repeat_of(
    session: Session,
    estate_id: str,
    unit_id: str | None,
    category: str,
    received_at: datetime,
    rules: ComplaintRules,
) -> str | None:
    """The first complaint this one repeats (二次投诉): same unit and category, received
    before it, and still open or closed within the estate's window (3 months) before it."""
    if not unit_id:
        return None
    since = repeat_window_start(received_at, rules)
    closed_at = ComplaintStatus.closed_at
    row = session.execute(
        select(Complaint.id, Complaint.repeat_of)
        .join(ComplaintStatus, ComplaintStatus.complaint_id == Complaint.id)
        .where(
            Complaint.estate_id == estate_id,
            Complaint.unit_id == unit_id,
            Complaint.category == category,
            Complaint.live(),
            Complaint.valid.is_(True),
            Complaint.received_at <= received_at,
            or_(closed_at.is_(None), and_(closed_at >= since, closed_at <= received_at)),
        )
        .order_by(Complaint.received_at.desc(), Complaint.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return row.repeat_of or row.id


def complaint_number(received_at: datetime, complaint_id: str, tz: str) -> str:
    local = received_at.astimezone(ZoneInfo(tz))
    return f"TS{local:%y%m%d}-{complaint_id[-5:].upper()}"


def create_complaint(
    session: Session,
    estate_id: str,
    data: ComplaintInput,
    *,
    staff_id: str = "",
    staff_role: str = "",
    received_at: datetime | None = None,
) -> Complaint:
    """Record a complaint and its "received" event in the caller's session. Raises
    FieldErrors (nothing is written then)."""
    rules = load_rules(session, estate_id)
    errors = validate_input(data, rules)
    if errors:
        raise FieldErrors(errors)
    received_at = received_at or utcnow()
    repeat_of = find_repeat_of(session, estate_id, data.unit_id, data.category, received_at, rules)
    rec = recorder(session)
    complaint_id = new_id()
    complaint = rec.create(
        Complaint,
        id=complaint_id,
        estate_id=estate_id,
        number=complaint_number(received_at, complaint_id, rules.timezone),
        received_at=received_at,
        received_by=staff_id,
        event_time=_local_to_utc(data.event_time, rules.timezone),
        event_place=data.event_place.strip(),
        unit_id=data.unit_id,
        resident_id=data.resident_id,
        complainant_name=data.complainant_name.strip(),
        complainant_phone=data.complainant_phone.strip(),
        channel=data.channel,
        about=data.about.strip(),
        content=data.content.strip(),
        request=data.request.strip(),
        contact=data.contact.strip(),
        reply_wanted=data.reply_wanted,
        category=data.category,
        valid=data.valid,
        scope=data.scope,
        severity=data.severity,
        suggested_severity=data.suggested_severity,
        department=data.department,
        resident_deadline=_local_to_utc(data.resident_deadline, rules.timezone),
        repeat_of=repeat_of,
        reception_id=data.reception_id,
    )
    received = rec.create(
        ComplaintEvent,
        estate_id=estate_id,
        complaint_id=complaint.id,
        kind="received",
        at=received_at,
        actor_id=staff_id,
        actor_role=staff_role,
        data={"repeat_of": repeat_of} if repeat_of else {},
    )
    # Its only event is known: derive the status here rather than re-reading it.
    state = derive(facts_of(complaint), [as_domain_event(received)], rules)
    write_status(session, [status_row(complaint, state)])
    session.execute(delete(ComplaintDirty).where(ComplaintDirty.complaint_id == complaint.id))
    return complaint


# ---- operations ----


@dataclass(frozen=True)
class Recorded:
    id: str
    number: str
    repeat_of: str | None


def record_complaint(
    db: Database,
    estate_id: str,
    data: ComplaintInput,
    *,
    staff_id: str = "",
    staff_role: str = "",
    attachments: tuple[Path, ...] = (),
    now: datetime | None = None,
    blobs: BlobStore | None = None,
) -> Recorded:
    """Record a complaint with its attachments in one unit of work (all or nothing)."""
    with db.session() as s:
        complaint = create_complaint(
            s, estate_id, data, staff_id=staff_id, staff_role=staff_role, received_at=now
        )
        for path in attachments:
            add_attachment(s, estate_id, complaint.id, Path(path), blobs)
        return Recorded(complaint.id, complaint.number, complaint.repeat_of)


def repeat_number(
    db: Database, estate_id: str, unit_id: str | None, category: str, now: datetime
) -> str:
    """The number of the complaint a new one on this unit and category would repeat, or ""."""
    if not unit_id:
        return ""
    with db.session() as s:
        first_id = find_repeat_of(s, estate_id, unit_id, category, now, load_rules(s, estate_id))
        return s.scalar(select(Complaint.number).where(Complaint.id == first_id)) or ""


@dataclass(frozen=True)
class ResidentMatch:
    unit_id: str
    unit: str
    resident_id: str | None
    name: str
    phone: str


def lookup_residents(
    db: Database, estate_id: str, typed: str, limit: int = 10
) -> list[ResidentMatch]:
    """Units and their residents matching a room code, name or phone as typed."""
    if not typed.strip():
        return []
    matches: list[ResidentMatch] = []
    with db.session() as s:
        for unit in page_units(s, UnitQuery(estate_id=estate_id, text=typed), 0, limit):
            people = residents_of(s, unit.id)
            if not people:
                matches.append(ResidentMatch(unit.id, unit.code, None, "", ""))
            for person in people:
                matches.append(
                    ResidentMatch(unit.id, unit.code, person.id, person.name, person.phone)
                )
    needle = typed.strip()
    # The person typed for first: a name or phone match before the rest of the household.
    matches.sort(key=lambda m: 0 if needle and (needle in m.name or needle in m.phone) else 1)
    return matches[:limit]
