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

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from sync.client import SyncFailure
from ui import async_loop

log = logging.getLogger(__name__)


class AsyncJob(QObject):
    """One coroutine at a time: ``done(result)``, ``failed(message)`` or ``cancelled()``.

    The outcome comes from the task's done callback, which asyncio runs on a later turn
    of the loop, outside the task: a slot may refresh pages or open a dialog, and a
    cancel that lands before the coroutine's first step still reports ``cancelled``.
    The job counts as running until its outcome has been delivered.
    """

    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: asyncio.Task | None = None

    def running(self) -> bool:
        return self.task is not None

    def start(self, make: Callable[[], Coroutine[Any, Any, Any]]) -> bool:
        """Start ``make()``; False (with ``failed``) when no asyncio loop runs under Qt."""
        if self.running():
            return False
        try:
            task = async_loop.start(make())
        except RuntimeError:
            self.failed.emit(
                QCoreApplication.translate(
                    "SyncPage",
                    "Syncing needs the PropDesk window's event loop; start PropDesk "
                    "with `propdesk gui` or use `propdesk sync`.",
                )
            )
            return False
        self.task = task
        task.add_done_callback(self._finished)
        return True

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def _finished(self, task: asyncio.Task) -> None:
        if task is not self.task or not shiboken6.isValid(self):  # the page is gone
            return
        self.task = None
        if task.cancelled():
            self.cancelled.emit()
            return
        error = task.exception()
        if error is None:
            self.done.emit(task.result())
        elif isinstance(error, SyncFailure):
            self.failed.emit(str(error))
        else:  # an odd answer must not leave the page stuck "busy"
            log.error(
                "sync task failed:\n%s",
                "".join(traceback.format_exception(type(error), error, error.__traceback__)),
            )
            self.failed.emit(
                QCoreApplication.translate(
                    "SyncPage", "The sync stopped on an unexpected error: %1"
                ).replace("%1", f"{type(error).__name__}: {error}")
            )
