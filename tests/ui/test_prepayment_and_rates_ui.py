"""The shared utilities prepayment, four-decimal rates, the vacancy fee codes and the
national holidays on screen: real widgets offscreen on a real database, waiting for each
condition, never for a fixed time."""

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication

from app.clock import ManualClock
from app.domain import holidays
from app.domain.units import UnitInput
from app.services.fees import account, billing_run, prepayment, schedule
from app.services.units import create_unit

D = Decimal
NOW = datetime(2026, 3, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def units(db, estate_id):
    """Two units billed January and February: 89.50 m² and 120.00 m²."""
    made = []
    with db.session() as s:
        for room, area in (("1502", "89.50"), ("1503", "120.00")):
            made.append(
                create_unit(
                    s,
                    estate_id,
                    UnitInput(
                        building="3栋",
                        entrance="1",
                        room=room,
                        area_m2=area,
                        handover_date="2020-01-01",
                    ),
                ).id
            )
    for period in ("2026-01", "2026-02"):
        billing_run.run_billing(db, estate_id, period, "test")
    return made


@pytest.fixture
def clocked(ctx):
    ctx.clock = ManualClock(NOW)
    ctx.ticker.clock = ctx.clock
    return ctx


@pytest.fixture
def page(qtbot, clocked, units):
    from ui.fees.page import FeesPage

    widget = FeesPage(clocked)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def open_unit(qtbot, counter_tab, unit_id):
    counter_tab.show_unit(unit_id)
    qtbot.waitUntil(lambda: counter_tab.shown is not None and counter_tab.shown.unit_id == unit_id)


def test_the_schedule_takes_a_rate_with_four_decimals_and_refuses_a_fifth(qtbot, page):
    """物业管理服务费:1.9元/平方米/月 — 1.9 shows as 1.90, 1.2345 stays 1.2345."""
    from ui.fees.schedule import COLUMNS

    tab = page.schedule
    page.show_view("schedule")
    qtbot.waitUntil(lambda: tab.code.count() > 0)
    tab.code.setCurrentIndex(tab.code.findData("mgmt_residential"))
    tab.rate.setText("1.23456")
    tab._check_rate(tab.rate.text())
    assert "at most 4 decimals" in tab.fields["rate"].message.text()
    tab.effective.setText("2026-07-01")
    tab.save_rate()
    qtbot.waitUntil(lambda: not tab.saving)
    assert "this one has 5" in tab.fields["rate"].message.text()
    assert tab.rate.text() == "1.23456"  # what was typed stays
    tab.rate.setText("1.2345")
    tab.save_rate()
    qtbot.waitUntil(lambda: any(str(i.rate) == "1.2345" for i in tab.model.rows))
    rate_column = [c.key for c in COLUMNS].index("rate")
    shown = {
        tab.model.index(row, rate_column).data()
        for row in range(tab.model.rowCount())
        if tab.model.rows[row].code == "mgmt_residential"
    }
    assert shown == {"1.90", "1.2345"}
    assert "1.2345" in tab.message.text()


def test_the_counter_shows_and_takes_the_prepayment_with_a_receipt(
    qtbot, page, db, estate_id, units
):
    """公摊水电费:预收500元/户,按实际面积据实分摊。 — at the counter: not collected yet,
    then taken with a receipt, then what is left after the month's share."""
    from ui.fees.prepayment import CollectPrepaymentDialog

    unit_a, _ = units
    tab = page.counter
    open_unit(qtbot, tab, unit_a)
    panel = tab.prepayment
    qtbot.waitUntil(lambda: panel.state is not None and panel.isVisible())
    assert "not collected" in panel.summary.text() and "¥500.00" in panel.summary.text()
    assert panel.collect_button.isEnabled()

    dialog = CollectPrepaymentDialog(page.ctx, unit_a, panel.state, panel)
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "500.00"
    dialog.amount.setText("500.005")
    dialog.validate()
    assert not dialog.ok.isEnabled()
    dialog.amount.setText("500.00")
    dialog.validate()
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert dialog.saved.payment.kind == "prepayment"
    qtbot.waitUntil(lambda: panel.state.status == "ok")
    assert "¥500.00" in panel.summary.text()
    qtbot.waitUntil(
        lambda: bool(tab.history_model.rows) and tab.history_model.rows[0].kind == "prepayment"
    )
    # the management fees still owed are not paid from it
    assert tab.shown.balance == account.unit_account(db, unit_a).balance > 0

    billing_run.bill_shared_utilities(db, estate_id, "2026-03", "600.00", now=page.ctx.clock.now())
    qtbot.waitUntil(lambda: panel.state.remaining < D("500.00"))
    left = prepayment.prepayment_of(db, unit_a).remaining
    assert f"¥{left:,.2f}" in panel.summary.text()


def test_the_bills_tab_lists_the_units_to_collect_or_top_up(qtbot, page, db, units):
    unit_a, unit_b = units
    prepayment.collect_prepayment(db, unit_a, "500.00", "cash", "", "x")
    tab = page.bills
    page.show_view("bills")
    box = tab.top_up
    qtbot.waitUntil(lambda: box.model.rowCount() == 1)
    assert box.model.rows[0].unit_id == unit_b
    assert box.model.rows[0].state.suggested == D("500.00")
    opened = []
    box.open_unit.connect(opened.append)
    box._opened(box.model.index(0, 0))
    assert opened == [unit_b]
    qtbot.waitUntil(lambda: page.counter.unit_id == unit_b)


def test_the_fee_rules_edit_the_vacancy_fees_and_the_prepayment_floor(
    qtbot, clocked, db, estate_id
):
    """连续空置6 个月以上需业主申请可按70%收取 is written in the residential entry; the
    estate may add the commercial fee, and set a floor for the prepayment."""
    from ui.settings.fee_rules import FeeRulesBox

    schedule.ensure_default_schedule(db, estate_id)
    box = FeeRulesBox(clocked)
    qtbot.addWidget(box)
    assert set(box.vacancy_codes) == {"mgmt_residential", "mgmt_commercial"}
    assert box.vacancy_codes["mgmt_residential"].isChecked()
    assert not box.vacancy_codes["mgmt_commercial"].isChecked()
    box.vacancy_codes["mgmt_commercial"].setChecked(True)
    box.prepayment_floor.setText("-5")
    box.save()
    qtbot.waitUntil(lambda: not box.saving)
    assert "0 or more" in box.fields["prepayment_floor"].message.text()
    box.prepayment_floor.setText("100.00")
    box.save()
    qtbot.waitUntil(lambda: not box.saving and not box.saved.isHidden())
    rules = schedule.load_rules(db, estate_id)
    assert rules.vacancy_codes == {"mgmt_residential", "mgmt_commercial"}
    assert rules.prepayment_floor == D("100.00")


def test_the_holidays_section_warns_of_a_provisional_year_and_imports_one(qtbot, clocked, tmp_path):
    from ui.settings.holidays import HolidaysBox

    holidays.use_folders([holidays.SHIPPED_FOLDER, tmp_path])
    try:
        box = HolidaysBox(clocked)  # the context's clock: 2026-03-20
        qtbot.addWidget(box)
        qtbot.waitUntil(lambda: "2027" in box.years.text())
        assert "2026: official" in box.years.text()
        assert "2027: provisional" in box.warnings.text() and not box.warnings.isHidden()

        bad = tmp_path / "upload" / "bad.json"
        bad.parent.mkdir()
        bad.write_text("{not json", encoding="utf-8")
        box.import_year(str(bad))
        qtbot.waitUntil(lambda: not box.result.isHidden())
        assert "cannot be read" in box.result.text()

        notice = json.loads((holidays.SHIPPED_FOLDER / "CN-2027.json").read_text("utf-8"))
        notice["status"] = "official"
        good = tmp_path / "upload" / "CN-2027.json"
        good.write_text(json.dumps(notice, ensure_ascii=False), encoding="utf-8")
        box.import_year(str(good))
        qtbot.waitUntil(lambda: "2027: official" in box.years.text())
        assert box.warnings.isHidden()
        assert "2027 imported" in box.result.text()
        assert (tmp_path / "CN-2027.json").exists()
    finally:
        holidays.use_folders(None)
        QApplication.processEvents()


def test_a_receipt_line_prints_the_rate_with_the_decimals_it_keeps():
    """89.50 ㎡ × 1.90 as before; a rate of 1.2345 is printed 1.2345, not 1.23."""
    from app.services.fees.account import ReceiptLine
    from ui.fees.printing import quantity_rate

    line = ReceiptLine("2026-03", "mgmt_residential", D("110.49"), D("89.50"), D("1.2345"))
    assert quantity_rate(line) == "89.50 ㎡ × 1.2345"
    assert quantity_rate(line._replace(rate=D("1.90"))) == "89.50 ㎡ × 1.90"
