"""What this device knows about its sync, as operations for the screens: the enrolment,
the status the status bar shows, recent runs, the changes set aside, the conflicts kept,
and settling a conflict.

Each takes the ``Database``, opens its own unit of work and returns frozen results.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.hlc import Timestamp
from app.domain.units import unit_code
from app.services.inspections.sync_state import (
    signed_inspection_number,
    unconfirmed_file_count,
)
from app.store.apply import decode_fields
from app.store.base import SYNCED_TABLES
from app.store.db import Database
from app.store.fee_models import BillLine
from app.store.models import Building, SyncConflict, SyncRejected, SyncState, Unit
from app.store.recorder import device_id, outbox_size, recorder
from sync import client
from sync.client.errors import decode

LIST_LIMIT = 200  # the newest rows a screen lists; the totals say how many there are
_KEYS = [
    client.SERVER_URL,
    client.TOKEN,
    client.SERVER_DEVICE_ID,
    client.DEVICE_NAME,
    client.SCOPE,
    client.LAST_SYNC,
    client.LAST_ERROR,
    client.CLOCK_OFFSET,
    client.SERVER_CLOCK_WRONG,
]


@dataclass(frozen=True)
class SyncOverview:
    server_url: str | None
    device_id: str | None  # the id the server gave this device
    device_name: str | None
    all_estates: bool
    estate_count: int
    last_sync_at: str | None  # ISO UTC
    last_error: DomainError | None  # None when the last sync finished
    waiting: int  # outbox rows
    files_waiting: int  # inspection files the server has not confirmed (the page's list)
    clock_offset_ms: int
    server_clock_wrong: bool  # most desks find the server's clock wrong
    rejected: int
    conflicts: int  # not yet settled

    @property
    def enrolled(self) -> bool:
        return bool(self.server_url and self.device_id)

    @property
    def online(self) -> bool:
        """Whether the server answered the last time it was asked."""
        return self.enrolled and not (
            self.last_error is not None and self.last_error.code == "sync.unreachable"
        )

    def clock_problem(self) -> DomainError | None:
        return client.clock_problem(self.clock_offset_ms, self.server_clock_wrong)


@dataclass(frozen=True)
class SyncRun:
    at: datetime
    seconds: float
    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    files: int
    error: DomainError | None


@dataclass(frozen=True)
class RejectedChange:
    table: str
    row_id: str
    record: str  # the record in words ("3栋 2单元 1502", a resident's name), else ""
    reason: str
    rejected_at: datetime


@dataclass(frozen=True)
class KeptConflict:
    id: int
    table: str
    row_id: str
    record: str
    field: str
    kept_value: str
    lost_value: str
    kept_here: bool  # the value that won was written on this computer
    lost_here: bool  # the value that lost was written on this computer
    kept_at: datetime | None  # when each value was written (its clock)
    lost_at: datetime | None
    detected_at: datetime
    personal: bool = False  # a phone or ID number: both values shown masked
    signed_inspection: str = ""  # the number of the signed inspection it is on: kept as signed
    # who wrote each value (the person's name) and on which desk; "" where unknown
    kept_by: str = ""
    kept_desk: str = ""
    lost_by: str = ""
    lost_desk: str = ""


def _personal_value(field: str, value: Any) -> str:
    """A phone or ID number masked (app.domain.privacy), anything else as it is."""
    from app.store.audit_models import MASKED_FIELDS

    shown = _shown(value)
    masker = MASKED_FIELDS.get(field)
    return masker(shown) if masker is not None and shown else shown


def read_overview(db: Database) -> SyncOverview:
    with db.session() as s:
        return _overview(s)


def _overview(s: Session) -> SyncOverview:
    state = dict(
        s.execute(select(SyncState.key, SyncState.value).where(SyncState.key.in_(_KEYS))).all()
    )
    scope = _json(state.get(client.SCOPE), {})
    return SyncOverview(
        server_url=state.get(client.SERVER_URL) if state.get(client.TOKEN) else None,
        device_id=state.get(client.SERVER_DEVICE_ID),
        device_name=state.get(client.DEVICE_NAME),
        all_estates=bool(scope.get("all")),
        estate_count=len(scope.get("ids") or []),
        last_sync_at=state.get(client.LAST_SYNC) or None,
        last_error=decode(state.get(client.LAST_ERROR)),
        waiting=outbox_size(s),
        files_waiting=unconfirmed_file_count(s),
        clock_offset_ms=_int(state.get(client.CLOCK_OFFSET)),
        server_clock_wrong=bool(state.get(client.SERVER_CLOCK_WRONG)),
        rejected=s.scalar(select(func.count()).select_from(SyncRejected)) or 0,
        conflicts=s.scalar(
            select(func.count()).select_from(SyncConflict).where(~SyncConflict.acknowledged)
        )
        or 0,
    )


def recent_runs(db: Database) -> list[SyncRun]:
    """The recent syncs, newest first: when, how long, what moved, how each ended."""
    with db.session() as s:
        text = s.scalar(select(SyncState.value).where(SyncState.key == client.RUNS))
    runs = []
    for item in _json(text, []):
        try:
            error = item.get("error")
            runs.append(
                SyncRun(
                    at=datetime.fromisoformat(item["at"]),
                    seconds=int(item.get("ms", 0)) / 1000,
                    pushed=int(item.get("pushed", 0)),
                    pulled=int(item.get("pulled", 0)),
                    conflicts=int(item.get("conflicts", 0)),
                    rejected=int(item.get("rejected", 0)),
                    files=int(item.get("files", 0)),
                    error=DomainError(error["code"], **error.get("params", {})) if error else None,
                )
            )
        except (KeyError, TypeError, ValueError):
            continue  # a run noted by another version: left out
    return runs


def rejected_changes(db: Database, limit: int = LIST_LIMIT) -> list[RejectedChange]:
    """The changes set aside for good (refused by the server, or pulled and not
    applicable here), newest first."""
    with db.session() as s:
        rows = s.scalars(
            select(SyncRejected).order_by(SyncRejected.rejected_at.desc()).limit(limit)
        )
        return [
            RejectedChange(
                r.table_name,
                r.row_id,
                describe_record(s, r.table_name, r.row_id),
                r.reason,
                r.rejected_at,
            )
            for r in rows
        ]


def kept_conflicts(db: Database, limit: int = LIST_LIMIT) -> list[KeptConflict]:
    """Values that lost a merge and are not yet settled, newest first."""
    with db.session() as s:
        here = device_id(s)
        rows = s.scalars(
            select(SyncConflict)
            .where(~SyncConflict.acknowledged)
            .order_by(SyncConflict.detected_at.desc(), SyncConflict.id.desc())
            .limit(limit)
        )
        return [
            KeptConflict(
                id=c.id,
                table=c.table_name,
                row_id=c.row_id,
                record=describe_record(s, c.table_name, c.row_id),
                field=c.field,
                kept_value=_personal_value(c.field, c.kept_value),
                lost_value=_personal_value(c.field, c.lost_value),
                kept_here=_writer(c.kept_hlc) == here,
                lost_here=_writer(c.lost_hlc) == here,
                kept_at=_written_at(c.kept_hlc),
                lost_at=_written_at(c.lost_hlc),
                detected_at=c.detected_at,
                personal=_is_personal(c.field),
                signed_inspection=signed_inspection_number(s, c.table_name, c.row_id) or "",
                kept_by=c.kept_by or "",
                kept_desk=c.kept_desk or "",
                lost_by=c.lost_by or "",
                lost_desk=c.lost_desk or "",
            )
            for c in rows
        ]


def _is_personal(field: str) -> bool:
    from app.store.audit_models import MASKED_FIELDS

    return field in MASKED_FIELDS


def reveal_conflict(db: Database, conflict_id: int, user_id: str | None = None) -> tuple[str, str]:
    """Both values of one kept conflict on a phone or ID number, unmasked (the value now,
    the value overwritten), for a user allowed to reveal personal data; logged like every
    reveal (which record and field, never the value)."""
    from app.domain.privacy import mask_id_number
    from app.services.permissions import check_in
    from app.store.audit_models import MASKED_FIELDS, write_entry

    with db.session() as s:
        check_in(s, user_id or getattr(db, "actor", None), "personal.reveal")
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None:
            raise DomainError("sync.conflict_gone")
        masker = MASKED_FIELDS.get(conflict.field)
        if masker is None:
            raise DomainError("privacy.field_unknown", field=conflict.field)
        model = SYNCED_TABLES.get(conflict.table_name)
        row = s.get(model, conflict.row_id) if model is not None else None
        if row is None:
            raise DomainError("privacy.record_gone")
        what = "id_number" if masker is mask_id_number else "phone"
        write_entry(
            s,
            estate_id=row.estate_id,
            action=f"personal.reveal.{what}",
            table_name=conflict.table_name,
            row_id=conflict.row_id,
            after={"field": conflict.field, "conflict": conflict.id},
        )
        return _shown(conflict.kept_value), _shown(conflict.lost_value)


def settle_conflict(db: Database, conflict_id: int, restore_lost: bool) -> None:
    """Settle a kept conflict. ``restore_lost``: write the value that lost again as a new
    edit (it then wins everywhere, as any later edit does); otherwise the value that won
    stays. Either way the conflict is marked reviewed. On a signed inspection the value
    that lost is never written again (the server would refuse it): only an amendment, a new
    revision signed again, changes what was signed."""
    with db.session() as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.acknowledged:
            raise DomainError("sync.conflict_gone")
        if restore_lost:
            signed = signed_inspection_number(s, conflict.table_name, conflict.row_id)
            if signed is not None:
                raise DomainError("sync.conflict_signed_inspection", number=signed)
            model = SYNCED_TABLES.get(conflict.table_name)
            row = s.get(model, conflict.row_id) if model is not None else None
            if row is None:
                raise DomainError("sync.conflict_gone")
            lost = conflict.lost_value
            wire = lost if isinstance(lost, dict) else {conflict.field: lost}
            try:
                values = decode_fields(model, wire)
            except (KeyError, ValueError, TypeError) as error:
                raise DomainError("sync.conflict_value_unusable", field=conflict.field) from error
            recorder(s).update(row, **values)
        conflict.acknowledged = True


def describe_record(s: Session, table: str, row_id: str) -> str:
    """A record as a person knows it: a unit by its code, others by a name or number."""
    if table == "units":
        row = s.execute(
            select(Building.name, Unit.entrance, Unit.room)
            .join(Building, Building.id == Unit.building_id)
            .where(Unit.id == row_id)
        ).first()
        return unit_code(*row) if row else ""
    if table == "bill_lines":  # a bill line by its unit and month: "1栋 1单元 101 · 2026-12"
        row = s.execute(
            select(Building.name, Unit.entrance, Unit.room, BillLine.period)
            .join(Unit, Unit.id == BillLine.unit_id)
            .join(Building, Building.id == Unit.building_id)
            .where(BillLine.id == row_id)
        ).first()
        return f"{unit_code(*row[:3])} · {row[3]}" if row else ""
    model = SYNCED_TABLES.get(table)
    if model is None:
        return ""
    for name in ("name", "display_name", "number", "receipt_no", "login", "code", "key"):
        column = getattr(model, name, None)
        if column is not None:
            value = s.scalar(select(column).where(model.id == row_id))
            return str(value) if value is not None else ""
    return ""


def _writer(hlc: str) -> str:
    try:
        return Timestamp.decode(hlc).device
    except ValueError:
        return ""


def _written_at(hlc: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(Timestamp.decode(hlc).physical_ms / 1000, UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _shown(value: Any) -> str:
    """A stored JSON value as one line of text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _json(text: str | None, default: Any) -> Any:
    try:
        value = json.loads(text or "null")
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0
