"""Visitors (来访登记) and goods release slips (放行条)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from app.domain.errors import DomainError
from app.domain.reception import SlipInput, VisitorInput, check_slip, check_visitor
from app.domain.units import mask_id_number
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
from app.store.reception_models import ReleaseSlip, Visitor
from app.store.recorder import recorder

CLOSING = time(17, 30)


@dataclass(frozen=True)
class VisitorRow:
    id: str
    name: str
    id_type: str
    id_masked: str
    unit: str
    purpose: str
    plate: str
    time_in: datetime
    time_out: datetime | None


def _visitor_rows(s, rows: list[Visitor]) -> list[VisitorRow]:
    labels = unit_labels(s, (v.unit_id for v in rows))
    return [
        VisitorRow(
            v.id,
            v.name,
            v.id_type,
            mask_id_number(v.id_number) if v.id_number else "",
            labels.get(v.unit_id or "", ("", ""))[0],
            v.purpose,
            v.plate,
            v.time_in,
            v.time_out,
        )
        for v in rows
    ]


def check_in(db: Database, estate_id: str, data: VisitorInput, staff_id: str, now: datetime):
    check_visitor(data)
    with db.session() as s:
        v = recorder(s).create(
            Visitor,
            estate_id=estate_id,
            name=data.name.strip(),
            id_type=data.id_type,
            id_number=data.id_number.strip().upper(),
            unit_id=data.unit_id,
            purpose=data.purpose.strip(),
            plate=data.plate.strip().upper().replace(" ", ""),
            time_in=now,
            registered_by=staff_id,
        )
        return _visitor_rows(s, [v])[0]


def check_out(db: Database, visitor_id: str, now: datetime) -> VisitorRow:
    with db.session() as s:
        v = get_live(s, Visitor, visitor_id, "visitor.gone")
        if v.time_out is not None:
            raise DomainError("visitor.already_out", name=v.name)
        recorder(s).update(v, time_out=now)
        return _visitor_rows(s, [v])[0]


def visitors_of_day(db: Database, estate_id: str, day: date, limit: int = 500) -> list[VisitorRow]:
    """The day's visitors, and anyone from earlier days still checked in."""
    with db.session() as s:
        start, end = local_day_bounds(day, tz_of(s, estate_id))
        rows = list(
            s.scalars(
                select(Visitor)
                .where(
                    Visitor.estate_id == estate_id,
                    Visitor.live(),
                    Visitor.time_in < end,
                    or_(Visitor.time_in >= start, Visitor.time_out.is_(None)),
                )
                .order_by(Visitor.time_in.desc())
                .limit(limit)
            )
        )
        return _visitor_rows(s, rows)


def still_in(db: Database, estate_id: str, now: datetime) -> list[VisitorRow]:
    """Visitors still checked in (listed at closing time)."""
    with db.session() as s:
        rows = list(
            s.scalars(
                select(Visitor)
                .where(
                    Visitor.estate_id == estate_id,
                    Visitor.live(),
                    Visitor.time_out.is_(None),
                    Visitor.time_in <= now,
                )
                .order_by(Visitor.time_in)
            )
        )
        return _visitor_rows(s, rows)


def past_closing(db: Database, estate_id: str, now: datetime) -> bool:
    with db.session() as s:
        tz = tz_of(s, estate_id)
    return now.astimezone(ZoneInfo(tz)).time() >= CLOSING


# ---- release slips ----


@dataclass(frozen=True)
class SlipRow:
    id: str
    number: str
    unit: str
    items: str
    taken_by: str
    checked_by: str
    issued_at: datetime
    issued_by_name: str


def issue_slip(db: Database, estate_id: str, data: SlipInput, staff_id: str, now: datetime):
    check_slip(data)
    with db.session() as s:
        slip_id = new_id()
        slip = recorder(s).create(
            ReleaseSlip,
            id=slip_id,
            estate_id=estate_id,
            number=number("FX", now, slip_id, tz_of(s, estate_id)),
            unit_id=data.unit_id,
            items=data.items.strip(),
            taken_by=data.taken_by.strip(),
            checked_by=data.checked_by.strip(),
            issued_at=now,
            issued_by=staff_id,
        )
        return _slip_rows(s, [slip])[0]


def _slip_rows(s, slips: list[ReleaseSlip]) -> list[SlipRow]:
    names = staff_names(s)
    labels = unit_labels(s, (x.unit_id for x in slips))
    return [
        SlipRow(
            x.id,
            x.number,
            labels.get(x.unit_id or "", ("", ""))[0],
            x.items,
            x.taken_by,
            x.checked_by,
            x.issued_at,
            names.get(x.issued_by, ""),
        )
        for x in slips
    ]


def slips(db: Database, estate_id: str, limit: int = 200) -> list[SlipRow]:
    with db.session() as s:
        rows = list(
            s.scalars(
                select(ReleaseSlip)
                .where(ReleaseSlip.estate_id == estate_id, ReleaseSlip.live())
                .order_by(ReleaseSlip.issued_at.desc())
                .limit(limit)
            )
        )
        return _slip_rows(s, rows)


def read_slip(db: Database, slip_id: str) -> SlipRow:
    with db.session() as s:
        return _slip_rows(s, [get_live(s, ReleaseSlip, slip_id, "slip.gone")])[0]
