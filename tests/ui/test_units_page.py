"""The Units & Residents page on a real database: search, lazy list, form validation,
residents, and keeping up with commits made elsewhere (another unit of work, a sync)."""

import threading
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.domain.units import UnitInput
from tests.ui.conftest import answer_next_dialog, type_text


@pytest.fixture
def units(db, estate_id):
    """3栋 1502 owned by 张伟, 3栋 1501 by 李娜, and 1栋 2单元 301 by 张敏."""
    from app.services.units import add_resident, create_unit

    with db.session() as s:
        for building, entrance, room, owner, phone in [
            ("3栋", "", "1502", "张伟", "13800138000"),
            ("3栋", "", "1501", "李娜", "13912345678"),
            ("1栋", "2", "301", "张敏", "13711112222"),
        ]:
            unit = create_unit(
                s,
                estate_id,
                UnitInput(
                    building=building,
                    entrance=entrance,
                    room=room,
                    floor=room[:-2],
                    area_m2="89.50",
                ),
            )
            add_resident(
                s, unit, name=owner, phone=phone, role="owner", id_number="440101199001011234"
            )


@pytest.fixture
def page(ctx, units, qtbot):
    from ui.units.page import UnitsPage

    widget = UnitsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitActive(widget):  # shortcuts (Ctrl+S) reach only the active window
        widget.show()
        widget.activateWindow()
    wait_loaded(qtbot, widget)
    return widget


def wait_loaded(qtbot, page):
    """The list and the tree are read on the background runner."""
    qtbot.waitUntil(lambda: not page.model.loading and page.tree.topLevelItemCount() == 1)


def visible_codes(page):
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def resident_cells(page, column):
    model = page.residents.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_lists_units_with_masked_phone_and_selects_the_first(page):
    assert page.count.text() == "3 units"
    assert visible_codes(page) == ["1-2-301", "3-1501", "3-1502"]
    assert page.model.index(0, 5).data() == "137****2222"
    assert page.title.text() == "1栋 2单元 301"
    assert resident_cells(page, 2) == ["137****2222"]
    assert resident_cells(page, 3) == ["4401**********1234"]


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("张", ["1-2-301", "3-1502"]),
        ("3-1502", ["3-1502"]),
        ("3栋1502", ["3-1502"]),
        ("1391234", ["3-1501"]),
    ],
)
def test_search_as_you_type(page, qtbot, typed, expected):
    type_text(qtbot, page.search, typed)
    qtbot.waitUntil(lambda: visible_codes(page) == expected, timeout=2000)
    assert page.count.text() == ("1 unit" if len(expected) == 1 else f"{len(expected)} units")


def test_search_without_results_says_what_to_try(page, qtbot):
    type_text(qtbot, page.search, "不存在的人")
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty, timeout=2000)
    assert "No unit matches “不存在的人”" in page.empty.text()
    assert page.count.text() == "0 units"


def test_tree_narrows_the_list_to_a_building_and_entrance(page, qtbot):
    root = page.tree.topLevelItem(0)
    assert root.text(0) == "阳光花园  (3)"
    building_1 = root.child(0)
    assert building_1.text(0) == "1栋  (1)"
    page.tree.setCurrentItem(root.child(1))
    qtbot.waitUntil(lambda: visible_codes(page) == ["3-1501", "3-1502"])
    page.tree.setCurrentItem(building_1.child(0))
    assert building_1.child(0).text(0) == "Entrance 2"
    qtbot.waitUntil(lambda: visible_codes(page) == ["1-2-301"])


def test_bad_unit_form_is_refused_with_messages_and_keeps_the_typing(page, qtbot, db):
    from app.services.units import UnitQuery, count_units

    page.new_action.trigger()
    assert page.form.editors["building"].text() == ""
    type_text(qtbot, page.form.editors["building"], "5栋")
    type_text(qtbot, page.form.editors["area_m2"], "-12.5")
    type_text(qtbot, page.form.editors["floor"], "十二")

    area = page.form.fields["area_m2"]
    assert area.message.isVisible() and area.message.text() == "Area must be greater than 0"
    assert page.form.fields["floor"].message.text() == "Floor must be a whole number, e.g. 15 or -1"
    assert not page.save_action.isEnabled()
    assert page.save_action.toolTip().startswith("Cannot save yet:")
    assert page.why_not.isVisible()

    assert page.save() is False  # e.g. Ctrl+S pressed anyway
    assert page.notice.isVisible()
    assert page.notice.text().startswith("Not saved: fix the marked field(s)")
    room = page.form.fields["room"]
    assert room.message.isVisible() and room.message.text() == "Room number is required"
    assert page.form.editors["building"].text() == "5栋"
    assert page.form.editors["area_m2"].text() == "-12.5"
    assert page.form.editors["floor"].text() == "十二"
    with db.session() as s:
        assert count_units(s, UnitQuery(estate_id=page.ctx.estate_id)) == 3


def test_new_unit_is_saved_and_listed(page, qtbot, db):
    page.new_action.trigger()
    type_text(qtbot, page.form.editors["building"], "5栋")
    type_text(qtbot, page.form.editors["room"], "0801")
    type_text(qtbot, page.form.editors["floor"], "8")
    type_text(qtbot, page.form.editors["area_m2"], "120.5")
    page.form.kind.setCurrentIndex(1)
    assert page.save_action.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.notice.text() == "Saved 5栋 0801"
    assert page.form.editors["area_m2"].text() == "120.50"
    # the list and the tree follow the commit's change event
    qtbot.waitUntil(lambda: "5-0801" in visible_codes(page) and page.count.text() == "4 units")
    qtbot.waitUntil(lambda: page.tree.topLevelItem(0).text(0) == "阳光花园  (4)")
    assert page.title.text() == "5栋 0801"
    assert not page.save_action.isEnabled()

    # the same room again is refused by the service, the typing stays
    page.new_action.trigger()
    type_text(qtbot, page.form.editors["building"], "5栋")
    type_text(qtbot, page.form.editors["room"], "0801")
    type_text(qtbot, page.form.editors["area_m2"], "60")
    assert page.save() is False
    assert page.form.fields["room"].message.text() == "5栋 0801 already exists"
    assert page.form.editors["area_m2"].text() == "60"


