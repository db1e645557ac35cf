"""The sync client: enrol a device, then push the outbox and pull everyone else's changes.

The API is async (httpx.AsyncClient) so the desk drives it on its qasync loop; the
command line and the tests use :func:`run_sync` / :func:`run_enroll`, which run it on a
fresh event loop. Database work runs in a worker thread so the window stays responsive.

Crash safety: a pulled page, the conflicts it caused, the outbox rows the server says it
has and the new cursor are written in one transaction; the outbox loses a change only
once the server acknowledged it (its answer, or the ``last_change_id`` of a pull).
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import platform
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.hlc import HybridClock, Timestamp
from app.memory import collector_paused
from app.services.backups import RESTORED_FROM_CURSOR
from app.store.blobs import BlobStore
from app.store.db import Database
from app.store.recorder import DEVICE_KEY, HLC_KEY, device_id, get_state, set_state
from sync import protocol
from sync.client.base import (
    CLOCK_OFFSET,
    CURSOR,
    DEVICE_NAME,
    DEVICE_NUMBER,
    LAST_ERROR,
    LAST_SYNC,
    PULL_PAGE,
    RECEIVED_HLC,
    RUNS,
    SCOPE,
    SERVER_CLOCK_WRONG,
    SERVER_DEVICE_ID,
    SERVER_URL,
    TOKEN,
    SyncReport,
    database_locked,
    in_worker,
    now_ms,
    whole,
)
from sync.client.blobs import BlobTransfer
from sync.client.errors import SyncFailure, encode
from sync.client.identity import EPOCH, SERVER_ID, ServerIdentity, installation_id
from sync.client.pull import Pull, parse_page
from sync.client.push import Push
from sync.client.transport_security import (
    PIN,
    PINNED_CERT,
    certificate_refused,
    check_server_url,
    fingerprint,
    pinned_certificate,
    tls_verify,
)

log = logging.getLogger(__name__)
RUNS_KEPT = 20  # recent runs listed on the Sync page
DEVICE_REFUSALS = ("bad_token", "no_token", "revoked")


class SyncClient(ServerIdentity, Push, Pull, BlobTransfer):
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
        self.blobs = BlobStore(blob_dir)
        self.timeout = timeout
        self._progress: Callable[[SyncReport], None] = lambda _report: None

    @property
    def blob_dir(self) -> Path:
        return self.blobs.root

    # ---- state ----

    def state(self, key: str) -> str | None:
        with self.db.session() as s:
            return get_state(s, key)

    def _http(
        self, base_url: str, token: str | None = None, pinned: bytes | None = None
    ) -> httpx.AsyncClient:
        """``pinned``: the server certificate to trust alone (b"": none; None: the one
        kept at enrolment, read from the database, so not on the UI's thread)."""
        check_server_url(base_url)  # no token or residents' data over plain HTTP off this PC
        headers = {
            protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION),
            protocol.INSTALLATION_HEADER: installation_id(),
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            headers=headers,
            transport=self.transport,
            timeout=self.timeout,
            verify=tls_verify(self.db, base_url, pinned),
        )

    async def _call(self, http: httpx.AsyncClient, method: str, url: str, **kw) -> httpx.Response:
        """One request; network trouble becomes ``sync.unreachable``."""
        sent = now_ms()
        # this computer's time with every request: the server keeps each desk's offset,
        # and when most desks find its clock wrong it goes by theirs (docs/sync.md)
        kw["headers"] = {**kw.get("headers", {}), protocol.TIME_HEADER: str(sent)}
        try:
            response = await http.request(method, url, **kw)
        except httpx.TransportError as exc:
            detail = str(exc) or type(exc).__name__
            if certificate_refused(exc):  # a pinned or untrusted certificate: not "offline"
                raise SyncFailure("sync.certificate_refused", url=str(http.base_url)) from exc
            raise SyncFailure("sync.unreachable", url=str(http.base_url), detail=detail) from exc
        response.extensions["sent_ms"] = sent
        response.extensions["received_ms"] = now_ms()
        return response

    @staticmethod
    def _error(response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict) or "message" not in body:
            text = response.text[:400]
            body = {"error": "http", "message": f"HTTP {response.status_code}: {text}"}
        return body

    def _refusal(self, response: httpx.Response) -> SyncFailure:
        body = self._error(response)
        reason = str(body["message"])
        if response.status_code == 426:
            return SyncFailure("sync.upgrade_needed", reason=reason)
        if body.get("error") == "copied_device":
            return SyncFailure("sync.copied_device")
        if response.status_code in (401, 403) and body.get("error") in DEVICE_REFUSALS:
            return SyncFailure("sync.device_refused", reason=reason, error=body.get("error"))
        # the code lets a screen word it from the catalogue (server.<error>)
        error = str(body.get("error") or "")
        return SyncFailure("sync.refused", reason=reason, status=response.status_code, error=error)

    def _offset(self, response: httpx.Response, server_ms: int) -> int:
        middle = (response.extensions["sent_ms"] + response.extensions["received_ms"]) // 2
        return server_ms - middle

    # ---- enrolment ----

    async def enroll(
        self, server_url: str, code: str, name: str = "", pin: str = ""
    ) -> protocol.EnrollResponse:
        """Enrol with a one-time code. Once the server has answered, the enrolment is
        saved even if the task is cancelled meanwhile (the code is spent): such a cancel
        is ignored and the answer returned, so what is reported is what was saved.

        ``pin``: the SHA-256 of the server's certificate, given with the code; a server
        presenting another is refused before the code is sent (``transport_security``)."""
        check_server_url(server_url)
        pinned = await pinned_certificate(server_url, pin) if pin else b""
        clock_id = await in_worker(self._clock_id)
        async with self._http(server_url, pinned=pinned) as http:
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
            saved, cancelled = await whole(
                self._save_enrolment, server_url, answer, offset, body.name, pinned
            )
            if cancelled and (task := asyncio.current_task()) is not None:
                task.uncancel()  # saved (or failed) all the same: report that
            if error := saved.exception():
                if database_locked(error):
                    raise SyncFailure("sync.database_busy") from error
                raise error
        return answer

    def _clock_id(self) -> str:
        with self.db.session() as s:
            return device_id(s)

    def _save_enrolment(
        self,
        url: str,
        answer: protocol.EnrollResponse,
        offset: int,
        name: str = "",
        pinned: bytes = b"",
    ) -> None:
        with self.db.session() as s:
            # the pinned certificate (or none) belongs with this enrolment's identity
            set_state(s, PINNED_CERT, base64.b64encode(pinned).decode() if pinned else "")
            set_state(s, PIN, fingerprint(pinned) if pinned else "")
            if get_state(s, SERVER_URL) != url.rstrip("/"):
                set_state(s, CURSOR, "0")  # a new server: its sequence numbers start over
            set_state(s, SERVER_URL, url.rstrip("/"))
            set_state(s, TOKEN, answer.token)
            set_state(s, SERVER_DEVICE_ID, answer.device_id)
            set_state(s, DEVICE_NAME, name)
            set_state(s, SCOPE, json.dumps({"all": answer.all_estates, "ids": answer.estate_ids}))
            set_state(s, CLOCK_OFFSET, str(offset))
            set_state(s, LAST_ERROR, "")
            set_state(s, SERVER_ID, answer.server_id)
            set_state(s, EPOCH, answer.epoch)
            set_state(s, DEVICE_NUMBER, str(answer.device_number))
            if answer.clock_id:  # the server's clock id for this device: a fresh identity
                set_state(s, DEVICE_KEY, answer.clock_id)
            self._advance_clock(s, [answer.server_hlc], offset)

    # ---- one cycle ----

    async def sync(self, progress: Callable[[SyncReport], None] | None = None) -> SyncReport:
        """One push-pull cycle. ``progress`` is called with the report as it grows (after
        each pushed batch and pulled page), on the event loop's thread.

        Cancelling the task is safe between and during pages: a page and its cursor
        commit together, so what was applied stays and the rest comes next time. A cancel
        waits for the database work under way (a page being written) to finish; SQLite
        busy beyond its timeout (a billing run) is ``sync.database_busy``, to retry."""
        url, token = await in_worker(self._credentials)
        if not url or not token:
            raise SyncFailure("sync.not_enrolled")
        report = SyncReport()
        started = now_ms()
        self._progress = progress or (lambda _report: None)
        try:
            try:
                # building the client reads the TLS certificates: not on the UI's thread
                async with await asyncio.to_thread(self._http, url, token) as http:
                    # no cycle collections while pages come and go: a full one walks
                    # everything the window holds and stalls it for a third of a second
                    with collector_paused():
                        await self._check_epoch(http, report)
                        await self._push(http, report)
                        await self._take_back_own(http, report)
                        await self._pull(http, report)
                await in_worker(self._finish, report, started)
            except Exception as exc:
                if database_locked(exc):
                    raise SyncFailure("sync.database_busy") from exc
                raise
        except DomainError as exc:
            await self._note_outcome(exc, report, started)
            raise
        except asyncio.CancelledError:
            await self._note_outcome(SyncFailure("sync.cancelled"), report, started)
            raise
        except Exception as exc:
            log.exception("sync failed")
            failure = SyncFailure("sync.unexpected", detail=f"{type(exc).__name__}: {exc}")
            await self._note_outcome(failure, report, started)
            raise failure from exc
        return report

    async def _take_back_own(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        """After a restore from a local backup: pull from where the backup's pull stood,
        this desk's own changes included (a normal pull leaves them out), so what it
        synced after the backup was made comes back. Done once; an interrupted run goes
        on from the cursor reached."""
        cursor = await in_worker(self._restored_cursor)
        if cursor is None:
            return
        while True:
            response = await self._call(
                http,
                "GET",
                f"{protocol.API}/sync/pull",
                params={"cursor": cursor, "limit": PULL_PAGE, "own": "true"},
            )
            if response.status_code != 200:
                raise self._refusal(response)
            page = await asyncio.to_thread(parse_page, response.content)
            offset = self._offset(response, page.server_time_ms)
            conflicts, set_aside = await in_worker(self._apply_page, page, offset)
            report.conflicts += conflicts
            report.set_aside += set_aside
            report.pulled += len(page.changes)
            report.blobs_down += await self._download_blobs(http, page.changes)
            self._progress(report)
            cursor = page.cursor
            if not page.more:
                await in_worker(self._forget_restore)
                return

    def _restored_cursor(self) -> int | None:
        """Where the restored copy's pull stood (the cursor if a new epoch reset it), or
        None when there is nothing to take back."""
        with self.db.session() as s:
            restored = get_state(s, RESTORED_FROM_CURSOR)
            if not restored:
                return None
            return min(int(restored), int(get_state(s, CURSOR) or 0))

    def _forget_restore(self) -> None:
        with self.db.session() as s:
            set_state(s, RESTORED_FROM_CURSOR, "")

    def _credentials(self) -> tuple[str | None, str | None]:
        with self.db.session() as s:
            return get_state(s, SERVER_URL), get_state(s, TOKEN)

    async def _note_outcome(self, error: DomainError, report: SyncReport, started: int) -> None:
        """Remember why the sync ended; a database still busy must not hide the reason."""
        try:
            await in_worker(self._note_failure, error, report, started)
        except Exception as exc:
            if not database_locked(exc):
                raise
            log.warning("sync outcome not noted, the database is busy: %s", error)

    def _note_failure(self, error: DomainError, report: SyncReport, started: int) -> None:
        with self.db.session() as s:
            set_state(s, LAST_ERROR, encode(error))
            _add_run(s, report, started, error)

    def _finish(self, report: SyncReport, started: int) -> None:
        with self.db.session() as s:
            set_state(s, LAST_SYNC, datetime.now(UTC).isoformat())
            set_state(s, LAST_ERROR, encode(report.held_back) if report.held_back else "")
            set_state(s, SERVER_CLOCK_WRONG, "1" if report.server_clock_wrong else "")
            report.cursor = int(get_state(s, CURSOR) or 0)
            _add_run(s, report, started, report.held_back)

    @staticmethod
    def _advance_clock(s: Session, hlcs: Iterable[str], offset_ms: int) -> None:
        """Move this device's clock past clocks received from the server, and remember
        the newest of them (the bound a re-stamp must stay above).

        A received clock moves ours at most as far ahead of the time the server keeps
        (``offset_ms``: its time, already corrected by the desks' median when its own
        clock is wrong, minus this computer's) as the server accepts from any desk. A
        desk whose clock is behind still orders its edits after what it saw; a server or
        desk a day fast does not carry every desk that pulls a day into the future."""
        advance = max(0, offset_ms) + protocol.MAX_DRIFT_MS
        clock = HybridClock(device_id(s), get_state(s, HLC_KEY))
        received = get_state(s, RECEIVED_HLC) or ""
        bound = Timestamp(now_ms() + advance, 0, "").encode()
        for hlc in hlcs:
            if hlc:
                clock.receive(hlc, max_advance_ms=advance)
                received = max(received, min(hlc, bound))
        set_state(s, HLC_KEY, clock.last)
        if received:
            set_state(s, RECEIVED_HLC, received)


def _add_run(s: Session, report: SyncReport, started: int, error: DomainError | None) -> None:
    """Keep this run (what moved, how long, how it ended) among the recent ones."""
    try:
        runs = json.loads(get_state(s, RUNS) or "[]")
    except ValueError:
        runs = []
    run = {
        "at": datetime.now(UTC).isoformat(),
        "ms": max(0, now_ms() - started),
        "pushed": report.pushed,
        "pulled": report.pulled,
        "conflicts": report.conflicts,
        "rejected": len(report.rejected) + report.set_aside,
        "resent": report.resent,
        "files": report.blobs_up + report.blobs_down,
        "error": None if error is None else {"code": error.code, "params": error.params},
    }
    set_state(s, RUNS, json.dumps([run, *runs][:RUNS_KEPT], ensure_ascii=False, default=str))


# ---- blocking wrappers for the command line and tests ----


def run_sync(db: Database, **kw) -> SyncReport:
    return asyncio.run(SyncClient(db, **kw).sync())


def run_enroll(db: Database, server_url: str, code: str, name: str = "", pin: str = "", **kw):
    return asyncio.run(SyncClient(db, **kw).enroll(server_url, code, name, pin))
