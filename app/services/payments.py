"""Payments at the counter, receipts, deposits, arrears, collection rate and reminders.

Everything here is insert-only: a refund or reversal is a new negative payment naming the
original, so two offline cashiers paying the same bill leave a visible credit, never a
lost payment. Balances are sums, so the order rows arrive in never matters.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.fees import (
    AGEING_BUCKETS,
    DEPOSIT_CODES,
    PAYMENT_METHODS,
    REMINDER_DAYS,
    REMINDER_METHODS,
    OpenLine,
    allocate,
    collection_rate,
    period_end,
    receipt_number,
    shift_period,
)
from app.domain.money import ZERO, from_fen, round_yuan
from app.domain.units import ValidationError, mask_phone, unit_code
from app.memory import collector_paused
from app.store.fee_models import BillLine, Deposit, FeeReminder, Payment, PaymentAllocation
from app.store.models import Building, Estate, Resident, Unit
from app.store.recorder import device_id, get_state, recorder, set_state

RECEIPT_PREFIX_KEY = "fees.receipt_prefix"
RECEIPT_SEQ_KEY = "fees.receipt_seq"


def _now() -> datetime:
    return datetime.now(UTC)


# ---- receipt numbers ----


def receipt_prefix(session: Session) -> str:
    """This workstation's receipt prefix: the random tail of its device id (uuid7's last
    hex digits are random, its first are the clock, which two laptops may share)."""
    prefix = get_state(session, RECEIPT_PREFIX_KEY)
    if prefix is None:
        prefix = device_id(session).replace("-", "")[-6:].upper()
        set_state(session, RECEIPT_PREFIX_KEY, prefix)
    return prefix


def next_receipt_no(session: Session) -> str:
    """The next number of this device's own sequence, kept in the local sync_state; a
    number is consumed in the same transaction as the payment, so never reused."""
    sequence = int(get_state(session, RECEIPT_SEQ_KEY) or "0") + 1
    set_state(session, RECEIPT_SEQ_KEY, str(sequence))
    return receipt_number(receipt_prefix(session), sequence)


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

    @property
    def open_amount(self) -> Decimal:
        return self.amount + self.adjusted - self.paid


def account_lines(session: Session, unit_id: str, only_open: bool = True) -> list[AccountLine]:
    sql = """
        SELECT b.id, b.period, b.fee_code, b.due_date, b.amount,
               coalesce((SELECT sum(a.amount) FROM fee_adjustments a WHERE a.bill_line_id = b.id), 0),
               coalesce((SELECT sum(p.amount) FROM payment_allocations p WHERE p.bill_line_id = b.id), 0)
        FROM bill_lines b WHERE b.unit_id = :u
        ORDER BY b.due_date, b.period, b.fee_code, b.id
    """
    lines = [
        AccountLine(
            lid, per, code, date.fromisoformat(due), from_fen(amt), from_fen(adj), from_fen(paid)
        )
        for lid, per, code, due, amt, adj, paid in session.execute(text(sql), {"u": unit_id})
    ]
    return [ln for ln in lines if ln.open_amount > 0] if only_open else lines


@dataclass(frozen=True)
class UnitAccount:
    billed: Decimal
    adjusted: Decimal
    paid: Decimal  # net of refunds and reversals

    @property
    def balance(self) -> Decimal:
        """What the unit owes; negative is a credit. Bills + adjustments - payments."""
        return self.billed + self.adjusted - self.paid


def unit_account(session: Session, unit_id: str) -> UnitAccount:
    billed, adjusted, paid = session.execute(
        text(
            "SELECT (SELECT coalesce(sum(amount), 0) FROM bill_lines WHERE unit_id = :u), "
            "(SELECT coalesce(sum(amount), 0) FROM fee_adjustments WHERE unit_id = :u), "
            "(SELECT coalesce(sum(amount), 0) FROM payments WHERE unit_id = :u)"
        ),
        {"u": unit_id},
    ).one()
    return UnitAccount(from_fen(billed), from_fen(adjusted), from_fen(paid))


# ---- taking payments ----


def parse_amount(text_value: str, field_name: str = "amount") -> Decimal:
    try:
        amount = Decimal(text_value.strip().replace(",", "").replace("¥", ""))
    except InvalidOperation:
        raise ValidationError({field_name: "Enter the amount in yuan, e.g. 170.05"}) from None
    if amount <= 0:
        raise ValidationError({field_name: "The amount must be more than 0"})
    if amount != round_yuan(amount):
        raise ValidationError({field_name: "Use at most two decimals (fen)"})
    if amount >= Decimal("100000000"):
        raise ValidationError({field_name: "The amount is too large for one payment"})
    return amount


@dataclass
class Receipt:
    payment: Payment
    allocations: list[tuple[str, Decimal]]
    credit: Decimal  # part of the payment kept as an advance (credit balance)


def take_payment(
    session: Session,
    unit: Unit,
    amount_text: str,
    method: str,
    payer: str,
    cashier: str,
    picked: list[str] | None = None,
    note: str = "",
) -> Receipt:
    """Record a payment and apply it to the picked lines, or the oldest open lines first;
    what is left over stays as a credit used by the next bills."""
    errors = {}
    try:
        amount = parse_amount(amount_text)
    except ValidationError as error:
        errors.update(error.errors)
    if method not in PAYMENT_METHODS:
        errors["method"] = "Choose how the resident pays"
    if errors:
        raise ValidationError(errors)
    lines = [
        OpenLine(ln.line_id, ln.due_date, ln.open_amount) for ln in account_lines(session, unit.id)
    ]
    parts, credit = allocate(amount, lines, picked)
    rec = recorder(session)
    now = _now()
    payment = rec.create(
        Payment,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        receipt_no=next_receipt_no(session),
        kind="payment",
        method=method,
        amount=amount,
        payer=payer.strip(),
        cashier=cashier,
        paid_at=now,
        note=note,
    )
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
    return Receipt(payment, parts, credit)


def reverse_payment(session: Session, payment: Payment, cashier: str, reason: str) -> Payment:
    """Undo a payment with a new negative one and negative allocations; the original stays."""
    if payment.kind != "payment":
        raise ValidationError({"payment": "Only a payment can be reversed"})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the payment is reversed"})
    already = session.scalar(select(Payment.id).where(Payment.reverses_id == payment.id))
    if already:
        raise ValidationError({"payment": f"Receipt {payment.receipt_no} is already reversed"})
    rec = recorder(session)
    now = _now()
    reversal = rec.create(
        Payment,
        estate_id=payment.estate_id,
        unit_id=payment.unit_id,
        receipt_no=next_receipt_no(session),
        kind="reversal",
        method=payment.method,
        amount=-payment.amount,
        payer=payment.payer,
        cashier=cashier,
        paid_at=now,
        reverses_id=payment.id,
        note=reason.strip(),
    )
    allocated = session.execute(
        select(PaymentAllocation.bill_line_id, PaymentAllocation.amount).where(
            PaymentAllocation.payment_id == payment.id
        )
    ).all()
    totals: dict[str, Decimal] = {}
    for line_id, part in allocated:
        totals[line_id] = totals.get(line_id, ZERO) + part
    for line_id, part in totals.items():
        if part:
            rec.create(
                PaymentAllocation,
                estate_id=payment.estate_id,
                payment_id=payment.id,
                bill_line_id=line_id,
                unit_id=payment.unit_id,
                amount=-part,
                allocated_at=now,
            )
    return reversal


def refund_credit(
    session: Session, unit: Unit, amount_text: str, method: str, cashier: str, reason: str
) -> Payment:
    """Pay back (part of) a credit balance as a negative payment."""
    amount = parse_amount(amount_text)
    credit = -unit_account(session, unit.id).balance
    if amount > credit:
        raise ValidationError({"amount": f"The unit's credit is only {credit:.2f}"})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the credit is refunded"})
    return recorder(session).create(
        Payment,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        receipt_no=next_receipt_no(session),
        kind="refund",
        method=method,
        amount=-amount,
        payer="",
        cashier=cashier,
        paid_at=_now(),
        note=reason.strip(),
    )


def payments_of(session: Session, unit_id: str) -> list[Payment]:
    return list(
        session.scalars(
            select(Payment).where(Payment.unit_id == unit_id).order_by(Payment.paid_at.desc())
        )
    )


# ---- deposits ----


def take_deposit(
    session: Session,
    unit: Unit,
    fee_code: str,
    amount_text: str,
    method: str,
    payer: str,
    cashier: str,
) -> Deposit:
    if fee_code not in DEPOSIT_CODES:
        raise ValidationError({"fee_code": "Choose the kind of deposit"})
    if method not in PAYMENT_METHODS:
        raise ValidationError({"method": "Choose how the resident pays"})
    amount = parse_amount(amount_text)
    return recorder(session).create(
        Deposit,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        fee_code=fee_code,
        amount=amount,
        receipt_no=next_receipt_no(session),
        method=method,
        payer=payer.strip(),
        cashier=cashier,
        at=_now(),
    )


def deposit_held(session: Session, deposit: Deposit) -> Decimal:
    refunded = session.scalar(
        text("SELECT coalesce(sum(amount), 0) FROM fee_deposits WHERE refund_of = :d"),
        {"d": deposit.id},
    )
    return deposit.amount + from_fen(refunded)


def refund_deposit(session: Session, deposit: Deposit, cashier: str, note: str = "") -> Deposit:
    """Give back what is still held of a deposit, recorded against the original."""
    held = deposit_held(session, deposit)
    if deposit.refund_of is not None or held <= 0:
        raise ValidationError(
            {"deposit": f"Deposit {deposit.receipt_no} has nothing left to refund"}
        )
    return recorder(session).create(
        Deposit,
        estate_id=deposit.estate_id,
        unit_id=deposit.unit_id,
        fee_code=deposit.fee_code,
        amount=-held,
        receipt_no=next_receipt_no(session),
        method=deposit.method,
        payer=deposit.payer,
        cashier=cashier,
        at=_now(),
        refund_of=deposit.id,
        note=note,
    )


def deposits_of(session: Session, unit_id: str) -> list[tuple[Deposit, Decimal]]:
    """Deposits taken for the unit with what is still held of each."""
    taken = session.scalars(
        select(Deposit)
        .where(Deposit.unit_id == unit_id, Deposit.refund_of.is_(None))
        .order_by(Deposit.at)
    ).all()
    return [(d, deposit_held(session, d)) for d in taken]


# ---- receipts ----


@dataclass
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
    lines: list[tuple[str, str, Decimal]] = field(
        default_factory=list
    )  # (period, fee code, amount)
    balance_after: Decimal = ZERO


def receipt_view(session: Session, payment_id: str) -> ReceiptView:
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise ValidationError({"payment": "No such payment"})
    unit = session.get(Unit, payment.unit_id)
    building = session.get(Building, unit.building_id) if unit else None
    estate = session.get(Estate, payment.estate_id)
    rows = session.execute(
        select(BillLine.period, BillLine.fee_code, PaymentAllocation.amount)
        .join(BillLine, BillLine.id == PaymentAllocation.bill_line_id)
        .where(PaymentAllocation.payment_id == payment.id)
        .order_by(BillLine.period, BillLine.fee_code)
    ).all()
    return ReceiptView(
        estate_name=estate.name if estate else "",
        receipt_no=payment.receipt_no,
        kind=payment.kind,
        unit_code=unit_code(building.name, unit.entrance, unit.room) if unit and building else "",
        payer=payment.payer,
        method=payment.method,
        amount=payment.amount,
        cashier=payment.cashier,
        paid_at=payment.paid_at,
        lines=[(p, c, a) for p, c, a in rows],
        balance_after=unit_account(session, payment.unit_id).balance,
    )


# ---- arrears ----


class ArrearsRow(NamedTuple):
    """One debtor's line of the arrears report. A named tuple: a frozen dataclass took
    2.8 µs to build, 50 ms of a 20,000-debtor report."""

    unit_id: str
    building: str
    entrance: str
    room: str
    owner: str
    phone_masked: str
    buckets: dict[str, Decimal]
    overdue: Decimal
    credit: Decimal

    @property
    def unit_code(self) -> str:
        return unit_code(self.building, self.entrance, self.room)

    @property
    def net(self) -> Decimal:
        return self.overdue - self.credit


# Per unit with anything overdue, read from the covering index ix_fee_open_lines_ageing
# alone: what fell due before as_of and before each bucket's start (cumulative: one date
# test per sum; the buckets are their differences), all it has open, and its owner (the
# first live one by name, from ix_residents_owner alone; looked up for debtors only, so a
# normal month reads a seventh of the owners). "+due_date" drops the column's NUMERIC
# affinity, which SQLite would apply to the text parameter at every comparison.
_DEBTS_SQL = """
    SELECT unit_id,
           sum(open_fen) FILTER (WHERE +due_date < :as_of AND open_fen > 0) AS overdue,
           coalesce(sum(open_fen) FILTER (WHERE +due_date < :d30 AND open_fen > 0), 0),
           coalesce(sum(open_fen) FILTER (WHERE +due_date < :d90 AND open_fen > 0), 0),
           coalesce(sum(open_fen) FILTER (WHERE +due_date < :d180 AND open_fen > 0), 0),
           sum(open_fen),
           (SELECT min(r.name || char(31) || r.phone) FROM residents r
             WHERE r.estate_id = :e AND r.unit_id = fee_open_lines.unit_id
               AND r.deleted = 0 AND r.role = 'owner')
      FROM fee_open_lines
     WHERE estate_id = :e AND open_fen <> 0{in_building}
     GROUP BY unit_id
    HAVING overdue > 0
