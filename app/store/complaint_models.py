"""Complaints (issue 5): the synced header (a register), its insert-only events and
attachments (logs), and the local-only derived status the lists filter on."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Synced, register_synced
from app.store.types import UTCDateTime


@register_synced
class Complaint(Synced, Base):
    """The complaint form (业主投诉、建议表). Status and deadlines are not stored here:
    they are derived from :class:`ComplaintEvent` rows."""

    __tablename__ = "complaints"
    number: Mapped[str] = mapped_column(String(30), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_by: Mapped[str] = mapped_column(String(36), default="")  # staff id
    event_time: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    event_place: Mapped[str] = mapped_column(String(200), default="")
    # No foreign keys to units/residents: a complaint may arrive by sync before its unit.
    unit_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    resident_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    complainant_name: Mapped[str] = mapped_column(String(100), default="")
    complainant_phone: Mapped[str] = mapped_column(String(30), default="")
    channel: Mapped[str] = mapped_column(String(20), default="phone")
    about: Mapped[str] = mapped_column(String(200), default="")  # person or department
    content: Mapped[str] = mapped_column(Text, default="")
    request: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    reply_wanted: Mapped[bool] = mapped_column(Boolean, default=True)
    category: Mapped[str] = mapped_column(String(30), default="other")
    valid: Mapped[bool] = mapped_column(Boolean, default=True)
    scope: Mapped[str] = mapped_column(String(20), default="property")
    severity: Mapped[str] = mapped_column(String(20), default="minor")
    suggested_severity: Mapped[str] = mapped_column(String(20), default="")
    department: Mapped[str] = mapped_column(String(30), default="")
    resident_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    repeat_of: Mapped[str | None] = mapped_column(String(36), nullable=True)
    reception_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


@register_synced
class ComplaintEvent(Synced, Base):
    """One workflow step: kind, when (UTC), who, and its details."""

    sync_kind = "log"
    __tablename__ = "complaint_events"
    complaint_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str] = mapped_column(String(36), default="")
    actor_role: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


@register_synced
class ComplaintAttachment(Synced, Base):
    """A photo or scan; the file itself is a content-addressed blob (sha256)."""

    sync_kind = "log"
    __tablename__ = "complaint_attachments"
    complaint_id: Mapped[str] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)


# ---- local-only, derived (never synced; rebuilt from the rows above) ----


class ComplaintStatus(Base):
    """The derived status of each complaint, for fast lists. Recomputed by
    ``app.services.complaints.refresh_status`` for every id in ``complaint_dirty``, which
    triggers fill whoever writes (the services or the sync apply)."""

    __tablename__ = "complaint_status"
    complaint_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    estate_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(20))
    department: Mapped[str] = mapped_column(String(30), default="")
    category: Mapped[str] = mapped_column(String(30), default="")
    channel: Mapped[str] = mapped_column(String(20), default="")
    next_due: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    next_kind: Mapped[str] = mapped_column(String(30), default="")
    next_action: Mapped[str] = mapped_column(String(30), default="")
    action_role: Mapped[str] = mapped_column(String(20), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    escalate_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_complaint_status_received", "estate_id", "received_at"),
        Index("ix_complaint_status_due", "estate_id", "next_due"),
        Index("ix_complaint_status_state", "estate_id", "status", "received_at"),
        Index("ix_complaint_status_escalate", "escalate_at"),
        Index("ix_complaint_status_work", "estate_id", "action_role", "next_due"),
    )


class ComplaintDirty(Base):
    """Complaints whose derived status must be recomputed (filled by triggers)."""

    __tablename__ = "complaint_dirty"
    complaint_id: Mapped[str] = mapped_column(String(36), primary_key=True)
