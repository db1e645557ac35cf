"""The fees screen with real widgets offscreen on a real database: the cashier's day.

Reads and writes run on the background runner, so every step waits for its condition
(``qtbot.waitUntil``), never for a fixed time. The clock is a ManualClock.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.clock import ManualClock
from app.domain.units import UnitInput
from app.services.fees import account, billing_run, counter, schedule
from app.services.units import add_resident, create_unit
from tests.ui.conftest import type_text

NOW = datetime(2026, 3, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


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
    for period in ("2026-01", "2026-02"):
        billing_run.run_billing(db, estate_id, period, "test")
    return a.id, b.id


@pytest.fixture
def ctx(ctx):
    ctx.clock = ManualClock(NOW)
    ctx.ticker.clock = ctx.clock
    return ctx


@pytest.fixture
def page(qtbot, ctx, billed):
    from ui.fees.page import FeesPage

    widget = FeesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.arrears.as_of.setDate(QDate(2026, 3, 20))
    return widget


def open_unit(qtbot, counter_tab, unit_id):
    counter_tab.show_unit(unit_id)
    qtbot.waitUntil(lambda: counter_tab.shown is not None and counter_tab.shown.unit_id == unit_id)


def arrears_of(tab, unit_id):
    return next((r for r in tab.rows if r.unit_id == unit_id), None)


def yes_to_questions(monkeypatch):
    asked = []

    def answer(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def test_take_payment_print_receipt_and_see_arrears_update(qtbot, page, db, billed, tmp_path):
    unit_a, _ = billed
    arrears = page.arrears
    page.show_view("arrears")
    qtbot.waitUntil(lambda: {r.unit_id for r in arrears.rows} == set(billed))
    assert arrears_of(arrears, unit_a).net == Decimal("340.10")

    tab = page.counter
    page.show_view("counter")
    qtbot.keyClicks(tab.search, "3-1502")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.shown is not None and tab.shown.unit_id == unit_a)
    assert "3栋 1单元 1502" in tab.unit_title.text()
    assert tab.lines_model.rowCount() == 2
    assert tab.amount.text() == "340.10"  # what is owed, ready to take

    tab.amount.clear()
    qtbot.keyClicks(tab.amount, "170.05")
    type_text(qtbot, tab.payer, "王伟")
    type_text(qtbot, tab.cash.editor, "170.05")  # cash: what was handed over
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result.isVisible() and tab.history_model.rowCount() == 1)
    assert "170.05" in tab.result.text()
    qtbot.waitUntil(lambda: tab.lines_model.rowCount() == 1)  # January paid, February open

    pdf = tab.save_receipt_pdf(str(tmp_path / "receipt.pdf"))
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    receipt_no = tab.history_model.rows[0].receipt_no
    html = tab.receipt_html(tab.history_model.rows[0].id)
    assert "王伟" in html and "¥170.05" in html and receipt_no in html
    assert "壹佰柒拾元零伍分" in html  # 大写金额 beside the figures

    # the arrears tab heard of the payment: it shows the new figure when looked at
    page.show_view("arrears")
    qtbot.waitUntil(lambda: arrears_of(arrears, unit_a).net == Decimal("170.05"))


def test_bad_amount_is_refused_as_typed_and_what_was_typed_stays(qtbot, page, db, billed):
    tab = page.counter
    open_unit(qtbot, tab, billed[0])
    tab.amount.clear()
    qtbot.keyClicks(tab.amount, "12.345")
    # said as the cashier types, before anything is sent
    assert (
        "two decimals" in tab.amount_field.message.text() and "3" in tab.amount_field.message.text()
    )
    tab.payer.setText("李娜")
    tab.take_payment()
    qtbot.waitUntil(lambda: not tab.paying)
    assert "two decimals" in tab.amount_field.message.text()
    assert tab.amount.text() == "12.345" and tab.payer.text() == "李娜"
    assert account.counter_account(db, billed[0]).payments == ()
    tab.amount.clear()
    qtbot.keyClicks(tab.amount, "¥1,00.00")  # a separator out of place is not guessed at
    assert tab.amount_field.message.text()
    tab.amount.clear()
    qtbot.keyClicks(tab.amount, "¥100.00")
    assert not tab.amount_field.message.isVisible() or not tab.amount_field.message.text()


def test_an_open_account_shows_a_payment_pulled_by_sync_with_no_click(
    qtbot, page, db, billed, tmp_path
):
    """Desk B (a copy of this desk, offline) takes the payment; its outbox rows are applied
    here as a pulled page is (``apply_changes`` in a unit of work marked "sync"): the open
    cashier account and the arrears list follow without a click."""
    import sqlite3

    from sqlalchemy import select

    from app.store.apply import Change, apply_changes
    from app.store.db import Database, mark_source
    from app.store.models import SyncOutbox, SyncState

    unit_a, _ = billed
    tab = page.counter
    open_unit(qtbot, tab, unit_a)
    assert tab.shown.balance == Decimal("340.10")
    page.show_view("arrears")
    qtbot.waitUntil(lambda: arrears_of(page.arrears, unit_a) is not None)
    page.show_view("counter")

    copy = tmp_path / "desk-b.sqlite3"
    with sqlite3.connect(db.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    desk_b = Database(copy)
    with desk_b.session() as s:
        s.execute(SyncOutbox.__table__.delete())
        s.execute(SyncState.__table__.delete())  # another device
    counter.take_payment(desk_b, unit_a, "340.10", "wechat", "王伟", "desk B")
    with desk_b.session() as s:
        pulled = [
            Change(o.change_id, o.table_name, o.row_id, o.estate_id, o.kind, o.fields, o.hlc)
            for o in s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq))
        ]
    desk_b.close()
    assert {c.table_name for c in pulled} >= {"payments", "payment_allocations"}

    with db.session() as s:
        mark_source(s, "sync")
        apply_changes(s, pulled)
    qtbot.waitUntil(lambda: tab.shown.balance == Decimal("0.00"))
    assert tab.history_model.rowCount() == 1 and tab.lines_model.rowCount() == 0
    assert tab.history_model.rows[0].cashier == "desk B"
    page.show_view("arrears")
    qtbot.waitUntil(lambda: not page.arrears.loading and arrears_of(page.arrears, unit_a) is None)


def test_an_open_account_shows_opening_arrears_as_soon_as_they_are_imported(
    qtbot, page, db, estate_id, billed, tmp_path
):
    """The counter followed bills and payments but not opening entries: a finance lead's
    import of the unit's 期初欠费 left the open account short until it was opened again."""
    from openpyxl import Workbook

    from app.services.accounts import create_staff
    from app.services.fees.opening_import import import_opening_balances, preview_opening_file

    unit_a, _ = billed
    tab = page.counter
    open_unit(qtbot, tab, unit_a)
    before = tab.shown.balance
    book = Workbook()
    book.active.append(["房屋编号", "期初欠费", "欠费项目", "欠费账期"])
    book.active.append(["3-1-1502", "100.00", "物业管理服务费", "2025-12"])
    book.save(tmp_path / "opening.xlsx")
    with db.session() as s:
        lead = create_staff(
            s,
            login="lead",
            display_name="财务主管",
            role="finance_lead",
            password="s3cret-pass",
            estate_ids=[estate_id],
        ).id
    actor, db.actor = db.actor, lead
    try:
        preview = preview_opening_file(db, estate_id, tmp_path / "opening.xlsx", date(2026, 1, 1))
        assert preview.ok, preview.errors
        import_opening_balances(db, estate_id, preview, "财务主管", NOW)
    finally:
        db.actor = actor
    qtbot.waitUntil(lambda: tab.shown.balance == before + Decimal("100.00"))


