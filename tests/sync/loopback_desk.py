"""A desk syncing over the network with the real server on loopback (`propdesk-server
serve` in a subprocess: ``tests.e2e.conftest.ServerProcess``)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from app.store.blobs import BlobStore
from app.store.db import Database
from sync.client import SyncClient


class LoopbackDesk:
    """Its own database file and blob folder; ``transport`` may wrap the real network."""

    def __init__(self, server, folder: Path, estate: str) -> None:
        folder.mkdir()
        self.db = Database(folder / "desk.sqlite3")
        self.blobs = BlobStore(folder / "blobs")
        self.client = SyncClient(self.db, blob_dir=self.blobs.root)
        code = server.admin("enroll-code", "--estate", estate)
        asyncio.run(self.client.enroll(server.url, code, folder.name))

    def sync(self):
        return asyncio.run(self.client.sync())


class CutAfterPuts(httpx.AsyncBaseTransport):
    """The real network, gone after ``puts`` blob uploads (a lid closed, a cable pulled)."""

    def __init__(self, puts: int) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.left = puts

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT" and "/blobs/" in request.url.path:
            if self.left <= 0:
                raise httpx.ConnectError("network gone", request=request)
            self.left -= 1
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
