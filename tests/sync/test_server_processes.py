"""Head office (issue 15): two server processes on one PostgreSQL behind a load balancer.

Every request of every desk goes to the next process in turn (a round-robin balancer in
the test, as any HTTP balancer would do), desks push and pull at the same time, and in
the end every desk holds the same rows and the server's log holds every change once.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections import Counter
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.store.db import Database
from app.store.models import SyncOutbox, Unit
from sync.client import SyncClient
from sync.server import crud
from sync.server.db import make_engine
from sync.server.models import ChangeLog
from tests.e2e.conftest import ServerProcess

DESKS = 6
UNITS_PER_DESK = 15


class RoundRobin(httpx.AsyncBaseTransport):
    """A load balancer: each request goes to the next server process."""

    turns = itertools.count()
    lock = threading.Lock()

    def __init__(self, processes: list[ServerProcess], served: Counter) -> None:
        self.ports = [p.port for p in processes]
        self.served = served
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            port = self.ports[next(self.turns) % len(self.ports)]
            self.served[port] += 1
        request.url = request.url.copy_with(port=port)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
def processes(server_url):
    started = [ServerProcess(server_url), ServerProcess(server_url)]
    try:
        for process in started:
            process.start()
        yield started
    finally:
        for process in started:
            process.stop()


def _unit_input(room: str, area: str = "88.50") -> UnitInput:
    return UnitInput(building="2栋", entrance="1单元", room=room, floor="1", area_m2=area)


def _units(db: Database) -> list[tuple]:
    with db.session() as s:
        return [
            (u.id, u.room, str(u.area_m2), u.deleted)
            for u in s.scalars(select(Unit).order_by(Unit.id))
        ]


@pytest.mark.parametrize("server_url", ["postgresql"], indirect=True)
def test_two_server_processes_lose_nothing_and_desks_converge(server_url, processes, tmp_path):
    from app.services.units import create_estate, create_unit, update_unit

    engine = make_engine(server_url)
    with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
        estate = create_estate(s, "阳光花园").id
    served: Counter = Counter()

    def client(db: Database) -> SyncClient:
        return SyncClient(db, transport=RoundRobin(processes, served))

    desks = []
    for n in range(DESKS):
        db = Database(tmp_path / f"desk{n}.sqlite3")
        with crud.new_session(engine) as s, s.begin():
            code = crud.create_code(s, [estate], False, timedelta(hours=1))
        asyncio.run(client(db).enroll(processes[0].url, code, f"desk{n}"))
        desks.append(db)

    # one unit every desk knows, then every desk edits it and adds its own units offline
    with desks[0].session() as s:
        shared = create_unit(s, estate, _unit_input("101")).id
    asyncio.run(client(desks[0]).sync())
    for db in desks[1:]:
        asyncio.run(client(db).sync())
    pushed_ids: set[str] = set()
    for n, db in enumerate(desks):
        with db.session() as s:
            update_unit(s, s.get(Unit, shared), _unit_input("101", f"{90 + n}.25"))
            for k in range(UNITS_PER_DESK):
                create_unit(s, estate, _unit_input(f"{n + 3}{k:02d}"))
        with db.session() as s:
            pushed_ids |= set(s.scalars(select(SyncOutbox.change_id)))

    errors: list[BaseException] = []

    def sync_rounds(db: Database) -> None:
        try:
            for _ in range(3):
                asyncio.run(client(db).sync())
        except BaseException as error:  # reported by the test's thread
            errors.append(error)

    threads = [threading.Thread(target=sync_rounds, args=(db,)) for db in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    for db in desks:  # a last round in turn: every desk pulls what the others pushed last
        asyncio.run(client(db).sync())

    with crud.new_session(engine) as s:
        logged = Counter(s.scalars(select(ChangeLog.change_id)))
        assert set(logged) >= pushed_ids  # no lost change
        assert max(logged.values()) == 1  # and none twice
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == len(logged)
    expected = _units(desks[0])
    assert len(expected) == 1 + DESKS * UNITS_PER_DESK
    for db in desks:
        assert _units(db) == expected
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
    # both processes served this run's requests, in about equal share
    assert len(served) == 2 and min(served.values()) >= sum(served.values()) // 3
    for db in desks:
        db.close()
    engine.dispose()