def test_bills_tab_runs_billing_pages_on_and_exports(qtbot, page, db, estate_id, tmp_path):
    with db.session() as s:  # 230 more units: more lines than one page of 200
        for n in range(230):
            create_unit(
                s,
                estate_id,
                UnitInput(
                    building="9栋",
                    entrance="1",
                    room=f"{n + 101}",
                    area_m2="50.00",
                    handover_date="2020-01-01",
                ),
            )
    page.show_view("bills")
    bills = page.bills
    bills.period.setDate(QDate(2026, 3, 1))
    qtbot.waitUntil(lambda: not bills.model.loading and not bills.loading)
    assert bills.model.rowCount() == 0 and bills.empty.isVisible()
    op = bills.issue("2026-03")
    qtbot.waitUntil(lambda: op.done and bills.message.isVisible())
    assert "232" in bills.message.text()
    qtbot.waitUntil(lambda: bills.model.rowCount() == 200 and "232" in bills.summary.text())
    assert bills.model.canFetchMore()
    bills.model.fetchMore()
    qtbot.waitUntil(lambda: bills.model.rowCount() == 232)
    assert not bills.model.canFetchMore()
    assert len({r.line_id for r in bills.model.rows}) == 232

    done = bills.export(str(tmp_path / "bills.csv"))
    qtbot.waitUntil(lambda: done.done and bills.exported is not None)
    text = bills.exported.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "building,entrance,room,fee_code,period,quantity,rate,amount"
    assert "3栋,1,1502,mgmt_residential,2026-03,89.50,1.90,170.05" in text
    assert len(text) == 233

    page.show_view("arrears")
    qtbot.waitUntil(lambda: len(page.arrears.rows) == 232)  # March fell due on the 5th
    written = page.arrears.export(str(tmp_path / "arrears.xlsx"))
    qtbot.waitUntil(lambda: written.done and page.arrears.exported is not None)
    from openpyxl import load_workbook

    sheet = load_workbook(page.arrears.exported).active
    assert sheet.max_row == 233


