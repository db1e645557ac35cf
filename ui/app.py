"""Start-up of the desktop application: QApplication, look, language, database, log-in.

Imports stay inside functions where they can, so the window shows quickly.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.i18n import chosen_language, install_translators
from ui.theme import apply_theme


def make_application(lang: str | None = None, argv: list[str] | None = None) -> QApplication:
    """The one QApplication, themed and translated (re-used when it already exists)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("PropDesk")
    app.setOrganizationName("PropDesk")
    from app import __version__
    from ui.shell.about import app_icon

    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    if app.property("propdesk_language"):  # already set up (tests, a second window)
        return app
    from ui.widgets.collector import collect_on_ui_thread

    collect_on_ui_thread(app)  # never on a worker: see ui.widgets.collector
    language = chosen_language(lang)
    app.setProperty("propdesk_language", language)
    install_translators(app, language)
    apply_theme(app)
    return app


def open_database(path: Path):
    from app.store.db import Database

    return Database(path)


class _FirstPaint(QObject):
    """Calls ``painted`` once, at the first paint of the widgets it watches."""

    def __init__(self, painted) -> None:
        super().__init__()
        self.painted = painted
        self.done = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True  # the window and its sidebar both report; the first counts
            self.painted()
        return False


def _until_painted(window) -> None:
    """Run the event loop until ``window`` has painted (at most a second: a minimised or
    hidden window may never paint), so it is on screen before the slow work that follows."""
    loop = QEventLoop()
    watcher = _FirstPaint(lambda: QTimer.singleShot(0, loop.quit))
    window.installEventFilter(watcher)
    QTimer.singleShot(1000, loop.quit)
    loop.exec()
    window.removeEventFilter(watcher)


def _report_paint(label: str):
    """For bench/startup.py: the wall-clock time of a paint and the CPU time the process
    had used by then (all its threads), on stdout."""
    return lambda: print(f"{label} {time.time():.6f} {time.process_time():.6f}", flush=True)


def run(
    db_path: Path, lang: str | None, first_paint_exit: bool = False, start_page: str | None = None
) -> int:
    app = make_application(lang)
    instance = None
    if not first_paint_exit:  # one window per database; the bench may run beside one
        from ui.shell.single import already_open_text, claim

        instance = claim(db_path)
        if instance is None:
            QMessageBox.information(None, "PropDesk", already_open_text(db_path))
            return 0
    from ui.main_window import MainWindow

    # The window's frame first (it needs no database): the database layer takes about half
    # a second to import, and the log-in and the start page follow in the same window.
    window = MainWindow()
    if instance is not None:
        instance.window = window
    window.show_page(window.start_page(start_page))
    if first_paint_exit:
        window.installEventFilter(shown := _FirstPaint(_report_paint("first-paint")))
    window.show()
    _until_painted(window)
    db, recovered = open_checked(db_path, window)
    if db is None:
        return 1
    window.statusBar().clearMessage()

    if first_paint_exit:
        from ui.shell.signin import rendering_context

        ctx = rendering_context(db)
        if ctx is None:
            print("no estate in this database", file=sys.stderr)
            return 1
    else:
        ctx = sign_in(db, window) if window.isVisible() else None
        # closed before anyone logged in (the frame can be closed while it waits): nothing
        # would be on screen, and Qt ends its loop only when a last window closes in it
        if ctx is None or not window.isVisible():
            return 0

    if first_paint_exit:
        window.removeEventFilter(shown)
        ready = _FirstPaint(_report_paint("page-painted"))
        window.installEventFilter(ready)
    window.attach(ctx)
    window.update()
    # What start-up made (modules, models, the page) lives as long as the window: the UI
    # thread's collector (ui.widgets.collector) need not walk it again at each full pass,
    # the first of which would otherwise fall about when the start page's numbers arrive.
    gc.freeze()
    if first_paint_exit:  # the start page's reads are in and painted; sync is not loaded yet
        window.data_painted.connect(_then_quit(_report_paint("data-painted")))
    if not first_paint_exit:
        from ui.shell.backups import BackupSchedule
        from ui.shell.recovery import offer_recovery_later

        window.backup_schedule = BackupSchedule(ctx, window)
        window.backup_schedule.damaged.connect(
            lambda problem: offer_recovery_later(window, db_path, problem)
        )
        window.backup_schedule.start()
        from ui.shell.screen_lock import IdleLock

        window.idle_lock = IdleLock(ctx, window)  # locks after the set idle minutes
    if db.backup is not None:
        ctx.events.status_message.emit(
            QCoreApplication.translate(
                "Startup", "Database updated; the previous version was kept as %1"
            ).replace("%1", db.backup.name)
        )
    if recovered:
        ctx.events.status_message.emit(recovered)
    from ui.async_loop import run_event_loop  # asyncio (the sync client) on Qt's loop

    code = run_event_loop(app)
    return restore_if_asked(db, instance) or code


