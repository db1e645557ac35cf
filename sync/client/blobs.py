"""Attachments travel before the rows that name them: uploaded from the one blob store
(``app.store.blobs``) ahead of a push, downloaded into it after a pulled page. Each file
the server says it holds (an upload answered, a HEAD found, a download) is recorded as
confirmed by its hash (``app.services.inspections.sync_state``); local copies stay."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache

import httpx

from app.domain.errors import DomainError
from app.services.inspections.sync_state import confirm_blobs
from app.store.base import SYNCED_TABLES
from app.store.blobs import BlobStore
from app.store.codec import field_types
from sync import protocol
from sync.client.base import in_worker


def is_blob_field(name: str) -> bool:
    """Rows name their attachments by content hash in a field called sha256 or *_sha256."""
    return name == "sha256" or name.endswith("_sha256")


@cache
def _blob_fields(table: str) -> tuple[str, ...]:
    model = SYNCED_TABLES.get(table)
    return tuple(n for n in field_types(model) if is_blob_field(n)) if model else ()


def blob_refs(changes: Iterable[protocol.WireChange]) -> list[str]:
    refs: list[str] = []
    for change in changes:
        for name in _blob_fields(change.table):
            value = change.fields.get(name)
            is_ref = isinstance(value, str) and len(value) == 64
            if is_ref and value.lower() not in refs:
                refs.append(value.lower())
    return refs


class BlobTransfer:
    """Mixed into ``SyncClient``: needs ``self.db``, ``self.blobs`` (a BlobStore),
    ``_call``, ``_refusal``."""

    blobs: BlobStore

    async def _confirmed(self, sha: str) -> None:
        await in_worker(confirm_blobs, self.db, [sha], datetime.now(UTC))

    async def _upload_blobs(self, http: httpx.AsyncClient, batch) -> int:
        sent = 0
        for sha in blob_refs(batch):
            try:
                path = self.blobs.path(sha)
            except DomainError:
                continue  # not a hash: nothing to send
            if not path.is_file():
                continue  # never had the file here; the row still syncs
            head = await self._call(http, "HEAD", f"{protocol.API}/blobs/{sha}")
            if head.status_code == 200:
                await self._confirmed(sha)
                continue
            data = await asyncio.to_thread(path.read_bytes)
            put = await self._call(http, "PUT", f"{protocol.API}/blobs/{sha}", content=data)
            if put.status_code not in (200, 201):
                raise self._refusal(put)
            await self._confirmed(sha)  # the server checked the hash before answering
            sent += 1
        return sent

    async def _download_blobs(self, http: httpx.AsyncClient, changes) -> int:
        got = 0
        for sha in blob_refs(changes):
            try:
                if self.blobs.has(sha):
                    continue
            except DomainError:
                continue
            response = await self._call(http, "GET", f"{protocol.API}/blobs/{sha}")
            if response.status_code != 200:
                continue  # not uploaded (yet); fetched on a later sync
            try:
                await asyncio.to_thread(self.blobs.put, response.content, expected=sha)
            except DomainError:
                continue  # damaged on the way: fetched again on a later sync
            await self._confirmed(sha)
            got += 1
        return got
