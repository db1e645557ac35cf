"""The day-end closing dialog (日结 / 交班) with real widgets offscreen on a real database:
the day's totals by method, the difference shown as the cash is typed, an explanation
required when it is not zero, the handover, Close day through the runner, a refresh when
a payment is taken elsewhere, and the closing sheet as PDF and in Chinese.

Issue 11: "Each cashier closes the day: totals by payment method; cash expected against
cash counted, with the difference explained; handover to the next shift. ... Print the
closing sheet."
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from app.clock import ManualClock
from app.domain.units import UnitInput
from app.services import accounts
from app.services.fees import billing_run, closing, counter
from app.services.fees import schedule as fee_schedule
from app.services.units import create_unit
from app.store.closing_models import DayClosing
from tests.ui.conftest import type_text

NOW = datetime(2026, 3, 20, 10, 0, tzinfo=UTC)  # 18:00 in Shanghai
DAY = date(2026, 3, 20)


@pytest.fixture
def cashier_ctx(db, estate_id, ctx):
    """The counter of 阳光花园 with a cashier logged in and three payments of the day."""
    from ui.shell.signin import context_for

    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        unit = create_unit(
            s,
            estate_id,
            UnitInput(building="3栋", entrance="1", room="1502", area_m2="89.50"),
        ).id
        cashier = accounts.create_staff(
            s,
            login="wang",
            display_name="王收银",
            role="cashier",
            password="s3cret-pass",
            estate_ids=[estate_id],
        )
    billing_run.run_billing(db, estate_id, "2026-03", "test")
    for amount, method, hour in (
        ("170.05", "cash", 1),
        ("0.10", "wechat", 2),
        ("0.20", "wechat", 3),
    ):
        at = datetime(2026, 3, 20, hour, tzinfo=UTC)
        counter.take_payment(db, unit, amount, method, "王伟", "王收银", now=at)
    db.actor = cashier.id
    context = context_for(db, cashier, estate_id, runner=ctx.runner)
    context.clock = ManualClock(NOW)
    context.unit_id = unit  # for the tests' own payments
    return context


@pytest.fixture
def dialog(qtbot, cashier_ctx):
    from ui.fees.closing import DayClosingDialog

    widget = DayClosingDialog(cashier_ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.summary is not None)
    return widget


def _row(dialog, method):
    return next(m for m in dialog.model.rows if m.method == method)


def test_the_days_totals_by_method_and_the_difference_as_typed(qtbot, dialog, db, estate_id):
    assert _row(dialog, "cash").taken == Decimal("170.05")
    assert _row(dialog, "wechat").taken == Decimal("0.30")
    assert dialog.expected.text() == "¥170.05"
    type_text(qtbot, dialog.counted, "170.00")
    assert dialog.difference.text() == "-¥0.05 (shortage)"
    assert not dialog.ok.isEnabled()  # a difference needs its explanation
    type_text(qtbot, dialog.taken_over_by, "李收银")
    assert not dialog.ok.isEnabled()
    assert dialog.fields["explanation"].message.isVisible() or dialog.ok.toolTip()
    type_text(qtbot, dialog.explanation, "找零少找 5 分")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.summary.closing is not None)
    closed = dialog.summary.closing
    assert (closed.cash_expected, closed.cash_counted, closed.difference) == (
        Decimal("170.05"),
        Decimal("170.00"),
        Decimal("-0.05"),
    )
    assert (closed.handed_over_by, closed.taken_over_by) == ("王收银", "李收银")
    assert dialog.counted.isReadOnly() and not dialog.ok.isEnabled()
    assert "李收银" in dialog.state.text()
    dialog.day.setDate(QDate(2026, 3, 19))  # the day before: open, nothing taken
    qtbot.waitUntil(lambda: dialog.summary.day == date(2026, 3, 19))
    assert not dialog.counted.isReadOnly() and dialog.counted.text() == ""
    assert _row(dialog, "cash").taken == Decimal("0.00")
    with pytest.raises(Exception) as twice:  # noqa: PT011 - the code is checked
        closing.close_day(db, estate_id, "王收银", DAY, "170.05", "", "李收银", now=NOW)
    assert twice.value.code == "fees.closing.already_closed"


def test_the_opening_float_counts_in_the_cash_expected(qtbot, dialog):
    dialog.opening_float.clear()
    type_text(qtbot, dialog.opening_float, "500.00")
    assert dialog.expected.text() == "¥670.05"
    type_text(qtbot, dialog.counted, "670.05")
    type_text(qtbot, dialog.taken_over_by, "李收银")
    assert dialog.difference.text() == "¥0.00"
    assert dialog.ok.isEnabled()  # no difference, no explanation needed


def test_a_payment_taken_meanwhile_shows_without_a_refresh(qtbot, dialog, cashier_ctx):
    counter.take_payment(
        cashier_ctx.db,
        cashier_ctx.unit_id,
        "88.88",
        "alipay",
        "王伟",
        "王收银",
        now=datetime(2026, 3, 20, 9, tzinfo=UTC),
    )
    qtbot.waitUntil(lambda: _row(dialog, "alipay").taken == Decimal("88.88"))


def test_a_role_that_may_not_close_sees_why(qtbot, db, estate_id, cashier_ctx):
    from ui.fees.closing import DayClosingDialog

    db.actor = None  # the system makes the account
    with db.session() as s:
        auditor = accounts.create_staff(
            s,
            login="sun",
            display_name="孙审计",
            role="auditor",
            password="s3cret-pass",
            estate_ids=[estate_id],
        )
    db.actor = auditor.id
    cashier_ctx.role = "auditor"
    widget = DayClosingDialog(cashier_ctx)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.summary is not None)
    type_text(qtbot, widget.counted, "0")
    type_text(qtbot, widget.taken_over_by, "李收银")
    assert not widget.ok.isEnabled()
    assert widget.ok.toolTip()


def _pdf_text(path: Path) -> str:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return "".join(doc.getAllText(n).text() for n in range(doc.pageCount()))


def test_the_closing_sheet_pdf_holds_the_totals(qtbot, dialog, tmp_path):
    type_text(qtbot, dialog.counted, "170.05")
    type_text(qtbot, dialog.taken_over_by, "李收银")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.summary is not None and dialog.summary.closing is not None)
    written = dialog.save_sheet_pdf(str(tmp_path / "sheet.pdf"))
    text = _pdf_text(written)
    for expected in ("Day-end closing sheet", "170.05", "0.30", "170.35", "李收银", "王收银"):
        assert expected in text, expected
    offered = dialog.save_sheet_pdf.__func__  # the offered path: documents folder, by day
    assert offered
    from ui.fees.closing_print import suggested_sheet_path

    path = suggested_sheet_path("王收银", DAY)
    assert path.name == "Day-end 2026-03-20 王收银.pdf"
    assert path.parent != Path.cwd()


def test_the_dialog_and_sheet_in_chinese(qtbot, app, cashier_ctx, tmp_path):
    """Rendered in Chinese to PNG (and the sheet to PDF): the words a cashier reads."""
    from ui.fees.closing import DayClosingDialog
    from ui.i18n import install_translators

    locale = QLocale()
    translators = install_translators(app, "zh_CN")
    try:
        widget = DayClosingDialog(cashier_ctx)
        qtbot.addWidget(widget)
        widget.resize(820, 760)
        widget.show()
        qtbot.waitUntil(lambda: widget.summary is not None)
        type_text(qtbot, widget.counted, "170.00")
        assert widget.windowTitle() == "日结交班"
        assert widget.ok.text() == "日结"
        assert "短款" in widget.difference.text()
        out = Path(os.environ.get("PROPDESK_CLOSING_PNG", tmp_path / "closing.png"))
        assert widget.grab().save(str(out))
        text = _pdf_text(widget.save_sheet_pdf(str(tmp_path / "sheet.pdf")))
        assert "日结交班单" in text and "170.05" in text
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
        QApplication.processEvents()


def test_a_closed_days_reversal_asks_a_supervisor_at_the_desk(qtbot, db, estate_id, cashier_ctx):
    """The estate lets cashiers reverse; the closed day still needs a finance lead."""
    from app.services.fees import account
    from app.services.permissions import set_cell_in
    from tests.ui.conftest import answer_next_dialog
    from ui.fees.dialogs import ReverseDialog

    db.actor = None  # the system writes the matrix and the supervisor's account
    with db.session() as s:
        set_cell_in(s, estate_id, "cashier", "payments.reverse", True)
        accounts.create_staff(
            s,
            login="zhao",
            display_name="赵主管",
            role="finance_lead",
            password="s3cret-pass",
            estate_ids=[estate_id],
        )
        cashier = accounts.find_staff(s, "wang").id
    closing.close_day(db, estate_id, "王收银", DAY, "170.35", "微信到账另记", "李收银", now=NOW)
    db.actor = cashier
    payments = account.counter_account(db, cashier_ctx.unit_id).payments
    paid = next(p for p in payments if p.amount == Decimal("170.05"))
    dialog = ReverseDialog(cashier_ctx, paid)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.reason, "收错房号")

    def approve(asked):
        asked.login.setText("zhao")
        asked.password.setText("s3cret-pass")
        asked.accept()

    seen = answer_next_dialog(qtbot, approve)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10000)
    assert "主管" in seen["text"] or "approval" in seen["text"]
    assert dialog.saved.kind == "reversal"
    nxt = closing.day_summary(db, estate_id, "王收银", date(2026, 3, 21))
    assert nxt.cash.reversed == Decimal("170.05")


def test_another_cashiers_day_says_why_it_may_not_be_closed_and_a_supervisor_closes_it(
    qtbot, db, estate_id, cashier_ctx
):
    """A cashier closes their own day; another cashier's day needs a supervisor (finance
    lead or director): the dialog says so before anything is typed, and close_day agrees."""
    from ui.fees.closing import DayClosingDialog
    from ui.shell.signin import context_for

    widget = DayClosingDialog(cashier_ctx, cashier="李收银")  # 王收银 logged in
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.cashier_choice.isVisible()  # a cashier does not pick another's day
    qtbot.waitUntil(lambda: widget.summary is not None)
    type_text(qtbot, widget.counted, "0")
    type_text(qtbot, widget.taken_over_by, "赵收银")
    assert not widget.ok.isEnabled()
    assert widget.why_not.isVisible() and "李收银" in widget.why_not.text()
    assert "supervisor" in widget.ok.toolTip()

    db.actor = None  # the system makes the account
    with db.session() as s:
        lead = accounts.create_staff(
            s,
            login="zhao",
            display_name="赵主管",
            role="finance_lead",
            password="s3cret-pass",
            estate_ids=[estate_id],
        )
    db.actor = lead.id
    lead_ctx = context_for(db, lead, estate_id, runner=cashier_ctx.runner)
    lead_ctx.clock = ManualClock(NOW)
    supervised = DayClosingDialog(lead_ctx)  # the supervisor picks whose day
    qtbot.addWidget(supervised)
    supervised.show()
    chooser = supervised.cashier_choice
    assert chooser.isVisible()
    qtbot.waitUntil(lambda: chooser.findText("王收银") >= 0)  # moved money that day
    chooser.textActivated.emit("王收银")  # as when picked from the list
    qtbot.waitUntil(
        lambda: supervised.summary is not None and supervised.summary.cashier == "王收银"
    )
    assert supervised.expected.text() == "¥170.05" and not supervised.why_not.isVisible()
    type_text(qtbot, supervised.counted, "170.05")
    type_text(qtbot, supervised.taken_over_by, "李收银")
    assert supervised.ok.isEnabled()
    supervised.submit()
    qtbot.waitUntil(lambda: supervised.saved is not None)
    assert supervised.saved.cashier == "王收银"
    with db.session() as s:
        row = s.get(DayClosing, closing.closing_id(estate_id, "王收银", DAY))
        assert row.closed_by == lead.id
