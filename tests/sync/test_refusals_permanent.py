"""Every 422 is permanent, in the one error body; a desk sets the change behind a 422
that names no change aside and the rest flows (it never retries it forever)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.units import create_unit
from app.store.models import SyncOutbox, SyncRejected, Unit
from sync.client import SyncFailure
from tests.sync.test_refusals import call, change, enroll

BODY = {"error", "message", "change_id", "permanent"}


def test_a_malformed_request_is_refused_for_good_in_the_one_body(server):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    unreadable = {**change(estate), "change_id": "x" * 37}  # no change the server can name
    for r in (
        call(server, "POST", "/sync/push", token=token, json={"changes": [unreadable]}),
        call(server, "POST", "/sync/push", token=token, json={"changes": "none"}),
        call(server, "GET", "/sync/pull?cursor=-1", token=token),
    ):
        assert r.status_code == 422, r.text
        assert set(r.json()) == BODY
        assert r.json()["error"] == "bad_request"
        assert r.json()["permanent"] is True


def test_a_change_refused_without_its_name_is_set_aside_and_the_rest_flows(
    server, make_device, monkeypatch
):
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        for room in ("101", "102", "103"):
            create_unit(s, estate, UnitInput(building="1栋", room=room, area_m2="90"))
    with a.db.session() as s:
        outbox = list(s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq)))
        assert len(outbox) == 4  # the building, then three units
        bad_id, bad_row = outbox[2].change_id, outbox[2].row_id
    # the second unit's change reaches the server with an id it cannot read (37 chars),
    # so its 422 names no change
    from sync.client import push

    encode = push._encode

    def garbled(wire):
        data = encode(wire)
        return data.replace(bad_id.encode(), b"x" * 37) if wire.change_id == bad_id else data

    monkeypatch.setattr(push, "_encode", garbled)
    report = a.sync()
    assert [change_id for change_id, _ in report.rejected] == [bad_id]
    assert "[bad_request]" in report.rejected[0][1]
    assert report.pushed == 3
    with a.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
        assert s.scalars(select(SyncRejected.change_id)).all() == [bad_id]
        assert s.get(Unit, bad_row) is not None  # kept on this desk
    assert a.sync().rejected == []  # nothing left to retry
    b = make_device("b", [estate])
    b.sync()
    with b.db.session() as s:
        assert sorted(s.scalars(select(Unit.room))) == ["101", "103"]


def test_a_request_refused_whole_sets_nothing_aside(server, make_device, monkeypatch):
    """When even a push of no change is refused, the fault is the request's: the desk
    keeps every change and says why, instead of setting good changes aside."""
    from sync.client import core

    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90"))
    # an installation id the server cannot take: every push is a 422 naming no change
    monkeypatch.setattr(core, "installation_id", lambda: "z" * 65)
    with pytest.raises(SyncFailure, match="installation id"):
        a.sync()
    with a.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 2
        assert s.scalar(select(func.count()).select_from(SyncRejected)) == 0
