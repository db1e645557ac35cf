"""A desk's first sync: the estate as it stood at a cursor, bulk-loaded page by page
(GET /sync/snapshot), then the changes after that cursor pulled as usual.

Used when the desk holds no rows yet (the account tables the server writes aside) and
has never pulled: replaying the change log change by change would merge every row that
many times. Each page commits with where the next one starts (``snapshot_progress``),
so a cancelled or broken first sync resumes where it stopped; the last page sets the
pull cursor to the snapshot's. The loaded tables' secondary indexes and the unit search
triggers are dropped for the load and made once by its last page (or when it stops:
a cancel or an error; after a crash, when the desk next opens), see
``app.store.bulk_load.defer_indexes``. A server restored meanwhile (another epoch) drops the
progress: the desk then pulls from zero, merging over what it loaded (idempotent).
"""

from __future__ import annotations

import asyncio
import json
import logging
from types import SimpleNamespace
from typing import Any

import httpx
from sqlalchemy import select

from app.store.apply import Change
from app.store.base import SYNCED_TABLES
from app.store.bulk_load import Section, defer_indexes, load_sections, restore_indexes
from app.store.db import Database, mark_source
from app.store.models import SyncOutbox
from app.store.recorder import get_state, set_state
from sync import protocol
from sync.client.base import CLOCK_OFFSET, CURSOR, SyncReport, in_worker, whole
from sync.client.blobs import is_blob_field
from sync.client.errors import SyncFailure
from sync.client.identity import EPOCH, SERVER_WRITTEN

log = logging.getLogger(__name__)

SNAPSHOT = "snapshot_progress"  # JSON: epoch, cursor, table, after, done, total
# Rows per page: a page's JSON is parsed in one call that holds the interpreter, so the
# window's stall grows with it (bench/ui_stall.py); fewer, larger pages save round trips.
SNAPSHOT_PAGE = 10_000


class NoSnapshot(Exception):
    """The server has no snapshot endpoint (an older server): pull as before."""


