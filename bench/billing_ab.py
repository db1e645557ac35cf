"""Old against new fee code on the same data: the billing run and the arrears report.

    git worktree add --detach /tmp/propdesk-old <commit before>
    python bench/billing_ab.py --old /tmp/propdesk-old [--units 20000]

The shared machine's speed moves two- to threefold between runs, so two full runs of
``bench/billing.py`` cannot tell a 10% change. Here one set-up (``bench/billing.py``'s
``build``) is copied for each billing run, old and new alternated, and the arrears report
of old and new is timed alternately on one database. The old modules are loaded by path
from the other checkout; everything else is this tree's.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import billing as bench  # noqa: E402

from app.progress import Progress  # noqa: E402
from app.services.fees import billing_run, reports  # noqa: E402
from app.store.db import Database  # noqa: E402


def _old(tree: Path, name: str):
    spec = importlib.util.spec_from_file_location(
        f"old_{name}", tree / "app" / "services" / "fees" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="a checkout of the old code")
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    old = {"billing_run": _old(args.old, "billing_run"), "reports": _old(args.old, "reports")}
    folder = Path(tempfile.mkdtemp())
    base = folder / "base.sqlite3"
    db = Database(base)
    estate_id = bench.build(db, args.units)
    db.checkpoints.wait()
    db.close()
    print(f"set-up: {args.units} units, 2 months billed and about 95% paid")
    for rnd in range(2):
        for name, module in (("old", old["billing_run"]), ("new", billing_run)):
            copy = folder / f"{name}{rnd}.sqlite3"
            shutil.copy(base, copy)
            run_db = Database(copy)
            started = time.perf_counter()
            result = module.run_billing(run_db, estate_id, "2026-03", "bench", Progress())
            took = time.perf_counter() - started
            print(f"billing run, {name}: {result.created} lines in {took:.2f} s (target <= 2 s)")
            run_db.close()
            if rnd or name == "old":
                copy.unlink()
    db = Database(folder / "new0.sqlite3")
    times: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(args.runs):
        for name, module in (("old", old["reports"]), ("new", reports)):
            started = time.perf_counter()
            rows = module.arrears(db, estate_id, date(2026, 4, 20))
            times[name].append((time.perf_counter() - started) * 1000)
    print(
        f"arrears report, worst case ({len(rows)} debtors), median of {args.runs} alternated: "
        f"old {statistics.median(times['old']):.0f} ms, "
        f"new {statistics.median(times['new']):.0f} ms (target <= 300 ms)"
    )
    db.close()


if __name__ == "__main__":
    main()
