"""Copies of the local database: made with SQLite's online backup API (consistent while the
desk keeps working), checked, kept N deep, and restored in place of a damaged file.

Backups live in ``<folder of the database>/backups/`` as ``<stem>-YYYYMMDD-HHMMSS.sqlite3``.
A restore sets the replaced file aside (``<stem>.damaged-…`` or ``<stem>.replaced-…``, never
deleted), copies the backup in, and moves the receipt sequence past every number this desk
is known to have issued, so no receipt number is printed twice:

* the restored copy's own sequence and the numbers in its payments and deposits;
* the high-water mark ``<stem>.receipts`` beside the database, written by
  ``note_receipt_sequence`` before each payment that takes a number commits (it survives
  the loss of the database file, not the loss of the disk);
* the replaced file's sequence, when it can still be read;
* numbers the server has (``highest_receipt_in``, after the desk pulls them back).

What comes back with a backup: every row it holds, and its outbox (changes not synced when
it was made), which the next sync pushes again (the server keeps a change id once). What
is lost: changes made after the backup that never reached the server. Changes this desk
synced after the backup stay on the server and on the other desks; ``RESTORED_FROM_CURSOR``
records where the restored copy's pull stood, for the sync to fetch this device's own
changes from there.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.domain.errors import DomainError
from app.filemodes import private_dir, private_file

DEFAULT_KEEP = 7
DAILY = timedelta(days=1)
RESTORED_FROM_CURSOR = "backup.restored_from_cursor"
RESTORED_AT = "backup.restored_at"
RECEIPT_PREFIX_KEY = "fees.receipt_prefix"  # app.services.fees.counter's keys
RECEIPT_SEQ_KEY = "fees.receipt_seq"
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(DomainError):
    """A backup could not be made, read or restored; ``path`` and SQLite's ``reason``."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    size: int


@dataclass(frozen=True)
class Restored:
    backup: BackupFile
    set_aside: Path | None  # where the replaced file now is
    receipt_sequence: int  # the last number considered issued; the next one follows it
    unsynced_changes: int  # outbox rows that came back and will be pushed again
    backup_made_at: datetime


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}-\d{6})\.sqlite3$")


