"""The register (客户服务登记表): save an entry, today's list, open items and referrals,
closing an item with the answer given, and turning an entry into a complaint.

First-contact responsibility (首问责任制): an open item stays under "my open items" of the
person who took it until someone, maybe someone else, closes it with the answer given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.reception import EntryInput, check_close, check_entry
from app.services.reception.common import (
    get_live,
    local_day_bounds,
    number,
    staff_names,
    tz_of,
    unit_labels,
)
from app.store.base import new_id
from app.store.db import Database
from app.store.reception_models import ReceptionEntry, WorkOrder
from app.store.recorder import recorder


@dataclass(frozen=True)
class EntryRow:
    id: str
    number: str
    received_at: datetime
    received_by: str
    received_by_name: str
    channel: str
    category: str
    caller_name: str
    caller_phone: str
    unit_id: str | None
    unit: str
    unit_short: str
    content: str
    answer: str
    is_open: bool
    promised_at: datetime | None
    referred_to: str
    closed_at: datetime | None
    closed_by_name: str
    work_order_ids: tuple[str, ...] = ()
    complaint_ids: tuple[str, ...] = ()

    def overdue(self, now: datetime) -> bool:
        return self.is_open and self.promised_at is not None and now > self.promised_at


# the columns lists read: plain rows, no ORM objects (a day holds 500 entries or more)
COLUMNS = tuple(
    getattr(ReceptionEntry, name)
    for name in (
        "id",
        "number",
        "received_at",
        "received_by",
        "channel",
        "category",
        "caller_name",
        "caller_phone",
        "unit_id",
        "content",
        "answer",
        "is_open",
        "promised_at",
        "referred_to",
        "closed_at",
        "closed_by",
    )
)


def _rows(session: Session, entries, links: bool = False) -> list[EntryRow]:
    """EntryRows of ORM entries or of rows selected with ``COLUMNS``."""
    names = staff_names(session, {e.received_by for e in entries} | {e.closed_by for e in entries})
    labels = unit_labels(session, (e.unit_id for e in entries))
    orders: dict[str, list[str]] = {}
    complaints: dict[str, list[str]] = {}
    if links and entries:
        ids = [e.id for e in entries]
        for order_id, rid in session.execute(
            select(WorkOrder.id, WorkOrder.reception_id).where(WorkOrder.reception_id.in_(ids))
        ):
            orders.setdefault(rid, []).append(order_id)
        from app.store.complaint_models import Complaint

        for cid, rid in session.execute(
            select(Complaint.id, Complaint.reception_id).where(Complaint.reception_id.in_(ids))
        ):
            complaints.setdefault(rid, []).append(cid)
    out = []
    for e in entries:
        full, short = labels.get(e.unit_id or "", ("", ""))
        out.append(
            EntryRow(
                id=e.id,
                number=e.number,
                received_at=e.received_at,
                received_by=e.received_by,
                received_by_name=names.get(e.received_by, ""),
                channel=e.channel,
                category=e.category,
                caller_name=e.caller_name,
                caller_phone=e.caller_phone,
                unit_id=e.unit_id,
                unit=full,
                unit_short=short,
                content=e.content,
                answer=e.answer,
                is_open=e.is_open,
                promised_at=e.promised_at,
                referred_to=e.referred_to,
                closed_at=e.closed_at,
                closed_by_name=names.get(e.closed_by, ""),
                work_order_ids=tuple(orders.get(e.id, ())),
                complaint_ids=tuple(complaints.get(e.id, ())),
            )
        )
    return out


def create_entry(
    session: Session, estate_id: str, data: EntryInput, staff_id: str, now: datetime
) -> ReceptionEntry:
    """Record one contact inside the caller's unit of work (checks first, writes nothing
    on an error)."""
    check_entry(data, now)
    entry_id = new_id()
    return recorder(session).create(
        ReceptionEntry,
        id=entry_id,
        estate_id=estate_id,
        number=number("KF", now, entry_id, tz_of(session, estate_id)),
        received_at=now,
        received_by=staff_id,
        channel=data.channel,
        category=data.category,
        unit_id=data.unit_id,
        resident_id=data.resident_id,
        caller_name=data.caller_name.strip(),
        caller_phone=data.caller_phone.strip(),
        content=data.content.strip(),
        answer=data.answer.strip(),
        is_open=data.open,
        promised_at=data.promised_at if data.open else None,
        referred_to=data.referred_to,
    )


def save_entry(
    db: Database, estate_id: str, data: EntryInput, staff_id: str, now: datetime
) -> EntryRow:
    with db.session() as s:
        entry = create_entry(s, estate_id, data, staff_id, now)
        return _rows(s, [entry])[0]


def close_item(db: Database, entry_id: str, staff_id: str, answer: str, now: datetime) -> EntryRow:
    """Close an open item with the answer given; anyone may close it, who is recorded."""
    check_close(answer)
    with db.session() as s:
        entry = get_live(s, ReceptionEntry, entry_id, "reception.entry_gone")
        if not entry.is_open:
            raise DomainError("reception.already_closed", number=entry.number)
        text_answer = answer.strip()
        if entry.answer.strip():
            text_answer = f"{entry.answer.strip()}\n{text_answer}"
        recorder(s).update(
            entry, answer=text_answer, is_open=False, closed_at=now, closed_by=staff_id
        )
        return _rows(s, [entry])[0]


def refer(db: Database, entry_id: str, department: str, promised_at: datetime, now: datetime):
    """Refer an entry to a department, keeping it open with a promised reply time."""
    with db.session() as s:
        entry = get_live(s, ReceptionEntry, entry_id, "reception.entry_gone")
        data = EntryInput(
            channel=entry.channel,
            category=entry.category,
            content=entry.content,
            answer=entry.answer,
            open=True,
            promised_at=promised_at,
            referred_to=department,
        )
        check_entry(data, now)
        recorder(s).update(
            entry,
            is_open=True,
            promised_at=promised_at,
            referred_to=department,
            closed_at=None,
            closed_by="",
        )
        return _rows(s, [entry])[0]


def read_entry(db: Database, entry_id: str) -> EntryRow:
    with db.session() as s:
        entry = get_live(s, ReceptionEntry, entry_id, "reception.entry_gone")
        return _rows(s, [entry], links=True)[0]


def day_entries(
    db: Database, estate_id: str, day: date, staff_id: str | None = None, limit: int = 500
) -> list[EntryRow]:
    """The register of one local day, newest first (optionally one assistant's)."""
    with db.session() as s:
        start, end = local_day_bounds(day, tz_of(s, estate_id))
        query = select(*COLUMNS).where(
            ReceptionEntry.estate_id == estate_id,
            ReceptionEntry.received_at >= start,
            ReceptionEntry.received_at < end,
            ReceptionEntry.live(),
        )
        if staff_id:
            query = query.where(ReceptionEntry.received_by == staff_id)
        entries = s.execute(query.order_by(ReceptionEntry.received_at.desc()).limit(limit)).all()
        return _rows(s, entries)


def open_items(
    db: Database, estate_id: str, staff_id: str | None = None, limit: int = 500
) -> list[EntryRow]:
    """Open items, the earliest promise first: one person's ("my open items") or all."""
    with db.session() as s:
        query = select(*COLUMNS).where(*_open_conditions(estate_id, staff_id))
        entries = s.execute(query.order_by(ReceptionEntry.promised_at).limit(limit)).all()
        return _rows(s, entries)


def _open_conditions(estate_id: str, staff_id: str | None) -> list:
    """The open items' WHERE: one list for the list and its count."""
    where = [
        ReceptionEntry.estate_id == estate_id,
        ReceptionEntry.is_open == true(),  # "= 1": the partial index's own condition
        ReceptionEntry.live(),
    ]
    if staff_id:
        where.append(ReceptionEntry.received_by == staff_id)
    return where


def count_open(db: Database, estate_id: str, staff_id: str | None) -> int:
    """How many items ``open_items`` lists (without its limit)."""
    with db.session() as s:
        return s.scalar(
            select(func.count())
            .select_from(ReceptionEntry)
            .where(*_open_conditions(estate_id, staff_id))
        )


def entries_between(
    db: Database, estate_id: str, start: datetime, end: datetime, limit: int = 2000
) -> list[EntryRow]:
    """The register for printing (KH-21-R01): entries between two moments, oldest first."""
    with db.session() as s:
        entries = s.execute(
            select(*COLUMNS)
            .where(
                ReceptionEntry.estate_id == estate_id,
                ReceptionEntry.received_at >= start,
                ReceptionEntry.received_at < end,
                ReceptionEntry.live(),
            )
            .order_by(ReceptionEntry.received_at)
            .limit(limit)
        ).all()
        return _rows(s, entries)


def convert_to_complaint(
    db: Database, entry_id: str, staff_id: str, staff_role: str, now: datetime, **extra
) -> str:
    """Open a complaint from an entry, its content carried over and linked back; the entry
    itself is kept as it was. Returns the complaint's id."""
    from app.domain.complaints import ComplaintInput
    from app.services.complaints import create_complaint

    with db.session() as s:
        entry = get_live(s, ReceptionEntry, entry_id, "reception.entry_gone")
        channel = entry.channel if entry.channel in ("in_person", "phone", "letter") else "other"
        data = ComplaintInput(
            unit_id=entry.unit_id,
            resident_id=entry.resident_id,
            complainant_name=entry.caller_name or "-",
            complainant_phone=entry.caller_phone,
            channel=channel,
            content=entry.content,
            request=extra.get("request", entry.content),
            category=extra.get("category", "other"),
            severity=extra.get("severity", "minor"),
            department=extra.get("department", ""),
            reception_id=entry.id,
        )
        complaint = create_complaint(
            s, entry.estate_id, data, staff_id=staff_id, staff_role=staff_role, received_at=now
        )
        return complaint.id
