"""What the endpoints and the admin commands do, over a SQLAlchemy session.

The route layer (:mod:`sync.server.routes`) only translates HTTP to these calls.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, insert, select, text
from sqlalchemy.orm import Session

from app.domain.hlc import HybridClock, Timestamp
from app.store.apply import ApplyError, Change, apply_changes, problem, record_conflicts
from app.store.base import new_id
from app.store.models import SyncOutbox
from app.store.recorder import HLC_KEY, get_state, set_state
from sync import protocol
from sync.server.errors import SyncError
from sync.server.models import (
    SERVER_DEVICE,
    Blob,
    ChangeLog,
    ConflictNoticeRow,
    Device,
    EnrolCode,
)
from sync.server.security import digest, new_code, new_token, normalise_code

# Any number both ends agree on; names the lock that serialises change-log appends.
APPEND_LOCK_KEY = 4_700_471


def now_ms() -> int:
    """The server's wall clock, the reference every device's clock is measured against."""
    return time.time_ns() // 1_000_000


def utcnow() -> datetime:
    return datetime.now(UTC)


class ServerClock:
    """The process's HLC: advanced by every accepted change, stamped on every answer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clock = HybridClock(SERVER_DEVICE, wall_ms=lambda: now_ms())

    def now(self) -> str:
        with self._lock:
            return self._clock.now()

    def receive(self, hlc: str) -> None:
        with self._lock:
            self._clock.receive(hlc)


_sqlite_append = threading.Lock()


@contextmanager
def append_lock(session: Session) -> Iterator[None]:
    """Serialise change-log appends so sequence numbers commit in order.

    PostgreSQL: a transaction-level advisory lock, held until commit, so a puller's
    snapshot never holds seq N+1 without N (sequences alone are handed out before commit).
    SQLite is single-writer already; a process lock avoids busy retries between threads.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": APPEND_LOCK_KEY})
        yield
    else:
        with _sqlite_append:
            yield


# ---- enrolment ----


def create_code(
    session: Session, estate_ids: list[str], all_estates: bool, expires: timedelta
) -> str:
    code = new_code()
    session.add(
        EnrolCode(
            code_hash=digest(normalise_code(code)),
            estate_ids=list(estate_ids),
            all_estates=all_estates,
            created_at=utcnow(),
            expires_at=utcnow() + expires,
        )
    )
    return code


def enroll(session: Session, code: str, name: str, clock_id: str) -> tuple[Device, str]:
    row = session.get(EnrolCode, digest(normalise_code(code)), with_for_update=True)
    if row is None:
        raise SyncError(403, "bad_code", "Unknown enrolment code: check it or ask for a new one")
    if row.used_at is not None:
        raise SyncError(403, "code_used", "This enrolment code was used already; ask for a new one")
    if row.expires_at <= utcnow():
        raise SyncError(403, "code_expired", "This enrolment code has expired; ask for a new one")
    token = new_token()
    device = Device(
        id=new_id(),
        name=name[:100],
        clock_id=clock_id,
        token_hash=digest(token),
        estate_ids=list(row.estate_ids),
        all_estates=row.all_estates,
        revoked=False,
        enrolled_at=utcnow(),
        changes_applied=0,
        clock_offset_ms=0,
    )
    session.add(device)
    row.used_at = utcnow()
    row.device_id = device.id
    return device, token


def device_for_token(session: Session, token: str | None) -> Device:
    if not token:
        raise SyncError(401, "no_token", "This device is not enrolled: run `propdesk enroll`")
    device = session.scalar(select(Device).where(Device.token_hash == digest(token)))
    if device is None:
        raise SyncError(401, "bad_token", "The server does not know this device's token")
    if device.revoked:
        raise SyncError(403, "revoked", "This device was revoked by the server's administrator")
    return device


def in_scope(device: Device, estate_id: str) -> bool:
    return device.all_estates or estate_id in device.estate_ids


# ---- push ----


def to_change(wire: protocol.WireChange) -> Change:
    return Change(
        wire.change_id, wire.table, wire.row_id, wire.estate_id, wire.kind, wire.fields, wire.hlc
    )


def to_wire(row: ChangeLog) -> protocol.WireChange:
    return protocol.WireChange(
        change_id=row.change_id,
        table=row.table_name,
        row_id=row.row_id,
        estate_id=row.estate_id,
        kind=row.kind,
        fields=row.fields,
        hlc=row.hlc,
    )


def check_batch(device: Device, changes: Sequence[protocol.WireChange], server_ms: int) -> None:
    """Refuse the whole batch, naming the first bad change, before anything is written."""
    if len(changes) > protocol.MAX_BATCH:
        raise SyncError(
            413,
            "batch_too_large",
            f"{len(changes)} changes in one push; the limit is {protocol.MAX_BATCH}",
        )
    for wire in changes:
        size = len(json.dumps(wire.fields, ensure_ascii=False).encode())
        if size > protocol.MAX_CHANGE_BYTES:
            raise SyncError(
                413,
                "change_too_large",
                f"change {wire.change_id} ({wire.table}) holds {size} bytes; "
                f"the limit is {protocol.MAX_CHANGE_BYTES}",
                wire.change_id,
                permanent=True,
            )
        reason = problem(to_change(wire))
        if reason:
            raise SyncError(
                422, "bad_change", f"change {wire.change_id}: {reason}", wire.change_id, True
            )
        if not in_scope(device, wire.estate_id):
            raise SyncError(
                403,
                "out_of_scope",
                f"change {wire.change_id} ({wire.table}) is for estate {wire.estate_id}, "
                "which this device is not enrolled for",
                wire.change_id,
                permanent=True,
            )
        ahead = Timestamp.decode(wire.hlc).physical_ms - server_ms
        if ahead > protocol.MAX_DRIFT_MS:
            raise SyncError(
                409,
                "clock_ahead",
                f"change {wire.change_id} is stamped {ahead / 1000:.0f} s ahead of the "
                "server's clock; fix this computer's date and time",
                wire.change_id,
            )


@dataclass
class PushResult:
    accepted: list[str]
    last_change_id: str | None


def push(
    session: Session,
    device: Device,
    changes: Sequence[protocol.WireChange],
    cursor: int,
    clock: ServerClock,
) -> PushResult:
    """Check, then append and merge in the caller's transaction (one commit for all)."""
    check_batch(device, changes, now_ms())
    ids = [c.change_id for c in changes]
    with append_lock(session):
        known = set(
            session.scalars(select(ChangeLog.change_id).where(ChangeLog.change_id.in_(ids)))
        )
        fresh: list[protocol.WireChange] = []
        for wire in changes:
            if wire.change_id not in known:
                known.add(wire.change_id)
                fresh.append(wire)
        append(session, device.id, fresh, cursor, clock)
        if changes:
            device.last_change_id = changes[-1].change_id
        device.changes_applied += len(fresh)
        device.last_seen_at = utcnow()
        session.flush()
    return PushResult(ids, device.last_change_id)


