"""Sync that runs by itself: after a save (debounced), every minute, again and again with
growing pauses while the server cannot be reached, and at once on F9.

One ``BackgroundSync`` per window context (``background_for(ctx)``): the Sync page, the
status bar and the window's F9 share it. A sync runs as a coroutine on the qasync loop
through the one runner (``ctx.runner.network``); its database work runs in worker
threads, so the window never waits for it. Pulled pages reach open screens through the
change events, as local saves do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.errors import Cancelled, DomainError
from app.events import Changes
from sync.client import SyncClient, SyncReport
from ui.context import AppContext

MINUTE_MS = 60_000
AFTER_SAVE_MS = 3_000  # a burst of saves is sent once
FIRST_RETRY_MS = 5_000
LONGEST_RETRY_MS = 5 * 60_000
QUIET = ("sync.not_enrolled",)  # nothing to say: this desk works alone


class BackgroundSync(QObject):
    started = Signal()
    progressed = Signal(object)  # SyncReport as it grows
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # DomainError
    cancelled = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        *,
        every_ms: int = MINUTE_MS,
        after_save_ms: int = AFTER_SAVE_MS,
        first_retry_ms: int = FIRST_RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.first_retry_ms = first_retry_ms
        self.retry_ms = 0  # the pause before the next try while the server is away
        self.online: bool | None = None
        self.last_error: DomainError | None = None
        self.report: SyncReport | None = None  # of the run under way
        self._op = None
        self._again = False
        self.every = self._timer(every_ms, single=False)
        self.after_save = self._timer(after_save_ms)
        self.retry = self._timer(first_retry_ms)
        ctx.changes.changed.connect(self._on_changes)

    def _timer(self, ms: int, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(self.sync_now)
        return timer

    def start(self) -> None:
        """Begin: a first sync shortly, then every minute."""
        self.every.start()
        self.after_save.start()

    def stop(self) -> None:
        for timer in (self.every, self.after_save, self.retry):
            timer.stop()
        self.cancel()

    def running(self) -> bool:
        return self._op is not None

    def _on_changes(self, changes: Changes) -> None:
        started = self.every.isActive()
        if started and changes.source == "local" and changes.touches("sync_outbox"):
            self.after_save.start()  # restarts: debounced

    def sync_now(self) -> None:
        """Sync at once (F9, a timer); while one runs, another follows it."""
        if self._op is not None:
            self._again = True
            return
        self.after_save.stop()
        self.retry.stop()
        client = SyncClient(self.ctx.db)
        self.report = SyncReport()
        self._op = (
            self.ctx.runner.network(None, lambda _p: client.sync(progress=self._progress))
            .success(self._done)
            .failure(self._failed)
            .finally_(self._ended)
            .run()
        )
        self.started.emit()

    def cancel(self) -> None:
        """Stop the sync under way; what it applied stays, the rest comes next time."""
        if self._op is not None:
            self._op.cancel()

    def _progress(self, report: SyncReport) -> None:
        self.report = report
        self.progressed.emit(report)

    def _done(self, report: SyncReport) -> None:
        self.online, self.last_error, self.retry_ms = True, None, 0
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.cancelled.emit()
            return
        if not isinstance(error, DomainError):
            error = DomainError("sync.unexpected", detail=f"{type(error).__name__}: {error}")
        if error.code in QUIET:
            self.online, self.last_error = None, None
            return
        self.last_error = error
        self.online = error.code != "sync.unreachable"
        if not self.online:  # try again sooner than the minute, then less and less often
            self.retry_ms = min(LONGEST_RETRY_MS, self.retry_ms * 2 or self.first_retry_ms)
            self.retry.start(self.retry_ms)
        self.failed.emit(error)

    def _ended(self) -> None:
        self._op = None
        if self._again:
            self._again = False
            self.sync_now()


def background_for(ctx: AppContext) -> BackgroundSync:
    """The one background sync of this context (made on first use, not yet started); it
    lives as long as the context's window events."""
    found = getattr(ctx.events, "background_sync", None)
    if found is None:
        found = BackgroundSync(ctx, ctx.events)
        ctx.events.background_sync = found
    return found


def attach_to_window(window, ctx: AppContext) -> BackgroundSync:
    """Start the background sync for a main window: F9 syncs from any page, and the
    sidebar's Sync entry shows how many conflicts wait to be settled."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence, QShortcut

    from sync.overview import read_overview
    from ui.widgets.changes import on_changes

    background = background_for(ctx)
    QShortcut(QKeySequence("F9"), window, background.sync_now)
    item = next(
        (
            window.sidebar.item(i)
            for i in range(window.sidebar.count())
            if window.sidebar.item(i).data(Qt.ItemDataRole.UserRole) == "sync"
        ),
        None,
    )
    if item is not None:
        title = item.text()

        def show(overview) -> None:
            count = overview.conflicts
            item.setText(f"{title} ({count})" if count else title)
            item.setData(Qt.ItemDataRole.UserRole + 1, count)

        def count(_changes=None) -> None:
            ctx.runner.query(window, lambda _p: read_overview(ctx.db)).success(show).failure(
                lambda _e: None
            ).run()

        on_changes(ctx.changes, window.sidebar, ("sync_conflicts",), count)
        count()
    window.destroyed.connect(background.stop)
    background.start()
    return background