def test_a_billing_run_cancelled_from_its_progress_keeps_nothing(qtbot, page, db, estate_id):
    """Cancel (the progress dialog's button) stops the run between units, before commit."""
    bills = page.bills
    page.show_view("bills")
    op = bills.issue("2026-03")
    op.cancel()  # what the dialog's Cancel does
    qtbot.waitUntil(lambda: op.done)
    assert "cancelled" in bills.message.text()
    from app.services.fees import reports

    assert reports.bill_summary(db, reports.BillsQuery(estate_id, "2026-03")).lines == 0
    assert bills.run_action.isEnabled()


def test_collection_reminders_and_schedule(qtbot, page, db, billed):
    page.show_view("collection")
    page.collection.month.setDate(QDate(2026, 2, 1))
    qtbot.waitUntil(lambda: "2026-02" in page.collection.figure.text())
    assert "0.0%" in page.collection.figure.text()
    reminders = page.reminders
    page.show_view("reminders")
    reminders.today.setDate(QDate(2026, 3, 10))
    qtbot.waitUntil(lambda: reminders.due_model.rowCount() == 2 and not reminders.loading)
    reminders.due_view.selectRow(0)
    reminders.outcome.setText("答应周五缴清")
    reminders.record()
    qtbot.waitUntil(lambda: reminders.due_model.rowCount() == 1)
    qtbot.waitUntil(lambda: reminders.log_model.rowCount() == 1)
    assert reminders.log_model.rows[0].outcome == "答应周五缴清"
    assert "Dear" in reminders.letters_html() or "尊敬" in reminders.letters_html()

    tab = page.schedule
    page.show_view("schedule")
    qtbot.waitUntil(lambda: tab.code.count() > 0)
    tab.code.setCurrentIndex(tab.code.findData("mgmt_residential"))
    tab.rate.setText("2,10")
    tab.effective.setText("2026-07-01")
    tab.save_rate()
    qtbot.waitUntil(lambda: not tab.saving)
    assert "1,234.56" in tab.fields["rate"].message.text()
    assert tab.effective.text() == "2026-07-01"
    tab.rate.setText("2.10005")
    tab.save_rate()
    qtbot.waitUntil(lambda: not tab.saving)
    assert "at most 4 decimals" in tab.fields["rate"].message.text()  # never rounded
    tab.rate.setText("2.10")
    tab.save_rate()
    qtbot.waitUntil(
        lambda: any(
            i.rate == Decimal("2.10") and i.effective_from == date(2026, 7, 1)
            for i in tab.model.rows
        )
    )


