"""`GET /health` and `GET /version` at the root, as docs/deploy.md and docs/sync.md name
them for monitoring: the same answers as under /api/v1."""

from __future__ import annotations

import asyncio

import httpx


def _get(server, path: str) -> httpx.Response:
    async def go():
        async with httpx.AsyncClient(transport=server.transport(), base_url=server.url) as c:
            return await c.get(path)

    return asyncio.run(go())


def test_health_and_version_answer_at_the_root_too(server):
    for name, moving in (("health", "server_time_ms"), ("version", "server_time_ms")):
        root, api = _get(server, f"/{name}"), _get(server, f"/api/v1/{name}")
        assert root.status_code == api.status_code == 200, root.text
        assert root.json().keys() == api.json().keys()
        assert {k: v for k, v in root.json().items() if k != moving} == {
            k: v for k, v in api.json().items() if k != moving
        }
    assert _get(server, "/health").json()["status"] == "ok"
    assert {"server_id", "epoch"} <= set(_get(server, "/health").json())
