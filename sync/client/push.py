"""Pushing the outbox: batches in outbox order, re-stamped first when this computer's
clock runs ahead of the server's; a change the server will never take is set aside.

A batch stays within the server's ``max_batch`` and ``max_push_bytes`` (a body it would
refuse for its size is never built), and it never ends between two changes of one row
when a shorter batch can keep them together: the server checks a row it does not have
yet against the fields of the whole batch (``incomplete_row``), and a row queued again
after a restore comes as one change per clock. A change JSON cannot carry (NaN or an
infinity in a JSON column) is set aside here, with the reason, before anything is sent."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime

import httpx
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.hlc import HybridClock, Timestamp
from app.store.base import SYNCED_TABLES
from app.store.db import Database
from app.store.models import SyncOutbox, SyncRejected
from app.store.recorder import HLC_KEY, device_id, get_state, set_state
from sync import protocol
from sync.client.base import (
    CLOCK_OFFSET,
    CLOCK_WARNING_MS,
    CURSOR,
    RECEIVED_HLC,
    SyncReport,
    in_worker,
    now_ms,
)
from sync.client.errors import SyncFailure


class Push:
    """Mixed into ``SyncClient`` (which gives ``db``, ``_call``, ``_refusal``, ``_error``,
    ``_offset``, ``_progress``, ``_advance_clock`` and ``_upload_blobs``)."""

    db: Database

    async def _version(
        self, http: httpx.AsyncClient, report: SyncReport
    ) -> tuple[protocol.VersionInfo, int]:
        """The server's limits and its time (corrected by the desks' median when most of
        them find it wrong): the offset changes are re-stamped against."""
        version = await self._call(http, "GET", f"{protocol.API}/version")
        if version.status_code != 200:
            raise self._refusal(version)
        info = protocol.VersionInfo.model_validate(version.json())
        offset = self._offset(version, info.server_time_ms)
        report.clock_offset_ms = offset
        report.server_clock_wrong = info.server_clock_wrong
        return info, offset

    async def _push(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        info, offset = await self._version(http, report)
        batch_size = min(info.max_batch, protocol.MAX_BATCH)
        max_bytes = info.max_push_bytes
        asked_again = False
        while True:
            batch, body, restamped, unsendable = await in_worker(
                self._outbox_batch, batch_size, offset, info.max_drift_ms, max_bytes
            )
            report.restamped += restamped
            report.rejected.extend(unsendable)
            if not batch:
                if unsendable:
                    continue  # all set aside here: what follows them still goes
                return
            report.blobs_up += await self._upload_blobs(http, batch)
            response = await self._call(
                http,
                "POST",
                f"{protocol.API}/sync/push",
                content=body,
                headers={"Content-Type": "application/json"},
            )
            if response.status_code == 200:
                answer = protocol.PushResponse.model_validate(response.json())
                report.clock_offset_ms = self._offset(response, answer.server_time_ms)
                await in_worker(self._acknowledge, answer, report.clock_offset_ms)
                report.pushed += len(answer.accepted)
                self._progress(report)
                asked_again = False
                continue
            refusal = self._error(response)
            if refusal.get("permanent") and refusal.get("change_id"):
                change_id = refusal["change_id"]
                reason = refusal_reason(refusal)
                if not await in_worker(self._set_aside, change_id, reason):
                    raise self._refusal(response)  # not ours: retrying repeats the refusal
                report.rejected.append((change_id, reason))
                continue
            if response.status_code == 422 and refusal.get("permanent"):
                # Refused whole with no change named (one whose id the server could not
                # read): halve the batch down to the change at fault and set it aside,
                # once a push without it shows the request itself is fine.
                if len(batch) > 1:
                    batch_size = max(1, len(batch) // 2)
                    continue
                if await self._request_is_fine(http):
                    change_id, reason = batch[0].change_id, refusal_reason(refusal)
                    if await in_worker(self._set_aside, change_id, reason):
                        report.rejected.append((change_id, reason))
                        batch_size = min(info.max_batch, protocol.MAX_BATCH)
                        continue
                raise self._refusal(response)
            if refusal.get("error") == "body_too_large" and len(batch) > 1:
                max_bytes = len(body) // 2  # the server takes less than it said: halve
                continue
            if refusal.get("error") == "clock_ahead":
                if not asked_again:  # the server's time moved (its desks' median): re-stamp
                    asked_again = True
                    info, offset = await self._version(http, report)
                    continue
                # still ahead of what the server accepts: these changes wait (they are
                # kept) and the pull goes on, so the desk is never stuck behind them
                report.held_back = SyncFailure(
                    "sync.clock_ahead_refused", reason=refusal["message"]
                )
                return
            raise self._refusal(response)

    async def _request_is_fine(self, http: httpx.AsyncClient) -> bool:
        """Whether the server takes a push of no change from this desk (then a refusal of
        one change is that change's fault, not the request's)."""
        cursor = await in_worker(self._cursor)
        response = await self._call(
            http,
            "POST",
            f"{protocol.API}/sync/push",
            content=f'{{"cursor":{cursor},"changes":[]}}'.encode(),
            headers={"Content-Type": "application/json"},
        )
        return response.status_code == 200

    def _cursor(self) -> int:
        with self.db.session() as s:
            return int(get_state(s, CURSOR) or 0)

    def _outbox_batch(
        self, limit: int, offset_ms: int, max_drift_ms: int, max_bytes: int
    ) -> tuple[list[protocol.WireChange], bytes, int, list[tuple[str, str]]]:
        """The next changes to push and the body that carries them, re-stamped first in
        the same transaction: a change written while a sync runs is never sent with a
        clock the server's is behind. Returns (batch, body, re-stamped, set aside)."""
        with self.db.session() as s:
            restamped = self._restamp(s, offset_ms, max_drift_ms)
            cursor = int(get_state(s, CURSOR) or 0)
            head = f'{{"cursor":{cursor},"changes":['.encode()
            room = max_bytes - len(head) - len(b"]}")
            rows = list(s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq).limit(limit)))
            batch: list[tuple[SyncOutbox, protocol.WireChange, bytes]] = []
            unsendable: list[tuple[str, str]] = []
            for row in rows:
                wire = _wire(row)
                try:
                    encoded = _encode(wire)
                except ValueError:
                    reason = "[not_finite] a value is NaN or infinite, which cannot be sent"
                    _move_aside(s, row, reason)
                    unsendable.append((row.change_id, reason))
                    continue
                if len(encoded) > max_bytes - len(head) - len(b"]}"):  # never fits
                    reason = (
                        f"[body_too_large] the change holds {len(encoded)} bytes; "
                        f"the server takes at most {max_bytes} in one push"
                    )
                    _move_aside(s, row, reason)
                    unsendable.append((row.change_id, reason))
                    continue
                if len(encoded) + 1 > room:
                    break
                room -= len(encoded) + 1
                batch.append((row, wire, encoded))
            batch = batch[: _whole_rows(s, [row for row, _w, _e in batch])]
            body = head + b",".join(e for _r, _w, e in batch) + b"]}"
            return [w for _r, w, _e in batch], body, restamped, unsendable

    def _acknowledge(self, answer: protocol.PushResponse, offset: int) -> None:
        with self.db.session() as s:
            ids = answer.accepted
            for start in range(0, len(ids), 500):
                s.execute(
                    delete(SyncOutbox).where(SyncOutbox.change_id.in_(ids[start : start + 500]))
                )
            set_state(s, CLOCK_OFFSET, str(offset))
            self._advance_clock(s, [answer.server_hlc], offset)

    def _set_aside(self, change_id: str, reason: str) -> bool:
        """A change the server will never take: keep it, visibly, out of the outbox."""
        with self.db.session() as s:
            row = s.scalar(select(SyncOutbox).where(SyncOutbox.change_id == change_id))
            if row is None:
                return False
            _move_aside(s, row, reason)
            return True

    def _restamp(self, s: Session, offset_ms: int, max_drift_ms: int) -> int:
        """Re-stamp waiting changes whose clock is ahead of the server's.

        A computer whose clock runs fast would otherwise win every conflict until the
        world caught up with it, and the server would refuse its changes. Its waiting
        changes (and the clocks of the rows they wrote) get new timestamps from the
        server-corrected clock, still after everything this device has received (so a
        value it kept over a pulled one still wins over it everywhere).
        """
        server_now = now_ms() + offset_ms
        limit = server_now + min(CLOCK_WARNING_MS, max_drift_ms)
        # HLC strings order by their zero-padded milliseconds first.
        beyond = Timestamp(limit + 1, 0, "").encode()
        ahead = list(
            s.scalars(select(SyncOutbox).where(SyncOutbox.hlc >= beyond).order_by(SyncOutbox.seq))
        )
        if not ahead:
            return 0
        clock = HybridClock(device_id(s), wall_ms=lambda: now_ms() + offset_ms)
        received = get_state(s, RECEIVED_HLC)  # within the server's bound of its clock
        if received:
            clock.receive(received)
        last = get_state(s, HLC_KEY)  # this device's own, trusted only if not ahead
        if last and Timestamp.decode(last).physical_ms <= limit:
            clock.receive(last)
        for row in ahead:
            new = clock.now()
            _restamp_row(s, row, new)
            row.hlc = new
        set_state(s, HLC_KEY, clock.last)
        return len(ahead)


