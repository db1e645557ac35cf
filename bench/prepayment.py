"""The shared-utilities prepayment at 20,000 units: prints milliseconds.

    python bench/prepayment.py [--units 20000] [--prepaid 1.0]

Builds ``bench/billing.py``'s estate (two months billed, about 95% paid), gives a share of
the units (``--prepaid``, all by default) a prepayment of 500.00 as the counter writes it,
apportions two months of shared water and electricity (the prepayments pay them at read
time), then times the list of units to collect or top up (every unit that prepaid is
derived from its logs) and one unit's prepayment at the counter. No target was set for
them; the raw limit beside each is what a screen waits for before it shows the list.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import billing as bench  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app.services.fees import billing_run, prepayment  # noqa: E402
from app.store.db import Database  # noqa: E402
from app.store.fee_ledger import refresh_units  # noqa: E402
from app.store.fee_models import Payment  # noqa: E402
from app.store.recorder import bulk_create  # noqa: E402


def prepay(db: Database, estate_id: str, share: float) -> int:
    now = datetime.now(UTC)
    with db.session() as s:
        units = list(
            s.scalars(
                text("SELECT id FROM units WHERE estate_id = :e ORDER BY id"), {"e": estate_id}
            )
        )
        chosen = units[: int(len(units) * share)]
        bulk_create(
            s,
            Payment,
            [
                {
                    "estate_id": estate_id,
                    "unit_id": uid,
                    "receipt_no": f"PRE-{n:06d}",
                    "kind": "prepayment",
                    "method": "wechat",
                    "amount": Decimal("500.00"),
                    "payer": "",
                    "cashier": "bench",
                    "paid_at": now,
                    "note": "",
                }
                for n, uid in enumerate(chosen)
            ],
        )
        refresh_units(s, chosen)
    return len(chosen)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--prepaid", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.sqlite3")
        started = time.perf_counter()
        estate_id = bench.build(db, args.units)
        prepaid = prepay(db, estate_id, args.prepaid)
        for period in ("2026-02", "2026-03"):
            billing_run.bill_shared_utilities(db, estate_id, period, "1500000.00", "bench")
        print(
            f"setup: {args.units} units, {prepaid} prepaid, two months shared, "
            f"in {time.perf_counter() - started:.1f} s"
        )
        times, rows = [], []
        for _ in range(3):
            t = time.perf_counter()
            rows = prepayment.units_to_top_up(db, estate_id)
            times.append((time.perf_counter() - t) * 1000)
        print(
            f"units to collect or top up: {len(rows)} rows, median of 3 "
            f"{statistics.median(times):.0f} ms (raw limit: the bills tab shows the list "
            "when this returns)"
        )
        with db.session() as s:
            unit_id = s.scalar(text("SELECT unit_id FROM payments WHERE kind = 'prepayment'"))
        times = []
        for _ in range(7):
            t = time.perf_counter()
            prepayment.prepayment_of(db, unit_id)
            times.append((time.perf_counter() - t) * 1000)
        print(
            f"one unit's prepayment at the counter: median of 7 {statistics.median(times):.1f} ms"
        )
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