def append(
    session: Session,
    device_id: str,
    fresh: Sequence[protocol.WireChange],
    cursor: int,
    clock: ServerClock,
) -> None:
    """Merge ``fresh`` into the entity tables, log it, and note who lost what."""
    if not fresh:
        return
    items = [to_change(w) for w in fresh]
    try:
        result = apply_changes(session, items)
    except ApplyError as exc:
        raise SyncError(409, "bad_change", str(exc), exc.change_id, permanent=True) from exc
    received = utcnow()
    session.execute(
        insert(ChangeLog),
        [
            {
                "change_id": c.change_id,
                "device_id": device_id,
                "table_name": c.table_name,
                "row_id": c.row_id,
                "estate_id": c.estate_id,
                "kind": c.kind,
                "fields": c.fields,
                "hlc": c.hlc,
                "received_at": received,
            }
            for c in items
        ],
    )
    clock.receive(max(c.hlc for c in items))
    conflicts = _unseen_losses(session, device_id, cursor, result.conflicts)
    if conflicts:
        _notices(session, conflicts)
        record_conflicts(session, conflicts)


def _unseen_losses(session: Session, device_id: str, cursor: int, conflicts) -> list:
    """The losses that are conflicts: every incoming value that lost, and a stored value
    overwritten only if its author is another device and the pusher had not pulled it
    (its sequence is above the pusher's cursor). A later edit by someone who saw the
    value is an ordinary edit, recorded nowhere."""
    overwritten = [c for c in conflicts if not c.loss.incoming_lost]
    rows_by_table: dict[str, set[str]] = {}
    for item in overwritten:
        rows_by_table.setdefault(item.change.table_name, set()).add(item.change.row_id)
    writers: dict[tuple[str, str, str], tuple[int, str]] = {}
    for table_name, row_ids in rows_by_table.items():
        ids = sorted(row_ids)
        for start in range(0, len(ids), 500):
            for r in session.execute(
                select(ChangeLog.row_id, ChangeLog.hlc, ChangeLog.seq, ChangeLog.device_id).where(
                    ChangeLog.table_name == table_name,
                    ChangeLog.row_id.in_(ids[start : start + 500]),
                )
            ):
                writers[(table_name, r.row_id, r.hlc)] = (r.seq, r.device_id)
    kept = []
    for item in conflicts:
        if not item.loss.incoming_lost:
            prior = writers.get((item.change.table_name, item.change.row_id, item.loss.lost_hlc))
            if prior is None or prior[1] == device_id or prior[0] <= cursor:
                continue
        kept.append(item)
    return kept


