"""asyncio on Qt's event loop (qasync), so network work (the httpx sync client) runs as
coroutines beside the widgets, and the window stays responsive while it waits.

``run_event_loop(app)`` replaces ``app.exec()``. Nested Qt loops (a dialog's exec())
keep serving asyncio's timers, since qasync schedules them as Qt timers. A coroutine
must not itself open a modal dialog with exec(): that would re-enter the loop from
inside a running task.

``attached_loop(app)`` gives a host that runs the loop in steps (a test) a loop that
``start`` uses while none is running; the host runs it with ``run_until_complete``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from typing import Any

import qasync
from PySide6.QtWidgets import QApplication


def run_event_loop(app: QApplication) -> int:
    """Run the application on a qasync loop until it quits; the exit code of ``exec()``.

    Tasks still running when the last window closes (a sync in progress) are cancelled
    and given the loop until they have wound down, as ``asyncio.run`` does; the client
    commits a pulled page with its cursor, so stopping between pages loses nothing.
    """
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        code = loop.run_forever()
        _cancel_remaining(loop)
        return code
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def _cancel_remaining(loop: asyncio.AbstractEventLoop) -> None:
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    if not tasks:
        return
    for task in tasks:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))


_attached: asyncio.AbstractEventLoop | None = None


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The asyncio loop Qt is running, else an attached loop, else None (a snapshot)."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return _attached if _attached is not None and not _attached.is_closed() else None


def start(coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task:
    """Run ``coroutine`` on the application's loop; RuntimeError when there is none."""
    loop = running_loop()
    if loop is None:
        coroutine.close()
        raise RuntimeError("no asyncio loop runs under Qt (start with run_event_loop)")
    return loop.create_task(coroutine)


@contextmanager
def attached_loop(app: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop for a host that runs it in steps (tests): tasks started inside the
    block advance while the host runs ``loop.run_until_complete(...)``; those still
    running at the end are cancelled and wound down, as ``asyncio.run`` does."""
    global _attached
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    _attached = loop
    try:
        yield loop
    finally:
        _cancel_remaining(loop)
        _attached = None
        loop.close()
        asyncio.set_event_loop(None)
