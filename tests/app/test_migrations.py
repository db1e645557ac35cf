"""Migrations: the start-up shortcut stays true, a database is built from scratch, and an
older database is copied aside before it is migrated."""

import sqlite3

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.store.base import Base
from app.store.db import HEAD_REVISIONS, Database, alembic_config, current_revisions, make_engine


def test_head_revisions_constant_matches_alembic_heads(tmp_path):
    engine = make_engine(tmp_path / "x.sqlite3")
    heads = ScriptDirectory.from_config(alembic_config(engine)).get_heads()
    assert set(heads) == set(HEAD_REVISIONS)
    engine.dispose()


def test_fresh_database_has_every_table_index_and_search_trigger(tmp_path):
    path = tmp_path / "fresh.sqlite3"
    database = Database(path)
    assert database.backup is None  # nothing to copy aside
    assert current_revisions(path) == set(HEAD_REVISIONS)
    inspector = inspect(database.engine)
    tables = set(inspector.get_table_names())
    import app.store.all_models  # noqa: F401

    assert set(Base.metadata.tables) <= tables
    assert "unit_search" in tables
    with sqlite3.connect(path) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {
            "ix_units_live",
            "ix_units_order",
            "ix_buildings_order",
            "ix_residents_owner",
        } <= indexes
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        assert {"units_search_ai", "units_search_au", "residents_search_ai"} <= triggers
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    database.close()
    # opening a current database again does not migrate and copies nothing
    again = Database(path)
    assert again.backup is None
    again.close()


def test_older_database_is_copied_aside_then_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0001")  # a database from the first release
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO estates (id, estate_id, name, timezone, updated_hlc, field_clocks, deleted)"
            " VALUES ('e1', 'e1', '阳光花园', 'Asia/Shanghai', '', '{}', 0)"
        )
    assert current_revisions(path) == {"0001"}

    database = Database(path)
    assert database.backup is not None and database.backup.exists()
    assert database.backup.name.startswith("old.before-migration-")
    assert current_revisions(path) == set(HEAD_REVISIONS)
    assert current_revisions(database.backup) == {"0001"}  # the copy is the old database
    with sqlite3.connect(database.backup) as copy:
        assert copy.execute("SELECT name FROM estates").fetchone() == ("阳光花园",)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM estates").fetchone() == ("阳光花园",)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "ix_buildings_order" in names
    database.close()


def test_units_migration_downgrades_cleanly(tmp_path):
    path = tmp_path / "down.sqlite3"
    Database(path).close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0001u@0001")
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ix_units_order" not in names and "ix_units_location" in names
    command.upgrade(alembic_config(engine), "heads")
    engine.dispose()


def test_the_chain_is_linear_from_first_to_head(tmp_path):
    engine = make_engine(tmp_path / "x.sqlite3")
    script = ScriptDirectory.from_config(alembic_config(engine))
    engine.dispose()
    revisions = list(script.walk_revisions())
    assert [r for r in revisions if r.is_branch_point] == []
    assert [r for r in revisions if r.is_merge_point] == []
    assert len(script.get_heads()) == 1 and len(script.get_bases()) == 1


def test_a_database_stamped_with_the_former_three_heads_opens_at_the_one_head(tmp_path):
    path = tmp_path / "three-heads.sqlite3"
    Database(path).close()
    with sqlite3.connect(path) as conn:  # as databases made before the chain was linear
        conn.execute("DELETE FROM alembic_version")
        conn.executemany(
            "INSERT INTO alembic_version VALUES (?)", [("0002",), ("0003n",), ("0001v",)]
        )
    database = Database(path)
    assert database.backup is None  # nothing to migrate
    assert current_revisions(path) == set(HEAD_REVISIONS)
    database.close()
