"""What every screen is given: the database, who is logged in, the estate, the runner,
change events and the clock.

Passed explicitly to each page (no global singletons). Screens call ``app.services``
operations through ``runner`` (off the UI thread) and refresh from ``changes`` (commits,
local or pulled by sync) and ``ticker`` (the clock, once a minute and on F5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.clock import Clock, SystemClock

if TYPE_CHECKING:  # the window frame is shown before the database layer is imported
    from ui.widgets.changes import ChangeBridge, ClockTicker
    from ui.widgets.ops import Runner


# The open local database, handed round unopened: screens pass it to operations and never
# use it themselves. Only the composition root (ui/app.py) imports the store to open it.
Database = Any


class AppEvents(QObject):
    """Signals of the window itself (not of the data: those are ``AppContext.changes``)."""

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
    clock: Clock = field(default_factory=SystemClock)
    runner: Runner = None  # type: ignore[assignment]  # made in __post_init__
    changes: ChangeBridge = None  # type: ignore[assignment]
    ticker: ClockTicker = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        from ui.widgets.changes import ChangeBridge, ClockTicker
        from ui.widgets.ops import Runner

        if self.runner is None:
            self.runner = Runner()
        if self.changes is None:
            self.changes = ChangeBridge(self.db.events)
        if self.ticker is None:
            self.ticker = ClockTicker(self.clock)

    def now(self):
        return self.clock.now()
