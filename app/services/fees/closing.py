"""Day-end closing (日结 / 交班): a cashier's day totalled by payment method, the cash
counted against the cash expected, the handover to the next shift, and the lock a closed
day puts on reversals.

What counts on a day is decided by :func:`app.domain.closing.business_day`: money a
cashier takes or pays out after closing a day counts on the next open day. A reversal of
a payment of a closed day needs a supervisor's approval (``fees.reverse_closed_day``),
recorded in the audit trail; ``counter.reverse_payment`` calls
:func:`approve_reversal_in` before it writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import permissions as rules
from app.domain.closing import business_day, cash_difference, closed_run_start
from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import PAYMENT_METHODS
from app.domain.money import ZERO, format_yuan
from app.services.accounts import authenticate
from app.services.fees.common import money, now_or
from app.services.permissions import overrides_in, require
from app.services.reception.common import local_day, local_day_bounds, tz_of
from app.store.audit_models import ACTOR_KEY, write_entry
from app.store.closing_models import DayClosing
from app.store.fee_models import Deposit, Payment, TemporaryStay
from app.store.ids import natural_id
from app.store.models import StaffUser
from app.store.recorder import recorder

if TYPE_CHECKING:
    from app.store.db import Database

APPROVAL_ACTION = "payments.reverse_closed_day"
AMOUNT_FIELDS = ("taken", "refunded", "reversed", "deposits_in", "deposits_out", "parking")


def closing_id(estate_id: str, cashier: str, day: date) -> str:
    """One closing per cashier and day, whichever desk writes it."""
    return natural_id(estate_id, "day-closing", cashier, day.isoformat())


# ---- the day's totals ----


@dataclass(frozen=True)
class MethodTotals:
    """One payment method's money of the day. Amounts paid out are positive figures."""

    method: str
    taken: Decimal = ZERO  # payments (收款)
    refunded: Decimal = ZERO  # credit paid back (退款)
    reversed: Decimal = ZERO  # payments reversed (冲正)
    deposits_in: Decimal = ZERO  # deposits taken (收押金)
    deposits_out: Decimal = ZERO  # deposits refunded (退押金)
    parking: Decimal = ZERO  # temporary parking takings (临时停车)

    @property
    def money_in(self) -> Decimal:
        return self.taken + self.deposits_in + self.parking

    @property
    def money_out(self) -> Decimal:
        return self.refunded + self.reversed + self.deposits_out

    @property
    def net(self) -> Decimal:
        return self.money_in - self.money_out

    def as_record(self) -> dict[str, str]:
        return {"method": self.method} | {f: str(getattr(self, f)) for f in AMOUNT_FIELDS}

    @classmethod
    def from_record(cls, record: dict[str, str]) -> MethodTotals:
        return cls(record["method"], **{f: Decimal(record.get(f, "0.00")) for f in AMOUNT_FIELDS})


@dataclass(frozen=True)
class ClosingRow:
    id: str
    cashier: str
    day: date
    methods: tuple[MethodTotals, ...]  # as they were when the day was closed
    opening_float: Decimal
    cash_expected: Decimal
    cash_counted: Decimal
    difference: Decimal
    explanation: str
    total_in: Decimal
    total_out: Decimal
    entries: int
    first_receipt: str
    last_receipt: str
    handed_over_by: str
    taken_over_by: str
    closed_at: datetime


@dataclass(frozen=True)
class DaySummary:
    """A cashier's day as it stands now; ``closing`` is the record made when it was
    closed (its figures are the ones the closing sheet prints)."""

    estate_id: str
    cashier: str
    day: date
    methods: tuple[MethodTotals, ...]
    payments: int
    refunds: int
    reversals: int
    deposits: int
    first_receipt: str
    last_receipt: str
    opening_float: Decimal
    stays: int  # temporary parking stays charged
    closing: ClosingRow | None = None
    receipts: tuple[str, ...] = field(default=(), repr=False)

    @property
    def total_in(self) -> Decimal:
        return sum((m.money_in for m in self.methods), ZERO)

    @property
    def total_out(self) -> Decimal:
        return sum((m.money_out for m in self.methods), ZERO)

    @property
    def net(self) -> Decimal:
        return self.total_in - self.total_out

    @property
    def entries(self) -> int:
        return self.payments + self.refunds + self.reversals + self.deposits + self.stays

    @property
    def cash(self) -> MethodTotals:
        return next((m for m in self.methods if m.method == "cash"), MethodTotals("cash"))

    @property
    def cash_expected(self) -> Decimal:
        """The opening float plus cash in less cash out: what the drawer should hold."""
        return self.opening_float + self.cash.net


