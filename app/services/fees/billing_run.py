"""Issuing bills: the month's run over every unit, shared costs apportioned by area, the
one-off renovation fee. Advance payments are applied to the new lines by the derivation
of each account (``app.domain.ledger``), never by rows written here.

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
    due_date,
    late_fee,
    monthly_lines,
    parse_period,
    period_start,
    shared_cost_lines,
)
from app.domain.ledger import PREPAYMENT
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
from app.store.fee_ledger import ensure_derived, refresh_units
from app.store.fee_models import BillLine
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
    """Unit id -> [OpenLine] of lines with something left to pay, as derived from the logs
    (``fee_open_lines``, kept by ``app.store.fee_ledger``)."""
    sql = """
        SELECT unit_id, line_id, due_date, open_fen FROM fee_open_lines
        WHERE estate_id = :e AND open_fen > 0 AND (:before IS NULL OR due_date < :before)
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


def _derive_where_needed(session: Session, estate_id: str, first_rowid: int) -> Decimal:
    """After new lines went in with their plain open amounts: derive the units where that
    is not the whole story (money on no line, such as an advance, or rows that arrived
    naming the new lines first). Credit is applied by the derivation, at read time, never
    by rows written here. Returns the credit the new lines took."""
    units = set(
        session.scalars(
            text(
                "SELECT u.unit_id FROM fee_unit_money u WHERE u.estate_id = :e "
                "AND u.off_line_fen <> 0 AND u.unit_id IN "
                "(SELECT unit_id FROM bill_lines WHERE rowid > :r) "
                "UNION SELECT o.unit_id FROM fee_open_lines o JOIN bill_lines b "
                "ON b.id = o.line_id WHERE b.rowid > :r AND o.open_fen <> b.amount "
                # a shared-utilities prepayment pays the new shares (app.domain.ledger);
                # "+" keeps SQLite on one scan of payments by kind, not a lookup per unit
                "UNION SELECT p.unit_id FROM payments p WHERE p.kind = :prepaid "
                "AND +p.unit_id IN (SELECT unit_id FROM bill_lines WHERE rowid > :r)"
            ),
            {"e": estate_id, "r": first_rowid, "prepaid": PREPAYMENT},
        )
    )
    units |= _billed_before_settled_lines(session, estate_id, first_rowid)
    if not units:
        return ZERO
    before = _credit_of(session, units)
    refresh_units(session, units)
    return before - _credit_of(session, units)


def _billed_before_settled_lines(session: Session, estate_id: str, first_rowid: int) -> set[str]:
    """Units given a line due no later than a line they already had, on which something
    was settled: credit is applied oldest line first, so what that older-billed line took
    may now belong to the new one (a month billed late, after the next). Asked only when
    the estate has lines of the new lines' period or later: never on the monthly run."""
    params = {"e": estate_id, "r": first_rowid}
    first_period = session.scalar(
        text("SELECT min(period) FROM bill_lines WHERE rowid > :r AND estate_id = :e"), params
    )
    if first_period is None or not session.scalar(
        text(
            "SELECT 1 FROM bill_lines WHERE estate_id = :e AND period >= :p AND rowid <= :r LIMIT 1"
        ),
        {**params, "p": first_period},
    ):
        return set()
    return set(
        session.scalars(
            text(
                "SELECT DISTINCT n.unit_id FROM bill_lines n JOIN bill_lines b "
                "ON b.unit_id = n.unit_id AND b.rowid <= :r AND b.due_date >= n.due_date "
                "JOIN fee_open_lines o ON o.line_id = b.id AND o.open_fen <> b.amount "
                "WHERE n.rowid > :r AND n.estate_id = :e"
            ),
            params,
        )
    )


def _credit_of(session: Session, units: set[str]) -> Decimal:
    ids = sorted(units)
    total = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join(f":u{i}" for i in range(len(chunk)))
        total += session.execute(
            text(
                "SELECT coalesce(sum(max(off_line_fen, 0)), 0) FROM fee_unit_money "  # noqa: S608
                f"WHERE unit_id IN ({marks})"
            ),
            {f"u{i}": uid for i, uid in enumerate(chunk)},
        ).scalar_one()
    return from_fen(total)


def _last_rowid(session: Session) -> int:
    return session.execute(text("SELECT coalesce(max(rowid), 0) FROM bill_lines")).scalar_one()


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
    ensure_derived(session)
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
    first_rowid = _last_rowid(session)
    with open_amounts_written_once(session):
        bulk_create(session, BillLine, rows)
    credited = ZERO
    if rows:
        mark_changed(session, "bill_lines", None)  # every unit's account: rows not listed
        credited = _derive_where_needed(session, estate_id, first_rowid)
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
    first_rowid = _last_rowid(session)
    with open_amounts_written_once(session):
        bulk_create(session, BillLine, rows)
    mark_changed(session, "bill_lines", [r["id"] for r in rows])
    credited = _derive_where_needed(session, estate_id, first_rowid)
    return BillingResult(period, len(rows), skipped, billed, credited)


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
        s.flush()
        refresh_units(s, [unit.id])
        return IssuedLine(line_id, unit.id, "renovation", period, unit.area_m2, rate, amount)
