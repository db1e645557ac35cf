"""An enrolled desk with no estate yet is never offered the first-start dialog (a local
estate and administrator): before the log-in its first sync runs, with the Sync page's
progress; cancelled, it says so and the next start goes on from where it stopped.
Against the real server process on loopback."""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from app.services.accounts import needs_first_start
from app.store.db import Database
from tests.e2e.conftest import ServerProcess, propdesk
from tests.sync.conftest import pg_url, server_url  # noqa: F401  (fixtures)

ESTATE = "阳光花园"


@pytest.fixture
def enrolled(server_url, tmp_path):  # noqa: F811
    """A server with an estate, its units (from desk a) and a receptionist; a desk enrolled
    on the command line without its first sync."""
    from app.domain.units import UnitInput
    from app.services.units import create_unit

    server = ServerProcess(server_url)
    server.start()
    estate_id = server.admin("estates", "add", ESTATE).split("\t")[1]
    server.admin(
        "users", "add", "wang", "--role", "receptionist", "--estate", ESTATE,
        "--password-stdin", stdin="correct horse\n",
    )  # fmt: skip
    a_path = tmp_path / "a" / "desk.sqlite3"
    a_path.parent.mkdir()
    a = Database(a_path)
    with a.session() as s:
        for n in range(6):
            create_unit(s, estate_id, UnitInput(building="1栋", room=f"10{n}", area_m2="90"))
    a.close()
    code = server.admin("enroll-code", "--estate", ESTATE)
    assert propdesk(a_path, "enroll", "--server", server.url, "--code", code).returncode == 0
    path = tmp_path / "b" / "desk.sqlite3"
    path.parent.mkdir()
    code = server.admin("enroll-code", "--estate", ESTATE)
    done = propdesk(path, "enroll", "--server", server.url, "--code", code, "--no-sync")
    assert done.returncode == 0, done.stderr
    db = Database(path)
    yield db
    db.close()
    server.stop()


def _answering(plan):
    """Watch the modal dialogs while ``sign_in`` runs; ``plan(dialog)`` handles each new
    one (the progress dialog is left to run unless the plan acts on it)."""
    seen, state = [], {"done": False}

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            if not seen or seen[-1] is not dialog:
                seen.append(dialog)
            plan(dialog)
        if not state["done"]:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    return seen, state


def test_an_enrolled_desk_receives_its_estate_before_the_log_in(enrolled, app, qtbot):
    from ui.app import sign_in
    from ui.shell.login import LoginDialog

    assert needs_first_start(enrolled)  # no staff here yet: the first-start case before
    texts = []

    def plan(dialog):
        if isinstance(dialog, QProgressDialog):
            texts.append(dialog.labelText())
        elif isinstance(dialog, LoginDialog):
            dialog.reject()  # the estate is here: the log-in is what comes next
        else:
            dialog.reject()

    seen, state = _answering(plan)
    ctx = sign_in(enrolled)
    state["done"] = True
    names = [type(d).__name__ for d in seen]
    assert "FirstStartDialog" not in names
    assert names[-1] == "LoginDialog" and "QProgressDialog" in names
    assert ctx is None  # the log-in was refused
    assert not needs_first_start(enrolled)  # the server's accounts arrived
    with enrolled.session() as s:
        from app.services.units import list_estates

        assert [e.name for e in list_estates(s)] == [ESTATE]


def test_a_cancelled_first_sync_says_so_and_the_next_start_goes_on(
    enrolled, app, qtbot, monkeypatch
):
    from sync.client import core, snapshot
    from ui.app import sign_in
    from ui.shell.login import LoginDialog

    monkeypatch.setattr(snapshot, "SNAPSHOT_PAGE", 2)
    fetch = core.SyncClient._fetch_snapshot
    calls = []

    async def slow_after_the_first_page(self, http, progress):
        calls.append(progress)
        if len(calls) > 1:
            await asyncio.sleep(120)  # a slow line: the cancel comes first
        return await fetch(self, http, progress)

    monkeypatch.setattr(core.SyncClient, "_fetch_snapshot", slow_after_the_first_page)
    told = []

    def cancel_once_receiving(dialog):
        if isinstance(dialog, QProgressDialog):
            if "Receiving the estate" in dialog.labelText() and not dialog.wasCanceled():
                dialog.findChild(QPushButton).click()  # Cancel
        elif isinstance(dialog, QMessageBox):
            told.append(dialog.text())
            dialog.button(QMessageBox.StandardButton.Close).click()
        else:
            dialog.reject()

    seen, state = _answering(cancel_once_receiving)
    assert sign_in(enrolled) is None
    state["done"] = True
    assert [type(d).__name__ for d in seen] == ["QProgressDialog", "QMessageBox"]
    assert "first sync did not finish" in told[0] and "Cancelled" in told[0]
    assert needs_first_start(enrolled)
    with enrolled.session() as s:
        from app.store.recorder import get_state

        stopped = json.loads(get_state(s, snapshot.SNAPSHOT) or "{}")
    assert stopped.get("done", 0) >= 2  # the pages received are kept

    monkeypatch.setattr(core.SyncClient, "_fetch_snapshot", fetch)  # the line is fine again

    def log_in_refused(dialog):
        if isinstance(dialog, LoginDialog | QMessageBox):
            dialog.reject()

    seen, state = _answering(log_in_refused)
    sign_in(enrolled)
    state["done"] = True
    names = [type(d).__name__ for d in seen]
    assert "FirstStartDialog" not in names and names[-1] == "LoginDialog"
    assert not needs_first_start(enrolled)
