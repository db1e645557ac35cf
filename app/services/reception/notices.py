"""Building notices (a planned water or power cut, a lift out of service) and the daily
work log (工作日记) with the team lead's review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.reception import NoticeInput, check_notice
from app.services.reception.common import get_live, staff_names
from app.services.reception.context import NoticeRow, active_notices
from app.services.reception.register import EntryRow, day_entries
from app.services.units import natural_id
from app.store.db import Database
from app.store.models import Building
from app.store.reception_models import BuildingNotice, WorkLogDay
from app.store.recorder import recorder

REVIEWERS = ("team_lead", "supervisor", "director", "admin")


def save_notice(
    db: Database, estate_id: str, data: NoticeInput, staff_id: str, notice_id: str | None = None
) -> NoticeRow:
    check_notice(data)
    values = dict(
        kind=data.kind,
        title=data.title.strip(),
        script=data.script.strip(),
        building_ids=list(data.building_ids),
        starts_at=data.starts_at,
        ends_at=data.ends_at,
    )
    with db.session() as s:
        if notice_id is None:
            n = recorder(s).create(
                BuildingNotice, estate_id=estate_id, created_by=staff_id, **values
            )
        else:
            n = get_live(s, BuildingNotice, notice_id, "notice.gone")
            recorder(s).update(n, **values)
        return NoticeRow(n.id, n.kind, n.title, n.script, n.starts_at, n.ends_at)


def end_notice(db: Database, notice_id: str) -> None:
    with db.session() as s:
        recorder(s).delete(get_live(s, BuildingNotice, notice_id, "notice.gone"))


@dataclass(frozen=True)
class NoticeListRow:
    notice: NoticeRow
    buildings: tuple[str, ...]  # names; empty: the whole estate
    active: bool


def notices(db: Database, estate_id: str, now: datetime, limit: int = 200) -> list[NoticeListRow]:
    """Current and coming notices, then the latest past ones."""
    with db.session() as s:
        names = dict(
            s.execute(
                select(Building.id, Building.name).where(Building.estate_id == estate_id)
            ).all()
        )
        rows = s.scalars(
            select(BuildingNotice)
            .where(BuildingNotice.estate_id == estate_id, BuildingNotice.live())
            .order_by(BuildingNotice.ends_at.desc())
            .limit(limit)
        )
        out = [
            NoticeListRow(
                NoticeRow(n.id, n.kind, n.title, n.script, n.starts_at, n.ends_at),
                tuple(names.get(b, "?") for b in n.building_ids or []),
                n.starts_at <= now < n.ends_at,
            )
            for n in rows
        ]
        out.sort(key=lambda r: (r.notice.ends_at <= now, r.notice.starts_at))
        return out


def notices_for(db: Database, estate_id: str, building_id: str | None, now: datetime):
    with db.session() as s:
        return active_notices(s, estate_id, building_id, now)


# ---- the daily work log ----


@dataclass(frozen=True)
class WorkLogPage:
    staff_id: str
    staff_name: str
    day: date
    entries: tuple[EntryRow, ...]
    notes: str
    reviewed_by_name: str
    reviewed_at: datetime | None
    review_remark: str


def worklog_id(estate_id: str, staff_id: str, day: date) -> str:
    return natural_id(estate_id, "worklog", staff_id, day.isoformat())


def work_log(db: Database, estate_id: str, staff_id: str, day: date) -> WorkLogPage:
    """One assistant's day on one page: the entries they took, notes and the review."""
    entries = day_entries(db, estate_id, day, staff_id=staff_id)
    with db.session() as s:
        names = staff_names(s)
        row = s.get(WorkLogDay, worklog_id(estate_id, staff_id, day))
        return WorkLogPage(
            staff_id,
            names.get(staff_id, ""),
            day,
            tuple(entries),
            row.notes if row else "",
            names.get(row.reviewed_by, "") if row else "",
            row.reviewed_at if row else None,
            row.review_remark if row else "",
        )


def _log_row(s, estate_id: str, staff_id: str, day: date) -> WorkLogDay:
    row = s.get(WorkLogDay, worklog_id(estate_id, staff_id, day))
    if row is None:
        row = recorder(s).create(
            WorkLogDay,
            id=worklog_id(estate_id, staff_id, day),
            estate_id=estate_id,
            staff_id=staff_id,
            day=day,
        )
    return row


def save_notes(db: Database, estate_id: str, staff_id: str, day: date, notes: str) -> None:
    with db.session() as s:
        recorder(s).update(_log_row(s, estate_id, staff_id, day), notes=notes.strip())


def review_day(
    db: Database,
    estate_id: str,
    staff_id: str,
    day: date,
    reviewer_id: str,
    reviewer_role: str,
    remark: str,
    now: datetime,
) -> WorkLogPage:
    """The team lead marks the day reviewed, with a remark (not the assistant's own day)."""
    if reviewer_role not in REVIEWERS:
        raise DomainError("worklog.reviewer_role")
    if reviewer_id == staff_id:
        raise DomainError("worklog.own_day")
    with db.session() as s:
        row = _log_row(s, estate_id, staff_id, day)
        recorder(s).update(
            row, reviewed_by=reviewer_id, reviewed_at=now, review_remark=remark.strip()
        )
    return work_log(db, estate_id, staff_id, day)
