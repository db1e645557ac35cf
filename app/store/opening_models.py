"""Opening balances (期初余额): what each unit owed, had prepaid and held as deposits on
the day the estate started with PropDesk, imported once from the estate's own records.

An opening entry is neither a bill nor a payment: no invented bill lines, no receipts.
Arrears are owed like an open bill line (aged from their due date, paid by payments and
credit); a prepayment is credit of the unit applied oldest first at read time, like an
advance; a deposit is held like a deposit taken (``app.domain.ledger``,
``app.services.fees.opening``). Ids are deterministic (estate, unit, kind, fee code,
period), and the table is a document like a bill: the copy the server accepted first
stands everywhere, a differing copy is kept as a conflict.
"""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Synced, register_synced
from app.store.types import Money, UTCDateTime

ARREARS = "arrears"  # 期初欠费
PREPAYMENT = "prepayment"  # 期初预收
DEPOSIT = "deposit"  # 期初押金
OPENING_KINDS = (ARREARS, PREPAYMENT, DEPOSIT)
# the fee code an opening arrears shows under in a unit's account lines (期初欠费)
OPENING_ARREARS = "opening_arrears"


@register_synced
class OpeningEntry(Synced, Base):
    """One opening amount of a unit (always positive; ``kind`` says which way it goes)."""

    sync_kind = "log"
    sync_document = True
    __tablename__ = "fee_opening_entries"
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    fee_code: Mapped[str] = mapped_column(String(40), default="")  # arrears' fee, deposit's kind
    period: Mapped[str] = mapped_column(String(7), default="")  # arrears' month, if known
    amount: Mapped[Decimal] = mapped_column(Money)
    due_date: Mapped[date] = mapped_column(Date)  # arrears age from it; others: the opening day
    batch_id: Mapped[str] = mapped_column(String(36), index=True)  # the import it came in
    source: Mapped[str] = mapped_column(Text, default="")  # file name and line
    imported_by: Mapped[str] = mapped_column(String(100), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
