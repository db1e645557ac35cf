"""One complaint as a screen or a printed form shows it: the record, its derived state
(status, deadlines) and the timeline of events, as frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.complaints import ComplaintState
from app.domain.units import unit_code
from app.services.complaints.attachments import AttachmentView, attachments_of
from app.services.complaints.rules import load_rules
from app.services.complaints.status import complaint_state, events_of
from app.store.complaint_models import Complaint
from app.store.db import Database
from app.store.models import Building, StaffUser, Unit


@dataclass(frozen=True)
class EventView:
    id: str
    kind: str
    at: datetime
    actor_name: str
    actor_role: str
    note: str
    data: dict[str, Any]


@dataclass(frozen=True)
class ComplaintDetail:
    id: str
    estate_id: str
    number: str
    received_at: datetime
    received_by: str  # the receptionist's name
    event_time: datetime | None
    event_place: str
    unit_id: str | None
    unit: str  # "3栋 2单元 1502", or ""
    complainant_name: str
    complainant_phone: str
    contact: str
    channel: str
    about: str
    content: str
    request: str
    reply_wanted: bool
    category: str
    valid: bool
    scope: str
    department: str
    repeat_of_number: str  # the complaint this one repeats (二次投诉), or ""
    state: ComplaintState
    events: tuple[EventView, ...]
    attachments: tuple[AttachmentView, ...]
    timezone: str


def staff_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(StaffUser.id, StaffUser.display_name)).all())


def unit_label(session: Session, unit_id: str | None) -> str:
    if not unit_id:
        return ""
    row = session.execute(
        select(Building.name, Unit.entrance, Unit.room)
        .join(Unit, Unit.building_id == Building.id)
        .where(Unit.id == unit_id)
    ).first()
    return "" if row is None else unit_code(*row)


def read_complaint(db: Database, complaint_id: str) -> ComplaintDetail | None:
    """The complaint with its state and timeline; None when it does not exist (any more)."""
    with db.session() as s:
        c = s.get(Complaint, complaint_id)
        if c is None or c.deleted:
            return None
        rules = load_rules(s, c.estate_id)
        names = staff_names(s)
        first = (
            s.scalar(select(Complaint.number).where(Complaint.id == c.repeat_of))
            if c.repeat_of
            else None
        )
        events = tuple(
            EventView(
                e.id,
                e.kind,
                e.at,
                names.get(e.actor_id, ""),
                e.actor_role,
                e.note,
                dict(e.data or {}),
            )
            for e in events_of(s, complaint_id)
        )
        return ComplaintDetail(
            id=c.id,
            estate_id=c.estate_id,
            number=c.number,
            received_at=c.received_at,
            received_by=names.get(c.received_by, ""),
            event_time=c.event_time,
            event_place=c.event_place,
            unit_id=c.unit_id,
            unit=unit_label(s, c.unit_id),
            complainant_name=c.complainant_name,
            complainant_phone=c.complainant_phone,
            contact=c.contact,
            channel=c.channel,
            about=c.about,
            content=c.content,
            request=c.request,
            reply_wanted=c.reply_wanted,
            category=c.category,
            valid=c.valid,
            scope=c.scope,
            department=c.department,
            repeat_of_number=first or "",
            state=complaint_state(s, c, rules),
            events=events,
            attachments=tuple(attachments_of(s, complaint_id)),
            timezone=rules.timezone,
        )


def unit_name(db: Database, unit_id: str | None) -> str:
    """ "3栋 2单元 1502" for a unit id ("" for none)."""
    with db.session() as s:
        return unit_label(s, unit_id)
