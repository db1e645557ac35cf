"""The sync client: enrol a device, then push the outbox and pull everyone else's changes.

The API is async (httpx.AsyncClient) so the GUI can drive it through qasync; the CLI and
the tests use :func:`run_sync` / :func:`run_enroll`, which run it on a fresh event loop.
Database work runs in a worker thread (``asyncio.to_thread``) so a GUI stays responsive.

Crash safety: a pulled page, the conflicts it caused, the outbox rows the server says it
has and the new cursor are written in one transaction; the outbox loses a change only
once the server acknowledged it (its answer, or the ``last_change_id`` of a pull).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import platform
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import delete, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.domain.hlc import HybridClock, Timestamp
from app.domain.merge import Loss
from app.store.apply import Change, Conflict, apply_changes, record_conflicts
from app.store.base import SYNCED_TABLES
from app.store.codec import field_types
from app.store.db import Database
from app.store.models import SyncOutbox, SyncRejected
from app.store.recorder import HLC_KEY, device_id, get_state, set_state
from sync import protocol

SERVER_URL = "server_url"
TOKEN = "device_token"
SERVER_DEVICE_ID = "server_device_id"
DEVICE_NAME = "device_name"  # the name this computer enrolled under
SCOPE = "estate_scope"
CURSOR = "pull_cursor"
CLOCK_OFFSET = "clock_offset_ms"  # server clock minus this computer's clock
RECEIVED_HLC = "hlc_received"  # the newest clock received from the server
LAST_SYNC = "last_sync_at"
LAST_ERROR = "last_sync_error"
CANCELLED = "The sync was cancelled; what it had pulled is kept, the rest comes next time."
DATABASE_BUSY = "The database is busy (a billing run or import?); sync again in a moment."
# Test hook for the crash-safety test: die after applying a pulled page, before commit.
CRASH_AFTER_APPLY = "PROPDESK_CLIENT_CRASH_AFTER_APPLY"
# A clock this far off the server's is reported to the user (and re-stamped if ahead).
CLOCK_WARNING_MS = 60_000
PULL_PAGE = 5000


log = logging.getLogger(__name__)


class SyncFailure(Exception):
    """A sync that could not finish; the message is for the person at the desk."""


def _database_locked(error: BaseException) -> bool:
    """SQLite's answer when another writer (a billing run, an import) held the database
    longer than the busy timeout: worth a retry, not an error report."""
    return isinstance(error, OperationalError | sqlite3.OperationalError) and (
        "database is locked" in str(error)
    )


async def _whole(func: Callable[..., Any], *args: Any) -> tuple[asyncio.Future, bool]:
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


async def _db(func: Callable[..., Any], *args: Any) -> Any:
    """Database work in a worker thread; a cancel takes effect once it has finished."""
    work, cancelled = await _whole(func, *args)
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

    def clock_warning(self) -> str | None:
        return clock_warning(self.clock_offset_ms)


def clock_warning(offset_ms: int) -> str | None:
    """A plain sentence when this computer's clock is wrong, else None."""
    if abs(offset_ms) < CLOCK_WARNING_MS:
        return None
    way = "behind" if offset_ms > 0 else "ahead of"
    return (
        f"This computer's clock is {_duration(abs(offset_ms))} {way} the server's. "
        "Correct the date and time settings; meanwhile changes are stamped with the "
        "server's time."
    )


def _duration(ms: int) -> str:
    """Rounded for a person: "1 d 2 h", "3 h 5 min", "45 s"."""
    if ms < 60_000:
        return f"{round(ms / 1000)} s"
    minutes = round(ms / 60_000)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def default_blob_dir() -> Path:
    from app.paths import data_dir

    return data_dir() / "blobs"


def is_blob_field(name: str) -> bool:
    """Rows name their attachments by content hash in a field called sha256 or *_sha256."""
    return name == "sha256" or name.endswith("_sha256")


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


