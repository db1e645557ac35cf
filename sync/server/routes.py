"""The HTTP API, versioned under /api/v1 (the OpenAPI document is the contract)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic_core import PydanticSerializationError
from sqlalchemy.orm import Session

from sync import protocol
from sync.server import blobs, crud, snapshot
from sync.server.deps import (
    Caller,
    caller,
    clock,
    schema_version,
    session,
    snapshot_session,
)
from sync.server.errors import SyncError
from sync.server.identity import clock_verdict, identity
from sync.server.validate import json_problem

router = APIRouter(prefix=protocol.API)
log = logging.getLogger("propdesk.server")
ERRORS = {
    status: {"model": protocol.ErrorBody}
    for status in (400, 401, 403, 404, 409, 411, 413, 422, 426, 500)
}


@router.get("/health", response_model=protocol.Health, responses=ERRORS)
def health(s: Session = Depends(session), c: crud.ServerClock = Depends(clock)) -> protocol.Health:
    server_id, epoch = identity(s)
    verdict = clock_verdict(s, crud.utcnow(), warn=True)
    s.commit()
    return protocol.Health(
        status="ok",
        server_id=server_id,
        epoch=epoch,
        server_time_ms=c.time_ms(),
        server_clock_wrong=verdict.server_clock_wrong,
        desks_clock_offset_ms=verdict.median_offset_ms,
    )


@router.get("/version", response_model=protocol.VersionInfo)
def version(c: crud.ServerClock = Depends(clock)) -> protocol.VersionInfo:
    return protocol.VersionInfo(
        protocol=protocol.PROTOCOL_VERSION,
        schema_version=protocol.SCHEMA_VERSION,
        min_client_schema=protocol.MIN_CLIENT_SCHEMA,
        max_batch=protocol.MAX_BATCH,
        max_change_bytes=protocol.MAX_CHANGE_BYTES,
        max_push_bytes=protocol.MAX_PUSH_BYTES,
        max_blob_bytes=protocol.MAX_BLOB_BYTES,
        max_drift_ms=protocol.MAX_DRIFT_MS,
        server_time_ms=c.time_ms(),
        server_clock_wrong=c.correction_ms != 0,
    )


@router.post("/enroll", response_model=protocol.EnrollResponse, responses=ERRORS)
def enroll(
    body: protocol.EnrollRequest,
    s: Session = Depends(session),
    c: crud.ServerClock = Depends(clock),
    _schema: int = Depends(schema_version),
) -> protocol.EnrollResponse:
    server_id, epoch = identity(s)
    s.commit()
    device, token = crud.enroll(s, body.code, body.name)
    return protocol.EnrollResponse(
        server_id=server_id,
        epoch=epoch,
        device_id=device.id,
        clock_id=device.clock_id,
        device_number=device.number or 0,
        token=token,
        estate_ids=device.estate_ids,
        all_estates=device.all_estates,
        server_hlc=c.now(),
        server_time_ms=c.time_ms(),
    )


@router.post("/sync/push", response_model=protocol.PushResponse, responses=ERRORS)
def push(
    body: protocol.PushRequest,
    s: Session = Depends(session),
    who: Caller = Depends(caller),
    c: crud.ServerClock = Depends(clock),
) -> protocol.PushResponse:
    server_id, epoch = identity(s)
    device = crud.device_for_token(s, who.token)
    result = crud.push(s, device, body.changes, body.cursor, c)  # commits
    return protocol.PushResponse(
        server_id=server_id,
        epoch=epoch,
        accepted=result.accepted,
        server_hlc=c.now(),
        server_time_ms=c.time_ms(),
        last_change_id=result.last_change_id,
    )


@router.get("/sync/pull", response_model=protocol.PullResponse, responses=ERRORS)
def pull(
    cursor: int = Query(0, ge=0),
    limit: int = Query(1000, ge=1, le=protocol.MAX_PULL),
    own: bool = Query(
        False,
        description="include this device's own changes: a desk restored from a local backup "
        "pulls from the cursor the backup had, to take back what it synced since",
    ),
    count: bool = Query(False, description="also count the changes left after this page"),
    s: Session = Depends(snapshot_session),
    who: Caller = Depends(caller),
    c: crud.ServerClock = Depends(clock),
) -> Response:
    device = crud.device_for_token(s, who.token)  # its last_change_id: in this snapshot
    page = crud.pull(s, device, cursor, limit, c, who.identity, include_own=own)
    if count:
        page.remaining = snapshot.remaining_changes(s, device, page)
    s.rollback()
    # Serialised by pydantic-core directly: FastAPI's generic encoder would take longer
    # than the query for a page of thousands of changes.
    return Response(page_json(page), media_type="application/json")


def page_json(page: protocol.PullResponse) -> str:
    """The page as JSON. A change an older server stored that cannot be sent (a value
    nested too deep to serialise) is left out and logged, instead of failing every pull
    of its estate; the cursor still moves past it."""
    try:
        return page.model_dump_json()
    except PydanticSerializationError:
        bad = [c.change_id for c in page.changes if json_problem(c.fields) is not None]
        log.error("pull: left out stored changes that cannot be sent: %s", ", ".join(bad))
        return page.model_copy(
            update={
                "changes": [c for c in page.changes if c.change_id not in bad],
                "conflicts": [
                    n for n in page.conflicts if json_problem([n.kept_value, n.lost_value]) is None
                ],
            }
        ).model_dump_json()


@router.get("/sync/snapshot", response_model=protocol.SnapshotPage, responses=ERRORS)
def estate_snapshot(
    table: str | None = Query(None, max_length=64, description="where to go on; none: start"),
    after: str = Query("", max_length=80, description="where the previous page stopped"),
    cursor: int | None = Query(None, ge=0, description="the snapshot's cursor; none: start"),
    limit: int = Query(5000, ge=1, le=protocol.MAX_SNAPSHOT_ROWS),
    s: Session = Depends(snapshot_session),
    who: Caller = Depends(caller),
    c: crud.ServerClock = Depends(clock),
) -> Response:
    """A page of the estate at a cursor, for a desk's first sync (sync.server.snapshot)."""
    device = crud.device_for_token(s, who.token)
    page = snapshot.snapshot_page(s, device, table, after, cursor, limit, who.identity, c)
    s.rollback()
    return Response(page.model_dump_json(), media_type="application/json")


