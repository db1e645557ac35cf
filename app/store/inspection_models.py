"""Inspections and move-in: templates (a register with its draft) and their published
versions (insert-only, immutable), schedules, inspections (a register header), one answer
row per inspection x item (id = natural_id(inspection, item): two desks answering the same
item merge instead of duplicating), photos and signatures (insert-only, named by the
sha256 of their blob), the link from a failed item to its corrective work order, and the
move-in handover with its insert-only step events.

References between rows are plain ids (no foreign keys): rows may arrive by sync before the
row they name.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Synced, register_synced
from app.store.types import UTCDateTime


@register_synced
class InspectionTemplate(Synced, Base):
    """A checklist: names, kind, department and the draft being edited. Published
    versions are :class:`InspectionTemplateVersion` rows."""

    __tablename__ = "inspection_templates"
    code: Mapped[str] = mapped_column(String(40))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20), default="quality")
    department: Mapped[str] = mapped_column(String(30), default="")
    draft: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    draft_dirty: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_inspection_templates_code", "estate_id", "code"),)


@register_synced
class InspectionTemplateVersion(Synced, Base):
    """One published version: its content never changes (id = natural_id(template, n))."""

    sync_kind = "log"
    __tablename__ = "inspection_template_versions"
    template_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_by: Mapped[str] = mapped_column(String(36), default="")


@register_synced
class InspectionSchedule(Synced, Base):
    """A plan: which template, on which target, when (revisions, each from its day)."""

    __tablename__ = "inspection_schedules"
    template_id: Mapped[str] = mapped_column(String(36), index=True)
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(36), default="")
    target_label: Mapped[str] = mapped_column(String(200), default="")
    revisions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    assignee_id: Mapped[str] = mapped_column(String(36), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


@register_synced
class Inspection(Synced, Base):
    """One walk-through of one version on one target. ``status``: in_progress, finalised,
    signed. Score and pass are written at finalise; ``content_hash`` at signing."""

    __tablename__ = "inspections"
    number: Mapped[str] = mapped_column(String(30))
    template_id: Mapped[str] = mapped_column(String(36))
    version_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="quality")
    department: Mapped[str] = mapped_column(String(30), default="")
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(36), default="")
    target_label: Mapped[str] = mapped_column(String(200), default="")
    schedule_id: Mapped[str] = mapped_column(String(36), default="")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    make_up: Mapped[bool] = mapped_column(Boolean, default=False)
    revision_of: Mapped[str] = mapped_column(String(36), default="")  # an amendment
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_by: Mapped[str] = mapped_column(String(36), default="")
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finalised_by: Mapped[str] = mapped_column(String(36), default="")
    score: Mapped[str] = mapped_column(String(10), default="")  # "87.5" or "" (nothing scored)
    passed: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    repeat_items: Mapped[list[str]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    signed_content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    place: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_inspections_started", "estate_id", "started_at"),
        Index("ix_inspections_target", "target_kind", "target_id", "finalised_at"),
        Index("ix_inspections_schedule", "schedule_id", "due_on"),
    )


@register_synced
class InspectionAnswer(Synced, Base):
    """The answer to one item, saved as it is given (id = natural_id(inspection, item))."""

    __tablename__ = "inspection_answers"
    inspection_id: Mapped[str] = mapped_column(String(36), index=True)
    item_id: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(2000), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answered_by: Mapped[str] = mapped_column(String(36), default="")


@register_synced
class InspectionPhoto(Synced, Base):
    """A photo of an item (``role`` "evidence", or "after" for a closed action), downscaled
    and stamped at import; ``sha256`` names its blob. A register only so that ``removed``
    can be set while the walk is in progress."""

    __tablename__ = "inspection_photos"
    inspection_id: Mapped[str] = mapped_column(String(36), index=True)
    item_id: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20), default="evidence")
    work_order_id: Mapped[str] = mapped_column(String(36), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    captured_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_by: Mapped[str] = mapped_column(String(36), default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


@register_synced
class InspectionSignature(Synced, Base):
    """A signature (inspector, manager or owner) over the content hash it saw."""

    sync_kind = "log"
    __tablename__ = "inspection_signatures"
    inspection_id: Mapped[str] = mapped_column(String(36), index=True)
    role: Mapped[str] = mapped_column(String(20))
    signer: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    content_hash: Mapped[str] = mapped_column(String(64))


@register_synced
class InspectionAction(Synced, Base):
    """A failed item's corrective action: the work order (kind "corrective") made for it
    at finalise (id = natural_id(inspection, item, "action"): made once)."""

    sync_kind = "log"
    __tablename__ = "inspection_actions"
    inspection_id: Mapped[str] = mapped_column(String(36), index=True)
    item_id: Mapped[str] = mapped_column(String(40))
    work_order_id: Mapped[str] = mapped_column(String(36), index=True)
    severity: Mapped[str] = mapped_column(String(10), default="medium")
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    department: Mapped[str] = mapped_column(String(30), default="")


@register_synced
class MoveIn(Synced, Base):
    """One unit's handover (入伙): its deadline from the move-in notice, whether the owner
    was notified, the owner's name; the steps are :class:`MoveInEvent` rows."""

    __tablename__ = "move_ins"
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    owner_name: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[date] = mapped_column(Date)
    notified_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reminded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    inspection_id: Mapped[str] = mapped_column(String(36), default="")


@register_synced
class MoveInEvent(Synced, Base):
    """started, paused, resumed, step (with what it recorded), undo, finished."""

    sync_kind = "log"
    __tablename__ = "move_in_events"
    move_in_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    step: Mapped[str] = mapped_column(String(20), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str] = mapped_column(String(36), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class BlobConfirmation(Base):
    """A file (photo, signature) the server confirmed it holds, by its sha256: answered by
    the server to an upload or a HEAD, or downloaded from it. Local to this desk, never
    synced; an inspection counts as synced when every file it names is here."""

    __tablename__ = "blob_confirmations"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime)
