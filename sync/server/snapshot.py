"""The estate as it stood at a cursor, in pages of compact column arrays (GET /sync/snapshot).

A desk with no synced rows loads these pages and then pulls the changes after the
cursor: a first sync of 100,000 rows in seconds instead of replaying the log change by
change (docs/sync.md "First sync").

Every page stands exactly at the cursor N, whenever it is read: a row changed after N
is not sent as it is now but as its changes up to N (its history, a few rows while a
snapshot is read), and a row made after N is not sent at all (it comes with the pull
that follows). So pages read over minutes, or resumed the next day, fit together as one
consistent estate: a row never names a parent the desk has not received. A row untouched
since N is, by the merge rules, exactly the merge of its changes up to N.

Memory stays bounded: one page of rows at a time.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Text, cast, func, select, text
from sqlalchemy.orm import Session

from app.store.apply import synced_tables_sorted, wire_types
from app.store.base import SYNCED_TABLES
from app.store.codec import encode_value
from sync import protocol
from sync.server.crud import ServerClock, in_scope, to_wire
from sync.server.errors import SyncError
from sync.server.models import ChangeLog, Device

META = ("id", "estate_id", "updated_hlc", "field_clocks")
# A row's ``field_clocks`` that name every field of its section at the row's
# ``updated_hlc`` (a row written once, most of an estate) travel as this mark instead of
# a dozen copies of the same clock: a tenth of the page.
ALL_AT_ROW_CLOCK = "*"


def columns_of(table_name: str) -> list[str]:
    """The columns a section carries: the sync bookkeeping, then every field."""
    return [*META, *wire_types(SYNCED_TABLES[table_name])]


def _encoder(python_type: type | None) -> Callable[[Any], Any] | None:
    """How a column's stored values become wire values (None: they already are)."""
    if python_type in (Decimal, datetime, date):
        return encode_value
    return None


def snapshot_page(
    session: Session,
    device: Device,
    table: str | None,
    after: str,
    cursor: int | None,
    limit: int,
    identity: tuple[str, str],
    clock: ServerClock,
) -> protocol.SnapshotPage:
    """The rows in the device's scope from ``table`` (None: the first) after row id
    ``after``, tables parents first, at most ``limit`` rows and changes."""
    newest = session.scalar(select(func.max(ChangeLog.seq))) or 0
    if cursor is None:
        cursor = newest  # a new snapshot stands at the newest change
    elif cursor > newest:
        raise SyncError(
            409,
            "snapshot_cursor",
            f"Cursor {cursor} is past the server's newest change {newest}; start again",
            permanent=True,
        )
    order = [t.name for t in synced_tables_sorted()]
    if table is not None and table not in order:
        raise SyncError(404, "unknown_table", f"The server has no synced table {table!r}")
    total = _total(session, device, order) if table is None else None
    start = 0 if table is None else order.index(table)
    budget = max(1, min(limit, protocol.MAX_SNAPSHOT_ROWS))
    sections: list[protocol.SnapshotSection] = []
    next_table: str | None = None
    next_after = ""
    sent = 0
    _read_in_index_order(session, True)
    for position in range(start, len(order)):
        name = order[position]
        section, more, last_read, read = _section(
            session, device, name, after if position == start else "", cursor, budget - sent
        )
        if section.values[0] or section.changes:
            sections.append(section)
        sent += read
        if more:
            next_table, next_after = name, last_read
            break
        if sent >= budget and position + 1 < len(order):
            next_table, next_after = order[position + 1], ""
            break
    return protocol.SnapshotPage(
        server_id=identity[0],
        epoch=identity[1],
        cursor=cursor,
        sections=sections,
        next_table=next_table,
        next_after=next_after,
        rows=sent,
        total=total,
        server_hlc=clock.now(),
        server_time_ms=clock.time_ms(),
    )


