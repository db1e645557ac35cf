"""What the status bar shows about sync, read in one unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.store.recorder import get_state, outbox_size

if TYPE_CHECKING:
    from app.store.db import Database


@dataclass(frozen=True)
class SyncSummary:
    server_url: str | None  # None: sync not set up
    waiting: int  # changes in the outbox
    last_sync: str | None  # ISO UTC of the last finished sync


def sync_summary(db: Database) -> SyncSummary:
    with db.session() as s:
        return SyncSummary(get_state(s, "server_url"), outbox_size(s), get_state(s, "last_sync_at"))


def enrolled(session) -> bool:
    """Whether this desk is enrolled with a sync server (its estates come from there)."""
    return bool(get_state(session, "server_url"))


NO_ESTATE_ENROLLED = (
    "this desk is enrolled but has not received its estate yet: run `propdesk sync`"
)
