"""Head-office scale (issue 15): sustained push + pull of many desks against 1 and 2 server
processes on one PostgreSQL, and who used the CPU.

    python bench/server_scale.py [--devices 50] [--seconds 20] [--batch 20]
                                 [--pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

Each simulated desk is a loop on one asyncio client: push a batch of BATCH new rows, then
pull everything new since its cursor (its estate's other desks' rows), again and again
until the time is up. Requests go round-robin over the server processes, as a load
balancer would send them. Every desk is enrolled on the server's database first (the
HTTP enrolment is rate-limited per address, and all desks here share one).

Prints, for 1 and for 2 processes: changes pushed per second, rows pulled per second,
requests per second and their median / 95th-percentile latency, and the CPU used over the
run by PostgreSQL (all its processes), by the server processes and by this client, each
as a share of the machine's cores. On a 2-core machine the client and PostgreSQL compete
with the servers for the same cores: read the shares before reading the throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.services.units import create_estate  # noqa: E402
from sync import protocol  # noqa: E402
from sync.server import crud  # noqa: E402
from sync.server.db import make_engine, migrate  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each of these processes so far (Linux /proc)."""
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    return used


def cpu_since(before: dict[int, float], pids: list[int]) -> float:
    """CPU seconds used since ``before`` by ``pids``; a process started since counts whole
    (PostgreSQL starts a backend for each new connection)."""
    return sum(now - before.get(pid, 0.0) for pid, now in cpu_seconds(pids).items())


def postgres_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def start_server(url: str, folder: Path) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "serve", "--db", url, "--port", str(port)],
        env=dict(os.environ, PYTHONPATH=str(ROOT), PROPDESK_DATA_DIR=str(folder)),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}{protocol.API}/health", timeout=1)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def enrol_devices(url: str, count: int) -> tuple[str, list[str]]:
    engine = make_engine(url)
    with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
        estate = create_estate(s, "阳光花园").id
    tokens = []
    for n in range(count):
        with crud.new_session(engine) as s, s.begin():
            code = crud.create_code(s, [estate], False, timedelta(hours=1))
        with crud.new_session(engine) as s:
            _device, token = crud.enroll(s, code, f"desk{n}")
        tokens.append(token)
    engine.dispose()
    return estate, tokens


class Tally:
    def __init__(self) -> None:
        self.pushed = self.pulled = 0
        self.latencies: list[float] = []
        self.errors: list[str] = []


async def desk(n, token, estate, bases, turns, tally, batch, deadline) -> None:
    headers = {
        protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION),
        "Authorization": f"Bearer {token}",
    }
    cursor, row = 0, itertools.count()
    async with httpx.AsyncClient(headers=headers, timeout=120) as client:

        async def call(method: str, path: str, **kw) -> dict:
            base = bases[next(turns) % len(bases)]
            started = time.perf_counter()
            answer = await client.request(method, f"{base}{protocol.API}{path}", **kw)
            tally.latencies.append(time.perf_counter() - started)
            if answer.status_code != 200:
                tally.errors.append(f"{answer.status_code} {answer.text[:120]}")
                return {}
            return answer.json()

        while time.monotonic() < deadline:
            changes = []
            for _ in range(batch):
                k = next(row)
                hlc = f"{crud.now_ms():013d}-{k % 10000:04d}-d{n}"
                changes.append(
                    {
                        "change_id": f"c{n}-{k}-{secrets.token_hex(4)}",
                        "table": "buildings",
                        "row_id": f"b{n}-{k}",
                        "estate_id": estate,
                        "kind": "upsert",
                        "fields": {"name": f"{n}-{k}栋", "sort_key": k},
                        "hlc": hlc,
                    }
                )
            if await call("POST", "/sync/push", json={"changes": changes}):
                tally.pushed += batch
            more = True
            while more and time.monotonic() < deadline:
                page = await call("GET", f"/sync/pull?cursor={cursor}")
                if not page:
                    break
                tally.pulled += len(page["changes"])
                cursor, more = page["cursor"], page["more"]


def run(url: str, processes: int, devices: int, seconds: float, batch: int, folder: Path):
    servers = [start_server(url, folder) for _ in range(processes)]
    try:
        estate, tokens = enrol_devices(url, devices)
        bases = [base for _proc, base in servers]
        server_pids = [proc.pid for proc, _base in servers]
        pg_pids = postgres_pids()
        tally, turns = Tally(), itertools.count()
        before = (cpu_seconds(pg_pids), cpu_seconds(server_pids), resource.getrusage(0))
        started = time.monotonic()

        async def all_desks():
            deadline = time.monotonic() + seconds
            await asyncio.gather(
                *(
                    desk(n, token, estate, bases, turns, tally, batch, deadline)
                    for n, token in enumerate(tokens)
                )
            )

        asyncio.run(all_desks())
        wall = time.monotonic() - started
        after_usage = resource.getrusage(0)
        pg = cpu_since(before[0], postgres_pids())
        srv = cpu_since(before[1], server_pids)
        own = (after_usage.ru_utime + after_usage.ru_stime) - (
            before[2].ru_utime + before[2].ru_stime
        )
        lat = sorted(tally.latencies) or [0.0]
        share = wall * CORES / 100
        print(
            f"{processes} process(es), {devices} desks, {wall:.1f} s: "
            f"pushed {tally.pushed / wall:,.0f} changes/s, pulled {tally.pulled / wall:,.0f} "
            f"rows/s, {len(tally.latencies) / wall:,.0f} requests/s "
            f"(median {statistics.median(lat) * 1000:.0f} ms, "
            f"p95 {lat[int(len(lat) * 0.95) - 1] * 1000:.0f} ms)"
        )
        print(
            f"   CPU of {CORES} cores: PostgreSQL {pg / share:.0f}%, servers {srv / share:.0f}%, "
            f"this client {own / share:.0f}%; errors: {len(tally.errors)}"
        )
        for error in tally.errors[:3]:
            print("     ", error)
        return tally.pushed / wall
    finally:
        for proc, _base in servers:
            proc.terminate()
            proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--pg",
        default=os.environ.get(
            "PROPDESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="propdesk-scale-"))
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    rates = []
    for processes in (1, 2):
        name = f"propdesk_scale_{secrets.token_hex(4)}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(args.pg).set(database=name).render_as_string(hide_password=False)
            engine = make_engine(url)
            migrate(engine)
            engine.dispose()
            rates.append(run(url, processes, args.devices, args.seconds, args.batch, folder))
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    if rates[0]:
        print(f"2 processes / 1 process, changes pushed per second: {rates[1] / rates[0]:.2f}×")


if __name__ == "__main__":
    main()