def _closings(session: Session, estate_id: str, cashier: str) -> dict[date, DayClosing]:
    rows = session.scalars(
        select(DayClosing).where(
            DayClosing.estate_id == estate_id, DayClosing.cashier == cashier, DayClosing.live()
        )
    )
    return {row.day: row for row in rows}


def _receipt_key(number: str) -> tuple[str, int]:
    prefix, _, tail = number.rpartition("-")
    return (prefix, int(tail)) if tail.isdigit() else (number, 0)


def summary_in(
    session: Session, estate_id: str, cashier: str, day: date, opening_float: Decimal = ZERO
) -> DaySummary:
    closings = _closings(session, estate_id, cashier)
    closed_at = {d: row.closed_at for d, row in closings.items()}
    tz = tz_of(session, estate_id)
    since, _ = local_day_bounds(closed_run_start(day, closed_at), tz)
    _, until = local_day_bounds(day, tz)
    amounts: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    counts = {"payment": 0, "refund": 0, "reversal": 0, "deposit": 0, "parking": 0}
    receipts: list[str] = []

    def counts_today(at: datetime) -> bool:
        return business_day(local_day(at, tz), at, closed_at) == day

    payments = session.execute(
        select(Payment.kind, Payment.method, Payment.amount, Payment.receipt_no, Payment.paid_at)
        .where(
            Payment.estate_id == estate_id,
            Payment.cashier == cashier,
            Payment.paid_at >= since,
            Payment.paid_at < until,
            Payment.live(),
        )
        .order_by(Payment.paid_at)
    )
    for kind, method, amount, receipt_no, at in payments:
        if not counts_today(at):
            continue
        # money in of any kind (a payment, a prepayment) is taken; a refund or a reversal
        # is paid out; an unknown kind is counted by the way its money went
        if kind == "reversal":
            amounts[method]["reversed"] += abs(amount)
            counts["reversal"] += 1
        elif kind == "refund" or amount < 0:
            amounts[method]["refunded"] += abs(amount)
            counts["refund"] += 1
        else:
            amounts[method]["taken"] += amount
            counts["payment"] += 1
        receipts.append(receipt_no)
    deposits = session.execute(
        select(Deposit.method, Deposit.amount, Deposit.receipt_no, Deposit.at).where(
            Deposit.estate_id == estate_id,
            Deposit.cashier == cashier,
            Deposit.at >= since,
            Deposit.at < until,
            Deposit.live(),
        )
    )
    for method, amount, receipt_no, at in deposits:
        if not counts_today(at):
            continue
        amounts[method]["deposits_in" if amount > 0 else "deposits_out"] += abs(amount)
        counts["deposit"] += 1
        receipts.append(receipt_no)
    # temporary parking stays (临时停车) charged at the counter, by the same day rule
    # (parking.takings_on counts by calendar day, which would reopen a closed day)
    stays = session.execute(
        select(
            TemporaryStay.method,
            TemporaryStay.amount,
            TemporaryStay.receipt_no,
            TemporaryStay.taken_at,
        ).where(
            TemporaryStay.estate_id == estate_id,
            TemporaryStay.cashier == cashier,
            TemporaryStay.taken_at >= since,
            TemporaryStay.taken_at < until,
            TemporaryStay.live(),
        )
    )
    for method, amount, receipt_no, at in stays:
        if counts_today(at):
            amounts[method]["parking"] += amount
            counts["parking"] += 1
            receipts.append(receipt_no)
    known = list(PAYMENT_METHODS)
    # a method written by an older screen (e.g. "card") keeps its own row, never dropped
    order = known + sorted(m for m in amounts if m not in known)
    methods = tuple(
        MethodTotals(m, **{f: amounts[m][f] for f in AMOUNT_FIELDS})
        if m in amounts
        else MethodTotals(m)
        for m in order
    )
    ordered = sorted({r for r in receipts if r}, key=_receipt_key)
    closing = closings.get(day)
    return DaySummary(
        estate_id,
        cashier,
        day,
        methods,
        counts["payment"],
        counts["refund"],
        counts["reversal"],
        counts["deposit"],
        ordered[0] if ordered else "",
        ordered[-1] if ordered else "",
        closing.opening_float if closing is not None else opening_float,
        counts["parking"],
        _closing_row(closing) if closing is not None else None,
        tuple(ordered),
    )