"""

# The estate's units (deleted ones too: a debt outlives its unit) in display order: buildings
# in ix_buildings_order, each building's units from ix_units_location. Joined to the debts
# in Python: looking each debtor up in units and sorting the result took about twice as
# long at 20,000 debtors (random reads of units by id, and a sort of them all).
_UNITS_IN_ORDER_SQL = """
    SELECT u.id, bd.name, u.entrance, u.room
      FROM buildings bd JOIN units u ON u.building_id = bd.id
     WHERE bd.estate_id = :e{in_building}
     ORDER BY bd.sort_key, bd.name, u.entrance, length(u.room), u.room
"""

# money of each unit not on any bill line: payments - allocations - adjustments to no line
# (fee_unit_money, kept by triggers); only units where it is not zero
_OFF_LINE_SQL = (
    "SELECT unit_id, off_line_fen FROM fee_unit_money WHERE estate_id = :e AND off_line_fen <> 0"
)

# a building's report seeks its units' lines in the same index instead of the estate's
_UNIT_IN_BUILDING = " AND unit_id IN (SELECT id FROM units WHERE building_id = :b)"


class _Yuan(dict):
    """Fen to exact yuan, each value converted once (a report repeats most amounts): a
    plain lookup on a hit, from_fen without its quantize step on a miss."""

    def __missing__(self, fen: int) -> Decimal:
        value = self[fen] = Decimal(fen).scaleb(-2)
        return value


def arrears(
    session: Session, estate_id: str, as_of: date, building_id: str | None = None
) -> list[ArrearsRow]:
    """Units with overdue amounts, by ageing bucket (days past the due date: 1-30, 31-90,
    91-180, over 180), summed in SQL over the unsettled lines of ``fee_open_lines``; the
    unit's balance (bills + adjustments - payments) is that open total minus its money on
    no line (``fee_unit_money``), both kept by triggers. Ordered as the unit list: building
    (sort key, name), entrance, room.

    ``credit`` is money the unit has paid but that is not applied to these overdue lines
    (an advance, or two cashiers taking the same bill), so ``net`` never counts a payment
    twice: net = min(overdue, what the account says is owed overall).

    A desk report, SQLite only (nothing on the server calls it): it reads plain tuples
    from the driver's cursor, as SQLAlchemy's rows cost tens of milliseconds at 20,000.
    """
    unit_in_building = _UNIT_IN_BUILDING if building_id else ""
    session.flush()  # the driver's cursor does not autoflush as session.execute does
    cursor = session.connection().connection.cursor()
    # up to 20,000 rows read and as many built: tuples and dicts, no reference cycles
    with closing(cursor), collector_paused():
        cursor.execute(
            _DEBTS_SQL.format(in_building=unit_in_building),
            {
                "e": estate_id,
                "b": building_id,
                "as_of": as_of.isoformat(),
                "d30": (as_of - timedelta(days=30)).isoformat(),
                "d90": (as_of - timedelta(days=90)).isoformat(),
                "d180": (as_of - timedelta(days=180)).isoformat(),
            },
        )
        debts = {row[0]: row for row in cursor}
        if not debts:
            return []
        estate = {"e": estate_id, "b": building_id}
        off_line = dict(cursor.execute(_OFF_LINE_SQL, estate))
        cursor.execute(
            _UNITS_IN_ORDER_SQL.format(in_building=" AND bd.id = :b" if building_id else ""),
            estate,
        )
        return _arrears_rows(cursor, debts, off_line)


def _arrears_rows(
    units: Iterable[tuple[str, str, str, str]],
    debts: dict[str, tuple[str, int, int, int, int, int, str | None]],
    off_line: dict[str, int],
) -> list[ArrearsRow]:
    """The debtors among ``units`` (id, building, entrance, room, in display order, walked
    as the cursor reads them) as report rows; up to one per unit, hence the lean loop."""
    yuan = _Yuan()
    bucket_1, bucket_2, bucket_3, bucket_4 = AGEING_BUCKETS
    new_row = tuple.__new__  # ArrearsRow's own __new__ is a Python call per row
    result = []
    for uid, building, entrance, room in units:
        debt = debts.get(uid)
        if debt is None:
            continue
        _, overdue, over_30, over_90, over_180, open_total, owner = debt
        balance = open_total - off_line.get(uid, 0)
        credit = overdue if balance <= 0 else overdue - balance if balance < overdue else 0
        name, _, phone = (owner or "").partition("\x1f")
        result.append(
            new_row(
                ArrearsRow,
                (
                    uid,
                    building,
                    entrance,
                    room,
                    name,
                    mask_phone(phone),
                    {
                        bucket_1: yuan[overdue - over_30],
                        bucket_2: yuan[over_30 - over_90],
                        bucket_3: yuan[over_90 - over_180],
                        bucket_4: yuan[over_180],
                    },
                    yuan[overdue],
                    yuan[credit],
                ),
            )
        )
    return result


def arrears_totals(rows: list[ArrearsRow]) -> dict[str, Decimal]:
    totals = {b: ZERO for b in AGEING_BUCKETS}
    for row in rows:
        for bucket, amount in row.buckets.items():
            totals[bucket] += amount
    return totals


# ---- collection rate ----


@dataclass(frozen=True)
class CollectionPoint:
    period: str
    receivable: Decimal
    collected: Decimal

    @property
    def rate(self) -> Decimal | None:
        return collection_rate(self.collected, self.receivable)


def collection(
    session: Session,
    estate_id: str,
    last_period: str,
    months: int = 12,
    building_id: str | None = None,
) -> list[CollectionPoint]:
    """Per month: receivable = that month's bills after adjustments; collected = payments
    applied to them so far (never more than each line's amount)."""
    first = shift_period(last_period, -(months - 1))
    # paid per line by a lookup in ix_payment_allocations_bill_line_id: grouping the
    # estate's allocations first took 3x as long at 20,000 units; units joined only to
    # filter a building
    in_building = (
        "JOIN units u ON u.id = b.unit_id AND u.building_id = :building" if building_id else ""
    )
    sql = f"""
        SELECT b.period,
               sum(max(b.amount + coalesce(adj.total, 0), 0)),
               sum(min(max(coalesce((SELECT sum(pa.amount) FROM payment_allocations pa
                                     WHERE pa.bill_line_id = b.id), 0), 0),
                       max(b.amount + coalesce(adj.total, 0), 0)))
        FROM bill_lines b {in_building}
        LEFT JOIN (SELECT bill_line_id, sum(amount) AS total FROM fee_adjustments
                   WHERE estate_id = :e GROUP BY bill_line_id) adj ON adj.bill_line_id = b.id
        WHERE b.estate_id = :e AND b.period BETWEEN :first AND :last
        GROUP BY b.period
    """
    found = {
        period: (from_fen(receivable), from_fen(collected))
        for period, receivable, collected in session.execute(
            text(sql),
            {"e": estate_id, "first": first, "last": last_period, "building": building_id},
        )
    }
    points = []
    for i in range(months):
        period = shift_period(first, i)
        receivable, collected = found.get(period, (ZERO, ZERO))
        points.append(CollectionPoint(period, receivable, collected))
    return points


# ---- reminders ----


def last_reminder_day(today: date) -> date | None:
    """The latest reminder day (10th or 25th) on or before today, in this month or the last."""
    for day in sorted(REMINDER_DAYS, reverse=True):
        if today.day >= day:
            return today.replace(day=day)
    previous = period_end(shift_period(f"{today.year:04d}-{today.month:02d}", -1))
    return previous.replace(day=max(REMINDER_DAYS))


def due_reminders(
    session: Session, estate_id: str, today: date, building_id: str | None = None
) -> list[ArrearsRow]:
    """Debtors not yet reminded since the last reminder day (the 10th or the 25th)."""
    since = last_reminder_day(today)
    reminded = set(
        session.scalars(
            select(FeeReminder.unit_id).where(
                FeeReminder.estate_id == estate_id, FeeReminder.reminded_on >= since
            )
        )
    )
    return [
        r
        for r in arrears(session, estate_id, today, building_id)
        if r.net > 0 and r.unit_id not in reminded
    ]


def record_reminder(
    session: Session,
    unit: Unit,
    method: str,
    reminded_on: date,
    amount_due: Decimal,
    made_by: str,
    outcome: str = "",
) -> FeeReminder:
    if method not in REMINDER_METHODS:
        raise ValidationError({"method": "Choose phone, letter or notice"})
    return recorder(session).create(
        FeeReminder,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        method=method,
        reminded_on=reminded_on,
        amount_due=round_yuan(amount_due),
        made_by=made_by,
        outcome=outcome.strip(),
    )


@dataclass(frozen=True)
class ReminderRow:
    reminded_on: date
    unit_code: str
    method: str
    amount_due: Decimal
    made_by: str
    outcome: str


def reminder_log(session: Session, estate_id: str, limit: int = 500) -> list[ReminderRow]:
    rows = session.execute(
        select(FeeReminder, Building.name, Unit.entrance, Unit.room)
        .join(Unit, Unit.id == FeeReminder.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(FeeReminder.estate_id == estate_id)
        .order_by(FeeReminder.reminded_on.desc(), FeeReminder.updated_hlc.desc())
        .limit(limit)
    ).all()
    return [
        ReminderRow(
            r.reminded_on, unit_code(b, e, room), r.method, r.amount_due, r.made_by, r.outcome
        )
        for r, b, e, room in rows
    ]


def owner_of(session: Session, unit_id: str) -> Resident | None:
    return session.scalar(
        select(Resident)
        .where(Resident.unit_id == unit_id, Resident.live(), Resident.role == "owner")
        .order_by(Resident.name)
        .limit(1)
    )
