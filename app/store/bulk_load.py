"""Loading rows as they stand on the server into a desk that has none of them: the bulk
path of a first sync (``sync.client.snapshot``).

A snapshot row carries its values and its sync bookkeeping (``updated_hlc``, the clock of
every field): it is written as it is, with executemany, where :func:`app.store.apply.
apply_changes` would merge change after change. For a row the desk holds already (an id
it made itself) nothing is overwritten: the row is handed back as changes, one per
clock, to be merged by the merge rules like any pulled change. A section this code cannot
load as it is (a table or a value it does not know) is handed back the same way, so the
caller sets aside what cannot be applied, with the reason.

As after an applied page, the search index is rebuilt once for the units written, the
other areas' derived data is refreshed (``AFTER_APPLY``), and the rows written are noted
for the change event (published once per page, on commit).

A load of many pages into an empty desk (a first sync) may instead :func:`defer_indexes`:
the loaded tables' secondary indexes are dropped for the whole load and made once at its
end by :func:`restore_indexes` (100,000 units: each page otherwise pays five index
updates per row). The search index is still written page by page, as for any applied
page: while the desk waits for the server's next page, not all at the end. What was dropped
is noted in ``sync_state`` in the transaction that drops it, so the desk is never left
without it: the load's last page restores it, so does a cancel, and a desk that crashed
meanwhile restores it when it next opens (``app.store.db.Database``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.memory import collector_paused
from app.store.apply import (
    AFTER_APPLY,
    KINDS,
    Change,
    _defaults,
    _defer_foreign_keys,
    synced_tables_sorted,
    wire_types,
)
from app.store.base import SYNCED_TABLES
from app.store.codec import decode_value
from app.store.db import mark_changed
from app.store.fee_ledger import FEE_TABLES, refresh_after_apply
from app.store.recorder import get_state, set_state
from app.store.unit_search import search_index_deferred_for

META = ("id", "estate_id", "updated_hlc", "field_clocks")
ALL_AT_ROW_CLOCK = "*"  # field_clocks: every field of the section at the row's clock


@dataclass(frozen=True)
class Section:
    """Rows of one table as column arrays: ``values[i]`` is column ``columns[i]``."""

    table_name: str
    columns: Sequence[str]
    values: Sequence[Sequence[Any]]


@dataclass
class Loaded:
    touched: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    to_merge: list[Change] = field(default_factory=list)  # rows held already, or refused
    max_hlc: str = ""
    rows: int = 0


class NotLoadable(ValueError):
    """A section that cannot be written as it is; its rows go the merging way."""


def load_sections(session: Session, sections: Sequence[Section]) -> Loaded:
    """Write the sections' rows within the caller's transaction (foreign keys checked at
    commit). Returns what was written and the changes still to merge."""
    loaded = Loaded()
    if not sections:
        return loaded
    _defer_foreign_keys(session)
    order = {t.name: i for i, t in enumerate(synced_tables_sorted())}
    sections = sorted(sections, key=lambda s: order.get(s.table_name, -1))
    ids = {s.table_name: set(s.values[0]) if s.values else set() for s in sections}
    # units it holds already are merged after the load, through the search triggers
    units, residents = ids.get("units", set()), ids.get("residents", set())
    with (
        collector_paused(),
        search_index_deferred_for(session, units, residents, units_are_new=True),
    ):
        for section in sections:
            try:
                written, held = _insert(session, section)
            except NotLoadable as refused:
                del refused  # the merge names, and sets aside, what it cannot apply
                loaded.to_merge += rows_as_changes(section, None)
                continue
            loaded.touched[section.table_name].update(written)
            loaded.rows += len(written)
            if written:
                hlcs = section.values[section.columns.index("updated_hlc")]
                loaded.max_hlc = max(loaded.max_hlc, max(hlcs))
            if held:
                loaded.to_merge += rows_as_changes(section, held)
    touched = {t: ids for t, ids in loaded.touched.items() if ids}
    for hook in (*AFTER_APPLY, refresh_after_apply):
        hook(session, touched)
    for table_name, written in touched.items():
        mark_changed(session, table_name, written)
    return loaded


# sync_state: what defer_indexes dropped (JSON {"indexes": {name: sql}}; an earlier version
# also dropped the search triggers: {"triggers": {name: sql}})
DEFERRED = "bulk_load_deferred"
# Indexes kept through a load: what each page's after-apply work reads by (the fee cache
# reads fee rows by unit, the signed-inspection lock answers by inspection); without
# them every page would scan everything loaded before it.
KEEP_INDEXES_OF = frozenset({*FEE_TABLES, "inspections", "inspection_answers"})


# An index led by the row id, or of the estate alone: a snapshot's rows come in id order,
# of one estate or a few, so each page's entries go at the end of such an index (cheap to
# keep, where entries at random places cost several times the insert: made at the end).
_APPENDED = re.compile(
    r"\bON\s+\"?\w+\"?\s*\(\s*(\"?id\"?\s*[,)]|\"?estate_id\"?\s*\))", re.IGNORECASE
)


# Indexes the search index's refresh reads by: each page's units find their residents.
KEEP_INDEXES = frozenset({"ix_residents_unit_id"})


def defer_indexes(session: Session, tables: Sequence[str]) -> None:
    """Drop the non-unique indexes of these synced tables until :func:`restore_indexes`,
    within the caller's transaction. For a load into a desk that holds none of these
    rows: unique indexes and keys stay, and so do the search triggers."""
    if session.get_bind().dialect.name != "sqlite":
        return
    state = _deferred(session) or {"indexes": {}}
    names = sorted({t for t in tables if t in SYNCED_TABLES and t not in KEEP_INDEXES_OF})
    dropped = []
    for name, sql in session.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN (SELECT value FROM json_each(:tables))"
        ),
        {"tables": json.dumps(names)},
    ).all():
        if not re.match(r"\s*CREATE\s+INDEX\b", sql, re.IGNORECASE):
            continue  # a unique index: it says what may be inserted
        if _APPENDED.search(sql) or name in KEEP_INDEXES:
            continue  # rows come in id order, mostly of one estate: kept at the end, cheaply
        state["indexes"][name] = sql
        dropped.append(f'DROP INDEX "{name}"')
    if not dropped:
        return
    connection = session.connection()
    for statement in dropped:
        connection.exec_driver_sql(statement)
    set_state(session, DEFERRED, json.dumps(state))


def restore_indexes(session: Session) -> bool:
    """Make again what :func:`defer_indexes` dropped, within the caller's transaction (and
    the search triggers with the search index of every unit, which a desk of an earlier
    version dropped too). Returns whether there was anything."""
    state = _deferred(session)
    if state is None:
        return False
    connection = session.connection()
    present = set(
        connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"
        ).scalars()
    )
    for name, sql in state["indexes"].items():
        if name not in present:
            connection.exec_driver_sql(sql)
    triggers = state.get("triggers")
    if triggers:
        # the text of every unit, by the statement the update trigger runs for one
        refresh = triggers["units_search_au"]
        insert = refresh[refresh.index("INSERT INTO unit_search") : refresh.rindex("END")]
        every = insert.strip().rstrip(";").replace("u.id = NEW.id", "1")
        connection.exec_driver_sql("DELETE FROM unit_search")
        connection.exec_driver_sql(every)
        for name, sql in triggers.items():
            if name not in present:
                connection.exec_driver_sql(sql)
    set_state(session, DEFERRED, "")
    return True


def _deferred(session: Session) -> dict[str, dict[str, str]] | None:
    raw = get_state(session, DEFERRED)
    return json.loads(raw) if raw else None


def _insert(session: Session, section: Section) -> tuple[list[str], list[int]]:
    """Insert the rows the desk does not hold. Returns (ids written, indexes of the rows
    it held already)."""
    model = SYNCED_TABLES.get(section.table_name)
    if model is None:
        raise NotLoadable(f"unknown table {section.table_name!r}")
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        raise NotLoadable("bulk loading is for the desk's SQLite")
    columns = list(section.columns)
    types = wire_types(model)
    unknown = [c for c in columns if c not in types and c not in META]
    if unknown or len(set(columns)) != len(columns) or columns[: len(META)] != list(META):
        raise NotLoadable(f"{section.table_name} has no field {(unknown or columns)[0]!r}")
    count = len(section.values[0]) if section.values else 0
    if len(section.values) != len(columns) or any(len(v) != count for v in section.values):
        raise NotLoadable("columns of unequal length")
    if not count:
        return [], []
    table = model.__table__
    fields = columns[len(META) :]
    bound: list[list[Any]] = []
    names: list[str] = []
    for name, wire in zip(columns, section.values, strict=True):
        if name == "field_clocks":  # stored as the JSON text made here
            hlcs = section.values[columns.index("updated_hlc")]
            bound.append(_clocks_text(wire, hlcs, fields, model.sync_kind))
        else:
            values = _column(name, types.get(name), wire)
            bound.append(_bound(table.c[name], dialect, values))
        names.append(name)
    for name, default in _defaults(model).items():  # a server with fewer fields
        if name not in names:
            bound.append(_bound(table.c[name], dialect, [default] * count))
            names.append(name)
    connection = session.connection()
    before = connection.exec_driver_sql(
        f"SELECT coalesce(max(rowid), 0) FROM {table.name}"
    ).scalar_one()
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    written = connection.exec_driver_sql(
        f'INSERT INTO {table.name} ({quoted}) VALUES ({marks}) ON CONFLICT("id") DO NOTHING',
        list(zip(*bound, strict=True)),
    ).rowcount
    ids = section.values[0]
    if written == count:
        return list(ids), []
    held = set()
    id_list = list(ids)
    for start in range(0, count, 500):
        chunk = id_list[start : start + 500]
        held.update(
            session.scalars(
                text(
                    f"SELECT id FROM {table.name} WHERE rowid <= :before "
                    "AND id IN (SELECT value FROM json_each(:ids))"
                ),
                {"before": before, "ids": json.dumps(chunk)},
            )
        )
    return [i for i in ids if i not in held], [n for n, i in enumerate(ids) if i in held]


def _column(name: str, python_type, wire: Sequence[Any]) -> list[Any]:
    """A column's wire values as Python values, checked as a pulled change's are."""
    if name in ("id", "estate_id"):
        if not _all_of(wire, str) or not all(0 < len(v) <= 36 for v in wire):
            raise NotLoadable(f"{name} missing or longer than 36 characters")
        return list(wire)
    if name == "updated_hlc":
        if not _all_of(wire, str) or not all(map(_CLOCK.fullmatch, set(wire))):
            raise NotLoadable("malformed clock")
        return list(wire)
    if name == "deleted":
        if not _all_of(wire, bool):
            raise NotLoadable("deleted: expected true/false")
        return list(wire)
    if python_type is None or (
        python_type in (str, int, bool) and _all_of(wire, python_type, None)
    ):
        return list(wire)  # as decode_value would leave them: checked by type alone
    # each distinct value decoded once (areas, dates and kinds repeat), keyed by type too
    # so that true never passes for 1
    keys = list(zip(map(type, wire), wire, strict=True))
    try:
        memo = {key: _decoded(python_type, key[1]) for key in set(keys)}
    except TypeError:  # an unhashable value where a plain one belongs
        memo = None
    except (ValueError, ArithmeticError) as error:
        raise NotLoadable(f"bad value of {name}: {error}") from error
    if memo is None:
        raise NotLoadable(f"bad value of {name}: not a plain value")
    return [memo[key] for key in keys]


def _decoded(python_type, value: Any) -> Any:
    decoded = decode_value(python_type, value)
    if isinstance(decoded, datetime) and decoded.tzinfo is None:
        raise ValueError(f"a time needs its UTC offset, got {value!r}")
    return decoded


def _all_of(values: Sequence[Any], *kinds: type | None) -> bool:
    """Every value exactly of one of these types (None: null), checked at C speed."""
    allowed = {type(None) if kind is None else kind for kind in kinds}
    return set(map(type, values)) <= allowed


# an HLC as app.domain.hlc writes it: digits, dashes and a hex node id; nothing to escape
_CLOCK = re.compile(r"[0-9A-Za-z-]{1,80}")


def _clocks_text(
    wire: Sequence[Any], hlcs: Sequence[str], fields: list[str], kind: str
) -> list[str]:
    """Each row's clocks as the JSON text the column stores. The mark ``"*"`` (every
    field of the section at the row's clock) is spelled out from a template."""
    template = json.dumps(dict.fromkeys(fields, "\0"))
    out = []
    for clocks, hlc in zip(wire, hlcs, strict=True):
        if clocks == ALL_AT_ROW_CLOCK and fields and kind == "register":
            out.append(template.replace("\\u0000", hlc))  # hlc checked by _column
        elif isinstance(clocks, dict) and (kind == "register" or not clocks):
            if not all(isinstance(k, str) and isinstance(v, str) for k, v in clocks.items()):
                raise NotLoadable("malformed field clocks")
            out.append(json.dumps(clocks))
        else:
            raise NotLoadable("malformed field clocks")
    return out


