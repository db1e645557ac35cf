"""The dashboard's fee tile counts its figures in SQL (app.services.fees.report_totals)
instead of building the reports' rows; they must stay the figures of the reports it opens:
this month's management-fee point of the collection report, the arrears report's rows and
the sum of their net, with adjustments, credit and lines fully written off."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import text

from app.domain.fees import shift_period
from app.services.accounts import create_staff
from app.services.demo import fill_demo
from app.services.fees import billing_run, counter, reports
from app.services.fees import report_totals as totals
from app.services.units import create_estate
from app.store.db import Database


def assert_tile_equals_reports(db: Database, estate: str, period: str, as_of: date) -> None:
    point = reports.collection(db, estate, period, months=1)[0]
    month = totals.month_management_collection(db, estate, period)
    assert (month.receivable, month.collected, month.rate, month.target_met) == (
        point.receivable,
        point.collected,
        point.rate,
        point.target_met,
    )
    rows = reports.arrears(db, estate, as_of)
    summary = totals.arrears_summary(db, estate, as_of)
    assert summary == (len(rows), sum((r.net for r in rows), Decimal("0.00")))


def test_fee_tile_figures_equal_the_reports_after_adjustments_and_credit(tmp_path):
    db = Database(tmp_path / "desk.sqlite3")
    with db.session() as s:
        estate = create_estate(s, "阳光花园").id
        create_staff(
            s,
            login="lead",
            display_name="刘主管",
            role="admin",
            password="Desk-2026-strong",
            estate_ids=[estate],
        )
    with db.session() as s:
        fill_demo(s, estate, units=120, seed=5)
        s.execute(text("UPDATE units SET handover_date = '2020-01-01' WHERE handover_date IS NULL"))
    today = datetime.now(UTC).date()
    period = today.strftime("%Y-%m")
    for month in (shift_period(period, -2), shift_period(period, -1), period):
        billing_run.run_billing(db, estate, month, "lead")
    with db.session() as s:
        lines = s.execute(
            text(
                "SELECT id, unit_id, amount FROM bill_lines WHERE estate_id = :e AND period = :p "
                "AND fee_code LIKE 'mgmt%' ORDER BY id LIMIT 4"
            ),
            {"e": estate, "p": period},
        ).all()
        old = s.execute(
            text(
                "SELECT id, unit_id FROM bill_lines WHERE estate_id = :e AND period = :p "
                "ORDER BY id LIMIT 3"
            ),
            {"e": estate, "p": shift_period(period, -2)},
        ).all()
    assert len(lines) == 4 and len(old) == 3
    written_off, lowered, paid_over, paid_part = lines
    counter.adjust(db, written_off.id, -Decimal(written_off.amount) / 100, "免收", "lead")
    counter.adjust(db, lowered.id, "-10.00", "漏水补偿", "lead")
    # more than owed: the rest is credit the arrears report nets
    counter.take_payment(db, paid_over.unit_id, "99999.00", "cash", "业主", "lead")
    counter.take_payment(db, paid_part.unit_id, "1.00", "wechat", "业主", "lead")
    counter.take_payment(db, old[0].unit_id, "5.00", "cash", "业主", "lead")
    counter.adjust(db, old[1].id, "-1.00", "抹零", "lead")
    assert totals.arrears_summary(db, estate, today + timedelta(days=400)).debtors > 0
    for as_of in (today, today + timedelta(days=40), today + timedelta(days=400)):
        for month in (shift_period(period, -2), shift_period(period, -1), period):
            assert_tile_equals_reports(db, estate, month, as_of)
    # Money on no line nets a debtor's overdue (credit) or adds to its balance. The ledger
    # applies credit to open lines, so here the derived cache is set by hand: both figures
    # read the same cache, and must net it the same way.
    later = today + timedelta(days=400)
    debtors = reports.arrears(db, estate, later)
    assert len(debtors) >= 3
    with db.session() as s:
        for row, fen in zip(debtors, (int(debtors[0].overdue * 50), -50_000, 10**9), strict=False):
            s.execute(
                text("UPDATE fee_unit_money SET off_line_fen = :f WHERE unit_id = :u"),
                {"f": fen, "u": row.unit_id},
            )
    assert_tile_equals_reports(db, estate, period, later)
    assert totals.arrears_summary(db, estate, later).debtors == len(debtors)
    # a month nothing was billed in: no rate, as the report says
    assert totals.month_management_collection(db, estate, shift_period(period, 3)).rate is None
    db.close()
