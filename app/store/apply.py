"""Applying incoming changes to the entity tables, on a device and on the server alike.

Both ends call :func:`apply_changes` with the merge rules of :mod:`app.domain.merge`, so
a row ends up the same wherever the same set of changes was applied, in any order, with
repeats. Generic over ``SYNCED_TABLES``: a table another area adds is synced as soon as
its model is registered.

Work is done a page at a time: the rows a page touches are read in one query per table,
merged in memory in the page's order, then written with executemany. Foreign keys are
checked at commit (deferred), so a page may hold a child before its parent. The rows
written are noted for the change event (``app.store.db.mark_changed``), so open screens
refresh after the commit as they do after a local save.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

import app.store.all_models  # noqa: F401  (every synced table is registered)
from app.domain.hlc import Timestamp
from app.domain.merge import Loss, merge_register
from app.memory import collector_paused
from app.store.after_apply import AFTER_APPLY  # other areas' hooks (bulk_load reads it here)
from app.store.base import SYNCED_TABLES, Synced
from app.store.codec import decode_value, encode_value, field_types
from app.store.db import mark_changed
from app.store.fee_ledger import refresh_after_apply
from app.store.models import StaffUser, SyncConflict
from app.store.unit_search import search_index_deferred_for

KINDS = {"register": "upsert", "log": "insert"}


@dataclass(frozen=True)
class Change:
    """One change as it travels: the outbox row's content."""

    change_id: str
    table_name: str
    row_id: str
    estate_id: str
    kind: str
    fields: dict[str, Any]
    hlc: str


class ApplyError(ValueError):
    """A change that cannot be applied; ``change_id`` names it."""

    def __init__(self, change_id: str, reason: str) -> None:
        super().__init__(f"change {change_id}: {reason}")
        self.change_id = change_id
        self.reason = reason


@dataclass
class Conflict:
    change: Change
    loss: Loss


@dataclass
class ApplyResult:
    conflicts: list[Conflict] = field(default_factory=list)
    touched: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    max_hlc: str = ""


def problem(change: Change) -> str | None:
    """Why a change is malformed (unknown table or field, wrong kind, bad value), or None."""
    return _check(change)[0]


def _check(change: Change) -> tuple[str | None, dict[str, Any]]:
    """(problem or None, the decoded fields)."""
    model = SYNCED_TABLES.get(change.table_name)
    if model is None:
        return f"unknown table {change.table_name!r}", {}
    expected = KINDS[model.sync_kind]
    if change.kind != expected:
        return f"{change.table_name} takes {expected!r} changes, not {change.kind!r}", {}
    if not change.row_id or len(change.row_id) > 36:
        return "row id missing or longer than 36 characters", {}
    if not change.estate_id or len(change.estate_id) > 36:
        return "estate id missing or longer than 36 characters", {}
    try:
        Timestamp.decode(change.hlc)
    except ValueError:
        return f"malformed clock {change.hlc!r}", {}
    if not change.fields:
        return "no fields", {}
    try:
        return None, decode_fields(model, change.fields)
    except KeyError as exc:
        return f"{change.table_name} has no field {exc.args[0]!r}", {}
    except (ValueError, TypeError) as exc:
        return f"bad value: {exc}", {}


_SAMPLES: dict[type, Any] = {
    int: 1,
    str: "",
    datetime: datetime(2000, 1, 1),
    date: date(2000, 1, 1),
}


@cache
def wire_types(model: type[Synced]) -> dict[str, type | None]:
    """Column -> Python type for decoding wire values.

    Like ``codec.field_types``, but also sees through the custom column types (Money,
    Hundredths, UTCDateTime), whose ``python_type`` SQLAlchemy reports as ``object``: the
    type their result processing returns for a sample stored value is used instead.
    """
    types = dict(field_types(model))
    for name, python_type in types.items():
        if python_type is not object:
            continue
        column_type = model.__table__.c[name].type
        types[name] = None  # JSON and the like: taken as they come
        if isinstance(column_type, TypeDecorator):
            try:
                sample = _SAMPLES.get(column_type.impl_instance.python_type)
            except NotImplementedError:
                continue
            if sample is not None:
                types[name] = type(column_type.process_result_value(sample, None))
    return types