def test_correct_a_bill_take_and_refund_a_deposit_add_parking(
    qtbot, page, db, billed, estate_id, monkeypatch
):
    from ui.fees.dialogs import AdjustDialog
    from ui.fees.unit_dialogs import DepositsDialog, ParkingDialog

    unit_a, _ = billed
    tab = page.counter
    open_unit(qtbot, tab, unit_a)
    line = counter.bill_line(db, tab.lines_model.rows[0].line_id)

    adjust = AdjustDialog(page.ctx, line, tab)
    qtbot.addWidget(adjust)
    adjust.amount.setText("-20.00")
    adjust.submit()  # no reason: refused at once, nothing lost
    assert adjust.fields["reason"].message.text() and adjust.amount.text() == "-20.00"
    assert not adjust.ok.isEnabled()
    type_text(qtbot, adjust.reason, "漏水补偿")
    assert adjust.ok.isEnabled()
    adjust.submit()
    qtbot.waitUntil(lambda: adjust.saved == Decimal("-20.00"))
    qtbot.waitUntil(lambda: tab.lines_model.rows[0].adjusted == Decimal("-20.00"))
    assert tab.lines_model.rows[0].open_amount == Decimal("150.05")

    deposits = DepositsDialog(page.ctx, unit_a, tab)
    qtbot.addWidget(deposits)
    deposits.kind.setCurrentIndex(deposits.kind.findData("deposit_renovation"))
    assert deposits.amount.text() == "2000.00"
    deposits.take()
    qtbot.waitUntil(lambda: deposits.model.rowCount() == 1)
    assert deposits.model.rows[0].held == Decimal("2000.00")
    deposits.view.selectRow(0)
    asked = yes_to_questions(monkeypatch)
    deposits.refund()
    qtbot.waitUntil(lambda: deposits.model.rows[0].held == Decimal("0.00"))
    assert "¥2,000.00" in asked[0]

    parking = ParkingDialog(page.ctx, unit_a, tab)
    qtbot.addWidget(parking)
    parking.add()  # no space number
    qtbot.waitUntil(lambda: "B1-023" in parking.fields["space_no"].message.text())
    parking.kind.setCurrentIndex(parking.kind.findData("parking_open"))
    parking.space_no.setText("P-17")
    parking.add()
    qtbot.waitUntil(lambda: parking.model.rowCount() == 1)
    assert not parking.fields["space_no"].message.isVisible()
    result = billing_run.run_billing(db, estate_id, "2026-03")
    assert result.total == Decimal("170.05") + Decimal("300.00") + Decimal("150.00")


