"""Opening the local database: SQLite in WAL mode with foreign keys on, migrated on open."""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.events import ChangeCollector, ChangeNotifier
from app.filemodes import private_database, private_dir, private_file
from app.store.audit_models import ACTOR_KEY

MIGRATIONS = Path(__file__).with_name("migrations")
# Kept equal to Alembic's heads by tests/app/test_migrations.py; lets start-up skip
# importing Alembic when the database is already current.
HEAD_REVISIONS = frozenset({"0015"})
# Databases made before the chain was made linear carry its three former heads; every
# revision of the chain is applied in them, so they are stamped with the one head.
_FORMER_HEADS = frozenset({"0002", "0003n", "0001v"})


# SQLite's own auto-checkpoint threshold (1,000 pages of 4 KB)
CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024
# a log of 400 MB is checkpointed by the commit that makes it, whatever happened to the thread
SAFETY_NET_PAGES = 100_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # 64 MB page cache (the default is 2 MB): lists and searches over 100,000 units and
    # complaints stay in memory after the first read
    cursor.execute("PRAGMA cache_size=-65536")
    # checkpoints run on BackgroundCheckpoints' thread, not inside the committing call; the
    # commit itself checkpoints only if that thread has fallen far behind (or died)
    cursor.execute(f"PRAGMA wal_autocheckpoint={SAFETY_NET_PAGES}")
    cursor.execute(f"PRAGMA journal_size_limit={CHECKPOINT_AFTER_BYTES}")
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
    found = current_revisions(path)
    if found == _FORMER_HEADS:
        with sqlite3.connect(path) as conn:
            conn.execute("DELETE FROM alembic_version")
            conn.execute("INSERT INTO alembic_version VALUES (?)", sorted(HEAD_REVISIONS))
        found = set(HEAD_REVISIONS)
    if found == HEAD_REVISIONS:
        return None
    from alembic import command

    backup = None
    if path.exists() and path.stat().st_size > 0:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.before-migration-{stamp}{path.suffix}")
        private_file(backup)  # a copy of residents' data: its user's only, like the original
        with sqlite3.connect(path) as source, sqlite3.connect(backup) as target:
            source.backup(target)  # consistent copy even with a WAL file beside it
    command.upgrade(alembic_config(engine), "heads")
    return backup


class BackgroundCheckpoints:
    """Copies the write-ahead log into the database file on a thread of its own.

    SQLite's auto-checkpoint runs inside the commit that crosses its threshold, so the user
    who issued a month's bills (60 MB of log) waited a further 0.6 s for those pages to be
    copied and synced. Here the commit returns and this thread checkpoints (PASSIVE: readers
    and writers carry on), as SQLite's documentation suggests for applications with a UI.
    The log is cut back to ``CHECKPOINT_AFTER_BYTES`` when it restarts, so a larger file
    means that much is waiting to be copied. Nothing here may fail a commit that succeeded:
    errors are kept in ``last_error`` and the next large commit tries again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        # SQLite keeps the log beside the real file when the path is a link
        real = Path(os.path.realpath(path))
        self.wal = real.with_name(real.name + "-wal")
        self.completed = 0
        self.last_error: Exception | None = None
        self._asked = 0  # checkpoints asked for, and the number the thread has caught up to
        self._done = 0
        self._changed = threading.Condition()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoints", daemon=True)
        self._thread.start()

    def after_commit(self) -> None:
        try:
            waiting = self.wal.stat().st_size > CHECKPOINT_AFTER_BYTES
        except OSError:
            return
        if waiting:
            with self._changed:
                self._asked += 1
                self._changed.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Until the checkpoints asked for so far have run (for tests and benchmarks)."""
        with self._changed:
            asked = self._asked
            return self._changed.wait_for(
                lambda: self._done >= asked or not self._thread.is_alive(), timeout
            )

    def close(self) -> None:
        with self._changed:
            self._closing = True
            self._changed.notify_all()
        self._thread.join()

    def _run(self) -> None:
        connection = None
        try:
            while True:
                with self._changed:
                    self._changed.wait_for(lambda: self._closing or self._asked > self._done)
                    if self._closing:
                        return
                    target = self._asked
                try:
                    if connection is None:
                        connection = sqlite3.connect(self.path, isolation_level=None)
                        connection.execute("PRAGMA busy_timeout=5000")
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.completed += 1
                except sqlite3.Error as error:  # busy, or a damaged file: try at the next commit
                    self.last_error = error
                with self._changed:
                    self._done = target
                    self._changed.notify_all()
        finally:
            if connection is not None:
                connection.close()
            with self._changed:
                self._done = self._asked
                self._changed.notify_all()


