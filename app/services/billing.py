"""Fee schedule, parking spaces, billing runs, shared-cost apportionment and adjustments.

Bill lines get deterministic ids (estate, unit, fee code, period[, space]), so running a
period twice, or on two offline workstations, yields the same rows once synced.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.fees import (
    DEFAULT_SCHEDULE,
    PARKING_CODES,
    FeeItemSpec,
    FeeRules,
    LateFeeRule,
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
from app.domain.units import ValidationError, unit_code
from app.memory import collector_paused
from app.services.units import natural_id
from app.store.fee_models import BillLine, FeeAdjustment, FeeItem, ParkingSpace, PaymentAllocation
from app.store.models import Setting, Unit
from app.store.recorder import bulk_create, recorder

RULES_KEY = "fees.rules"


def _now() -> datetime:
    return datetime.now(UTC)


def bill_line_id(
    estate_id: str, unit_id: str, fee_code: str, period: str, space_id: str = ""
) -> str:
    parts = [estate_id, "bill", unit_id, fee_code, period]
    if space_id:
        parts.append(space_id)
    return natural_id(*parts)


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


# ---- settings ----


def load_rules(session: Session, estate_id: str) -> FeeRules:
    row = session.get(Setting, natural_id(estate_id, "setting", RULES_KEY))
    return FeeRules() if row is None or row.deleted else FeeRules.from_json(row.value)


def save_rules(session: Session, estate_id: str, rules: FeeRules) -> None:
    value = FeeRules.from_json(rules.to_json()).to_json()
    setting_id = natural_id(estate_id, "setting", RULES_KEY)
    row = session.get(Setting, setting_id)
    if row is None:
        recorder(session).create(
            Setting, id=setting_id, estate_id=estate_id, key=RULES_KEY, value=value
        )
    else:
        recorder(session).update(row, value=value, deleted=False)


def update_rules(
    session: Session,
    estate_id: str,
    *,
    due_day: int,
    vacancy_ratio: str,
    vacancy_months: int,
    late_enabled: bool,
    late_rate_per_day: str,
    grace_days: int,
    cap_ratio: str,
) -> FeeRules:
    """Save the estate's billing rules from form text; every field is checked first."""
    errors: dict[str, str] = {}

    def fraction(name: str, value: str, high: Decimal, problem: str) -> Decimal:
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            number = Decimal(-1)
        if not Decimal(0) <= number <= high:
            errors[name] = problem
        return number

    ratio = fraction(
        "vacancy_ratio",
        vacancy_ratio,
        Decimal(1),
        "Enter the share paid as a number from 0 to 1, e.g. 0.70",
    )
    rate = fraction(
        "late_rate_per_day",
        late_rate_per_day,
        Decimal("0.01"),
        "Enter the daily rate as a number from 0 to 0.01, e.g. 0.0003",
    )
    cap = fraction(
        "cap_ratio", cap_ratio, Decimal(10), "Enter the cap as a number from 0 to 10, e.g. 1"
    )
    if not 1 <= due_day <= 28:
        errors["due_day"] = "The due day is between 1 and 28"
    if errors:
        raise ValidationError(errors)
    rules = FeeRules(
        due_day=due_day,
        vacancy_ratio=ratio,
        vacancy_months=vacancy_months,
        late_fee=LateFeeRule(late_enabled, rate, grace_days, cap),
    )
    save_rules(session, estate_id, rules)
    return rules


# ---- the schedule ----


def fee_item_id(estate_id: str, code: str, effective_from: date) -> str:
    return natural_id(estate_id, "fee_item", code, effective_from.isoformat())


def ensure_default_schedule(session: Session, estate_id: str) -> None:
    """Give an estate the DOMAIN.md schedule unless it already has items."""
    exists = session.scalar(
        select(FeeItem.id).where(FeeItem.estate_id == estate_id, FeeItem.live()).limit(1)
    )
    if exists:
        return
    rec = recorder(session)
    for spec in DEFAULT_SCHEDULE:
        rec.create(
            FeeItem,
            id=fee_item_id(estate_id, spec.code, spec.effective_from),
            estate_id=estate_id,
            code=spec.code,
            name=spec.name,
            rate=spec.rate,
            basis=spec.basis,
            effective_from=spec.effective_from,
        )


