"""The audit trail page (auditors and directors), the permissions section of Settings, and
controls a role may not use: disabled, saying why. Real widgets offscreen, real SQLite."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.domain.units import UnitInput
from app.services import accounts, audit, permissions
from app.services.fees import counter
from app.services.fees import schedule as fee_schedule
from app.services.units import add_resident, create_unit


def account(db, estate_id, role):
    with db.session() as s:
        return accounts.create_staff(
            s,
            login=role,
            display_name=f"{role}-name",
            role=role,
            password="s3cret-pass",
            estate_ids=[estate_id],
        )


@pytest.fixture
def desk(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="1", room="1502", area_m2="90")
        )
        resident = add_resident(s, unit, name="=HYPERLINK(1)", phone="13800138001")
    return unit.id, resident.id


def context(db, estate_id, role, app):
    from ui.shell.signin import context_for

    user = account(db, estate_id, role)
    db.actor = user.id  # as log_in does
    return context_for(db, user, estate_id)


def test_a_director_sees_filters_and_exports_the_trail(qtbot, db, estate_id, desk, app, tmp_path):
    from ui.audit.page import AuditPage

    unit, resident = desk
    ctx = context(db, estate_id, "director", app)
    counter.take_payment(db, unit, "100.00", "cash", "王伟", "d")
    audit.reveal(db, resident, "phone")
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    shown = {page.model.data(page.model.index(r, 3)) for r in range(page.model.rowCount())}
    assert {"Payment taken", "Phone revealed"} <= shown
    assert page.count.text().endswith("entries")
    page.kind.setCurrentIndex(page.kind.findData("personal."))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, 3)) == "Phone revealed"
    assert page.model.data(page.model.index(0, 1)) == "director-name"
    # a new entry appears without a click (the change event of the commit)
    audit.reveal(db, resident, "phone")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    target = tmp_path / "audit.xlsx"
    with qtbot.waitSignal(ctx.events.status_message, timeout=10000):
        page.export_to(str(target))
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert len(rows) == 3 and rows[1][4] == "Phone revealed"


def test_others_see_why_the_trail_is_closed_to_them(qtbot, db, estate_id, desk, app):
    from ui.audit.page import AuditPage

    ctx = context(db, estate_id, "receptionist", app)
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    assert not page.export_button.isEnabled() and not page.table.isEnabled()
    assert "audit" in page.closed.text().lower() or "审计" in page.closed.text()
    assert "Receptionist" in page.export_button.toolTip()
    assert page.model.rowCount() == 0


@pytest.mark.parametrize(("role", "may_adjust"), [("cashier", False), ("finance_lead", True)])
def test_the_counter_disables_what_the_role_may_not_do_and_says_why(
    qtbot, db, estate_id, desk, app, role, may_adjust
):
    from ui.fees.counter import CounterTab

    unit, _resident = desk
    ctx = context(db, estate_id, role, app)
    tab = CounterTab(ctx)
    qtbot.addWidget(tab)
    tab._set_enabled(True)  # a unit is shown
    assert tab.adjust_action.isEnabled() is may_adjust
    assert tab.pay_button.isEnabled()  # both take payments
    if not may_adjust:
        assert "Adjust bills" in tab.adjust_action.toolTip()
        assert "Cashier" in tab.adjust_action.toolTip()


def test_settings_show_the_matrix_with_an_override_in_bold(qtbot, db, estate_id, app):
    from ui.settings.permissions import NO, YES, PermissionsBox

    with db.session() as s:  # arrived from the server
        permissions.set_cell_in(s, estate_id, "cashier", "fees.adjust", True)
    ctx = context(db, estate_id, "admin", app)
    box = PermissionsBox(ctx)
    qtbot.addWidget(box)
    matrix = permissions.matrix(db, estate_id)
    qtbot.waitUntil(lambda: box.table.rowCount() == len(matrix.permissions))
    row = matrix.permissions.index("fees.adjust")
    cashier = box.table.item(row, matrix.roles.index("cashier"))
    receptionist = box.table.item(row, matrix.roles.index("receptionist"))
    assert (cashier.text(), cashier.font().bold()) == (YES, True)
    assert (receptionist.text(), receptionist.font().bold()) == (NO, False)
    assert box.save_button.isEnabled()  # the administrator sets the log-in rules
    box.attempts.setValue(3)
    box.save()
    qtbot.waitUntil(lambda: accounts.lockout_settings(db) == (3, 15))


def test_the_log_in_rules_are_not_for_a_director(qtbot, db, estate_id, app):
    from ui.settings.permissions import PermissionsBox

    box = PermissionsBox(context(db, estate_id, "director", app))
    qtbot.addWidget(box)
    assert not box.save_button.isEnabled()
    assert "Manage staff accounts" in box.save_button.toolTip()


def test_a_resident_s_numbers_are_revealed_one_at_a_time_and_logged(
    qtbot, db, estate_id, desk, app
):
    from tests.ui.conftest import answer_next_dialog
    from ui.units.residents import ResidentsPanel

    unit, resident = desk
    ctx = context(db, estate_id, "receptionist", app)
    panel = ResidentsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_unit(unit)
    assert panel.model.data(panel.model.index(0, 2)) == "138****8001"  # masked in the list
    panel.table.selectRow(0)
    assert panel.reveal_button.isEnabled()
    seen = answer_next_dialog(qtbot, lambda box: box.accept())
    panel.reveal()
    qtbot.waitUntil(lambda: "text" in seen)
    assert "13800138001" in seen["text"]
    db.actor = None  # the system makes the auditor's account
    db.actor = account(db, estate_id, "auditor").id  # who may read the trail
    logged = audit.read_page(db, audit.AuditQuery(estate_id, row_id=resident))
    assert [(e.action, e.actor_role) for e in logged] == [("personal.reveal.phone", "receptionist")]


def test_a_role_that_may_not_reveal_sees_why(qtbot, db, estate_id, desk, app):
    from ui.units.residents import ResidentsPanel

    unit, _resident = desk
    panel = ResidentsPanel(context(db, estate_id, "inspector", app))
    qtbot.addWidget(panel)
    panel.show_unit(unit)
    panel.table.selectRow(0)
    assert not panel.reveal_button.isEnabled()
    assert "Reveal phone and ID numbers" in panel.reveal_button.toolTip()


@pytest.mark.parametrize(("role", "may"), [("director", True), ("supervisor", False)])
def test_approving_an_important_complaint_s_extension_is_the_director_s(
    qtbot, db, estate_id, app, role, may
):
    from datetime import UTC, datetime, timedelta

    from app.domain.complaints import ComplaintInput
    from app.services import complaints as cs
    from ui.complaints.page import ComplaintsPage

    now = datetime.now(UTC) - timedelta(hours=3)
    data = ComplaintInput(
        complainant_name="李强",
        content="噪音",
        severity="important",
        category="noise",
        department="engineering",
    )
    made = cs.record_complaint(db, estate_id, data, now=now)
    cs.record_step(db, made.id, "dispatched", now=now + timedelta(minutes=5))
    cs.record_step(db, made.id, "extension_requested", note="等配件", now=now + timedelta(hours=1))
    ctx = context(db, estate_id, role, app)
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.list_settled)
    page.show_complaint(made.id)
    approve = page.step_actions["extension_approved"]
    assert approve.isEnabled() is may
    if not may:
        assert "Extend important complaints" in approve.toolTip()
    ctx.runner.shutdown()


@pytest.mark.parametrize(("role", "sees"), [("receptionist", False), ("cashier", True)])
def test_receptionists_do_not_see_the_arrears_tabs(qtbot, db, estate_id, app, role, sees):
    from ui.fees.page import FeesPage

    page = FeesPage(context(db, estate_id, role, app))
    qtbot.addWidget(page)
    for tab in (page.arrears, page.reminders):
        index = page.tabs.indexOf(tab)
        assert page.tabs.isTabEnabled(index) is sees
        if not sees:
            assert "See arrears reports" in page.tabs.tabToolTip(index)


def test_the_period_is_the_estate_s_days_from_the_context_clock(qtbot, db, estate_id, desk, app):
    """01:00 in Shanghai is still the day before in UTC: today's entries are shown."""
    from datetime import UTC, datetime

    from app.clock import ManualClock
    from ui.audit.page import AuditPage

    _unit, resident = desk
    late = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)  # 2026-03-03 01:00 in Shanghai
    ctx = context(db, estate_id, "auditor", app)
    ctx.clock = ManualClock(late)
    db.actor = None
    audit.reveal(db, resident, "phone", now=late)
    db.actor = ctx.user_id
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    assert page.until.date().toString("yyyy-MM-dd") == "2026-03-03"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


@pytest.mark.parametrize(("role", "may"), [("inspector", True), ("cashier", False)])
def test_inspections_are_edited_by_inspectors_not_cashiers(qtbot, db, estate_id, app, role, may):
    from PySide6.QtWidgets import QPushButton

    from ui.inspections.lists import DueTab, InspectionsTab

    ctx = context(db, estate_id, role, app)
    for tab_class, label in (
        (DueTab, "Start or continue (Enter)"),
        (InspectionsTab, "New inspection…"),
    ):
        tab = tab_class(ctx)
        qtbot.addWidget(tab)
        (button,) = [b for b in tab.findChildren(QPushButton) if b.text() == label]
        assert button.isEnabled() is may
        if not may:
            assert "Edit inspections" in button.toolTip()
    ctx.runner.shutdown()
