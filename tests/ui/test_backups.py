"""Local data safety: backups, restore from Settings, the recovery dialog for a damaged
database, receipt numbers across a restore, one window per database. Real SQLite files,
real widgets offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services import backups
from tests.e2e.conftest import live_server, pg_url, server_url  # noqa: F401


@pytest.fixture
def desk(tmp_path, app):
    """A database file with an estate, an administrator and one unit, closed again."""
    from app.services.accounts import start_first_estate
    from app.store.db import Database

    path = tmp_path / "desk" / "propdesk.sqlite3"
    db = Database(path)
    _user, estate_id = start_first_estate(
        db, estate="阳光花园", login="admin", display_name="王经理", password="correct horse"
    )
    db.close()
    return path, estate_id


def add_building(path: Path, estate_id: str, name: str) -> None:
    from app.store.db import Database

    db = Database(path)
    try:
        make_building(db, estate_id, name)
    finally:
        db.close()


def make_building(db, estate_id: str, name: str) -> None:
    from app.services.units.records import ensure_building

    with db.session() as s:
        ensure_building(s, estate_id, name)


def buildings(path: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(path) as c:
        return sorted(r[0] for r in c.execute("SELECT name FROM buildings"))


def outbox(path: Path) -> set[str]:
    import sqlite3

    with sqlite3.connect(path) as c:
        return {r[0] for r in c.execute("SELECT change_id FROM sync_outbox")}


def overwrite(path: Path, offset: int, length: int) -> None:
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(b"\xa5" * length)


def test_backups_are_checked_copies_and_the_last_n_are_kept(desk):
    path, estate_id = desk
    for day in range(1, 5):
        made = backups.make_backup(path, keep=3, now=datetime(2026, 12, day, 8, 0))
        assert backups.check_file(made.path) is None
    kept = backups.list_backups(path)
    assert [b.made_at.day for b in kept] == [4, 3, 2]
    assert not backups.backup_due(path, datetime(2026, 12, 4, 20, 0))
    assert backups.backup_due(path, datetime(2026, 12, 5, 8, 0))


def test_restore_round_trip_from_settings(desk, qtbot):
    """Back up from the Settings section, change the data, restore with the confirmation
    (which names the file and the backup's time): the data is the backup's again, the
    replaced file is kept, and the backup's unsynced changes are still in the outbox."""
    from app.store.db import Database
    from ui.app import restore_if_asked
    from ui.main_window import MainWindow
    from ui.shell.backups import BackupsBox
    from ui.shell.signin import rendering_context
    from ui.widgets.ops import wait_all

    path, estate_id = desk
    add_building(path, estate_id, "1号楼")
    db = Database(path)
    ctx = rendering_context(db)
    window = MainWindow(ctx)
    window.remember = False
    qtbot.addWidget(window)
    box = BackupsBox(ctx, window)
    qtbot.mouseClick(box.back_up, Qt.MouseButton.LeftButton)
    assert wait_all(ctx.runner)
    qtbot.waitUntil(lambda: box.choice.count() == 1)
    at_backup = outbox(path)
    assert at_backup  # the estate, the account and 1号楼 were never synced

    make_building(db, estate_id, "2号楼")
    assert buildings(path) == ["1号楼", "2号楼"]

    asked = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            asked["text"] = dialog.text()
            dialog.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, answer)

    answer()
    box.ask_restore()
    made = backups.list_backups(path)[0]
    assert made.made_at.strftime("%Y-%m-%d %H:%M:%S") in asked["text"]
    assert str(path) in asked["text"]
    assert not window.isVisible()  # closes; the restore happens once the window is gone

    assert restore_if_asked(db, None, restart=False) == 0
    assert buildings(path) == ["1号楼"]
    assert outbox(path) == at_backup  # sent again at the next sync
    replaced = list(path.parent.glob("propdesk.replaced-*.sqlite3"))
    assert len(replaced) == 1 and buildings(replaced[0]) == ["1号楼", "2号楼"]


