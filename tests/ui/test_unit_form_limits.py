"""The unit form refuses what the server cannot store (issue 12, "Never wedged"): a
72-character building name and a floor of 3,000,000,000 are marked with their messages,
nothing is saved or queued, and every typed character stays in the form."""

import pytest
from sqlalchemy import func, select

from tests.ui.conftest import type_text


@pytest.fixture
def page(ctx, qtbot):
    from ui.units.page import UnitsPage

    widget = UnitsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    qtbot.waitUntil(lambda: not widget.model.loading)
    return widget


def test_a_building_name_too_long_for_the_server_is_shown_and_the_typing_kept(page, qtbot, db):
    from app.store.models import Building, SyncOutbox, Unit

    def stored():
        with db.session() as s:
            return [
                s.scalar(select(func.count()).select_from(m)) for m in (Unit, Building, SyncOutbox)
            ]

    before = stored()
    building = "阳光花园东区" * 12  # 72 characters; buildings.name is String(50)
    assert len(building) == 72
    page.new_action.trigger()
    type_text(qtbot, page.form.editors["building"], building)
    type_text(qtbot, page.form.editors["room"], "1502")
    type_text(qtbot, page.form.editors["floor"], "3000000000")
    type_text(qtbot, page.form.editors["area_m2"], "89.50")

    field = page.form.fields["building"]
    qtbot.waitUntil(lambda: field.message.isVisible())
    assert field.message.text() == "At most 50 characters"
    floor = page.form.fields["floor"]
    assert floor.message.text() == "Floor must be between -2147483648 and 2147483647"
    assert not page.save_action.isEnabled()

    assert page.save() is False  # Ctrl+S pressed anyway
    assert page.notice.isVisible()
    assert "At most 50 characters" in page.notice.text()
    assert page.form.editors["building"].text() == building
    assert page.form.editors["floor"].text() == "3000000000"
    assert page.form.editors["room"].text() == "1502"
    assert stored() == before  # nothing saved, nothing waiting to go up

    # shortened, the same form saves
    page.form.editors["building"].selectAll()
    type_text(qtbot, page.form.editors["building"], "6栋")
    page.form.editors["floor"].selectAll()
    type_text(qtbot, page.form.editors["floor"], "15")
    assert page.save() is True
    assert page.notice.text() == "Saved 6栋 1502"
