"""Day-end closings (日结 / 交班): one row per cashier and day, written once when the
cashier closes the day and never changed (a log). Its id is natural (estate, cashier,
day), so two desks closing the same cashier's day write the same row."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Synced, register_synced
from app.store.types import Money, UTCDateTime


@register_synced
class DayClosing(Synced, Base):
    """What a cashier's day took, by payment method (``totals``, as counted at closing),
    the cash expected against the cash counted with the difference explained, and the
    handover to the next shift."""

    sync_kind = "log"
    __tablename__ = "fee_day_closings"
    cashier: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)
    opening_float: Mapped[Decimal] = mapped_column(Money)
    cash_expected: Mapped[Decimal] = mapped_column(Money)
    cash_counted: Mapped[Decimal] = mapped_column(Money)
    difference: Mapped[Decimal] = mapped_column(Money)
    explanation: Mapped[str] = mapped_column(Text, default="")
    total_in: Mapped[Decimal] = mapped_column(Money)
    total_out: Mapped[Decimal] = mapped_column(Money)
    entries: Mapped[int] = mapped_column(Integer, default=0)
    first_receipt: Mapped[str] = mapped_column(String(30), default="")
    last_receipt: Mapped[str] = mapped_column(String(30), default="")
    # per method: {"method": ..., "taken": "12.00", ...} as the summary had it
    totals: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    handed_over_by: Mapped[str] = mapped_column(String(100))
    taken_over_by: Mapped[str] = mapped_column(String(100))
    closed_by: Mapped[str] = mapped_column(String(36), default="")
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_fee_day_closings_cashier_day", "estate_id", "cashier", "day"),)