class Database:
    """One local database file: its engine and sessions. Passed explicitly, never global."""

    def __init__(self, path: Path | str, migrate_on_open: bool = True) -> None:
        self.path = Path(path)
        private_dir(self.path.parent)
        private_database(self.path)  # before SQLite creates it (or its log) with the umask's mode
        # the logged-in user: operations check permissions and the audit trail names them
        # (None: the system acts, e.g. the command line's maintenance and demo data)
        self.actor: str | None = None
        self.engine = make_engine(self.path)
        self.backup = migrate(self.path, self.engine) if migrate_on_open else None
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.events = ChangeNotifier()
        watch_changes(self.sessions, self.events)
        self.checkpoints = BackgroundCheckpoints(self.path)
        if migrate_on_open:
            self._restore_deferred_indexes()
        # also at exit when nobody called close(): the thread stops and its connection closes,
        # so the last connection copies what is left and removes the log
        self._close = weakref.finalize(self, _close, self.checkpoints, self.engine)

    def _restore_deferred_indexes(self) -> None:
        """Indexes a bulk load dropped and did not make again (the desk stopped during a
        first sync): made now (app.store.bulk_load.defer_indexes)."""
        with self.engine.connect() as connection:
            deferred = connection.exec_driver_sql(
                "SELECT 1 FROM sync_state WHERE key = 'bulk_load_deferred' AND value != ''"
            ).first()
        if deferred:
            from app.store.bulk_load import restore_indexes

            with self.session() as session:
                restore_indexes(session)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits at the end, rolls back everything on an error."""
        with self.sessions() as session, session.begin():
            if self.actor:
                session.info[ACTOR_KEY] = self.actor
            yield session
        self.checkpoints.after_commit()

    def close(self) -> None:
        self._close()


CHANGES_KEY = "propdesk.changes"
SOURCE_KEY = "propdesk.change_source"


def changes_of(session: Session) -> ChangeCollector:
    """What this unit of work wrote so far; published once it commits."""
    collector = session.info.get(CHANGES_KEY)
    if collector is None:
        collector = session.info[CHANGES_KEY] = ChangeCollector()
    return collector


def mark_changed(session: Session, table: str, ids=None) -> None:
    """For writes the ORM does not see (bulk SQL): note them for the change event."""
    changes_of(session).add(table, ids)


def mark_source(session: Session, source: str) -> None:
    """Who wrote this unit of work ("sync" for a pulled page); listeners may tell them apart."""
    session.info[SOURCE_KEY] = source


def watch_changes(sessions: sessionmaker, notifier: ChangeNotifier) -> None:
    """Collect the tables and rows every flush writes; publish them after the commit."""

    @event.listens_for(sessions, "after_flush")
    def _collect(session: Session, _context) -> None:
        collector = changes_of(session)
        for obj in (*session.new, *session.dirty, *session.deleted):
            table = getattr(obj, "__tablename__", None)
            if table is not None:
                key = getattr(obj, "id", None)
                collector.add(table, () if key is None else (key,))

    @event.listens_for(sessions, "after_commit")
    def _publish(session: Session) -> None:
        collector = session.info.pop(CHANGES_KEY, None)
        source = session.info.pop(SOURCE_KEY, "local")
        if collector is not None:
            notifier.publish(collector.take(source))

    @event.listens_for(sessions, "after_rollback")
    def _forget(session: Session) -> None:
        session.info.pop(CHANGES_KEY, None)
        session.info.pop(SOURCE_KEY, None)


def _close(checkpoints: BackgroundCheckpoints, engine: Engine) -> None:
    checkpoints.close()
    engine.dispose()  # the last connection to close checkpoints what is left
