"""`propdesk` with only window options opens the window; anything else is a command."""

import pytest

from ui.launcher import _only_gui_options, main


@pytest.mark.parametrize(
    ("args", "opens_window"),
    [
        ([], True),
        (["--db", "x.sqlite3"], True),
        (["--lang", "zh_CN"], True),
        (["--db=x.sqlite3", "--lang", "en", "--page", "fees"], True),
        (["demo"], False),
        (["--db", "x.sqlite3", "demo"], False),
        (["--version"], False),
        (["-h"], False),
    ],
)
def test_which_arguments_open_the_window(args, opens_window):
    assert _only_gui_options(args) is opens_window


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("PropDesk ")


def test_the_desk_imports_without_the_server_packages(tmp_path):
    """`pip install -e .` has no FastAPI, uvicorn or psycopg: every module of the desk
    (app, ui, sync but its server) imports in a Python where they cannot be found."""
    import os
    import subprocess
    import sys

    probe = r"""
import importlib, pkgutil, sys
class NoServer:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("fastapi", "uvicorn", "starlette", "psycopg"):
            raise ModuleNotFoundError(f"No module named {name!r}")
sys.meta_path.insert(0, NoServer())
import app, ui, sync
names = []
for package in (app, ui, sync):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.startswith("sync.server") or ".migrations" in info.name:
            continue
        importlib.import_module(info.name)
        names.append(info.name)
print(len(names))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert int(done.stdout.strip().splitlines()[-1]) > 100


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("/srv/propdesk/server.db", "sqlite:////srv/propdesk/server.db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_server_db_takes_a_plain_path_or_a_url(given, url):
    from sync.server.cli import database_url

    assert database_url(given) == url


def test_server_db_plain_path_is_a_sqlite_file(tmp_path):
    from sync.server.cli import main as server

    path = tmp_path / "server file.db"
    assert server(["--db", str(path), "migrate"]) == 0
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("kind", ["unknown driver", "not a database", "refused"])
def test_server_db_unreadable_is_one_sentence_with_an_example(tmp_path, capsys, kind):
    from sync.server.cli import main as server

    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("hello, not SQLite " * 100)
    given = {
        "unknown driver": "nosuchdriver://x",
        "not a database": str(not_sqlite),
        "refused": "postgresql+psycopg://nobody@127.0.0.1:9/propdesk",  # nothing on port 9
    }[kind]
    assert server(["--db", given, "migrate"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "postgresql+psycopg://user:password@host:5432/propdesk" in err