def decode_fields(model: type[Synced], fields: dict[str, Any]) -> dict[str, Any]:
    """Wire values to Python; KeyError for an unknown field, ValueError for a bad one."""
    types = wire_types(model)
    decoded = {}
    for name, value in fields.items():
        if name not in types:
            raise KeyError(name)
        decoded[name] = decode_value(types[name], value)
        if isinstance(decoded[name], datetime) and decoded[name].tzinfo is None:
            raise ValueError(f"{name}: a time needs its UTC offset, got {value!r}")
    return decoded


@dataclass
class _Row:
    estate_id: str
    values: dict[str, Any]
    clocks: dict[str, str]
    new: bool
    dirty: bool = False
    log_hlc: str = ""  # a log row's one clock (logs keep no per-field clocks)


def _load(session: Session, model: type[Synced], ids: Iterable[str]) -> dict[str, _Row]:
    table = model.__table__
    names = list(field_types(model))
    cols = [
        table.c.id,
        table.c.estate_id,
        table.c.field_clocks,
        table.c.updated_hlc,
        *(table.c[n] for n in names),
    ]
    rows: dict[str, _Row] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        for rec in session.execute(select(*cols).where(table.c.id.in_(ids[start : start + 500]))):
            values = {n: rec._mapping[n] for n in names}
            rows[rec.id] = _Row(rec.estate_id, values, dict(rec.field_clocks or {}), new=False)
            if model.sync_kind == "log":
                rows[rec.id].log_hlc = rec.updated_hlc or ""
    return rows


def _defer_foreign_keys(session: Session) -> None:
    if session.get_bind().dialect.name == "sqlite":
        # Resets itself at commit; lets a page hold a child before its parent.
        session.execute(text("PRAGMA defer_foreign_keys=ON"))


def apply_changes(
    session: Session, changes: Sequence[Change], judge_documents: bool = False
) -> ApplyResult:
    """Merge ``changes`` (in order) into the entity tables within the caller's transaction.

    ``judge_documents`` (the server): a copy of a document row (a log table whose model
    sets ``sync_document``, such as an issued bill line) that differs from the copy
    already stored loses, and is reported as a conflict on field "document" with both
    copies whole, so its author can take the stored one (:func:`take_documents`).

    Raises :class:`ApplyError` for a malformed change or one that would move a row to
    another estate; the caller rolls back.
    """
    with collector_paused():  # a page of a first pull builds tens of thousands of rows
        return _apply_changes(session, changes, judge_documents)


def _apply_changes(
    session: Session, changes: Sequence[Change], judge_documents: bool = False
) -> ApplyResult:
    result = ApplyResult()
    if not changes:
        return result
    _defer_foreign_keys(session)
    wanted: dict[str, set[str]] = defaultdict(set)
    decoded = []
    for change in changes:
        reason, fields = _check(change)
        if reason:
            raise ApplyError(change.change_id, reason)
        wanted[change.table_name].add(change.row_id)
        decoded.append(fields)
    state = {t: _load(session, SYNCED_TABLES[t], ids) for t, ids in wanted.items()}

    for change, incoming in zip(changes, decoded, strict=True):
        model = SYNCED_TABLES[change.table_name]
        rows = state[change.table_name]
        row = rows.get(change.row_id)
        if row is not None and row.estate_id != change.estate_id:
            raise ApplyError(change.change_id, "the row belongs to another estate")
        result.max_hlc = max(result.max_hlc, change.hlc)
        if model.sync_kind == "log":
            if row is None:
                rows[change.row_id] = _Row(
                    change.estate_id, incoming, {}, new=True, dirty=True, log_hlc=change.hlc
                )
                result.touched[change.table_name].add(change.row_id)
            elif judge_documents and getattr(model, "sync_document", False):
                loss = _document_loss(row, incoming, change.hlc)
                if loss is not None:
                    result.conflicts.append(Conflict(change, loss))
            continue
        merged = merge_register(
            None if row is None else row.values,
            None if row is None else row.clocks,
            incoming,
            change.hlc,
        )
        result.conflicts.extend(Conflict(change, loss) for loss in merged.losses)
        if row is None:
            rows[change.row_id] = _Row(
                change.estate_id, dict(merged.changes), merged.clocks, new=True, dirty=True
            )
        elif merged.changes or merged.clocks != row.clocks:
            row.values.update(merged.changes)
            row.clocks = merged.clocks
            row.dirty = True
        else:
            continue
        result.touched[change.table_name].add(change.row_id)

    dirty = {t: {i for i, r in rows.items() if r.dirty} for t, rows in state.items()}
    with search_index_deferred_for(
        session, dirty.get("units", set()), dirty.get("residents", set())
    ):
        _write(session, state)
    for hook in (*AFTER_APPLY, refresh_after_apply):
        hook(session, result.touched)
    # written with executemany, unseen by the ORM: announced for the change event
    for table_name, ids in result.touched.items():
        mark_changed(session, table_name, ids)
    return result