class SyncClient:
    def __init__(
        self,
        db: Database,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        blob_dir: Path | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.db = db
        self.transport = transport
        self.blob_dir = blob_dir or default_blob_dir()
        self.timeout = timeout
        self._progress: Callable[[SyncReport], None] = lambda _report: None

    # ---- state ----

    def state(self, key: str) -> str | None:
        with self.db.session() as s:
            return get_state(s, key)

    def _http(self, base_url: str, token: str | None = None) -> httpx.AsyncClient:
        headers = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            headers=headers,
            transport=self.transport,
            timeout=self.timeout,
        )

    async def _call(self, http: httpx.AsyncClient, method: str, url: str, **kw) -> httpx.Response:
        """One request; turns network trouble and refusals into a :class:`SyncFailure`."""
        sent = _now_ms()
        try:
            response = await http.request(method, url, **kw)
        except httpx.TransportError as exc:
            raise SyncFailure(
                f"Cannot reach the sync server at {http.base_url}: {exc or type(exc).__name__}. "
                "Work goes on offline; sync again when the network is back."
            ) from exc
        response.extensions["sent_ms"] = sent
        response.extensions["received_ms"] = _now_ms()
        return response

    @staticmethod
    def _error(response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict) or "message" not in body:
            body = {"error": "http", "message": f"HTTP {response.status_code}: {response.text}"}
        return body

    def _refusal(self, response: httpx.Response) -> SyncFailure:
        body = self._error(response)
        if response.status_code == 426:
            return SyncFailure(f"The server needs a newer PropDesk: {body['message']}")
        if response.status_code in (401, 403) and body.get("error") in (
            "bad_token",
            "no_token",
            "revoked",
        ):
            return SyncFailure(
                f"The server refused this device: {body['message']} "
                "Ask the administrator for a new enrolment code."
            )
        return SyncFailure(f"The server refused the request: {body['message']}")

    # ---- enrolment ----

    async def enroll(self, server_url: str, code: str, name: str = "") -> protocol.EnrollResponse:
        """Enrol with a one-time code. Once the server has answered, the enrolment is
        saved even if the task is cancelled meanwhile (the code is spent): such a cancel
        is ignored and the answer returned, so what is reported is what was saved."""
        clock_id = await _db(self._clock_id)
        async with self._http(server_url) as http:
            body = protocol.EnrollRequest(
                code=code, name=name or platform.node(), clock_id=clock_id
            )
            response = await self._call(
                http, "POST", f"{protocol.API}/enroll", json=body.model_dump()
            )
            if response.status_code != 200:
                raise self._refusal(response)
            answer = protocol.EnrollResponse.model_validate(response.json())
            offset = self._offset(response, answer.server_time_ms)
            saved, cancelled = await _whole(
                self._save_enrolment, server_url, answer, offset, body.name
            )
            if cancelled and (task := asyncio.current_task()) is not None:
                task.uncancel()  # saved (or failed) all the same: report that
            if error := saved.exception():
                if _database_locked(error):
                    raise SyncFailure(DATABASE_BUSY) from error
                raise error
        return answer

    def _clock_id(self) -> str:
        with self.db.session() as s:
            return device_id(s)

    def _save_enrolment(
        self, url: str, answer: protocol.EnrollResponse, offset: int, name: str = ""
    ) -> None:
        with self.db.session() as s:
            if get_state(s, SERVER_URL) != url.rstrip("/"):
                set_state(s, CURSOR, "0")  # a new server: its sequence numbers start over
            set_state(s, SERVER_URL, url.rstrip("/"))
            set_state(s, TOKEN, answer.token)
            set_state(s, SERVER_DEVICE_ID, answer.device_id)
            set_state(s, DEVICE_NAME, name)
            set_state(s, SCOPE, json.dumps({"all": answer.all_estates, "ids": answer.estate_ids}))
            set_state(s, CLOCK_OFFSET, str(offset))
            self._advance_clock(s, [answer.server_hlc])

    # ---- one cycle ----

    async def sync(self, progress: Callable[[SyncReport], None] | None = None) -> SyncReport:
        """One push-pull cycle. ``progress`` is called with the report as it grows (after
        each pushed batch and pulled page), on the event loop's thread.

        Cancelling the task is safe between and during pages: a page and its cursor
        commit together, so what was applied stays and the rest comes next time. A cancel
        waits for the database work under way (a page being written) to finish; SQLite
        busy beyond its timeout (a billing run) is a :class:`SyncFailure` to retry."""
        url, token = self.state(SERVER_URL), self.state(TOKEN)
        if not url or not token:
            raise SyncFailure(
                "This device is not enrolled: run `propdesk enroll --server URL --code CODE`."
            )
        report = SyncReport()
        self._progress = progress or (lambda _report: None)
        try:
            try:
                async with self._http(url, token) as http:
                    await self._push(http, report)
                    await self._pull(http, report)
                await _db(self._finish, report)
            except Exception as exc:
                if _database_locked(exc):
                    raise SyncFailure(DATABASE_BUSY) from exc
                raise
        except SyncFailure as exc:
            await self._note_outcome(str(exc))
            raise
        except asyncio.CancelledError:
            await self._note_outcome(CANCELLED)
            raise
        return report

    async def _note_outcome(self, message: str) -> None:
        """Remember why the sync ended; a database still busy must not hide the reason."""
        try:
            await _db(self._note, LAST_ERROR, message)
        except Exception as exc:
            if not _database_locked(exc):
                raise
            log.warning("sync outcome not noted, the database is busy: %s", message)

    def _note(self, key: str, value: str) -> None:
        with self.db.session() as s:
            set_state(s, key, value)

    def _finish(self, report: SyncReport) -> None:
        with self.db.session() as s:
            set_state(s, LAST_SYNC, datetime.now(UTC).isoformat())
            set_state(s, LAST_ERROR, "")
            report.cursor = int(get_state(s, CURSOR) or 0)

    def _offset(self, response: httpx.Response, server_ms: int) -> int:
        middle = (response.extensions["sent_ms"] + response.extensions["received_ms"]) // 2
        return server_ms - middle

    # ---- push ----

    async def _push(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        version = await self._call(http, "GET", f"{protocol.API}/version")
        if version.status_code != 200:
            raise self._refusal(version)
        info = protocol.VersionInfo.model_validate(version.json())
        offset = self._offset(version, info.server_time_ms)
        report.clock_offset_ms = offset
        batch_size = min(info.max_batch, protocol.MAX_BATCH)
        while True:
            batch, cursor, restamped = await _db(
                self._outbox_batch, batch_size, offset, info.max_drift_ms
            )
            report.restamped += restamped
            if not batch:
                return
            report.blobs_up += await self._upload_blobs(http, batch)
            body = protocol.PushRequest(changes=batch, cursor=cursor)
            response = await self._call(
                http, "POST", f"{protocol.API}/sync/push", json=body.model_dump(mode="json")
            )
            if response.status_code == 200:
                answer = protocol.PushResponse.model_validate(response.json())
                report.clock_offset_ms = self._offset(response, answer.server_time_ms)
                await _db(self._acknowledge, answer, report.clock_offset_ms)
                report.pushed += len(answer.accepted)
                self._progress(report)
                continue
            body_json = self._error(response)
            if body_json.get("permanent") and body_json.get("change_id"):
                found = await _db(self._set_aside, body_json["change_id"], body_json["message"])
                if not found:  # not one of ours: retrying would only repeat the refusal
                    raise self._refusal(response)
                report.rejected.append((body_json["change_id"], body_json["message"]))
                continue
            if body_json.get("error") == "clock_ahead":
                raise SyncFailure(
                    f"The server refused changes stamped in the future: {body_json['message']}"
                )
            raise self._refusal(response)

    def _outbox_batch(
        self, limit: int, offset_ms: int, max_drift_ms: int
    ) -> tuple[list[protocol.WireChange], int, int]:
        """The next changes to push, re-stamped first in the same transaction: a change
        written while a sync runs is never sent with a clock the server's is behind."""
        with self.db.session() as s:
            restamped = self._restamp(s, offset_ms, max_drift_ms)
            rows = s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq).limit(limit))
            batch = [
                protocol.WireChange(
                    change_id=r.change_id,
                    table=r.table_name,
                    row_id=r.row_id,
                    estate_id=r.estate_id,
                    kind=r.kind,
                    fields=r.fields,
                    hlc=r.hlc,
                )
                for r in rows
            ]
            return batch, int(get_state(s, CURSOR) or 0), restamped

    def _acknowledge(self, answer: protocol.PushResponse, offset: int) -> None:
        with self.db.session() as s:
            ids = answer.accepted
            for start in range(0, len(ids), 500):
                s.execute(
                    delete(SyncOutbox).where(SyncOutbox.change_id.in_(ids[start : start + 500]))
                )
            set_state(s, CLOCK_OFFSET, str(offset))
            self._advance_clock(s, [answer.server_hlc])

    def _set_aside(self, change_id: str, reason: str) -> bool:
        """A change the server will never take: keep it, visibly, out of the outbox."""
        with self.db.session() as s:
            row = s.scalar(select(SyncOutbox).where(SyncOutbox.change_id == change_id))
            if row is None:
                return False
            s.add(
                SyncRejected(
                    change_id=row.change_id,
                    table_name=row.table_name,
                    row_id=row.row_id,
                    estate_id=row.estate_id,
                    kind=row.kind,
                    fields=row.fields,
                    hlc=row.hlc,
                    reason=reason,
                    rejected_at=datetime.now(UTC),
                )
            )
            s.delete(row)
            return True

    def _restamp(self, s: Session, offset_ms: int, max_drift_ms: int) -> int:
        """Re-stamp waiting changes whose clock is ahead of the server's.

        A computer whose clock runs fast would otherwise win every conflict until the
        world caught up with it, and the server would refuse its changes. Its waiting
        changes (and the clocks of the rows they wrote) get new timestamps from the
        server-corrected clock, still after everything this device has received (so a
        value it kept over a pulled one still wins over it everywhere).
        """
        server_now = _now_ms() + offset_ms
        limit = server_now + min(CLOCK_WARNING_MS, max_drift_ms)
        # HLC strings order by their zero-padded milliseconds first.
        beyond = Timestamp(limit + 1, 0, "").encode()
        ahead = list(
            s.scalars(select(SyncOutbox).where(SyncOutbox.hlc >= beyond).order_by(SyncOutbox.seq))
        )
        if not ahead:
            return 0
        clock = HybridClock(device_id(s), wall_ms=lambda: _now_ms() + offset_ms)
        received = get_state(s, RECEIVED_HLC)  # within the server's bound of its clock
        if received:
            clock.receive(received)
        last = get_state(s, HLC_KEY)  # this device's own, trusted only if not ahead
        if last and Timestamp.decode(last).physical_ms <= limit:
            clock.receive(last)
        for row in ahead:
            new = clock.now()
            self._restamp_row(s, row, new)
            row.hlc = new
        set_state(s, HLC_KEY, clock.last)
        return len(ahead)

    @staticmethod
    def _restamp_row(s: Session, change: SyncOutbox, new: str) -> None:
        model = SYNCED_TABLES.get(change.table_name)
        obj = s.get(model, change.row_id) if model else None
        if obj is None:
            return
        clocks = {k: (new if v == change.hlc else v) for k, v in (obj.field_clocks or {}).items()}
        obj.field_clocks = clocks
        if obj.updated_hlc == change.hlc:
            obj.updated_hlc = new

    async def _upload_blobs(self, http: httpx.AsyncClient, batch) -> int:
        sent = 0
        for sha in _blob_refs(batch):
            path = self.blob_dir / sha
            if not path.exists():
                continue  # never had the file here; the row still syncs
            head = await self._call(http, "HEAD", f"{protocol.API}/blobs/{sha}")
            if head.status_code == 200:
                continue
            data = await asyncio.to_thread(path.read_bytes)
            put = await self._call(http, "PUT", f"{protocol.API}/blobs/{sha}", content=data)
            if put.status_code not in (200, 201):
                raise self._refusal(put)
            sent += 1
        return sent

    # ---- pull ----

    async def _pull(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        cursor = int(await _db(self.state, CURSOR) or 0)
        fetching = asyncio.ensure_future(self._fetch_page(http, cursor))
        try:
            while True:
                page, offset = await fetching
                if page.more:  # the next page travels while this one is applied
                    fetching = asyncio.ensure_future(self._fetch_page(http, page.cursor))
                report.clock_offset_ms = offset
                report.conflicts += await _db(self._apply_page, page, offset)
                report.pulled += len(page.changes)
                report.blobs_down += await self._download_blobs(http, page.changes)
                self._progress(report)
                if not page.more:
                    return
        finally:
            if not fetching.done():
                fetching.cancel()

    async def _fetch_page(
        self, http: httpx.AsyncClient, cursor: int
    ) -> tuple[protocol.PullResponse, int]:
        response = await self._call(
            http,
            "GET",
            f"{protocol.API}/sync/pull",
            params={"cursor": cursor, "limit": PULL_PAGE},
        )
        if response.status_code != 200:
            raise self._refusal(response)
        page = protocol.PullResponse.model_validate_json(response.content)
        return page, self._offset(response, page.server_time_ms)

    def _apply_page(self, page: protocol.PullResponse, offset: int) -> int:
        """Apply a page, keep conflicts, drop acknowledged outbox rows, store the cursor:
        one transaction."""
        with self.db.session() as s:
            changes = [
                Change(c.change_id, c.table, c.row_id, c.estate_id, c.kind, c.fields, c.hlc)
                for c in page.changes
            ]
            pending = _pending_fields(s, changes)
            result = apply_changes(s, changes)
            lost_here = [c for c in result.conflicts if _lost_here(c, pending)]
            lost_here += [_notice_conflict(n) for n in page.conflicts]
            conflicts = record_conflicts(s, lost_here)
            if changes:
                self._page_applied()
            self._drop_landed(s, page.last_change_id)
            set_state(s, CURSOR, str(page.cursor))
            set_state(s, CLOCK_OFFSET, str(offset))
            self._advance_clock(s, [page.server_hlc, result.max_hlc])
            return conflicts

    def _page_applied(self) -> None:
        """Called inside the page's transaction, before the cursor is stored: the point
        where a crash must lose the page and the cursor together (crash-safety tests)."""
        if os.environ.get(CRASH_AFTER_APPLY):
            os._exit(71)

    @staticmethod
    def _drop_landed(s: Session, last_change_id: str | None) -> None:
        """Outbox rows up to the last change the server applied have landed (its answer
        to a push may have been lost); they were pushed in outbox order."""
        if not last_change_id:
            return
        seq = s.scalar(select(SyncOutbox.seq).where(SyncOutbox.change_id == last_change_id))
        if seq is not None:
            s.execute(delete(SyncOutbox).where(SyncOutbox.seq <= seq))

    @staticmethod
    def _advance_clock(s: Session, hlcs: Iterable[str]) -> None:
        """Move this device's clock past clocks received from the server, and remember
        the newest of them (the bound a re-stamp must stay above)."""
        clock = HybridClock(device_id(s), get_state(s, HLC_KEY))
        received = get_state(s, RECEIVED_HLC) or ""
        for hlc in hlcs:
            if hlc:
                clock.receive(hlc)
                received = max(received, hlc)
        set_state(s, HLC_KEY, clock.last)
        if received:
            set_state(s, RECEIVED_HLC, received)

    async def _download_blobs(self, http: httpx.AsyncClient, changes) -> int:
        got = 0
        for sha in _blob_refs(changes):
            path = self.blob_dir / sha
            if path.exists():
                continue
            response = await self._call(http, "GET", f"{protocol.API}/blobs/{sha}")
            if response.status_code != 200:
                continue  # not uploaded (yet); fetched on a later sync
            data = response.content
            if hashlib.sha256(data).hexdigest() != sha:
                continue
            await asyncio.to_thread(_write_blob, path, data)
            got += 1
        return got


def _write_blob(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(path)  # never a half-written blob under its final name


@cache
def _blob_fields(table: str) -> tuple[str, ...]:
    model = SYNCED_TABLES.get(table)
    return tuple(n for n in field_types(model) if is_blob_field(n)) if model else ()


def _blob_refs(changes: Iterable[protocol.WireChange]) -> list[str]:
    refs: list[str] = []
    for change in changes:
        for name in _blob_fields(change.table):
            value = change.fields.get(name)
            is_ref = isinstance(value, str) and len(value) == 64
            if is_ref and value.lower() not in refs:
                refs.append(value.lower())
    return refs


def _pending_fields(s: Session, changes: list[Change]) -> dict[tuple[str, str], set[str]]:
    """Fields of the rows in ``changes`` that this device changed and has not pushed."""
    ids = {c.row_id for c in changes}
    pending: dict[tuple[str, str], set[str]] = {}
    if not ids:
        return pending
    id_list = list(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        for row in s.execute(
            select(SyncOutbox.table_name, SyncOutbox.row_id, SyncOutbox.fields).where(
                SyncOutbox.row_id.in_(chunk)
            )
        ):
            pending.setdefault((row.table_name, row.row_id), set()).update(row.fields)
    return pending


def _lost_here(conflict: Conflict, pending: dict[tuple[str, str], set[str]]) -> bool:
    """Whether a merge loss is this device's to keep: an incoming value that lost, or a
    value of ours not yet pushed that an incoming change overwrote or deleted. (Losses of
    values we had pushed are judged by the server, which sends them as notices.)"""
    loss = conflict.loss
    if loss.incoming_lost:
        return True
    mine = pending.get((conflict.change.table_name, conflict.change.row_id), set())
    fields = set(loss.lost_value) if isinstance(loss.lost_value, dict) else {loss.field}
    return bool(fields & mine)


def _notice_conflict(notice: protocol.ConflictNotice) -> Conflict:
    change = Change("", notice.table, notice.row_id, "", "upsert", {}, notice.lost_hlc)
    loss = Loss(
        notice.field, notice.kept_value, notice.kept_hlc, notice.lost_value, notice.lost_hlc, True
    )
    return Conflict(change, loss)


# ---- blocking wrappers for the CLI and tests ----


def run_sync(db: Database, **kw) -> SyncReport:
    return asyncio.run(SyncClient(db, **kw).sync())


def run_enroll(db: Database, server_url: str, code: str, name: str = "", **kw):
    return asyncio.run(SyncClient(db, **kw).enroll(server_url, code, name))
