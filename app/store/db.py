"""Opening the local database: SQLite in WAL mode with foreign keys on, migrated on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
# Kept equal to Alembic's heads by tests/app/test_migrations.py; lets start-up skip
# importing Alembic when the database is already current.
HEAD_REVISIONS = frozenset({"0002", "0003m", "0001u"})


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # 64 MB page cache (the default is 2 MB): lists and searches over 100,000 units and
    # complaints stay in memory after the first read
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def make_engine(path: Path | str) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def current_revisions(path: Path) -> set[str]:
    if not path.exists():
        return set()
    with sqlite3.connect(path) as conn:
        try:
            return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
        except sqlite3.OperationalError:
            return set()


def alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(path: Path, engine: Engine) -> Path | None:
    """Bring the database to the newest schema. Returns the backup copy made first, if any."""
    if current_revisions(path) == HEAD_REVISIONS:
        return None
    from alembic import command

    backup = None
    if path.exists() and path.stat().st_size > 0:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.before-migration-{stamp}{path.suffix}")
        with sqlite3.connect(path) as source, sqlite3.connect(backup) as target:
            source.backup(target)  # consistent copy even with a WAL file beside it
    command.upgrade(alembic_config(engine), "heads")
    return backup


class Database:
    """One local database file: its engine and sessions. Passed explicitly, never global."""

    def __init__(self, path: Path | str, migrate_on_open: bool = True) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(self.path)
        self.backup = migrate(self.path, self.engine) if migrate_on_open else None
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits at the end, rolls back everything on an error."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