def day_summary(
    db: Database, estate_id: str, cashier: str, day: date, opening_float: Decimal | str = ZERO
) -> DaySummary:
    """The cashier's day: totals by payment method of payments taken, credit refunded,
    reversals, deposits and temporary parking stays, counts, the receipt-number
    range and the cash expected in the drawer."""
    float_value = money(opening_float)
    with db.session() as s:
        return summary_in(s, estate_id, cashier, day, float_value)


def _closing_row(row: DayClosing) -> ClosingRow:
    return ClosingRow(
        row.id,
        row.cashier,
        row.day,
        tuple(MethodTotals.from_record(r) for r in row.totals or []),
        row.opening_float,
        row.cash_expected,
        row.cash_counted,
        row.difference,
        row.explanation,
        row.total_in,
        row.total_out,
        row.entries,
        row.first_receipt,
        row.last_receipt,
        row.handed_over_by,
        row.taken_over_by,
        row.closed_at,
    )


# ---- closing the day ----


def is_own_day(user: StaffUser, cashier: str) -> bool:
    """Money is recorded under the cashier's name (their display name, else log-in)."""
    return cashier in {user.display_name, user.login} - {""}


def may_close_for(session: Session, user: StaffUser | None, estate_id: str, cashier: str) -> bool:
    """A cashier closes their own day; another cashier's day is closed by a supervisor
    (``fees.reverse_closed_day``, by default finance lead and director)."""
    return user is not None and (is_own_day(user, cashier) or may_approve(session, user, estate_id))


def _check_own_day(session: Session, estate_id: str, cashier: str) -> None:
    actor_id = session.info.get(ACTOR_KEY)
    if not actor_id:
        return  # the system (maintenance commands, demo data) acts: no user to check
    if not may_close_for(session, session.get(StaffUser, actor_id), estate_id, cashier):
        raise DomainError("fees.closing.not_own_day", cashier=cashier)


def close_day(
    db: Database,
    estate_id: str,
    cashier: str,
    day: date,
    counted: Decimal | str,
    explanation: str,
    taken_over_by: str,
    opening_float: Decimal | str = ZERO,
    now: datetime | None = None,
) -> ClosingRow:
    """Close the cashier's day: the totals as they stand, the cash counted against the
    cash expected (a difference needs its explanation) and who takes over. Once only.
    The acting user closes their own day; another cashier's day needs a supervisor."""
    errors: dict[str, DomainError] = {}
    values: dict[str, Decimal] = {}
    for name, typed in (("counted", counted), ("opening_float", opening_float)):
        try:
            values[name] = money(typed)
            if values[name] < 0:
                errors[name] = DomainError("amount.not_positive")
        except DomainError as error:
            errors[name] = error
    if not taken_over_by.strip():
        errors["taken_over_by"] = DomainError("fees.closing.handover_required")
    if errors:
        raise FieldErrors(errors)
    moment = now_or(now)
    with db.session() as s:
        require(s, None, "fees.close_day")
        _check_own_day(s, estate_id, cashier)
        if day > local_day(moment, tz_of(s, estate_id)):
            raise DomainError("fees.closing.future_day", day=day.isoformat())
        row_id = closing_id(estate_id, cashier, day)
        if (existing := s.get(DayClosing, row_id)) is not None:
            raise DomainError(
                "fees.closing.already_closed", day=day.isoformat(), cashier=existing.cashier
            )
        summary = summary_in(s, estate_id, cashier, day, values["opening_float"])
        expected = summary.cash_expected
        difference = cash_difference(expected, values["counted"], explanation)
        row = recorder(s).create(
            DayClosing,
            id=row_id,
            estate_id=estate_id,
            cashier=cashier,
            day=day,
            opening_float=values["opening_float"],
            cash_expected=expected,
            cash_counted=values["counted"],
            difference=difference,
            explanation=explanation.strip(),
            total_in=summary.total_in,
            total_out=summary.total_out,
            entries=summary.entries,
            first_receipt=summary.first_receipt,
            last_receipt=summary.last_receipt,
            totals=[m.as_record() for m in summary.methods],
            handed_over_by=cashier,
            taken_over_by=taken_over_by.strip(),
            closed_by=s.info.get(ACTOR_KEY) or "",
            closed_at=moment,
        )
        s.flush()
        return _closing_row(row)


