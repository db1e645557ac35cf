"""First start, log-in, the main window and its sidebar, the status bar."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.ui.conftest import modules_loaded_by, type_text
from ui.pages import PAGES


def test_first_start_creates_estate_and_administrator(db, app, qtbot):
    from app.services.accounts import authenticate, has_staff
    from app.services.units import list_estates
    from ui.shell.first_start import FirstStartDialog

    dialog = FirstStartDialog(db)
    qtbot.addWidget(dialog)
    assert not dialog.create_button.isEnabled()
    type_text(qtbot, dialog.estate, "阳光花园")
    qtbot.keyClicks(dialog.login, "admin")
    type_text(qtbot, dialog.display_name, "王经理")
    qtbot.keyClicks(dialog.password, "short")
    assert not dialog.create_button.isEnabled()
    assert dialog.fields["password"].message.text() == "At least 8 characters"
    qtbot.keyClicks(dialog.password, "-enough")
    qtbot.keyClicks(dialog.repeat, "short-enougH")
    assert dialog.fields["repeat"].message.text() == "The two passwords differ"
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "short-enough")
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as s:
        assert has_staff(s)
        user = authenticate(s, "admin", "short-enough")
        assert user is not None and user.role == "admin" and user.display_name == "王经理"
        assert [e.name for e in list_estates(s)] == ["阳光花园"]
        assert user.estate_ids == [dialog.estate_id]


def test_login_refuses_a_bad_password_and_keeps_the_login(db, admin, app, qtbot):
    from ui.shell.login import LoginDialog

    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "admin")
    qtbot.keyClicks(dialog.password, "wrong password")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Login or password is wrong. Try again."
    assert dialog.login.text() == "admin"

    qtbot.keyClicks(dialog.password, "correct horse")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.login == "admin"


def test_login_asks_for_the_estate_when_the_account_has_several(db, estate_id, app, qtbot):
    from app.services.accounts import create_staff
    from app.services.units import create_estate
    from ui.shell.login import LoginDialog

    with db.session() as s:
        other = create_estate(s, "碧水苑").id
        create_staff(
            s,
            login="li",
            display_name="李娜",
            role="receptionist",
            password="desk-pass-8",
            estate_ids=[estate_id, other],
        )
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "li")
    qtbot.keyClicks(dialog.password, "desk-pass-8")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.estate.isVisible()
    assert [dialog.estate.itemText(i) for i in range(dialog.estate.count())] == [
        "碧水苑",
        "阳光花园",
    ]
    dialog.estate.setCurrentIndex(0)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.estate_id == other


def test_every_sidebar_entry_shows_its_page(ctx, qtbot):
    from ui.main_window import MainWindow
    from ui.widgets.placeholder import NotBuiltPage, PageFailed

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    for row, spec in enumerate(PAGES):
        window.sidebar.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert window.current_key() == spec.key
        assert page.isVisible()
        assert not isinstance(page, PageFailed), page.note.text()
        if spec.factory is None:
            assert isinstance(page, NotBuiltPage)
            assert "not built yet" in page.note.text()
        else:
            assert not isinstance(page, NotBuiltPage)
    units_row = [p.key for p in PAGES].index("units")
    assert window.sidebar.item(units_row).text() == "Units & Residents"


def test_ctrl_number_switches_pages(ctx, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == PAGES[7].key
    assert window.sidebar.currentRow() == 7
    units_key = Qt.Key(Qt.Key.Key_1.value + [p.key for p in PAGES].index("units"))
    qtbot.keyClick(window.sidebar, units_key, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "units"


def test_status_bar_tells_user_estate_and_true_sync_state(ctx, qtbot):
    from app.domain.units import UnitInput
    from app.services.units import create_unit
    from app.store.recorder import set_state
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status.sync.text() == "Sync not set up")
    assert window.status.user.text() == "王经理 · Administrator"
    assert window.status.estate.text() == "阳光花园"

    with ctx.db.session() as s:
        create_unit(s, ctx.estate_id, UnitInput(building="1栋", room="101", area_m2="80"))
        set_state(s, "server_url", "https://hq.example.cn")
        set_state(s, "device_token", "t")  # enrolled
        set_state(s, "server_device_id", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
        set_state(s, "last_sync_at", "2026-11-20T02:30:00+00:00")
    # the commit's change event alone brings the bar up to date (read in the background)
    qtbot.waitUntil(lambda: "change(s) waiting" in window.status.sync.text())
    text = window.status.sync.text()
    assert "last sync 2026-11-20 10:30" in text
    waiting = int(text.split()[0])
    assert waiting >= 4  # estate, staff, building, unit all wait in the outbox

    ctx.events.status_message.emit("Saved 1栋 101")
    assert window.status.currentMessage() == "Saved 1栋 101"

    with ctx.db.session() as s:  # a sync finished: nothing waits any more
        from app.store.models import SyncOutbox

        s.query(SyncOutbox).delete()
        set_state(s, "last_sync_at", "2026-11-21T02:30:00+00:00")
    ctx.events.sync_state_changed.emit()
    qtbot.waitUntil(lambda: "0 change(s) waiting" in window.status.sync.text())
    assert "last sync 2026-11-21 10:30" in window.status.sync.text()


def test_a_page_that_fails_to_open_says_so(ctx, qtbot, monkeypatch):
    import ui.main_window as main_window
    from ui.pages import PageSpec
    from ui.widgets.placeholder import PageFailed

    broken = [PageSpec("broken", "Broken", "fa5s.bug", "ui.does_not_exist:Page")]
    monkeypatch.setattr(main_window, "PAGES", broken)
    window = main_window.MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("broken")
    assert isinstance(page, PageFailed)
    assert "ui.does_not_exist" in page.note.text()


@pytest.mark.parametrize("key", ["units", "complaints", "fees"])
def test_every_toolbar_action_is_in_view_at_1280_in_chinese(ctx, qtbot, key):
    """No action hides behind the toolbar's » at the usual office screen size."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        page = window.show_page(key)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: any(bar.isVisible() for bar in page.findChildren(QToolBar)))
        bars = [bar for bar in page.findChildren(QToolBar) if bar.isVisible()]
        assert bars
        for bar in bars:
            more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
            assert more is None or not more.isVisible(), f"{key}: actions hidden behind »"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))


