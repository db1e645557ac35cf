"""An administrator edits the estate's permission matrix from Settings while online: the
ticked cells go to the server's administrator endpoint (their password checked there),
the change comes back down by sync, the desk's operations enforce it and the audit trail
names the administrator. Offline or for another role the grid is read-only with the
reason. Against the real server on loopback (uvicorn in a subprocess).

Issue 16: "An administrator edits the matrix from the desk's Settings while online,
through the server's administrator endpoint (issue 9), or with the server's CLI. It is
synced down."
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.services import accounts, permissions
from app.store.audit_models import AuditEntry
from app.store.db import Database
from sync import client as sync_client
from sync.server.db import make_engine
from sync.server.models import ChangeLog
from tests.e2e.conftest import ServerProcess
from tests.ui import test_sync_page as sync_page_tests
from tests.ui.conftest import type_text
from tests.ui.test_sync_page import elsewhere

# the Sync page tests' fixtures: a server on loopback, the qasync loop and waiting on it
sqlite_server = sync_page_tests.sqlite_server
qt_loop, do, wait = sync_page_tests.qt_loop, sync_page_tests.do, sync_page_tests.wait


def cell(box, role: str, permission: str):
    matrix = box.loaded
    return box.table.item(matrix.permissions.index(permission), matrix.roles.index(role))


@pytest.fixture
def enrolled(sqlite_server: ServerProcess, tmp_path):
    """A server with 阳光花园, an administrator and a cashier; a desk enrolled and synced."""
    server = sqlite_server
    estate_id = server.admin("estates", "add", "阳光花园").split("\t")[1]
    for login, role in (("boss", "admin"), ("qian", "cashier")):
        server.admin(
            "users", "add", login, "--role", role, "--estate", "阳光花园", "--password-stdin",
            stdin=f"{login}-secret-1\n",
        )  # fmt: skip
    code = server.admin("enroll-code", "--estate", "阳光花园").split()[0]
    db = Database(tmp_path / "desk.sqlite3")
    elsewhere(sync_client.run_enroll, db, server.url, code, "desk")
    elsewhere(sync_client.run_sync, db)
    yield server, db, estate_id
    db.close()


def open_box(qtbot, wait, db, login: str, estate_id: str):
    from ui.settings.permissions import PermissionsBox
    from ui.shell.signin import context_for
    from ui.sync_page.background import background_for

    user = accounts.log_in(db, login, f"{login}-secret-1")
    ctx = context_for(db, user, estate_id)
    background_for(ctx)  # the window's background sync (saving starts it)
    box = PermissionsBox(ctx)
    qtbot.addWidget(box)
    box.show()
    wait(lambda: box.loaded is not None)
    return ctx, box


def test_an_administrator_ticks_a_cell_saves_it_on_the_server_and_the_desk_enforces_it(
    qtbot, app, wait, enrolled
):
    server, db, estate_id = enrolled
    ctx, box = open_box(qtbot, wait, db, "boss", estate_id)
    wait(lambda: box.editable)
    assert box.save_matrix.isEnabled() and "type your password" in box.matrix_reason.text()
    with db.session() as s:
        cashier = accounts.find_staff(s, "qian").id
    assert not permissions.allows(db, cashier, "fees.adjust")
    item = cell(box, "cashier", "fees.adjust")
    assert item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)
    assert box.edited_cells() == [("cashier", "fees.adjust", True)]

    type_text(qtbot, box.admin_password, "not-my-password")
    wait.do(lambda: qtbot.mouseClick(box.save_matrix, Qt.MouseButton.LeftButton))
    wait(lambda: "did not accept" in box.matrix_result.text())
    assert item.checkState() == Qt.CheckState.Checked  # what was ticked stays
    assert not permissions.allows(db, cashier, "fees.adjust")

    box.admin_password.clear()
    type_text(qtbot, box.admin_password, "boss-secret-1")
    wait.do(lambda: qtbot.mouseClick(box.save_matrix, Qt.MouseButton.LeftButton))
    wait(lambda: "Saved on the server (1 changed)" in box.matrix_result.text())
    assert box.admin_password.text() == ""
    # the sync the save started brings the cell down; the grid shows it in bold
    wait(lambda: permissions.allows(db, cashier, "fees.adjust"))
    wait(lambda: ("cashier", "fees.adjust") in box.loaded.changed)
    assert cell(box, "cashier", "fees.adjust").font().bold()
    with db.session() as s:
        boss = accounts.find_staff(s, "boss").id
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "role_permissions")
        ).one()
    assert (entry.action, entry.actor_id, entry.actor_role) == ("permissions.change", boss, "admin")
    assert entry.after["allowed"] is True
    engine = make_engine(server.db_url)
    try:
        with engine.connect() as conn:
            authors = set(
                conn.scalars(
                    select(ChangeLog.author).where(ChangeLog.table_name == "role_permissions")
                )
            )
    finally:
        engine.dispose()
    assert authors == {boss}


def test_a_cashier_sees_the_grid_read_only_with_the_reason(qtbot, app, wait, enrolled):
    _server, db, estate_id = enrolled
    _ctx, box = open_box(qtbot, wait, db, "qian", estate_id)
    wait(lambda: "Cashier" in box.matrix_reason.text())
    assert not box.editable and not box.save_matrix.isEnabled()
    assert "Cashier" in box.matrix_reason.text()
    item = cell(box, "cashier", "payments.take")
    assert item.text() == "✓" and not (item.flags() & Qt.ItemFlag.ItemIsUserCheckable)


def test_offline_the_administrator_s_grid_is_read_only_and_says_so(qtbot, app, wait, enrolled):
    server, db, estate_id = enrolled
    server.stop()
    with pytest.raises(sync_client.SyncFailure):
        elsewhere(sync_client.run_sync, db)  # the last sync found the server away
    _ctx, box = open_box(qtbot, wait, db, "boss", estate_id)
    wait(lambda: "only while" in box.matrix_reason.text())
    assert not box.editable and not box.admin_password.isEnabled()
    assert "only while the server can be reached" in box.matrix_reason.text()