class Snapshot:
    """Mixed into ``SyncClient`` through ``Pull`` (``db``, ``_call``, ``_refusal``,
    ``_offset``, ``_progress``, ``_advance_clock``, ``_download_blobs``,
    ``_merge_pulled``)."""

    db: Database

    async def _first_pull(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        """Load the estate from a snapshot if this desk has nothing yet (or resume one)."""
        progress = await in_worker(self._snapshot_progress)
        if progress is None:
            return
        report.first_sync = True
        fetching = asyncio.ensure_future(self._fetch_snapshot(http, progress))
        finished = False
        try:
            while True:
                page, offset = await fetching
                if page.next_table is not None:  # the next page travels meanwhile
                    ahead = {**progress, "cursor": page.cursor}
                    ahead.update(table=page.next_table, after=page.next_after)
                    fetching = asyncio.ensure_future(self._fetch_snapshot(http, ahead))
                report.clock_offset_ms = offset
                # a cancel asked for since (a page already fetched is not waited for) lands
                # here, before another page is written
                await asyncio.sleep(0)
                progress, conflicts, aside = await in_worker(
                    self._apply_snapshot_page, page, offset, progress
                )
                report.conflicts += conflicts
                report.set_aside += aside
                report.pulled += page.rows
                left = (progress.get("total") or 0) - progress["done"]
                report.remaining = 0 if page.next_table is None else max(0, left)
                report.blobs_down += await self._download_blobs(http, _blob_rows(page))
                self._progress(report)
                if page.next_table is None or progress.get("epoch") is None:
                    finished = True  # the last page restored the indexes
                    return
        except NoSnapshot:
            finished = True
            return
        finally:
            if not fetching.done():
                fetching.cancel()
            if not finished:  # cancelled or failed: the desk is not left without them
                work, _cancelled = await whole(self._restore_indexes)
                if not work.cancelled() and work.exception() is not None:
                    log.warning("indexes not restored yet: %s", work.exception())

    def _restore_indexes(self) -> None:
        with self.db.session() as s:
            restore_indexes(s)

    def _snapshot_progress(self) -> dict[str, Any] | None:
        """Where a first sync from a snapshot stands; None when this desk pulls as usual."""
        with self.db.session() as s:
            epoch = get_state(s, EPOCH) or ""
            raw = get_state(s, SNAPSHOT)
            if raw:
                progress = json.loads(raw)
                if progress.get("epoch") == epoch:
                    return progress
                set_state(s, SNAPSHOT, "")  # a restored server: start over from zero
                return None
            if int(get_state(s, CURSOR) or 0) != 0 or not holds_nothing(s):
                return None
            return {"epoch": epoch, "cursor": None, "table": None, "after": "", "done": 0}

    async def _fetch_snapshot(
        self, http: httpx.AsyncClient, progress: dict[str, Any]
    ) -> tuple[protocol.SnapshotPage, int]:
        params: dict[str, Any] = {"limit": SNAPSHOT_PAGE}
        if progress.get("cursor") is not None:
            params.update(cursor=progress["cursor"], table=progress["table"])
            params["after"] = progress["after"]
        response = await self._call(http, "GET", f"{protocol.API}/sync/snapshot", params=params)
        if response.status_code == 404 and progress.get("cursor") is None:
            raise NoSnapshot
        if response.status_code != 200:
            raise self._refusal(response)
        page = await asyncio.to_thread(parse_snapshot, response.content)
        return page, self._offset(response, page.server_time_ms)

    def _apply_snapshot_page(
        self, page: protocol.SnapshotPage, offset: int, progress: dict[str, Any]
    ) -> tuple[dict[str, Any], int, int]:
        """Load a page and note where the next one starts: one transaction. Returns (the
        progress, conflicts kept, changes set aside)."""
        with self.db.session() as s:
            mark_source(s, "sync")
            if page.epoch != progress["epoch"]:
                # restored while the snapshot was read: pull everything again instead
                set_state(s, SNAPSHOT, "")
                set_state(s, CURSOR, "0")
                restore_indexes(s)
                return {**progress, "epoch": None}, 0, 0
            defer_indexes(s, [x.table for x in page.sections if x.columns])
            loaded = load_sections(
                s, [Section(x.table, x.columns, x.values) for x in page.sections if x.columns]
            )
            history = [
                Change(c.change_id, c.table, c.row_id, c.estate_id, c.kind, c.fields, c.hlc)
                for x in page.sections
                for c in x.changes
            ]
            conflicts, aside, max_hlc = self._merge_pulled(s, history + loaded.to_merge)
            progress = {
                **progress,
                "cursor": page.cursor,
                "table": page.next_table,
                "after": page.next_after,
                "done": progress.get("done", 0) + page.rows,
                "total": progress.get("total") if page.total is None else page.total,
            }
            if page.next_table is None:  # loaded: the changes after it are pulled next
                restore_indexes(s)
                set_state(s, CURSOR, str(page.cursor))
                set_state(s, SNAPSHOT, "")
            else:
                set_state(s, SNAPSHOT, json.dumps(progress))
            set_state(s, CLOCK_OFFSET, str(offset))
            self._advance_clock(s, [page.server_hlc, loaded.max_hlc, max_hlc], offset)
            return progress, conflicts, aside


def holds_nothing(s) -> bool:
    """No synced row and nothing waiting to go up, the account tables the server writes
    aside (a standalone desk keeps its local administrator until it enrols)."""
    for name, model in SYNCED_TABLES.items():
        if name in SERVER_WRITTEN:
            continue
        if s.execute(select(model.__table__.c.id).limit(1)).first() is not None:
            return False
    waiting = select(SyncOutbox.seq).where(SyncOutbox.table_name.not_in(SERVER_WRITTEN))
    return s.execute(waiting.limit(1)).first() is None


def parse_snapshot(content: bytes) -> protocol.SnapshotPage:
    """A snapshot page, its structure checked (the rows are checked as they are loaded).

    Parsed with the standard library in a worker thread: one page of 5,000 rows holds
    the interpreter for a few milliseconds."""
    try:
        data = json.loads(content)
        sections = data.pop("sections")
        page = protocol.SnapshotPage.model_validate({**data, "sections": []})
        page.sections = [
            protocol.SnapshotSection.model_construct(
                table=str(x["table"]),
                columns=[str(c) for c in x["columns"]],
                values=list(x["values"]),
                changes=[protocol.WireChange.model_validate(c) for c in x.get("changes", [])],
            )
            for x in sections
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise SyncFailure("sync.refused", reason=f"not a snapshot page: {error}") from error
    return page


def _blob_rows(page: protocol.SnapshotPage) -> list[SimpleNamespace]:
    """The page's rows that name files, shaped as changes for the blob download."""
    rows = []
    for x in page.sections:
        names = [(i, c) for i, c in enumerate(x.columns) if is_blob_field(c)]
        if names:
            count = len(x.values[0]) if x.values else 0
            rows += [
                SimpleNamespace(table=x.table, fields={c: x.values[i][n] for i, c in names})
                for n in range(count)
            ]
        rows += x.changes
    return rows
