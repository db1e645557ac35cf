"""Sync figures on loopback against real servers (SQLite and PostgreSQL).

    python bench/sync.py [--rows 100000] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

Prints: initial pull of ROWS rows into an empty desk (a first sync: the estate's snapshot
bulk-loaded, then the changes after it; beside it, the same desk state by replaying the
change log as a desk that already holds rows does); the limit to compare it with, a raw
``sqlite3`` executemany of the very rows the pull wrote into the same columns of an empty
desk database (the app's own recorder path, ``bulk_create``, beside it for reference);
both ratios; push of 10,000 offline changes; an incremental cycle with 100 changes; and
20 devices syncing at once (PostgreSQL).
With --repeat N the initial pull (into a fresh desk) and the raw insert run N times each,
one after the other, and each pair's ratio is printed with their median: on a shared
machine the load moves single figures by a factor of two. The load average is printed
beside them.
Targets: initial pull <= 5x the raw insert; incremental cycle <= 300 ms; 20 devices at
once without an error.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.services.units import create_estate  # noqa: E402
from app.store.db import Database  # noqa: E402
from app.store.ids import natural_id  # noqa: E402
from app.store.models import Building, Unit  # noqa: E402
from app.store.recorder import bulk_create, recorder  # noqa: E402
from sync.client import SyncClient, run_enroll, run_sync  # noqa: E402
from sync.server import crud  # noqa: E402
from sync.server.db import make_engine, migrate  # noqa: E402


def unit_rows(estate_id: str, building_ids: list[str], count: int, tag: str) -> list[dict]:
    return [
        {
            "id": natural_id("bench-unit", tag, str(i)),
            "estate_id": estate_id,
            "building_id": building_ids[i % len(building_ids)],
            "entrance": f"{i % 4 + 1}单元",
            "room": f"{tag}{i:06d}",
            "floor": i % 30 + 1,
            "area_m2": Decimal("88.50"),
        }
        for i in range(count)
    ]


def raw_insert_limit(pulled: Path, target: Path, rows: int) -> tuple[float, float]:
    """Seconds for a raw ``sqlite3`` executemany of the units the pull wrote (every column,
    the same values) and its commit, with the desk's pragmas: (into a table of the same
    columns without indexes or keys: the limit; into the desk's own ``units`` table of an
    empty migrated database, indexes and foreign keys kept, search triggers dropped as
    the pull defers that index: for reference)."""
    import sqlite3

    Database(target).close()  # the same schema: migrated like any desk
    with sqlite3.connect(pulled) as source:
        units = source.execute("SELECT * FROM units").fetchall()
        columns = [d[0] for d in source.execute("SELECT * FROM units LIMIT 0").description]
        buildings = source.execute("SELECT * FROM buildings").fetchall()
        estates = source.execute("SELECT * FROM estates").fetchall()
    assert len(units) == rows, len(units)
    names, marks = ",".join(columns), ",".join("?" * len(columns))
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
            conn.execute(f"PRAGMA {pragma}")
        triggers = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'units'"
        ).fetchall()
        for (trigger,) in triggers:
            conn.execute(f'DROP TRIGGER "{trigger}"')
        conn.execute(f"CREATE TABLE bare_units AS SELECT {names} FROM units WHERE 0")
        conn.execute("BEGIN")
        for table, values in (("estates", estates), ("buildings", buildings)):
            if values:
                conn.executemany(
                    f"INSERT INTO {table} VALUES ({','.join('?' * len(values[0]))})", values
                )
        conn.execute("COMMIT")
        figures = []
        for table in ("bare_units", "units"):
            start = time.perf_counter()
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", units)
            conn.execute("COMMIT")
            figures.append(time.perf_counter() - start)
        return figures[0], figures[1]
    finally:
        conn.close()


def seed_server(url: str, rows: int) -> str:
    """ROWS units (and their buildings) written on the server, as head office would."""
    engine = make_engine(url)
    with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
        estate = create_estate(s, "阳光花园").id
        buildings = [
            recorder(s).create(Building, estate_id=estate, name=f"{b}栋").id for b in range(100)
        ]
        bulk_create(s, Unit, unit_rows(estate, buildings, rows, "S"))
    engine.dispose()
    return estate


class Server:
    def __init__(self, url: str) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url = url
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "serve",
                "--db",
                url,
                "--port",
                str(self.port),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import httpx

        for _ in range(300):
            try:
                httpx.get(f"{self.url}/api/v1/health", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def code(self, estate_ids: list[str]) -> str:
        from datetime import timedelta

        engine = make_engine(self.db_url)
        with crud.new_session(engine) as s, s.begin():
            code = crud.create_code(s, estate_ids, False, timedelta(hours=1))
        engine.dispose()
        return code

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    print(f"  {label:<52} {elapsed:8.2f} s")
    return elapsed, result


def sync(client):
    import asyncio

    return asyncio.run(client.sync())


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def repeated(
    name: str,
    server: Server,
    estate: str,
    pulled: Path,
    folder: Path,
    rows: int,
    repeat: int,
    first: tuple[float, float],
) -> tuple[float, float]:
    """The initial pull into a fresh desk and the raw insert, one after the other, REPEAT
    times in all; prints each pair's ratio and returns the medians."""
    pairs = [first]
    for n in range(1, repeat):
        desk = Database(folder / f"{name}-again-{n}.sqlite3")
        run_enroll(desk, server.url, server.code([estate]), f"again{n}")
        pull_s = seconds(lambda desk=desk: run_sync(desk))
        desk.close()
        raw_s, _ = raw_insert_limit(pulled, folder / f"{name}-raw-{n}.sqlite3", rows)
        pairs.append((pull_s, raw_s))
    for n, (pull_s, raw_s) in enumerate(pairs, 1):
        label = f"  run {n}: pull {pull_s:.2f} s, raw {raw_s:.2f} s"
        print(f"  {label:<52} {pull_s / raw_s:8.1f} x")
    ratio = statistics.median(p / r for p, r in pairs)
    print(f"  {'  median ratio of the runs (the figure)':<52} {ratio:8.1f} x")
    print(f"  {'load average (1, 5, 15 min) after these':<52} {_load()}")
    return statistics.median(p for p, _ in pairs), statistics.median(r for _, r in pairs)


