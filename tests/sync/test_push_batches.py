"""What the desk pushes is what the server can take: batches within its advertised body
size, a row's changes kept in one batch, and a value JSON cannot carry set aside on the
desk with its reason instead of stopping every later sync."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.domain.hlc import HybridClock
from app.store.base import new_id
from app.store.complaint_models import ComplaintEvent
from app.store.models import Building, SyncOutbox, SyncRejected, Unit
from app.store.recorder import device_id, recorder
from sync import protocol
from sync.server import crud
from sync.server.models import ChangeLog
from tests.sync.older_desk import unchecked_recorder


def _logged(server) -> set[str]:
    with crud.new_session(server.engine) as s:
        return set(s.scalars(select(ChangeLog.row_id)))


def _event(s, estate: str, note: str, **data) -> str:
    return (
        recorder(s)
        .create(
            ComplaintEvent,
            estate_id=estate,
            complaint_id="complaint-1",
            kind="note",
            at=datetime.now(UTC).replace(microsecond=0),
            note=note,
            data=data,
        )
        .id
    )


def test_nan_in_a_json_column_is_set_aside_on_the_desk_and_the_rest_goes(server, make_device):
    """Before: httpx refuses to encode NaN, every sync stopped with "unexpected error" and
    every later change waited behind it."""
    estate = server.add_estate("阳光花园")
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        with unchecked_recorder():  # queued by an older desk: one may still wait
            bad = _event(s, estate, "面积", area=float("nan"), ok=[1, float("inf")])
        good = _event(s, estate, "已回访", area=88.5)
    report = desk.sync()
    assert [change for change, _reason in report.rejected] != []
    with desk.db.session() as s:
        aside = s.scalars(select(SyncRejected)).all()
        assert [r.row_id for r in aside] == [bad]
        assert aside[0].reason.startswith("[not_finite]")
        assert aside[0].fields["data"]["area"] == "nan"  # kept, readable
        assert s.scalar(select(SyncOutbox.change_id)) is None
    assert good in _logged(server) and bad not in _logged(server)
    assert desk.sync().rejected == []  # and it stays aside: nothing wedged


def test_batches_stay_within_the_servers_body_limit(server, make_device, monkeypatch):
    """Before: the batch was cut by count only, a body over the server's limit answered
    413 (not permanent, no change named) and every sync failed the same way."""
    monkeypatch.setattr(protocol, "MAX_PUSH_BYTES", 16 * 1024)  # advertised and enforced
    estate = server.add_estate("阳光花园")
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        ids = [_event(s, estate, f"{i} " + "回访记录" * 400) for i in range(12)]  # ~4.8 KB each
    report = desk.sync()
    assert report.rejected == [] and report.pushed == len(ids)
    assert set(ids) <= _logged(server)


def _split_row(s, estate: str, row_id: str, building_id: str) -> None:
    """A unit the server does not have, queued as one change per field (as a desk queues
    a row again after the server was restored: one change per clock)."""
    clock = HybridClock(device_id(s))
    for fields in ({"building_id": building_id}, {"room": "909"}, {"area_m2": "90.00"}):
        s.add(
            SyncOutbox(
                change_id=new_id(),
                table_name="units",
                row_id=row_id,
                estate_id=estate,
                kind="upsert",
                fields=fields,
                hlc=clock.now(),
            )
        )
        s.flush()


def test_a_rows_changes_are_not_split_between_batches(server, make_device, monkeypatch):
    """Before: a batch of three ended after the unit's first field; the server, not having
    the unit, refused that change as incomplete and the desk set it aside for good."""
    monkeypatch.setattr(protocol, "MAX_BATCH", 3)
    estate = server.add_estate("阳光花园")
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        building = recorder(s).create(Building, estate_id=estate, name="9栋", sort_key=9).id
    desk.sync()
    with desk.db.session() as s:
        first = [_event(s, estate, "一"), _event(s, estate, "二")]
        _split_row(s, estate, "u-split", building)
        last = _event(s, estate, "三")
    report = desk.sync()
    assert report.rejected == []
    assert {*first, "u-split", last} <= _logged(server)
    with crud.new_session(server.engine) as s:
        row = s.get(Unit, "u-split")
        assert (row.room, str(row.area_m2)) == ("909", "90.00")


def test_a_row_longer_than_a_batch_still_goes(server, make_device, monkeypatch):
    monkeypatch.setattr(protocol, "MAX_BATCH", 2)
    estate = server.add_estate("阳光花园")
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        row = recorder(s).create(Building, estate_id=estate, name="1栋", sort_key=1)
        for n in range(2, 6):
            recorder(s).update(row, sort_key=n)
    assert desk.sync().rejected == []
    with crud.new_session(server.engine) as s:
        assert s.get(Building, row.id).sort_key == 5
