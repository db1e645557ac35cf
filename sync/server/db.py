"""The server database: engine, schema check and `propdesk-server migrate`.

Two parts, both on one database:
- the server's own tables (:mod:`sync.server.models`), versioned by the server's Alembic
  migrations (``sync/server/migrations``, version table ``server_alembic_version``);
- the app's entity tables (every model in ``SYNCED_TABLES`` plus the local bookkeeping
  the app services need), so head office queries real tables. They are derived from the
  app models at migrate time: a table another area adds is created, a column it adds is
  added (docs/decisions/0002-server-entity-tables.md). Foreign keys are created
  DEFERRABLE INITIALLY DEFERRED so a page of changes may hold a child before its parent.
"""

from __future__ import annotations

import logging
import sqlite3
import warnings
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, Index, MetaData, Table, create_engine, event, inspect, text
from sqlalchemy.exc import SAWarning
from sqlalchemy.schema import AddConstraint, CreateColumn, ForeignKeyConstraint  # noqa: F401

import app.store.all_models  # noqa: F401  (registers every synced table)
from app.store.base import SYNCED_TABLES, Base
from app.store.models import SyncConflict, SyncOutbox, SyncState

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "server_alembic_version"
HEAD = "s0005"
log = logging.getLogger(__name__)


class NotMigrated(RuntimeError):
    pass


def make_engine(url: str) -> Engine:
    # hide_parameters: a database error must not carry password hashes, names or phone
    # numbers into the log (the statement is enough to find the fault).
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(
            url, pool_size=20, max_overflow=20, pool_pre_ping=True, hide_parameters=True
        )
    event.listen(engine, "checkin", _end_transaction)
    event.listen(engine, "checkout", _refuse_open_transaction)
    return engine


def _in_transaction(dbapi_connection) -> bool:
    if isinstance(dbapi_connection, sqlite3.Connection):
        return dbapi_connection.in_transaction
    info = getattr(dbapi_connection, "info", None)  # psycopg 3
    status = getattr(info, "transaction_status", None)
    return status is not None and int(status) != 0  # 0 = IDLE


def _end_transaction(dbapi_connection, _record) -> None:
    """Every connection goes back to the pool with no transaction open.

    A COMMIT that SQLite refuses (a deferred foreign key) leaves its transaction open, and
    SQLAlchemy, taking the transaction for finished, skips the pool's reset: the next
    request on that connection would read rows that were never committed and hand out
    their sequence numbers again.
    """
    if _in_transaction(dbapi_connection):
        dbapi_connection.rollback()


def _refuse_open_transaction(dbapi_connection, _record, _proxy) -> None:
    if _in_transaction(dbapi_connection):  # cannot happen after checkin; never serve it
        log.error("a pooled connection still had a transaction open; rolled back")
        dbapi_connection.rollback()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def entity_table_names() -> list[str]:
    local = [SyncOutbox.__tablename__, SyncState.__tablename__, SyncConflict.__tablename__]
    return [*SYNCED_TABLES, *local]


@cache
def entity_metadata() -> MetaData:
    """A copy of the app's entity tables with deferrable foreign keys."""
    names = set(entity_table_names())
    meta = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.sorted_tables:
        if table.name in names:
            table.to_metadata(meta)
    for table in meta.tables.values():
        for constraint in list(table.constraints):
            if not isinstance(constraint, ForeignKeyConstraint):
                continue
            if constraint.referred_table.name not in names:
                table.constraints.discard(constraint)  # a local-only parent: not on the server
                continue
            constraint.deferrable = True
            constraint.initially = "DEFERRED"
        if "estate_id" in table.c and "id" in table.c:
            # a snapshot page is one range of it, read in order (sync.server.snapshot)
            Index(estate_page_index(table.name), table.c.estate_id, table.c.id)
    return meta


def estate_page_index(table_name: str) -> str:
    return f"ix_{table_name}_estate_page"


def _missing_indexes(insp, table: Table) -> list[Index]:
    with warnings.catch_warnings():  # SQLite's expression indexes are not reflected: not ours
        warnings.simplefilter("ignore", SAWarning)
        have = {i["name"] for i in insp.get_indexes(table.name)}
    return [
        i for i in table.indexes if i.name == estate_page_index(table.name) and i.name not in have
    ]


def alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> list[str]:
    """Bring the server tables to HEAD and the entity tables to the app models.

    Returns what was done, for the command to print.
    """
    from alembic import command

    done = []
    before = server_revision(engine)
    command.upgrade(alembic_config(engine), "heads")
    if before != HEAD:
        done.append(f"server tables: {before or 'none'} -> {HEAD}")
    done.extend(sync_entity_tables(engine))
    return done


def server_revision(engine: Engine) -> str | None:
    if not inspect(engine).has_table(VERSION_TABLE):
        return None
    with engine.connect() as conn:
        return conn.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))


def sync_entity_tables(engine: Engine) -> list[str]:
    meta = entity_metadata()
    done = []
    existing = set(inspect(engine).get_table_names())
    missing = [t for t in meta.sorted_tables if t.name not in existing]
    if missing:
        meta.create_all(engine, tables=missing)
        done.extend(f"created table {t.name}" for t in missing)
    insp = inspect(engine)
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name not in existing:
                continue
            have = {c["name"] for c in insp.get_columns(table.name)}
            for column in table.columns:
                if column.name not in have:
                    _add_column(conn, table, column)
                    done.append(f"added column {table.name}.{column.name}")
            for index in _missing_indexes(insp, table):
                index.create(conn)
                done.append(f"created index {index.name}")
    return done


def _add_column(conn, table: Table, column) -> None:
    """A column a later app version added: nullable, or with its scalar default filled in."""
    ddl = CreateColumn(column).compile(dialect=conn.dialect)
    sql = str(ddl)
    default = column.default
    if not column.nullable and (default is None or not default.is_scalar):
        sql = sql.replace(" NOT NULL", "")
    elif default is not None and default.is_scalar and not column.nullable:
        literal = column.type.literal_processor(conn.dialect)
        value = default.arg
        rendered = literal(value) if literal else repr(value)
        sql = sql.replace(" NOT NULL", f" DEFAULT {rendered} NOT NULL")
    conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {sql}"))


def schema_problems(engine: Engine) -> list[str]:
    """What `propdesk-server migrate` would still do; empty when the database is current."""
    problems = []
    revision = server_revision(engine)
    if revision != HEAD:
        problems.append(f"server tables at {revision or 'none'}, need {HEAD}")
    insp = inspect(engine)
    existing = set(insp.get_table_names())
    for table in entity_metadata().sorted_tables:
        if table.name not in existing:
            problems.append(f"table {table.name} missing")
            continue
        have = {c["name"] for c in insp.get_columns(table.name)}
        lacking = [c.name for c in table.columns if c.name not in have]
        lacking += [i.name for i in _missing_indexes(insp, table)]
        if lacking:
            problems.append(f"table {table.name} lacks {', '.join(lacking)}")
    return problems
