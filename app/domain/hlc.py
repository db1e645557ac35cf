"""Hybrid logical clock (DESIGN.md "Clocks").

A timestamp is encoded as a fixed-width string ``PPPPPPPPPPPPP-CCCC-<device>``: 13 digits of
physical milliseconds, 4 hex digits of counter, then the device id. Plain string order is
then the total order (time, counter, device) that last-writer-wins merges use, on SQLite
and PostgreSQL alike.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 0xFFFF


@dataclass(frozen=True, order=True)
class Timestamp:
    physical_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.physical_ms:013d}-{self.counter:04x}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        physical, counter, device = text.split("-", 2)
        return cls(int(physical), int(counter, 16), device)


class ClockDriftError(ValueError):
    """A received clock is further ahead of ours than the allowed drift."""


class HybridClock:
    def __init__(
        self,
        device: str,
        last: str | None = None,
        wall_ms: Callable[[], int] | None = None,
        max_drift_ms: int | None = None,
    ) -> None:
        self.device = device
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self.max_drift_ms = max_drift_ms
        decoded = Timestamp.decode(last) if last else Timestamp(0, 0, device)
        self._physical = decoded.physical_ms
        self._counter = decoded.counter

    @property
    def last(self) -> str:
        # Timestamp.encode's format, without an object per call (a billing run stamps 27,000)
        return f"{self._physical:013d}-{self._counter:04x}-{self.device}"

    def now(self) -> str:
        """A new timestamp, greater than every one issued or received before."""
        wall = self._wall_ms()
        if wall > self._physical:
            self._physical, self._counter = wall, 0
        else:
            self._counter += 1
            if self._counter > MAX_COUNTER:
                self._physical, self._counter = self._physical + 1, 0
        return self.last

    def receive(self, remote: str, max_advance_ms: int | None = None) -> None:
        """Advance past a timestamp seen from another device.

        With ``max_advance_ms``, a clock further ahead of this device's wall time than
        that advances ours only that far: a server or desk whose clock ran a day ahead
        must not carry every desk that pulls from it a day into the future.
        """
        other = Timestamp.decode(remote)
        wall = self._wall_ms()
        if max_advance_ms is not None and other.physical_ms > wall + max_advance_ms:
            other = Timestamp(wall + max_advance_ms, 0, other.device)
        if self.max_drift_ms is not None and other.physical_ms - wall > self.max_drift_ms:
            raise ClockDriftError(
                f"clock {remote} is {(other.physical_ms - wall) / 1000:.0f} s ahead of this device"
            )
        if (other.physical_ms, other.counter) > (self._physical, self._counter):
            self._physical, self._counter = other.physical_ms, other.counter
        if wall > self._physical:
            self._physical, self._counter = wall, 0
