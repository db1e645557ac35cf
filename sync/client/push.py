"""Pushing the outbox: batches in outbox order, re-stamped first when this computer's
clock runs ahead of the server's; a change the server will never take is set aside."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from sqlalchemy import delete, select
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
        asked_again = False
        while True:
            batch, cursor, restamped = await in_worker(
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
                await in_worker(self._acknowledge, answer, report.clock_offset_ms)
                report.pushed += len(answer.accepted)
                self._progress(report)
                asked_again = False
                continue
            refusal = self._error(response)
            if refusal.get("permanent") and refusal.get("change_id"):
                change_id, reason = refusal["change_id"], refusal["message"]
                if not await in_worker(self._set_aside, change_id, reason):
                    raise self._refusal(response)  # not ours: retrying repeats the refusal
                report.rejected.append((change_id, reason))
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
                    author=r.author,
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
