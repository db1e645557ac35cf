"""Memory settings for bulk work."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused_by = 0  # jobs in progress that asked for the pause
_was_enabled = False  # the collector's state before the first of them


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a bulk job builds tens of thousands of rows.

    The rows hold no reference cycles, but every few hundred allocations start a collection,
    and the older generations walk every object the application holds: a quarter of a
    20,000-unit billing run. Reference counting still frees everything as usual. Jobs on
    several threads (sync requests on the server) share one pause: the first switches the
    collector off, the last one to finish restores what it was.
    """
    global _paused_by, _was_enabled
    with _lock:
        if _paused_by == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused_by += 1
    try:
        yield
    finally:
        with _lock:
            _paused_by -= 1
            if _paused_by == 0 and _was_enabled:
                gc.enable()