def _notices(session: Session, conflicts) -> None:
    """Tell the device whose value lost, in its next pull."""
    seqs = dict(
        session.execute(
            select(ChangeLog.change_id, ChangeLog.seq).where(
                ChangeLog.change_id.in_({c.change.change_id for c in conflicts})
            )
        ).all()
    )
    rows = [
        {
            "seq": seqs[item.change.change_id],
            "clock_id": Timestamp.decode(item.loss.lost_hlc).device,
            "table_name": item.change.table_name,
            "row_id": item.change.row_id,
            "field": item.loss.field,
            "kept_value": _json(item.loss.kept_value),
            "kept_hlc": item.loss.kept_hlc,
            "lost_value": _json(item.loss.lost_value),
            "lost_hlc": item.loss.lost_hlc,
        }
        for item in conflicts
    ]
    session.execute(insert(ConflictNoticeRow), rows)


def _json(value):
    from app.store.codec import encode_value

    if isinstance(value, dict):
        return {k: encode_value(v) for k, v in value.items()}
    return encode_value(value)


# ---- pull ----


def pull(session: Session, device: Device, cursor: int, limit: int, clock: ServerClock):
    """One page of changes in the device's scope after ``cursor`` (one snapshot)."""
    limit = max(1, min(limit, protocol.MAX_PULL))
    # The newest sequence is read before the page and bounds it. Appends commit in
    # sequence order (append_lock), so everything up to it is committed; a push that
    # commits while the page is read lies above it and comes with the next pull. Reading
    # it after the page would skip such a push forever where reads are not one snapshot
    # (SQLite: every SELECT sees the latest commit).
    newest = session.scalar(select(func.max(ChangeLog.seq))) or 0
    query = select(ChangeLog).where(
        ChangeLog.seq > cursor, ChangeLog.seq <= newest, ChangeLog.device_id != device.id
    )
    if not device.all_estates:
        query = query.where(ChangeLog.estate_id.in_(device.estate_ids))
    rows = list(session.scalars(query.order_by(ChangeLog.seq).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    new_cursor = rows[-1].seq if more else max(cursor, newest)
    notices = session.scalars(
        select(ConflictNoticeRow)
        .where(
            ConflictNoticeRow.clock_id == device.clock_id,
            ConflictNoticeRow.seq > cursor,
            ConflictNoticeRow.seq <= new_cursor,
        )
        .order_by(ConflictNoticeRow.id)
    )
    return protocol.PullResponse(
        changes=[to_wire(r) for r in rows],
        cursor=new_cursor,
        more=more,
        last_change_id=device.last_change_id,
        conflicts=[
            protocol.ConflictNotice(
                table=n.table_name,
                row_id=n.row_id,
                field=n.field,
                kept_value=n.kept_value,
                kept_hlc=n.kept_hlc,
                lost_value=n.lost_value,
                lost_hlc=n.lost_hlc,
            )
            for n in notices
        ],
        server_hlc=clock.now(),
        server_time_ms=now_ms(),
    )


# ---- blobs ----


def put_blob(session: Session, sha256: str, data: bytes) -> bool:
    """Store a blob; False if it was there already. Refuses data that is not ``sha256``."""
    if len(data) > protocol.MAX_BLOB_BYTES:
        raise SyncError(
            413, "blob_too_large", f"{len(data)} bytes; the limit is {protocol.MAX_BLOB_BYTES}"
        )
    if hashlib.sha256(data).hexdigest() != sha256.lower():
        raise SyncError(422, "blob_mismatch", "The content does not match its SHA-256 name")
    if session.get(Blob, sha256.lower()) is not None:
        return False
    session.add(Blob(sha256=sha256.lower(), size=len(data), data=data, stored_at=utcnow()))
    return True


def get_blob(session: Session, sha256: str) -> Blob | None:
    return session.get(Blob, sha256.lower())


# ---- writes made on the server itself (admin commands) ----


@contextmanager
def server_writes(session: Session) -> Iterator[None]:
    """Run app services on the server database, then move what they recorded into the log.

    The services' recorder writes the server's own ``sync_outbox``; those changes enter
    the change log under the device id "server", so devices pull them like any other.
    """
    with append_lock(session):
        newest = session.scalar(select(func.max(ChangeLog.hlc)))
        mine = get_state(session, HLC_KEY)
        if newest and (mine is None or newest > mine):
            set_state(session, HLC_KEY, newest)  # later than anything seen: admin edits win
        yield
        session.flush()
        outbox = list(session.scalars(select(SyncOutbox).order_by(SyncOutbox.seq)))
        if outbox:
            received = utcnow()
            session.execute(
                insert(ChangeLog),
                [
                    {
                        "change_id": o.change_id,
                        "device_id": SERVER_DEVICE,
                        "table_name": o.table_name,
                        "row_id": o.row_id,
                        "estate_id": o.estate_id,
                        "kind": o.kind,
                        "fields": o.fields,
                        "hlc": o.hlc,
                        "received_at": received,
                    }
                    for o in outbox
                ],
            )
            session.execute(delete(SyncOutbox))


def new_session(engine: Engine, snapshot: bool = False) -> Session:
    bind = engine
    if snapshot and engine.dialect.name == "postgresql":
        bind = engine.execution_options(isolation_level="REPEATABLE READ")
    return Session(bind, expire_on_commit=False)
