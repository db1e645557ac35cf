"""What a pushed change must satisfy before the server writes anything.

Every value is checked against the column that will hold it, on SQLite and PostgreSQL
alike (the stricter of the two wins): text fits its ``String(n)``, holds no NUL and no
lone surrogate; integers fit their column (``Integer`` 32 bits, ``BigInteger`` 64 bits);
decimals are finite with at most two places and fit as integer hundredths; JSON values
are bounded in depth and size and hold only finite numbers. A column that takes no null
gets none, and a row the server does not have yet arrives whole.

References are checked against the server's rows and the batch itself: a foreign key
names a row that exists, and no reference crosses into another estate.

Each failure is a :class:`SyncError` 422 marked permanent, naming the change: the desk
sets that change aside and pushes the rest again (docs/sync.md).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, select
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from app.domain.limits import INT32, INT64, MAX_JSON_DEPTH, MAX_JSON_ITEMS, storable_text
from app.store.apply import wire_types
from app.store.base import SYNCED_TABLES, Synced
from sync import protocol
from sync.server.errors import SyncError
from sync.server.inspection_lock import check_signed

# Written only by the server (its commands and administrators' requests): a desk's raw
# push of these is refused whatever its user's role.
SERVER_ONLY_TABLES = frozenset(
    {"staff", "roles", "permissions", "role_permissions", "staff_roles", "enrolments"}
)
# The limits themselves (integer ranges, JSON bounds, storable text) are the desk's too,
# from app.domain.limits, which the desk's change recorder applies before it queues a change.
# Columns whose name does not say which table they point at.
REFERENCE_ALIASES = {
    "repeat_of": "complaints",
    "reverses_id": "payments",
    "refund_of": "fee_deposits",
}


def refuse(change: protocol.WireChange, error: str, why: str, status: int = 422) -> SyncError:
    return SyncError(
        status,
        error,
        f"change {change.change_id} ({change.table}): {why}",
        change.change_id,
        permanent=True,
    )


# ---- one change on its own ----


def check_nesting(change: protocol.WireChange) -> None:
    """Every field's value is bounded in depth and size before anything walks it."""
    for name, value in change.fields.items():
        if not _valid_text(name):
            raise refuse(change, "invalid_text", "a field name holds a character text cannot")
        if why := json_problem(value):
            raise refuse(change, why[0], f"{name}: {why[1]}")


def check_change(change: protocol.WireChange) -> None:
    """The table may be written by a desk, and every value fits where it will be stored."""
    if change.table in SERVER_ONLY_TABLES:
        raise refuse(
            change,
            "server_only_table",
            f"{change.table} is managed on the server only; change it there",
            status=403,
        )
    for text_value, what in ((change.row_id, "row id"), (change.estate_id, "estate id")):
        if not _valid_text(text_value):
            raise refuse(change, "invalid_text", f"the {what} holds a character text cannot")
    model = SYNCED_TABLES.get(change.table)
    if model is None:
        return  # named by the structural check that follows
    columns = model.__table__.c
    types = wire_types(model)
    for name, value in change.fields.items():
        if name in Synced.SYNC_META or name not in columns:
            continue  # the structural check names an unknown field
        column = columns[name]
        if value is None:
            if not column.nullable:
                raise refuse(change, "value_required", f"{name} cannot be empty")
            continue
        why = _value_problem(column.type, types.get(name), value)
        if why:
            error, text = why
            raise refuse(change, error, f"{name}: {text}")