def list_backups(db_path: Path) -> list[BackupFile]:
    """This database's backups, newest first."""
    folder = backup_dir(db_path)
    pattern = _pattern(db_path)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = pattern.match(path.name)
            if match:
                made = datetime.strptime(match.group(1), _STAMP)
                found.append(BackupFile(path, made, path.stat().st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def check_file(path: Path, busy_is_damage: bool = True) -> str | None:
    """None when SQLite's ``quick_check`` finds the file sound (or there is no file yet);
    otherwise what is wrong, as SQLite says it. Reads only. With ``busy_is_damage`` False,
    a file SQLite cannot open or lock (permissions, a lock held) is not called damaged:
    opening it will say what is wrong."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        # not mode=ro: a read-only connection cannot replay a log left by a crash
        connection = sqlite3.connect(path, timeout=5)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        if not busy_is_damage and not is_damage(error):
            return None
        return str(error) or type(error).__name__
    problems = [row[0] for row in rows if row[0] != "ok"]
    return "; ".join(problems[:3]) or None


def check_schema(path: Path, busy_is_damage: bool = True) -> str | None:
    """The quick part of ``check_file``, in milliseconds: the header and the schema can be
    read (what a start needs before opening). The pages of the tables are read by
    ``check_file``, which takes about 2 s per GB."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=5)) as connection:
            connection.execute("SELECT name, sql FROM sqlite_master").fetchall()
    except sqlite3.Error as error:
        if not busy_is_damage and not is_damage(error):
            return None
        return str(error) or type(error).__name__
    return None


class DamagedCopy(BackupError):
    """The copy failed its check: the database itself is probably damaged."""


# SQLite's answers that say nothing about the file's soundness: it could not be opened
# (permissions, a missing folder), or another connection holds a lock
_NOT_DAMAGE = {
    "SQLITE_CANTOPEN",
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_PERM",
    "SQLITE_READONLY",
    "SQLITE_AUTH",
}


def is_damage(error: BaseException) -> bool:
    """Whether a sqlite3 error says the file is damaged (not a database, malformed, an
    I/O error reading it) rather than that it could not be opened or locked."""
    if not isinstance(error, sqlite3.Error):
        return False
    name = getattr(error, "sqlite_errorname", "") or ""
    if any(name.startswith(prefix) for prefix in _NOT_DAMAGE):
        return False
    return bool(name) or not isinstance(error, sqlite3.OperationalError)


def make_backup(db_path: Path, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> BackupFile:
    """Copy the database (online: the desk may keep writing), check the copy, then drop
    all but the newest ``keep`` copies. A copy that fails its check is not kept."""
    db_path = Path(db_path)
    made = (now or datetime.now()).replace(microsecond=0)
    folder = private_dir(backup_dir(db_path))  # residents' data: readable by its user only
    name = f"{db_path.stem}-{made:{_STAMP}}.sqlite3"
    target = folder / name
    partial = folder / (name + ".partial")
    try:
        private_file(partial)  # SQLite writes into it with this mode
        with (
            contextlib.closing(sqlite3.connect(db_path, timeout=5)) as source,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy, pages=1024)  # writers get the database between steps
        problem = check_file(partial)
        if problem:
            raise DamagedCopy("backup.copy_damaged", path=str(db_path), reason=problem)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        raise BackupError("backup.failed", path=str(target), reason=str(error)) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    prune(db_path, keep)
    return BackupFile(target, made, target.stat().st_size)


def prune(db_path: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` (at least one) backups; returns those removed."""
    removed = []
    for old in list_backups(db_path)[max(1, keep) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """No backup yet, or the newest is a day old."""
    newest = next(iter(list_backups(db_path)), None)
    return newest is None or (now or datetime.now()) - newest.made_at >= DAILY


def latest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup that passes its check."""
    for candidate in list_backups(db_path):
        if check_file(candidate.path) is None:
            return candidate
    return None


# ---- receipt numbers across a restore ----


def receipt_mark_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).stem + ".receipts")


def note_receipt_sequence(session, sequence: int) -> None:
    """Called by the counter for every receipt number it takes, before the payment
    commits: keeps the highest issued number beside the database (``<stem>.receipts``)."""
    path = session.get_bind().url.database
    if not path or path == ":memory:":
        return
    mark = receipt_mark_path(Path(path))
    if read_receipt_mark(mark) >= sequence:
        return
    partial = mark.with_name(mark.name + ".partial")
    with contextlib.suppress(OSError):  # the payment is worth more than the mark
        partial.write_text(f"{sequence}\n", encoding="ascii")
        os.replace(partial, mark)


# every table holding receipt numbers of the counter's one numbering
RECEIPT_TABLES = ("payments", "fee_deposits", "temporary_stays")


def next_receipt_sequence(session, prefix: str, stored: int) -> int:
    """The counter's next receipt sequence: after ``stored`` (its own count) and after any
    number of this prefix already in the tables (pulled back from the server after a
    restore); noted beside the database before the payment commits."""
    from sqlalchemy import text

    highest = stored
    for table in RECEIPT_TABLES:
        number = session.execute(
            text(
                f"SELECT receipt_no FROM {table} WHERE receipt_no >= :low AND receipt_no < :high "  # noqa: S608
                "ORDER BY length(receipt_no) DESC, receipt_no DESC LIMIT 1"
            ),
            {"low": prefix + "-", "high": prefix + "."},
        ).scalar()
        tail = (number or "")[len(prefix) + 1 :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    note_receipt_sequence(session, highest + 1)
    return highest + 1


def read_receipt_mark(mark: Path) -> int:
    try:
        return int(mark.read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        return 0


def highest_receipt_in(connection: sqlite3.Connection, prefix: str) -> int:
    """The highest sequence among receipt numbers ``PREFIX-NNNNNN`` in payments and
    deposits (both paid and pulled from the server); 0 when none."""
    highest = 0
    for table in RECEIPT_TABLES:
        try:
            rows = connection.execute(
                f"SELECT receipt_no FROM {table} WHERE receipt_no >= ? AND receipt_no < ?",  # noqa: S608
                (prefix + "-", prefix + "."),
            )
            for (number,) in rows:
                tail = number[len(prefix) + 1 :]
                if tail.isdigit():
                    highest = max(highest, int(tail))
        except sqlite3.Error:
            continue
    return highest


def _state(connection: sqlite3.Connection, key: str) -> str | None:
    try:
        row = connection.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _sequence_in(path: Path) -> int:
    """The receipt sequence of a (possibly damaged) database, 0 if it cannot be read."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as c:
            seq = int(_state(c, RECEIPT_SEQ_KEY) or 0)
            prefix = _state(c, RECEIPT_PREFIX_KEY)
            return max(seq, highest_receipt_in(c, prefix) if prefix else 0)
    except (sqlite3.Error, ValueError):
        return 0


# ---- restore ----


def restore_backup(
    db_path: Path, backup: BackupFile, reason: str = "replaced", now: datetime | None = None
) -> Restored:
    """Put ``backup`` in place of the database (which nobody may have open). The file it
    replaces is kept as ``<stem>.<reason>-<stamp>.sqlite3``; ``reason`` is "damaged" or
    "replaced". The receipt sequence moves past every number known to be issued."""
    db_path = Path(db_path)
    stamp = (now or datetime.now()).strftime(_STAMP)
    problem = check_file(backup.path)
    if problem:
        raise BackupError("backup.unreadable", path=str(backup.path), reason=problem)
    old_sequence = _sequence_in(db_path) if db_path.exists() else 0
    aside = set_aside(db_path, reason, now)
    try:
        with (
            contextlib.closing(sqlite3.connect(backup.path)) as source,
            contextlib.closing(sqlite3.connect(db_path)) as target,
        ):
            source.backup(target)
            sequence = _resume_receipts(target, db_path, old_sequence)
            cursor = _state(target, "pull_cursor") or "0"
            for key, value in ((RESTORED_FROM_CURSOR, cursor), (RESTORED_AT, stamp)):
                target.execute(
                    "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", (key, value)
                )
            target.commit()
            unsynced = target.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
    except sqlite3.Error as error:
        raise BackupError("backup.restore_failed", path=str(db_path), reason=str(error)) from error
    return Restored(backup, aside, sequence, unsynced, backup.made_at)


def set_aside(db_path: Path, reason: str, now: datetime | None = None) -> Path | None:
    """Rename the database (and its log files) to ``<stem>.<reason>-<stamp><suffix>``;
    None when there is no file. Nothing is deleted."""
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    stamp = (now or datetime.now()).strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}.{reason}-{stamp}{db_path.suffix}")
    try:
        os.replace(db_path, aside)
        for tail in ("-wal", "-shm", "-journal"):
            log = db_path.with_name(db_path.name + tail)
            if log.exists():
                os.replace(log, aside.with_name(aside.name + tail))
    except OSError as error:
        raise BackupError(
            "backup.cannot_set_aside", path=str(db_path), reason=str(error)
        ) from error
    return aside


def _resume_receipts(target: sqlite3.Connection, db_path: Path, old_sequence: int) -> int:
    prefix = _state(target, RECEIPT_PREFIX_KEY)
    restored = int(_state(target, RECEIPT_SEQ_KEY) or 0)
    in_rows = highest_receipt_in(target, prefix) if prefix else 0
    mark = read_receipt_mark(receipt_mark_path(db_path))
    sequence = max(restored, in_rows, mark, old_sequence)
    if sequence != restored:
        target.execute(
            "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
            (RECEIPT_SEQ_KEY, str(sequence)),
        )
    return sequence
