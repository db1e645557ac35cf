"""Estates, buildings, units and residents inside a caller's unit of work.

The building blocks of the operations in ``app.services.units.operations`` and of other
areas' services (which write in their own transaction); screens use the operations.
Every write goes through the change recorder; refusals are ``FieldErrors`` of codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.domain.units import (
    UnitInput,
    UnitValues,
    building_short,
    unit_code,
    validate_resident,
    validate_unit,
)
from app.store.ids import natural_id
from app.store.models import Building, Estate, Resident, Unit
from app.store.recorder import recorder

RESIDENT_ORDER = {"owner": 0, "co_owner": 1, "tenant": 2, "family": 3}


def building_sort_key(name: str) -> int:
    """Buildings list in numeric order: "2栋" before "10栋"; named ones ("A座") last."""
    digits = re.match(r"\d+", building_short(name))
    return int(digits.group()) if digits else 1_000_000


# ---- estates and buildings ----


def list_estates(session: Session) -> list[Estate]:
    return list(session.scalars(select(Estate).where(Estate.live()).order_by(Estate.name)))


def find_estate(session: Session, name: str) -> Estate | None:
    return session.scalar(select(Estate).where(Estate.name == name, Estate.live()))


def create_estate(session: Session, name: str) -> Estate:
    name = name.strip()
    if not name:
        raise FieldErrors({"name": DomainError("estate.name.required")})
    existing = find_estate(session, name)
    if existing is not None:
        return existing
    estate_id = natural_id("estate", name)
    return recorder(session).create(Estate, id=estate_id, estate_id=estate_id, name=name)


def ensure_building(session: Session, estate_id: str, name: str) -> Building:
    building_id = natural_id(estate_id, "building", name)
    building = session.get(Building, building_id)
    if building is None:
        building = recorder(session).create(
            Building,
            id=building_id,
            estate_id=estate_id,
            name=name,
            sort_key=building_sort_key(name),
        )
    elif building.deleted:
        recorder(session).update(building, deleted=False)
    return building


@dataclass(frozen=True)
class BuildingNode:
    id: str
    name: str
    entrances: tuple[str, ...]
    unit_count: int


def building_tree(session: Session, estate_id: str) -> list[BuildingNode]:
    """Buildings of an estate with their entrances (单元) and unit counts."""
    buildings = session.execute(
        select(Building.id, Building.name)
        .where(Building.estate_id == estate_id, Building.live())
        .order_by(Building.sort_key, Building.name)
    ).all()
    # Counted per building on the units' own index (no join, no temporary sort): this
    # query decides how fast the units page opens on a 100,000-unit estate.
    live_buildings = (
        select(Building.id)
        .where(Building.estate_id == estate_id, Building.live())
        .scalar_subquery()
    )
    counts = session.execute(
        select(Unit.building_id, Unit.entrance, func.count())
        .where(Unit.building_id.in_(live_buildings), Unit.live())
        .group_by(Unit.building_id, Unit.entrance)
    ).all()
    entrances: dict[str, list[str]] = {b.id: [] for b in buildings}
    totals: dict[str, int] = dict.fromkeys(entrances, 0)
    for building_id, entrance, count in counts:
        if entrance:
            entrances[building_id].append(entrance)
        totals[building_id] += count
    return [
        BuildingNode(
            b.id, b.name, tuple(sorted(entrances[b.id], key=lambda e: (len(e), e))), totals[b.id]
        )
        for b in buildings
        if totals[b.id]  # "2" before "10" above
    ]


# ---- units ----


def unit_id_for(estate_id: str, building: str, entrance: str, room: str) -> str:
    return natural_id(estate_id, "unit", building, entrance, room)


def create_unit(session: Session, estate_id: str, data: UnitInput) -> Unit:
    values = validate_unit(data)
    unit_id = unit_id_for(estate_id, values.building, values.entrance, values.room)
    existing = session.get(Unit, unit_id)
    if existing is not None and not existing.deleted:
        code = unit_code(values.building, values.entrance, values.room)
        raise FieldErrors({"room": DomainError("unit.exists", unit=code)})
    building = ensure_building(session, estate_id, values.building)
    fields = unit_fields(values, building.id)
    if existing is not None:  # re-create over a tombstone: revive the same row
        recorder(session).update(existing, deleted=False, **fields)
        return existing
    return recorder(session).create(Unit, id=unit_id, estate_id=estate_id, **fields)


def unit_fields(values: UnitValues, building_id: str) -> dict:
    return {
        "building_id": building_id,
        "entrance": values.entrance,
        "room": values.room,
        "floor": values.floor,
        "area_m2": values.area_m2,
        "kind": values.kind,
        "handover_date": values.handover_date,
        "vacant_since": values.vacant_since,
        "vacancy_approved": values.vacancy_approved,
    }


def update_unit(session: Session, unit: Unit, data: UnitInput) -> list[str]:
    values = validate_unit(data)
    building = ensure_building(session, unit.estate_id, values.building)
    return recorder(session).update(unit, **unit_fields(values, building.id))


def delete_unit(session: Session, unit: Unit) -> None:
    rec = recorder(session)
    for resident in residents_of(session, unit.id):
        rec.delete(resident)
    rec.delete(unit)


def unit_input(session: Session, unit: Unit) -> UnitInput:
    """A unit as form text, for editing."""
    building = session.get(Building, unit.building_id)
    return UnitInput(
        building=building.name if building else "",
        entrance=unit.entrance,
        room=unit.room,
        floor="" if unit.floor is None else str(unit.floor),
        area_m2=f"{unit.area_m2:.2f}",
        kind=unit.kind,
        handover_date=unit.handover_date.isoformat() if unit.handover_date else "",
        vacant_since=unit.vacant_since.isoformat() if unit.vacant_since else "",
        vacancy_approved=unit.vacancy_approved,
    )


# ---- residents ----


def residents_of(session: Session, unit_id: str) -> list[Resident]:
    rows = session.scalars(select(Resident).where(Resident.unit_id == unit_id, Resident.live()))
    return sorted(rows, key=lambda r: (RESIDENT_ORDER.get(r.role, 9), r.name))


def add_resident(
    session: Session,
    unit: Unit,
    *,
    name: str,
    phone: str = "",
    role: str = "owner",
    id_number: str = "",
    note: str = "",
) -> Resident:
    errors = validate_resident(name, phone, role, id_number, note)
    if errors:
        raise FieldErrors(errors)
    return recorder(session).create(
        Resident,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        name=name.strip(),
        phone=phone.strip(),
        role=role,
        id_number=id_number.strip(),
        note=note,
    )


def update_resident(session: Session, resident: Resident, **values: str) -> list[str]:
    merged = {
        k: values.get(k, getattr(resident, k))
        for k in ("name", "phone", "role", "id_number", "note")
    }
    errors = validate_resident(**merged)
    if errors:
        raise FieldErrors(errors)
    cleaned = {k: v.strip() if isinstance(v, str) and k != "note" else v for k, v in values.items()}
    return recorder(session).update(resident, **cleaned)


def delete_resident(session: Session, resident: Resident) -> None:
    recorder(session).delete(resident)
