"""Issuing bills: the month's run over every unit, shared costs apportioned by area, the
one-off renovation fee, and advance payments used on new bills.

Bill lines get deterministic ids (estate, unit, fee code, period[, space]), so running a
period twice, or on two offline workstations, yields the same rows once synced.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain import fee_notes
from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import (
    FeeRules,
    LineDraft,
    OpenLine,
    UnitFacts,
    allocate,
    due_date,
    late_fee,
    monthly_lines,
    parse_period,
    period_start,
    shared_cost_lines,
)
from app.domain.money import ZERO, from_fen, round_yuan
from app.memory import collector_paused
from app.progress import Progress
from app.services.fees.common import (
    bill_line_id,
    get_live,
    now_or,
    positive_money,
    renovation_line_id,
)
from app.services.fees.schedule import ensure_default_schedule_in, rules_in, schedule_in
from app.services.permissions import require
from app.store.db import mark_changed
from app.store.fee_models import BillLine, PaymentAllocation
from app.store.models import Unit
from app.store.recorder import bulk_create, recorder

if TYPE_CHECKING:
    from app.store.db import Database

# the run asks whether it was cancelled after every this many units (a check costs a
# signal to the window, so not one per unit)
UNITS_PER_STEP = 1000


@dataclass(frozen=True)
class BillingResult:
    period: str
    created: int
    already_issued: int
    total: Decimal
    credits_applied: Decimal


OPEN_AMOUNT_TRIGGER = "fee_open_bill_ai"


@contextmanager
def open_amounts_written_once(session: Session) -> Iterator[None]:
    """Insert many bill lines without the per-row trigger that records each line's open
    amount (a second of a 20,000-unit billing run), then record them in one statement.

    The statement is the trigger's own INSERT with ``NEW.`` read from the new rows, taken
    from the schema so the rule has one definition; SQLite DDL is transactional, so a
    failure restores the trigger with everything else.
    """
    trigger = session.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": OPEN_AMOUNT_TRIGGER},
    ).scalar()
    if trigger is None:  # not a desk database (or an older schema): the trigger rules
        yield
        return
    insert = trigger[trigger.index("INSERT OR REPLACE") : trigger.rindex("END")].strip()
    head, values = insert.split("VALUES", 1)
    values = values.strip().rstrip(";").strip()[1:-1]  # the list inside VALUES ( ... )
    bulk_insert = (
        f"{head} SELECT {values.replace('NEW.', 'b.')} FROM bill_lines AS b WHERE b.rowid > ?"
    )
    before = session.execute(text("SELECT coalesce(max(rowid), 0) FROM bill_lines")).scalar_one()
    session.execute(text(f"DROP TRIGGER {OPEN_AMOUNT_TRIGGER}"))
    yield
    session.flush()
    connection = session.connection()
    connection.exec_driver_sql(bulk_insert, (before,))
    connection.exec_driver_sql(trigger)


def _unit_facts(session: Session, estate_id: str) -> list[UnitFacts]:
    connection = session.connection()
    spaces: dict[str, list[tuple[str, str]]] = {}
    for space_id, unit_id, code in connection.exec_driver_sql(
        "SELECT id, unit_id, fee_code FROM parking_spaces "
        "WHERE estate_id = ? AND deleted = 0 AND active = 1 ORDER BY space_no, id",
        (estate_id,),
    ).fetchall():
        spaces.setdefault(unit_id, []).append((space_id, code))
    rows = connection.exec_driver_sql(
        "SELECT id, kind, area_m2, handover_date, vacant_since, vacancy_approved FROM units "
        "WHERE estate_id = ? AND deleted = 0",
        (estate_id,),
    ).fetchall()
    # areas and dates repeat across an estate's units: convert each distinct value once
    areas = {fen: from_fen(fen) for fen in {row[2] for row in rows}}
    days = {text: date.fromisoformat(text) for row in rows for text in row[3:5] if text}
    days[None] = None
    return [
        UnitFacts(
            uid,
            kind,
            areas[area],
            days[handover or None],
            days[vacant or None],
            bool(approved),
            tuple(spaces.get(uid, ())),
        )
        for uid, kind, area, handover, vacant, approved in rows
    ]


def _existing_ids(session: Session, estate_id: str, period: str) -> set[str]:
    return set(
        session.scalars(
            select(BillLine.id).where(BillLine.estate_id == estate_id, BillLine.period == period)
        )
    )


def open_lines_by_unit(session: Session, estate_id: str, due_before: date | None = None):
    """Unit id -> [OpenLine] of lines with something left to pay (SQL-aggregated)."""
    sql = """
        SELECT b.unit_id, b.id, b.due_date,
               b.amount + coalesce(a.total, 0) - coalesce(p.total, 0) AS open_fen
        FROM bill_lines b
        LEFT JOIN (SELECT bill_line_id, sum(amount) AS total FROM fee_adjustments
                   WHERE estate_id = :e GROUP BY bill_line_id) a ON a.bill_line_id = b.id
        LEFT JOIN (SELECT bill_line_id, sum(amount) AS total FROM payment_allocations
                   WHERE estate_id = :e GROUP BY bill_line_id) p ON p.bill_line_id = b.id
        WHERE b.estate_id = :e AND (:before IS NULL OR b.due_date < :before)
          AND b.amount + coalesce(a.total, 0) - coalesce(p.total, 0) > 0
    """
    result: dict[str, list[OpenLine]] = {}
    before = due_before.isoformat() if due_before else None
    for unit_id, line_id, due, open_fen in session.execute(
        text(sql), {"e": estate_id, "before": before}
    ):
        result.setdefault(unit_id, []).append(
            OpenLine(line_id, date.fromisoformat(due), from_fen(open_fen))
        )
    return result


# units that may hold unapplied money: money on no bill line (fee_unit_money, kept by
# SQLite triggers) or an adjustment to no line, which could offset it to zero
_MAY_HOLD_CREDIT = """
    SELECT unit_id FROM fee_unit_money WHERE estate_id = :e AND off_line_fen <> 0
    UNION SELECT unit_id FROM fee_adjustments WHERE estate_id = :e AND bill_line_id IS NULL