def test_a_damaged_database_gets_the_recovery_dialog_and_a_working_app(desk, qtbot):
    """Bytes overwritten in the file: the start offers the latest good backup instead of a
    traceback; the damaged file is kept; the restored desk opens and still holds the
    changes it had not synced, to send again."""
    from ui.app import open_checked
    from ui.shell.recovery import RecoveryDialog
    from ui.shell.signin import rendering_context

    path, estate_id = desk
    add_building(path, estate_id, "1号楼")
    backups.make_backup(path, now=datetime(2026, 12, 1, 8, 0))
    unsynced = outbox(path)
    add_building(path, estate_id, "2号楼")
    size = path.stat().st_size
    overwrite(path, 0, 100)  # the header
    overwrite(path, 4096, min(size - 4096, 8192))  # and the schema's pages
    assert backups.check_file(path) is not None

    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            seen["offer"] = dialog.offer.text()
            dialog.go.click()
        else:
            QTimer.singleShot(20, answer)

    answer()
    db, said = open_checked(path)
    assert db is not None
    assert "2026-12-01 08:00" in seen["offer"]
    assert "damaged" in said
    assert buildings(path) == ["1号楼"]
    assert outbox(path) == unsynced
    damaged = list(path.parent.glob("propdesk.damaged-*.sqlite3"))
    assert len(damaged) == 1 and damaged[0].stat().st_size == size
    ctx = rendering_context(db)  # a working app: the window opens on the restored data
    from ui.commands import render_page

    broken: list[str] = []
    render_page(ctx, "units", 1024, 700, broken)
    assert broken == []
    db.close()


def test_no_good_backup_offers_an_empty_start_and_keeps_the_damaged_file(tmp_path, qtbot, app):
    from ui.app import open_checked
    from ui.shell.recovery import RecoveryDialog

    path = tmp_path / "propdesk.sqlite3"
    path.write_bytes(b"not a database at all " * 500)
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            seen["offer"] = dialog.offer.text()
            dialog.go.click()
        else:
            QTimer.singleShot(20, answer)

    answer()
    db, said = open_checked(path)
    assert "No good backup" in seen["offer"]
    assert db is not None and backups.check_file(path) is None
    db.close()
    assert len(list(tmp_path.glob("propdesk.damaged-*.sqlite3"))) == 1