def bench_backend(
    name: str,
    url: str,
    rows: int,
    folder: Path,
    devices: int,
    replay: bool = True,
    repeat: int = 1,
) -> None:
    print(f"{name} server")
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    estate = seed_server(url, rows)
    server = Server(url)
    try:
        b = Database(folder / f"{name}-b.sqlite3")
        run_enroll(b, server.url, server.code([estate]), "b")
        pull_s, report = timed(f"initial pull of {rows:,} rows (snapshot)", lambda: run_sync(b))
        assert report.first_sync
        with b.session() as s:
            held = s.scalar(select(text("count(*)")).select_from(Unit))
        assert held == rows, held
        if replay:
            r = Database(folder / f"{name}-replay.sqlite3")
            run_enroll(r, server.url, server.code([estate]), "r")
            client = SyncClient(r)
            client._snapshot_progress = lambda: None  # as a desk holding rows pulls
            replay_s, _ = timed("  the same by replaying the change log", lambda: sync(client))
            r.close()

        raw_s, indexed_s = raw_insert_limit(b.path, folder / f"{name}-raw.sqlite3", rows)
        print(f"  {'raw executemany, same rows and columns (limit)':<52} {raw_s:8.2f} s")
        print(f"  {'  the same into the desk table with its indexes':<52} {indexed_s:8.2f} s")
        print(f"  {'load average (1, 5, 15 min) after these':<52} {_load()}")
        if repeat > 1:  # the same pair again: the machine's load moves both figures
            pull_s, raw_s = repeated(
                name, server, estate, b.path, folder, rows, repeat, (pull_s, raw_s)
            )

        baseline = Database(folder / f"{name}-baseline.sqlite3")
        with baseline.session() as s:
            bs = [
                {"id": natural_id("b", str(i)), "estate_id": estate, "name": f"{i}栋"}
                for i in range(100)
            ]
            bulk_create(s, Building, bs)

        def bulk():
            with baseline.session() as s:
                bulk_create(s, Unit, unit_rows(estate, [r["id"] for r in bs], rows, "S"))

        bulk_s, _ = timed(f"app recorder bulk_create of {rows:,} rows", bulk)
        if repeat > 1:
            print(f"  {'below, pull and raw are the medians of the runs above':<52}")
        print(f"  {'initial pull / raw insert (target <= 5)':<52} {pull_s / raw_s:8.1f} x")
        print(f"  {'initial pull / raw insert with indexes':<52} {pull_s / indexed_s:8.1f} x")
        if replay:
            print(f"  {'replaying the log / raw insert':<52} {replay_s / raw_s:8.1f} x")
        print(f"  {'initial pull / recorder bulk_create':<52} {pull_s / bulk_s:8.1f} x")

        a = Database(folder / f"{name}-a.sqlite3")
        run_enroll(a, server.url, server.code([estate]), "a")
        run_sync(a)
        with a.session() as s:
            buildings = list(s.scalars(select(Building.id)))
            bulk_create(s, Unit, unit_rows(estate, buildings, 10_000, "A"))
        timed("push of 10,000 offline changes", lambda: run_sync(a))
        run_sync(b)

        # The median of five cycles: one cycle is a few hundred ms and a busy machine
        # (or a WAL checkpoint) can double any single one.
        pushing, pulling = [], []
        for _ in range(5):
            with a.session() as s:
                for unit in s.scalars(select(Unit).limit(100)):
                    recorder(s).update(unit, floor=(unit.floor or 0) + 1)
            pushing.append(seconds(lambda: run_sync(a)))
            pulling.append(seconds(lambda: run_sync(b)))
        for label, times in (("pushing", pushing), ("pulling", pulling)):
            label = f"incremental, 100 changes, {label} desk (median of 5)"
            print(f"  {label:<52} {statistics.median(times):8.2f} s")

        if devices:
            # Another estate with a little data, so the figure is about concurrency, not
            # about twenty initial pulls of the big estate.
            engine = make_engine(url)
            with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
                other = create_estate(s, "翠湖苑").id
                block = recorder(s).create(Building, estate_id=other, name="1栋").id
                bulk_create(s, Unit, unit_rows(other, [block], 1000, "C"))
            engine.dispose()
            many = []
            for i in range(devices):
                db = Database(folder / f"{name}-many-{i}.sqlite3")
                run_enroll(db, server.url, server.code([other]), f"m{i}")
                with db.session() as s:
                    for j in range(5):
                        recorder(s).create(Building, estate_id=other, name=f"m{i}-{j}")
                many.append(db)
            errors: list[str] = []

            def one(db):
                try:
                    run_sync(db)
                except Exception as exc:  # noqa: BLE001  (counted and shown)
                    errors.append(repr(exc))

            def all_at_once():
                threads = [threading.Thread(target=one, args=(db,)) for db in many]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()

            timed(f"{devices} devices at once (push 5, pull 1,000+)", all_at_once)
            errors_first = len(errors)
            for db in many:
                with db.session() as s:
                    unit = s.scalar(select(Unit).where(Unit.estate_id == other).limit(1))
                    recorder(s).update(unit, floor=(unit.floor or 0) + 1)
            timed(f"{devices} devices at once (incremental)", all_at_once)
            assert errors_first <= len(errors)
            print(f"  {'errors':<52} {len(errors):8d}")
            for e in errors[:3]:
                print("   ", e)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--pg",
        default=os.environ.get(
            "PROPDESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--sqlite-only", action="store_true", help="skip the PostgreSQL server")
    parser.add_argument("--pg-only", action="store_true", help="skip the SQLite server")
    parser.add_argument(
        "--no-replay", action="store_true", help="skip replaying the log (the old first sync)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="initial pull and raw insert this many times each (ratios and their median)",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="propdesk-bench-"))
    replay = not args.no_replay
    sqlite_url = f"sqlite:///{folder / 'server.sqlite3'}"
    if not args.pg_only:
        bench_backend("SQLite", sqlite_url, args.rows, folder, 0, replay, args.repeat)
    if args.sqlite_only:
        return
    name = f"propdesk_bench_{secrets.token_hex(4)}"
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
        bench_backend("PostgreSQL", url, args.rows, folder, args.devices, replay, args.repeat)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