def schedule(session: Session, estate_id: str) -> list[FeeItemSpec]:
    """Every rate of the estate with its effective date (defaults where none is set)."""
    rows = session.scalars(
        select(FeeItem)
        .where(FeeItem.estate_id == estate_id, FeeItem.live())
        .order_by(FeeItem.code, FeeItem.effective_from)
    ).all()
    if not rows:
        return list(DEFAULT_SCHEDULE)
    return [FeeItemSpec(r.code, r.name, r.rate, r.basis, r.effective_from) for r in rows]


def set_rate(
    session: Session, estate_id: str, code: str, rate_text: str, effective_text: str
) -> FeeItem:
    """A new rate for ``code`` from a date on; earlier bills keep the rate they were issued at."""
    errors = {}
    ensure_default_schedule(session, estate_id)
    known = {spec.code: spec for spec in schedule(session, estate_id)}
    if code not in known:
        errors["code"] = f"Unknown fee item {code!r}"
    try:
        rate = round_yuan(Decimal(rate_text.strip()))
        if rate < 0:
            errors["rate"] = "The rate cannot be negative"
    except (InvalidOperation, ValueError):
        errors["rate"] = "Enter the rate in yuan, e.g. 1.90"
    try:
        effective = date.fromisoformat(effective_text.strip())
    except ValueError:
        errors["effective_from"] = "Enter the date as YYYY-MM-DD, e.g. 2026-07-01"
    if errors:
        raise ValidationError(errors)
    item_id = fee_item_id(estate_id, code, effective)
    row = session.get(FeeItem, item_id)
    if row is not None:
        recorder(session).update(row, rate=rate, deleted=False)
        return row
    spec = known[code]
    return recorder(session).create(
        FeeItem,
        id=item_id,
        estate_id=estate_id,
        code=code,
        name=spec.name,
        rate=rate,
        basis=spec.basis,
        effective_from=effective,
    )


# ---- parking spaces ----


def add_parking_space(
    session: Session, unit: Unit, fee_code: str, space_no: str, plate: str = ""
) -> ParkingSpace:
    errors = {}
    if fee_code not in PARKING_CODES:
        errors["fee_code"] = "Choose shared, dedicated or open-air parking"
    if not space_no.strip():
        errors["space_no"] = "Enter the space number, e.g. B1-023"
    if errors:
        raise ValidationError(errors)
    return recorder(session).create(
        ParkingSpace,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        fee_code=fee_code,
        space_no=space_no.strip(),
        plate=plate.strip().upper(),
        active=True,
    )


def parking_spaces_of(session: Session, unit_id: str) -> list[ParkingSpace]:
    return list(
        session.scalars(
            select(ParkingSpace)
            .where(ParkingSpace.unit_id == unit_id, ParkingSpace.live())
            .order_by(ParkingSpace.space_no)
        )
    )


def end_parking_space(session: Session, space: ParkingSpace) -> None:
    recorder(session).update(space, active=False)


# ---- the billing run ----


@dataclass
class BillingResult:
    period: str
    created: int
    already_issued: int
    total: Decimal
    credits_applied: Decimal


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


