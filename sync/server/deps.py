"""FastAPI dependencies: the schema-version gate, a session, the calling device."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from app import __version__
from sync import protocol
from sync.server.crud import ServerClock, device_for_token, new_session, utcnow
from sync.server.errors import SyncError
from sync.server.identity import check_installation, correct_clock, identity, note_clock

SEEN_EVERY = timedelta(minutes=1)  # how often a desk's last contact is written down


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


@dataclass(frozen=True)
class Caller:
    """The device behind a request, checked in a unit of work of its own."""

    device_id: str
    token: str
    identity: tuple[str, str]  # (server_id, epoch)


def caller(
    request: Request,
    token: str | None = Depends(bearer),
    _schema: int = Depends(schema_version),
    installation: str | None = Header(None, alias=protocol.INSTALLATION_HEADER),
    desk_time: int | None = Header(None, alias=protocol.TIME_HEADER),
) -> Caller:
    """A known, unrevoked token from the installation that first used it; notes the
    desk's clock and when it was last seen (at most once a minute, to spare writes)."""
    with new_session(request.app.state.engine) as s:
        server = identity(s)
        device = device_for_token(s, token)
        check_installation(device, installation)
        offset_before = device.clock_offset_ms
        server_clock: ServerClock = request.app.state.clock
        note_clock(device, desk_time, server_clock.wall_ms())
        now = utcnow()
        noted = (
            device.last_seen_at is None
            or now - device.last_seen_at > SEEN_EVERY
            or abs(device.clock_offset_ms - offset_before) > 1000
        )
        if noted:
            device.last_seen_at = now
        else:
            device.clock_offset_ms = offset_before  # nothing worth a write
        s.commit()
        if noted:
            correct_clock(s, server_clock, now)
        assert token is not None
        return Caller(device.id, token, server)
