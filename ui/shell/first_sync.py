"""Before the log-in, a desk enrolled but without its estate yet (enrolled on the command
line with its first sync cancelled or failed) receives it: the estate and its staff
accounts come from the server, so the first-start dialog (a local estate and
administrator) is never offered to it.

The log-in comes before the qasync loop runs, so the sync runs on an asyncio loop of its
own in a worker thread; its progress reaches the dialog through a queued signal, in the
Sync page's words (ui.sync_page.progress). Cancel stops it between pages: what was
received stays, and the next start (or `propdesk sync`) goes on from there.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QProgressDialog, QWidget

if TYPE_CHECKING:
    from ui.context import Database


def awaits_first_sync(db: Database) -> bool:
    """Enrolled with a sync server, and no staff account here yet."""
    from app.services.accounts import needs_first_start
    from app.services.status import sync_summary

    return sync_summary(db).server_url is not None and needs_first_start(db)


class _Carrier(QObject):
    """From the sync's thread to the dialog's (queued)."""

    progressed = Signal(object)
    ended = Signal(object)  # the report, or what stopped it


class FirstSync:
    """One first sync with a modal progress dialog; ``run()`` returns the report or the
    exception that ended it (``asyncio.CancelledError`` when cancelled)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.db = db
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle("PropDesk")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(0)
        self.bar = QProgressBar(self.dialog)
        self.bar.setRange(0, 0)  # busy until the server says how much there is
        self.label = QLabel(
            QCoreApplication.translate(
                "FirstSync", "This computer is enrolled: receiving its estate from the server…"
            )
        )
        self.label.setWordWrap(True)
        self.dialog.setBar(self.bar)
        self.dialog.setLabel(self.label)
        self.dialog.setCancelButtonText(QCoreApplication.translate("FirstSync", "Cancel"))
        self.carrier = _Carrier()
        self.carrier.progressed.connect(self._show)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._cancelled = False
        self.dialog.canceled.connect(self.cancel)

    def _show(self, report) -> None:
        from ui.sync_page.progress import show_receiving

        show_receiving(self.bar, self.label, report)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._loop is not None and self._task is not None:
                self._loop.call_soon_threadsafe(self._task.cancel)

    def _work(self) -> None:
        from sync.client import SyncClient

        async def sync():
            with self._lock:
                if self._cancelled:
                    raise asyncio.CancelledError
                self._loop, self._task = asyncio.get_running_loop(), asyncio.current_task()
            return await SyncClient(self.db).sync(progress=self.carrier.progressed.emit)

        try:
            outcome: Any = asyncio.run(sync())
        except BaseException as error:  # noqa: BLE001 (handed to the UI thread, shown there)
            outcome = error
        with self._lock:
            self._loop = self._task = None  # ended: nothing left to cancel
        self.carrier.ended.emit(outcome)

    def run(self) -> Any:
        waiting = QEventLoop()
        outcome: list[Any] = []
        self.carrier.ended.connect(lambda result: (outcome.append(result), waiting.quit()))
        worker = threading.Thread(target=self._work, name="first-sync", daemon=True)
        worker.start()
        self.dialog.show()
        waiting.exec()
        worker.join()
        self.dialog.canceled.disconnect(self.cancel)  # closing it emits canceled
        self.dialog.close()
        return outcome[0]


def receive_estate(db: Database, parent: QWidget | None = None) -> bool:
    """Run the first sync (again, if asked); True once the desk has accounts to log in
    with, False when the user gives up (what was received is kept)."""
    from app.services.accounts import needs_first_start

    while True:
        outcome = FirstSync(db, parent).run()
        if not isinstance(outcome, BaseException):
            if not needs_first_start(db):
                return True
            text = QCoreApplication.translate(
                "FirstSync",
                "The estate was received, but the server sent no staff account to log in "
                "with. Ask the administrator to add your account on the server.",
            )
            QMessageBox.warning(parent, "PropDesk", text)
            return False
        if isinstance(outcome, asyncio.CancelledError | KeyboardInterrupt):
            reason = QCoreApplication.translate(
                "FirstSync", "Cancelled; what was received is kept and the rest follows later."
            )
        else:
            from ui.sync_page.labels import describe_sync

            reason = describe_sync(outcome)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "PropDesk",
            QCoreApplication.translate(
                "FirstSync",
                "This computer is enrolled for sync, and its estate and staff accounts come "
                "from the server; the first sync did not finish:\n%1",
            ).replace("%1", reason),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close,
            parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        if box.exec() != QMessageBox.StandardButton.Retry:
            return False