def _restamp_row(s: Session, change: SyncOutbox, new: str) -> None:
    model = SYNCED_TABLES.get(change.table_name)
    obj = s.get(model, change.row_id) if model else None
    if obj is None:
        return
    clocks = {k: (new if v == change.hlc else v) for k, v in (obj.field_clocks or {}).items()}
    obj.field_clocks = clocks
    if obj.updated_hlc == change.hlc:
        obj.updated_hlc = new


def refusal_reason(refusal: dict) -> str:
    """What is kept with a change the server refused: ``[code] the server's sentence``,
    so a screen words it from the catalogue (``server.<code>``) in the user's language."""
    code = str(refusal.get("error") or "")
    message = str(refusal.get("message") or "")
    return f"[{code}] {message}" if code else message


def _wire(row: SyncOutbox) -> protocol.WireChange:
    return protocol.WireChange(
        change_id=row.change_id,
        table=row.table_name,
        row_id=row.row_id,
        estate_id=row.estate_id,
        kind=row.kind,
        fields=row.fields,
        hlc=row.hlc,
        author=row.author,
    )


def _encode(wire: protocol.WireChange) -> bytes:
    """The change as it travels; ValueError for NaN or an infinity, which JSON has not
    (pydantic would send them as null: a value silently lost)."""
    change = wire.model_dump(mode="json")
    change["fields"] = wire.fields
    return json.dumps(change, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _move_aside(s: Session, row: SyncOutbox, reason: str) -> None:
    s.add(
        SyncRejected(
            change_id=row.change_id,
            table_name=row.table_name,
            row_id=row.row_id,
            estate_id=row.estate_id,
            kind=row.kind,
            fields=_finite(row.fields),
            hlc=row.hlc,
            reason=reason,
            rejected_at=datetime.now(UTC),
        )
    )
    s.delete(row)


def _finite(value):
    """``value`` with NaN and infinities as text, so the set-aside copy can be stored and
    read back as JSON anywhere."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _whole_rows(s: Session, rows: list[SyncOutbox]) -> int:
    """How many of ``rows`` (the head of the outbox) to push so that no row's changes are
    split between this batch and the next: the longest head after which none of its rows
    has a change still waiting. All of them when that cannot be (or nothing follows)."""
    if not rows:
        return 0
    keys = {(r.table_name, r.row_id) for r in rows}
    last: dict[tuple[str, str], int] = {}
    ids = sorted({r.row_id for r in rows})
    for start in range(0, len(ids), 500):
        query = (
            select(SyncOutbox.table_name, SyncOutbox.row_id, func.max(SyncOutbox.seq))
            .where(SyncOutbox.row_id.in_(ids[start : start + 500]))
            .group_by(SyncOutbox.table_name, SyncOutbox.row_id)
        )
        for table_name, row_id, seq in s.execute(query):
            if (table_name, row_id) in keys:
                last[(table_name, row_id)] = seq
    reach = 0  # the furthest change of the rows taken so far
    whole = 0
    for taken, row in enumerate(rows, start=1):
        reach = max(reach, last.get((row.table_name, row.row_id), row.seq))
        if reach <= row.seq:
            whole = taken
    return whole or len(rows)
