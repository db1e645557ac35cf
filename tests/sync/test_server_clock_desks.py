"""A server whose clock jumped, met by real desks (the sync client): the desks say their
time with every request, so the server finds its own clock wrong and nothing waits."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.hlc import Timestamp
from app.store.models import Building, SyncOutbox
from app.store.recorder import DEVICE_KEY, HLC_KEY, get_state, recorder, set_state
from sync import protocol
from sync.server import crud
from tests.sync.test_server_validation import call

TEN_MINUTES = 10 * 60 * 1000


def test_desks_outvote_a_server_clock_that_jumped_back_and_nothing_waits(server, make_device):
    """Before: the desk client never sent X-PropDesk-Time, so the server never found its
    clock wrong, and every change made on a correct desk stayed held back as "stamped in
    the future" for as long as the server's clock was wrong."""
    estate = server.add_estate("阳光花园")
    desks = [make_device(f"d{i}", [estate]) for i in range(3)]
    server.app.state.clock = crud.ServerClock(wall_ms=lambda: crud.now_ms() - TEN_MINUTES)
    made = []
    for desk in desks:
        with desk.db.session() as s:
            made.append(recorder(s).create(Building, estate_id=estate, name="1栋", sort_key=1).id)
    for _round in range(2):
        reports = [desk.sync() for desk in desks]
    assert [r.held_back for r in reports] == [None, None, None]
    assert all(r.server_clock_wrong for r in reports)
    assert call(server, "GET", "/health").json()["server_clock_wrong"] is True
    for desk in desks:
        with desk.db.session() as s:
            assert s.scalar(select(SyncOutbox.change_id)) is None
    with crud.new_session(server.engine) as s:
        assert set(s.scalars(select(Building.id))) == set(made)


def test_a_desk_carried_ahead_by_the_server_is_not_held_back_when_its_clock_jumps_back(
    server, make_device
):
    """Before: a desk that pulled while the server's clock ran two hours fast took its
    clock from the answer; once the server's clock was set right, every change that desk
    made was refused as "stamped in the future", and held back for two hours."""
    estate = server.add_estate("阳光花园")
    desk, other = make_device("desk", [estate]), make_device("other", [estate])
    clock = server.app.state.clock
    clock._wall_ms = lambda: crud.now_ms() + 2 * 3600 * 1000
    desk.sync()  # nothing to push; the pull's answer carries the server's clock
    clock._wall_ms = crud.now_ms  # set right again
    with desk.db.session() as s:
        made = recorder(s).create(Building, estate_id=estate, name="1栋", sort_key=1).id
    report = desk.sync()
    assert report.held_back is None and report.pushed == 1
    other.sync()
    with other.db.session() as s:
        assert s.get(Building, made) is not None


def test_a_server_clock_a_day_ahead_moves_a_pulling_desk_clock_only_by_the_drift_bound(
    server, make_device
):
    """Before: a desk took any received clock as its own, so a server a day fast carried
    every desk that pulled from it a day into the future (its own later edits stamped a
    day ahead, beating every correct desk's edits for that day)."""
    estate = server.add_estate("阳光花园")
    writer, desk = make_device("writer", [estate]), make_device("desk", [estate])
    day_ahead = crud.now_ms() + 24 * 3600 * 1000
    server.app.state.clock._wall_ms = lambda: crud.now_ms() + 24 * 3600 * 1000
    for one in (writer, desk, make_device("third", [estate])):  # the desks outvote it
        one.sync()
    with writer.db.session() as s:  # the writer's computer is a day fast too, as the server
        set_state(s, HLC_KEY, Timestamp(day_ahead, 0, get_state(s, DEVICE_KEY)).encode())
        recorder(s).create(Building, estate_id=estate, name="1栋", sort_key=1)
    writer.sync()
    report = desk.sync()
    assert report.pulled == 1 and report.server_clock_wrong
    with desk.db.session() as s:
        own = Timestamp.decode(get_state(s, HLC_KEY)).physical_ms
    assert own <= crud.now_ms() + protocol.MAX_DRIFT_MS
