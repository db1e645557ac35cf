"""The OpenAPI document is the contract; blobs are content-addressed."""

from __future__ import annotations

import asyncio
import hashlib

from sync import protocol
from tests.sync.test_refusals import call, enroll


def test_the_openapi_document_names_every_endpoint_and_schema(server):
    doc = asyncio.run(_get_openapi(server)).json()
    paths = doc["paths"]
    for path, method in [
        ("/api/v1/health", "get"),
        ("/api/v1/version", "get"),
        ("/api/v1/enroll", "post"),
        ("/api/v1/sync/push", "post"),
        ("/api/v1/sync/pull", "get"),
        ("/api/v1/sync/rows", "get"),
        ("/api/v1/blobs/{sha256}", "put"),
        ("/api/v1/blobs/{sha256}", "get"),
        ("/api/v1/blobs/{sha256}", "head"),
    ]:
        assert method in paths[path], (path, method)
    schemas = doc["components"]["schemas"]
    for name in (
        "PushRequest",
        "PushResponse",
        "PullResponse",
        "WireChange",
        "ErrorBody",
        "Health",
        "RowVersions",
    ):
        assert name in schemas
    for name in ("PushResponse", "PullResponse", "EnrollResponse", "Health"):
        assert {"server_id", "epoch"} <= set(schemas[name]["properties"]), name
    for status in ("401", "413", "422", "500"):
        answer = paths["/api/v1/sync/push"]["post"]["responses"][status]
        assert answer["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert "426" in paths["/api/v1/sync/push"]["post"]["responses"]
    pull_params = {p["name"] for p in paths["/api/v1/sync/pull"]["get"]["parameters"]}
    assert {"cursor", "limit", protocol.SCHEMA_HEADER} <= pull_params


async def _get_openapi(server):
    import httpx

    async with httpx.AsyncClient(transport=server.transport(), base_url=server.url) as c:
        return await c.get("/openapi.json")


def test_version_tells_the_limits(server):
    info = call(server, "GET", "/version").json()
    assert info["schema_version"] == protocol.SCHEMA_VERSION
    assert info["max_batch"] == protocol.MAX_BATCH
    assert info["max_drift_ms"] == protocol.MAX_DRIFT_MS


def test_blobs_go_up_once_and_come_back_whole(server):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    data = "维修前照片".encode() * 1000
    sha = hashlib.sha256(data).hexdigest()
    assert call(server, "HEAD", f"/blobs/{sha}", token=token).status_code == 404
    assert call(server, "PUT", f"/blobs/{sha}", token=token, content=data).status_code == 201
    assert call(server, "PUT", f"/blobs/{sha}", token=token, content=data).status_code == 200
    assert call(server, "HEAD", f"/blobs/{sha}", token=token).status_code == 200
    assert call(server, "GET", f"/blobs/{sha}", token=token).content == data
    wrong = call(server, "PUT", f"/blobs/{'0' * 64}", token=token, content=data)
    assert wrong.status_code == 422 and wrong.json()["error"] == "blob_mismatch"
    assert call(server, "GET", f"/blobs/{sha}", token=token, headers={}).status_code == 426
    assert call(server, "GET", f"/blobs/{sha}", token="nope").status_code == 401


def test_an_attachment_travels_with_its_row(server, make_device):
    from sqlalchemy import select

    from app.store.complaint_models import ComplaintAttachment
    from app.store.recorder import recorder

    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    data = b"\x89PNG fake photo bytes"
    sha = hashlib.sha256(data).hexdigest()
    a.client.blob_dir.mkdir(parents=True, exist_ok=True)
    (a.client.blob_dir / sha).write_bytes(data)
    with a.db.session() as s:
        recorder(s).create(
            ComplaintAttachment,
            estate_id=estate,
            complaint_id="c1",
            sha256=sha,
            filename="漏水.png",
            size=len(data),
        )
    assert a.sync().blobs_up == 1
    assert b.sync().blobs_down == 1
    assert (b.client.blob_dir / sha).read_bytes() == data
    with b.db.session() as s:
        assert s.scalar(select(ComplaintAttachment.filename)) == "漏水.png"