def test_a_restore_never_reissues_a_receipt_number(desk):
    """Payments taken after the backup are lost with the damaged file, but their numbers
    were noted beside it: the restored desk goes on after them. Numbers pulled back from
    the server after a restore are passed too."""
    import sqlite3

    from app.services.fees.counter import next_receipt_no
    from app.store.db import Database

    path, _estate = desk
    db = Database(path)
    with db.session() as s:
        first = [next_receipt_no(s) for _ in range(3)]
    db.close()
    made = backups.make_backup(path)
    db = Database(path)
    with db.session() as s:
        later = [next_receipt_no(s) for _ in range(4)]  # printed, never backed up
    db.close()
    overwrite(path, 0, 4096)
    restored = backups.restore_backup(path, made, "damaged")
    assert restored.receipt_sequence == 7
    db = Database(path)
    with db.session() as s:
        after = next_receipt_no(s)
    assert after not in first + later and after.endswith("-000008")

    # a payment of this desk pulled back from the server with a higher number
    prefix = after.split("-")[0]
    with sqlite3.connect(path) as c:
        c.execute("DELETE FROM sync_state WHERE key = 'fees.receipt_seq'")
    receipts = path.with_name(path.stem + ".receipts")
    receipts.unlink()
    with sqlite3.connect(path) as c:  # as a pull writes it (no unit row needed here)
        c.execute("PRAGMA foreign_keys=OFF")
        columns = c.execute("PRAGMA table_info(payments)").fetchall()
        row = {
            name: ("0" if kind in ("INTEGER", "BOOLEAN") else "") for _, name, kind, *_ in columns
        }
        row.update(id="p-1", receipt_no=f"{prefix}-000041", amount=str(Decimal("1.00")))
        c.execute(
            f"INSERT INTO payments ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    with db.session() as s:
        assert next_receipt_no(s) == f"{prefix}-000042"
    db.close()


def test_a_second_instance_is_refused_and_brings_the_first_forward(tmp_path, qtbot, app):
    from PySide6.QtWidgets import QMainWindow

    from ui.shell.single import claim

    path = tmp_path / "propdesk.sqlite3"
    first = claim(path)
    assert first is not None
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    first.window = window
    probe = (
        "import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication;"
        "app = QApplication([]); from ui.shell.single import claim;"
        f"print('second' if claim(Path({str(path)!r})) is None else 'first')"
    )
    second = subprocess.Popen(
        [sys.executable, "-c", probe],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    qtbot.waitUntil(lambda: first.asked == 1, timeout=30_000)
    assert second.communicate(timeout=30)[0].strip() == "second"
    assert not window.isMinimized()
    first.release()
    again = claim(path)  # free once the first let go
    assert again is not None
    again.release()


def test_after_a_recovery_nothing_synced_is_lost_and_the_unsynced_is_sent_again(
    desk,
    qtbot,
    live_server,  # noqa: F811 (the real server on loopback)
    tmp_path,
):
    """1号楼 synced, 2号楼 only in the backup's outbox, 3号楼 synced after the backup; the
    file is damaged and the backup restored: one sync later the server (seen from another
    desk) has all three."""
    from concurrent.futures import ThreadPoolExecutor

    from app.store.db import Database
    from sync.client import core as sync_client
    from tests.ui.test_sync_page import issue_code
    from ui.app import open_checked
    from ui.shell.recovery import RecoveryDialog

    def elsewhere(work, *args):  # the client's own asyncio loop, off Qt's thread
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(work, *args).result(timeout=120)

    path, estate_id = desk
    db = Database(path)
    elsewhere(sync_client.run_enroll, db, live_server.url, issue_code(live_server, [estate_id]))
    make_building(db, estate_id, "1号楼")
    elsewhere(sync_client.run_sync, db)
    make_building(db, estate_id, "2号楼")
    db.close()
    backups.make_backup(path, now=datetime(2026, 12, 1, 8, 0))
    db = Database(path)
    make_building(db, estate_id, "3号楼")
    elsewhere(sync_client.run_sync, db)
    db.close()
    overwrite(path, 0, 4096)

    def answer():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            dialog.go.click()
        else:
            QTimer.singleShot(20, answer)

    answer()
    db, _said = open_checked(path)
    assert buildings(path) == ["1号楼", "2号楼"]
    elsewhere(sync_client.run_sync, db)
    assert outbox(path) == set()
    db.close()

    other = Database(tmp_path / "other.sqlite3")
    code = issue_code(live_server, [estate_id])
    elsewhere(sync_client.run_enroll, other, live_server.url, code, "other")
    elsewhere(sync_client.run_sync, other)
    other.close()
    assert buildings(tmp_path / "other.sqlite3") == ["1号楼", "2号楼", "3号楼"]


def test_damage_past_the_schema_is_found_by_the_first_backup_and_recovered(desk, qtbot):
    """Table pages overwritten (the header and schema still read, so the window opens at
    once): the check of the start backup finds it, offers the latest good backup, and the
    restore happens when the window has closed."""
    from ui.app import open_checked, restore_if_asked
    from ui.main_window import MainWindow
    from ui.shell.backups import BackupSchedule
    from ui.shell.recovery import RecoveryDialog, offer_recovery_later
    from ui.shell.signin import rendering_context

    path, estate_id = desk
    add_building(path, estate_id, "1号楼")
    good = backups.make_backup(path, now=datetime(2026, 12, 1, 8, 0))
    add_building(path, estate_id, "2号楼")
    import sqlite3

    with sqlite3.connect(path) as c:  # the pages of one table: its root page
        page_size = c.execute("PRAGMA page_size").fetchone()[0]
        root = c.execute("SELECT rootpage FROM sqlite_master WHERE name = 'buildings'").fetchone()
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    overwrite(path, (root[0] - 1) * page_size, page_size)
    assert backups.check_schema(path) is None and backups.check_file(path) is not None

    db, said = open_checked(path)
    assert db is not None and said is None
    ctx = rendering_context(db)
    window = MainWindow(ctx)
    window.remember = False
    qtbot.addWidget(window)
    window.show()
    schedule = BackupSchedule(ctx, window)
    schedule.damaged.connect(lambda problem: offer_recovery_later(window, path, problem))
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            seen["offer"] = dialog.offer.text()
            dialog.go.click()
        else:
            QTimer.singleShot(20, answer)

    answer()
    schedule.backup_now()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert "2026-12-01 08:00" in seen["offer"] and "opens again" in seen["offer"]
    assert [b.path for b in backups.list_backups(path)] == [good.path]  # no damaged copy kept
    assert restore_if_asked(db, None, restart=False) == 0
    assert buildings(path) == ["1号楼"]
    assert len(list(path.parent.glob("propdesk.damaged-*.sqlite3"))) == 1


def test_a_damaged_backup_is_refused_with_a_sentence_and_nothing_is_replaced(desk):
    from ui.messages import describe

    path, estate_id = desk
    made = backups.make_backup(path)
    overwrite(made.path, 0, 4096)
    before = path.read_bytes()
    with pytest.raises(backups.BackupError) as refused:
        backups.restore_backup(path, made)
    assert refused.value.code == "backup.unreadable"
    assert describe(refused.value, "en").startswith(f"The backup {made.path} cannot be used: ")
    assert path.read_bytes() == before
    assert not list(path.parent.glob("propdesk.replaced-*"))
