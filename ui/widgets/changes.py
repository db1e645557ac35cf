"""Change events and the clock, as Qt signals a page connects to once.

``ChangeBridge`` re-emits ``app.events`` notices (published on whichever thread committed)
as a signal on the UI thread. ``ClockTicker`` emits the injected clock's time once a minute
(and on demand, for F5), so deadline states and "overdue" colours are re-evaluated in
every open view without a click.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.clock import Clock
from app.events import ChangeNotifier, Changes

TICK_MS = 60_000


class ChangeBridge(QObject):
    changed = Signal(object)  # app.events.Changes, on the UI thread

    def __init__(self, notifier: ChangeNotifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = notifier.subscribe(self._relay)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def _relay(self, changes: Changes) -> None:
        self.changed.emit(changes)  # queued to the UI thread when published from a worker

    def close(self) -> None:
        self._unsubscribe()


class ClockTicker(QObject):
    ticked = Signal(object)  # datetime (aware, UTC)

    def __init__(self, clock: Clock, parent: QObject | None = None, interval_ms: int = TICK_MS):
        super().__init__(parent)
        self.clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def now(self) -> datetime:
        return self.clock.now()

    def tick(self) -> None:
        """Emit now (the minute timer, F5, or a test that moved its clock)."""
        self.ticked.emit(self.clock.now())


def on_changes(
    bridge: ChangeBridge,
    receiver: QObject,
    tables: tuple[str, ...],
    refresh: Callable[[Changes], None],
) -> None:
    """Call ``refresh(changes)`` while ``receiver`` lives, when a commit touched ``tables``."""

    def handle(changes: Changes) -> None:
        if shiboken6.isValid(receiver) and changes.touches(*tables):
            refresh(changes)

    bridge.changed.connect(handle)
    receiver.destroyed.connect(lambda *_: _disconnect(bridge, handle))


def _disconnect(bridge: ChangeBridge, handle: Callable) -> None:
    if shiboken6.isValid(bridge):
        with contextlib.suppress(RuntimeError, TypeError):
            bridge.changed.disconnect(handle)
