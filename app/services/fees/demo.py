"""Demo fees for a demo estate: the schedule, parking spaces, six months of bills, most of
them paid at the counter, some arrears and reminders. A step of ``app.services.demo``,
inside its unit of work."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.fees import PARKING_CODES, PAYMENT_METHODS, period_end, period_of, shift_period
from app.domain.money import from_fen
from app.services.fees.billing_run import issue_bills_in
from app.services.fees.counter import RECEIPT_SEQ_KEY, receipt_prefix
from app.services.fees.reminders import last_reminder_day
from app.services.fees.reports import arrears_in
from app.services.fees.schedule import ensure_default_schedule_in
from app.store.base import new_id
from app.store.db import mark_changed
from app.store.fee_models import FeeReminder, ParkingSpace, Payment, PaymentAllocation
from app.store.recorder import bulk_create, get_state, set_state

MONTHS = 6
# Larger demo estates are made for other areas' benchmarks; six months of bills for them
# would add minutes, so they get none (bench/billing.py measures billing at scale).
MAX_UNITS = 20_000
PLATE_AREAS = "京沪粤苏浙川鄂湘"


def fill_fee_demo(
    session: Session, estate_id: str, rng: random.Random, today: date | None = None
) -> None:
    today = today or date.today()
    ensure_default_schedule_in(session, estate_id)
    unit_ids = list(
        session.scalars(
            text("SELECT id FROM units WHERE estate_id = :e AND deleted = 0 ORDER BY id"),
            {"e": estate_id},
        )
    )
    already_billed = session.scalar(
        text("SELECT 1 FROM bill_lines WHERE estate_id = :e LIMIT 1"), {"e": estate_id}
    )
    if len(unit_ids) > MAX_UNITS or already_billed:
        return  # a second demo fill adds units, not a second history of payments
    spaces = [
        {
            "estate_id": estate_id,
            "unit_id": uid,
            "fee_code": rng.choice(PARKING_CODES),
            "space_no": f"B{rng.randint(1, 2)}-{n:04d}",
            "plate": f"{rng.choice(PLATE_AREAS)}{rng.choice('ABCDE')}{rng.randint(10000, 99999)}",
            "active": True,
        }
        for n, uid in enumerate(u for u in unit_ids if rng.random() < 0.15)
    ]
    bulk_create(session, ParkingSpace, spaces)
    mark_changed(session, "parking_spaces", None)
    current = period_of(today)
    periods = [shift_period(current, -i) for i in range(MONTHS - 1, -1, -1)]
    for period in periods:
        issue_bills_in(session, estate_id, period, "demo")
    _pay(session, estate_id, rng, periods, today)
    _remind(session, estate_id, rng, today)


def _pay(
    session: Session, estate_id: str, rng: random.Random, periods: list[str], today: date
) -> None:
    """Pay most lines, older months more completely; the rest stays as arrears."""
    lines = session.execute(
        text("SELECT id, unit_id, period, amount FROM bill_lines WHERE estate_id = :e"),
        {"e": estate_id},
    ).all()
    by_unit_period: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for line_id, unit_id, period, fen in lines:
        by_unit_period.setdefault((unit_id, period), []).append((line_id, fen))
    # the current month is still being collected; last month nearly done; older ones done
    share_paid = dict.fromkeys(periods, 0.97)
    share_paid[periods[-1]] = 0.6
    if len(periods) > 1:
        share_paid[periods[-2]] = 0.9
    prefix = receipt_prefix(session)
    sequence = int(get_state(session, RECEIPT_SEQ_KEY) or "0")
    payments, allocations = [], []
    for (unit_id, period), parts in sorted(by_unit_period.items(), key=lambda kv: kv[0][1]):
        stubborn = unit_id.endswith("0") and rng.random() < 0.7
        if stubborn or rng.random() > share_paid[period]:
            continue
        day = min(period_end(period) - timedelta(days=rng.randint(0, 27)), today)
        paid_at = datetime.combine(day, time(1 + rng.randint(0, 9), rng.randint(0, 59)), UTC)
        sequence += 1
        payment_id = new_id()
        total = sum(fen for _, fen in parts)
        payments.append(
            {
                "id": payment_id,
                "estate_id": estate_id,
                "unit_id": unit_id,
                "receipt_no": f"{prefix}-{sequence:06d}",
                "kind": "payment",
                "method": rng.choice(PAYMENT_METHODS),
                "amount": from_fen(total),
                "payer": "",
                "cashier": "demo",
                "paid_at": paid_at,
                "reverses_id": None,
                "note": "",
            }
        )
        allocations.extend(
            {
                "estate_id": estate_id,
                "payment_id": payment_id,
                "bill_line_id": line_id,
                "unit_id": unit_id,
                "amount": from_fen(fen),
                "allocated_at": paid_at,
            }
            for line_id, fen in parts
        )
    set_state(session, RECEIPT_SEQ_KEY, str(sequence))
    bulk_create(session, Payment, payments)
    bulk_create(session, PaymentAllocation, allocations)
    mark_changed(session, "payments", None)
    mark_changed(session, "payment_allocations", None)


def _remind(session: Session, estate_id: str, rng: random.Random, today: date) -> None:
    debtors = [r for r in arrears_in(session, estate_id, today) if r.net > 0]
    day = last_reminder_day(today)
    rows = [
        {
            "estate_id": estate_id,
            "unit_id": r.unit_id,
            "method": rng.choice(("phone", "letter", "notice")),
            "reminded_on": day,
            "amount_due": r.net,
            "made_by": "demo",
            "outcome": rng.choice(
                ("答应月底前缴清", "无人接听", "对维修有意见，暂缓缴费", "已发催缴函")
            ),
        }
        for r in debtors
        if rng.random() < 0.5
    ]
    bulk_create(session, FeeReminder, rows)
    mark_changed(session, "fee_reminders", None)
