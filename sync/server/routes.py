"""The HTTP API, versioned under /api/v1 (the OpenAPI document is the contract)."""

from __future__ import annotations

import os

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session

from sync import protocol
from sync.server import crud
from sync.server.deps import (
    bearer,
    clock,
    schema_version,
    session,
    snapshot_session,
)
from sync.server.errors import SyncError

router = APIRouter(prefix=protocol.API)
ERRORS = {
    401: {"model": protocol.ErrorBody},
    403: {"model": protocol.ErrorBody},
    409: {"model": protocol.ErrorBody},
    413: {"model": protocol.ErrorBody},
    422: {"model": protocol.ErrorBody},
    426: {"model": protocol.ErrorBody},
}
# Test hook for the crash-safety test: die after a push commits, before it is answered.
CRASH_AFTER_PUSH_COMMIT = "PROPDESK_SERVER_CRASH_AFTER_COMMIT"


@router.get("/health")
def health() -> dict:
    return {"status": "ok"}


@router.get("/version", response_model=protocol.VersionInfo)
def version() -> protocol.VersionInfo:
    return protocol.VersionInfo(
        protocol=protocol.PROTOCOL_VERSION,
        schema_version=protocol.SCHEMA_VERSION,
        min_client_schema=protocol.MIN_CLIENT_SCHEMA,
        max_batch=protocol.MAX_BATCH,
        max_change_bytes=protocol.MAX_CHANGE_BYTES,
        max_blob_bytes=protocol.MAX_BLOB_BYTES,
        max_drift_ms=protocol.MAX_DRIFT_MS,
        server_time_ms=crud.now_ms(),
    )


@router.post("/enroll", response_model=protocol.EnrollResponse, responses=ERRORS)
def enroll(
    body: protocol.EnrollRequest,
    s: Session = Depends(session),
    c: crud.ServerClock = Depends(clock),
    _schema: int = Depends(schema_version),
) -> protocol.EnrollResponse:
    device, token = crud.enroll(s, body.code, body.name, body.clock_id)
    s.commit()
    return protocol.EnrollResponse(
        device_id=device.id,
        token=token,
        estate_ids=device.estate_ids,
        all_estates=device.all_estates,
        server_hlc=c.now(),
        server_time_ms=crud.now_ms(),
    )


def _device(s: Session, token: str | None):
    return crud.device_for_token(s, token)


@router.post("/sync/push", response_model=protocol.PushResponse, responses=ERRORS)
def push(
    body: protocol.PushRequest,
    s: Session = Depends(session),
    token: str | None = Depends(bearer),
    c: crud.ServerClock = Depends(clock),
    _schema: int = Depends(schema_version),
) -> protocol.PushResponse:
    device = _device(s, token)
    result = crud.push(s, device, body.changes, body.cursor, c)
    s.commit()
    if os.environ.get(CRASH_AFTER_PUSH_COMMIT):
        os._exit(70)
    return protocol.PushResponse(
        accepted=result.accepted,
        server_hlc=c.now(),
        server_time_ms=crud.now_ms(),
        last_change_id=result.last_change_id,
    )


@router.get("/sync/pull", response_model=protocol.PullResponse, responses=ERRORS)
def pull(
    cursor: int = Query(0, ge=0),
    limit: int = Query(1000, ge=1, le=protocol.MAX_PULL),
    s: Session = Depends(snapshot_session),
    token: str | None = Depends(bearer),
    c: crud.ServerClock = Depends(clock),
    _schema: int = Depends(schema_version),
) -> Response:
    device = _device(s, token)
    page = crud.pull(s, device, cursor, limit, c)
    s.rollback()
    # Serialised by pydantic-core directly: FastAPI's generic encoder would take longer
    # than the query for a page of thousands of changes.
    return Response(page.model_dump_json(), media_type="application/json")


@router.put("/blobs/{sha256}", status_code=201, responses=ERRORS)
async def put_blob(
    sha256: str,
    request: Request,
    token: str | None = Depends(bearer),
    _schema: int = Depends(schema_version),
) -> Response:
    data = await request.body()
    with crud.new_session(request.app.state.engine) as s:
        _device(s, token)
        created = crud.put_blob(s, sha256, data)
        s.commit()
    return Response(status_code=201 if created else 200)


@router.get("/blobs/{sha256}", responses=ERRORS)
def get_blob(
    sha256: str,
    s: Session = Depends(session),
    token: str | None = Depends(bearer),
    _schema: int = Depends(schema_version),
) -> Response:
    _device(s, token)
    blob = crud.get_blob(s, sha256)
    if blob is None:
        raise SyncError(404, "no_blob", f"No blob {sha256} on the server")
    return Response(blob.data, media_type="application/octet-stream")


@router.head("/blobs/{sha256}")
def head_blob(
    sha256: str,
    s: Session = Depends(session),
    token: str | None = Depends(bearer),
    _schema: int = Depends(schema_version),
) -> Response:
    _device(s, token)
    blob = crud.get_blob(s, sha256)
    if blob is None:
        return Response(status_code=404)
    return Response(headers={"Content-Length": str(blob.size)})
