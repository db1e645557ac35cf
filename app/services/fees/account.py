"""A unit's account as the counter shows it: open bill lines, balance, payments, the
receipt of a payment, and finding a unit by room or name. Reads only; balances are sums
of insert-only rows, so the order they arrived in never matters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.money import ZERO
from app.domain.numerals import capital_amount
from app.domain.units import unit_code
from app.services.fees.common import get_live
from app.services.units import UnitQuery, page_units
from app.store.fee_ledger import unit_ledger
from app.store.fee_models import BillLine, Payment, PaymentAllocation
from app.store.models import Building, Estate, Resident, SyncConflict, Unit
from app.store.opening_models import OPENING_ARREARS, OpeningEntry

if TYPE_CHECKING:
    from app.store.db import Database


# ---- a unit's account ----


@dataclass(frozen=True)
class AccountLine:
    line_id: str
    period: str
    fee_code: str
    due_date: date
    amount: Decimal
    adjusted: Decimal
    paid: Decimal
    # the amount of another desk's copy of this line, when two desks issued it differently
    # (the copy the server accepted first is ``amount``): shown beside it until corrected
    other_amount: Decimal | None = None

    @property
    def open_amount(self) -> Decimal:
        """What is still owed: a line adjusted below zero owes nothing (its excess is
        credit of the unit)."""
        return max(self.amount + self.adjusted, ZERO) - self.paid

    @property
    def id(self) -> str:
        return self.line_id


def account_lines_in(session: Session, unit_id: str, only_open: bool = True) -> list[AccountLine]:
    """The unit's bill lines, oldest due first, with what was paid on each as derived from
    the logs (recorded parts, then credit oldest first: ``app.domain.ledger``)."""
    ledger = unit_ledger(session, unit_id)
    meta = session.execute(
        text("SELECT id, period, fee_code FROM bill_lines WHERE unit_id = :u"), {"u": unit_id}
    ).all()
    others = _other_copies(session, unit_id)
    lines = []
    for lid, period, code in meta:
        state = ledger.lines[lid]
        lines.append(
            AccountLine(
                lid,
                period,
                code,
                state.due_date,
                state.amount,
                state.adjusted,
                state.paid,
                others.get(lid),
            )
        )
    lines.extend(_opening_arrears(session, unit_id, ledger))
    lines.sort(key=lambda ln: (ln.due_date, ln.period, ln.fee_code, ln.line_id))
    return [ln for ln in lines if ln.open_amount > 0] if only_open else lines


def _opening_arrears(session: Session, unit_id: str, ledger) -> list[AccountLine]:
    """The unit's opening arrears (期初欠费) as lines of its account: owed, aged and paid
    like a bill line, and never a bill (fee code ``opening_arrears``)."""
    rows = session.execute(
        text(
            "SELECT id, period FROM fee_opening_entries "
            "WHERE unit_id = :u AND kind = 'arrears' AND deleted = 0"
        ),
        {"u": unit_id},
    ).all()
    lines = []
    for lid, period in rows:
        state = ledger.lines[lid]
        lines.append(
            AccountLine(
                lid,
                period,
                OPENING_ARREARS,
                state.due_date,
                state.amount,
                state.adjusted,
                state.paid,
            )
        )
    return lines


@dataclass(frozen=True)
class UnitAccount:
    billed: Decimal
    adjusted: Decimal
    paid: Decimal  # net of refunds and reversals
    # what is left of the shared-utilities prepayment: held for those shares only, so it
    # is not credit for other fees (app.services.fees.prepayment)
    prepaid: Decimal = ZERO

    @property
    def balance(self) -> Decimal:
        """What the unit owes; negative is a credit. Bills + adjustments - payments, the
        prepayment still held left out."""
        return self.billed + self.adjusted - self.paid + self.prepaid

    @property
    def credit(self) -> Decimal:
        return max(-self.balance, ZERO)


def unit_account_in(session: Session, unit_id: str) -> UnitAccount:
    """Billed, adjusted and paid (payments not reversed, less refunds) from the logs."""
    ledger = unit_ledger(session, unit_id)
    return UnitAccount(
        ledger.billed, ledger.adjusted, ledger.paid - ledger.refunded, ledger.prepaid
    )


@dataclass(frozen=True)
class PaymentRow:
    id: str
    unit_id: str
    receipt_no: str
    kind: str  # payment / refund / reversal
    method: str
    amount: Decimal
    payer: str
    cashier: str
    paid_at: datetime
    reverses_id: str | None
    note: str
    tendered: Decimal | None = None  # cash handed over (the change is tendered - amount)


def payment_row(p: Payment) -> PaymentRow:
    return PaymentRow(
        p.id,
        p.unit_id,
        p.receipt_no,
        p.kind,
        p.method,
        p.amount,
        p.payer,
        p.cashier,
        p.paid_at,
        p.reverses_id,
        p.note,
        p.tendered,
    )


def payments_in(session: Session, unit_id: str) -> list[PaymentRow]:
    return [
        payment_row(p)
        for p in session.scalars(
            select(Payment)
            .where(Payment.unit_id == unit_id)
            .order_by(Payment.paid_at.desc(), Payment.id.desc())
        )
    ]


def owner_in(session: Session, unit_id: str) -> str:
    """The unit's owner shown at the counter: the first live owner by name ("" if none)."""
    name = session.scalar(
        select(Resident.name)
        .where(Resident.unit_id == unit_id, Resident.live(), Resident.role == "owner")
        .order_by(Resident.name)
        .limit(1)
    )
    return name or ""


def unit_label_in(session: Session, unit: Unit) -> str:
    building = session.get(Building, unit.building_id)
    return unit_code(building.name if building else "", unit.entrance, unit.room)


