"""Temporary parking charged at the counter (临时停放), on a real SQLite database.

Seed 003: 临时停放管理服务费:1小时以上12 小时以内5元/辆/次 (以上 and 以内 include the number).
"""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.errors import FieldErrors
from app.services.fees import counter, parking, reports
from app.services.fees import schedule as fee_schedule
from app.store.fee_models import TemporaryStay
from app.store.models import SyncOutbox

ENTERED = datetime(2026, 3, 20, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


@pytest.fixture
def estate(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
    return estate_id


def charge(db, estate, stay, method="cash", tendered=None, plate="粤B12345"):
    return parking.charge_temporary_stay(
        db, estate, plate, ENTERED, ENTERED + stay, method, "收银员", tendered, now=ENTERED + stay
    )


def test_exactly_one_hour_is_charged_5_yuan_with_a_counter_receipt_number(db, estate):
    """1小时以上 includes the hour: exactly 60 minutes pays 5.00."""
    row = charge(db, estate, timedelta(hours=1), tendered="10.00")
    assert row.amount == Decimal("5.00") and row.rate == Decimal("5.00")
    assert row.change == Decimal("5.00") and row.amount_in_words == "伍元整"
    # the counter's one numbering: the next payment takes the next number
    assert row.receipt_no.endswith("-000001")
    prefix = row.receipt_no.split("-")[0]
    with db.session() as s:
        assert counter.next_receipt_no(s) == f"{prefix}-000002"
        assert s.scalar(select(SyncOutbox.table_name).where(SyncOutbox.row_id == row.id)) == (
            "temporary_stays"
        )


def test_twelve_hours_is_charged_and_59m59s_is_free(db, estate):
    assert parking.quote_stay(db, estate, ENTERED, ENTERED + timedelta(hours=12)).amount == (
        Decimal("5.00")
    )
    free = parking.quote_stay(db, estate, ENTERED, ENTERED + timedelta(minutes=59, seconds=59))
    assert free.amount == Decimal("0")
    with pytest.raises(FieldErrors) as refused:
        charge(db, estate, timedelta(minutes=59, seconds=59))
    assert refused.value.errors["left"].code == "fees.stay.free"


def test_a_stay_over_12_hours_is_refused(db, estate):
    with pytest.raises(FieldErrors) as refused:
        charge(db, estate, timedelta(hours=12, seconds=1))
    assert refused.value.errors["left"].code == "parking.stay_too_long"
    with db.session() as s:
        assert s.scalars(select(TemporaryStay)).all() == []


def test_the_rate_in_force_on_the_entry_day_applies(db, estate):
    fee_schedule.set_rate(db, estate, "parking_temporary", "6.00", date(2026, 3, 21))
    assert charge(db, estate, timedelta(hours=2)).amount == Decimal("5.00")
    later = ENTERED + timedelta(days=1)
    row = parking.charge_temporary_stay(
        db, estate, "粤B1", later, later + timedelta(hours=2), "wechat", "x", now=later
    )
    assert row.amount == Decimal("6.00")


def test_short_cash_a_missing_plate_or_method_are_refused(db, estate):
    with pytest.raises(FieldErrors) as refused:
        charge(db, estate, timedelta(hours=2), tendered="4.00")
    assert refused.value.errors["tendered"].code == "fees.cash.tendered_short"
    with pytest.raises(FieldErrors) as refused:
        charge(db, estate, timedelta(hours=2), method="cheque", plate=" ")
    assert set(refused.value.errors) == {"plate", "method"}


def test_takings_of_a_day_by_method_stay_out_of_unit_balances(db, estate):
    charge(db, estate, timedelta(hours=1), tendered="5.00")
    charge(db, estate, timedelta(hours=3), plate="粤B2")
    charge(db, estate, timedelta(hours=2), method="wechat", plate="粤B3")
    # 23:30 in Shanghai on the 20th is still that day; 00:30 on the 21st is not
    late = datetime(2026, 3, 20, 15, 30, tzinfo=UTC)
    parking.charge_temporary_stay(
        db, estate, "粤B4", late - timedelta(hours=2), late, "alipay", "另一位", now=late
    )
    next_day = datetime(2026, 3, 20, 16, 30, tzinfo=UTC)
    parking.charge_temporary_stay(
        db, estate, "粤B5", next_day - timedelta(hours=2), next_day, "cash", "x", now=next_day
    )
    assert parking.takings_on(db, estate, date(2026, 3, 20)) == {
        "cash": Decimal("10.00"),
        "wechat": Decimal("5.00"),
        "alipay": Decimal("5.00"),
    }
    assert parking.takings_on(db, estate, date(2026, 3, 20), cashier="另一位") == {
        "alipay": Decimal("5.00")
    }
    assert [s.plate for s in parking.stays_on(db, estate, date(2026, 3, 21))] == ["粤B5"]
    # not a bill of any unit: no arrears, no collection figure
    assert reports.arrears(db, estate, date(2026, 3, 31)) == []
    for point in reports.collection(db, estate, "2026-03", 1):
        assert (point.rates.all_fees.receivable, point.rates.all_fees.collected) == (0, 0)