def apply_credits(session: Session, estate_id: str, unit_ids: set[str] | None = None) -> Decimal:
    """Use advance payments (unallocated money) on the unit's open lines, oldest first."""
    credits = unallocated_payments(session, estate_id, candidates_only=True)
    if unit_ids is not None:
        credits = {u: c for u, c in credits.items() if u in unit_ids}
    if not credits:
        return ZERO
    refunded = _refunded_credit(session, estate_id)
    open_by_unit = open_lines_by_unit(session, estate_id)
    now = _now()
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
    overdue = open_lines_by_unit(session, estate_id, due_before=period_start(period))
    for unit_id, lines in overdue.items():
        principal = [(ln.due, ln.open_amount) for ln in lines]
        amount = late_fee(principal, period, rules.late_fee, charged.get(unit_id, ZERO))
        if amount > 0:
            drafts.append(
                LineDraft(
                    unit_id,
                    "late_fee",
                    Decimal("1.00"),
                    amount,
                    amount,
                    note=f"{rules.late_fee.rate_per_day}/day on overdue amounts",
                )
            )
    return drafts


def run_billing(
    session: Session, estate_id: str, period: str, issued_by: str = ""
) -> BillingResult:
    """Issue the month's bills for every unit of the estate, in the caller's transaction."""
    parse_period(period)
    with collector_paused():
        return _run_billing(session, estate_id, period, issued_by)


def _run_billing(session: Session, estate_id: str, period: str, issued_by: str) -> BillingResult:
    rules = load_rules(session, estate_id)
    items = schedule(session, estate_id)
    existing = _existing_ids(session, estate_id, period)
    drafts: list[LineDraft] = _late_fee_drafts(session, estate_id, period, rules)
    for unit in _unit_facts(session, estate_id):
        drafts.extend(monthly_lines(unit, period, items, rules))
    rows, skipped, total = _rows(estate_id, period, drafts, existing, rules, issued_by)
    # in id order the lines' random-uuid keys (and the open-amount rows the trigger adds)
    # go into their indexes page by page: a quarter off the insert at 20,000 units
    rows.sort(key=lambda row: row["id"])
    with open_amounts_written_once(session):
        bulk_create(session, BillLine, rows)
    credited = apply_credits(session, estate_id, {r["unit_id"] for r in rows}) if rows else ZERO
    return BillingResult(period, len(rows), skipped, total, credited)


def _rows(estate_id, period, drafts, existing, rules, issued_by):
    due = due_date(period, rules.due_day)
    now = _now()
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
    session: Session, estate_id: str, period: str, total_text: str, issued_by: str = ""
) -> BillingResult:
    """Apportion a month's actual shared water and electricity by area over handed-over units."""
    parse_period(period)
    try:
        total = Decimal(total_text.strip().replace(",", ""))
    except InvalidOperation:
        raise ValidationError(
            {"total": "Enter the month's shared cost in yuan, e.g. 10000.00"}
        ) from None
    if total <= 0:
        raise ValidationError({"total": "The shared cost must be more than 0"})
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
        raise ValidationError({"total": "No handed-over units to share the cost over"})
    existing = _existing_ids(session, estate_id, period)
    drafts = shared_cost_lines(total, units)
    if any(bill_line_id(estate_id, d.unit_id, d.fee_code, period) in existing for d in drafts):
        raise ValidationError({"total": f"Shared costs of {period} are already billed"})
    rows, skipped, billed = _rows(
        estate_id, period, drafts, existing, load_rules(session, estate_id), issued_by
    )
    with open_amounts_written_once(session):
        bulk_create(session, BillLine, rows)
    return BillingResult(period, len(rows), skipped, billed, ZERO)


def charge_renovation(session: Session, unit: Unit, period: str, issued_by: str = "") -> BillLine:
    """The one-off renovation management fee, area × rate; a second charge is refused."""
    line_id = natural_id(unit.estate_id, "bill", unit.id, "renovation", "once")
    if session.get(BillLine, line_id) is not None:
        raise ValidationError({"fee_code": "The renovation fee of this unit is already charged"})
    item = next((i for i in schedule(session, unit.estate_id) if i.code == "renovation"), None)
    rate = item.rate if item else Decimal("3.50")
    rules = load_rules(session, unit.estate_id)
    return recorder(session).create(
        BillLine,
        id=line_id,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        fee_code="renovation",
        period=period,
        quantity=unit.area_m2,
        rate=rate,
        amount=round_yuan(unit.area_m2 * rate),
        due_date=due_date(period, rules.due_day),
        note="once",
        issued_at=_now(),
        issued_by=issued_by,
    )


