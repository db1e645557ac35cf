"""Cash at the counter: what was tendered and the change (找零), the confirmation
threshold, and receipt lines with quantity × rate; on a real SQLite database."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.domain.errors import FieldErrors
from app.domain.units import UnitInput
from app.services.fees import account, billing_run, counter
from app.services.fees import schedule as fee_schedule
from app.services.units import create_unit

NOW = datetime(2026, 3, 20, 2, 0, tzinfo=UTC)


@pytest.fixture
def billed(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        unit = create_unit(
            s,
            estate_id,
            UnitInput(
                building="3栋",
                entrance="1",
                room="1501",
                area_m2="89.50",
                handover_date="2020-01-01",
            ),
        )
    billing_run.run_billing(db, estate_id, "2026-03", "test")
    return unit.id


def test_cash_tendered_is_kept_with_the_payment_and_the_receipt_gives_the_change(db, billed):
    receipt = counter.take_payment(
        db, billed, "170.05", "cash", "王伟", "cashier", now=NOW, tendered="200.00"
    )
    view = account.receipt_view(db, receipt.payment.id)
    assert view.tendered == Decimal("200.00")
    assert view.change == Decimal("29.95")


def test_cash_tendered_below_the_amount_is_refused_and_nothing_is_recorded(db, billed):
    with pytest.raises(FieldErrors) as refused:
        counter.take_payment(db, billed, "170.05", "cash", "", "cashier", tendered="170.00")
    error = refused.value.errors["tendered"]
    assert error.code == "fees.cash.tendered_short"
    assert error.params == {"amount": "¥170.05", "tendered": "¥170.00"}
    assert account.counter_account(db, billed).payments == ()


def test_tendered_is_only_for_cash(db, billed):
    receipt = counter.take_payment(
        db, billed, "170.05", "wechat", "", "cashier", now=NOW, tendered="500.00"
    )
    assert account.receipt_view(db, receipt.payment.id).tendered is None


def test_the_confirmation_threshold_is_an_estate_setting_defaulting_to_5000(db, estate_id):
    assert counter.confirm_above(db, estate_id) == Decimal("5000.00")
    assert counter.set_confirm_above(db, estate_id, "8,000.00") == Decimal("8000.00")
    assert counter.confirm_above(db, estate_id) == Decimal("8000.00")
    for bad in ("0", "12.345", "abc"):
        with pytest.raises(FieldErrors) as refused:
            counter.set_confirm_above(db, estate_id, bad)
        assert "confirm_above" in refused.value.errors
    assert counter.confirm_above(db, estate_id) == Decimal("8000.00")


def test_a_receipt_line_carries_its_quantity_rate_and_period(db, billed):
    """Seed 003: 物业管理服务费:1.9元/平方米/月 — the line reads 89.50 ㎡ × 1.90."""
    receipt = counter.take_payment(db, billed, "170.05", "cash", "", "cashier", now=NOW)
    (line,) = account.receipt_view(db, receipt.payment.id).lines
    assert (line.period, line.fee_code, line.amount) == (
        "2026-03",
        "mgmt_residential",
        Decimal("170.05"),
    )
    assert (line.quantity, line.rate) == (Decimal("89.50"), Decimal("1.90"))
