"""The counter's writes: payments with their receipt numbers, reversals, refunds of a
credit, and corrections (adjustments) of a bill line.

Everything here is insert-only: a refund or reversal is a new negative payment naming the
original, so two offline cashiers paying the same bill leave a visible credit, never a
lost payment. Balances are sums, so the order rows arrive in never matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import OpenLine, allocate, receipt_number
from app.domain.money import ZERO, format_yuan
from app.services.backups import next_receipt_sequence
from app.services.fees import closing
from app.services.fees.account import (
    PaymentRow,
    account_lines_in,
    payment_row,
    unit_account_in,
)
from app.services.fees.common import (
    get_live,
    money,
    now_or,
    positive_money,
    typed_payment,
)
from app.services.permissions import require
from app.store.base import new_id
from app.store.fee_ledger import refresh_units
from app.store.fee_models import BillLine, FeeAdjustment, Payment, PaymentAllocation
from app.store.ids import natural_id
from app.store.models import Setting, Unit
from app.store.recorder import device_id, get_state, recorder, set_state

if TYPE_CHECKING:
    from app.store.db import Database

RECEIPT_PREFIX_KEY = "fees.receipt_prefix"
RECEIPT_SEQ_KEY = "fees.receipt_seq"
# written by the sync client at enrolment (sync.client.base.DEVICE_NUMBER)
DEVICE_NUMBER_KEY = "device_number"


# ---- receipt numbers ----


def receipt_prefix(session: Session) -> str:
    """This workstation's receipt prefix: the short number the server gave it when it
    enrolled (``03``, read aloud as 零三), so a desk set up from a copy of another's
    database numbers its receipts apart once enrolled. A desk never enrolled uses the
    random tail of its device id (uuid7's last hex digits are random)."""
    prefix = get_state(session, RECEIPT_PREFIX_KEY)
    number = get_state(session, DEVICE_NUMBER_KEY)
    if number and number.isdigit() and int(number) > 0:
        enrolled = f"{int(number):02d}"
        if prefix != enrolled:
            prefix = enrolled
            set_state(session, RECEIPT_PREFIX_KEY, prefix)
    if prefix is None:
        prefix = device_id(session).replace("-", "")[-6:].upper()
        set_state(session, RECEIPT_PREFIX_KEY, prefix)
    return prefix


def next_receipt_no(session: Session) -> str:
    """The next number of this device's own sequence, kept in the local sync_state; a
    number is consumed in the same transaction as the payment, so never reused."""
    stored = int(get_state(session, RECEIPT_SEQ_KEY) or "0")
    prefix = receipt_prefix(session)
    # after a restore from a backup: past numbers the server gave back, noted outside the file
    sequence = next_receipt_sequence(session, prefix, stored)
    set_state(session, RECEIPT_SEQ_KEY, str(sequence))
    return receipt_number(prefix, sequence)


# ---- cash at the counter ----

COUNTER_SETTINGS_KEY = "fees.counter"
DEFAULT_CONFIRM_ABOVE = Decimal("5000.00")


def confirm_above_in(session: Session, estate_id: str) -> Decimal:
    """The amount above which the counter asks once more before a payment is recorded
    (an estate setting beside the fee rules, synced like them)."""
    row = session.get(Setting, natural_id(estate_id, "setting", COUNTER_SETTINGS_KEY))
    if row is None or row.deleted or not isinstance(row.value, dict):
        return DEFAULT_CONFIRM_ABOVE
    return Decimal(str(row.value.get("confirm_above", DEFAULT_CONFIRM_ABOVE)))


def confirm_above(db: Database, estate_id: str) -> Decimal:
    with db.session() as s:
        return confirm_above_in(s, estate_id)


def set_confirm_above(db: Database, estate_id: str, amount: Decimal | str) -> Decimal:
    """Save the confirmation threshold from typed text (more than zero, two decimals)."""
    try:
        value = positive_money(amount)
    except DomainError as error:
        raise FieldErrors({"confirm_above": error}) from None
    with db.session() as s:
        require(s, None, "fees.schedule")
        setting_id = natural_id(estate_id, "setting", COUNTER_SETTINGS_KEY)
        row = s.get(Setting, setting_id)
        stored = {"confirm_above": str(value)}
        if row is None:
            recorder(s).create(
                Setting, id=setting_id, estate_id=estate_id, key=COUNTER_SETTINGS_KEY, value=stored
            )
        else:
            recorder(s).update(row, value=stored, deleted=False)
    return value


def check_tendered(amount: Decimal, method: str, tendered: Decimal | str | None) -> Decimal | None:
    """The cash handed over for a cash payment (at least the amount), or None when none
    was counted or the method is not cash."""
    if method != "cash" or tendered is None or (isinstance(tendered, str) and not tendered.strip()):
        return None
    try:
        value = money(tendered)
    except DomainError as error:
        raise FieldErrors({"tendered": error}) from None
    if value < amount:
        raise FieldErrors(
            {
                "tendered": DomainError(
                    "fees.cash.tendered_short",
                    amount=format_yuan(amount),
                    tendered=format_yuan(value),
                )
            }
        )
    return value


# ---- taking payments ----


@dataclass(frozen=True)
class Receipt:
    payment: PaymentRow
    allocations: tuple[tuple[str, Decimal], ...]  # (bill line id, amount applied)
    credit: Decimal  # part of the payment kept as an advance (credit balance)


def take_payment(
    db: Database,
    unit_id: str,
    amount: Decimal | str,
    method: str,
    payer: str,
    cashier: str,
    picked: list[str] | None = None,
    note: str = "",
    now: datetime | None = None,
    tendered: Decimal | str | None = None,
) -> Receipt:
    """Record a payment and apply it to the picked lines, or the oldest open lines first;
    what is left over stays as a credit used by the next bills. For cash, ``tendered`` is
    what the payer handed over: it may not be less than the amount, and the receipt
    prints it with the change."""
    value, errors = typed_payment(amount, method)
    if errors:
        raise FieldErrors(errors)
    cash = check_tendered(value, method, tendered)
    with db.session() as s:
        require(s, None, "payments.take")
        unit = get_live(s, Unit, unit_id)
        return take_payment_in(
            s, unit, value, method, payer, cashier, picked, note, now_or(now), tendered=cash
        )


def take_payment_in(
    session,
    unit,
    amount,
    method,
    payer,
    cashier,
    picked,
    note,
    now,
    tendered=None,
    kind="payment",
) -> Receipt:
    lines = [
        OpenLine(ln.line_id, ln.due_date, ln.open_amount)
        for ln in account_lines_in(session, unit.id)
    ]
    # a prepayment pays no line when taken: the derivation spends it (app.domain.ledger)
    parts, credit = allocate(amount, lines, picked) if kind == "payment" else ([], amount)
    rec = recorder(session)
    payment = rec.create(
        Payment,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        receipt_no=next_receipt_no(session),
        kind=kind,
        method=method,
        amount=amount,
        payer=payer.strip(),
        cashier=cashier,
        paid_at=now,
        note=note,
        tendered=tendered,
    )
    # what it paid, recorded with the payment by this desk alone and never written again
    for line_id, part in parts:
        rec.create(
            PaymentAllocation,
            estate_id=unit.estate_id,
            payment_id=payment.id,
            bill_line_id=line_id,
            unit_id=unit.id,
            amount=part,
            allocated_at=now,
        )
    session.flush()
    refresh_units(session, [unit.id])
    return Receipt(payment_row(payment), tuple(parts), credit)


def payment(db: Database, payment_id: str) -> PaymentRow:
    with db.session() as s:
        return payment_row(get_live(s, Payment, payment_id))


def reverse_payment(
    db: Database,
    payment_id: str,
    cashier: str,
    reason: str,
    now: datetime | None = None,
    approval: closing.Approval | None = None,
) -> PaymentRow:
    """Undo a payment with a new negative one and negative allocations; the original stays.
    A payment of a closed day needs a supervisor's ``approval`` (app.services.fees.closing)."""
    if not reason.strip():
        raise FieldErrors({"reason": DomainError("fees.reason.required")})
    with db.session() as s:
        require(s, None, "payments.reverse")
        original = get_live(s, Payment, payment_id)
        if original.kind not in ("payment", "prepayment"):
            raise DomainError("fees.payment.not_reversible")
        already = s.scalar(select(Payment.id).where(Payment.reverses_id == original.id))
        if already:
            raise DomainError("fees.payment.already_reversed", receipt=original.receipt_no)
        reversal_id = new_id()  # the approval, written first, names it
        closing.approve_reversal_in(s, original, reversal_id, approval, now_or(now))
        reversal = _reverse(s, original, cashier, reason.strip(), now_or(now), reversal_id)
        return payment_row(reversal)


def _reverse(
    session: Session, original: Payment, cashier: str, reason: str, now, reversal_id=None
) -> Payment:
    rec = recorder(session)
    reversal = rec.create(
        Payment,
        id=reversal_id or new_id(),
        estate_id=original.estate_id,
        unit_id=original.unit_id,
        receipt_no=next_receipt_no(session),
        kind="reversal",
        method=original.method,
        amount=-original.amount,
        payer=original.payer,
        cashier=cashier,
        paid_at=now,
        reverses_id=original.id,
        note=reason,
    )
    # the reversal voids the payment and what it paid (app.domain.ledger): no rows undo
    # its parts, so two desks reversing it offline cannot take its money back twice
    session.flush()
    refresh_units(session, [original.unit_id])
    return reversal


def refund_credit(
    db: Database,
    unit_id: str,
    amount: Decimal | str,
    method: str,
    cashier: str,
    reason: str,
    now: datetime | None = None,
) -> PaymentRow:
    """Pay back (part of) a unit's credit balance as a negative payment (kind "refund")."""
    value, errors = typed_payment(amount, method)
    if not reason.strip():
        errors["reason"] = DomainError("fees.reason.required")
    with db.session() as s:
        require(s, None, "fees.refund")
        unit = get_live(s, Unit, unit_id)
        credit = unit_account_in(s, unit.id).credit
        if value is not None and value > credit:
            errors["amount"] = DomainError("fees.credit.too_small", credit=format_yuan(credit))
        if errors:
            raise FieldErrors(errors)
        refund = recorder(s).create(
            Payment,
            estate_id=unit.estate_id,
            unit_id=unit.id,
            receipt_no=next_receipt_no(s),
            kind="refund",
            method=method,
            amount=-value,
            payer="",
            cashier=cashier,
            paid_at=now_or(now),
            note=reason.strip(),
        )
        s.flush()
        refresh_units(s, [unit.id])
        return payment_row(refund)


# ---- corrections ----


@dataclass(frozen=True)
class LineSummary:
    line_id: str
    unit_id: str
    period: str
    fee_code: str
    amount: Decimal


def bill_line(db: Database, line_id: str) -> LineSummary:
    with db.session() as s:
        line = get_live(s, BillLine, line_id)
        return LineSummary(line.id, line.unit_id, line.period, line.fee_code, line.amount)


def adjust(
    db: Database,
    line_id: str,
    amount: Decimal | str,
    reason: str,
    made_by: str,
    now: datetime | None = None,
) -> Decimal:
    """Correct an issued bill line (negative lowers what is owed); the line itself never
    changes. Returns the amount recorded."""
    errors: dict[str, DomainError] = {}
    value = None
    try:
        value = money(amount)
        if value == 0:
            errors["amount"] = DomainError("fees.adjustment.zero")
    except DomainError as error:
        errors["amount"] = error
    if not reason.strip():
        errors["reason"] = DomainError("fees.reason.required")
    if errors:
        raise FieldErrors(errors)
    with db.session() as s:
        require(s, None, "fees.adjust")
        line = get_live(s, BillLine, line_id)
        due = line.amount + sum(
            s.scalars(select(FeeAdjustment.amount).where(FeeAdjustment.bill_line_id == line.id)),
            ZERO,
        )
        if value < 0 and -value > due:
            # larger than what the line still charges: refused, never a hidden credit
            raise FieldErrors(
                {"amount": DomainError("fees.adjustment.too_large", due=format_yuan(due))}
            )
        recorder(s).create(
            FeeAdjustment,
            estate_id=line.estate_id,
            unit_id=line.unit_id,
            bill_line_id=line.id,
            amount=value,
            reason=reason.strip(),
            made_by=made_by,
            made_at=now_or(now),
        )
        s.flush()
        refresh_units(s, [line.unit_id])
    return value