def test_a_credit_is_refunded_at_the_counter_after_one_question(
    qtbot, page, db, billed, monkeypatch
):
    from ui.fees.dialogs import RefundCreditDialog

    _, unit_b = billed
    counter.take_payment(db, unit_b, "700.00", "cash", "", "x", now=NOW)  # 600.00 owed
    tab = page.counter
    open_unit(qtbot, tab, unit_b)
    assert "100.00" in tab.balance.text() and tab.refund_action.isEnabled()

    dialog = RefundCreditDialog(page.ctx, tab.shown, tab)
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "100.00"
    dialog.amount.setText("100.01")
    dialog.reason.setText("搬离")
    dialog.validate()
    assert "¥100.00" in dialog.fields["amount"].message.text() or not dialog.ok.isEnabled()
    assert not dialog.ok.isEnabled()
    dialog.amount.setText("60.00")
    dialog.validate()
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No,
    )
    dialog.submit()  # the cashier says no: nothing recorded
    assert asked == ["Refund ¥60.00 of credit to 5栋 2单元 0801?"]
    assert account.unit_account(db, unit_b).balance == Decimal("-100.00")
    asked = yes_to_questions(monkeypatch)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert (dialog.saved.kind, dialog.saved.amount) == ("refund", Decimal("-60.00"))
    assert len(asked) == 1
    qtbot.waitUntil(lambda: tab.shown.balance == Decimal("-40.00"))
    assert tab.history_model.rows[0].kind == "refund"


def test_a_payment_is_reversed_with_its_reason_after_naming_it(qtbot, page, db, billed):
    from ui.fees.dialogs import ReverseDialog

    unit_a, _ = billed
    receipt = counter.take_payment(db, unit_a, "100.00", "cash", "", "x")
    tab = page.counter
    open_unit(qtbot, tab, unit_a)
    dialog = ReverseDialog(page.ctx, counter.payment(db, receipt.payment.id), tab)
    qtbot.addWidget(dialog)
    assert dialog.question.text() == f"Reverse receipt No. {receipt.payment.receipt_no}, ¥100.00?"
    assert not dialog.ok.isEnabled()  # the reason first
    type_text(qtbot, dialog.reason, "收错房号")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert dialog.saved.note == "收错房号"
    qtbot.waitUntil(lambda: tab.shown.balance == Decimal("340.10"))


def test_fee_rules_are_a_settings_section_with_the_rounding_rule(qtbot, ctx, db, estate_id):
    from ui.settings.fee_rules import FeeRulesBox

    box = FeeRulesBox(ctx)
    qtbot.addWidget(box)
    assert any("ROUND_HALF_UP" in label.text() for label in box.findChildren(QLabel))
    box.late_enabled.setChecked(True)
    box.late_rate.setText("0.5")
    box.save()
    qtbot.waitUntil(lambda: not box.saving)
    assert "0.0003" in box.fields["late_rate_per_day"].message.text()
    assert box.late_rate.text() == "0.5"
    box.late_rate.setText("0.001")
    box.save()
    qtbot.waitUntil(lambda: not box.saving and not box.saved.isHidden())
    assert "next billing run" in box.saved.text()
    rules = schedule.load_rules(db, estate_id)
    assert rules.late_fee.enabled and rules.late_fee.rate_per_day == Decimal("0.001")


def test_settings_page_holds_the_fee_rules(qtbot, ctx):
    from ui.settings.page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert page.fee_rules.title() == "Fee rules"


def test_renovation_fee_is_charged_once(qtbot, page, db, billed, monkeypatch):
    yes_to_questions(monkeypatch)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    tab = page.counter
    open_unit(qtbot, tab, billed[0])
    tab.charge_renovation()
    qtbot.waitUntil(
        lambda: any(r.open_amount == Decimal("313.25") for r in tab.lines_model.rows)
    )  # 89.50 m² × 3.50
    tab.charge_renovation()
    qtbot.waitUntil(lambda: bool(warnings))
    assert "already charged" in warnings[0]


def test_bill_notes_read_in_chinese(qtbot, app, page, db, estate_id):
    """Notes are stored as codes; the bills tab words them in the user's language."""
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
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        page.show_view("bills")
        page.bills.period.setDate(QDate(2026, 4, 1))
        op = page.bills.issue("2026-04")
        qtbot.waitUntil(lambda: op.done)
        qtbot.waitUntil(lambda: any(r.unit_code.startswith("7栋") for r in page.bills.model.rows))
        note_column = page.bills.model.column_of("note")
        notes = [
            page.bills.model.index(n, note_column).data()
            for n, r in enumerate(page.bills.model.rows)
            if r.unit_code.startswith("7栋")
        ]
        assert notes == ["自交房日 2026-04-16 起计：15/30 天"]
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
        QApplication.processEvents()