def _bound(column, dialect, values: list[Any]) -> list[Any]:
    """Values as the column's type binds them for the driver."""
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    if processor is None:
        return values
    try:
        return _memoised(processor, values)
    except (ValueError, TypeError, ArithmeticError) as error:
        raise NotLoadable(f"bad value of {column.name}: {error}") from error


def _memoised(processor, values: list[Any]) -> list[Any]:
    """The column type's binding, once per distinct value (areas, dates, flags repeat)."""
    memo: dict[Any, Any] = {}
    out = []
    for value in values:
        try:
            out.append(memo[value])
        except KeyError:
            memo[value] = converted = processor(value)
            out.append(converted)
        except TypeError:  # not hashable (a JSON value)
            out.append(processor(value))
    return out


def rows_as_changes(section: Section, indexes: Sequence[int] | None) -> list[Change]:
    """Rows as the changes that make them: one per distinct field clock of a register
    row, the whole row at its clock for a log row. Merged into a row the desk holds, they
    give what merging every change of the row would; ``change_id`` names the row."""
    columns = list(section.columns)
    model = SYNCED_TABLES.get(section.table_name)
    kind = KINDS[model.sync_kind] if model is not None else "upsert"
    count = len(section.values[0]) if section.values else 0
    out: list[Change] = []
    for n in range(count) if indexes is None else indexes:
        row = {c: _at(section.values, i, n) for i, c in enumerate(columns)}
        fields = {c: v for c, v in row.items() if c not in META}
        row_id, estate_id = str(row.get("id") or ""), str(row.get("estate_id") or "")
        hlc = str(row.get("updated_hlc") or "")
        clocks = row.get("field_clocks")
        if clocks == ALL_AT_ROW_CLOCK:
            clocks = dict.fromkeys(fields, hlc)
        name = f"snapshot:{section.table_name}:{row_id}"
        if kind == "insert" or not isinstance(clocks, dict) or not clocks:
            out.append(Change(name, section.table_name, row_id, estate_id, kind, fields, hlc))
            continue
        by_clock: dict[str, dict[str, Any]] = defaultdict(dict)
        for field_name, value in fields.items():
            if field_name in clocks:
                by_clock[str(clocks[field_name])][field_name] = value
        for clock, part in sorted(by_clock.items()):
            out.append(
                Change(f"{name}@{clock}", section.table_name, row_id, estate_id, kind, part, clock)
            )
    return out


def _at(values: Sequence[Sequence[Any]], column: int, row: int) -> Any:
    try:
        return values[column][row]
    except (IndexError, TypeError):
        return None
