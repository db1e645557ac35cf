"""Issue 12's restore and copy faults against the real server process on loopback, driven
through the commands people type, each command bounded in time:

- the server is backed up, desks push changes it acknowledges, the server is restored from
  the backup as docs/server-backup.md says (SQLite: `propdesk-server restore`;
  PostgreSQL: `pg_restore` then `propdesk-server new-epoch`), the desks sync again, and
  nothing is lost on either side;
- a desk's database copied to a second computer is refused with a message saying to
  enrol it; enrolled with a new code it syncs as a device of its own and both converge.
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.domain.units import UnitInput
from app.services.units import add_resident, create_unit, update_resident
from app.store.db import Database
from app.store.models import Resident, SyncOutbox, Unit
from sync.server.db import make_engine
from tests.e2e.conftest import ServerProcess, propdesk

pytestmark = pytest.mark.e2e

ESTATE = "阳光花园"
COMMAND_TIMEOUT = 120  # seconds for any one command; a hang fails the test


def bounded(func, *args, timeout: float = COMMAND_TIMEOUT, **kw):
    """``func(*args)`` in a worker, failing the test if it takes longer than ``timeout``."""
    pool = ThreadPoolExecutor(1)
    try:
        return pool.submit(func, *args, **kw).result(timeout=timeout)
    finally:
        pool.shutdown(wait=False)


def desk(tmp_path, name: str):
    path = tmp_path / name / "desk.sqlite3"
    path.parent.mkdir()
    return path


def enroll(server: ServerProcess, path) -> str:
    code = server.admin("enroll-code", "--estate", ESTATE)
    argv = ["enroll", "--server", server.url, "--code", code, "--name", path.parent.name]
    done = bounded(propdesk, path, *argv)
    assert done.returncode == 0, done.stderr
    return done.stdout


def sync(path) -> str:
    done = bounded(propdesk, path, "sync")
    assert done.returncode == 0, done.stderr
    return done.stdout


def export(path, table: str) -> str:
    out = path.parent / f"export-{table}.csv"
    done = bounded(propdesk, path, "export", table, "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def write(path, fn):
    db = Database(path)
    try:
        with db.session() as s:
            return fn(s)
    finally:
        db.close()


def read(path, fn):
    db = Database(path)
    try:
        with db.session() as s:
            return fn(s)
    finally:
        db.close()


def waiting(path) -> int:
    return read(path, lambda s: s.scalar(select(func.count()).select_from(SyncOutbox)))


def units_of(path) -> dict[str, Decimal]:
    return read(path, lambda s: {u.room: u.area_m2 for u in s.scalars(select(Unit))})


def new_unit(estate_id: str, room: str, area: str = "80"):
    def make(s):
        unit = create_unit(s, estate_id, UnitInput(building="3栋", room=room, area_m2=area))
        return unit.id

    return make


# ---- a server restored from its backup ----


def _pg(url: str) -> str:
    """The libpq form of a SQLAlchemy PostgreSQL URL (for pg_dump / pg_restore)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def back_up(server: ServerProcess, to) -> None:
    if server.db_url.startswith("sqlite"):
        assert "backed up" in server.admin("backup", "--out", str(to))
    else:  # docs/server-backup.md: PostgreSQL's own tools
        cmd = ["pg_dump", "-Fc", "-f", str(to), _pg(server.db_url)]
        subprocess.run(cmd, check=True, timeout=COMMAND_TIMEOUT, capture_output=True)


def restore(server: ServerProcess, backup) -> None:
    """The documented procedure, with the server stopped."""
    if server.db_url.startswith("sqlite"):
        assert "new epoch" in server.admin("restore", "--from", str(backup))
    else:
        cmd = ["pg_restore", "--clean", "--if-exists", "-d", _pg(server.db_url), str(backup)]
        subprocess.run(cmd, check=True, timeout=COMMAND_TIMEOUT, capture_output=True)
        assert "new epoch" in server.admin("new-epoch")
    server.admin("migrate")


