"""Reception: the register, work log and building notices (registers); work orders (a
register header) with their insert-only events; visitors and release slips; keys with
insert-only movements, signatures and cabinet counts; and the local-only derived status
of each work order that lists and the overdue filter read.

References between rows are plain ids (no foreign keys): rows of one log may arrive by sync
before the row they name.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Synced, register_synced
from app.store.types import Money, UTCDateTime


@register_synced
class ReceptionEntry(Synced, Base):
    """One line of the customer-service register (客户服务登记表, KH-21-R01). An open item
    (not answered at once) has ``promised_at`` and no ``closed_at`` until someone closes it
    with the answer given."""

    __tablename__ = "reception_entries"
    number: Mapped[str] = mapped_column(String(30))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_by: Mapped[str] = mapped_column(String(36), default="")
    channel: Mapped[str] = mapped_column(String(20), default="phone")
    category: Mapped[str] = mapped_column(String(20), default="consultation")
    unit_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    resident_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    caller_name: Mapped[str] = mapped_column(String(100), default="")
    caller_phone: Mapped[str] = mapped_column(String(30), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    is_open: Mapped[bool] = mapped_column(Boolean, default=False)
    promised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    referred_to: Mapped[str] = mapped_column(String(30), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_by: Mapped[str] = mapped_column(String(36), default="")

    __table_args__ = (
        Index("ix_reception_entries_day", "estate_id", "received_at"),
        Index("ix_reception_entries_phone", "estate_id", "caller_phone", "received_at"),
        Index("ix_reception_entries_unit", "unit_id", "received_at"),
        Index(
            "ix_reception_entries_open",
            "estate_id",
            "received_by",
            "promised_at",
            sqlite_where=text("is_open = 1 AND deleted = 0"),
        ),
    )


@register_synced
class WorkLogDay(Synced, Base):
    """An assistant's day (工作日记): notes, and the team lead's review with a remark.
    id = natural_id(estate, "worklog", staff, day)."""

    __tablename__ = "work_log_days"
    staff_id: Mapped[str] = mapped_column(String(36))
    day: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[str] = mapped_column(String(36), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    review_remark: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_work_log_days_day", "estate_id", "day", "staff_id"),)


@register_synced
class BuildingNotice(Synced, Base):
    """A planned water or power cut, a lift out of service...: its buildings (empty: the
    whole estate), its period and the sentence staff should say."""

    __tablename__ = "building_notices"
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    script: Mapped[str] = mapped_column(Text)
    building_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(36), default="")

    __table_args__ = (Index("ix_building_notices_period", "estate_id", "ends_at"),)


@register_synced
class WorkOrder(Synced, Base):
    """The work order's facts (派工单). Status, deadlines, category and priority as of now
    are derived from :class:`WorkOrderEvent` rows (``app.domain.workorders.derive``)."""

    __tablename__ = "work_orders"
    kind: Mapped[str] = mapped_column(String(20), default="repair")
    number: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(36), default="")  # the desk that owns it
    reception_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    source_ref: Mapped[str] = mapped_column(String(80), default="")  # e.g. an inspection item
    unit_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    slot_start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    slot_end: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    category: Mapped[str] = mapped_column(String(30), default="other")  # as registered
    priority: Mapped[str] = mapped_column(String(20), default="normal")  # as registered
    department: Mapped[str] = mapped_column(String(30), default="engineering")
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    price: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    price_agreed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_work_orders_reception", "reception_id"),
        Index("ix_work_orders_unit", "unit_id", "created_at"),
    )


@register_synced
class WorkOrderEvent(Synced, Base):
    """One step of a work order: kind, when (UTC), who, reason or note, details."""

    sync_kind = "log"
    __tablename__ = "work_order_events"
    work_order_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str] = mapped_column(String(36), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


@register_synced
class WorkOrderPhoto(Synced, Base):
    """A photo of a work order; the file is a content-addressed blob (app.store.blobs)."""

    sync_kind = "log"
    __tablename__ = "work_order_photos"
    work_order_id: Mapped[str] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


@register_synced
class Visitor(Synced, Base):
    """来访登记: who, ID (masked in lists), whom they visit, why, car plate, in and out."""

    __tablename__ = "visitors"
    name: Mapped[str] = mapped_column(String(100))
    id_type: Mapped[str] = mapped_column(String(20), default="id_card")
    id_number: Mapped[str] = mapped_column(String(30), default="")
    unit_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    purpose: Mapped[str] = mapped_column(String(200), default="")
    plate: Mapped[str] = mapped_column(String(20), default="")
    time_in: Mapped[datetime] = mapped_column(UTCDateTime)
    time_out: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    registered_by: Mapped[str] = mapped_column(String(36), default="")

    __table_args__ = (Index("ix_visitors_in", "estate_id", "time_in"),)


@register_synced
class ReleaseSlip(Synced, Base):
    """放行条: goods leaving the estate, who takes them and who checked; printed for the gate."""

    __tablename__ = "release_slips"
    number: Mapped[str] = mapped_column(String(30))
    unit_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    items: Mapped[str] = mapped_column(Text)
    taken_by: Mapped[str] = mapped_column(String(100))
    checked_by: Mapped[str] = mapped_column(String(100), default="")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_by: Mapped[str] = mapped_column(String(36), default="")

    __table_args__ = (Index("ix_release_slips_issued", "estate_id", "issued_at"),)


@register_synced
class CustodyKey(Synced, Base):
    """A key the office holds for a unit, with the owner's custody undertaking: who may
    borrow it and until when the undertaking is valid. Its state comes from movements."""

    __tablename__ = "custody_keys"
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    tag: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(String(200), default="")
    hook: Mapped[str] = mapped_column(String(20), default="")
    undertaking_ref: Mapped[str] = mapped_column(String(100), default="")
    allowed_people: Mapped[list[str]] = mapped_column(JSON, default=list)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (Index("ix_custody_keys_tag", "estate_id", "tag"),)


@register_synced
class KeyMovement(Synced, Base):
    """Deposited, lent, back, returned to the owner, lost, found. A lend and its return
    carry a signature; one signature may cover several keys (``batch``)."""

    sync_kind = "log"
    __tablename__ = "key_movements"
    key_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str] = mapped_column(String(36), default="")
    borrower: Mapped[str] = mapped_column(String(100), default="")
    borrower_kind: Mapped[str] = mapped_column(String(20), default="")
    id_check: Mapped[str] = mapped_column(String(30), default="")
    owner_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    site_lead: Mapped[str] = mapped_column(String(100), default="")
    purpose: Mapped[str] = mapped_column(String(200), default="")
    expected_back: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    signature_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    batch: Mapped[str] = mapped_column(String(36), default="")
    note: Mapped[str] = mapped_column(Text, default="")


@register_synced
class Signature(Synced, Base):
    """A signature drawn on the desk: its strokes (points in a 0..1 box) and its signer."""

    sync_kind = "log"
    __tablename__ = "signatures"
    signer: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))  # borrower / countersign
    strokes: Mapped[list[Any]] = mapped_column(JSON)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)


@register_synced
class KeyCount(Synced, Base):
    """A monthly cabinet count: the keys found on the hooks against the register."""

    sync_kind = "log"
    __tablename__ = "key_counts"
    month: Mapped[str] = mapped_column(String(7))
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    counted_by: Mapped[str] = mapped_column(String(36), default="")
    present: Mapped[list[str]] = mapped_column(JSON, default=list)
    missing: Mapped[list[str]] = mapped_column(JSON, default=list)
    unexpected: Mapped[list[str]] = mapped_column(JSON, default=list)


@register_synced
class KeyDigest(Synced, Base):
    """The day's one digest of overdue keys (id = natural_id(estate, "key-digest", day))."""

    sync_kind = "log"
    __tablename__ = "key_digests"
    day: Mapped[date] = mapped_column(Date)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)
    key_ids: Mapped[list[str]] = mapped_column(JSON, default=list)


