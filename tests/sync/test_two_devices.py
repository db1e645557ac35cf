"""Two desks of one estate, offline edits, then sync: both hold both edits."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
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
    clerks = [server.add_user(login, [estate]) for login in ("clerk-a", "clerk-b")]
    a, b = make_device("a", [estate]), make_device("b", [estate])
    with a.db.session() as s:
        rid = add_resident(s, _unit(s, estate), role="owner", name="张三").id
    a.sync(), b.sync()
    a.db.actor, b.db.actor = clerks  # each desk's signed-in clerk
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
        # told by the server (a notice): who made each value, on which desk
        assert [(c.lost_by, c.lost_desk, c.kept_by, c.kept_desk) for c in lost] == [
            ("clerk-a", "a", "clerk-b", "b")
        ]
    with b.db.session() as s:  # a's older value, pulled, lost to b's: the pulled change's author
        lost = s.scalars(select(SyncConflict)).all()
        assert [(c.lost_value, c.lost_by, c.lost_desk, c.kept_desk) for c in lost] == [
            ("13900000001", "clerk-a", "a", "b")
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
    # a first sync: the snapshot page, then a pull of the changes after it (none here,
    # so that commit writes only the desk's own sync state)
    pulled = [c for c in heard if c.source == "sync" and set(c.rows) - {"sync_state"}]
    assert len(pulled) == 1
    assert unit_id in pulled[0].ids("units")
    assert resident_id in pulled[0].ids("residents")
    others = [c for c in heard if c is not pulled[0] and set(c.rows) - {"sync_state"}]
    assert all(c.source == "local" for c in others)


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


def test_desks_lose_nothing_when_the_server_is_restored_from_a_backup(tmp_path):
    """After a restore the server has a new epoch: the reader pulls again from zero and
    the writer sends again what the server lost, though its outbox had let it go."""
    from sync.server.cli import main
    from sync.server.db import make_engine, migrate
    from tests.sync.conftest import Device, Server

    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    server = Server(engine)
    estate = server.add_estate("阳光花园")
    writer = Device(server, tmp_path / "writer.sqlite3", [estate])
    reader = Device(server, tmp_path / "reader.sqlite3", [estate])
    try:
        with writer.db.session() as s:
            first = _unit(s, estate, room="101").id
        writer.sync()
        assert main(["backup", "--out", str(tmp_path / "nightly.sqlite3"), "--db", url]) == 0
        with writer.db.session() as s:
            lost = _unit(s, estate, room="102").id
            rid = add_resident(s, s.get(Unit, first), role="owner", name="张三").id
        writer.sync()  # acknowledged: gone from the writer's outbox
        reader.sync()
        engine.dispose()
        assert main(["restore", "--from", str(tmp_path / "nightly.sqlite3"), "--db", url]) == 0
        engine = make_engine(url)
        server = Server(engine)
        for device in (writer, reader):
            device.client.transport = server.transport()
        with reader.db.session() as s:  # written after the restore, on the reader
            update_resident(s, s.get(Resident, rid), phone="13900000009")
        report = writer.sync()
        assert report.resent >= 2  # the unit and the resident the backup lacks
        reader.sync()
        writer.sync()
        for device in (writer, reader):
            with device.db.session() as s:
                assert s.get(Unit, lost) is not None
                assert s.get(Resident, rid).phone == "13900000009"
                assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
        with crud.new_session(engine) as s:
            assert s.get(Unit, lost) is not None
    finally:
        writer.close()
        reader.close()
        engine.dispose()


def test_a_database_copied_to_another_computer_is_told_to_enrol(
    server, make_device, tmp_path, monkeypatch
):
    import shutil

    from app.store.db import Database
    from sync.client import SyncClient, SyncFailure, english, identity

    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    a.sync()
    a.db.close()
    shutil.copy(a.db.path, tmp_path / "copy.sqlite3")
    a.db = Database(a.db.path)
    a.client.db = a.db
    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "second-computer"))
    identity._installation.cache_clear()
    copy = Database(tmp_path / "copy.sqlite3")
    try:
        client = SyncClient(copy, transport=server.transport(), blob_dir=tmp_path / "b")
        with pytest.raises(SyncFailure) as refused:
            asyncio.run(client.sync())
        assert refused.value.code == "sync.copied_device"
        assert "Enrol this computer" in english(refused.value.code)
    finally:
        copy.close()
    monkeypatch.undo()
    identity._installation.cache_clear()
    a.sync()  # the original goes on
