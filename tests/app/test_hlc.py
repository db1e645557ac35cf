"""Hybrid logical clock: monotonic, advanced by what it receives, string-ordered."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.hlc import ClockDriftError, HybridClock, Timestamp


class FakeWall:
    """A wall clock the test moves by hand (time itself is the input under test)."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_monotonic_even_when_the_wall_clock_stands_still_or_goes_back():
    wall = FakeWall(1_700_000_000_000)
    clock = HybridClock("dev-a", wall_ms=wall)
    first = clock.now()
    second = clock.now()
    wall.ms -= 60_000  # the user sets the clock back a minute
    third = clock.now()
    assert first < second < third
    assert Timestamp.decode(third).physical_ms == 1_700_000_000_000


def test_receive_advances_past_a_remote_clock():
    wall = FakeWall(1_000_000_000_000)
    clock = HybridClock("dev-a", wall_ms=wall)
    remote = Timestamp(1_000_000_500_000, 7, "dev-b").encode()
    clock.receive(remote)
    assert clock.now() > remote


def test_receive_refuses_a_clock_too_far_ahead():
    wall = FakeWall(1_000_000_000_000)
    clock = HybridClock("dev-a", wall_ms=wall, max_drift_ms=60_000)
    with pytest.raises(ClockDriftError):
        clock.receive(Timestamp(1_000_000_000_000 + 3_600_000, 0, "dev-b").encode())


def test_restart_continues_after_the_last_issued_timestamp():
    wall = FakeWall(5_000)
    clock = HybridClock("dev-a", wall_ms=wall)
    issued = [clock.now() for _ in range(3)]
    restarted = HybridClock("dev-a", last=issued[-1], wall_ms=FakeWall(4_000))
    assert restarted.now() > issued[-1]


@given(
    st.lists(
        st.tuples(st.sampled_from(["now", "receive"]), st.integers(0, 10**6), st.integers(0, 50)),
        min_size=1,
        max_size=60,
    )
)
def test_every_new_timestamp_is_greater_than_everything_seen(steps):
    wall = FakeWall(10**12)
    clock = HybridClock("dev-a", wall_ms=wall)
    seen = []
    for action, jump, counter in steps:
        wall.ms = 10**12 + (jump if jump % 2 else -jump)
        if action == "now":
            stamp = clock.now()
            assert all(stamp > s for s in seen)
            seen.append(stamp)
        else:
            remote = Timestamp(10**12 + jump, counter, "dev-b").encode()
            clock.receive(remote)
            seen.append(remote)


@given(st.integers(0, 10**13 - 1), st.integers(0, 0xFFFF), st.integers(0, 10**13 - 1))
def test_string_order_is_time_order(a_ms, counter, b_ms):
    a = Timestamp(a_ms, counter, "d1")
    b = Timestamp(b_ms, 0, "d1")
    assert (a.encode() < b.encode()) == (a < b)
    assert Timestamp.decode(a.encode()) == a
