"""Unit list and search speed at 100,000 units (issue 3 target: search <= 50 ms median).

    python bench/units.py [--db /tmp/propdesk-bench-units.sqlite3] [--units 100000] [--runs 15]
                          [--import-rows 20000]

Creates the demo database once (kept for later runs), then prints the time to open the
unit list (count + first page of 200) and the latency of a mix of searches, as the units
page issues them (count + first page); then the time to import a units file (XLSX and CSV)
into a fresh database and to import it again (nothing changes).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from app.services.demo import fill_demo  # noqa: E402
from app.services.units import UnitQuery, count_units, create_estate, page_units  # noqa: E402
from app.store.db import Database  # noqa: E402
from app.store.models import Building, Resident, Unit  # noqa: E402

PAGE = 200


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def build(path: Path, units: int) -> None:
    db = Database(path)
    with db.session() as s:
        have = s.scalar(select(func.count()).select_from(Unit))
    if have >= units:
        print(f"using {path} ({have} units)")
        db.close()
        return
    started = time.perf_counter()
    with db.session() as s:
        fill_demo(s, create_estate(s, "阳光花园").id, units=units - have, seed=1)
    print(f"demo data: {units - have} units written in {time.perf_counter() - started:.1f} s")
    db.close()


def queries(session, rng: random.Random) -> list[tuple[str, str]]:
    """A realistic mix: room codes in several forms, names, phone fragments, surnames."""
    units = session.execute(
        select(Building.name, Unit.entrance, Unit.room).join(Building).limit(5000)
    ).all()
    people = session.execute(select(Resident.name, Resident.phone).limit(5000)).all()
    mix: list[tuple[str, str]] = []
    for _ in range(6):
        name, entrance, room = rng.choice(units)
        short = name.removesuffix("栋")
        mix.append(("code 3-1502", f"{short}-{room}"))
        mix.append(("code 3-2-1502", f"{short}-{entrance}-{room}"))
        mix.append(("code 3栋1502", f"{name}{room}"))
        person, phone = rng.choice(people)
        mix.append(("full name", person))
        mix.append(("given name 2 chars", person[-2:] if len(person) == 3 else person))
        if phone:
            mix.append(("phone 4 digits", phone[-4:]))
            mix.append(("phone 7 digits", phone[3:10]))
        mix.append(("surname", person[0]))
    return mix


def timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/propdesk-bench-units.sqlite3"))
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--import-rows", type=int, default=20_000, help="0 to skip")
    args = parser.parse_args()
    build(args.db, args.units)

    db = Database(args.db)
    with db.session() as s:
        estate = create_estate(s, "阳光花园").id
        query = UnitQuery(estate_id=estate)

        def open_list():
            count_units(s, query)
            page_units(s, query, 0, PAGE)

        opening = timed(open_list, args.runs)
        print(f"open unit list (count + first {PAGE}): median {ms(statistics.median(opening))}")
        deep = timed(lambda: page_units(s, query, 50_000, PAGE), args.runs)
        print(f"scroll to row 50,000 (one page):        median {ms(statistics.median(deep))}")

        by_kind: dict[str, list[float]] = {}
        every: list[float] = []
        for kind, term in queries(s, random.Random(7)):
            q = UnitQuery(estate_id=estate, text=term)

            def search(q=q):
                count_units(s, q)
                page_units(s, q, 0, PAGE)

            times = timed(search, max(3, args.runs // 3))
            by_kind.setdefault(kind, []).extend(times)
            every.extend(times)
        print("search (count + first page), by kind of query:")
        for kind, times in by_kind.items():
            print(
                f"  {kind:20s} median {ms(statistics.median(times))}"
                f"   p95 {ms(statistics.quantiles(times, n=20)[-1])}"
            )
        p95 = statistics.quantiles(every, n=20)[-1]
        print(f"all searches: median {ms(statistics.median(every))}   p95 {ms(p95)}")
    db.close()
    if args.import_rows:
        bench_import(args.import_rows)


def bench_import(rows: int) -> None:
    import tempfile

    from openpyxl import Workbook

    from app.services.importer import apply_units_import, read_units_file

    header = [
        "楼栋",
        "单元",
        "房号",
        "楼层",
        "建筑面积",
        "类型",
        "业主姓名",
        "联系电话",
        "交房日期",
    ]
    data = []
    for n in range(rows):
        building, rest = divmod(n, 400)
        floor, position = divmod(rest, 4)
        data.append(
            [f"{building + 1}栋", str(rest // 200 + 1), f"{floor + 1}{position + 1:02d}",
             floor + 1, f"{60 + n % 90}.{n % 100:02d}", "住宅", f"业主{n}", f"139{n:08d}",
             "2020-06-30"]
        )  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        xlsx = Path(folder) / "units.xlsx"
        workbook = Workbook()
        workbook.active.append(header)
        for row in data:
            workbook.active.append(row)
        workbook.save(xlsx)
        csv_path = Path(folder) / "units.csv"
        lines = [",".join(header)] + [",".join(str(c) for c in row) for row in data]
        csv_path.write_text("\n".join(lines), encoding="gb18030")
        for path in (xlsx, csv_path):
            started = time.perf_counter()
            preview = read_units_file(path)
            read = time.perf_counter() - started
            assert preview.ok, preview.errors[:3]
            db = Database(Path(folder) / f"import-{path.suffix[1:]}.sqlite3")
            with db.session() as s:
                estate = create_estate(s, "阳光花园").id
            started = time.perf_counter()
            with db.session() as s:
                first = apply_units_import(s, estate, preview)
            write = time.perf_counter() - started
            started = time.perf_counter()
            with db.session() as s:
                again = apply_units_import(s, estate, preview)
            repeat = time.perf_counter() - started
            db.close()
            print(
                f"import {rows} rows from {path.suffix[1:].upper()}: read+check {read:.1f} s,"
                f" write {write:.1f} s (created {first.created}),"
                f" again {repeat:.1f} s (unchanged {again.unchanged})"
            )


if __name__ == "__main__":
    main()
