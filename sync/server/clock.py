"""The server's clock: what it stamps on answers and what a pushed change's clock is
checked against (docs/sync.md "Clocks and skew")."""

from __future__ import annotations

import logging
import threading
import time

from app.domain.hlc import MAX_COUNTER, Timestamp
from sync import protocol
from sync.server.models import SERVER_DEVICE

log = logging.getLogger("propdesk.server")


def now_ms() -> int:
    """The server's wall clock, the reference every device's clock is measured against."""
    return time.time_ns() // 1_000_000


class ServerClock:
    """The clock stamped on every answer: after every change the server accepted, so a
    desk that advances its own clock past it writes after everything it has seen.

    Its time is the server's wall clock plus ``correction_ms``: zero, unless most desks
    find the server's clock wrong (:func:`sync.server.identity.clock_verdict`); then
    their median, so a server clock a day ahead does not carry every desk a day ahead.
    A received clock advances it by at most ``MAX_DRIFT_MS`` beyond that time.
    """

    def __init__(self, wall_ms=None) -> None:
        self._lock = threading.Lock()
        self._wall_ms = wall_ms or now_ms
        self.correction_ms = 0
        self._received = Timestamp(0, 0, SERVER_DEVICE)
        self._issued_ms = 0  # the latest time it has stamped on an answer

    def wall_ms(self) -> int:
        """This computer's clock, as it is (desks' offsets are measured against it)."""
        return self._wall_ms()

    def time_ms(self) -> int:
        """The time the server goes by: its clock, corrected when the desks outvote it."""
        return self._wall_ms() + self.correction_ms

    def accept_until_ms(self) -> int:
        """What a change's clock is checked against: the latest of the server's clock, the
        corrected time (a correction never refuses a change the server's own clock would
        take: a majority of desks can be the wrong ones) and the latest time it has
        stamped on an answer. After its clock jumped back, a desk whose clock followed
        what the server answered before stamps after that; refusing it would hold its
        changes back until the server's clock caught up (found by the convergence
        property's clock jumps)."""
        wall = self._wall_ms()
        with self._lock:
            issued = self._issued_ms
        return max(wall, wall + self.correction_ms, issued)

    def now(self) -> str:
        """After everything received; otherwise the server's (corrected) time. It keeps
        no memory of what it answered before, so a correction takes effect at once."""
        with self._lock:
            wall, seen = self.time_ms(), self._received
            if wall > seen.physical_ms:
                stamp = Timestamp(wall, 0, SERVER_DEVICE)
            elif seen.counter < MAX_COUNTER:
                stamp = Timestamp(seen.physical_ms, seen.counter + 1, SERVER_DEVICE)
            else:
                stamp = Timestamp(seen.physical_ms + 1, 0, SERVER_DEVICE)
            self._issued_ms = max(self._issued_ms, stamp.physical_ms)
        return stamp.encode()

    def receive(self, hlc: str) -> None:
        other = Timestamp.decode(hlc)
        with self._lock:
            bound = self.time_ms() + protocol.MAX_DRIFT_MS
            if other.physical_ms > bound:
                log.warning(
                    "a received clock %d s ahead was not followed",
                    (other.physical_ms - bound) // 1000,
                )
                other = Timestamp(bound, 0, SERVER_DEVICE)
            if (other.physical_ms, other.counter) > (
                self._received.physical_ms,
                self._received.counter,
            ):
                self._received = other
