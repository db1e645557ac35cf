"""Who is calling: typed a phone number, a room code or a name, the caller's units and
people, and for the unit chosen its open work orders and complaints, overdue fees, the keys
the office holds, recent contacts and the building's active notices with what to say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.keys import Movement, key_state
from app.domain.money import from_fen
from app.domain.units import normalise_search
from app.services.reception.common import building_of, local_day, tz_of
from app.services.units import UnitQuery, page_units
from app.store.db import Database
from app.store.models import Resident
from app.store.reception_models import (
    BuildingNotice,
    CustodyKey,
    KeyMovement,
    ReceptionEntry,
    WorkOrder,
    WorkOrderStatus,
)


@dataclass(frozen=True)
class Person:
    unit_id: str
    unit: str
    resident_id: str | None
    name: str
    phone: str
    role: str


@dataclass(frozen=True)
class OpenThing:
    kind: str  # "work_order" or "complaint"
    id: str
    number: str
    status: str
    summary: str
    due: datetime | None


@dataclass(frozen=True)
class KeyHeld:
    id: str
    tag: str
    state: str
    borrower: str


@dataclass(frozen=True)
class NoticeRow:
    id: str
    kind: str
    title: str
    script: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class CallerContext:
    people: tuple[Person, ...]
    unit_id: str | None
    open_things: tuple[OpenThing, ...]
    overdue_fees: Decimal
    keys: tuple[KeyHeld, ...]
    notices: tuple[NoticeRow, ...]
    recent: tuple[tuple[datetime, str, str], ...]  # (when, category, content)


def _people(session: Session, estate_id: str, typed: str, limit: int) -> list[Person]:
    units = page_units(session, UnitQuery(estate_id=estate_id, text=typed), 0, limit)
    if not units:
        return []
    codes = {u.id: u.code for u in units}
    rows = session.execute(
        select(Resident.id, Resident.unit_id, Resident.name, Resident.phone, Resident.role).where(
            Resident.unit_id.in_(list(codes)), Resident.live()
        )
    ).all()
    people = [Person(u, codes[u], rid, name, phone, role) for rid, u, name, phone, role in rows]
    found = {p.unit_id for p in people}
    people += [Person(u.id, u.code, None, "", "", "") for u in units if u.id not in found]
    needle = normalise_search(typed)
    # the person typed for first, then owners, then the rest of the household
    order = {u.id: i for i, u in enumerate(units)}
    people.sort(
        key=lambda p: (
            0 if needle and (needle in p.phone or needle in p.name) else 1,
            order[p.unit_id],
            p.role != "owner",
        )
    )
    return people[:limit]


def caller_context(
    db: Database, estate_id: str, typed: str, now: datetime, unit_id: str | None = None
) -> CallerContext:
    """The context of a caller found by what was typed, or of ``unit_id`` when chosen."""
    with db.session() as s:
        people = _people(s, estate_id, typed, 8) if typed.strip() else []
        unit = unit_id or (people[0].unit_id if people else None)
        phone = typed.strip() if typed.strip().isdigit() else ""
        return _context(s, estate_id, tuple(people), unit, phone, now)


def _context(
    s: Session, estate_id: str, people: tuple[Person, ...], unit: str | None, phone: str, now
) -> CallerContext:
    things: list[OpenThing] = []
    fees = Decimal("0.00")
    keys: list[KeyHeld] = []
    recent: list[tuple[datetime, str, str]] = []
    if unit:
        for order_id, num, status, content, due in s.execute(
            select(
                WorkOrder.id,
                WorkOrder.number,
                WorkOrderStatus.status,
                WorkOrder.content,
                WorkOrderStatus.next_due,
            )
            .join(WorkOrderStatus, WorkOrderStatus.work_order_id == WorkOrder.id)
            .where(WorkOrder.unit_id == unit, WorkOrderStatus.status.not_in(("closed", "declined")))
            .order_by(WorkOrder.created_at.desc())
            .limit(10)
        ):
            things.append(OpenThing("work_order", order_id, num, status, content[:60], due))
        for cid, num, status, content, due in s.execute(
            text(
                "SELECT c.id, c.number, st.status, c.content, st.next_due FROM complaints c "
                "JOIN complaint_status st ON st.complaint_id = c.id "
                "WHERE c.unit_id = :u AND c.deleted = 0 AND st.status <> 'closed' "
                "ORDER BY c.received_at DESC LIMIT 10"
            ),
            {"u": unit},
        ):
            things.append(OpenThing("complaint", cid, num, status, (content or "")[:60], due))
        today = local_day(now, tz_of(s, estate_id))
        owed = s.execute(
            text(
                "SELECT coalesce(sum(open_fen), 0) FROM fee_open_lines "
                "WHERE estate_id = :e AND unit_id = :u AND due_date < :d AND open_fen <> 0"
            ),
            {"e": estate_id, "u": unit, "d": today.isoformat()},
        ).scalar_one()
        fees = from_fen(int(owed))
        held = list(
            s.scalars(select(CustodyKey).where(CustodyKey.unit_id == unit, CustodyKey.live()))
        )
        moves: dict[str, list[Movement]] = {}
        if held:
            for m in s.scalars(
                select(KeyMovement).where(KeyMovement.key_id.in_([k.id for k in held]))
            ):
                moves.setdefault(m.key_id, []).append(
                    Movement(
                        m.id, m.key_id, m.kind, m.at, m.borrower, m.borrower_kind, m.expected_back
                    )
                )
        for k in held:
            state = key_state(moves.get(k.id, []))
            keys.append(KeyHeld(k.id, k.tag, state.state, state.borrower))
        recent += [
            (at, cat, content[:60])
            for at, cat, content in s.execute(
                select(ReceptionEntry.received_at, ReceptionEntry.category, ReceptionEntry.content)
                .where(ReceptionEntry.unit_id == unit, ReceptionEntry.live())
                .order_by(ReceptionEntry.received_at.desc())
                .limit(5)
            )
        ]
    elif phone:
        recent += [
            (at, cat, content[:60])
            for at, cat, content in s.execute(
                select(ReceptionEntry.received_at, ReceptionEntry.category, ReceptionEntry.content)
                .where(
                    ReceptionEntry.estate_id == estate_id,
                    ReceptionEntry.caller_phone == phone,
                    ReceptionEntry.live(),
                )
                .order_by(ReceptionEntry.received_at.desc())
                .limit(5)
            )
        ]
    notices = active_notices(s, estate_id, building_of(s, unit), now)
    return CallerContext(
        people, unit, tuple(things), fees, tuple(keys), tuple(notices), tuple(recent)
    )


def active_notices(
    s: Session, estate_id: str, building_id: str | None, now: datetime
) -> list[NoticeRow]:
    """Notices in force now for a building (or for the whole estate)."""
    rows = s.scalars(
        select(BuildingNotice)
        .where(
            BuildingNotice.estate_id == estate_id,
            BuildingNotice.ends_at > now,
            BuildingNotice.starts_at <= now,
            BuildingNotice.live(),
        )
        .order_by(BuildingNotice.starts_at)
    )
    out = []
    for n in rows:
        buildings = n.building_ids or []
        if buildings and building_id is not None and building_id not in buildings:
            continue
        out.append(NoticeRow(n.id, n.kind, n.title, n.script, n.starts_at, n.ends_at))
    return out


def find_units(db: Database, estate_id: str, typed: str, limit: int = 8) -> list[tuple[str, str]]:
    """Units matching a room code, name or phone as typed: (id, "3栋 2单元 1502")."""
    if not typed.strip():
        return []
    with db.session() as s:
        return [
            (u.id, u.code)
            for u in page_units(s, UnitQuery(estate_id=estate_id, text=typed), 0, limit)
        ]