def _read_in_index_order(session: Session, ordered: bool) -> None:
    """Have PostgreSQL read as ranges of an index, in its order (``ordered``), or plan
    as usual, for the rest of this read-only transaction.

    Right after an estate is loaded, before it analyses the table, PostgreSQL guesses a
    few hundred rows and gathers the estate in a bitmap, then sorts it on disk for every
    page (0.18 s a page of 5,000 of 100,000 units); the ordered range scan never sorts.
    The history of the few rows changed since the cursor is planned as usual: with
    sorting off, PostgreSQL walked the whole change log by its key to find it."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for setting in ("enable_sort", "enable_bitmapscan"):
        session.execute(text(f"SET LOCAL {setting} = off" if ordered else f"RESET {setting}"))


def _total(session: Session, device: Device, order: list[str]) -> int:
    """Rows of every synced table in the device's scope (for the desk's progress)."""
    total = 0
    for name in order:
        table = SYNCED_TABLES[name].__table__
        query = select(func.count()).select_from(table)
        if not device.all_estates:
            query = query.where(table.c.estate_id.in_(device.estate_ids))
        total += session.scalar(query) or 0
    return total


def _section(
    session: Session, device: Device, name: str, after: str, cursor: int, budget: int
) -> tuple[protocol.SnapshotSection, bool, str, int]:
    """One table's rows after ``after``: (the section, whether more remain, the last row
    id read, how many rows were read)."""
    model = SYNCED_TABLES[name]
    table = model.__table__
    columns = columns_of(name)
    # the clocks as the stored JSON text: most are compared, not parsed
    selected = [cast(table.c[c], Text) if c == "field_clocks" else table.c[c] for c in columns]
    if device.all_estates:
        query = select(*selected).where(table.c.id > after).order_by(table.c.id)
        found = session.execute(query.limit(budget + 1)).all()
    else:
        found = _estate_rows(session, table, selected, device.estate_ids, after, budget + 1)
    more = len(found) > budget
    found = found[:budget]
    # Read after the rows: a change committed meanwhile marks its row as changed.
    changed = _changed_after(session, name, found, cursor)
    read = len(found)
    last_read = _resume_after(found[-1], device) if found else after
    if changed:
        found = [r for r in found if r[0] not in changed]
    types = wire_types(model)
    values: list[list[Any]] = []
    for i, column in enumerate(columns):
        stored = [r[i] for r in found]
        encode = _encoder(types.get(column)) if i >= len(META) else None
        if column == "field_clocks":
            stored = _compact_clocks(columns[len(META) :], [r[2] for r in found], stored)
        elif encode is not None:
            stored = [None if v is None else encode(v) for v in stored]
        elif column == "deleted":
            stored = [bool(v) for v in stored]
        values.append(stored)
    section = protocol.SnapshotSection(table=name, columns=columns, values=values)
    if changed:
        _read_in_index_order(session, False)
        section.changes = _history(session, device, name, sorted(changed), cursor)
        _read_in_index_order(session, True)
    return section, more, last_read, read


def _estate_rows(
    session: Session, table, selected: list, estate_ids: list[str], after: str, wanted: int
) -> list:
    """Up to ``wanted`` rows of the device's estates after ``after``, estate by estate and
    in id order within each: each estate's rows are one range of the server's
    (estate_id, id) index (``sync.server.db.entity_metadata``), read in order with no
    sort, however large the table and whether or not it has been analysed."""
    estates = sorted(estate_ids)
    estate, after_id = _resume_point(after, estates)
    found: list = []
    for current in estates[bisect_left(estates, estate) :]:
        query = (
            select(*selected)
            .where(
                table.c.estate_id == current, table.c.id > (after_id if current == estate else "")
            )
            .order_by(table.c.id)
            .limit(wanted - len(found))
        )
        found += session.execute(query).all()
        if len(found) >= wanted:
            break
    return found


# ``after`` for a device of several estates: the estate and the row id, so a page can
# resume inside any estate. A device of one estate sends the bare row id.
AFTER_SEPARATOR = "|"


def _resume_point(after: str, estates: list[str]) -> tuple[str, str]:
    """The estate and row id a page goes on after."""
    if AFTER_SEPARATOR in after:
        estate, row_id = after.split(AFTER_SEPARATOR, 1)
        return estate, row_id
    return (estates[0] if estates else ""), after


def _resume_after(row, device: Device) -> str:
    """The ``after`` that resumes right after this row (``id``, ``estate_id`` first)."""
    if device.all_estates or len(device.estate_ids) <= 1:
        return row[0]
    return f"{row[1]}{AFTER_SEPARATOR}{row[0]}"


def _compact_clocks(fields: list[str], hlcs: list[str], texts: list[Any]) -> list[Any]:
    """Each row's clocks: the mark when every field is at the row's clock, else as stored."""
    template = json.dumps(dict.fromkeys(fields, "\0"))
    out: list[Any] = []
    for hlc, stored in zip(hlcs, texts, strict=True):
        if stored is None:
            out.append({})
        elif stored == template.replace("\\u0000", hlc):
            out.append(ALL_AT_ROW_CLOCK)
        else:
            clocks = json.loads(stored) if isinstance(stored, str) else stored
            if (
                isinstance(clocks, dict)
                and clocks.keys() == set(fields)
                and all(v == hlc for v in clocks.values())
            ):
                out.append(ALL_AT_ROW_CLOCK)
            else:
                out.append(clocks)
    return out


def _changed_after(session: Session, name: str, found: list, cursor: int) -> set[str]:
    """Which of these rows a change after the cursor touched (or made)."""
    if not found:
        return set()
    ids = {r[0] for r in found}
    # Found as a range of the log's sequence (its primary key, in order): while a
    # snapshot is read the changes after its cursor are few, and the (table, row) index
    # would visit every row of the page.
    table_name = ChangeLog.table_name.op("||")("")
    touched = session.scalars(
        select(ChangeLog.row_id)
        .where(
            ChangeLog.seq > cursor,
            table_name == name,
            ChangeLog.row_id >= min(ids),
            ChangeLog.row_id <= max(ids),
        )
        .order_by(ChangeLog.seq)
    )
    return ids.intersection(touched)


def _history(
    session: Session, device: Device, name: str, row_ids: list[str], cursor: int
) -> list[protocol.WireChange]:
    """The changes up to the cursor of rows changed since: applied in order, they give
    each row as it stood at the cursor (none for a row made after it)."""
    out: list[protocol.WireChange] = []
    seqs: dict[str, int] = {}
    for start in range(0, len(row_ids), 500):
        rows = session.scalars(
            select(ChangeLog)
            .where(
                ChangeLog.table_name == name,
                ChangeLog.row_id.in_(row_ids[start : start + 500]),
                ChangeLog.seq <= cursor,
                ChangeLog.device_id != device.id,
            )
            .order_by(ChangeLog.seq)
        )
        for r in rows:
            if in_scope(device, r.estate_id):
                seqs[r.change_id] = r.seq
                out.append(to_wire(r))
    out.sort(key=lambda c: seqs[c.change_id])  # the log's order: a document's first copy
    return out


def remaining_changes(session: Session, device: Device, page: protocol.PullResponse) -> int:
    """Changes a pull has still to bring after this page, as the pull counts them."""
    if not page.more:
        return 0
    query = select(func.count()).where(
        ChangeLog.seq > page.cursor, ChangeLog.device_id != device.id
    )
    if not device.all_estates:
        query = query.where(ChangeLog.estate_id.in_(device.estate_ids))
    return session.scalar(query) or 0
