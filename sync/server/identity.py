"""Who the server is, which installation a token belongs to, and whose clock is wrong.

- **Identity and epoch** (``server_state``): ``server_id`` names this server for good;
  ``epoch`` changes whenever the database is restored from a backup
  (``propdesk-server restore`` / ``new-epoch``, docs/server-backup.md). Sequence numbers
  are only comparable within one epoch: a desk that sees another epoch pulls again from
  zero and sends again what the server no longer has.
- **Installations**: a desk sends ``X-PropDesk-Installation`` (a random id made when its
  database is created). The first one seen with a token is kept; another one is a copy
  of that database on a second computer, refused until it enrols as a device of its own.
- **Clocks**: a desk sends ``X-PropDesk-Time`` (its wall clock, ms). The offset is kept
  per device; when most recently seen desks agree that the server's clock is off,
  ``/health`` says so and the log warns.
"""

from __future__ import annotations

import logging
import statistics
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync import protocol
from sync.server.errors import SyncError
from sync.server.models import Device, ServerState

log = logging.getLogger("propdesk.server")

SERVER_ID = "server_id"
EPOCH = "epoch"
RECENT = timedelta(hours=24)  # desks whose clocks count towards the majority
MIN_DESKS = 2  # fewer cannot outvote the server's own clock


def _state(session: Session, key: str) -> str | None:
    row = session.get(ServerState, key)
    return None if row is None else row.value


def identity(session: Session) -> tuple[str, str]:
    """(server_id, epoch), made on first use (a database whose state was emptied)."""
    server_id, epoch = _state(session, SERVER_ID), _state(session, EPOCH)
    if server_id is None or epoch is None:
        for key in (SERVER_ID, EPOCH):
            _insert_new(session, key, str(uuid.uuid4()))  # the first writer's value stays
        server_id, epoch = _state(session, SERVER_ID), _state(session, EPOCH)
    assert server_id is not None and epoch is not None
    return server_id, epoch


def _insert_new(session: Session, key: str, value: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(ServerState).values(key=key, value=value).on_conflict_do_nothing()
    session.execute(stmt)


def new_epoch(session: Session) -> str:
    """A restore happened: sequence numbers from before mean nothing to desks any more."""
    epoch = str(uuid.uuid4())
    session.merge(ServerState(key=EPOCH, value=epoch))
    return epoch


def check_installation(device: Device, installation: str | None) -> None:
    """Fix the installation on first use of the token; refuse any other one."""
    if not installation:
        return  # a desk too old to say; nothing to compare
    if len(installation) > 64:
        raise SyncError(422, "bad_request", "The installation id is longer than 64 characters")
    if device.installation_id is None:
        device.installation_id = installation
        return
    if device.installation_id != installation:
        raise SyncError(
            409,
            "copied_device",
            "This database was copied from another computer that uses the same device "
            "identity. Enrol this computer with a new enrolment code (`propdesk enroll`): "
            "it then becomes a device of its own and keeps its data.",
            permanent=True,
        )


def note_clock(device: Device, desk_ms: int | None, server_ms: int) -> None:
    if desk_ms is not None:
        device.clock_offset_ms = desk_ms - server_ms


def correct_clock(session: Session, clock, now) -> None:
    """Go by the desks' median time while most of them find the server's clock wrong;
    warn in the log when that starts and when it ends."""
    verdict = clock_verdict(session, now)
    correction = verdict.median_offset_ms if verdict.server_clock_wrong else 0
    if (correction == 0) != (clock.correction_ms == 0):
        clock_verdict(session, now, warn=True)
        if correction == 0:
            log.warning("the server's clock agrees with the desks again")
    clock.correction_ms = correction


@dataclass(frozen=True)
class ClockVerdict:
    """The server's clock against the desks' (median offset of recent desks, ms)."""

    desks: int
    median_offset_ms: int
    server_clock_wrong: bool


def clock_verdict(session: Session, now, warn: bool = False) -> ClockVerdict:
    offsets = list(
        session.scalars(
            select(Device.clock_offset_ms).where(
                Device.revoked.is_(False), Device.last_seen_at >= now - RECENT
            )
        )
    )
    if not offsets:
        return ClockVerdict(0, 0, False)
    median = int(statistics.median(offsets))
    off = [o for o in offsets if abs(o) > protocol.MAX_DRIFT_MS]
    same_side = max(sum(1 for o in off if o > 0), sum(1 for o in off if o < 0))
    wrong = len(offsets) >= MIN_DESKS and same_side * 2 > len(offsets)
    if wrong and warn:
        log.warning(
            "the server's clock disagrees with %d of %d desks seen in the last day: "
            "they are %+.0f s from it (median); check this computer's date and time",
            same_side,
            len(offsets),
            median / 1000,
        )
    return ClockVerdict(len(offsets), median, wrong)
