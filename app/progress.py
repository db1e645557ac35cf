"""What a long operation is told and tells: cancel requests in, progress out.

The UI's runner hands one ``Progress`` to an operation that can stop between steps; the
operation calls ``step()`` between steps, which raises ``Cancelled`` once the user asked
to stop (before anything of the current unit of work is committed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.domain.errors import Cancelled

Reporter = Callable[[int, int], None]


class Progress:
    def __init__(self, report: Reporter | None = None) -> None:
        self._cancel = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def step(self, done: int, total: int) -> None:
        """Report ``done`` of ``total``; raise ``Cancelled`` if the user asked to stop."""
        self.check()
        if self._report is not None:
            self._report(done, total)
