"""Server-only tables: devices, enrolment codes, the change log, conflict notices, blobs.

They live on their own metadata, next to the app's entity tables on the same database
(see :mod:`sync.server.db`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.store.base import NAMING
from app.store.types import UTCDateTime

SERVER_DEVICE = "server"  # device_id of changes made by `propdesk-server` itself


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Device(ServerBase):
    __tablename__ = "server_devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    clock_id: Mapped[str] = mapped_column(String(64), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    estate_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    all_estates: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The last of the device's own changes the server applied, and how many in all.
    last_change_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    changes_applied: Mapped[int] = mapped_column(Integer, default=0)
    # The desk's wall clock minus the server's at its last request (its X-PropDesk-Time).
    clock_offset_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    # A short number the server assigns at enrolment (receipt numbers use it).
    number: Mapped[int | None] = mapped_column(Integer, unique=True, nullable=True)
    # The installation that first used the token; another one is a copied database.
    installation_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class EnrolCode(ServerBase):
    __tablename__ = "server_enrol_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    estate_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    all_estates: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ChangeLog(ServerBase):
    """Every accepted change, in the order pullers see them (``seq``)."""

    __tablename__ = "server_changes"
    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    device_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    estate_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(80))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The staff account that made the change ("" for a desk's or the server's system work).
    author: Mapped[str] = mapped_column(String(36), default="", server_default="")

    __table_args__ = (
        Index("ix_server_changes_estate_seq", "estate_id", "seq"),
        Index("ix_server_changes_row_hlc", "table_name", "row_id", "hlc"),
    )


class ConflictNoticeRow(ServerBase):
    """A value a device wrote that lost on the server; delivered to that device by pull."""

    __tablename__ = "server_conflict_notices"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, index=True)  # the change that caused it
    clock_id: Mapped[str] = mapped_column(String(64), index=True)  # in the lost value's HLC
    # The device that wrote the lost value, and the row's estate: a notice goes to that
    # device only, and only while the estate is in its scope.
    device_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    estate_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_hlc: Mapped[str] = mapped_column(String(80))
    lost_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    lost_hlc: Mapped[str] = mapped_column(String(80))


class Blob(ServerBase):
    __tablename__ = "server_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BlobScope(ServerBase):
    """An estate whose devices may read a blob: one a row of it references, or one of the
    uploader's estates (it had the content)."""

    __tablename__ = "server_blob_scopes"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    estate_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class ServerState(ServerBase):
    __tablename__ = "server_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RateHit(ServerBase):
    """One request to a rate-limited endpoint, kept for its window: the counters live in
    the database so every server process behind a load balancer counts the same hits."""

    __tablename__ = "server_rate_hits"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    bucket: Mapped[str] = mapped_column(String(200))  # endpoint group and client address
    at_ms: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_server_rate_hits_bucket_at", "bucket", "at_ms"),)
