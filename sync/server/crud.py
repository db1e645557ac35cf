"""What the endpoints and the admin commands do, over a SQLAlchemy session.

The route layer (:mod:`sync.server.routes`) only translates HTTP to these calls.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from app.domain.hlc import Timestamp
from app.store.apply import ApplyError, Change, apply_changes, problem, record_conflicts
from app.store.base import SYNCED_TABLES, new_id
from app.store.models import SyncOutbox
from app.store.recorder import HLC_KEY, get_state, set_state
from sync import protocol
from sync.server.authority import check_authors
from sync.server.clock import ServerClock, now_ms  # noqa: F401  (crud.now_ms: the tests' clock)
from sync.server.errors import SyncError
from sync.server.models import (
    SERVER_DEVICE,
    ChangeLog,
    ConflictNoticeRow,
    Device,
    EnrolCode,
)
from sync.server.notices import notify, unseen_losses
from sync.server.security import digest, new_code, new_token, normalise_code
from sync.server.validate import check_against_rows, check_change, check_nesting

# Any number both ends agree on; names the lock that serialises change-log appends.
APPEND_LOCK_KEY = 4_700_471
log = logging.getLogger("propdesk.server")


def utcnow() -> datetime:
    return datetime.now(UTC)


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


def enroll(session: Session, code: str, name: str) -> tuple[Device, str]:
    """Spend ``code`` on a new device and commit. The server makes the device's identity:
    its id, the node id of its clock, its short number, its token.

    The code is claimed by one conditional UPDATE (``used_at IS NULL``), and enrolments
    are serialised (append_lock) up to the commit, so of many desks using one code at
    once exactly one gets a device; the others hear that the code was used.
    """
    code_hash = digest(normalise_code(code))
    with append_lock(session):
        row = session.get(EnrolCode, code_hash)
        if row is None:
            raise SyncError(
                403, "bad_code", "Unknown enrolment code: check it or ask for a new one"
            )
        if row.used_at is not None:
            raise SyncError(
                403, "code_used", "This enrolment code was used already; ask for a new one"
            )
        now = utcnow()
        if row.expires_at <= now:
            raise SyncError(
                403, "code_expired", "This enrolment code has expired; ask for a new one"
            )
        device_id = new_id()
        claimed = session.execute(
            update(EnrolCode)
            .where(EnrolCode.code_hash == code_hash, EnrolCode.used_at.is_(None))
            .values(used_at=now, device_id=device_id)
            .execution_options(synchronize_session=False)
        ).rowcount
        if claimed != 1:
            raise SyncError(
                403, "code_used", "This enrolment code was used already; ask for a new one"
            )
        token = new_token()
        number = (session.scalar(select(func.max(Device.number))) or 0) + 1
        device = Device(
            id=device_id,
            name=name[:100],
            clock_id=new_id(),
            number=number,
            token_hash=digest(token),
            estate_ids=list(row.estate_ids),
            all_estates=row.all_estates,
            revoked=False,
            enrolled_at=now,
            changes_applied=0,
            clock_offset_ms=0,
        )
        session.add(device)
        session.commit()
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


def to_wire(row: ChangeLog, device: str = "") -> protocol.WireChange:
    return protocol.WireChange(
        change_id=row.change_id,
        table=row.table_name,
        row_id=row.row_id,
        estate_id=row.estate_id,
        kind=row.kind,
        fields=row.fields,
        hlc=row.hlc,
        author=row.author,
        device=device,
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
        check_nesting(wire)  # bounded before json.dumps walks it
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
        check_change(wire)
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
    """Check, then append, merge and commit, all in one transaction under the append lock
    (on SQLite the lock is a process lock, so the commit must happen inside it)."""
    from sync.server.blobs import blob_scopes  # it imports this module

    check_batch(device, changes, clock.accept_until_ms())
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
        check_against_rows(session, fresh)
        check_authors(session, fresh)  # each author's role may make their changes
        append(session, device.id, fresh, cursor, clock)
        if changes:
            device.last_change_id = changes[-1].change_id
        device.changes_applied += len(fresh)
        device.last_seen_at = utcnow()
        blob_scopes(session, fresh)
        session.commit()
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
        result = apply_changes(session, items, judge_documents=True)
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
                "author": w.author,
            }
            for w, c in zip(fresh, items, strict=True)
        ],
    )
    clock.receive(max(c.hlc for c in items))
    conflicts, authors = unseen_losses(session, device_id, cursor, result.conflicts)
    if conflicts:
        notify(session, conflicts, authors)
        record_conflicts(session, conflicts)


# ---- pull ----


def pull(
    session: Session,
    device: Device,
    cursor: int,
    limit: int,
    clock: ServerClock,
    identity: tuple[str, str],
    include_own: bool = False,
):
    """One page of changes in the device's scope after ``cursor`` (one snapshot); with
    ``include_own``, the device's own changes too (a desk restored from a local backup
    takes back what it synced after the backup was made)."""
    limit = max(1, min(limit, protocol.MAX_PULL))
    # The newest sequence is read before the page and bounds it. Appends commit in
    # sequence order (append_lock), so everything up to it is committed; a push that
    # commits while the page is read lies above it and comes with the next pull. Reading
    # it after the page would skip such a push forever where reads are not one snapshot
    # (SQLite: every SELECT sees the latest commit).
    newest = session.scalar(select(func.max(ChangeLog.seq))) or 0
    query = select(ChangeLog).where(ChangeLog.seq > cursor, ChangeLog.seq <= newest)
    if not include_own:
        query = query.where(ChangeLog.device_id != device.id)
    if not device.all_estates:
        query = query.where(ChangeLog.estate_id.in_(device.estate_ids))
    rows = list(session.scalars(query.order_by(ChangeLog.seq).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    new_cursor = rows[-1].seq if more else max(cursor, newest)
    if rows:
        # The clock's high-water mark is the shared change log's: another process may have
        # accepted these, and the answer's clock must come after everything it serves.
        clock.receive(max(r.hlc for r in rows))
    # Addressed to the device that wrote the lost value, for rows still in its scope:
    # never by a clock id, which a device could choose to be another's.
    notice_query = select(ConflictNoticeRow).where(
        ConflictNoticeRow.device_id == device.id,
        ConflictNoticeRow.seq > cursor,
        ConflictNoticeRow.seq <= new_cursor,
    )
    if not device.all_estates:
        notice_query = notice_query.where(ConflictNoticeRow.estate_id.in_(device.estate_ids))
    notices = list(session.scalars(notice_query.order_by(ConflictNoticeRow.id)))
    # who made a notice's two values, and each change's desk by name: for the conflicts
    # the puller keeps
    origin = _notice_origins(session, notices)
    wrote = {r.device_id for r in rows} | {d for _a, d in origin.values()}
    desks = dict(session.execute(select(Device.id, Device.name).where(Device.id.in_(wrote))).all())

    def by(notice, side: str) -> dict[str, str]:
        hlc = getattr(notice, f"{side}_hlc")
        author, device_id = origin.get((notice.table_name, notice.row_id, hlc), ("", ""))
        return {
            f"{side}_author": author or "",
            f"{side}_device": (desks.get(device_id) or "")[:100],
        }

    return protocol.PullResponse(
        server_id=identity[0],
        epoch=identity[1],
        changes=[to_wire(r, (desks.get(r.device_id) or "")[:100]) for r in rows],
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
                **by(n, "kept"),
                **by(n, "lost"),
            )
            for n in notices
        ],
        server_hlc=clock.now(),
        server_time_ms=clock.time_ms(),
    )


def _notice_origins(session: Session, notices) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(table, row id, clock) -> (author, device id) of the changes that wrote the
    notices' kept and lost values (few: one look-up each, by ix_server_changes_row_hlc)."""
    found = {}
    for key in {(n.table_name, n.row_id, h) for n in notices for h in (n.kept_hlc, n.lost_hlc)}:
        row = session.execute(
            select(ChangeLog.author, ChangeLog.device_id)
            .where(
                ChangeLog.table_name == key[0], ChangeLog.row_id == key[1], ChangeLog.hlc == key[2]
            )
            .limit(1)
        ).first()
        if row is not None:
            found[key] = (row.author, row.device_id)
    return found


def row_versions(
    session: Session, device: Device, table_name: str, after: str, limit: int
) -> tuple[list[protocol.RowVersion], bool]:
    """The versions of one table's rows in the device's scope, by row id after ``after``."""
    model = SYNCED_TABLES.get(table_name)
    if model is None:
        raise SyncError(404, "unknown_table", f"The server has no synced table {table_name!r}")
    table = model.__table__
    query = select(table.c.id, table.c.estate_id, table.c.updated_hlc, table.c.field_clocks)
    if not device.all_estates:
        query = query.where(table.c.estate_id.in_(device.estate_ids))
    found = session.execute(query.where(table.c.id > after).order_by(table.c.id).limit(limit + 1))
    rows = [
        protocol.RowVersion(
            row_id=r.id, estate_id=r.estate_id, hlc=r.updated_hlc, field_clocks=r.field_clocks or {}
        )
        for r in found
    ]
    return rows[:limit], len(rows) > limit


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
                        "author": o.author,
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
