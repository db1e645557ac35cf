"""The status bar: who, which estate, the sync state as it truly is, and messages.

The sync state is read (off the UI thread) when the bar is first shown, whenever a commit
touches a synced table (the outbox grows with every local write; a sync empties it) and
when the sync page says its state changed. The sync machinery (sync.overview imports the
sync client, httpx and pydantic: 0.3-0.6 s) is imported at that first read, not with the
bar, so the main window can paint its start page first (``read_at_once=False``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ui.context import AppContext
from ui.labels import staff_role

if TYPE_CHECKING:
    from sync.overview import SyncOverview

MESSAGE_MS = 8000


class StatusBar(QStatusBar):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, read_at_once: bool = True
    ) -> None:
        """``read_at_once``: read the sync state as soon as the event loop runs; the main
        window passes False and calls ``refresh_sync`` after its start page has painted."""
        super().__init__(parent)
        self.ctx = ctx
        self.user = QLabel(f"{ctx.user_name} · {staff_role(ctx.role)}")
        self.user.setToolTip(self.tr("Logged in as %1").replace("%1", ctx.user_login))
        self.estate = QLabel(ctx.estate_name)
        self.sync = QLabel()
        for label in (self.user, self.estate, self.sync):
            self.addPermanentWidget(label)
        self.summary: SyncOverview | None = None
        self._reading = self._again = False
        ctx.events.status_message.connect(self.say)
        ctx.events.sync_state_changed.connect(self.refresh_sync)
        ctx.changes.changed.connect(lambda _changes: self.refresh_sync())
        # the outbox count waits until the window is on screen (start-up stays quick)
        self.sync.setText(self.tr("Sync: …"))
        if read_at_once:
            QTimer.singleShot(0, self.refresh_sync)

    def say(self, text: str) -> None:
        self.showMessage(text, MESSAGE_MS)

    def sync_text(self, summary: SyncOverview) -> str:
        from ui.sync_page.status import status_text

        return status_text(summary)[0]

    def refresh_sync(self) -> None:
        """Read the sync state in the background (one read at a time; a burst of commits
        asks once more after the read under way)."""
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        from sync.overview import read_overview  # the first read pays for the import

        db = self.ctx.db
        (
            self.ctx.runner.query(self, lambda _p: read_overview(db))
            .success(self._show)
            .finally_(self._read_done)
            .run()
        )

    def _show(self, summary: SyncOverview) -> None:
        from ui.sync_page.status import status_text

        self.summary = summary
        text, tip, role = status_text(summary)
        self.sync.setText(text)
        self.sync.setToolTip(tip)
        self.sync.setProperty("role", role)
        self.sync.style().unpolish(self.sync)
        self.sync.style().polish(self.sync)

    def _read_done(self) -> None:
        self._reading = False
        if self._again:
            self.refresh_sync()
