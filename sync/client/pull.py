"""Pulling: pages of everyone else's changes, each applied with its conflicts, the
acknowledged outbox rows and the new cursor in one transaction.

A pulled change this desk cannot apply (a table a newer server knows, a malformed value)
is set aside with its reason and the rest of the page goes on: one bad change must not
stop every later pull. Applying a page publishes its changes like any commit, marked as
coming from sync, so open screens refresh from it.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import httpx
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.hlc import Timestamp
from app.domain.merge import Loss
from app.store.apply import (
    ApplyError,
    ApplyResult,
    Authors,
    Change,
    Conflict,
    apply_changes,
    record_conflicts,
    take_documents,
)
from app.store.db import Database, mark_source
from app.store.models import SyncOutbox, SyncRejected
from app.store.recorder import DEVICE_KEY, get_state, set_state
from sync import protocol
from sync.client import base
from sync.client.base import CLOCK_OFFSET, CURSOR, DEVICE_NAME, SyncReport, in_worker, now_ms
from sync.client.errors import SyncFailure
from sync.client.snapshot import Snapshot


class Pull(Snapshot):
    """Mixed into ``SyncClient`` (``db``, ``_call``, ``_refusal``, ``_offset``,
    ``_progress``, ``_advance_clock``, ``_download_blobs``)."""

    db: Database

    async def _pull(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        report.receiving_since_ms = now_ms()
        await self._first_pull(http, report)  # a desk with nothing yet: the estate at once
        cursor = int(await in_worker(self.state, CURSOR) or 0)
        self._count_after = cursor  # the first page says how many are left
        fetching = asyncio.ensure_future(self._fetch_page(http, cursor))
        try:
            while True:
                page, offset = await fetching
                if page.more:  # the next page travels while this one is applied
                    fetching = asyncio.ensure_future(self._fetch_page(http, page.cursor))
                report.clock_offset_ms = offset
                conflicts, set_aside = await in_worker(self._apply_page, page, offset)
                report.conflicts += conflicts
                report.set_aside += set_aside
                report.pulled += len(page.changes)
                report.cursor = page.cursor
                if page.remaining is not None:  # counted with the first page
                    report.remaining = page.remaining
                elif report.remaining is not None:
                    report.remaining = max(0, report.remaining - len(page.changes))
                if not page.more:
                    report.remaining = 0
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
        params: dict[str, int | str] = {"cursor": cursor, "limit": base.PULL_PAGE}
        if cursor == getattr(self, "_count_after", None):  # how many are left, once a run
            params["count"] = "true"
        response = await self._call(http, "GET", f"{protocol.API}/sync/pull", params=params)
        if response.status_code != 200:
            raise self._refusal(response)
        page = await asyncio.to_thread(parse_page, response.content)
        return page, self._offset(response, page.server_time_ms)

    def _apply_page(self, page: protocol.PullResponse, offset: int) -> tuple[int, int]:
        """Apply a page, keep conflicts, drop acknowledged outbox rows, store the cursor:
        one transaction. Returns (conflicts kept, changes set aside)."""
        with self.db.session() as s:
            mark_source(s, "sync")
            changes = [
                Change(c.change_id, c.table, c.row_id, c.estate_id, c.kind, c.fields, c.hlc)
                for c in page.changes
            ]
            # who made each pulled change, and on which desk: for the conflicts it causes
            origins = {c.change_id: (c.author, c.device) for c in page.changes}
            # a notice that this desk's copy of a document lost: take the kept copy
            notices = [_notice_conflict(n) for n in page.conflicts]
            for notice, wire in zip(notices, page.conflicts, strict=True):
                origins[id(notice.change)] = Authors(
                    wire.kept_author, wire.kept_device, wire.lost_author, wire.lost_device
                )
            conflicts, set_aside, max_hlc = self._merge_pulled(s, changes, notices, origins)
            _drop_landed(s, page.last_change_id)
            set_state(s, CURSOR, str(page.cursor))
            set_state(s, CLOCK_OFFSET, str(offset))
            self._advance_clock(s, [page.server_hlc, max_hlc], offset)
            return conflicts, set_aside

    @staticmethod
    def _merge_pulled(
        s: Session,
        changes: list[Change],
        notices: list[Conflict] = (),
        origins: dict | None = None,
    ) -> tuple[int, int, str]:
        """Merge pulled changes and keep the losses that are this desk's, with who wrote
        each value (``origins``: a pulled change's id -> (author's staff id, desk name);
        a notice's change (its ``id()``) -> the ``Authors`` the server sent).
        Returns (conflicts kept, changes set aside, the newest clock merged)."""
        pending = _pending_fields(s, changes)
        result, set_aside = _apply_what_applies(s, changes)
        lost_here = [c for c in result.conflicts if _lost_here(c, pending)]
        lost_here += take_documents(s, list(notices))
        who = _Who(s, pending, origins or {})
        return record_conflicts(s, lost_here, who.authors), set_aside, result.max_hlc


def parse_page(content: bytes) -> protocol.PullResponse:
    """A pulled page, checked like ``PullResponse.model_validate_json`` but change by
    change: run in a worker, it then gives the UI thread the interpreter between changes
    (one validation of a whole page of megabytes would hold it for a tenth of a second)."""
    try:
        data = json.loads(content)
        changes = data.pop("changes")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise SyncFailure("sync.refused", reason=f"not a page of changes: {error}") from error
    page = protocol.PullResponse.model_validate({**data, "changes": []})
    page.changes = [protocol.WireChange.model_validate(c) for c in changes]
    return page


def _apply_what_applies(s: Session, changes: list[Change]) -> tuple[ApplyResult, int]:
    """Apply the page less the changes this desk cannot apply, which are kept aside (in
    ``sync_rejected``, with the reason) so that every later pull goes on. ``apply_changes``
    checks every change before it writes anything, so a refused attempt left nothing."""
    aside = 0
    while True:
        try:
            return apply_changes(s, changes), aside
        except ApplyError as error:
            refused = [c for c in changes if c.change_id == error.change_id]
            if not refused:
                raise
            for change in refused:
                _keep_aside(s, change, error.reason)
            aside += len(refused)
            changes = [c for c in changes if c.change_id != error.change_id]


def _keep_aside(s: Session, change: Change, reason: str) -> None:
    if s.get(SyncRejected, change.change_id) is not None:
        return
    s.add(
        SyncRejected(
            change_id=change.change_id,
            table_name=change.table_name[:64],
            row_id=change.row_id[:36],
            estate_id=change.estate_id[:36],
            kind=change.kind[:10],
            fields=change.fields,
            hlc=change.hlc[:80],
            reason=f"pulled: {reason}",
            rejected_at=datetime.now(UTC),
        )
    )


def _drop_landed(s: Session, last_change_id: str | None) -> None:
    """Outbox rows up to the last change the server applied have landed (its answer to
    a push may have been lost); they were pushed in outbox order."""
    if not last_change_id:
        return
    seq = s.scalar(select(SyncOutbox.seq).where(SyncOutbox.change_id == last_change_id))
    if seq is not None:
        s.execute(delete(SyncOutbox).where(SyncOutbox.seq <= seq))


def _pending_fields(s: Session, changes: list[Change]) -> dict[tuple[str, str], dict[str, str]]:
    """Fields of the rows in ``changes`` that this device changed and has not pushed,
    each with the staff account that last changed it ("" for the desk's system work)."""
    ids = {c.row_id for c in changes}
    pending: dict[tuple[str, str], dict[str, str]] = {}
    if not ids:
        return pending
    id_list = list(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        for row in s.execute(
            select(SyncOutbox.table_name, SyncOutbox.row_id, SyncOutbox.fields, SyncOutbox.author)
            .where(SyncOutbox.row_id.in_(chunk))
            .order_by(SyncOutbox.seq)
        ):
            mine = pending.setdefault((row.table_name, row.row_id), {})
            mine.update(dict.fromkeys(row.fields, row.author or ""))
    return pending


class _Who:
    """Who wrote the kept and the lost value of a conflict found while pulling: a pulled
    change names its author and desk; a value of this desk's outbox, the signed-in user
    who made it on this desk; a notice's document copy, who issued or imported it."""

    def __init__(
        self,
        s: Session,
        pending: dict[tuple[str, str], dict[str, str]],
        origins: dict,
    ) -> None:
        self.pending = pending
        self.origins = origins
        self.here = get_state(s, DEVICE_NAME) or ""
        self.clock = get_state(s, DEVICE_KEY) or ""  # this desk's clock id

    def authors(self, conflict: Conflict) -> Authors:
        loss = conflict.loss
        change = conflict.change
        if not change.change_id:  # a notice: this desk's pushed value lost on the server
            sent = self.origins.get(id(change)) or Authors()
            return Authors(
                sent.kept_by or _issuer(loss.kept_value),
                sent.kept_desk,
                sent.lost_by or _issuer(loss.lost_value),
                sent.lost_desk or self.here,
            )
        theirs = self.origins.get(change.change_id, ("", ""))
        mine = self.pending.get((change.table_name, change.row_id), {})
        if loss.incoming_lost:  # the pulled value lost to the one this desk holds
            kept_by, kept_desk = "", ""
            if loss.field in mine:
                kept_by, kept_desk = mine[loss.field], self.here
            elif self.clock and _clock_of(loss.kept_hlc) == self.clock:
                kept_desk = self.here
            return Authors(kept_by, kept_desk, *theirs)
        return Authors(*theirs, mine.get(loss.field, ""), self.here)


def _issuer(value) -> str:
    """Who issued or imported a document's copy (its fields as sent), or ""."""
    if isinstance(value, dict):
        return str(value.get("issued_by") or value.get("imported_by") or "")
    return ""


def _clock_of(hlc: str) -> str:
    try:
        return Timestamp.decode(hlc).device
    except ValueError:
        return ""


def _lost_here(conflict: Conflict, pending: dict[tuple[str, str], dict[str, str]]) -> bool:
    """Whether a merge loss is this device's to keep: an incoming value that lost, or a
    value of ours not yet pushed that an incoming change overwrote or deleted. (Losses of
    values we had pushed are judged by the server, which sends them as notices.)"""
    loss = conflict.loss
    if loss.incoming_lost:
        return True
    mine = pending.get((conflict.change.table_name, conflict.change.row_id), {})
    fields = set(loss.lost_value) if isinstance(loss.lost_value, dict) else {loss.field}
    return bool(fields & mine.keys())


def _notice_conflict(notice: protocol.ConflictNotice) -> Conflict:
    change = Change("", notice.table, notice.row_id, "", "upsert", {}, notice.lost_hlc)
    loss = Loss(
        notice.field, notice.kept_value, notice.kept_hlc, notice.lost_value, notice.lost_hlc, True
    )
    return Conflict(change, loss)
