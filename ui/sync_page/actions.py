"""Enrolment and sync as cancellable tasks on the application's asyncio loop (qasync).

The client does its database work in worker threads and its network work as coroutines,
so the window keeps painting and answering while a sync runs. Results come back as Qt
signals on the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from sync.client import SyncFailure
from ui import async_loop

log = logging.getLogger(__name__)


class AsyncJob(QObject):
    """One coroutine at a time: ``done(result)``, ``failed(message)`` or ``cancelled()``."""

    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: asyncio.Task | None = None

    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    def start(self, make: Callable[[], Coroutine[Any, Any, Any]]) -> bool:
        """Start ``make()``; False (with ``failed``) when no asyncio loop runs under Qt."""
        if self.running():
            return False
        try:
            self.task = async_loop.start(self._run(make()))
        except RuntimeError:
            self.failed.emit(
                QCoreApplication.translate(
                    "SyncPage",
                    "Syncing needs the PropDesk window's event loop; start PropDesk "
                    "with `propdesk gui` or use `propdesk sync`.",
                )
            )
            return False
        return True

    def cancel(self) -> None:
        if self.running():
            self.task.cancel()

    async def _run(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        try:
            result = await coroutine
        except SyncFailure as failure:
            self.failed.emit(str(failure))
        except asyncio.CancelledError:
            self.cancelled.emit()
            raise
        except Exception as error:  # an odd answer must not leave the page stuck "busy"
            log.error("sync task failed:\n%s", traceback.format_exc())
            self.failed.emit(
                QCoreApplication.translate(
                    "SyncPage", "The sync stopped on an unexpected error: %1"
                ).replace("%1", f"{type(error).__name__}: {error}")
            )
        else:
            self.done.emit(result)
