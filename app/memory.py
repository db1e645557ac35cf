"""Memory settings for bulk work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a bulk job builds tens of thousands of rows.

    The rows hold no reference cycles, but every few hundred allocations start a collection,
    and the older generations walk every object the application holds: a quarter of a
    20,000-unit billing run. Reference counting still frees everything as usual; the
    collector is switched back on (if it was on) when the job ends or fails.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
