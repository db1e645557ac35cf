"""The one background runner: operations off the UI thread, results back on it.

After Anki's QueryOp / CollectionOp. A screen builds an ``Op`` around an operation of
``app.services`` (a function taking ids and plain values), says what to do with its result,
and runs it::

    Op(self, lambda p: fees.arrears_report(db, estate_id, period)).success(self.show).run()

- Writes go to one worker thread (SQLite has one writer); reads to a small pool, so a
  report never waits behind a billing run's commit for long, and never blocks the window.
- A progress dialog appears only if the operation is still running after 300 ms; it
  offers Cancel when the operation was built ``cancellable`` (it then receives a
  ``Progress`` and calls ``progress.step(done, total)`` between steps).
- The result or the error comes back on the UI thread. Errors are shown in the user's
  language through ``ui.messages`` unless the screen handles them with ``.failure``.
- Coroutines (the network, through qasync) run the same way with ``Op.coroutine``.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QProgressDialog, QWidget

from app.domain.errors import Cancelled
from app.memory import collector_paused
from app.progress import Progress
from ui import messages

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_DELAY_MS = 300


class Runner:
    """Owns the threads. One per application window, made by the composition root."""

    def __init__(self, readers: int = 2) -> None:
        self.writes = ThreadPoolExecutor(1, thread_name_prefix="propdesk-write")
        self.reads = ThreadPoolExecutor(readers, thread_name_prefix="propdesk-read")
        self._pending: set[Op] = set()  # keeps running ops (and their relays) alive
        self.closed = False
        # called (on the UI thread) after each op has delivered and run its callbacks: the
        # main window learns there when its start page's reads are all in
        self.delivered: list[Callable[[], Any]] = []

    def query(self, parent: QWidget | None, work: Callable[[Progress], T]) -> Op[T]:
        """A read (or work outside the database) on the read pool."""
        return Op(parent, work, runner=self)

    def write(self, parent: QWidget | None, work: Callable[[Progress], T]) -> Op[T]:
        """A write, on the one write worker."""
        return Op(parent, work, runner=self, write=True)

    def network(
        self, parent: QWidget | None, make: Callable[[Progress], Coroutine[Any, Any, T]]
    ) -> Op[T]:
        """A coroutine on the qasync loop (httpx)."""
        return Op.coroutine(parent, make, runner=self)

    def submit(self, fn: Callable[[], T], write: bool) -> Future[T]:
        return (self.writes if write else self.reads).submit(fn)

    def running(self) -> int:
        return len(self._pending)

    def pending_under(self, widget: QWidget) -> bool:
        """An op started by ``widget`` or a widget in it has not delivered yet."""
        owners = [op.parent for op in list(self._pending) if op.parent is not None]
        return any(
            shiboken6.isValid(owner) and (owner is widget or widget.isAncestorOf(owner))
            for owner in owners
        )

    def shutdown(self, wait: bool = True) -> None:
        self.closed = True
        for op in list(self._pending):
            op.cancel()
        self.writes.shutdown(wait=wait)
        self.reads.shutdown(wait=wait)


class _Relay(QObject):
    """Carries a worker thread's outcome and progress onto the UI thread: it lives there,
    so its signals, emitted from a worker, are queued to its own slots."""

    finished = Signal(object, object)  # result, error
    progressed = Signal(int, int)

    def __init__(self, op: Op) -> None:
        super().__init__()
        self.op = op
        self.finished.connect(self._finished)
        self.progressed.connect(self._progressed)

    def _finished(self, result: Any, error: Any) -> None:
        self.op._deliver(result, error)

    def _progressed(self, done: int, total: int) -> None:
        self.op._show_progress(done, total)


class Op(Generic[T]):
    """One operation run once: ``Op(parent, work).success(cb).run()``.

    ``work`` takes the ``Progress`` (it may ignore it) and returns the result.
    """

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], T],
        *,
        runner: Runner,
        write: bool = False,
    ) -> None:
        self.parent = parent
        self.work = work
        self.runner = runner
        self.write = write
        self._on_success: Callable[[T], Any] | None = None
        self._on_failure: Callable[[BaseException], Any] | None = None
        self._on_done: Callable[[], Any] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self._task: asyncio.Task | None = None
        self._coroutine: Callable[[Progress], Coroutine[Any, Any, T]] | None = None
        self.progress = Progress(self._report)
        self.done = False
        self._relay = _Relay(self)

    @classmethod
    def coroutine(
        cls,
        parent: QWidget | None,
        make: Callable[[Progress], Coroutine[Any, Any, T]],
        *,
        runner: Runner,
    ) -> Op[T]:
        """An operation that awaits (network): runs as a task on the qasync loop."""
        op = cls(parent, lambda _p: None, runner=runner)  # type: ignore[arg-type]
        op._coroutine = make
        return op

    def success(self, callback: Callable[[T], Any]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], Any]) -> Op[T]:
        """Handle errors yourself (a form marking its fields); else a message box shows them."""
        self._on_failure = callback
        return self

    def finally_(self, callback: Callable[[], Any]) -> Op[T]:
        """Called after success, failure or cancel (re-enable a button)."""
        self._on_done = callback
        return self

    def with_progress(self, label: str, cancellable: bool = False) -> Op[T]:
        self._label = label
        self._cancellable = cancellable
        return self

    def cancel(self) -> None:
        self.progress.cancel()
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def run(self) -> Op[T]:
        if self.runner.closed:
            # the window is closing: a timer's late refresh starts nothing (and raises nothing)
            return self
        self.runner._pending.add(self)
        if self._label is not None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._open_dialog)
            self._timer.start(PROGRESS_DELAY_MS)
        if self._coroutine is not None:
            self._start_task()
        else:
            self.runner.submit(self._call, self.write)
        return self

    # ---- worker side ----

    def _call(self) -> None:
        # The cycle collector stays off on a worker: a collection here could free garbage
        # holding Qt wrappers made on the UI thread, which shiboken then deletes twice
        # (a crash seen in runDeletionInMainThread). It runs again on the UI thread.
        with collector_paused():
            try:
                self.progress.check()  # cancelled before it started
                result, error = self.work(self.progress), None
            except BaseException as caught:  # handed to the UI thread
                result, error = None, caught
            if shiboken6.isValid(self._relay):
                self._relay.finished.emit(result, error)

    def _report(self, done: int, total: int) -> None:
        if shiboken6.isValid(self._relay):
            self._relay.progressed.emit(done, total)

    def _start_task(self) -> None:
        from ui import async_loop

        async def wrapped() -> T:
            return await self._coroutine(self.progress)  # type: ignore[misc]

        try:
            self._task = async_loop.start(wrapped())
        except RuntimeError as error:  # no asyncio loop under Qt
            self._relay.finished.emit(None, error)
            return

        def task_done(task: asyncio.Task) -> None:
            if task.cancelled():
                self._relay.finished.emit(None, Cancelled())
            else:
                error = task.exception()
                self._relay.finished.emit(None if error else task.result(), error)

        self._task.add_done_callback(task_done)

    # ---- UI side ----

    def _open_dialog(self) -> None:
        if self.done:
            return
        cancel_text = messages.message("runner.cancel") if self._cancellable else ""
        dialog = QProgressDialog(self._label or "", cancel_text, 0, 0, self.parent)
        if not self._cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        self._dialog = dialog

    def _show_progress(self, done: int, total: int) -> None:
        if self.done or self._dialog is None or not shiboken6.isValid(self._dialog):
            return
        # the dialog's own bar: QProgressDialog.setValue runs the event loop on a modal
        # dialog (processEvents), in which this op could finish and its dialog be closed
        bar = self._dialog.findChild(QProgressBar)
        if bar is not None:
            bar.setMaximum(max(total, 0))
            bar.setValue(min(done, total) if total > 0 else 0)

    def _deliver(self, result: Any, error: BaseException | None) -> None:
        self.done = True
        self.runner._pending.discard(self)
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = None
        self._relay.deleteLater()
        parent_gone = self.parent is not None and not shiboken6.isValid(self.parent)
        try:
            if parent_gone:
                return
            if error is None:
                if self._on_success is not None:
                    self._on_success(result)
            elif isinstance(error, Cancelled):
                if self._on_failure is not None:
                    self._on_failure(error)
            elif self._on_failure is not None:
                self._on_failure(error)
            else:
                show_error(self.parent, error)
        finally:
            try:
                if self._on_done is not None and not parent_gone:
                    self._on_done()
            finally:
                for listener in list(self.runner.delivered):
                    listener()


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """An error in the user's language; an unexpected one is logged with its traceback."""
    from app.domain.errors import DomainError

    if not isinstance(error, DomainError):
        log.error("operation failed", exc_info=(type(error), error, error.__traceback__))
    QMessageBox.warning(
        parent, QApplication.translate("Runner", "PropDesk"), messages.describe(error)
    )


def wait_all(runner: Runner, timeout: float = 10.0) -> bool:
    """For scripts and snapshots: process events until every operation delivered."""
    deadline = threading.Event()
    timer = threading.Timer(timeout, deadline.set)
    timer.start()
    try:
        while runner.running() and not deadline.is_set():
            QApplication.processEvents()
    finally:
        timer.cancel()
    return not runner.running()
