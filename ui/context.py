"""What every screen is given: the database, who is logged in, the estate, app events.

Passed explicitly to each page (no global singletons).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the window frame is shown before the database layer is imported
    from app.store.db import Database


class AppEvents(QObject):
    """Signals pages listen to, so a change on one screen refreshes the others."""

    data_changed = Signal(str)  # a table name, or "*" after a sync
    status_message = Signal(str)
    sync_state_changed = Signal()


@dataclass
class AppContext:
    db: Database
    user_id: str
    user_login: str
    user_name: str
    role: str
    estate_id: str
    estate_name: str
    estate_ids: list[str] = field(default_factory=list)
    events: AppEvents = field(default_factory=AppEvents)