"""


def unallocated_payments(
    session: Session, estate_id: str, unit_id: str | None = None, *, candidates_only=False
):
    """Unit id -> [(payment id, amount not yet applied to any bill line)], oldest first.
    ``candidates_only`` looks only at units that may hold such money (fast on SQLite)."""
    only = ""
    if candidates_only and session.get_bind().dialect.name == "sqlite":
        only = f"AND p.unit_id IN ({_MAY_HOLD_CREDIT})"
    sql = f"""
        SELECT unit_id, id, left_fen FROM (
            SELECT p.unit_id, p.id, p.paid_at,
                   p.amount - coalesce((SELECT sum(a.amount) FROM payment_allocations a
                                        WHERE a.payment_id = p.id), 0) AS left_fen
            FROM payments p
            WHERE p.estate_id = :e AND p.kind = 'payment' {only}
              AND (:unit IS NULL OR p.unit_id = :unit)
              AND p.id NOT IN (SELECT reverses_id FROM payments
                               WHERE estate_id = :e AND reverses_id IS NOT NULL))
        WHERE left_fen > 0
        ORDER BY paid_at, id
    """
    result: dict[str, list[tuple[str, Decimal]]] = {}
    for uid, pid, left in session.execute(text(sql), {"e": estate_id, "unit": unit_id}):
        result.setdefault(uid, []).append((pid, from_fen(left)))
    return result


def _refunded_credit(session: Session, estate_id: str) -> dict[str, Decimal]:
    rows = session.execute(
        text(
            "SELECT unit_id, -sum(amount) FROM payments WHERE estate_id = :e AND kind = 'refund' "
            "GROUP BY unit_id"
        ),
        {"e": estate_id},
    )
    return {uid: from_fen(total) for uid, total in rows}


def apply_credits(
    session: Session, estate_id: str, unit_ids: set[str] | None = None, now: datetime | None = None
) -> Decimal:
    """Use advance payments (unallocated money) on the unit's open lines, oldest first."""
    credits = unallocated_payments(session, estate_id, candidates_only=True)
    if unit_ids is not None:
        credits = {u: c for u, c in credits.items() if u in unit_ids}
    if not credits:
        return ZERO
    refunded = _refunded_credit(session, estate_id)
    open_by_unit = open_lines_by_unit(session, estate_id)
    now = now_or(now)
    rows, applied = [], ZERO
    for unit_id, payments in credits.items():
        lines = open_by_unit.get(unit_id)
        if not lines:
            continue
        spent_by_refund = refunded.get(unit_id, ZERO)
        for payment_id, left in payments:
            usable = left - spent_by_refund
            spent_by_refund = max(spent_by_refund - left, ZERO)
            if usable <= 0:
                continue
            parts, _ = allocate(usable, lines)
            taken = dict(parts)
            lines = [
                OpenLine(ln.line_id, ln.due, ln.open_amount - taken.get(ln.line_id, ZERO))
                for ln in lines
            ]
            for line_id, amount in parts:
                rows.append(
                    {
                        "estate_id": estate_id,
                        "payment_id": payment_id,
                        "bill_line_id": line_id,
                        "unit_id": unit_id,
                        "amount": amount,
                        "allocated_at": now,
                    }
                )
                applied += amount
    bulk_create(session, PaymentAllocation, rows)
    if rows:
        mark_changed(session, "payment_allocations", None)
    return applied


