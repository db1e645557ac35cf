"""A desk's first sync from a snapshot of the estate (GET /sync/snapshot, then the changes
after its cursor), against the real server process on loopback, SQLite and PostgreSQL.

Issue 12: "a first sync starts at once, with progress showing rows and time left; it can
be cancelled and resumes where it stopped", and "the server streams a compact snapshot
of the estate at a cursor, the desk bulk-loads it, and it then pulls the changes after
that cursor". The desk must end exactly as replaying the change log leaves it.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.store.base import SYNCED_TABLES
from app.store.codec import encode_value
from app.store.db import Database
from app.store.models import Building, Resident, Unit
from app.store.reception_models import Signature
from app.store.recorder import recorder
from sync.client import SyncClient, base, snapshot
from sync.server import crud
from sync.server.db import make_engine
from tests.e2e.conftest import ServerProcess


@pytest.fixture
def live(server_url):
    process = ServerProcess(server_url)
    process.start()
    engine = make_engine(server_url)
    yield process, engine
    process.stop()
    engine.dispose()


class Desk:
    def __init__(self, live, tmp_path, name: str, estate: str | list[str]) -> None:
        process, engine = live
        self.db = Database(tmp_path / f"{name}.sqlite3")
        self.client = SyncClient(self.db, blob_dir=tmp_path / f"{name}-blobs")
        estates = [estate] if isinstance(estate, str) else estate
        with crud.new_session(engine) as s, s.begin():
            from datetime import timedelta

            code = crud.create_code(s, estates, False, timedelta(hours=1))
        asyncio.run(self.client.enroll(process.url, code, name))

    def sync(self, progress=None):
        return asyncio.run(self.client.sync(progress=progress))

    def sync_cancelled_when(self, stop) -> None:
        """Sync, cancelled (as the Sync page's Cancel does) at the first progress report
        for which ``stop(report)`` holds."""

        async def run():
            task = asyncio.current_task()

            def progress(report):
                if stop(report):
                    task.cancel()

            await self.client.sync(progress=progress)

        with pytest.raises(asyncio.CancelledError):
            asyncio.run(run())

    def replaying(self) -> Desk:
        """This desk pulls the change log change by change, as before snapshots."""
        self.client._snapshot_progress = lambda: None
        return self


def _estate(engine, name: str = "阳光花园") -> str:
    from app.services.units import create_estate

    with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
        return create_estate(s, name).id


def dump(db: Database) -> dict[str, list[dict]]:
    """Every synced table, every column (values, tombstones, clocks), sorted by id."""
    out = {}
    with db.session() as s:
        for name, model in sorted(SYNCED_TABLES.items()):
            table = model.__table__
            rows = s.execute(select(table).order_by(table.c.id)).mappings()
            out[name] = [{k: encode_value(v) for k, v in row.items()} for row in rows]
    return out


def _history(live, tmp_path) -> tuple[str, Desk, Desk]:
    """An estate with edits, a tombstone, a lost edit (conflict) and a log row."""
    estate = _estate(live[1])
    a, c = Desk(live, tmp_path, "a", estate), Desk(live, tmp_path, "c", estate)
    with a.db.session() as s:
        rec = recorder(s)
        block = rec.create(Building, estate_id=estate, name="1栋")
        for n in range(6):
            unit = rec.create(
                Unit,
                estate_id=estate,
                building_id=block.id,
                entrance="1单元",
                room=f"10{n}",
                floor=1,
                area_m2=Decimal("88.50"),
            )
            rec.create(Resident, estate_id=estate, unit_id=unit.id, name=f"住户{n}", role="owner")
        rec.create(
            Signature,
            estate_id=estate,
            signer="王芳",
            role="borrower",
            strokes=[[0.1, 0.2], [0.3, 0.4]],
            signed_at=datetime(2026, 11, 1, 8, 30, tzinfo=UTC),
        )
    a.sync()
    c.sync()
    with c.db.session() as s:
        first = s.scalars(select(Resident).order_by(Resident.name)).first()
        recorder(s).update(first, phone="13900000001")
    with a.db.session() as s:
        residents = list(s.scalars(select(Resident).order_by(Resident.name)))
        recorder(s).update(residents[0], phone="13800000001")  # a's edit comes later: wins
        recorder(s).delete(residents[1])
        unit = s.scalars(select(Unit).order_by(Unit.room)).first()
        recorder(s).update(unit, floor=7)
    c.sync(), a.sync(), c.sync()
    return estate, a, c


def _writes_meanwhile(a: Desk, estate: str):
    """What desk a does while the snapshot is read: a new building, a new unit in it, a
    unit moved into it (a reference changed after the cursor), a resident edited."""

    def write() -> None:
        with a.db.session() as s:
            rec = recorder(s)
            block = rec.create(Building, estate_id=estate, name="9栋")
            rec.create(
                Unit,
                estate_id=estate,
                building_id=block.id,
                entrance="2单元",
                room="901",
                area_m2=Decimal("120.05"),
            )
            units = list(s.scalars(select(Unit).order_by(Unit.room)))
            rec.update(units[-1], building_id=block.id)
            resident = s.scalars(select(Resident).order_by(Resident.name)).first()
            rec.update(resident, phone="13700000009")
        a.sync()

    return write


def test_a_first_sync_from_the_snapshot_ends_as_replaying_the_log(live, tmp_path, monkeypatch):
    estate, a, _c = _history(live, tmp_path)
    monkeypatch.setattr(snapshot, "SNAPSHOT_PAGE", 3)  # many pages, read over time
    fresh = Desk(live, tmp_path, "fresh", estate)
    load = fresh.client._apply_snapshot_page
    write = _writes_meanwhile(a, estate)
    pages = []

    def load_then_write(page, offset, progress):
        done = load(page, offset, progress)
        pages.append(page)
        if len(pages) == 2:  # runs in the worker thread: a syncs on a loop of its own
            write()
        return done

    fresh.client._apply_snapshot_page = load_then_write
    report = fresh.sync()
    assert report.first_sync and len(pages) > 3
    assert any(x.changes for p in pages[2:] for x in p.sections), "rows changed meanwhile"
    replay = Desk(live, tmp_path, "replay", estate).replaying()
    assert replay.sync().first_sync is False
    fresh.sync()
    assert dump(fresh.db) == dump(replay.db) == dump(a.db)
    held = dump(fresh.db)
    assert any(r["deleted"] for r in held["residents"])  # the tombstone came
    assert {r["building_id"] for r in held["units"]} == {b["id"] for b in held["buildings"]}
    assert held["signatures"][0]["strokes"] == [[0.1, 0.2], [0.3, 0.4]]
    clocks = [set(r["field_clocks"].values()) for r in held["residents"]]
    assert any(len(c) > 1 for c in clocks)  # edited fields keep their own clocks
    assert "13700000009" in {r["phone"] for r in held["residents"]}  # written meanwhile


def test_a_first_sync_cancelled_midway_resumes_where_it_stopped(live, tmp_path, monkeypatch):
    estate, _a, _c = _history(live, tmp_path)
    monkeypatch.setattr(snapshot, "SNAPSHOT_PAGE", 3)
    desk = Desk(live, tmp_path, "desk", estate)
    seen: list[tuple[int, int | None]] = []

    def after_two_pages(report) -> bool:
        seen.append((report.pulled, report.remaining))
        return len(seen) == 2

    desk.sync_cancelled_when(after_two_pages)
    stopped = json.loads(desk.client.state(snapshot.SNAPSHOT))
    assert stopped["done"] == 6 and stopped["table"] and desk.client.state("pull_cursor") == "0"
    assert desk.client.state("last_sync_error") and "cancelled" in desk.client.state(
        "last_sync_error"
    )
    asked = []
    fetch = desk.client._fetch_snapshot

    async def noted(http, progress):
        asked.append(dict(progress))
        return await fetch(http, progress)

    desk.client._fetch_snapshot = noted
    resumed: list[int | None] = []
    report = desk.sync(progress=lambda r: resumed.append(r.remaining))
    assert report.first_sync
    assert (asked[0]["table"], asked[0]["after"]) == (stopped["table"], stopped["after"])
    assert asked[0]["cursor"] == stopped["cursor"]
    assert desk.client.state(snapshot.SNAPSHOT) == ""
    assert desk.client.state("pull_cursor") == str(stopped["cursor"])
    # rows left, as the server counted them: down to none
    left = [n for n in (r for _, r in seen) if n is not None] + [
        n for n in resumed if n is not None
    ]
    assert left == sorted(left, reverse=True) and left[-1] == 0
    assert stopped["total"] == stopped["done"] + left[1]
    replay = Desk(live, tmp_path, "replay", estate).replaying()
    replay.sync()
    assert dump(desk.db) == dump(replay.db)


def test_a_pull_says_how_many_changes_are_left_down_to_none(live, tmp_path, monkeypatch):
    estate, a, _c = _history(live, tmp_path)
    desk = Desk(live, tmp_path, "desk", estate)
    desk.sync()
    with a.db.session() as s:
        for unit in s.scalars(select(Unit)):
            recorder(s).update(unit, floor=(unit.floor or 0) + 1)  # 6 changes
    a.sync()
    monkeypatch.setattr(base, "PULL_PAGE", 2)
    left: list[int | None] = []
    report = desk.sync(progress=lambda r: left.append(r.remaining))
    assert report.pulled == 6 and not report.first_sync
    assert [n for n in left if n is not None] == [4, 2, 0]
    assert report.seconds_left() == 0


def test_a_desk_holding_its_own_rows_pulls_the_log_as_before(live, tmp_path):
    estate, _a, _c = _history(live, tmp_path)
    desk = Desk(live, tmp_path, "desk", estate)
    with desk.db.session() as s:
        recorder(s).create(Building, estate_id=estate, name="临时")
    report = desk.sync()
    assert not report.first_sync
    replay = Desk(live, tmp_path, "replay", estate).replaying()
    replay.sync()
    assert dump(desk.db) == dump(replay.db)


def test_a_desk_of_two_estates_cancelled_inside_one_resumes_and_holds_both(
    live, tmp_path, monkeypatch
):
    """Pages of a desk enrolled for several estates go estate by estate; one cancelled
    in the middle of an estate resumes there, and nothing is skipped or loaded twice."""
    estates = [_estate(live[1], "阳光花园"), _estate(live[1], "翠湖苑")]
    for number, estate in enumerate(estates):
        writer = Desk(live, tmp_path, f"writer{number}", estate)
        with writer.db.session() as s:
            block = recorder(s).create(Building, estate_id=estate, name=f"{number + 1}栋")
            for n in range(7):
                recorder(s).create(
                    Unit,
                    estate_id=estate,
                    building_id=block.id,
                    entrance="1单元",
                    room=f"{number + 1}0{n}",
                    area_m2=Decimal("90.00"),
                )
        writer.sync()
    monkeypatch.setattr(snapshot, "SNAPSHOT_PAGE", 3)
    desk = Desk(live, tmp_path, "both", estates)

    def inside_the_second_estate(_report) -> bool:
        with desk.db.session() as s:
            return len({u.estate_id for u in s.scalars(select(Unit))}) == 2

    desk.sync_cancelled_when(inside_the_second_estate)
    stopped = json.loads(desk.client.state(snapshot.SNAPSHOT))
    assert stopped["table"] == "units"
    with desk.db.session() as s:
        assert 7 < len(s.scalars(select(Unit)).all()) < 14  # inside the second estate
    assert desk.sync().first_sync
    replay = Desk(live, tmp_path, "replay", estates).replaying()
    replay.sync()
    held = dump(desk.db)
    assert held == dump(replay.db)
    assert sorted(r["room"] for r in held["units"]) == sorted(
        f"{e}0{n}" for e in (1, 2) for n in range(7)
    )
