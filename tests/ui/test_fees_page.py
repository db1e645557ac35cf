"""The fees screen with real widgets offscreen on a real database: the cashier's day."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from app.domain.units import UnitInput
from app.services import billing, payments
from app.services.units import add_resident, create_unit
from tests.ui.conftest import type_text


@pytest.fixture
def billed(db, estate_id):
    with db.session() as s:
        a = create_unit(
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
        add_resident(s, a, name="王伟", phone="13800138000")
        b = create_unit(
            s,
            estate_id,
            UnitInput(
                building="5栋",
                entrance="2",
                room="0801",
                area_m2="120.00",
                kind="commercial",
                handover_date="2020-01-01",
            ),
        )
        billing.ensure_default_schedule(s, estate_id)
        for period in ("2026-01", "2026-02"):
            billing.run_billing(s, estate_id, period, "test")
    return a.id, b.id


@pytest.fixture
def page(qtbot, ctx, billed):
    from ui.fees.page import FeesPage

    widget = FeesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.arrears.as_of.setDate(QDate(2026, 3, 20))
    return widget


def test_take_payment_print_receipt_and_see_arrears_update(qtbot, page, db, billed, tmp_path):
    unit_a, _ = billed
    arrears = page.arrears
    page.show_view("arrears")
    assert {r.unit_id for r in arrears.rows} == set(billed)
    assert next(r for r in arrears.rows if r.unit_id == unit_a).net == Decimal("340.10")

    counter = page.counter
    page.show_view("counter")
    qtbot.keyClicks(counter.search, "3-1502")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    assert counter.unit_id == unit_a
    assert "3栋 1单元 1502" in counter.unit_title.text()
    assert counter.lines_model.rowCount() == 2
    assert counter.amount.text() == "340.10"  # what is owed, ready to take

    counter.amount.clear()
    qtbot.keyClicks(counter.amount, "170.05")
    type_text(qtbot, counter.payer, "王伟")
    qtbot.mouseClick(counter.pay_button, Qt.MouseButton.LeftButton)
    assert counter.result.isVisible() and "170.05" in counter.result.text()
    assert counter.lines_model.rowCount() == 1  # January paid, February still open
    assert counter.history_model.rowCount() == 1

    pdf = counter.save_receipt_pdf(str(tmp_path / "receipt.pdf"))
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    html = counter.receipt_html(counter.history_model.keys[0])
    assert "王伟" in html and "¥170.05" in html and counter.history_model.rows[0][0] in html

    # the arrears tab heard of the payment: it shows the new figure when looked at
    page.show_view("arrears")
    row = next(r for r in arrears.rows if r.unit_id == unit_a)
    assert row.net == Decimal("170.05")


def test_bad_amount_is_refused_and_what_was_typed_stays(qtbot, page, db, billed):
    counter = page.counter
    counter.show_unit(billed[0])
    counter.amount.clear()
    qtbot.keyClicks(counter.amount, "12.345")
    counter.payer.setText("李娜")
    counter.take_payment()
    assert "two decimals" in counter.amount_field.message.text()
    assert counter.amount.text() == "12.345" and counter.payer.text() == "李娜"
    with db.session() as s:
        assert payments.payments_of(s, billed[0]) == []


def test_bills_tab_runs_billing_and_exports(qtbot, page, db, tmp_path):
    page.show_view("bills")
    bills = page.bills
    bills.period.setDate(QDate(2026, 3, 1))
    assert bills.model.rowCount() == 0 and bills.empty.isVisible()
    result = bills.issue("2026-03")
    assert result.created == 2 and result.total == Decimal("470.05")
    assert bills.model.rowCount() == 2
    out = bills.export(str(tmp_path / "bills.csv"))
    text = out.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "building,entrance,room,fee_code,period,quantity,rate,amount"
    assert "3栋,1,1502,mgmt_residential,2026-03,89.50,1.90,170.05" in text
    xlsx = page.arrears.export(str(tmp_path / "arrears.xlsx"))
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet.max_row == 3


def test_collection_reminders_and_schedule(qtbot, page, db, billed):
    page.show_view("collection")
    page.collection.month.setDate(QDate(2026, 2, 1))
    assert "2026-02" in page.collection.figure.text()
    assert "0.0%" in page.collection.figure.text()
    reminders = page.reminders
    page.show_view("reminders")
    reminders.today.setDate(QDate(2026, 3, 10))
    assert reminders.due_model.rowCount() == 2
    reminders.due_view.selectRow(0)
    reminders.outcome.setText("答应周五缴清")
    reminders.record()
    assert reminders.due_model.rowCount() == 1
    assert reminders.log_model.rows[0][5] == "答应周五缴清"
    assert "Dear" in reminders.letters_html() or "尊敬" in reminders.letters_html()

    schedule = page.schedule
    page.show_view("schedule")
    schedule.code.setCurrentIndex(schedule.code.findData("mgmt_residential"))
    schedule.rate.setText("2,10")
    schedule.effective.setText("2026-07-01")
    schedule.save_rate()
    assert (
        "1.90" in schedule.rate_field.message.text() and schedule.effective.text() == "2026-07-01"
    )
    schedule.rate.setText("2.10")
    schedule.save_rate()
    assert any(
        row[2] == Decimal("2.10") and row[4] == date(2026, 7, 1) for row in schedule.model.rows
    )


def test_correct_a_bill_take_and_refund_a_deposit_add_parking(
    qtbot, page, db, billed, estate_id, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ui.fees.dialogs import AdjustDialog, DepositsDialog, ParkingDialog

    unit_a, _ = billed
    counter = page.counter
    counter.show_unit(unit_a)
    line_id = counter.lines_model.keys[0]

    adjust = AdjustDialog(page.ctx, line_id, counter)
    qtbot.addWidget(adjust)
    adjust.amount.setText("-20.00")
    adjust.save()  # no reason: refused, nothing lost
    assert adjust.fields["reason"].message.text() and adjust.amount.text() == "-20.00"
    type_text(qtbot, adjust.reason, "漏水补偿")
    adjust.save()
    counter.reload()
    assert counter.lines_model.rows[0][4] == Decimal("-20.00")
    assert counter.lines_model.rows[0][6] == Decimal("150.05")

    deposits = DepositsDialog(page.ctx, unit_a, counter)
    qtbot.addWidget(deposits)
    deposits.kind.setCurrentIndex(deposits.kind.findData("deposit_renovation"))
    assert deposits.amount.text() == "2000.00"
    deposits.take()
    assert deposits.model.rows[0][3] == Decimal("2000.00")
    deposits.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    deposits.refund()
    assert deposits.model.rows[0][3] == Decimal("0.00")

    parking = ParkingDialog(page.ctx, unit_a, counter)
    qtbot.addWidget(parking)
    parking.add()  # no space number
    assert "B1-023" in parking.fields["space_no"].message.text()
    parking.kind.setCurrentIndex(parking.kind.findData("parking_open"))
    parking.space_no.setText("P-17")
    parking.add()
    assert parking.model.rowCount() == 1
    with db.session() as s:
        result = billing.run_billing(s, estate_id, "2026-03")
    assert result.total == Decimal("170.05") + Decimal("300.00") + Decimal("150.00")


def test_fee_rules_are_edited_with_the_rounding_rule_in_view(qtbot, page, db, estate_id):
    box = page.schedule.rules
    assert "ROUND_HALF_UP" in box.findChildren(QLabel)[0].text() or any(
        "ROUND_HALF_UP" in label.text() for label in box.findChildren(QLabel)
    )
    box.late_enabled.setChecked(True)
    box.late_rate.setText("0.5")
    box.save()
    assert "0.0003" in box.fields["late_rate_per_day"].message.text()
    assert box.late_rate.text() == "0.5"
    box.late_rate.setText("0.001")
    box.save()
    with db.session() as s:
        rules = billing.load_rules(s, estate_id)
    assert rules.late_fee.enabled and rules.late_fee.rate_per_day == Decimal("0.001")


def test_renovation_fee_is_charged_once(qtbot, page, db, billed, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    counter = page.counter
    counter.show_unit(billed[0])
    counter.charge_renovation()
    fees = [row for row in counter.lines_model.rows if row[6] == Decimal("313.25")]
    assert len(fees) == 1  # 89.50 m² × 3.50
    counter.charge_renovation()
    assert warnings and "already charged" in warnings[0]


def test_bill_notes_read_in_chinese(qtbot, app, page, db, estate_id):
    """The billing run writes its notes in English; the bills tab shows them translated."""
    from PySide6.QtCore import QLocale

    from ui.i18n import install_translators

    with db.session() as s:
        create_unit(
            s,
            estate_id,
            UnitInput(
                building="7栋",
                entrance="1",
                room="0301",
                area_m2="100.00",
                handover_date="2026-04-16",
            ),
        )
    locale = QLocale()
    translators = install_translators(app, "zh_CN")
    try:
        page.bills.period.setDate(QDate(2026, 4, 1))
        page.bills.issue("2026-04")
        notes = [row[6] for row in page.bills.model.rows if row[0].startswith("7栋")]
        assert notes == ["自交房日 2026-04-16 起计：15/30 天"]
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