def test_a_server_restored_from_its_backup_loses_nothing(live_server, tmp_path):
    server = live_server
    estate_id = server.admin("estates", "add", ESTATE).split("\t")[1]
    a, b = desk(tmp_path, "a"), desk(tmp_path, "b")
    enroll(server, a)
    first = write(a, new_unit(estate_id, "101", "90.50"))
    sync(a)
    enroll(server, b)
    assert units_of(b) == {"101": Decimal("90.50")}

    back_up(server, tmp_path / "nightly.backup")

    # After the backup: changes on both desks, acknowledged (gone from their outboxes).
    write(a, new_unit(estate_id, "102"))
    resident = write(a, lambda s: add_resident(s, s.get(Unit, first), role="owner", name="张三").id)
    write(b, new_unit(estate_id, "201", "120.05"))
    sync(a), sync(b), sync(a)
    assert waiting(a) == waiting(b) == 0
    before = {"units": export(a, "units"), "residents": export(a, "residents")}
    assert before["units"] == export(b, "units")

    epoch = httpx.get(f"{server.url}/health", timeout=10).json()["epoch"]
    server.stop()  # the disk failed: last night's backup goes back in place
    restore(server, tmp_path / "nightly.backup")
    assert server_rooms(server) == ["101"]  # what came after the backup is gone there
    server.start()
    assert httpx.get(f"{server.url}/health", timeout=10).json()["epoch"] != epoch

    # Written after the restore, on b: it goes up with what the server lost.
    write(b, lambda s: update_resident(s, s.get(Resident, resident), phone="13900000009"))
    for path in (a, b, a, b):
        sync(path)
    expected = {"101": Decimal("90.50"), "102": Decimal("80.00"), "201": Decimal("120.05")}
    for path in (a, b):
        assert units_of(path) == expected
        assert read(path, lambda s: s.get(Resident, resident).phone) == "13900000009"
        assert waiting(path) == 0
    assert export(a, "units") == export(b, "units") == before["units"]
    assert export(a, "residents") == export(b, "residents")
    # The server has it all again: a desk enrolled now receives every row.
    c = desk(tmp_path, "c")
    enroll(server, c)
    assert units_of(c) == expected
    assert read(c, lambda s: s.get(Resident, resident).phone) == "13900000009"
    assert server_rooms(server) == ["101", "102", "201"]


def server_rooms(server: ServerProcess) -> list[str]:
    engine = make_engine(server.db_url)
    try:
        with engine.connect() as conn:
            return sorted(conn.execute(select(Unit.__table__.c.room)).scalars())
    finally:
        engine.dispose()


# ---- a desk's database copied to a second computer ----


def test_a_copied_desk_is_told_to_enrol_then_syncs_as_its_own_device(live_server, tmp_path):
    server = live_server
    estate_id = server.admin("estates", "add", ESTATE).split("\t")[1]
    a = desk(tmp_path, "a")
    enroll(server, a)
    first = write(a, new_unit(estate_id, "101"))
    write(a, new_unit(estate_id, "102"))
    sync(a)

    # The whole data folder's database copied to a second computer (its own folder: its
    # own installation of PropDesk).
    copy = desk(tmp_path, "second-computer")
    shutil.copy(a, copy)
    refused = bounded(propdesk, copy, "sync")
    assert refused.returncode == 1
    assert "copied from another computer" in refused.stderr
    assert "Enrol this computer" in refused.stderr
    assert "Traceback" not in refused.stderr
    # the original is not disturbed by its copy's attempt
    write(a, lambda s: None)
    sync(a)

    enroll(server, copy)  # a new code: a device of its own
    devices = server.admin("devices", "list").splitlines()
    assert len(devices) == 2 and len({line.split("\t")[0] for line in devices}) == 2

    # Both write; each receives the other's changes (none is skipped as "its own").
    def edit_first(area):
        def edit(s):
            from app.services.units import update_unit

            update_unit(s, s.get(Unit, first), UnitInput(building="3栋", room="101", area_m2=area))

        return edit

    write(copy, new_unit(estate_id, "301", "66"))
    write(copy, edit_first("81"))  # the copy edits a row the original made
    write(a, new_unit(estate_id, "103", "70"))
    for path in (copy, a, copy):
        sync(path)
    expected = {
        "101": Decimal("81.00"),
        "102": Decimal("80.00"),
        "103": Decimal("70.00"),
        "301": Decimal("66.00"),
    }
    assert units_of(a) == units_of(copy) == expected
    assert export(a, "units") == export(copy, "units")
    assert waiting(a) == waiting(copy) == 0
    sync(copy)  # and it keeps syncing as itself