def _write(session: Session, state: dict[str, dict[str, _Row]]) -> None:
    order = {t.name: i for i, t in enumerate(synced_tables_sorted())}
    for table_name in sorted(state, key=lambda t: order.get(t, 0)):
        model = SYNCED_TABLES[table_name]
        table = model.__table__
        defaults = _defaults(model)
        inserts, updates = [], []
        for row_id, row in state[table_name].items():
            if not row.dirty:
                continue
            clocks = row.clocks
            hlc = row.log_hlc or max(clocks.values(), default="")
            values = {**defaults, **row.values} if row.new else dict(row.values)
            values.update(id=row_id, estate_id=row.estate_id, updated_hlc=hlc, field_clocks=clocks)
            values["deleted"] = bool(values.get("deleted", False))
            (inserts if row.new else updates).append(values)
        if inserts:
            session.execute(table.insert(), inserts)
        if updates:
            names = list(field_types(model))
            params = [{**{f"v_{k}": u.get(k) for k in names}, **_meta(u)} for u in updates]
            stmt = (
                update(table)
                .where(table.c.id == _bind("b_id"))
                .values(
                    updated_hlc=_bind("b_hlc"),
                    field_clocks=_bind("b_clocks", table.c.field_clocks.type),
                    **{n: _bind(f"v_{n}", table.c[n].type) for n in names},
                )
            )
            session.connection().execute(stmt, params)


def _meta(values: dict[str, Any]) -> dict[str, Any]:
    return {
        "b_id": values["id"],
        "b_hlc": values["updated_hlc"],
        "b_clocks": values["field_clocks"],
    }


def _bind(name: str, type_=None):
    return bindparam(name, type_=type_)


def _defaults(model: type[Synced]) -> dict[str, Any]:
    """Column defaults, for a register row first seen through a partial change."""
    out = {}
    for name, col in model.__table__.columns.items():
        if name in Synced.SYNC_META or col.default is None:
            continue
        out[name] = col.default.arg(None) if col.default.is_callable else col.default.arg
    return out


def synced_tables_sorted():
    """Synced tables parents first, so inserts satisfy foreign keys even undeferred."""
    names = set(SYNCED_TABLES)
    metadata = next(iter(SYNCED_TABLES.values())).metadata
    return [t for t in metadata.sorted_tables if t.name in names]


# ---- documents: the copy the server accepted first stands ----

DOCUMENT = "document"
# where two copies of a document may differ without any money in it: who wrote the copy
# and when (a bill's issuer, an opening balance's importer)
_DOCUMENT_ORIGIN = frozenset({"issued_at", "issued_by", "imported_at", "imported_by"})


def _document_loss(row: _Row, incoming: dict[str, Any], hlc: str) -> Loss | None:
    kept = {k: encode_value(v) for k, v in row.values.items()}
    lost = {k: encode_value(v) for k, v in incoming.items()}
    if all(kept.get(k) == v for k, v in lost.items()):
        return None
    return Loss(DOCUMENT, kept, row.log_hlc, lost, hlc, True)


