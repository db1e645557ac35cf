"""Indexes of the unit list and search (migration 0001u) and of each unit's owner (0001v),
declared on the foundation's tables so that Alembic autogenerate sees them as existing
rather than proposing to drop them."""

from __future__ import annotations

from sqlalchemy import Index, and_, false, func

from app.store.models import Building, Resident, Unit

UNIT_LIST_INDEXES = (
    Index("ix_units_live", Unit.estate_id, sqlite_where=Unit.deleted == false()),
    Index(
        "ix_units_order",
        Unit.building_id,
        Unit.entrance,
        func.length(Unit.room),
        Unit.room,
        sqlite_where=Unit.deleted == false(),
    ),
    Index("ix_buildings_order", Building.estate_id, Building.sort_key, Building.name, Building.id),
    Index(
        "ix_residents_live_name",
        Resident.estate_id,
        Resident.name,
        Resident.unit_id,
        sqlite_where=Resident.deleted == false(),
    ),
    Index(  # the arrears report's owner of each debtor, read from the index alone (0001v)
        "ix_residents_owner",
        Resident.estate_id,
        Resident.unit_id,
        Resident.name,
        Resident.phone,
        sqlite_where=and_(Resident.deleted == false(), Resident.role == "owner"),
    ),
)