# ---- the lock on a closed day ----


@dataclass(frozen=True)
class Approval:
    """A supervisor's approval given at the desk: their log-in and password."""

    login: str
    password: str = field(repr=False)


def closed_day_of(
    session: Session,
    estate_id: str,
    cashier: str,
    at: datetime,
    also_closed: Mapping[date, datetime] | None = None,
) -> date | None:
    """The closed day that money ``cashier`` moved at ``at`` counts on, or None when that
    day is open. ``also_closed`` adds closings not stored yet (a pushed batch's)."""
    closed = {d: row.closed_at for d, row in _closings(session, estate_id, cashier).items()}
    closed |= also_closed or {}
    if not closed:
        return None
    day = business_day(local_day(at, tz_of(session, estate_id)), at, closed)
    return day if day in closed else None


def closing_of_payment(session: Session, payment: Payment) -> DayClosing | None:
    """The closing of the day ``payment`` counts on, if that day is closed."""
    day = closed_day_of(session, payment.estate_id, payment.cashier, payment.paid_at)
    return (
        None
        if day is None
        else session.get(DayClosing, closing_id(payment.estate_id, payment.cashier, day))
    )


def may_approve(session: Session, user: StaffUser | None, estate_id: str) -> bool:
    """Whether ``user`` may approve a reversal of a closed day in that estate."""
    if user is None or user.deleted or not user.active:
        return False
    if estate_id not in (user.estate_ids or [user.estate_id]):
        return False
    return rules.effective(user.role, "fees.reverse_closed_day", overrides_in(session, estate_id))


def approve_reversal_in(
    session: Session,
    original: Payment,
    reversal_id: str,
    approval: Approval | None,
    now: datetime,
) -> StaffUser | None:
    """Before a reversal of ``original`` is written: nothing to do when its day is open.
    When its day is closed, a supervisor approves (the acting user if their role may, or
    the one whose log-in is given), and the approval is written to the audit trail ahead
    of the reversal, naming it. Refuses with ``fees.closing.day_closed`` otherwise."""
    closing = closing_of_payment(session, original)
    if closing is None:
        return None
    actor = session.get(StaffUser, session.info.get(ACTOR_KEY) or "")
    if approval is not None:
        approver = authenticate(session, approval.login, approval.password)
        if approver is None:
            raise FieldErrors({"approver_password": DomainError("fees.closing.approval_failed")})
        if not may_approve(session, approver, original.estate_id):
            raise FieldErrors({"approver_login": DomainError("fees.closing.approver_not_allowed")})
    elif may_approve(session, actor, original.estate_id):
        approver = actor
    else:
        raise DomainError(
            "fees.closing.day_closed",
            receipt=original.receipt_no,
            day=closing.day.isoformat(),
            cashier=closing.cashier,
        )
    write_entry(
        session,
        estate_id=original.estate_id,
        action=APPROVAL_ACTION,
        table_name="payments",
        row_id=reversal_id,
        after={
            "approved_by": approver.id,
            "approver": approver.display_name or approver.login,
            "reverses": original.id,
            "receipt": original.receipt_no,
            "closed_day": closing.day.isoformat(),
            "amount": format_yuan(original.amount),
        },
        at=now_or(now),
    )
    return approver