def test_the_day_pickers_follow_midnight_unless_the_user_chose_a_day(qtbot, page, ctx):
    """The desk stays open overnight: "as of today" becomes the new day at the clock's
    tick (the report re-reads for it); a day the cashier picked stays."""
    from datetime import timedelta

    arrears, reminders = page.arrears, page.reminders
    page.show_view("arrears")
    qtbot.waitUntil(lambda: not arrears.loading)
    reminders.today.setDate(QDate(2026, 3, 10))  # chosen by the cashier
    ctx.clock.advance(timedelta(hours=15))  # 01:00 the next day in Shanghai
    ctx.ticker.tick()
    assert arrears.as_of.date() == QDate(2026, 3, 21)
    assert reminders.today.date() == QDate(2026, 3, 10)
    qtbot.waitUntil(lambda: not arrears.loading)


def test_column_widths_and_the_counter_splitter_come_back(qtbot, page, ctx):
    from ui.fees.page import FeesPage

    page.arrears.view.horizontalHeader().resizeSection(0, 233)
    page.counter.splitter.setSizes([300, 900])
    left = page.counter.splitter.sizes()[0]
    page.save_state()
    again = FeesPage(ctx)
    qtbot.addWidget(again)
    again.resize(1200, 800)
    again.show()
    assert again.arrears.view.horizontalHeader().sectionSize(0) == 233
    qtbot.waitUntil(lambda: again.counter.splitter.sizes()[0] == left)


def test_a_reread_keeps_the_lines_picked_and_the_amount_typed(qtbot, page, db, billed, estate_id):
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    unit_a, unit_b = billed
    tab = page.counter
    open_unit(qtbot, tab, unit_a)
    both = QItemSelection(tab.lines_model.index(0, 0), tab.lines_model.index(1, 6))
    tab.lines.selectionModel().select(both, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert tab.amount.text() == "340.10"
    tab.amount.setText("300.00")  # the resident pays part of the two months
    generation = tab._generation
    counter.take_payment(db, unit_b, "10.00", "cash", "", "another desk")  # a commit elsewhere
    qtbot.waitUntil(lambda: tab._generation > generation and not tab.loading)
    assert len(tab.picked_lines()) == 2 and tab.amount.text() == "300.00"


def test_the_collection_rate_is_the_management_fees_with_each_kind_labelled(
    qtbot, page, db, billed, estate_id
):
    """Seed 001: 管理费收费率 = 实收 ÷ 应收 of the management fee; unpaid parking does not
    pull it down, it is shown beside it, labelled, with all fees."""
    unit_a, unit_b = billed
    schedule.add_parking_space(db, unit_a, "parking_shared", "B1-001")
    billing_run.run_billing(db, estate_id, "2026-03", "test")
    for unit_id in (unit_a, unit_b):
        lines = [
            ln.line_id
            for ln in account.account_lines(db, unit_id)
            if ln.period == "2026-03" and ln.fee_code.startswith("mgmt_")
        ]
        amount = sum(
            ln.open_amount for ln in account.account_lines(db, unit_id) if ln.line_id in lines
        )
        counter.take_payment(db, unit_id, amount, "cash", "", "x", lines)
    page.show_view("collection")
    page.collection.month.setDate(QDate(2026, 3, 1))
    qtbot.waitUntil(lambda: "2026-03" in page.collection.figure.text())
    assert (
        "100.0%" in page.collection.figure.text() and "target met" in page.collection.figure.text()
    )
    kinds = page.collection.kinds.text()
    assert "Parking 0.0% (¥0.00 of ¥260.00)" in kinds
    assert "All fees 64.3% (¥470.05 of ¥730.05)" in kinds