@dataclass(frozen=True)
class CounterAccount:
    """Everything the counter shows of one unit."""

    unit_id: str
    unit_code: str
    owner: str
    account: UnitAccount
    lines: tuple[AccountLine, ...]  # open lines, oldest due first
    payments: tuple[PaymentRow, ...]  # newest first

    @property
    def balance(self) -> Decimal:
        return self.account.balance


def counter_account(db: Database, unit_id: str) -> CounterAccount:
    with db.session() as s:
        unit = get_live(s, Unit, unit_id)
        return CounterAccount(
            unit.id,
            unit_label_in(s, unit),
            owner_in(s, unit.id),
            unit_account_in(s, unit.id),
            tuple(account_lines_in(s, unit.id)),
            tuple(payments_in(s, unit.id)),
        )


def unit_account(db: Database, unit_id: str) -> UnitAccount:
    with db.session() as s:
        return unit_account_in(s, unit_id)


def account_lines(db: Database, unit_id: str, only_open: bool = True) -> list[AccountLine]:
    with db.session() as s:
        return account_lines_in(s, unit_id, only_open)


@dataclass(frozen=True)
class UnitHit:
    unit_id: str
    code: str
    owner: str

    @property
    def id(self) -> str:
        return self.unit_id


def find_units(db: Database, estate_id: str, text_: str, limit: int = 30) -> list[UnitHit]:
    """Units matching a room code in any common form ("3-1502", "3栋1502") or a name."""
    with db.session() as s:
        rows = page_units(s, UnitQuery(estate_id, text=text_.strip()), 0, limit)
    return [UnitHit(r.id, r.code, r.owner) for r in rows]


# ---- receipts ----


class ReceiptLine(NamedTuple):
    """One line of a receipt: what it paid of a bill line, with the line's quantity and
    rate (89.50 ㎡ × 1.90) and period."""

    period: str
    fee_code: str
    amount: Decimal
    quantity: Decimal | None = None
    rate: Decimal | None = None


@dataclass(frozen=True)
class ReceiptView:
    estate_name: str
    receipt_no: str
    kind: str
    unit_code: str
    payer: str
    method: str
    amount: Decimal
    cashier: str
    paid_at: datetime
    lines: tuple[ReceiptLine, ...] = ()
    balance_after: Decimal = ZERO
    tendered: Decimal | None = None  # cash handed over; None unless cash was counted

    @property
    def change(self) -> Decimal | None:
        """找零: what the cashier handed back (tendered - amount)."""
        return None if self.tendered is None else self.tendered - self.amount

    @property
    def amount_in_words(self) -> str:
        """The amount in Chinese capital numerals (大写金额), printed beside the figures; a
        refund or reversal (negative) is written by its size, its kind says which way."""
        return capital_amount(abs(self.amount))


def receipt_view(db: Database, payment_id: str) -> ReceiptView:
    with db.session() as s:
        p = get_live(s, Payment, payment_id)
        unit = s.get(Unit, p.unit_id)
        estate = s.get(Estate, p.estate_id)
        rows = s.execute(
            select(
                BillLine.period,
                BillLine.fee_code,
                PaymentAllocation.amount,
                BillLine.quantity,
                BillLine.rate,
            )
            .join(BillLine, BillLine.id == PaymentAllocation.bill_line_id)
            .where(PaymentAllocation.payment_id == p.id)
            .order_by(BillLine.period, BillLine.fee_code)
        ).all()
        # what it paid of opening arrears (期初欠费, no bill lines), oldest, so first
        rows = s.execute(
            select(OpeningEntry.period, PaymentAllocation.amount)
            .join(OpeningEntry, OpeningEntry.id == PaymentAllocation.bill_line_id)
            .where(PaymentAllocation.payment_id == p.id)
            .order_by(OpeningEntry.period, OpeningEntry.id)
        ).all() + list(rows)
        return ReceiptView(
            estate_name=estate.name if estate else "",
            receipt_no=p.receipt_no,
            kind=p.kind,
            unit_code=unit_label_in(s, unit) if unit else "",
            payer=p.payer,
            method=p.method,
            amount=p.amount,
            cashier=p.cashier,
            paid_at=p.paid_at,
            lines=tuple(_receipt_line(row) for row in rows),
            balance_after=unit_account_in(s, p.unit_id).balance,
            tendered=p.tendered,
        )


def _receipt_line(row) -> ReceiptLine:
    if len(row) == 2:  # an opening arrears' part: its month, no quantity nor rate
        return ReceiptLine(row[0], OPENING_ARREARS, row[1])
    return ReceiptLine(*row)


# ---- bills whose copies differed between desks ----


def line_conflicts(db: Database, unit_id: str) -> dict[str, tuple[Decimal, Decimal]]:
    """Bill line id -> (the amount kept, the other copy's amount) for the unit's lines
    that two desks issued with different amounts: the bill shows both until finance
    corrects it with an adjustment (docs/money-rules.md §6)."""
    with db.session() as s:
        return _line_conflicts_in(s, unit_id)


def _other_copies(session: Session, unit_id: str) -> dict[str, Decimal]:
    return {lid: lost for lid, (_, lost) in _line_conflicts_in(session, unit_id).items()}


def _line_conflicts_in(session: Session, unit_id: str) -> dict[str, tuple[Decimal, Decimal]]:
    rows = session.execute(
        select(SyncConflict.row_id, SyncConflict.kept_value, SyncConflict.lost_value)
        .join(BillLine, BillLine.id == SyncConflict.row_id)
        .where(
            BillLine.unit_id == unit_id,
            SyncConflict.table_name == "bill_lines",
            SyncConflict.field == "amount",
        )
        .order_by(SyncConflict.id)
    ).all()
    return {line_id: (Decimal(kept), Decimal(lost)) for line_id, kept, lost in rows}