def _late_fee_drafts(session, estate_id, period, rules: FeeRules) -> list[LineDraft]:
    if not rules.late_fee.enabled:
        return []
    charged = {
        uid: from_fen(total)
        for uid, total in session.execute(
            text(
                "SELECT unit_id, sum(amount) FROM bill_lines WHERE estate_id = :e "
                "AND fee_code = 'late_fee' GROUP BY unit_id"
            ),
            {"e": estate_id},
        )
    }
    drafts = []
    note = fee_notes.note(fee_notes.LATE_FEE, rate=rules.late_fee.rate_per_day)
    overdue = open_lines_by_unit(session, estate_id, due_before=period_start(period))
    for unit_id, lines in overdue.items():
        principal = [(ln.due, ln.open_amount) for ln in lines]
        amount = late_fee(principal, period, rules.late_fee, charged.get(unit_id, ZERO))
        if amount > 0:
            drafts.append(
                LineDraft(unit_id, "late_fee", Decimal("1.00"), amount, amount, note=note)
            )
    return drafts


def run_billing(
    db: Database,
    estate_id: str,
    period: str,
    issued_by: str = "",
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BillingResult:
    """Issue the month's bills for every unit of the estate in one unit of work (the
    estate gets the default schedule first if it has none). ``progress`` hears of the
    units drafted and may cancel between them, up to the commit: then nothing is kept."""
    parse_period(period)
    with db.session() as s:
        require(s, None, "fees.bill")
        ensure_default_schedule_in(s, estate_id)
        result = issue_bills_in(s, estate_id, period, issued_by, progress, now)
        if progress is not None:
            progress.check()  # a cancel up to here rolls the whole run back
    return result


def issue_bills_in(
    session: Session,
    estate_id: str,
    period: str,
    issued_by: str = "",
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BillingResult:
    """The billing run inside the caller's transaction (the demo, the bench's set-up)."""
    parse_period(period)
    with collector_paused():
        return _run_billing(session, estate_id, period, issued_by, progress, now_or(now))


def _run_billing(session, estate_id, period, issued_by, progress, now) -> BillingResult:
    rules = rules_in(session, estate_id)
    items = schedule_in(session, estate_id)
    existing = _existing_ids(session, estate_id, period)
    drafts: list[LineDraft] = _late_fee_drafts(session, estate_id, period, rules)
    units = _unit_facts(session, estate_id)
    total_units = len(units)
    for start in range(0, total_units, UNITS_PER_STEP):
        if progress is not None:
            progress.step(start, total_units)
        for unit in units[start : start + UNITS_PER_STEP]:
            drafts.extend(monthly_lines(unit, period, items, rules))
    if progress is not None:
        progress.step(total_units, total_units)
    rows, skipped, total = _rows(estate_id, period, drafts, existing, rules, issued_by, now)
    # in id order the lines' random-uuid keys (and the open-amount rows the trigger adds)
    # go into their indexes page by page: a quarter off the insert at 20,000 units
    rows.sort(key=lambda row: row["id"])
    with open_amounts_written_once(session):
        bulk_create(session, BillLine, rows)
    credited = ZERO
    if rows:
        mark_changed(session, "bill_lines", None)  # every unit's account: rows not listed
        credited = apply_credits(session, estate_id, {r["unit_id"] for r in rows}, now)
    return BillingResult(period, len(rows), skipped, total, credited)


def _rows(estate_id, period, drafts, existing, rules, issued_by, now):
    due = due_date(period, rules.due_day)
    rows, skipped, total = [], 0, ZERO
    for d in drafts:
        line_id = bill_line_id(estate_id, d.unit_id, d.fee_code, period, d.space_id)
        if line_id in existing:
            skipped += 1
            continue
        existing.add(line_id)
        rows.append(
            {
                "id": line_id,
                "estate_id": estate_id,
                "unit_id": d.unit_id,
                "fee_code": d.fee_code,
                "period": period,
                "quantity": d.quantity,
                "rate": d.rate,
                "amount": d.amount,
                "due_date": due,
                "note": d.note,
                "issued_at": now,
                "issued_by": issued_by,
            }
        )
        total += d.amount
    return rows, skipped, total


def bill_shared_utilities(
    db: Database,
    estate_id: str,
    period: str,
    total: Decimal | str,
    issued_by: str = "",
    now: datetime | None = None,
) -> BillingResult:
    """Apportion a month's actual shared water and electricity by area over the units
    handed over by the month's end; the parts sum exactly to the total."""
    try:
        amount = positive_money(total)
    except DomainError as error:
        raise FieldErrors({"total": error}) from None
    parse_period(period)
    with db.session() as s:
        return _bill_shared(s, estate_id, period, amount, issued_by, now_or(now))


def _bill_shared(session, estate_id, period, total, issued_by, now) -> BillingResult:
    end = period_start(period).isoformat()[:8] + "31"
    units = [
        (uid, from_fen(area))
        for uid, area in session.execute(
            text(
                "SELECT id, area_m2 FROM units WHERE estate_id = :e AND deleted = 0 "
                "AND handover_date IS NOT NULL AND handover_date <= :end ORDER BY id"
            ),
            {"e": estate_id, "end": end},
        )
    ]
    if not units:
        raise FieldErrors({"total": DomainError("fees.shared.no_units")})
    existing = _existing_ids(session, estate_id, period)
    drafts = shared_cost_lines(total, units)
    if any(bill_line_id(estate_id, d.unit_id, d.fee_code, period) in existing for d in drafts):
        raise FieldErrors({"total": DomainError("fees.shared.already_billed", period=period)})
    rows, skipped, billed = _rows(
        estate_id, period, drafts, existing, rules_in(session, estate_id), issued_by, now
    )
    with open_amounts_written_once(session):
        bulk_create(session, BillLine, rows)
    mark_changed(session, "bill_lines", [r["id"] for r in rows])
    return BillingResult(period, len(rows), skipped, billed, ZERO)


@dataclass(frozen=True)
class IssuedLine:
    line_id: str
    unit_id: str
    fee_code: str
    period: str
    quantity: Decimal
    rate: Decimal
    amount: Decimal


def charge_renovation(
    db: Database, unit_id: str, period: str, issued_by: str = "", now: datetime | None = None
) -> IssuedLine:
    """The one-off renovation management fee, area × rate; a second charge is refused."""
    parse_period(period)
    with db.session() as s:
        unit = get_live(s, Unit, unit_id)
        line_id = renovation_line_id(unit.estate_id, unit.id)
        if s.get(BillLine, line_id) is not None:
            raise DomainError("fees.renovation.already_charged")
        item = next((i for i in schedule_in(s, unit.estate_id) if i.code == "renovation"), None)
        rate = item.rate if item else Decimal("3.50")
        rules = rules_in(s, unit.estate_id)
        amount = round_yuan(unit.area_m2 * rate)
        recorder(s).create(
            BillLine,
            id=line_id,
            estate_id=unit.estate_id,
            unit_id=unit.id,
            fee_code="renovation",
            period=period,
            quantity=unit.area_m2,
            rate=rate,
            amount=amount,
            due_date=due_date(period, rules.due_day),
            note=fee_notes.note(fee_notes.ONCE),
            issued_at=now_or(now),
            issued_by=issued_by,
        )
        return IssuedLine(line_id, unit.id, "renovation", period, unit.area_m2, rate, amount)
