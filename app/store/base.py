"""Declarative base and the columns every synced table carries (DESIGN.md "Data rules")."""

from typing import Any, ClassVar

import uuid_utils
from sqlalchemy import JSON, Boolean, MetaData, String, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid_utils.uuid7())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Mixin for rows that travel between devices.

    ``sync_kind`` is "register" (merged field by field, last writer wins) or "log"
    (insert-only). Register tables keep a clock per field in ``field_clocks``.
    """

    sync_kind: ClassVar[str] = "register"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    estate_id: Mapped[str] = mapped_column(String(36), index=True)
    updated_hlc: Mapped[str] = mapped_column(String(80), default="")
    field_clocks: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    @classmethod
    def live(cls):
        """The SQL condition "not a tombstone", written ``deleted = 0`` so that SQLite uses
        the partial indexes declared ``WHERE deleted = 0`` (``deleted IS 0``, what
        ``.is_(False)`` renders, does not match them)."""
        return cls.deleted == false()

    # Bookkeeping columns that are never sent as fields of a change.
    SYNC_META: ClassVar[frozenset[str]] = frozenset(
        {"id", "estate_id", "updated_hlc", "field_clocks"}
    )


SYNCED_TABLES: dict[str, type] = {}


def register_synced(cls):
    """Class decorator: make a model known to the recorder and to sync by its table name."""
    SYNCED_TABLES[cls.__tablename__] = cls
    return cls