# ---- local-only, derived (never synced; rebuilt from the rows above) ----


class WorkOrderStatus(Base):
    """Each work order's derived state for fast lists, recomputed from its events for every
    id in ``work_order_dirty`` (filled by triggers, whoever writes: services or sync)."""

    __tablename__ = "work_order_status"
    work_order_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    estate_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(36), default="")
    status: Mapped[str] = mapped_column(String(20))
    is_open: Mapped[bool] = mapped_column(Boolean)
    category: Mapped[str] = mapped_column(String(30))
    priority: Mapped[str] = mapped_column(String(20))
    department: Mapped[str] = mapped_column(String(30), default="")
    assignee_id: Mapped[str] = mapped_column(String(36), default="")
    next_due: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime)
    visit_due: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    completed_late: Mapped[bool] = mapped_column(Boolean, default=False)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        Index("ix_work_order_status_created", "estate_id", "created_at"),
        Index(
            "ix_work_order_status_due",
            "estate_id",
            "next_due",
            sqlite_where=text("is_open = 1 AND next_due IS NOT NULL"),
        ),
        Index("ix_work_order_status_state", "estate_id", "status", "created_at"),
        Index(  # the open list, its count, "mine" and the 4-hour chase read only open orders
            "ix_work_order_status_open",
            "estate_id",
            "created_at",
            sqlite_where=text("is_open = 1"),
        ),
        Index(
            "ix_work_order_status_visit",
            "estate_id",
            "visit_due",
            sqlite_where=text("status = 'done'"),
        ),
        Index("ix_work_order_status_assignee", "assignee_id", "status"),
    )


class WorkOrderDirty(Base):
    """Work orders whose derived status must be recomputed (filled by triggers)."""

    __tablename__ = "work_order_dirty"
    work_order_id: Mapped[str] = mapped_column(String(36), primary_key=True)
