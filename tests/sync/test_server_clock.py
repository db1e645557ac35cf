"""A server whose clock is wrong: the desks outvote it, /health and the log say so, and
no desk is carried along (or refused) by it."""

from __future__ import annotations

import logging

from app.domain.hlc import Timestamp
from sync import protocol
from sync.server import crud
from tests.sync.test_server_validation import building, call

DAY = 24 * 3600 * 1000


def _desks(server, estate, n):
    tokens = []
    for i in range(n):
        r = call(server, "POST", "/enroll", json={"code": server.code([estate]), "name": f"d{i}"})
        assert r.status_code == 200, r.text
        tokens.append(r.json()["token"])
    return tokens


def _pull(server, token):
    desk_time = {protocol.TIME_HEADER: str(crud.now_ms())}  # the desks' clocks are right
    return call(server, "GET", "/sync/pull", token=token, headers=desk_time)


def test_a_server_clock_a_day_ahead_is_outvoted_and_reported(server, caplog):
    estate = server.add_estate("阳光花园")
    tokens = _desks(server, estate, 3)
    server.app.state.clock = crud.ServerClock(wall_ms=lambda: crud.now_ms() + DAY)
    health = call(server, "GET", "/health").json()
    assert health["server_clock_wrong"] is False
    with caplog.at_level(logging.WARNING, logger="propdesk.server"):
        for token in tokens:
            assert _pull(server, token).status_code == 200
    assert "the server's clock disagrees with 2 of 2 desks" in caplog.text  # at the flip
    health = call(server, "GET", "/health").json()
    assert health["server_clock_wrong"] is True
    assert abs(health["desks_clock_offset_ms"] + DAY) < 60_000
    version = call(server, "GET", "/version").json()
    assert version["server_clock_wrong"] is True
    assert abs(version["server_time_ms"] - crud.now_ms()) < 60_000  # the desks' time
    # What the desks take from the server no longer runs a day ahead.
    answer = call(
        server,
        "POST",
        "/sync/push",
        token=tokens[0],
        json={"changes": [building(estate)]},
    ).json()
    assert Timestamp.decode(answer["server_hlc"]).physical_ms < crud.now_ms() + 60_000
    assert abs(answer["server_time_ms"] - crud.now_ms()) < 60_000


def test_a_server_clock_a_day_behind_does_not_refuse_the_desks_for_a_day(server):
    estate = server.add_estate("阳光花园")
    tokens = _desks(server, estate, 2)
    server.app.state.clock = crud.ServerClock(wall_ms=lambda: crud.now_ms() - DAY)
    for token in tokens:
        assert _pull(server, token).status_code == 200
    r = call(server, "POST", "/sync/push", token=tokens[1], json={"changes": [building(estate)]})
    assert r.status_code == 200, r.text


def test_one_desk_with_a_wrong_clock_does_not_move_the_server():
    clock = crud.ServerClock()
    clock.receive(f"{crud.now_ms() + DAY:013d}-0000-fast-desk")  # past the push check
    stamped = Timestamp.decode(clock.now()).physical_ms
    assert stamped <= crud.now_ms() + protocol.MAX_DRIFT_MS + 1000
