"""Edit against concurrent delete, and a device whose clock is wrong."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import select

from app.domain import hlc as hlc_module
from app.domain.units import UnitInput
from app.services.units import add_resident, create_unit, update_resident
from app.store.models import Resident, SyncConflict
from app.store.recorder import recorder
from sync import client as client_module
from sync import protocol
from sync.client import CLOCK_OFFSET
from tests.sync.test_refusals import call, enroll

DAY_MS = 86_400_000


def _resident(device, estate):
    with device.db.session() as s:
        unit = create_unit(s, estate, UnitInput(building="2栋", room="201", area_m2="75.5"))
        return add_resident(s, unit, role="tenant", name="李四", phone="13700000000").id


def _conflicts(device):
    with device.db.session() as s:
        return [(c.field, c.lost_value) for c in s.scalars(select(SyncConflict))]


@pytest.mark.parametrize("delete_first", [True, False])
def test_an_edit_meeting_a_concurrent_delete_leaves_the_row_deleted_and_kept(
    server, make_device, delete_first
):
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    rid = _resident(a, estate)
    a.sync(), b.sync()
    if delete_first:
        with a.db.session() as s:
            recorder(s).delete(s.get(Resident, rid))
        time.sleep(0.002)
        with b.db.session() as s:
            update_resident(s, s.get(Resident, rid), phone="13911112222")
    else:
        with b.db.session() as s:
            update_resident(s, s.get(Resident, rid), phone="13911112222")
        time.sleep(0.002)
        with a.db.session() as s:
            recorder(s).delete(s.get(Resident, rid))
    order = (a, b, a, b) if delete_first else (b, a, b, a)
    for device in order:
        device.sync()
    for device in (a, b):
        with device.db.session() as s:
            row = s.get(Resident, rid)
            assert row.deleted and row.phone == "13911112222"
    assert ("deleted", {"phone": "13911112222"}) in _conflicts(b)


class SkewedTime:
    """The `time` module as seen by a computer whose clock is off by ``offset_ms``."""

    def __init__(self, offset_ms: int) -> None:
        self.offset_ns = offset_ms * 1_000_000

    def time_ns(self) -> int:
        return time.time_ns() + self.offset_ns


def test_a_clock_a_day_ahead_is_reported_and_does_not_win_later_edits(
    server, make_device, monkeypatch
):
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    rid = _resident(b, estate)
    b.sync(), a.sync()
    with monkeypatch.context() as m:
        m.setattr(hlc_module, "time", SkewedTime(DAY_MS))
        m.setattr(client_module, "time", SkewedTime(DAY_MS))
        with a.db.session() as s:
            update_resident(s, s.get(Resident, rid), phone="13800000001")
        report = a.sync()
        assert report.restamped == 1
        warning = report.clock_warning()
        assert warning and "1 d ahead of the server" in warning
        assert int(a.client.state(CLOCK_OFFSET)) < -DAY_MS + 60_000
    with b.db.session() as s:  # a later edit, on a computer with the right time
        update_resident(s, s.get(Resident, rid), phone="13800000002")
    b.sync(), a.sync(), b.sync()
    for device in (a, b):
        with device.db.session() as s:
            assert s.get(Resident, rid).phone == "13800000002"


def test_a_clock_behind_is_reported_and_its_edits_still_order_after_what_it_saw(
    server, make_device, monkeypatch
):
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    rid = _resident(b, estate)
    b.sync()
    with monkeypatch.context() as m:
        m.setattr(hlc_module, "time", SkewedTime(-DAY_MS))
        m.setattr(client_module, "time", SkewedTime(-DAY_MS))
        a.sync()
        with a.db.session() as s:
            update_resident(s, s.get(Resident, rid), phone="13800000003")
        report = a.sync()
        assert "behind the server" in report.clock_warning()
    b.sync()
    with b.db.session() as s:
        assert s.get(Resident, rid).phone == "13800000003"


def test_the_server_refuses_a_clock_beyond_its_bound(server):
    from sync.server import crud

    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    ahead = crud.now_ms() + protocol.MAX_DRIFT_MS + 60_000
    change = {
        "change_id": "c1",
        "table": "buildings",
        "row_id": "b1",
        "estate_id": estate,
        "kind": "upsert",
        "fields": {"name": "1栋"},
        "hlc": f"{ahead:013d}-0000-dev1",
    }
    r = call(server, "POST", "/sync/push", token=token, json={"changes": [change]})
    assert r.status_code == 409 and r.json()["error"] == "clock_ahead"
    assert "date and time" in r.json()["message"]
    assert not asyncio.iscoroutine(r)


def test_an_edit_made_during_a_sync_on_a_fast_clock_still_converges(
    server, make_device, monkeypatch
):
    """The desk is a day fast and its user edits while a sync runs, so the pull meets the
    edit before it was re-stamped: the re-stamp must still sort after what was pulled."""
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    rid = _resident(b, estate)
    b.sync(), a.sync()
    with monkeypatch.context() as m:  # b is 50 s fast: within bounds, not re-stamped
        m.setattr(hlc_module, "time", SkewedTime(50_000))
        m.setattr(client_module, "time", SkewedTime(50_000))
        with b.db.session() as s:
            update_resident(s, s.get(Resident, rid), phone="13800000050")
        b.sync()
    with monkeypatch.context() as m:
        m.setattr(hlc_module, "time", SkewedTime(DAY_MS))
        m.setattr(client_module, "time", SkewedTime(DAY_MS))
        pull = a.client._pull

        async def edit_then_pull(http, report):
            with a.db.session() as s:
                update_resident(s, s.get(Resident, rid), phone="13800000051")
            await pull(http, report)

        m.setattr(a.client, "_pull", edit_then_pull)
        a.sync()  # pulls b's edit while its own, a day ahead, still waits
        m.undo()
        m.setattr(hlc_module, "time", SkewedTime(DAY_MS))
        m.setattr(client_module, "time", SkewedTime(DAY_MS))
        assert a.sync().restamped == 1
    b.sync()
    phones = []
    for device in (a, b):
        with device.db.session() as s:
            phones.append(s.get(Resident, rid).phone)
    assert phones == ["13800000051", "13800000051"]
    assert ("phone", "13800000050") in _conflicts(a)  # kept where it lost
