"""`propdesk enroll` brings the estate (issue 12): the first sync runs at once with its
progress (rows, time left), Ctrl-C stops it and `propdesk sync` goes on from there; the
commands that need an estate then work, and before it they say to run `propdesk sync`."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

from app.domain.units import UnitInput
from app.services.units import add_resident, create_unit
from app.store.db import Database
from app.store.recorder import get_state
from tests.e2e.conftest import ROOT, ServerProcess, _env, propdesk

pytestmark = pytest.mark.e2e

ESTATE = "阳光花园"


def _code(server: ServerProcess) -> str:
    return server.admin("enroll-code", "--estate", ESTATE)


def _estate_with_units(server: ServerProcess, tmp_path, rooms: int = 8):
    """Desk a makes the estate's units and residents and sends them up."""
    estate_id = server.admin("estates", "add", ESTATE).split("\t")[1]
    a_path = tmp_path / "a" / "desk.sqlite3"
    a_path.parent.mkdir()
    a = Database(a_path)
    with a.session() as s:
        for n in range(rooms):
            unit = create_unit(
                s, estate_id, UnitInput(building="3栋", room=f"1{n:02}", area_m2="95")
            )
            add_resident(s, unit, role="owner", name=f"业主{n}", phone="13800138000")
    a.close()
    done = propdesk(a_path, "enroll", "--server", server.url, "--code", _code(server))
    assert done.returncode == 0, done.stderr
    return a_path


def _export(db, table, out) -> str:
    done = propdesk(db, "export", table, "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def test_enrolling_brings_the_estate_with_its_progress(live_server, tmp_path):
    a_path = _estate_with_units(live_server, tmp_path)
    b_path = tmp_path / "b" / "desk.sqlite3"
    b_path.parent.mkdir()
    done = propdesk(b_path, "enroll", "--server", live_server.url, "--code", _code(live_server))
    assert done.returncode == 0, done.stderr
    assert "Enrolled as device" in done.stdout and "pulled" in done.stdout
    assert "Receiving the estate:" in done.stderr and "rows" in done.stderr
    assert "Traceback" not in done.stderr
    listed = propdesk(b_path, "estates", "list")
    assert listed.returncode == 0 and ESTATE in listed.stdout
    assert _export(b_path, "units", tmp_path / "b.csv") == _export(
        a_path, "units", tmp_path / "a.csv"
    )


def test_before_the_first_sync_the_commands_say_to_run_it(live_server, tmp_path):
    _estate_with_units(live_server, tmp_path, rooms=1)
    b_path = tmp_path / "b.sqlite3"
    argv = ["enroll", "--server", live_server.url, "--code", _code(live_server), "--no-sync"]
    done = propdesk(b_path, *argv)
    assert done.returncode == 0 and "Run `propdesk sync` next" in done.stdout
    sheet = tmp_path / "units.csv"
    sheet.write_text("楼栋,房号,面积\n3栋,901,88\n", encoding="utf-8")
    for command in (["import", "units", str(sheet)], ["bill", "--period", "2026-11"]):
        done = propdesk(b_path, *command)
        assert done.returncode != 0, command
        assert "run `propdesk sync`" in done.stderr, (command, done.stderr)
    shot = subprocess.run(  # the Qt command, through the installed entry point's code
        [sys.executable, "-m", "ui.launcher", "snapshot", "units", "--out", str(tmp_path / "u.png")]
        + ["--db", str(b_path)],
        env=_env({"PROPDESK_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.returncode == 1 and "run `propdesk sync`" in shot.stderr, shot.stderr
    assert propdesk(b_path, "sync").returncode == 0
    assert ESTATE in propdesk(b_path, "estates", "list").stdout


# `propdesk` in a process of its own, with small snapshot pages and every page after the
# first slow to come (a slow line), so Ctrl-C arrives in the middle of the first sync.
SLOW = """
import asyncio, sys
from sync.client import core, snapshot
snapshot.SNAPSHOT_PAGE = 3
fetch = core.SyncClient._fetch_snapshot
calls = []
async def slow(self, http, progress):
    calls.append(progress)
    if len(calls) > 1:
        await asyncio.sleep(300)
    return await fetch(self, http, progress)
core.SyncClient._fetch_snapshot = slow
from app.cli import main
from sync.cli import register
sys.exit(main(sys.argv[1:], extensions=[register]))
"""


def test_ctrl_c_stops_the_first_sync_and_propdesk_sync_goes_on(live_server, tmp_path):
    a_path = _estate_with_units(live_server, tmp_path, rooms=8)
    b_path = tmp_path / "b" / "desk.sqlite3"
    b_path.parent.mkdir()
    argv = ["enroll", "--server", live_server.url, "--code", _code(live_server)]
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW, *argv, "--db", str(b_path)],
        env=_env({"PROPDESK_DATA_DIR": str(b_path.parent)}),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        seen = []
        while not any("Receiving the estate: 3 of" in line for line in seen):
            assert time.monotonic() < deadline, seen
            line = proc.stderr.readline()
            assert line or proc.poll() is None, f"ended early: {seen}"
            seen.append(line)
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "Sync cancelled" in err and "propdesk sync" in err
    b = Database(b_path)
    with b.session() as s:  # the pages received are kept, with where to go on
        stopped = json.loads(get_state(s, "snapshot_progress") or "{}")
        assert stopped.get("done") == 3, stopped
        assert "cancelled" in (get_state(s, "last_sync_error") or "")
    b.close()
    done = propdesk(b_path, "sync")
    assert done.returncode == 0, done.stderr
    assert "Receiving the estate:" in done.stderr  # the rest of the estate
    assert _export(b_path, "units", tmp_path / "b.csv") == _export(
        a_path, "units", tmp_path / "a.csv"
    )
    assert _export(b_path, "residents", tmp_path / "br.csv") == _export(
        a_path, "residents", tmp_path / "ar.csv"
    )