def open_checked(db_path: Path, parent=None):
    """The database, with None, when its header and schema read well (milliseconds; every
    page is checked by the first backup, a few seconds after start: BackupSchedule);
    when it is damaged or unreadable, what the recovery dialog did (a backup restored, or
    an empty start) and a sentence saying so. (None, None) when the user quits or it still
    cannot be opened."""
    from app.services import backups

    problem = backups.check_schema(db_path, busy_is_damage=False)
    if problem is None:
        try:
            return open_database(db_path), None
        except Exception as error:  # noqa: BLE001 (a damaged file fails in many places)
            if not _damaged(error):
                _cannot_open(parent, db_path, error)
                return None, None
            problem = str(getattr(error, "orig", None) or error)
    from ui.shell.recovery import RecoveryDialog

    dialog = RecoveryDialog(db_path, problem, backups.latest_good_backup(db_path), parent)
    if dialog.exec() != RecoveryDialog.DialogCode.Accepted:
        return None, None
    try:
        return open_database(db_path), dialog.summary()
    except Exception as error:  # noqa: BLE001
        _cannot_open(parent, db_path, error)
        return None, None


def _damaged(error: BaseException) -> bool:
    """SQLite says the file is not a sound database (SQLAlchemy wraps its error in
    ``orig``); a locked or unwritable file is not damage."""
    from app.services.backups import is_damage

    return is_damage(getattr(error, "orig", None) or error)


def _cannot_open(parent, db_path: Path, error: BaseException | str) -> None:
    """A locked or newer database, a folder that cannot be written: say so, do not crash."""
    QMessageBox.critical(
        parent,
        "PropDesk",
        QCoreApplication.translate("Startup", "The database %1 could not be opened:\n%2")
        .replace("%1", str(db_path))
        .replace("%2", str(error)),
    )


def restore_if_asked(db, instance, restart: bool = True) -> int:
    """After the window closed: the backup chosen in Settings replaces the database, and
    PropDesk starts again on it (``restart``). 0 when nothing was asked or it worked."""
    from app.services import backups
    from ui.shell.backups import PENDING

    asked = PENDING.pop(str(db.path), None)
    if asked is None:
        return 0
    backup, reason = asked
    db.close()
    try:
        if backup is None:  # damaged, and no good backup: start empty
            backups.set_aside(db.path, reason)
        else:
            backups.restore_backup(db.path, backup, reason)
    except backups.BackupError as error:
        from ui.messages import describe

        _cannot_open(None, db.path, describe(error))
        return 1
    if instance is not None:
        instance.release()
    if not restart:
        return 0
    from PySide6.QtCore import QProcess

    if getattr(sys, "frozen", False):
        program, arguments = sys.executable, sys.argv[1:]
    else:
        program, arguments = sys.executable, ["-m", "ui.launcher", *sys.argv[1:]]
    QProcess.startDetached(program, arguments)
    return 0


def _then_quit(report):
    def report_and_quit() -> None:
        report()
        QTimer.singleShot(0, QApplication.instance().quit)

    return report_and_quit


def sign_in(db, window=None):
    """First start (create the administrator, offer demo data) or log in, over ``window``;
    None if cancelled."""
    from app.services.accounts import needs_first_start
    from ui.shell.login import LoginDialog
    from ui.shell.signin import context_for
    from ui.widgets.ops import Runner

    runner = Runner()  # the window's runner from here on
    first_start = needs_first_start(db)
    if first_start:
        from ui.shell.first_sync import awaits_first_sync, receive_estate

        if awaits_first_sync(db):  # enrolled: estate and accounts come from the server
            if not receive_estate(db, window):
                return None
            first_start = False
    if first_start:
        from ui.shell.demo_offer import offer_demo
        from ui.shell.first_start import FirstStartDialog

        dialog = FirstStartDialog(db, window)
        if dialog.exec() != FirstStartDialog.DialogCode.Accepted:
            return None
        # the log-in follows once the demo data is written (or cancelled): like a dialog's
        # exec(), this waits in an event loop, so the progress dialog can be seen and used
        writing = QEventLoop()
        if offer_demo(db, dialog.estate_id, runner, window, done=lambda _ok: writing.quit()):
            writing.exec()
        # the administrator just created is the one logged in (and acts from now on)
        db.actor = dialog.user.id
        return context_for(db, dialog.user, dialog.estate_id, runner=runner)
    login = LoginDialog(db, window)
    if login.exec() != LoginDialog.DialogCode.Accepted:
        return None
    return context_for(db, login.user, login.estate_id, runner=runner)


def offscreen_if_headless() -> None:
    """Rendering tools work without a display (CI, servers)."""
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
