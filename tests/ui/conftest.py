"""Qt tests: real widgets offscreen, real SQLite, settings in a temporary folder."""

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """Window geometry and language go to a throw-away INI file, not the user's."""
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture
def app(qapp):
    from ui.app import make_application

    return make_application("en")


@pytest.fixture
def admin(db, estate_id):
    """The first administrator of 阳光花园: login "admin", password "correct horse"."""
    from app.services.accounts import create_staff

    with db.session() as s:
        return create_staff(
            s,
            login="admin",
            display_name="王经理",
            role="admin",
            password="correct horse",
            estate_ids=[estate_id],
        )


@pytest.fixture
def ctx(db, estate_id, admin, app):
    from ui.shell.signin import context_for

    return context_for(db, admin, estate_id)


def answer_next_dialog(qtbot, handle, timeout_ms=5000):
    """Run ``handle(dialog)`` on the next modal dialog once it is shown (a user's answer)."""
    done = {}

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        done["dialog"] = dialog
        done["text"] = dialog.text() if hasattr(dialog, "text") else dialog.windowTitle()
        handle(dialog)

    QTimer.singleShot(0, poll)
    return done


def type_text(qtbot, widget, text):
    """Type like a user: keys for ASCII, an input-method commit for Chinese (as a 拼音 IME does)."""
    from PySide6.QtGui import QInputMethodEvent

    chunk = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            if chunk:
                QApplication.sendEvent(widget, QInputMethodEvent("", []))
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(widget, event)
                chunk = ""
            qtbot.keyClicks(widget, char)
        elif char != "\0":
            chunk += char
        elif chunk:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def modules_loaded_by(script: str, modules: tuple[str, ...], config_dir) -> list[str]:
    """Which of ``modules`` a fresh offscreen Python has imported after running ``script``
    (start-up cost: what the first window pulls in)."""
    import ast
    import os
    import subprocess
    import sys

    probe = f"{script}\nimport sys; print(sorted(m for m in {modules!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config_dir)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return ast.literal_eval(done.stdout.strip().splitlines()[-1])
