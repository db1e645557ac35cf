"""Start-up of the desktop application: QApplication, look, language, database, log-in.

Imports stay inside functions where they can, so the window shows quickly.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
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
    if app.property("propdesk_language"):  # already set up (tests, a second window)
        return app
    language = chosen_language(lang)
    app.setProperty("propdesk_language", language)
    install_translators(app, language)
    apply_theme(app)
    return app


def open_database(path: Path):
    from app.store.db import Database

    return Database(path)


class _FirstPaint(QObject):
    """Prints the wall-clock time of the window's first paint and quits (bench/startup.py)."""

    painted = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True  # the window and its sidebar both report; the first counts
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def run(
    db_path: Path, lang: str | None, first_paint_exit: bool = False, start_page: str | None = None
) -> int:
    app = make_application(lang)
    try:
        db = open_database(db_path)
    except Exception as error:  # a locked, damaged or newer database: say so, do not crash
        QMessageBox.critical(
            None,
            "PropDesk",
            QCoreApplication.translate("Startup", "The database %1 could not be opened:\n%2")
            .replace("%1", str(db_path))
            .replace("%2", str(error)),
        )
        return 1

    if first_paint_exit:
        from ui.shell.signin import rendering_context

        ctx = rendering_context(db)
        if ctx is None:
            print("no estate in this database", file=sys.stderr)
            return 1
    else:
        ctx = sign_in(db)
        if ctx is None:
            return 0

    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show_page(window.start_page(start_page))
    if first_paint_exit:
        window.installEventFilter(painter := _FirstPaint(window))
        window.sidebar.installEventFilter(painter)
    window.show()
    if db.backup is not None:
        ctx.events.status_message.emit(
            QCoreApplication.translate(
                "Startup", "Database updated; the previous version was kept as %1"
            ).replace("%1", db.backup.name)
        )
    return app.exec()


def sign_in(db):
    """First start (create the administrator, offer demo data) or log in; None if cancelled."""
    from app.services.accounts import has_staff
    from ui.shell.login import LoginDialog
    from ui.shell.signin import context_for

    with db.session() as s:
        first_start = not has_staff(s)
    if first_start:
        from ui.shell.demo_offer import offer_demo
        from ui.shell.first_start import FirstStartDialog

        dialog = FirstStartDialog(db)
        if dialog.exec() != FirstStartDialog.DialogCode.Accepted:
            return None
        offer_demo(db, dialog.estate_id)
    login = LoginDialog(db)
    if first_start:
        login.login.setText(dialog.login.text())
        login.password.setFocus()
    if login.exec() != LoginDialog.DialogCode.Accepted:
        return None
    return context_for(db, login.user, login.estate_id)


def offscreen_if_headless() -> None:
    """Rendering tools work without a display (CI, servers)."""
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