def test_the_window_frame_shows_before_the_database_and_fills_in_when_attached(ctx, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_page("units")  # asked for before anyone is logged in
    window.show()
    assert window.statusBar().currentMessage() == "Opening the database…"
    assert window.sidebar.currentRow() == [p.key for p in PAGES].index("units")
    assert window.pages == {}  # no page is built without a database
    ticks = []
    ctx.ticker.ticked.connect(ticks.append)
    assert window.refresh_current() is False  # F5 on the bare frame does nothing
    assert window.pages == {} and ticks == []

    window.attach(ctx)
    assert window.current_key() == "units"
    assert window.stack.currentWidget() is window.pages["units"]
    assert window.windowTitle() == "PropDesk — 阳光花园"
    assert "admin" in window.status.user.toolTip()
    assert window.refresh_current() is True  # now F5 ticks the clock and refreshes
    assert len(ticks) == 1
    assert window.status.currentMessage() == "Refreshed"


def test_f5_is_bound_once_in_the_window(ctx, qtbot):
    from PySide6.QtGui import QKeySequence, QShortcut

    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    f5 = QKeySequence("F5")
    bound = [s for s in window.findChildren(QShortcut) if s.key() == f5]
    assert len(bound) == 1


def test_the_window_frame_needs_no_database_layer(tmp_path):
    """The frame is painted while SQLAlchemy (half a second) is still to be imported."""
    script = (
        "from ui.app import make_application; make_application('en');"
        "from ui.main_window import MainWindow; w = MainWindow(); w.show_page('units'); w.show()"
    )
    assert modules_loaded_by(script, ("sqlalchemy", "app.store.db"), tmp_path) == []


def test_closing_the_window_before_logging_in_ends_the_program(db, admin, tmp_path):
    """The frame shows before the database opens; closed then, no log-in follows and the
    process ends (before, it waited on a log-in for a window no longer there)."""
    script = (
        "import sys; import ui.app as start; painted = start._until_painted\n"
        "def painted_then_closed(window):\n"
        "    painted(window); window.close()\n"
        "start._until_painted = painted_then_closed\n"
        f"sys.exit(start.run(__import__('pathlib').Path({str(db.path)!r}), 'en'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_first_start_logs_the_new_administrator_in(db, app, qtbot):
    """No log-in dialog after the first start: the administrator just created works."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.app import sign_in
    from ui.shell.first_start import FirstStartDialog

    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and (not seen or seen[-1] is not dialog):
            seen.append(dialog)
            if isinstance(dialog, FirstStartDialog):
                dialog.estate.setText("阳光花园")
                dialog.login.setText("admin")
                dialog.password.setText("correct horse")
                dialog.repeat.setText("correct horse")
                dialog.create_button.click()
            elif isinstance(dialog, QMessageBox):  # the demo offer: no
                dialog.button(QMessageBox.StandardButton.No).click()
            else:  # a log-in dialog would stop here: refuse it
                dialog.reject()
        if not finished:
            QTimer.singleShot(20, answer)

    from PySide6.QtCore import QTimer

    finished = []
    QTimer.singleShot(0, answer)
    ctx = sign_in(db)
    finished.append(True)
    assert [type(d).__name__ for d in seen] == ["FirstStartDialog", "QMessageBox"]
    assert ctx is not None
    assert (ctx.user_login, ctx.role, ctx.estate_name) == ("admin", "admin", "阳光花园")


def test_the_window_has_an_icon_and_an_about_box_with_name_and_version(ctx, qtbot):
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from ui.main_window import MainWindow
    from ui.shell.about import AboutDialog

    assert not QApplication.windowIcon().isNull()
    window = MainWindow(ctx)
    window.remember = False
    qtbot.addWidget(window)
    seen = {}

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AboutDialog):
            QTimer.singleShot(20, read_and_close)
            return
        seen["name"], seen["version"] = dialog.name.text(), dialog.version.text()
        seen["details"] = dialog.details.text()
        dialog.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, read_and_close)
    window.about_action.trigger()
    assert seen["name"] == "PropDesk"
    assert seen["version"] == f"Version {__version__}"
    assert str(ctx.db.path) in seen["details"]


def test_the_window_remembers_its_geometry(ctx, qtbot):
    from ui.main_window import MainWindow

    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.resize(760, 530)  # inside the offscreen screen (800 x 600)
    first.show()
    qtbot.waitExposed(first)
    first.close()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 530)
