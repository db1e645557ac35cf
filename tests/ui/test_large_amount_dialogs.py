"""Money above the estate's threshold is confirmed once wherever it moves at the desk, as
at the counter: a deposit taken, a deposit or a credit refunded, a temporary stay charged.
Real widgets offscreen on a real database.

Issue 11: "A payment above a threshold (a setting) asks for one confirmation."
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from app.clock import ManualClock
from app.domain.units import UnitInput
from app.services.fees import account, billing_run, counter, deposits, parking
from app.services.fees import schedule as fee_schedule
from app.services.units import add_resident, create_unit
from tests.ui.conftest import type_text

NOW = datetime(2026, 3, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def tab(qtbot, ctx, db, estate_id):
    """The counter showing 3栋 1单元 1502, billed 170.05 for March; the threshold 100.00."""
    from ui.fees.counter import CounterTab

    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        made = create_unit(
            s,
            estate_id,
            UnitInput(
                building="3栋",
                entrance="1",
                room="1502",
                area_m2="89.50",
                handover_date="2020-01-01",
            ),
        )
        add_resident(s, made, name="王伟", phone="13800138000")
        unit = made.id
    billing_run.run_billing(db, estate_id, "2026-03", "test")
    counter.set_confirm_above(db, estate_id, "100.00")
    ctx.clock = ManualClock(NOW)
    widget = CounterTab(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_unit(unit)
    qtbot.waitUntil(lambda: widget.shown is not None and widget.shown.unit_id == unit)
    return widget


def answering(monkeypatch, answer):
    asked: list[str] = []

    def ask(_parent, _title, text, *a, **k):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", ask)
    return asked


def threshold_read(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.large.threshold == Decimal("100.00"))


def test_a_credit_refund_above_the_threshold_asks_one_question_naming_it(
    qtbot, tab, db, monkeypatch
):
    from ui.fees.dialogs import RefundCreditDialog

    unit = tab.shown.unit_id
    counter.take_payment(db, unit, "300.00", "cash", "", "x", now=NOW)  # 129.95 credit
    qtbot.waitUntil(lambda: tab.shown.account.credit == Decimal("129.95"))
    dialog = RefundCreditDialog(tab.ctx, tab.shown, tab)
    qtbot.addWidget(dialog)
    threshold_read(qtbot, dialog)
    dialog.reason.setText("搬离")
    dialog.validate()
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    dialog.submit()
    assert len(asked) == 1  # one question, not the refund's and the threshold's
    assert "Refund ¥129.95 of credit" in asked[0] and "above ¥100.00" in asked[0]
    assert account.unit_account(db, unit).balance == Decimal("-129.95")  # said no
    dialog.amount.setText("60.00")
    dialog.validate()
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert asked == ["Refund ¥60.00 of credit to 3栋 1单元 1502?"]  # not above: as before


def test_a_deposit_above_the_threshold_is_confirmed_once_when_taken_and_refunded(
    qtbot, tab, db, monkeypatch
):
    from ui.fees.unit_dialogs import DepositsDialog

    unit = tab.shown.unit_id
    dialog = DepositsDialog(tab.ctx, unit, tab)
    qtbot.addWidget(dialog)
    threshold_read(qtbot, dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("deposit_renovation"))
    assert dialog.amount.text() == "2000.00"
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    dialog.take()
    assert len(asked) == 1 and "¥2,000.00" in asked[0] and "above ¥100.00" in asked[0]
    assert deposits.deposits_of(db, unit) == []  # said no: nothing taken
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.take()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert len(asked) == 1
    dialog.amount.setText("50.00")  # not above: taken without a question
    dialog.take()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert len(asked) == 1
    big = next(i for i, row in enumerate(dialog.model.rows) if row.held == Decimal("2000.00"))
    dialog.view.selectRow(big)
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.refund()
    qtbot.waitUntil(lambda: any(r.held == Decimal("0.00") for r in dialog.model.rows))
    assert len(asked) == 1 and "Refund deposit No." in asked[0] and "above ¥100.00" in asked[0]


def test_a_temporary_stay_above_the_threshold_is_confirmed_once(
    qtbot, tab, db, estate_id, monkeypatch
):
    from ui.fees.parking_stay import TemporaryStayDialog, set_moment

    counter.set_confirm_above(db, estate_id, "1.00")
    dialog = TemporaryStayDialog(tab.ctx, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.large.threshold == Decimal("1.00"))
    entered = datetime(2026, 3, 20, 0, 0, tzinfo=UTC)
    set_moment(dialog.entered, entered)
    set_moment(dialog.left, entered + timedelta(hours=2))
    qtbot.waitUntil(lambda: dialog.fee.text().startswith("¥5.00"))
    type_text(qtbot, dialog.plate, "粤B12345")
    type_text(qtbot, dialog.cash.editor, "10")
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    dialog.submit()
    assert len(asked) == 1 and "¥5.00" in asked[0] and "粤B12345" in asked[0]
    assert dialog.saved is None and parking.stays_on(db, estate_id, NOW.date()) == []
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert len(asked) == 1
