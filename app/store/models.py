"""Entities of the foundation: estates, buildings, units, residents, staff, settings,
and the local-only sync bookkeeping tables. Other areas add their own model modules."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Synced, register_synced
from app.store.types import Hundredths, UTCDateTime

UNIT_KINDS = ("residential", "commercial")
RESIDENT_ROLES = ("owner", "co_owner", "tenant", "family")
STAFF_ROLES = (
    "receptionist",
    "team_lead",
    "supervisor",
    "director",
    "engineer",
    "inspector",
    "cashier",
    "finance_lead",
    "auditor",
    "archivist",
    "admin",
)


@register_synced
class Estate(Synced, Base):
    """A branch office (小区/管理处). Its ``estate_id`` is its own id."""

    __tablename__ = "estates"
    name: Mapped[str] = mapped_column(String(100))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")


@register_synced
class Building(Synced, Base):
    __tablename__ = "buildings"
    name: Mapped[str] = mapped_column(String(50))
    sort_key: Mapped[int] = mapped_column(Integer, default=0)


@register_synced
class Unit(Synced, Base):
    """A room (房屋). ``entrance`` (单元) is "" where the building has none."""

    __tablename__ = "units"
    building_id: Mapped[str] = mapped_column(ForeignKey("buildings.id"))
    entrance: Mapped[str] = mapped_column(String(20), default="")
    room: Mapped[str] = mapped_column(String(20))
    floor: Mapped[int | None] = mapped_column(Integer, nullable=True)
    area_m2: Mapped[Decimal] = mapped_column(Hundredths)
    kind: Mapped[str] = mapped_column(String(20), default="residential")
    handover_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    vacant_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    vacancy_approved: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_units_location", "building_id", "entrance", "room"),)


@register_synced
class Resident(Synced, Base):
    __tablename__ = "residents"
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="owner")
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(30), default="")
    id_number: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")


@register_synced
class StaffUser(Synced, Base):
    """A staff account. ``estate_id`` is the home estate; ``estate_ids`` every estate the
    account works in. Only an argon2 hash of the password is kept."""

    __tablename__ = "staff"
    login: Mapped[str] = mapped_column(String(50), index=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    estate_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


@register_synced
class Setting(Synced, Base):
    """An estate setting (deadlines, fee rules, calendar...) as a JSON value."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON)


# ---- local-only bookkeeping (never synced as rows) ----


class SyncOutbox(Base):
    """Changes waiting to be pushed, written in the same transaction as the entity."""

    __tablename__ = "sync_outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    estate_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(
        String(10)
    )  # "upsert" (register; a delete is deleted=True) or "insert" (log)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(80))
    # the staff account that made the change ("" when the system did): the server checks
    # its role may make it
    author: Mapped[str] = mapped_column(String(36), default="", server_default="")


class SyncState(Base):
    """Key/value of this device: device id, last HLC, pull cursor, server clock offset..."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    """A value that lost a last-writer-wins merge, kept so nobody's work vanishes."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_hlc: Mapped[str] = mapped_column(String(80))
    lost_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    lost_hlc: Mapped[str] = mapped_column(String(80))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)
    # who wrote each value, as known when the conflict was kept: the person's display name
    # and the desk's name ("" where unknown, e.g. a value older than the desk's outbox)
    kept_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    kept_desk: Mapped[str] = mapped_column(String(100), default="", server_default="")
    lost_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    lost_desk: Mapped[str] = mapped_column(String(100), default="", server_default="")


class SyncRejected(Base):
    """A change the server refused for good: set aside with its reason, visible to users."""

    __tablename__ = "sync_rejected"
    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    estate_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[datetime] = mapped_column(UTCDateTime)
