"""What every part of the sync client shares: the state keys it keeps in ``sync_state``,
the report it builds, the clock it reads, and database work run off the event loop."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import OperationalError

from app.domain.errors import DomainError

SERVER_URL = "server_url"
SERVER_CLOCK_WRONG = "server_clock_wrong"  # "1" while most desks find it wrong
DEVICE_NUMBER = "device_number"  # the short number the server gave this device (receipts)
TOKEN = "device_token"
SERVER_DEVICE_ID = "server_device_id"
DEVICE_NAME = "device_name"  # the name this computer enrolled under
SCOPE = "estate_scope"
CURSOR = "pull_cursor"
CLOCK_OFFSET = "clock_offset_ms"  # server clock minus this computer's clock
RECEIVED_HLC = "hlc_received"  # the newest clock received from the server
LAST_SYNC = "last_sync_at"
LAST_ERROR = "last_sync_error"  # the code and parameters of the last failure, "" if none
RUNS = "sync_runs"  # the recent runs, newest first, as JSON
# A clock this far off the server's is reported to the user (and re-stamped if ahead).
CLOCK_WARNING_MS = 60_000
# Changes per pulled page. A page's JSON is parsed in one call that holds the interpreter:
# 5,000 stalled the window 72 ms during a 100,000-row pull, 2,000 stall it 38 ms
# (bench/ui_stall.py) for a pull about a quarter longer (12.9 s against 10.3 s).
PULL_PAGE = 2000


def now_ms() -> int:
    """This computer's wall clock in ms, read through ``sync.client.time`` (one place
    to skew it, as the clock tests do)."""
    from sync import client as package

    return package.time.time_ns() // 1_000_000


def database_locked(error: BaseException) -> bool:
    """SQLite's answer when another writer (a billing run, an import) held the database
    longer than the busy timeout: worth a retry, not an error report."""
    return isinstance(error, OperationalError | sqlite3.OperationalError) and (
        "database is locked" in str(error)
    )


async def whole(func: Callable[..., Any], *args: Any) -> tuple[asyncio.Future, bool]:
    """Run ``func(*args)`` in a worker thread to its end, even when the task is cancelled
    meanwhile (a thread cannot be stopped half-way: a cancel that returned at once would
    leave it writing while the caller reports, notes or starts again). Returns the
    finished future and whether a cancel arrived while waiting."""
    work = asyncio.ensure_future(asyncio.to_thread(func, *args))
    cancelled = False
    while not work.done():
        try:
            await asyncio.shield(work)
        except asyncio.CancelledError:
            cancelled = True
        except Exception:
            pass  # read from ``work`` by the caller
    return work, cancelled


async def in_worker(func: Callable[..., Any], *args: Any) -> Any:
    """Database work in a worker thread; a cancel takes effect once it has finished."""
    work, cancelled = await whole(func, *args)
    if cancelled:
        if not work.cancelled():
            work.exception()  # the cancel is what counts now
        raise asyncio.CancelledError
    return work.result()


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (change_id, reason)
    conflicts: int = 0
    restamped: int = 0
    blobs_up: int = 0
    blobs_down: int = 0
    clock_offset_ms: int = 0
    cursor: int = 0
    set_aside: int = 0  # pulled changes this desk could not apply, kept aside
    resent: int = 0  # changes queued again for a server restored from a backup
    server_clock_wrong: bool = False  # most desks find the server's clock wrong
    held_back: DomainError | None = None  # why changes wait although the sync finished
    # receiving: rows (a first sync's snapshot) or changes still to come, as the server
    # counts them (None: not known yet), and since when this run receives
    remaining: int | None = None
    first_sync: bool = False  # the estate is loaded from a snapshot
    receiving_since_ms: int = 0

    def seconds_left(self) -> float | None:
        """At the pace received so far, how long the rest takes (None: not known)."""
        if self.remaining is None or not self.pulled or not self.receiving_since_ms:
            return None
        spent = max(1, now_ms() - self.receiving_since_ms)
        return self.remaining * spent / self.pulled / 1000

    def clock_problem(self) -> DomainError | None:
        return clock_problem(self.clock_offset_ms, self.server_clock_wrong)

    def clock_warning(self) -> str | None:
        """The English wording of :meth:`clock_problem` (the command line's)."""
        return clock_warning(self.clock_offset_ms)


def clock_warning(offset_ms: int) -> str | None:
    """English for the command line and the log; screens word ``clock_problem``."""
    from sync.client.errors import english

    problem = clock_problem(offset_ms)
    return None if problem is None else english(problem.code, problem.params)


def clock_problem(offset_ms: int, server_clock_wrong: bool = False) -> DomainError | None:
    """``sync.clock_ahead`` / ``sync.clock_behind`` when this computer's clock is wrong.

    ``ms`` is the offset for a screen to word in its language; ``duration`` the English
    wording ("1 d 2 h"). When most desks find the server's clock wrong, that is said
    instead (``sync.server_clock_wrong``): this computer is not to blame."""
    if server_clock_wrong:
        return DomainError("sync.server_clock_wrong")
    if abs(offset_ms) < CLOCK_WARNING_MS:
        return None
    code = "sync.clock_behind" if offset_ms > 0 else "sync.clock_ahead"
    return DomainError(code, ms=abs(offset_ms), duration=duration_parts_english(abs(offset_ms)))


def duration_parts(ms: int) -> tuple[tuple[int, str], ...]:
    """Rounded for a person: ((1, "d"), (2, "h")), ((3, "h"), (5, "min")), ((45, "s"),)."""
    if ms < 60_000:
        return ((round(ms / 1000), "s"),)
    minutes = round(ms / 60_000)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    if days:
        return ((days, "d"), (hours, "h")) if hours else ((days, "d"),)
    return ((hours, "h"), (minutes, "min")) if hours else ((minutes, "min"),)


def duration_parts_english(ms: int) -> str:
    return " ".join(f"{n} {unit}" for n, unit in duration_parts(ms))
