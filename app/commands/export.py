"""`propdesk export TABLE --out FILE.csv`: a table's live rows, comparable with `diff`.

Columns in a stable order (id, estate_id, then the model's fields as declared), rows
sorted by id, tombstones left out. Other areas add richer exports (e.g. `bills` with
--period, to xlsx) by registering a handler in :data:`SPECIAL_EXPORTS`.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable
from pathlib import Path

from app.cli import fail, open_db
from app.domain.privacy import mask_id_number, mask_phone
from app.domain.spreadsheet import safe_row

# TABLE name -> handler(args) returning an exit code; takes precedence over plain tables.
SPECIAL_EXPORTS: dict[str, Callable[[argparse.Namespace], int]] = {}


def register(sub, common) -> None:
    export = sub.add_parser(
        "export", parents=[common], help="write a table's current rows to a CSV file"
    )
    export.add_argument("table", help="table name, e.g. units, residents, staff")
    export.add_argument("--out", type=Path, required=True, help="file to write")
    export.add_argument("--period", default=None, help="YYYY-MM, for exports that take one")
    export.add_argument("--estate", default=None, help="estate name, for exports that take one")
    export.add_argument(
        "--unmasked",
        action="store_true",
        help="write phone and ID numbers whole (they are masked by default)",
    )
    export.set_defaults(handler=export_table)


def export_table(args) -> int:
    special = SPECIAL_EXPORTS.get(args.table)
    if special is not None:
        return special(args)
    from app.store.apply import current_rows
    from app.store.base import SYNCED_TABLES
    from app.store.codec import field_types

    model = SYNCED_TABLES.get(args.table)
    if model is None:
        known = ", ".join(sorted({*SYNCED_TABLES, *SPECIAL_EXPORTS}))
        return fail(f"no table {args.table!r}; one of: {known}")
    db = open_db(args)
    try:
        with db.session() as s:
            rows = current_rows(s, model)
    finally:
        db.close()
    columns = ["id", "estate_id", *field_types(model)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(safe_row(_cell(_masked(c, row.get(c), args)) for c in columns))
    masked = [c for c in columns if c in _PERSONAL]
    state = "unmasked" if getattr(args, "unmasked", False) else "masked"
    note = f" ({', '.join(masked)} {state})" if masked else ""
    print(f"{len(rows)} row(s) of {args.table} written to {args.out}{note}")
    return 0


_PERSONAL = {"phone": mask_phone, "complainant_phone": mask_phone, "id_number": mask_id_number}


def _masked(column: str, value, args):
    if column in _PERSONAL and isinstance(value, str) and not getattr(args, "unmasked", False):
        return _PERSONAL[column](value)
    return value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
