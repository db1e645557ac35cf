"""Icons draw the glyph in the colour of their mode, cheaply, without loading qtpy."""

import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from tests.ui.conftest import modules_loaded_by
from ui.pages import PAGES
from ui.widgets.icons import ACTIVE, DISABLED, NORMAL, icon


def colours_in(pixmap) -> set[str]:
    image = pixmap.toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_every_sidebar_icon_draws_in_the_colour_of_its_mode(app):
    for spec in PAGES:
        sidebar_icon = icon(spec.icon, active_color=ACTIVE)
        assert not sidebar_icon.isNull()
        assert colours_in(sidebar_icon.pixmap(QSize(32, 32))) == {QColor(NORMAL).name()}
        selected = sidebar_icon.pixmap(QSize(32, 32), QIcon.Mode.Selected)
        assert colours_in(selected) == {QColor(ACTIVE).name()}
        disabled = sidebar_icon.pixmap(QSize(32, 32), QIcon.Mode.Disabled)
        assert colours_in(disabled) == {QColor(DISABLED).name()}


def test_painting_icons_many_times_leaves_none_alone(app):
    icons = [icon(spec.icon) for spec in PAGES]
    before = sys.getrefcount(None)
    for _ in range(300):
        for each in icons:
            for mode in (QIcon.Mode.Normal, QIcon.Mode.Active, QIcon.Mode.Disabled):
                each.pixmap(QSize(18, 18), mode)
    assert abs(sys.getrefcount(None) - before) < 50  # 7,200 paints; a leak shows thousands


def test_an_unknown_icon_name_is_a_clear_error(app):
    try:
        icon("fa5s.no-such-glyph")
    except KeyError as error:
        assert "fa5s.no-such-glyph" in str(error)
    else:
        raise AssertionError("an unknown icon was accepted")


def test_the_main_window_does_not_load_qtpy(db, estate_id, admin, tmp_path):
    """qtawesome's qtpy re-exports every Qt module: half a second at every start."""
    script = (
        "from ui.app import make_application; make_application('en');"
        "from ui.shell.signin import rendering_context; from app.store.db import Database;"
        f"ctx = rendering_context(Database({str(db.path)!r}));"
        "from ui.main_window import MainWindow; w = MainWindow(ctx); w.show_page('units')"
    )
    assert modules_loaded_by(script, ("qtpy", "qtawesome"), tmp_path) == []
