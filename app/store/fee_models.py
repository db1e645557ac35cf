"""Fees: the schedule and parking spaces (registers), bills, payments and the rest (logs).

Bill lines, adjustments, payments, allocations, deposits and reminders are insert-only:
a correction is a new row. Rows of one log may arrive from other devices in any order,
so references between log rows are plain ids, not foreign keys.
"""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Synced, register_synced
from app.store.types import Hundredths, Money, Rate, UTCDateTime


@register_synced
class FeeItem(Synced, Base):
    """One rate of the estate's schedule from a date on (id: estate, code, effective_from)."""

    __tablename__ = "fee_items"
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    rate: Mapped[Decimal] = mapped_column(Rate)  # up to four decimals (0013)
    basis: Mapped[str] = mapped_column(String(20))
    effective_from: Mapped[date] = mapped_column(Date)

    __table_args__ = (Index("ix_fee_items_code", "estate_id", "code", "effective_from"),)


@register_synced
class ParkingSpace(Synced, Base):
    """A parking space rented by a unit: its fee code (shared, dedicated, open) and plate."""

    __tablename__ = "parking_spaces"
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    fee_code: Mapped[str] = mapped_column(String(40))
    space_no: Mapped[str] = mapped_column(String(20), default="")
    plate: Mapped[str] = mapped_column(String(20), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


@register_synced
class BillLine(Synced, Base):
    """One issued charge; id = natural_id(estate, unit, fee code, period[, space]).

    An issued bill is a document: the copy the server accepted first stands everywhere,
    and a desk whose copy differs takes it, keeping the difference as a conflict
    (``sync_document``; ``app.store.apply.take_documents``)."""

    sync_kind = "log"
    sync_document = True
    __tablename__ = "bill_lines"
    # no index of its own: ix_bill_lines_period starts with it (migration 0003n)
    estate_id: Mapped[str] = mapped_column(String(36))
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    fee_code: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(7))
    quantity: Mapped[Decimal] = mapped_column(Hundredths)
    rate: Mapped[Decimal] = mapped_column(Rate)  # up to four decimals (0013)
    amount: Mapped[Decimal] = mapped_column(Money)
    due_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_by: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (Index("ix_bill_lines_period", "estate_id", "period"),)


@register_synced
class FeeAdjustment(Synced, Base):
    """A correction of what a unit owes (signed), with its reason and who made it."""

    sync_kind = "log"
    __tablename__ = "fee_adjustments"
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    bill_line_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    amount: Mapped[Decimal] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(Text)
    made_by: Mapped[str] = mapped_column(String(100))
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)


@register_synced
class Payment(Synced, Base):
    """Money in (positive) or out (a refund or reversal: negative, naming what it undoes)."""

    sync_kind = "log"
    __tablename__ = "payments"
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    receipt_no: Mapped[str] = mapped_column(String(30), index=True)
    # payment / prepayment (shared utilities only, app.domain.ledger) / refund / reversal
    kind: Mapped[str] = mapped_column(String(12), default="payment")
    method: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal] = mapped_column(Money)
    payer: Mapped[str] = mapped_column(String(100), default="")
    cashier: Mapped[str] = mapped_column(String(100), default="")
    paid_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reverses_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # cash handed over at the counter (the change is tendered - amount); None otherwise
    tendered: Mapped[Decimal | None] = mapped_column(Money, nullable=True)


@register_synced
class PaymentAllocation(Synced, Base):
    """Part of a payment applied to a bill line (negative when a reversal takes it back)."""

    sync_kind = "log"
    __tablename__ = "payment_allocations"
    payment_id: Mapped[str] = mapped_column(String(36), index=True)
    bill_line_id: Mapped[str] = mapped_column(String(36), index=True)
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    amount: Mapped[Decimal] = mapped_column(Money)
    allocated_at: Mapped[datetime] = mapped_column(UTCDateTime)


@register_synced
class Deposit(Synced, Base):
    """A refundable deposit taken (positive) or refunded (negative, ``refund_of`` the original)."""

    sync_kind = "log"
    __tablename__ = "fee_deposits"
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    fee_code: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(Money)
    receipt_no: Mapped[str] = mapped_column(String(30))
    method: Mapped[str] = mapped_column(String(20))
    payer: Mapped[str] = mapped_column(String(100), default="")
    cashier: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    refund_of: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    note: Mapped[str] = mapped_column(Text, default="")


@register_synced
class FeeReminder(Synced, Base):
    """A reminder to a debtor: phone, letter or notice, when, who, and what came of it."""

    sync_kind = "log"
    __tablename__ = "fee_reminders"
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    method: Mapped[str] = mapped_column(String(12))
    reminded_on: Mapped[date] = mapped_column(Date)
    amount_due: Mapped[Decimal] = mapped_column(Money)
    made_by: Mapped[str] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(Text, default="")


class FeeOpenLine(Base):
    """Local-only: what is still open on each bill line (amount + adjustments - payments
    applied), kept by SQLite triggers whoever inserts the rows (services or sync), in any
    order. The arrears report reads only the lines not settled (a partial index)."""

    __tablename__ = "fee_open_lines"
    line_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    estate_id: Mapped[str] = mapped_column(String(36))
    unit_id: Mapped[str] = mapped_column(String(36))
    due_date: Mapped[date] = mapped_column(Date)
    open_fen: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        Index(  # covering: the arrears report's ageing sums read only the index (0003m)
            "ix_fee_open_lines_ageing",
            "estate_id",
            "unit_id",
            "due_date",
            "open_fen",
            sqlite_where=text("open_fen <> 0"),
        ),
    )


class FeeUnitMoney(Base):
    """Local-only: per unit, money not on any bill line (payments - allocations - adjustments
    to no line), kept by SQLite triggers (migration 0003m) so the arrears report reads a
    debtor's balance without summing its payments."""

    __tablename__ = "fee_unit_money"
    unit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    estate_id: Mapped[str] = mapped_column(String(36))
    off_line_fen: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_fee_unit_money_nonzero", "estate_id", sqlite_where=text("off_line_fen <> 0")),
    )


@register_synced
class TemporaryStay(Synced, Base):
    """A vehicle's temporary stay charged at the counter (临时停放): not a bill of any unit,
    so it stays out of unit balances and collection rates; its receipt is numbered by the
    counter's own numbering."""

    sync_kind = "log"
    __tablename__ = "temporary_stays"
    plate: Mapped[str] = mapped_column(String(20))
    entered: Mapped[datetime] = mapped_column(UTCDateTime)
    left: Mapped[datetime] = mapped_column(UTCDateTime)
    rate: Mapped[Decimal] = mapped_column(Money)
    amount: Mapped[Decimal] = mapped_column(Money)
    method: Mapped[str] = mapped_column(String(20))
    tendered: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    receipt_no: Mapped[str] = mapped_column(String(30), index=True)
    cashier: Mapped[str] = mapped_column(String(100), default="")
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_temporary_stays_taken", "estate_id", "taken_at"),)
