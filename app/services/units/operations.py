"""Operations of the Units & Residents desk: each opens and commits its own unit of work,
takes ids and plain values and returns plain read-only results (never ORM objects).

Refusals are ``FieldErrors`` (field -> ``DomainError``) a form can mark field by field;
a unit or resident that vanished meanwhile (deleted on this or another desk, pulled by
sync) is ``DomainError("unit.gone")`` / ``("resident.gone")``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.units import UnitInput, unit_code
from app.services.units import listing, records
from app.services.units.listing import UnitQuery, UnitRow
from app.services.units.records import BuildingNode
from app.store.models import Resident, Unit

if TYPE_CHECKING:
    from app.store.db import Database

RESIDENT_FIELDS = ("role", "name", "phone", "id_number", "note")


@dataclass(frozen=True)
class EstateRow:
    id: str
    name: str


@dataclass(frozen=True)
class UnitDetail:
    """A saved unit: its id, its full code ("3栋 2单元 1502") and its values as form text."""

    id: str
    code: str
    input: UnitInput


@dataclass(frozen=True)
class ResidentRow:
    id: str
    role: str
    name: str
    phone: str
    id_number: str
    note: str

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in RESIDENT_FIELDS}


def _detail(session, unit: Unit) -> UnitDetail:
    data = records.unit_input(session, unit)
    return UnitDetail(unit.id, unit_code(data.building, data.entrance, data.room), data)


def _resident_row(r: Resident) -> ResidentRow:
    return ResidentRow(r.id, r.role, r.name, r.phone, r.id_number, r.note)


def _live(session, model, row_id: str, gone: str):
    row = session.get(model, row_id)
    if row is None or row.deleted:
        raise DomainError(gone)
    return row


# ---- estates ----


def read_estates(db: Database) -> list[EstateRow]:
    with db.session() as s:
        return [EstateRow(e.id, e.name) for e in records.list_estates(s)]


def estate_has_units(db: Database, estate_id: str) -> bool:
    with db.session() as s:
        return (
            s.scalar(select(Unit.id).where(Unit.estate_id == estate_id, Unit.live()).limit(1))
            is not None
        )


# ---- the list and the tree ----


def count_list(db: Database, query: UnitQuery) -> int:
    with db.session() as s:
        return listing.count_units(s, query)


def read_list(db: Database, query: UnitQuery, offset: int, limit: int) -> list[UnitRow]:
    with db.session() as s:
        return listing.page_units(s, query, offset, limit)


def read_buildings(db: Database, estate_id: str) -> list[BuildingNode]:
    with db.session() as s:
        return records.building_tree(s, estate_id)


# ---- one unit ----


def read_unit(db: Database, unit_id: str) -> UnitDetail | None:
    """The unit as form text, or None when it no longer exists."""
    with db.session() as s:
        unit = s.get(Unit, unit_id)
        if unit is None or unit.deleted:
            return None
        return _detail(s, unit)


def save_unit(db: Database, estate_id: str, unit_id: str | None, data: UnitInput) -> UnitDetail:
    """Create (``unit_id`` None) or update a unit; the saved values come back."""
    with db.session() as s:
        if unit_id is None:
            unit = records.create_unit(s, estate_id, data)
        else:
            unit = _live(s, Unit, unit_id, "unit.gone")
            records.update_unit(s, unit, data)
        s.flush()
        return _detail(s, unit)


def remove_unit(db: Database, unit_id: str) -> None:
    """Delete a unit and its residents (tombstones, synced)."""
    with db.session() as s:
        records.delete_unit(s, _live(s, Unit, unit_id, "unit.gone"))


# ---- residents ----


def read_residents(db: Database, unit_id: str) -> list[ResidentRow]:
    with db.session() as s:
        return [_resident_row(r) for r in records.residents_of(s, unit_id)]


def save_resident(
    db: Database, unit_id: str, resident_id: str | None, values: dict[str, str]
) -> ResidentRow:
    """Add a resident to the unit (``resident_id`` None) or record the fields that changed."""
    values = {k: v for k, v in values.items() if k in RESIDENT_FIELDS}
    with db.session() as s:
        if resident_id is None:
            resident = records.add_resident(s, _live(s, Unit, unit_id, "unit.gone"), **values)
        else:
            resident = _live(s, Resident, resident_id, "resident.gone")
            changed = {k: v for k, v in values.items() if v != getattr(resident, k)}
            if changed:
                records.update_resident(s, resident, **changed)
        s.flush()
        return _resident_row(resident)


def remove_resident(db: Database, resident_id: str) -> None:
    with db.session() as s:
        records.delete_resident(s, _live(s, Resident, resident_id, "resident.gone"))
