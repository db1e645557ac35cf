"""The status bar: who, which estate, the sync state as it truly is, and messages."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.store.recorder import get_state, outbox_size
from ui import formats
from ui.context import AppContext
from ui.labels import staff_role

MESSAGE_MS = 8000


class SyncSummary:
    """What the local database says about sync: server set up, changes waiting, last sync."""

    def __init__(self, server_url: str | None, waiting: int, last_sync: str | None) -> None:
        self.server_url = server_url
        self.waiting = waiting
        self.last_sync = last_sync

    @classmethod
    def read(cls, ctx: AppContext) -> SyncSummary:
        with ctx.db.session() as s:
            url = get_state(s, "server_url")
            waiting = outbox_size(s)
            last = get_state(s, "last_sync_at")
        return cls(url, waiting, last)


class StatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = QLabel(f"{ctx.user_name} · {staff_role(ctx.role)}")
        self.user.setToolTip(self.tr("Logged in as %1").replace("%1", ctx.user_login))
        self.estate = QLabel(ctx.estate_name)
        self.sync = QLabel()
        for label in (self.user, self.estate, self.sync):
            self.addPermanentWidget(label)
        ctx.events.status_message.connect(self.say)
        ctx.events.sync_state_changed.connect(self.refresh_sync)
        ctx.events.data_changed.connect(lambda _table: self.refresh_sync())
        # the outbox count waits until the window is on screen (start-up stays quick)
        self.sync.setText(self.tr("Sync: …"))
        QTimer.singleShot(0, self.refresh_sync)

    def say(self, text: str) -> None:
        self.showMessage(text, MESSAGE_MS)

    def sync_text(self, summary: SyncSummary) -> str:
        if not summary.server_url:
            return self.tr("Sync not set up")
        parts = [self.tr("%n change(s) waiting", "", summary.waiting)]
        if summary.last_sync:
            parts.append(
                self.tr("last sync %1").replace("%1", formats.local_time(summary.last_sync))
            )
        else:
            parts.append(self.tr("never synced"))
        return " · ".join(parts)

    def refresh_sync(self) -> None:
        summary = SyncSummary.read(self.ctx)
        self.sync.setText(self.sync_text(summary))
        self.sync.setToolTip(summary.server_url or "")
