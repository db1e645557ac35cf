"""What this device knows about its sync, read for a screen: the enrolment, the last
sync, the outbox, the changes the server refused and the conflicts kept.

Plain reads on a Session; the GUI calls them in a worker or briefly on its thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.units import unit_code
from app.store.base import SYNCED_TABLES
from app.store.models import Building, SyncConflict, SyncRejected, SyncState, Unit
from app.store.recorder import outbox_size
from sync import client

LIST_LIMIT = 200  # the newest rows a screen lists; the totals say how many there are


@dataclass(frozen=True)
class SyncOverview:
    server_url: str | None
    device_id: str | None  # the id the server gave this device
    device_name: str | None
    all_estates: bool
    estate_count: int
    last_sync_at: str | None  # ISO UTC
    last_error: str  # "" when the last sync finished
    waiting: int  # outbox rows
    clock_offset_ms: int
    rejected: int
    conflicts: int

    @property
    def enrolled(self) -> bool:
        return bool(self.server_url and self.device_id)

    def clock_warning(self) -> str | None:
        return client.clock_warning(self.clock_offset_ms)


@dataclass(frozen=True)
class RejectedChange:
    table: str
    row_id: str
    record: str  # the record in words ("3栋 2单元 1502", a resident's name), else ""
    reason: str
    rejected_at: datetime


@dataclass(frozen=True)
class KeptConflict:
    table: str
    row_id: str
    record: str
    field: str
    kept_value: str
    lost_value: str
    detected_at: datetime


def read_overview(s: Session) -> SyncOverview:
    state = dict(
        s.execute(
            select(SyncState.key, SyncState.value).where(
                SyncState.key.in_(
                    [
                        client.SERVER_URL,
                        client.TOKEN,
                        client.SERVER_DEVICE_ID,
                        client.DEVICE_NAME,
                        client.SCOPE,
                        client.LAST_SYNC,
                        client.LAST_ERROR,
                        client.CLOCK_OFFSET,
                    ]
                )
            )
        ).all()
    )
    scope = _scope(state.get(client.SCOPE))
    return SyncOverview(
        server_url=state.get(client.SERVER_URL) if state.get(client.TOKEN) else None,
        device_id=state.get(client.SERVER_DEVICE_ID),
        device_name=state.get(client.DEVICE_NAME),
        all_estates=bool(scope.get("all")),
        estate_count=len(scope.get("ids") or []),
        last_sync_at=state.get(client.LAST_SYNC) or None,
        last_error=state.get(client.LAST_ERROR) or "",
        waiting=outbox_size(s),
        clock_offset_ms=_int(state.get(client.CLOCK_OFFSET)),
        rejected=s.scalar(select(func.count()).select_from(SyncRejected)) or 0,
        conflicts=s.scalar(
            select(func.count()).select_from(SyncConflict).where(~SyncConflict.acknowledged)
        )
        or 0,
    )


def rejected_changes(s: Session, limit: int = LIST_LIMIT) -> list[RejectedChange]:
    """The changes the server refused for good, newest first."""
    rows = s.scalars(select(SyncRejected).order_by(SyncRejected.rejected_at.desc()).limit(limit))
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


def kept_conflicts(s: Session, limit: int = LIST_LIMIT) -> list[KeptConflict]:
    """Values that lost a merge and were kept (not yet acknowledged), newest first."""
    rows = s.scalars(
        select(SyncConflict)
        .where(~SyncConflict.acknowledged)
        .order_by(SyncConflict.detected_at.desc(), SyncConflict.id.desc())
        .limit(limit)
    )
    return [
        KeptConflict(
            c.table_name,
            c.row_id,
            describe_record(s, c.table_name, c.row_id),
            c.field,
            _shown(c.kept_value),
            _shown(c.lost_value),
            c.detected_at,
        )
        for c in rows
    ]


def describe_record(s: Session, table: str, row_id: str) -> str:
    """A record as a person knows it: a unit by its code, others by a name or number."""
    if table == "units":
        row = s.execute(
            select(Building.name, Unit.entrance, Unit.room)
            .join(Building, Building.id == Unit.building_id)
            .where(Unit.id == row_id)
        ).first()
        return unit_code(*row) if row else ""
    model = SYNCED_TABLES.get(table)
    if model is None:
        return ""
    for name in ("name", "display_name", "number", "receipt_no", "login", "code", "key"):
        column = getattr(model, name, None)
        if column is not None:
            value = s.scalar(select(column).where(model.id == row_id))
            return str(value) if value is not None else ""
    return ""


def _shown(value: Any) -> str:
    """A stored JSON value as one line of text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _scope(text: str | None) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0