def _value_problem(column_type, python_type: type | None, value: Any) -> tuple[str, str] | None:
    """What is wrong with ``value`` for a column of ``column_type`` whose values are
    ``python_type`` in Python (as the merge decodes them), or None."""
    impl = column_type.impl_instance if isinstance(column_type, TypeDecorator) else column_type
    if isinstance(value, str):
        if not _valid_text(value):
            return "invalid_text", "the text holds a NUL or an unpaired surrogate character"
        length = getattr(impl, "length", None)
        if isinstance(impl, String) and length and python_type is str and len(value) > length:
            return "value_too_long", f"{len(value)} characters; at most {length} fit"
    if isinstance(impl, JSON) or python_type is None:
        return json_problem(value)
    if python_type is Decimal and isinstance(impl, Integer):
        return _scaled_problem(value, column_type, impl)
    if python_type is int and isinstance(value, int) and not isinstance(value, bool):
        low, high = INT64 if isinstance(impl, BigInteger) else INT32
        if not low <= value <= high:
            return "value_out_of_range", f"{value} is outside {low}..{high}"
    if python_type is Decimal:
        return _decimal_problem(value)
    if python_type in (datetime, date) and isinstance(value, str):
        return _time_problem(python_type, value)
    return None


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _decimal_problem(value: Any) -> tuple[str, str] | None:
    number = _decimal(value)
    if number is None:
        return "bad_value", f"{value!r} is not a number"
    if not number.is_finite():
        return "not_finite", f"{value!r} is not a finite number"
    return None


def _scaled_problem(value: Any, column_type, impl) -> tuple[str, str] | None:
    """A decimal kept as an integer count of its smallest unit (Money: fen, Hundredths)."""
    if bad := _decimal_problem(value):
        return bad
    number = _decimal(value)
    assert number is not None
    scale = Decimal(column_type.process_bind_param(Decimal(1), None))  # 100 for fen
    low, high = INT64 if isinstance(impl, BigInteger) else INT32
    if not low <= number * scale <= high:
        return "value_out_of_range", f"{value} is outside {low / scale:.0f}..{high / scale:.0f}"
    if number * scale != (number * scale).to_integral_value():
        places = len(str(scale)) - 1
        return "too_many_decimals", f"{value} has more than {places} decimals"
    return None


def _time_problem(python_type: type, value: str) -> tuple[str, str] | None:
    try:
        parsed = python_type.fromisoformat(value)
        if isinstance(parsed, datetime) and parsed.tzinfo is not None:
            parsed.astimezone(UTC)  # 0001-01-01T00:00+14:00 has no UTC time
    except (ValueError, OverflowError) as exc:
        return "bad_value", f"{value!r} is not a valid time ({exc})"
    return None


_valid_text = storable_text


def json_problem(value: Any) -> tuple[str, str] | None:
    """Depth, size and contents of a JSON value, without recursion (it may be deep)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    items = 0
    while stack:
        node, depth = stack.pop()
        items += 1
        if items > MAX_JSON_ITEMS:
            return "json_too_large", f"more than {MAX_JSON_ITEMS} values in one field"
        if depth > MAX_JSON_DEPTH:
            return "json_too_deep", f"nested more than {MAX_JSON_DEPTH} levels deep"
        if isinstance(node, dict):
            for key, child in node.items():
                if not isinstance(key, str) or not _valid_text(key):
                    return "invalid_text", "a key holds a NUL or an unpaired surrogate"
                stack.append((child, depth + 1))
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
        elif isinstance(node, str):
            if not _valid_text(node):
                return "invalid_text", "the text holds a NUL or an unpaired surrogate character"
        elif isinstance(node, float) and not math.isfinite(node):
            return "not_finite", f"{node!r} is not a finite number"
        elif (
            isinstance(node, int)
            and not isinstance(node, bool)
            and not INT64[0] <= node <= INT64[1]
        ):
            return "value_out_of_range", f"{node} does not fit in 64 bits"
    return None


# ---- the batch against the server's rows ----


def reference_columns(model: type[Synced]) -> dict[str, tuple[str, bool]]:
    """Column -> (table it points at, required to exist). Foreign keys must name a row the
    server has; other ``<thing>_id`` columns may point at a row still to come, but never
    at another estate's."""
    out: dict[str, tuple[str, bool]] = {}
    for column in model.__table__.columns:
        if column.name in Synced.SYNC_META:
            continue
        for fk in column.foreign_keys:
            target = fk.column.table.name
            if target in SYNCED_TABLES:
                out[column.name] = (target, True)
        if column.name in out:
            continue
        target = REFERENCE_ALIASES.get(column.name)
        if target is None and column.name.endswith("_id"):
            target = column.name[:-3] + "s"
        if target in SYNCED_TABLES and target not in SERVER_ONLY_TABLES | {"staff"}:
            out[column.name] = (target, False)
    return out


