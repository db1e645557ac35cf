"""Backing up and restoring the server database (docs/server-backup.md).

A restore takes the server back in time: sequence numbers handed out after the backup
will be handed out again for other changes, and changes desks were told had landed are
gone. So every restore gives the server a new epoch; desks that see it pull again from
zero and send again what the server no longer has.

SQLite: ``backup`` copies the live database consistently (SQLite's online backup, safe
while the server runs); ``restore`` copies a backup over the database (server stopped)
and sets the new epoch. PostgreSQL: ``pg_dump`` / ``pg_restore``, then ``new-epoch``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from sync.server.crud import new_session
from sync.server.identity import identity, new_epoch


class BackupError(RuntimeError):
    pass


def _sqlite_path(engine: Engine, what: str) -> Path:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise BackupError(
            f"{what} handles a SQLite server database; for PostgreSQL use pg_dump and "
            "pg_restore, then run `propdesk-server new-epoch` (docs/server-backup.md)"
        )
    return Path(engine.url.database)


def backup(engine: Engine, out: str | Path) -> None:
    source = _sqlite_path(engine, "backup")
    target = Path(out)
    if target.exists():
        raise BackupError(f"{target} exists already; name a new file")
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def restore(engine: Engine, source: str | Path) -> str:
    target = _sqlite_path(engine, "restore")
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"no backup file {source}")
    with sqlite3.connect(source) as check:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"{source} is damaged (integrity check failed)")
        tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master")}
    check.close()
    if "server_changes" not in tables:
        raise BackupError(f"{source} is not a PropDesk server database")
    engine.dispose()  # no pooled connection may keep the old file's pages
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return bump_epoch(engine)


def bump_epoch(engine: Engine) -> str:
    with new_session(engine) as s:
        identity(s)
        epoch = new_epoch(s)
        s.commit()
    return epoch
