"""`propdesk-server migrate` follows the app models; `serve` refuses until it has run."""

from __future__ import annotations

from sqlalchemy import inspect, text

from sync.server.cli import main
from sync.server.db import make_engine, migrate, schema_problems


def test_a_table_or_column_the_app_adds_reaches_the_server(server_url, capsys):
    engine = make_engine(server_url)
    assert schema_problems(engine) == []
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE settings"))
        conn.execute(text("ALTER TABLE residents DROP COLUMN note"))
    problems = schema_problems(engine)
    assert "table settings missing" in problems
    assert "table residents lacks note" in problems
    assert main(["serve", "--db", server_url]) == 2
    assert "propdesk-server migrate" in capsys.readouterr().err
    done = migrate(engine)
    assert "created table settings" in done and "added column residents.note" in done
    assert schema_problems(engine) == []
    assert "note" in {c["name"] for c in inspect(engine).get_columns("residents")}
    engine.dispose()


def test_migrate_on_an_empty_database_then_admin_commands(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert main(["estates", "add", "阳光花园", "--db", url]) == 2
    assert main(["migrate", "--db", url]) == 0
    assert main(["migrate", "--db", url]) == 0
    assert "database is current" in capsys.readouterr().out
    assert main(["estates", "add", "阳光花园", "--db", url]) == 0
    assert main(["enroll-code", "--estate", "阳光花园", "--expires", "2h", "--db", url]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    assert len(code) == 14 and code.count("-") == 2
    assert main(["enroll-code", "--estate", "没有", "--db", url]) == 1
    assert "no estate" in capsys.readouterr().err
    assert main(["enroll-code", "--estate", "阳光花园", "--expires", "soon", "--db", url]) == 1
    assert "30m, 24h or 7d" in capsys.readouterr().err