def take_documents(session: Session, items: Sequence[Conflict]) -> list[Conflict]:
    """A desk told its copy of a document lost (a notice on field "document"): its row
    becomes the kept copy, whole, and each field where the copies differ in substance is
    returned as a conflict to keep (the copy's origin, who issued it and when, is not a
    difference). Other conflicts pass through unchanged."""
    out: list[Conflict] = []
    touched: dict[str, set[str]] = defaultdict(set)
    for item in items:
        model = SYNCED_TABLES.get(item.change.table_name)
        loss = item.loss
        if (
            model is None
            or not getattr(model, "sync_document", False)
            or loss.field != DOCUMENT
            or not isinstance(loss.kept_value, dict)
            or not isinstance(loss.lost_value, dict)
        ):
            out.append(item)
            continue
        table = model.__table__
        try:
            kept = decode_fields(model, loss.kept_value)
        except (KeyError, ValueError, TypeError):
            out.append(item)
            continue
        stored = session.execute(
            select(table.c.updated_hlc).where(table.c.id == item.change.row_id)
        ).first()
        if stored is not None and stored.updated_hlc != loss.kept_hlc:
            session.execute(
                update(table)
                .where(table.c.id == item.change.row_id)
                .values(updated_hlc=loss.kept_hlc, **kept)
            )
            touched[item.change.table_name].add(item.change.row_id)
        for name in sorted(set(loss.kept_value) | set(loss.lost_value)):
            if name in _DOCUMENT_ORIGIN:
                continue
            if loss.kept_value.get(name) != loss.lost_value.get(name):
                out.append(
                    Conflict(
                        item.change,
                        Loss(
                            name,
                            loss.kept_value.get(name),
                            loss.kept_hlc,
                            loss.lost_value.get(name),
                            loss.lost_hlc,
                            True,
                        ),
                    )
                )
    if touched:
        for hook in (*AFTER_APPLY, refresh_after_apply):
            hook(session, touched)
        for table_name, ids in touched.items():
            mark_changed(session, table_name, ids)
    return out


@dataclass(frozen=True)
class Authors:
    """Who wrote the kept and the lost value of a conflict: staff account ids (kept as
    their display names) and desk names; "" where unknown."""

    kept_by: str = ""
    kept_desk: str = ""
    lost_by: str = ""
    lost_desk: str = ""


def record_conflicts(
    session: Session,
    items: Iterable[Conflict],
    authors: Callable[[Conflict], Authors] | None = None,
) -> int:
    """Keep each losing value in ``sync_conflicts`` once (repeats are ignored), with
    who wrote each value as ``authors`` tells (staff ids are kept as display names)."""
    fresh: dict[tuple[str, str, str, str], Conflict] = {}
    for item in items:
        key = (item.change.table_name, item.change.row_id, item.loss.field, item.loss.lost_hlc)
        fresh.setdefault(key, item)
    row_ids = sorted({row_id for _, row_id, _, _ in fresh})
    for start in range(0, len(row_ids), 500):  # drop the ones kept already
        known = session.execute(
            select(
                SyncConflict.table_name,
                SyncConflict.row_id,
                SyncConflict.field,
                SyncConflict.lost_hlc,
            ).where(SyncConflict.row_id.in_(row_ids[start : start + 500]))
        )
        for key in known:
            fresh.pop(tuple(key), None)
    now = datetime.now(UTC)
    who = {key: authors(item) if authors else Authors() for key, item in fresh.items()}
    names = _display_names(
        session, {w.kept_by for w in who.values()} | {w.lost_by for w in who.values()}
    )
    session.add_all(
        SyncConflict(
            table_name=item.change.table_name,
            row_id=item.change.row_id,
            field=item.loss.field,
            kept_value=_jsonable(item.loss.kept_value),
            kept_hlc=item.loss.kept_hlc,
            lost_value=_jsonable(item.loss.lost_value),
            lost_hlc=item.loss.lost_hlc,
            detected_at=now,
            kept_by=names.get(who[key].kept_by, "")[:100],
            kept_desk=who[key].kept_desk[:100],
            lost_by=names.get(who[key].lost_by, "")[:100],
            lost_desk=who[key].lost_desk[:100],
        )
        for key, item in fresh.items()
    )
    session.flush()
    return len(fresh)


def _display_names(session: Session, staff_ids: set[str]) -> dict[str, str]:
    """Staff account id -> display name, for the accounts this database knows."""
    ids = sorted(i for i in staff_ids if i)
    if not ids:
        return {}
    found = session.execute(
        select(StaffUser.id, StaffUser.display_name).where(StaffUser.id.in_(ids))
    )
    return {row.id: row.display_name or "" for row in found}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: encode_value(v) for k, v in value.items()}
    return encode_value(value)


def current_rows(session: Session, model: type[Synced]) -> list[dict[str, Any]]:
    """Live rows (no tombstones) as encoded field dicts with id and estate_id, sorted by id."""
    table = model.__table__
    names = list(field_types(model))
    query = select(table.c.id, table.c.estate_id, *(table.c[n] for n in names))
    if "deleted" in table.c:
        query = query.where(table.c.deleted.is_(False))
    out = []
    for rec in session.execute(query.order_by(table.c.id)):
        out.append({k: encode_value(v) for k, v in rec._mapping.items()})
    return out
