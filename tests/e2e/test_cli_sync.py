"""Two desks and a server on loopback, driven through the commands people type."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.accounts import authenticate
from app.services.units import add_resident, create_unit, update_resident
from app.store.db import Database
from app.store.models import Resident, SyncConflict, SyncOutbox
from tests.e2e.conftest import ServerProcess, propdesk, propdesk_held, server_cmd

pytestmark = pytest.mark.e2e


def _enroll(server: ServerProcess, db, *estates: str, first_sync: bool = True) -> str:
    """`propdesk enroll`, which runs the first sync too unless told not to."""
    code = server.admin("enroll-code", *[a for e in estates for a in ("--estate", e)])
    argv = ["enroll", "--server", server.url, "--code", code, "--name", db.stem]
    done = propdesk(db, *argv, *([] if first_sync else ["--no-sync"]))
    assert done.returncode == 0, done.stderr
    assert "Enrolled as device" in done.stdout
    return done.stdout


def _sync(db):
    done = propdesk(db, "sync")
    assert done.returncode == 0, done.stderr
    return done.stdout


def _export(db, table, out):
    done = propdesk(db, "export", table, "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def test_serve_refuses_an_unmigrated_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    done = server_cmd(url, "serve", "--port", "1")
    assert done.returncode == 2
    assert "propdesk-server migrate" in done.stderr


def test_two_desks_converge_through_the_commands(live_server, tmp_path):
    server = live_server
    estate_id = server.admin("estates", "add", "阳光花园").split("\t")[1]
    server.admin(
        "users",
        "add",
        "wang",
        "--role",
        "receptionist",
        "--estate",
        "阳光花园",
        "--name",
        "王芳",
        "--password-stdin",
        stdin="correct horse\n",
    )
    a_path, b_path = tmp_path / "a" / "desk.sqlite3", tmp_path / "b" / "desk.sqlite3"
    a_path.parent.mkdir(), b_path.parent.mkdir()
    a = Database(a_path)
    with a.session() as s:
        for room in ("101", "102", "201"):
            unit = create_unit(s, estate_id, UnitInput(building="3栋", room=room, area_m2="95.20"))
            add_resident(s, unit, role="owner", name=f"业主{room}", phone="13800138000")
    a.close()
    # the first sync runs with the enrolment: a building, 3 units, 3 residents go up
    assert "Pushed 7 change(s)" in _enroll(server, a_path, "阳光花园")
    assert "Pushed 0 change(s)" in _sync(a_path)
    out = _enroll(server, b_path, "阳光花园")
    assert "pulled" in out

    b = Database(b_path)
    with b.session() as s:
        assert authenticate(s, "wang", "correct horse").display_name == "王芳"  # offline login
        rid = s.scalar(select(Resident.id).where(Resident.name == "业主101"))
        update_resident(s, s.get(Resident, rid), note="钥匙放前台")
    b.close()
    a = Database(a_path)
    with a.session() as s:
        update_resident(s, s.get(Resident, rid), phone="13900139000")
    a.close()
    for db in (a_path, b_path, a_path, b_path):
        _sync(db)
    for table in ("units", "residents", "staff", "estates", "buildings"):
        assert _export(a_path, table, tmp_path / f"a-{table}.csv") == _export(
            b_path, table, tmp_path / f"b-{table}.csv"
        )
    for path in (a_path, b_path):  # both edits on both desks (the export masks phones)
        desk = Database(path)
        with desk.session() as s:
            resident = s.get(Resident, rid)
            assert (resident.note, resident.phone) == ("钥匙放前台", "13900139000")
            assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0
        desk.close()


def test_sync_says_what_is_wrong(live_server, tmp_path):
    server = live_server
    server.admin("estates", "add", "阳光花园")
    db = tmp_path / "desk.sqlite3"
    done = propdesk(db, "sync")
    assert done.returncode == 1 and "not enrolled" in done.stderr
    _enroll(server, db, "阳光花园")
    device_id = server.admin("devices", "list").split("\t")[0]
    server.admin("devices", "revoke", device_id)
    done = propdesk(db, "sync")
    assert done.returncode == 1
    assert "The server refused this computer" in done.stderr
    assert "Ask the administrator for a new enrolment code" in done.stderr
    server.stop()
    done = propdesk(db, "sync")
    assert done.returncode == 1
    assert f"Cannot reach the sync server at {server.url}." in done.stderr
    assert "Traceback" not in done.stderr


def test_a_server_killed_after_committing_a_push_loses_and_doubles_nothing(live_server, tmp_path):
    server = live_server
    estate_id = server.admin("estates", "add", "阳光花园").split("\t")[1]
    a_path = tmp_path / "a.sqlite3"
    _enroll(server, a_path, "阳光花园")
    a = Database(a_path)
    with a.session() as s:
        for room in ("101", "102"):
            create_unit(s, estate_id, UnitInput(building="1栋", room=room, area_m2="80"))
    a.close()
    server.stop()
    server.start(hold_after="sync.server.crud.push", marker=tmp_path / "server-held")
    with ThreadPoolExecutor(1) as pool:
        syncing = pool.submit(propdesk, a_path, "sync")
        server.held.wait_held()  # the push is committed; its answer not yet sent
        server.held.kill()
        done = syncing.result(timeout=120)
    assert done.returncode == 1 and "Cannot reach" in done.stderr
    server.start()
    _sync(a_path)  # the pull says which changes landed; the push repeats harmlessly
    a = Database(a_path)
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
    a.close()
    from sqlalchemy import create_engine

    engine = create_engine(server.db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(func.count(), func.count(func.distinct(_col("change_id")))).select_from(
                _table("server_changes")
            )
        ).one()
    engine.dispose()
    assert rows[0] == rows[1] == 1 + 3  # the estate, then one building and two units
    b_path = tmp_path / "b.sqlite3"
    _enroll(server, b_path, "阳光花园")
    _sync(b_path)
    assert _export(a_path, "units", tmp_path / "a.csv") == _export(
        b_path, "units", tmp_path / "b.csv"
    )


def test_a_client_killed_between_applying_a_page_and_storing_its_cursor(live_server, tmp_path):
    server = live_server
    estate_id = server.admin("estates", "add", "阳光花园").split("\t")[1]
    a_path, b_path = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _enroll(server, a_path, "阳光花园")
    a = Database(a_path)
    with a.session() as s:
        for room in ("101", "102", "103"):
            create_unit(s, estate_id, UnitInput(building="1栋", room=room, area_m2="80"))
    a.close()
    _sync(a_path)
    _enroll(server, b_path, "阳光花园", first_sync=False)
    # held inside the page's transaction: applied, its conflicts kept, cursor not stored
    held = propdesk_held(b_path, "sync.client.pull.record_conflicts", "sync")
    held.wait_held()
    assert held.kill() != 0
    b = Database(b_path)
    with b.session() as s:
        from app.store.models import Unit
        from app.store.recorder import get_state

        assert s.scalar(select(func.count()).select_from(Unit)) == 0  # rolled back with it
        assert get_state(s, "pull_cursor") == "0"
    b.close()
    _sync(b_path)
    assert _export(a_path, "units", tmp_path / "a.csv") == _export(
        b_path, "units", tmp_path / "b.csv"
    )
    assert len((tmp_path / "b.csv").read_text().splitlines()) == 4


def _table(name):
    from sqlalchemy import table

    return table(name)


def _col(name):
    from sqlalchemy import column

    return column(name)


def test_propdesk_export_of_an_unknown_table_names_the_known_ones(tmp_path):
    out = tmp_path / "x.csv"
    done = propdesk(tmp_path / "x.sqlite3", "export", "nope", "--out", str(out))
    assert done.returncode == 1
    assert "nope" in done.stderr and "units" in done.stderr and "residents" in done.stderr
    assert done.stdout == "" and not out.exists()
