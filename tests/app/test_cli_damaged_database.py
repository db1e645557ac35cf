"""A command on a damaged database file (bytes overwritten): one sentence saying so and
how to recover it (the desktop's recovery: the latest good backup), never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services import backups
from app.store.db import Database

ROOT = Path(__file__).resolve().parents[2]


def _damaged(tmp_path: Path, with_backup: bool) -> Path:
    path = tmp_path / "desk.sqlite3"
    Database(path).close()
    if with_backup:
        backups.make_backup(path)
    with open(path, "r+b") as f:  # the header overwritten: "file is not a database"
        f.write(b"\xff" * 100)
    return path


def _propdesk(path: Path, *args: str) -> subprocess.CompletedProcess:
    """The installed entry point (ui.launcher: core, sync and screen commands)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PROPDESK_DATA_DIR": str(path.parent),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args, "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


@pytest.mark.parametrize(
    "command",
    [["export", "units", "--out", "units.csv"], ["sync"], ["snapshot", "units", "--out", "s.png"]],
    ids=["export", "sync", "snapshot"],
)
def test_a_damaged_database_is_said_in_one_sentence_with_the_way_back(tmp_path, command):
    path = _damaged(tmp_path, with_backup=True)
    command = [str(tmp_path / a) if a.endswith((".csv", ".png")) else a for a in command]
    done = _propdesk(path, *command)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "DatabaseError" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "is damaged or unreadable (file is not a database)" in lines[0]
    assert "restore the latest good backup" in lines[0]
    assert str(backups.backup_dir(path)) in lines[0]


def test_without_a_backup_it_says_what_the_desktop_offers_then(tmp_path):
    path = _damaged(tmp_path, with_backup=False)
    done = _propdesk(path, "export", "units", "--out", str(tmp_path / "u.csv"))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "no good backup" in done.stderr and "empty database" in done.stderr
