"""The PyInstaller bundle (build.spec) builds and runs: a module or resource missing from it
fails here instead of on a user's first day.

Marked ``bundle`` (a build takes minutes): `pytest -m bundle tests/test_bundle.py` after
`pip install -e '.[build]'`; .ci/run does so as a step of its own. Skipped where PyInstaller
is not installed (the test extra does not pull it in).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller")
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    exe = out / "dist" / "PropDesk" / ("PropDesk.exe" if sys.platform == "win32" else "PropDesk")
    assert exe.exists()
    return exe


def run(exe: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    env["XDG_DATA_HOME"] = str(home / "data")
    # from another folder, so nothing is found through the source tree
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, timeout=300, cwd=home, env=env
    )


def test_the_bundle_has_its_resources_and_not_the_server(bundle):
    inside = bundle.parent / "_internal"
    for needed in (
        "resources/translations/ui_zh_CN.qm",
        "resources/style/propdesk.qss",
        "resources/icons/propdesk.png",
        "resources/templates/handover.json",
        "resources/holidays/CN-2026.json",
        "app/store/migrations/env.py",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "libQt6Charts.so.6",
    ):
        if sys.platform.startswith("linux") or not needed.endswith(".so"):
            assert (inside / needed).exists(), needed
    names = {p.name.split(".")[0] for p in inside.iterdir()}
    assert not names & {"fastapi", "uvicorn", "starlette", "psycopg"}


def test_the_bundle_runs_version_demo_and_every_snapshot(bundle, tmp_path):
    from ui.commands import snapshot_names

    done = run(bundle, "--version", home=tmp_path)
    assert done.returncode == 0, done.stderr
    from app import __version__

    assert done.stdout.strip() == f"PropDesk {__version__}"

    db = tmp_path / "demo.sqlite3"
    done = run(bundle, "--db", str(db), "demo", "--units", "120", home=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert db.exists()

    failures = []
    for name in snapshot_names():
        png = tmp_path / f"{name}.png"
        done = run(bundle, "--db", str(db), "snapshot", name, "--out", str(png), home=tmp_path)
        if done.returncode != 0 or not png.exists() or png.stat().st_size < 10_000:
            failures.append(f"{name}: {done.returncode} {done.stderr[-1500:]}")
    assert not failures, "\n".join(failures)