def _required_columns(model: type[Synced]) -> list[str]:
    """Columns a row must be given when it is first written (no default, no null)."""
    return [
        c.name
        for c in model.__table__.columns
        if c.name not in Synced.SYNC_META
        and c.name != "deleted"
        and not c.nullable
        and c.default is None
        and c.server_default is None
    ]


def check_against_rows(session: Session, changes: Sequence[protocol.WireChange]) -> None:
    """References exist and stay in their estate; new rows arrive whole."""
    batch_rows: dict[tuple[str, str], str] = {}  # (table, row id) -> estate, in this batch
    fields_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    wanted: dict[str, set[str]] = defaultdict(set)
    for change in changes:
        key = (change.table, change.row_id)
        batch_rows.setdefault(key, change.estate_id)
        fields_of[key].update(change.fields)
        wanted[change.table].add(change.row_id)
        model = SYNCED_TABLES[change.table]
        for name, (target, _required) in reference_columns(model).items():
            value = change.fields.get(name)
            if isinstance(value, str) and value:
                wanted[target].add(value)
    stored = _stored_estates(session, wanted)
    for change in changes:
        model = SYNCED_TABLES[change.table]
        key = (change.table, change.row_id)
        if key not in stored:
            missing = [c for c in _required_columns(model) if c not in fields_of[key]]
            if missing:
                raise refuse(
                    change,
                    "incomplete_row",
                    f"the server has no row {change.row_id} yet, and this change lacks "
                    + ", ".join(missing),
                )
        for name, (target, required) in reference_columns(model).items():
            value = change.fields.get(name)
            if not isinstance(value, str) or not value:
                continue
            estate = stored.get((target, value)) or batch_rows.get((target, value))
            if estate is None:
                if required:
                    raise refuse(
                        change,
                        "missing_reference",
                        f"{name} names {target} row {value}, which the server does not "
                        "have (was it refused?)",
                    )
                continue
            if estate != change.estate_id:
                raise refuse(
                    change,
                    "cross_estate_reference",
                    f"{name} names {target} row {value} of another estate",
                )
    _check_receipts(session, changes, stored)
    check_signed(session, changes)  # a signed inspection's content never changes


RECEIPT_TABLES = ("payments", "fee_deposits", "temporary_stays")


def _check_receipts(session: Session, changes, stored) -> None:
    """A receipt number names one receipt in its estate: a new payment or deposit with a
    number the estate already has (in the server's rows or earlier in this batch) is
    refused as a conflict (409, permanent), so the desk sets it aside where people see
    it; it is never taken silently beside the other one."""
    seen: dict[tuple[str, str], str] = {}  # (estate, number) -> row id
    for change in changes:
        number = change.fields.get("receipt_no")
        if change.table not in RECEIPT_TABLES or not isinstance(number, str) or not number:
            continue
        if (change.table, change.row_id) in stored:
            continue  # a repeat of a row the server has
        key = (change.estate_id, number)
        other = seen.get(key)
        if other is None:
            for table_name in RECEIPT_TABLES:
                table = SYNCED_TABLES[table_name].__table__
                other = session.scalar(
                    select(table.c.id).where(
                        table.c.estate_id == change.estate_id,
                        table.c.receipt_no == number,
                        table.c.id != change.row_id,
                    )
                )
                if other is not None:
                    break
        if other is not None and other != change.row_id:
            raise refuse(
                change,
                "receipt_number_taken",
                f"receipt {number} is already receipt {other} of this estate",
                status=409,
            )
        seen[key] = change.row_id


def _stored_estates(session: Session, wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for table_name, ids in wanted.items():
        table = SYNCED_TABLES[table_name].__table__
        ordered = sorted(ids)
        for start in range(0, len(ordered), 500):
            query = select(table.c.id, table.c.estate_id).where(
                table.c.id.in_(ordered[start : start + 500])
            )
            for row_id, estate_id in session.execute(query):
                found[(table_name, row_id)] = estate_id
    return found