@router.get("/sync/rows", response_model=protocol.RowVersions, responses=ERRORS)
def row_versions(
    table: str = Query(..., max_length=64),
    after: str = Query("", max_length=36, description="the last row id of the previous page"),
    limit: int = Query(1000, ge=1, le=protocol.MAX_PULL),
    s: Session = Depends(session),
    who: Caller = Depends(caller),
) -> Response:
    device = crud.device_for_token(s, who.token)
    rows, more = crud.row_versions(s, device, table, after, limit)
    page = protocol.RowVersions(
        server_id=who.identity[0], epoch=who.identity[1], table=table, rows=rows, more=more
    )
    return Response(page.model_dump_json(), media_type="application/json")


@router.put("/blobs/{sha256}", status_code=201, responses=ERRORS)
async def put_blob(
    sha256: str,
    request: Request,
    who: Caller = Depends(caller),
) -> Response:
    created = await blobs.receive(request, who.device_id, sha256)
    return Response(status_code=201 if created else 200)


@router.get("/blobs/{sha256}", responses=ERRORS)
def get_blob(
    sha256: str,
    s: Session = Depends(session),
    who: Caller = Depends(caller),
) -> Response:
    device = crud.device_for_token(s, who.token)
    blob = blobs.readable(s, device, sha256)
    if blob is None:
        raise SyncError(404, "no_blob", f"No blob {sha256} on the server")
    return Response(blob.data, media_type="application/octet-stream")


@router.head("/blobs/{sha256}")
def head_blob(
    sha256: str,
    s: Session = Depends(session),
    who: Caller = Depends(caller),
) -> Response:
    device = crud.device_for_token(s, who.token)
    blob = blobs.readable(s, device, sha256)
    if blob is None:
        return Response(status_code=404)
    return Response(headers={"Content-Length": str(blob.size)})
