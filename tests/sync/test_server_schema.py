"""`propdesk-server migrate` follows the app models; `serve` refuses until it has run."""

from __future__ import annotations

import warnings

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


def test_a_server_from_before_the_estate_page_index_gets_it_from_migrate(server_url, capsys):
    """A snapshot page is one range of (estate_id, id): a server upgraded from before it
    is told to migrate, and migrate makes it."""
    engine = make_engine(server_url)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_units_estate_page"))
    assert "table units lacks ix_units_estate_page" in schema_problems(engine)
    assert main(["serve", "--db", server_url]) == 2
    assert "created index ix_units_estate_page" in migrate(engine)
    assert schema_problems(engine) == []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        indexes = inspect(engine).get_indexes("units")
    index = next(i for i in indexes if i["name"] == "ix_units_estate_page")
    assert index["column_names"] == ["estate_id", "id"]
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


def test_a_server_holding_rates_in_fen_keeps_their_value_after_migrate(tmp_path):
    """Rates now count 0.0001 yuan (desk migration 0013); a server that stored them in fen
    (before s0004) must not serve 1.90 as 0.019 after `propdesk-server migrate`."""
    from datetime import date
    from decimal import Decimal

    from alembic import command

    from app.services.units import create_estate
    from app.store.fee_models import BillLine, FeeItem
    from sync.server import crud
    from sync.server.db import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    migrate(engine)
    with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
        estate = create_estate(s, "阳光花园").id
        s.add(
            FeeItem(
                id="fee-1",
                estate_id=estate,
                code="mgmt_residential",
                name="住宅物业管理服务费",
                rate=Decimal("1.90"),
                basis="area_month",
                effective_from=date(2026, 1, 1),
            )
        )
    command.downgrade(alembic_config(engine), "s0003")  # as the server stood: fen
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT rate FROM fee_items")) == 190
    assert main(["migrate", "--db", str(tmp_path / "server.sqlite3")]) == 0
    with crud.new_session(engine) as s:
        assert s.get(FeeItem, "fee-1").rate == Decimal("1.90")
        assert s.query(BillLine).count() == 0
    engine.dispose()