def test_edit_unit_and_add_remove_a_resident(page, qtbot, db):
    from app.services.units import residents_of
    from app.store.models import Unit

    page.table.selectRow(2)  # 3-1502
    assert page.title.text() == "3栋 1502"
    area = page.form.editors["area_m2"]
    area.setFocus()
    area.selectAll()
    type_text(qtbot, area, "90.25")
    qtbot.keyClick(page.form.editors["room"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.notice.text() == "Saved 3栋 1502"
    with db.session() as s:
        assert str(s.get(Unit, page.unit_id).area_m2) == "90.25"

    def fill(dialog):
        dialog.role.setCurrentIndex(dialog.role.findData("tenant"))
        type_text(qtbot, dialog.name, "赵六")
        type_text(qtbot, dialog.phone, "1380013")  # too short: OK stays disabled
        assert not dialog.ok.isEnabled()
        assert "Phone must be a mobile number" in dialog.fields["phone"].message.text()
        type_text(qtbot, dialog.phone, "9999")
        assert dialog.ok.isEnabled()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    answer_next_dialog(qtbot, fill)
    page.residents.add_button.click()  # returns once the dialog's save was accepted
    qtbot.waitUntil(lambda: resident_cells(page, 1) == ["张伟", "赵六"])
    assert resident_cells(page, 0) == ["Owner", "Tenant"]
    assert resident_cells(page, 2)[1] == "138****9999"

    page.residents.table.selectRow(1)
    answer_next_dialog(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.residents.remove_button.click()
    qtbot.waitUntil(lambda: resident_cells(page, 1) == ["张伟"])
    with db.session() as s:
        assert [r.name for r in residents_of(s, page.unit_id)] == ["张伟"]


def test_delete_asks_naming_the_unit(page, qtbot, db):
    from app.services.units import UnitQuery, count_units

    page.table.selectRow(1)
    asked = answer_next_dialog(
        qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click()
    )
    page.delete_action.trigger()
    assert asked["text"] == "Delete unit 3栋 1501 and its 1 resident(s)?"
    qtbot.waitUntil(lambda: visible_codes(page) == ["1-2-301", "3-1502"])
    with db.session() as s:
        assert count_units(s, UnitQuery(estate_id=page.ctx.estate_id)) == 2


def test_empty_estate_says_what_to_do(ctx, qtbot):
    from ui.units.page import UnitsPage

    page = UnitsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty)
    assert page.empty.text() == "No units yet — press Ctrl+N to add one or Import… to read a file."


def test_the_list_fetches_pages_lazily(ctx, db, qtbot):
    from app.services.demo import fill_demo
    from ui.units.page import UnitsPage
    from ui.widgets.paged_model import PAGE_SIZE

    with db.session() as s:
        fill_demo(s, ctx.estate_id, units=450, seed=3)
    page = UnitsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_loaded(qtbot, page)
    assert page.model.total == 450
    assert page.model.rowCount() == PAGE_SIZE
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE_SIZE, timeout=2000)
    assert page.model.rowCount() <= 450


def test_an_open_list_shows_a_unit_a_sync_wrote_without_a_click(page, qtbot, db):
    """A pulled sync page is committed by another unit of work on another thread, marked
    as coming from sync: the open list, its count and the tree show it by themselves."""
    from app.services.units import create_unit
    from app.store.db import mark_source

    def pulled() -> None:
        with db.session() as s:
            mark_source(s, "sync")
            create_unit(s, page.ctx.estate_id, UnitInput(building="9栋", room="901", area_m2="70"))

    seen = []
    page.ctx.changes.changed.connect(lambda changes: seen.append(changes.source))
    writer = threading.Thread(target=pulled)
    writer.start()
    writer.join()
    qtbot.waitUntil(lambda: "9-901" in visible_codes(page))
    assert page.count.text() == "4 units"
    qtbot.waitUntil(lambda: page.tree.topLevelItem(0).text(0) == "阳光花园  (4)")
    assert "sync" in seen


def test_the_unit_shown_follows_an_edit_made_elsewhere_unless_typing(page, qtbot, db):
    from app.services.units import operations as units

    page.table.selectRow(2)  # 3-1502
    detail = units.read_unit(db, page.unit_id)
    units.save_unit(db, page.ctx.estate_id, page.unit_id, replace(detail.input, floor="16"))
    qtbot.waitUntil(lambda: page.form.editors["floor"].text() == "16")

    type_text(qtbot, page.form.editors["floor"], "7")  # the user is typing: 167
    units.save_unit(db, page.ctx.estate_id, page.unit_id, replace(detail.input, area_m2="91"))
    qtbot.waitUntil(lambda: any(r.area_m2 == Decimal("91.00") for r in page.model.rows))
    assert page.form.editors["floor"].text() == "167"  # nothing typed is lost


def test_f5_in_the_window_reads_the_units_again(ctx, units, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("units")
    wait_loaded(qtbot, page)
    with qtbot.waitSignal(page.model.loaded), qtbot.waitSignal(ctx.ticker.ticked):
        assert window.refresh_current() is True
    assert visible_codes(page) == ["1-2-301", "3-1501", "3-1502"]
