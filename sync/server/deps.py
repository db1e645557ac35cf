"""FastAPI dependencies: the schema-version gate, a session, the calling device."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from app import __version__
from sync import protocol
from sync.server.crud import ServerClock, device_for_token, new_session
from sync.server.errors import SyncError
from sync.server.models import Device


def schema_version(
    x_propdesk_schema: int | None = Header(None, alias=protocol.SCHEMA_HEADER),
) -> int:
    """Every sync request says which schema the client speaks; refuse the ones we cannot."""
    if x_propdesk_schema is None or x_propdesk_schema < protocol.MIN_CLIENT_SCHEMA:
        raise SyncError(
            426,
            "upgrade_required",
            f"This PropDesk speaks schema {x_propdesk_schema or 'unknown'}; the server needs "
            f"schema {protocol.MIN_CLIENT_SCHEMA} or newer. Install PropDesk {__version__} "
            "or later on this computer.",
        )
    if x_propdesk_schema > protocol.SCHEMA_VERSION:
        raise SyncError(
            409,
            "server_too_old",
            f"This PropDesk speaks schema {x_propdesk_schema}, newer than the server's "
            f"{protocol.SCHEMA_VERSION}; the server must be upgraded first.",
        )
    return x_propdesk_schema


def session(request: Request) -> Iterator[Session]:
    with new_session(request.app.state.engine) as s:
        yield s


def snapshot_session(request: Request) -> Iterator[Session]:
    """Reads that must agree with each other (a pull page and its counters)."""
    with new_session(request.app.state.engine, snapshot=True) as s:
        yield s


def bearer(authorization: str | None = Header(None)) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def clock(request: Request) -> ServerClock:
    return request.app.state.clock


def current_device(
    s: Session = Depends(session),
    token: str | None = Depends(bearer),
    _schema: int = Depends(schema_version),
) -> Device:
    return device_for_token(s, token)
