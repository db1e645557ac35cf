"""A move-in completed through the wizard on the inspections page: documents, balance,
forms, the first month's fee taken at the counter, keys (the office's key goes back to the
owner), meter readings, the house acceptance walked with the keyboard with one defect that
becomes a corrective work order, and the archive; each step names who did it."""

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from app.domain.units import UnitInput
from app.services.inspections import actions, movein
from app.services.reception.keys import list_keys, register_key
from app.services.units import add_resident, create_unit
from app.store.models import Unit
from tests.ui.conftest import type_text


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("PROPDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def unit_id(db, estate_id):
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.50")
        )
        add_resident(s, unit, role="owner", name="张伟", phone="13800138001")
        return unit.id


@pytest.fixture
def unexpected(monkeypatch):
    """Errors no screen handled (else a message box would wait for a click)."""
    seen = []
    monkeypatch.setattr("ui.widgets.ops.show_error", lambda _parent, error: seen.append(error))
    return seen


def test_move_in_through_the_wizard(ctx, qtbot, data_dir, unit_id, tmp_path, unexpected):
    from ui.inspections.page import InspectionsPage

    register_key(ctx.db, ctx.estate_id, unit_id, "K-1502", ctx.user_id, ctx.now())
    move_id = movein.plan_handover(ctx.db, ctx.estate_id, unit_id, "张伟", date(2026, 1, 1))
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.show_view("movein")
    tab = page.movein
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    tab.table.selectRow(0)
    tab.open_selected()
    wizard = tab.wizard
    qtbot.waitUntil(lambda: wizard.view is not None and wizard.view.started, timeout=5000)
    assert page.stack.currentWidget() is wizard

    def record(step):
        assert wizard.view.current == step
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: wizard.view.current != step or bool(wizard.message.text()) or bool(unexpected),
            timeout=5000,
        )
        assert not unexpected, unexpected
        assert not wizard.message.text(), wizard.message.text()

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)  # nothing checked yet
    qtbot.waitUntil(lambda: bool(wizard.message.text()) or bool(unexpected), timeout=5000)
    assert not unexpected, unexpected
    assert wizard.view.current == "documents"  # refused, the ticks stay as they were
    for key in ("notice", "owner_id", "contract"):
        wizard.checks[f"doc:{key}"].setChecked(True)
    wizard.message.clear()
    record("documents")
    wizard.balance_ok.setChecked(True)
    record("balance")
    for key, box in wizard.checks.items():
        if key.startswith("form:"):
            box.setChecked(True)
    record("forms")
    assert wizard.view.fee_preview and wizard.view.fee_preview > 0
    record("fees")
    record("keys")
    for meter, value in (("water", "3.2"), ("electricity", "15"), ("gas", "0.8")):
        type_text(qtbot, wizard.meters[meter], value)
    record("meters")

    # step 7: the house acceptance on the inspection engine, walked with the keyboard
    qtbot.mouseClick(wizard.open_inspection, Qt.MouseButton.LeftButton)
    screen = page.run
    qtbot.waitUntil(
        lambda: page.stack.currentWidget() is screen and screen.view is not None, timeout=5000
    )
    assert screen.view.answers["meter.water"].value == "3.2"  # carried from step 6
    for n, (_section, item) in enumerate(screen.items):
        screen.list.setCurrentRow(n)
        if item.type == "number":
            continue
        if item.id == "walls.kitchen":
            qtbot.keyClick(screen.list, Qt.Key.Key_F)
            Image.new("RGB", (800, 600), (90, 90, 90)).save(tmp_path / "k.jpg")
            screen.add_photo(Path(tmp_path / "k.jpg"))
            qtbot.waitUntil(lambda: bool(screen.view.photos), timeout=5000)
            type_text(qtbot, screen.note, "厨房墙砖一块破损")
            qtbot.keyClick(screen.note, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(screen.list, Qt.Key.Key_P)
    qtbot.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.view.header.status == "finalised", timeout=5000)
    qtbot.mouseClick(screen.back, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is wizard  # back where the handover was
    qtbot.waitUntil(
        lambda: wizard.view.current == "inspection" and bool(wizard.view.inspection_id),
        timeout=5000,
    )
    record("inspection")
    type_text(qtbot, wizard.file_ref, "YZ-3-1502")
    record("archive")
    qtbot.waitUntil(lambda: wizard.view.finished, timeout=5000)

    view = movein.movein_view(ctx.db, move_id, ctx.now())
    assert all(step.done and step.by == "王经理" and step.at for step in view.steps)
    fees = next(s for s in view.steps if s.key == "fees").data
    assert fees["receipt"] and fees["amount"] != "0.00"
    with ctx.db.session() as s:
        assert s.get(Unit, unit_id).handover_date is not None  # fees count from today
    assert [k.state for k in list_keys(ctx.db, ctx.estate_id)] == ["returned"]
    defects = actions.actions_of(ctx.db, view.inspection_id, ctx.now())
    assert [(a.item_id, a.department) for a in defects] == [("walls.kitchen", "engineering")]
    assert defects[0].number.startswith("ZG")  # a corrective work order of the engine
    schedule = movein.handover_schedule(ctx.db, ctx.estate_id, ctx.now())
    assert schedule[0].status == "done"
    assert not unexpected
