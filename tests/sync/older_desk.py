"""Changes a desk queued before its recorder refused values the server cannot store.

Since issue 12 the change recorder refuses a 72-character building name, a NUL, NaN and
the like (app.store.limits) before anything is kept or queued. Desks that ran an older
version may still hold such changes in their outbox, and the server may be pushed them by
any client; the tests of the server's refusal and of the desk setting a refused change
aside write them through this, with the recorder's check left out exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest.mock import patch


@contextmanager
def unchecked_recorder() -> Iterator[None]:
    """Within: the recorder keeps and queues values as it did before it checked them."""
    with patch("app.store.recorder.check_row", lambda model, values: None):
        yield
