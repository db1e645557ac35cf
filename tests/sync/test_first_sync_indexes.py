"""A first sync loads into tables without their secondary indexes
(app.store.bulk_load.defer_indexes) and makes them once at the end. The desk is never
left without them: not after a finished load, not after a cancel, not after a crash in
the middle (made again when the desk next opens). The search index is written page by
page: search finds what was loaded at every point.
"""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from sqlalchemy import select

from app.services.demo import fill_demo
from app.services.units import UnitQuery, count_units
from app.store.bulk_load import DEFERRED
from app.store.db import Database
from app.store.models import Resident
from sync.client import snapshot

UNITS = 120


def schema(path) -> set[tuple[str, str, str]]:
    """The desk's indexes and triggers, with their SQL."""
    with sqlite3.connect(path) as conn:
        return set(
            conn.execute(
                "SELECT type, name, sql FROM sqlite_master "
                "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
            ).fetchall()
        )


def found(db: Database, estate: str, text: str) -> int:
    with db.session() as s:
        return count_units(s, UnitQuery(estate_id=estate, text=text))


def assert_searchable(db: Database, estate: str) -> None:
    """The units the desk holds are in the search index and found by their code (3-1302)."""
    with sqlite3.connect(db.path) as conn:
        rooms = conn.execute(
            "SELECT replace(replace(replace(b.name, '号楼', ''), '栋', ''), '幢', '') "
            "|| '-' || u.room FROM units u JOIN buildings b ON b.id = u.building_id"
        ).fetchall()
        indexed = conn.execute("SELECT count(*) FROM unit_search").fetchone()[0]
    assert rooms and indexed == len(rooms)
    for (text,) in rooms[:: max(1, len(rooms) // 10)]:
        assert found(db, estate, text) >= 1, text


@pytest.fixture
def estate(server, make_device, monkeypatch):
    """An estate of UNITS units with residents, pushed by desk a; pages of 50 rows."""
    monkeypatch.setattr(snapshot, "SNAPSHOT_PAGE", 50)
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        fill_demo(s, estate, units=UNITS, seed=5)
    a.sync()
    return estate, a


def units_held(device) -> int:
    with sqlite3.connect(device.db.path) as conn:
        return conn.execute("SELECT count(*) FROM units").fetchone()[0]


def _cancel_midway(device) -> None:
    """Cancel the first sync after a page that left some units loaded, not all."""

    async def run():
        task = asyncio.current_task()

        def progress(report):
            if report.first_sync and 0 < units_held(device) < UNITS:
                task.cancel()

        await device.client.sync(progress=progress)

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(run())


def test_a_finished_first_sync_leaves_every_index_and_search(estate, make_device, tmp_path):
    estate, a = estate
    fresh = Database(tmp_path / "fresh.sqlite3")
    expected = schema(fresh.path)
    fresh.close()
    dropped = []
    b = make_device("b", [estate])
    load = b.client._apply_snapshot_page

    def noting(page, offset, progress):
        done = load(page, offset, progress)
        dropped.append(expected - schema(b.db.path))
        return done

    b.client._apply_snapshot_page = noting
    assert b.sync().first_sync
    assert len(dropped) > 2
    # the load ran without them (else this test proves nothing), and they came back
    midway = {name for page in dropped[:-1] for _type, name, _sql in page}
    assert {"ix_units_location", "ix_residents_live_name"} <= midway
    # kept: the search triggers, and the index their page-by-page refresh reads by
    assert not {"units_search_au", "residents_search_ai", "ix_residents_unit_id"} & midway
    assert schema(b.db.path) == expected
    assert b.client.state(DEFERRED) == ""
    with a.db.session() as s:
        owner = s.scalars(select(Resident).where(Resident.role == "owner")).first()
    for text in (owner.name, owner.phone[-4:]):
        assert found(b.db, estate, text) == found(a.db, estate, text) >= 1
    assert found(b.db, estate, "") == UNITS
    assert_searchable(b.db, estate)


def test_a_cancelled_first_sync_leaves_the_indexes_and_resumes(estate, make_device, tmp_path):
    estate, a = estate
    fresh = Database(tmp_path / "fresh.sqlite3")
    expected = schema(fresh.path)
    fresh.close()
    b = make_device("b", [estate])
    _cancel_midway(b)
    assert b.client.state(snapshot.SNAPSHOT)  # stopped midway
    assert schema(b.db.path) == expected
    assert 0 < units_held(b) < UNITS
    assert_searchable(b.db, estate)  # what was loaded
    assert b.sync().first_sync
    assert schema(b.db.path) == expected
    assert found(b.db, estate, "") == UNITS


def test_a_desk_stopped_midway_by_a_crash_makes_them_when_it_opens(estate, make_device, tmp_path):
    estate, a = estate
    fresh = Database(tmp_path / "fresh.sqlite3")
    expected = schema(fresh.path)
    fresh.close()
    b = make_device("b", [estate])
    b.client._restore_indexes = lambda: None  # the process dies before it could
    _cancel_midway(b)
    assert schema(b.db.path) != expected  # left without them by the "crash"
    b.db.close()
    reopened = Database(b.db.path)
    try:
        assert schema(reopened.path) == expected
        assert_searchable(reopened, estate)
    finally:
        reopened.close()
    b.db = Database(b.db.path)
    b.client = b.server.client(b.db)
    assert b.sync().first_sync  # resumes
    assert schema(b.db.path) == expected
    assert found(b.db, estate, "") == UNITS


def test_an_import_during_a_first_sync_load_is_found_at_once(tmp_path):
    """An import while a first sync's load has the indexes deferred neither fails nor
    goes missing from the search, before and after the load makes the indexes."""
    import csv

    from app.services import importer
    from app.services.units import create_estate
    from app.store.bulk_load import defer_indexes, restore_indexes

    db = Database(tmp_path / "desk.sqlite3")
    try:
        with db.session() as s:
            estate = create_estate(s, "导入花园").id
        with db.session() as s:
            defer_indexes(s, ["buildings", "units", "residents"])
        source = tmp_path / "units.csv"
        with source.open("w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            out.writerow(["楼栋", "单元", "房号", "楼层", "建筑面积", "类型", "业主", "电话"])
            for i in range(30):
                out.writerow([f"{i % 3 + 1}栋", "1单元", f"{i:04d}", 1, "89.50", "住宅", "", ""])
        preview = importer.read_units_file(source)
        assert preview.ok, preview.errors[:3]
        importer.import_units(db, estate, preview)
        assert_searchable(db, estate)
        with db.session() as s:
            assert restore_indexes(s)
        assert_searchable(db, estate)
        assert found(db, estate, "") == 30
    finally:
        db.close()
