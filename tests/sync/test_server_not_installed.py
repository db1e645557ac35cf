"""`propdesk-server` after a plain `pip install -e .` (the desk only, no `server` extra):
one sentence saying how to install the server, never a ModuleNotFoundError traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The packages of the extra made unimportable, as they are when it was not installed.
RUN = """
import sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None
from sync.server.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _server(missing: str, *args: str, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PROPDESK_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-c", RUN, missing, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


@pytest.mark.parametrize(
    ("missing", "command"),
    [
        ("uvicorn", ["serve", "--port", "1"]),
        ("uvicorn,fastapi,starlette", ["serve", "--port", "1"]),
        ("uvicorn,fastapi,starlette", ["estates", "add", "阳光花园"]),
    ],
)
def test_the_server_not_installed_is_said_in_one_sentence(tmp_path, missing, command):
    db = str(tmp_path / "server.sqlite3")
    assert _server("", "migrate", "--db", db, data=tmp_path).returncode == 0
    done = _server(missing, *command, "--db", db, data=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "ModuleNotFoundError" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "pip install -e '.[server]'" in lines[0]
    assert any(f"{name} is missing" in lines[0] for name in missing.split(","))


def test_postgresql_without_its_driver_says_the_same(tmp_path):
    done = _server(
        "psycopg", "migrate", "--db", "postgresql+psycopg://u@127.0.0.1:1/x", data=tmp_path
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "psycopg is missing" in done.stderr
    assert "pip install -e '.[server]'" in done.stderr