# ---- adjustments ----


def adjust(
    session: Session, line: BillLine, amount_text: str, reason: str, made_by: str
) -> FeeAdjustment:
    """Correct an issued bill line (negative lowers what is owed); the line itself never changes."""
    errors = {}
    try:
        amount = Decimal(amount_text.strip().replace(",", ""))
        if amount == 0:
            errors["amount"] = "Enter a non-zero amount; negative lowers the bill"
        elif amount != round_yuan(amount):
            errors["amount"] = "Use at most two decimals (fen)"
    except InvalidOperation:
        errors["amount"] = "Enter the amount in yuan, e.g. -20.00"
    if not reason.strip():
        errors["reason"] = "Say why the bill is corrected"
    if errors:
        raise ValidationError(errors)
    return recorder(session).create(
        FeeAdjustment,
        estate_id=line.estate_id,
        unit_id=line.unit_id,
        bill_line_id=line.id,
        amount=amount,
        reason=reason.strip(),
        made_by=made_by,
        made_at=_now(),
    )


# ---- listing and export ----


@dataclass(frozen=True)
class BillRow:
    line_id: str
    unit_id: str
    building: str
    entrance: str
    room: str
    fee_code: str
    period: str
    quantity: Decimal
    rate: Decimal
    amount: Decimal
    note: str

    @property
    def unit_code(self) -> str:
        return unit_code(self.building, self.entrance, self.room)


_BILL_SQL = """
    SELECT b.id, b.unit_id, bd.name, u.entrance, u.room, b.fee_code, b.period, b.quantity, b.rate,
           b.amount, b.note
    FROM bill_lines b JOIN units u ON u.id = b.unit_id JOIN buildings bd ON bd.id = u.building_id
    WHERE b.estate_id = :e AND b.period = :p AND (:building IS NULL OR u.building_id = :building)
    ORDER BY bd.sort_key, bd.name, u.entrance, length(u.room), u.room, b.fee_code, b.id
"""


def bill_rows(
    session: Session,
    estate_id: str,
    period: str,
    building_id: str | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[BillRow]:
    sql = _BILL_SQL + (" LIMIT :limit OFFSET :offset" if limit is not None else "")
    params = {
        "e": estate_id,
        "p": period,
        "building": building_id,
        "limit": limit,
        "offset": offset,
    }
    return [
        BillRow(lid, uid, b, e, r, code, per, from_fen(q), from_fen(rate), from_fen(amt), note)
        for lid, uid, b, e, r, code, per, q, rate, amt, note in session.execute(
            text(_BILL_SQL if limit is None else sql), params
        )
    ]


def period_summary(session: Session, estate_id: str, period: str, building_id: str | None = None):
    """(number of lines, total amount) of a period."""
    count, total = session.execute(
        text(
            "SELECT count(*), coalesce(sum(b.amount), 0) FROM bill_lines b JOIN units u ON u.id = b.unit_id "
            "WHERE b.estate_id = :e AND b.period = :p AND (:building IS NULL OR u.building_id = :building)"
        ),
        {"e": estate_id, "p": period, "building": building_id},
    ).one()
    return count, from_fen(total)


EXPORT_COLUMNS = (
    "building",
    "entrance",
    "room",
    "fee_code",
    "period",
    "quantity",
    "rate",
    "amount",
)


def export_rows(session: Session, estate_id: str, period: str) -> list[tuple[str, ...]]:
    """One row per bill line, amounts as text with two decimals (the export format)."""
    return [
        (
            r.building,
            r.entrance,
            r.room,
            r.fee_code,
            r.period,
            f"{r.quantity:.2f}",
            f"{r.rate:.2f}",
            f"{r.amount:.2f}",
        )
        for r in bill_rows(session, estate_id, period)
    ]
