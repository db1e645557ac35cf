"""Complaint desk speed at scale: prints medians in milliseconds.

    python bench/complaints.py [--complaints 100000] [--db PATH]

Builds (or reuses) a database with that many complaints written as real synced rows
(headers and events through ``bulk_create``, derived status by ``refresh_status``), then
times: create one complaint (service call, committed), open the list (count + first page),
filter to overdue, and a Chinese text search. Targets: create <= 10 ms, filter and search
<= 50 ms median.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.complaints import CATEGORIES, CHANNELS, DEPARTMENTS, ComplaintInput  # noqa: E402
from app.services import complaints as cs  # noqa: E402
from app.services.demo import demo_name, demo_phone, fill_demo  # noqa: E402
from app.services.units import create_estate  # noqa: E402
from app.store.base import new_id  # noqa: E402
from app.store.complaint_models import Complaint, ComplaintEvent  # noqa: E402
from app.store.db import Database  # noqa: E402
from app.store.models import Unit  # noqa: E402
from app.store.recorder import bulk_create  # noqa: E402

TEXTS = (
    "楼上漏水",
    "电梯故障",
    "噪音扰民",
    "垃圾未清理",
    "车位被占",
    "保安态度差",
    "路灯不亮",
    "水压太低",
)


def build(db: Database, count: int) -> str:
    rng = random.Random(7)
    with db.session() as s:
        estate_id = create_estate(s, "基准花园").id
        fill_demo(s, estate_id, units=2000, seed=7)
    with db.session() as s:
        unit_ids = list(s.scalars(Unit.__table__.select().with_only_columns(Unit.id)))
    now = datetime.now(UTC)
    batch = 5000
    for start in range(0, count, batch):
        headers, events = [], []
        for _ in range(min(batch, count - start)):
            cid = new_id()
            received = now - timedelta(minutes=rng.randint(1, 60 * 24 * 365))
            headers.append(
                dict(
                    id=cid,
                    estate_id=estate_id,
                    number=f"TS{received:%y%m%d}-{cid[-5:].upper()}",
                    received_at=received,
                    unit_id=rng.choice(unit_ids),
                    complainant_name=demo_name(rng),
                    complainant_phone=demo_phone(rng),
                    channel=rng.choice(CHANNELS),
                    category=rng.choice(CATEGORIES),
                    content=rng.choice(TEXTS) + f"，第{rng.randint(1, 999)}次",
                    severity=rng.choice(("minor", "minor", "important", "major")),
                    department=rng.choice(DEPARTMENTS),
                )
            )
            events.append(dict(estate_id=estate_id, complaint_id=cid, kind="received", at=received))
            if rng.random() < 0.9:
                events.append(
                    dict(
                        estate_id=estate_id,
                        complaint_id=cid,
                        kind="dispatched",
                        at=received + timedelta(minutes=rng.randint(1, 30)),
                        data={},
                    )
                )
            if rng.random() < 0.8:
                resolved = received + timedelta(hours=rng.randint(1, 96))
                if resolved < now:
                    events.append(
                        dict(
                            estate_id=estate_id,
                            complaint_id=cid,
                            kind="resolved",
                            at=resolved,
                            data={},
                        )
                    )
                    events.append(
                        dict(
                            estate_id=estate_id,
                            complaint_id=cid,
                            kind="closed",
                            at=resolved + timedelta(hours=2),
                            data={},
                        )
                    )
        with db.session() as s:
            bulk_create(s, Complaint, headers)
            bulk_create(s, ComplaintEvent, events)
            cs.refresh_status(s)
        print(f"  built {start + len(headers)} complaints", file=sys.stderr)
    return estate_id


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.sqlite3"
    fresh = not path.exists()
    db = Database(path)
    if fresh:
        t = time.perf_counter()
        estate_id = build(db, args.complaints)
        print(
            f"setup: {args.complaints} complaints in {time.perf_counter() - t:.1f} s",
            file=sys.stderr,
        )
    else:
        with db.session() as s:
            estate_id = s.scalar(
                Complaint.__table__.select().with_only_columns(Complaint.estate_id).limit(1)
            )
    data = ComplaintInput(
        complainant_name="王秀英",
        complainant_phone="13800138000",
        content="楼道灯不亮",
        category="facilities",
        severity="minor",
        department="engineering",
    )

    def create():
        with db.session() as s:
            cs.create_complaint(s, estate_id, data)

    def listing(**filters):
        def run():
            with db.session() as s:
                query = cs.ComplaintQuery(estate_id=estate_id, **filters)
                cs.count_complaints(s, query, cap=500)
                cs.page_complaints(s, query, 0, 200)

        return run

    with db.session() as s:
        total = cs.count_complaints(s, cs.ComplaintQuery(estate_id=estate_id))
        newest = cs.page_complaints(s, cs.ComplaintQuery(estate_id=estate_id), 0, 1)[0]
    number, name = newest.number, newest.complainant
    print(f"complaints: {total}")
    results = {
        "create one (service call, committed)": (median_ms(create, args.repeat), 10),
        "open the list (count to 500+, first 200)": (median_ms(listing(), args.repeat), 50),
        "filter: open and overdue": (
            median_ms(listing(status="open", deadline="overdue"), args.repeat),
            50,
        ),
        "filter: my work (receptionist)": (
            median_ms(listing(status="open", my_role="receptionist"), args.repeat),
            50,
        ),
        "search: 漏水 (2 chars)": (median_ms(listing(text="漏水"), args.repeat), 50),
        "search: 电梯故障": (median_ms(listing(text="电梯故障"), args.repeat), 50),
        "search: complaint number prefix": (median_ms(listing(text=number[:10]), args.repeat), 50),
        "search: room 1-1-101": (median_ms(listing(text="1-1-101"), args.repeat), 50),
        # A resident's name finds a handful among 100,000: the common desk search.
        f"search: name {name}": (median_ms(listing(text=name), args.repeat), 50),
        f"search: 2 chars {name[:2]}": (median_ms(listing(text=name[:2]), args.repeat), 50),
        "search: no match (2 chars)": (median_ms(listing(text="邻居"), args.repeat), 50),
    }
    for name, (ms, target) in results.items():
        flag = "ok" if ms <= target else "OVER TARGET"
        print(f"{name:40s} median {ms:8.2f} ms   (target <= {target} ms) {flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
