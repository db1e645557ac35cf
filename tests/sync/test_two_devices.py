"""Two desks of one estate, offline edits, then sync: both hold both edits."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.units import add_resident, create_unit, update_resident
from app.store.models import Resident, SyncConflict, SyncOutbox, Unit
from sync.server import crud


def _unit(s, estate_id, room="101"):
    return create_unit(
        s,
        estate_id,
        UnitInput(building="1栋", entrance="1单元", room=room, floor="1", area_m2="88.50"),
    )


def test_created_rows_reach_the_other_desk(server, make_device):
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        unit = _unit(s, estate)
        add_resident(s, unit, role="owner", name="张三", phone="13800138000")
    report = a.sync()
    assert report.pushed >= 3
    b = make_device("b", [estate])
    b.sync()
    with b.db.session() as s:
        unit = s.scalar(select(Unit))
        assert unit.room == "101" and unit.area_m2 == Decimal("88.50")
        assert s.scalar(select(Resident.name)) == "张三"
    with a.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0


def test_concurrent_edits_of_different_fields_both_survive(server, make_device):
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    with a.db.session() as s:
        rid = add_resident(s, _unit(s, estate), role="owner", name="张三").id
    a.sync(), b.sync()
    with a.db.session() as s:
        update_resident(s, s.get(Resident, rid), phone="13900000001")
    with b.db.session() as s:
        update_resident(s, s.get(Resident, rid), note="周末在家")
    for device in (a, b, a, b):
        device.sync()
    for device in (a, b):
        with device.db.session() as s:
            r = s.get(Resident, rid)
            assert (r.phone, r.note) == ("13900000001", "周末在家")
            assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0


def test_same_field_one_winner_and_the_loser_kept_where_it_lost(server, make_device):
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    with a.db.session() as s:
        rid = add_resident(s, _unit(s, estate), role="owner", name="张三").id
    a.sync(), b.sync()
    with a.db.session() as s:
        update_resident(s, s.get(Resident, rid), phone="13900000001")
    with b.db.session() as s:  # later: wins
        update_resident(s, s.get(Resident, rid), phone="13900000002")
    for device in (a, b, a, b):
        device.sync()
    for device in (a, b):
        with device.db.session() as s:
            assert s.get(Resident, rid).phone == "13900000002"
    with a.db.session() as s:
        lost = s.scalars(select(SyncConflict)).all()
        assert [(c.field, c.lost_value, c.kept_value) for c in lost] == [
            ("phone", "13900000001", "13900000002")
        ]


def test_editing_a_value_one_has_pulled_is_no_conflict_anywhere(server, make_device):
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    with a.db.session() as s:
        rid = add_resident(s, _unit(s, estate), role="owner", name="张三", phone="13900000001").id
    a.sync(), b.sync()
    with b.db.session() as s:  # b saw a's number and corrects it
        update_resident(s, s.get(Resident, rid), phone="13900000002")
    b.sync(), a.sync()
    with crud.new_session(server.engine) as s:
        assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0
    for device in (a, b):
        with device.db.session() as s:
            assert s.get(Resident, rid).phone == "13900000002"
            assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0


def test_a_pulled_page_publishes_what_it_wrote_as_coming_from_sync(server, make_device):
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    with a.db.session() as s:
        unit_id = _unit(s, estate).id
        resident_id = add_resident(s, s.get(Unit, unit_id), role="owner", name="张三").id
    a.sync()
    heard = []
    b.db.events.subscribe(heard.append)
    b.sync()
    pulled = [c for c in heard if c.source == "sync"]
    assert len(pulled) == 1
    assert unit_id in pulled[0].ids("units")
    assert resident_id in pulled[0].ids("residents")
    assert all(c.source == "local" for c in heard if c is not pulled[0])


def test_a_pulled_change_this_desk_cannot_apply_is_set_aside_and_the_rest_applies(
    server, make_device
):
    """A newer server's table, or a row moved to another estate: kept aside with the
    reason; the page's other changes, its cursor and every later pull go on."""
    from app.store.models import SyncRejected
    from sync import protocol

    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    with a.db.session() as s:
        unit_id = _unit(s, estate).id
    a.sync()
    b.sync()
    with a.db.session() as s:
        good = _unit(s, estate, room="102").id
    a.sync()
    fetched = []
    fetch = b.client._fetch_page

    async def with_strangers(http, cursor):
        page, offset = await fetch(http, cursor)
        hlc = page.server_hlc
        strangers = [
            protocol.WireChange(
                change_id="x-table",
                table="drones",
                row_id="d1",
                estate_id=estate,
                kind="upsert",
                fields={"name": "大疆"},
                hlc=hlc,
            ),
            protocol.WireChange(
                change_id="x-estate",
                table="units",
                row_id=unit_id,
                estate_id="elsewhere",
                kind="upsert",
                fields={"room": "999"},
                hlc=hlc,
            ),
        ]
        page.changes[:0] = strangers
        fetched.append(page.cursor)
        return page, offset

    b.client._fetch_page = with_strangers
    report = b.sync()
    assert report.set_aside == 2
    with b.db.session() as s:
        assert s.get(Unit, good) is not None and s.get(Unit, unit_id).room == "101"
        reasons = dict(s.execute(select(SyncRejected.change_id, SyncRejected.reason)).all())
    assert "drones" in reasons["x-table"] and "another estate" in reasons["x-estate"]
    assert b.client.state("pull_cursor") == str(fetched[-1])
    b.client._fetch_page = fetch
    b.sync()  # and the next pull goes on as usual
