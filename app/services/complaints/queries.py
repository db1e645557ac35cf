"""Reading complaints: the list (count and pages, filtered and searched in SQL), one
complaint's detail with its derived state and timeline, and the complaints opened from a
reception record. Every result is a frozen value, never an ORM row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from app.domain.complaints import due_state
from app.domain.units import mask_phone, unit_short_code
from app.services.complaints.search import SEARCH_CONTENT, ComplaintQuery, conditions
from app.services.complaints.status import refresh_status
from app.store.complaint_models import Complaint, ComplaintStatus
from app.store.db import Database
from app.store.models import Building, Unit


@dataclass(frozen=True)
class ComplaintRow:
    id: str
    number: str
    received_at: datetime
    status: str
    severity: str
    category: str
    department: str
    channel: str
    unit: str
    complainant: str
    phone_masked: str
    about: str
    content: str
    next_due: datetime | None
    next_kind: str
    next_action: str
    is_repeat: bool

    def deadline_state(self, now: datetime) -> str:
        """ "done", "overdue", "due_soon" or "on_time" at ``now`` (``due_state``)."""
        return due_state(self.next_due, now)


def count_complaints(
    session: Session, query: ComplaintQuery, now: datetime | None = None, cap: int | None = None
) -> int:
    """How many complaints match; with ``cap``, counting stops at cap + 1 (lists show
    "1000+" rather than spend the time to count every match of 100,000)."""
    refresh_status(session)
    now = now or datetime.now(UTC)
    where = conditions(session, query, now, unordered=True)
    if any(getattr(condition, "scans_content", False) for condition in where):
        # The unary + stops SQLite from looking bodies up by id, so it starts from them.
        inner = (
            select(ComplaintStatus.complaint_id)
            .select_from(SEARCH_CONTENT)
            .join(
                Complaint,
                literal_column("complaints.rowid")
                == literal_column("+complaint_search_content.id"),
            )
            .join(ComplaintStatus, ComplaintStatus.complaint_id == Complaint.id)
        )
    else:
        inner = select(ComplaintStatus.complaint_id)
        if query.text:
            inner = inner.join(Complaint, Complaint.id == ComplaintStatus.complaint_id)
    inner = inner.where(*where)
    if cap is not None:
        inner = inner.limit(cap + 1)
    return session.scalar(select(func.count()).select_from(inner.subquery())) or 0


def page_complaints(
    session: Session,
    query: ComplaintQuery,
    offset: int,
    limit: int,
    now: datetime | None = None,
) -> list[ComplaintRow]:
    refresh_status(session)
    now = now or datetime.now(UTC)
    s = ComplaintStatus
    if query.deadline:
        order = [s.next_due, s.received_at]  # no NULLs here, and the index gives this order
    elif query.my_role:
        order = [s.next_due.is_(None), s.next_due, s.received_at]  # soonest first
    else:
        order = [s.received_at.desc(), s.complaint_id.desc()]
    # Pick the page's ids first, so sorting many matches (e.g. "my work") moves only the
    # sort keys; the texts, unit and building are read for the page's rows alone.
    page_ids = select(s.complaint_id)
    if query.text:
        page_ids = page_ids.join(Complaint, Complaint.id == s.complaint_id)
    page_ids = (
        page_ids.where(*conditions(session, query, now))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
        .subquery()
    )
    stmt = (
        select(
            s,
            Complaint.number,
            Complaint.complainant_name,
            Complaint.complainant_phone,
            Complaint.about,
            Complaint.content,
            Building.name,
            Unit.entrance,
            Unit.room,
        )
        .select_from(page_ids)
        .join(s, s.complaint_id == page_ids.c.complaint_id)
        .join(Complaint, Complaint.id == s.complaint_id)
        .outerjoin(Unit, Unit.id == Complaint.unit_id)
        .outerjoin(Building, Building.id == Unit.building_id)
        .order_by(*order)
    )
    result = []
    for st, number, name, phone, about, content, bname, entrance, room in session.execute(stmt):
        result.append(
            ComplaintRow(
                id=st.complaint_id,
                number=number,
                received_at=st.received_at,
                status=st.status,
                severity=st.severity,
                category=st.category,
                department=st.department,
                channel=st.channel,
                unit=unit_short_code(bname, entrance, room) if bname else "",
                complainant=name,
                phone_masked=mask_phone(phone),
                about=about,
                content=content,
                next_due=st.next_due,
                next_kind=st.next_kind,
                next_action=st.next_action,
                is_repeat=st.is_repeat,
            )
        )
    return result


# ---- operations ----


def read_page(
    db: Database, query: ComplaintQuery, offset: int, limit: int, now: datetime
) -> list[ComplaintRow]:
    with db.session() as s:
        return page_complaints(s, query, offset, limit, now)


def count(db: Database, query: ComplaintQuery, now: datetime, cap: int | None = None) -> int:
    with db.session() as s:
        return count_complaints(s, query, now, cap=cap)


@dataclass(frozen=True)
class LinkedComplaint:
    id: str
    number: str
    unit_id: str | None
    received_at: datetime


def complaints_for_reception(db: Database, reception_id: str) -> list[LinkedComplaint]:
    """Complaints opened from one reception record (the two stay linked both ways)."""
    with db.session() as s:
        rows = s.execute(
            select(Complaint.id, Complaint.number, Complaint.unit_id, Complaint.received_at)
            .where(Complaint.reception_id == reception_id, Complaint.live())
            .order_by(Complaint.received_at)
        ).all()
    return [LinkedComplaint(*row) for row in rows]
