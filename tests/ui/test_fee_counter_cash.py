"""The counter's cash, printing and temporary parking with real widgets offscreen on a
real database: the cash handed over and the change before a payment is recorded, one
confirmation above the estate's threshold, receipts on A4 and on three-part receipt
paper (241 × 93 mm), PDFs offered in the documents folder, and a temporary stay charged
with its receipt."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.clock import ManualClock
from app.domain.units import UnitInput
from app.services.fees import account, billing_run, counter, parking
from app.services.fees import schedule as fee_schedule
from app.services.units import add_resident, create_unit
from tests.ui.conftest import type_text

NOW = datetime(2026, 3, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
MM = 72 / 25.4  # points per millimetre


@pytest.fixture
def unit(db, estate_id):
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
    billing_run.run_billing(db, estate_id, "2026-03", "test")
    return made.id


@pytest.fixture
def tab(qtbot, ctx, unit):
    from ui.fees.counter import CounterTab

    ctx.clock = ManualClock(NOW)
    widget = CounterTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.show_unit(unit)
    qtbot.waitUntil(lambda: widget.shown is not None and widget.shown.unit_id == unit)
    return widget


def questions(monkeypatch, answer=QMessageBox.StandardButton.Yes):
    asked = []

    def ask(_parent, _title, text, *a, **k):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", ask)
    return asked


def pay(qtbot, tab, amount, tendered=None):
    tab.amount.setText(amount)
    if tendered is not None:
        tab.cash.editor.clear()
        type_text(qtbot, tab.cash.editor, tendered)
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)


def test_cash_asks_what_was_tendered_and_shows_the_change_before_recording(
    qtbot, tab, db, unit, monkeypatch
):
    asked = questions(monkeypatch)
    assert tab.method.currentData() == "cash" and tab.cash.isVisible()
    pay(qtbot, tab, "170.05")  # nothing tendered typed: asked for it, nothing recorded
    assert "cash handed over" in tab.cash.field.message.text()
    pay(qtbot, tab, "170.05", "150.00")
    assert "less than the amount ¥170.05" in tab.cash.field.message.text()
    assert account.counter_account(db, unit).payments == ()
    tab.cash.editor.clear()
    type_text(qtbot, tab.cash.editor, "200.00")
    assert tab.cash.change.text() == "Change ¥29.95"  # on screen before it is recorded
    assert tab.cash.field.message.text() == ""
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1)
    assert "Change ¥29.95" in tab.result.text()
    assert asked == []  # below the threshold: no question
    payment = tab.history_model.rows[0]
    assert payment.tendered == Decimal("200.00")
    html = tab.receipt_html(payment.id)
    assert "¥200.00" in html and "¥29.95" in html
    assert "89.50 ㎡ × 1.90" in html and "2026-03" in html  # quantity × rate, period
    # another method hides the row and takes no tendered amount
    tab.method.setCurrentIndex(tab.method.findData("wechat"))
    assert not tab.cash.isVisible()


def test_a_payment_above_the_threshold_is_confirmed_once(
    qtbot, tab, db, estate_id, unit, monkeypatch
):
    counter.set_confirm_above(db, estate_id, "100.00")
    qtbot.waitUntil(lambda: tab.confirm_above == Decimal("100.00"))  # heard of the setting
    asked = questions(monkeypatch, QMessageBox.StandardButton.No)
    pay(qtbot, tab, "170.05", "200.00")
    assert len(asked) == 1 and "¥170.05" in asked[0] and "3栋 1单元 1502" in asked[0]
    assert account.counter_account(db, unit).payments == ()  # said no: nothing recorded
    asked = questions(monkeypatch)
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1)
    assert len(asked) == 1
    tab.method.setCurrentIndex(tab.method.findData("wechat"))
    pay(qtbot, tab, "99.00")
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 2)
    assert len(asked) == 1  # not above: no question


def pdf_page(path: Path) -> tuple[QPdfDocument, float, float, str]:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    size = doc.pagePointSize(0)
    text = doc.getAllText(0).text()
    return doc, size.width(), size.height(), text


@pytest.mark.parametrize("paper, width_mm, height_mm", [("a4", 210, 297), ("three_part", 241, 93)])
def test_receipts_print_on_a4_and_three_part_paper_with_the_capital_amount(
    qtbot, tab, tmp_path, monkeypatch, paper, width_mm, height_mm
):
    from ui.fees.printing import receipt_paper, set_receipt_paper

    questions(monkeypatch)
    pay(qtbot, tab, "170.05", "200.00")
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1)
    set_receipt_paper(paper)
    assert receipt_paper() == paper
    pdf = tab.save_receipt_pdf(str(tmp_path / "r.pdf"))
    doc, width, height, text = pdf_page(pdf)
    assert abs(width - width_mm * MM) < 2 and abs(height - height_mm * MM) < 2
    receipt_no = tab.history_model.rows[0].receipt_no
    assert receipt_no in text
    assert "壹佰柒拾元零伍分" in text  # 大写金额 beside the figures
    assert doc.pageCount() == 1


def test_saving_a_pdf_offers_the_documents_folder_and_the_receipt_number(
    qtbot, tab, tmp_path, monkeypatch
):
    import platformdirs

    questions(monkeypatch)
    pay(qtbot, tab, "170.05", "170.05")
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1)
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(documents))
    offered = []

    def save_as(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return suggested, "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    saved = tab.save_receipt_pdf()
    receipt_no = tab.history_model.rows[0].receipt_no
    assert offered == [str(documents / f"receipt-{receipt_no}.pdf")]
    assert saved.parent == documents and saved.read_bytes().startswith(b"%PDF")
    assert not (Path.cwd() / "receipt.pdf").exists()


def test_a_temporary_stay_is_charged_at_the_counter_with_its_receipt(
    qtbot, tab, db, estate_id, tmp_path, monkeypatch
):
    """Seed 003: 临时停放管理服务费:1小时以上12 小时以内5元/辆/次."""
    from ui.fees.parking_stay import TemporaryStayDialog, set_moment

    assert tab.stay_action.isEnabled()
    dialog = TemporaryStayDialog(tab.ctx, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.print_button.isVisible()  # nothing to print before it is taken
    entered = datetime(2026, 3, 20, 0, 0, tzinfo=UTC)
    set_moment(dialog.entered, entered)
    set_moment(dialog.left, entered + timedelta(minutes=59))
    qtbot.waitUntil(lambda: dialog.fee.text() == "Free (under 1 hour)")
    assert not dialog.ok.isEnabled()
    set_moment(dialog.left, entered + timedelta(hours=12, minutes=1))
    qtbot.waitUntil(lambda: "12" in dialog.fields["left"].message.text())
    assert not dialog.ok.isEnabled()
    set_moment(dialog.left, entered + timedelta(hours=1))  # exactly one hour is charged
    qtbot.waitUntil(lambda: dialog.fee.text().startswith("¥5.00"))
    type_text(qtbot, dialog.plate, "粤B12345")
    type_text(qtbot, dialog.cash.editor, "10")
    assert dialog.cash.change.text() == "Change ¥5.00"
    assert dialog.ok.isEnabled()
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    stay = dialog.saved
    assert (stay.plate, stay.amount, stay.tendered) == (
        "粤B12345",
        Decimal("5.00"),
        Decimal("10.00"),
    )
    assert stay.receipt_no in dialog.result.text() and dialog.print_button.isVisible()
    html = dialog.receipt_html()
    assert stay.receipt_no in html and "伍元整" in html and "粤B12345" in html
    pdf = dialog.save_pdf(str(tmp_path / "stay.pdf"))
    _doc, _w, _h, text = pdf_page(pdf)
    assert stay.receipt_no in text and "伍元整" in text
    assert parking.takings_on(db, estate_id, NOW.date()) == {"cash": Decimal("5.00")}
    # listed among today's stays, to print its receipt again later
    again = TemporaryStayDialog(tab.ctx, tab)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.today.count() == 1)
    assert stay.receipt_no in again.today.currentText() and again.reprint_button.isEnabled()
    assert stay.receipt_no in again.reprint_html() and "伍元整" in again.reprint_html()


def test_the_counter_settings_choose_the_paper_and_the_threshold(qtbot, ctx, db, estate_id):
    from ui.fees.printing import receipt_paper
    from ui.settings.page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    from ui.fees.counter_settings import CounterSettingsBox

    box = page.findChild(CounterSettingsBox)
    assert box is not None
    qtbot.waitUntil(lambda: box.threshold.text() == "5,000.00")
    box.paper.setCurrentIndex(box.paper.findData("three_part"))
    assert receipt_paper() == "three_part"
    box.threshold.setText("8,000.005")
    box.save()
    qtbot.waitUntil(lambda: box.fields["confirm_above"].message.text() != "")
    assert counter.confirm_above(db, estate_id) == Decimal("5000.00")
    box.threshold.setText("8000")
    box.save()
    qtbot.waitUntil(lambda: counter.confirm_above(db, estate_id) == Decimal("8000.00"))


def test_a_pdf_file_name_reads_shouju_in_chinese(app):
    """收据-03-000127.pdf in Chinese, receipt-03-000127.pdf in English."""
    from PySide6.QtCore import QLocale

    from ui.fees.printing import pdf_file_name
    from ui.i18n import install_translators

    assert pdf_file_name("03-000127") == "receipt-03-000127.pdf"
    translators = install_translators(app, "zh_CN")
    try:
        assert pdf_file_name("03-000127") == "收据-03-000127.pdf"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))
