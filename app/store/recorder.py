"""The change recorder: the one way synced rows are written (DESIGN.md "Sync protocol").

Every create, update or delete stamps the row with a new HLC, updates its per-field clocks
and appends a ``sync_outbox`` row in the same session, so one commit keeps both or neither.
A value its column cannot store on the server (too long, out of range, not finite, NUL or
a lone surrogate: ``app.store.limits``) is refused first with ``FieldErrors``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.hlc import HybridClock
from app.store.audit_models import ACTOR_KEY
from app.store.base import Synced, new_id
from app.store.codec import encode_fields, encode_value, field_types
from app.store.limits import check_row
from app.store.models import SyncOutbox, SyncState

T = TypeVar("T", bound=Synced)

DEVICE_KEY = "device_id"
HLC_KEY = "hlc"


def get_state(session: Session, key: str) -> str | None:
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def outbox_size(session: Session) -> int:
    """How many recorded changes wait to be pushed."""
    return session.scalar(select(func.count()).select_from(SyncOutbox)) or 0


def device_id(session: Session) -> str:
    """This database's device id, made on first use."""
    value = get_state(session, DEVICE_KEY)
    if value is None:
        value = new_id()
        set_state(session, DEVICE_KEY, value)
    return value


class ChangeRecorder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.clock = HybridClock(device_id(session), get_state(session, HLC_KEY))

    def _stamp(self) -> str:
        hlc = self.clock.now()
        set_state(self.session, HLC_KEY, hlc)
        return hlc

    def _outbox(self, obj: Synced, kind: str, fields: dict[str, Any], hlc: str) -> None:
        self.session.add(
            SyncOutbox(
                change_id=new_id(),
                table_name=obj.__tablename__,
                row_id=obj.id,
                estate_id=obj.estate_id,
                kind=kind,
                fields=fields,
                hlc=hlc,
                author=self.session.info.get(ACTOR_KEY) or "",
            )
        )

    def create(self, model: type[T], **values: Any) -> T:
        """Insert a register or log row; ``estate_id`` is required, ``id`` optional."""
        if not values.get("estate_id"):
            raise ValueError(f"{model.__tablename__}: estate_id is required")
        unknown = set(values) - set(field_types(model)) - {"id", "estate_id"}
        if unknown:
            raise TypeError(f"{model.__tablename__} has no field(s) {sorted(unknown)}")
        check_row(model, values)  # nothing the server cannot store is kept or queued
        hlc = self._stamp()
        obj = model(**values)
        if obj.id is None:
            obj.id = new_id()
        for name, column in model.__table__.columns.items():
            if getattr(obj, name, None) is None and column.default is not None:
                default = column.default.arg
                setattr(obj, name, default(None) if callable(default) else default)
        obj.deleted = bool(obj.deleted)
        names = list(field_types(model))
        obj.updated_hlc = hlc
        obj.field_clocks = dict.fromkeys(names, hlc) if model.sync_kind == "register" else {}
        self.session.add(obj)
        self.session.flush()  # insert in creation order, so foreign keys hold
        kind = "upsert" if model.sync_kind == "register" else "insert"
        fields = encode_fields(obj, names)
        self._outbox(obj, kind, fields, hlc)
        _audit(self.session, "create", obj, None, fields)
        return obj

    def update(self, obj: T, **values: Any) -> list[str]:
        """Change fields of a register row; records only the fields whose value changed."""
        if type(obj).sync_kind != "register":
            raise TypeError(f"{obj.__tablename__} is a log: append a correcting row instead")
        types = field_types(type(obj))
        unknown = set(values) - set(types)
        if unknown:
            raise TypeError(f"{obj.__tablename__} has no field(s) {sorted(unknown)}")
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if not changed:
            return []
        check_row(type(obj), {name: values[name] for name in changed})
        hlc = self._stamp()
        before = {n: encode_value(getattr(obj, n)) for n in changed}
        for name in changed:
            setattr(obj, name, values[name])
        clocks = dict(obj.field_clocks or {})
        clocks.update(dict.fromkeys(changed, hlc))
        obj.field_clocks = clocks
        obj.updated_hlc = hlc
        after = {n: encode_value(getattr(obj, n)) for n in changed}
        self._outbox(obj, "upsert", after, hlc)
        _audit(self.session, "delete" if after.get("deleted") else "update", obj, before, after)
        return changed

    def delete(self, obj: Synced) -> None:
        """Tombstone a register row (synced rows are never hard-deleted)."""
        if obj.deleted:
            return
        self.update(obj, deleted=True)


def _audit(session: Session, kind: str, obj: Synced, before, after) -> None:
    # imported here: the audit model writes its entries through this recorder
    from app.store.audit_models import audit_change

    audit_change(session, kind, obj, before, after)


def recorder(session: Session) -> ChangeRecorder:
    """The session's recorder (one per session, so one clock per transaction)."""
    rec = session.info.get("change_recorder")
    if rec is None:
        rec = session.info["change_recorder"] = ChangeRecorder(session)
    return rec


def bulk_create(session: Session, model: type[Synced], rows: list[dict[str, Any]]) -> None:
    """Insert many new rows with their outbox changes in executemany batches.

    Same stamping as :meth:`ChangeRecorder.create`, for billing runs, demo data and imports
    of tens of thousands of rows where one ORM object per row would take minutes.
    """
    if not rows:
        return
    from app.store.audit_models import audit_bulk

    audit_bulk(session, model.__tablename__, rows)
    if model.sync_kind == "log" and session.get_bind().dialect.paramstyle == "qmark":
        _bulk_log_rows(session, model, rows)
        return
    rec = recorder(session)
    author = session.info.get(ACTOR_KEY) or ""
    names = list(field_types(model))
    entities, changes = [], []
    for row in _stamped(rec, model, names, rows):
        hlc = row["updated_hlc"]
        row["field_clocks"] = dict.fromkeys(names, hlc) if model.sync_kind == "register" else {}
        entities.append(row)
        changes.append(
            {
                "change_id": new_id(),
                "table_name": model.__tablename__,
                "row_id": row["id"],
                "estate_id": row["estate_id"],
                "kind": "upsert" if model.sync_kind == "register" else "insert",
                "fields": {n: encode_value(row.get(n)) for n in names},
                "hlc": hlc,
                "author": author,
            }
        )
    set_state(session, HLC_KEY, rec.clock.last)
    session.execute(model.__table__.insert(), entities)
    session.execute(SyncOutbox.__table__.insert(), changes)


def _stamped(
    rec: ChangeRecorder, model: type[Synced], names: list[str], rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each row with the columns' defaults, an id, ``deleted`` and a fresh clock, in order."""
    defaults = {
        col.key: (col.default.arg(None) if callable(col.default.arg) else col.default.arg)
        for col in model.__table__.columns
        if col.default is not None and col.key in names  # never "id": one default per row
    }
    stamped = []
    now = rec.clock.now
    for values in rows:
        row = {**defaults, **values} if defaults else dict(values)
        if "id" not in row:
            row["id"] = new_id()
        row["deleted"] = bool(row.get("deleted", False))
        row["updated_hlc"] = now()
        stamped.append(row)
    return stamped


def _bulk_log_rows(session: Session, model: type[Synced], rows: list[dict[str, Any]]) -> None:
    """``bulk_create`` of insert-only rows on SQLite, with the column types bound once per
    distinct value instead of per row by SQLAlchemy's executemany: a month's 20,000-unit
    billing run must take <= 2 s. Writes exactly what the generic path writes
    (tests/app/test_recorder.py compares them)."""
    rec = recorder(session)
    dialect = session.get_bind().dialect
    columns = list(model.__table__.columns)
    # the dialect's own processors: a TypeDecorator's plain bind_processor skips SQLite's
    # DATETIME formatting, which stored '... 08:30:00+00:00' where the ORM stores '.000000'
    binders = [col.type.dialect_impl(dialect).bind_processor(dialect) for col in columns]
    names = list(field_types(model))
    outbox_binders = {
        col.key: col.type.dialect_impl(dialect).bind_processor(dialect)
        for col in SyncOutbox.__table__.columns
    }
    to_json = outbox_binders["fields"] or json.dumps
    # a month's rows repeat most values (period, due date, rates, areas): bind each once
    bound: list[dict] = [{} for _ in columns]
    # the outbox JSON is put together from '"name": value' pieces, one memo per field: a
    # memo shared by fields would give deleted=False the text of a rate of 0.00 (0 == False)
    pieces: list[dict] = [{} for _ in names]
    heads = [json.dumps(n) + ": " for n in names]
    no_clocks = (binders[columns.index(model.__table__.c.field_clocks)] or json.dumps)({})

    def memoised(memo: dict, convert, column: list, spelling_counts: bool = False) -> list:
        # a column holds one type (or None): its first value says how to key the memo
        sample = next((value for value in column if value is not None), None)
        if isinstance(sample, (dict, list)):
            return [convert(value) for value in column]  # JSON values are not hashable
        if spelling_counts and isinstance(sample, Decimal):
            # Decimal("1.9") == Decimal("1.90"): keyed by text so each keeps its spelling
            # in the outbox (the database stores both as the same fen)
            keys = [None if value is None else str(value) for value in column]
        else:
            keys = column
        for key, value in zip(keys, column, strict=True):
            if key not in memo:
                memo[key] = convert(value)
        return [memo[key] for key in keys]

    def fields_json(full: list[dict[str, Any]]) -> list[str]:
        columns_json = [
            memoised(
                pieces[i],
                lambda value, head=heads[i]: head + json.dumps(encode_value(value)),
                [row.get(name) for row in full],
                spelling_counts=True,
            )
            for i, name in enumerate(names)
        ]
        return ["{" + ", ".join(parts) + "}" for parts in zip(*columns_json, strict=True)]

    def fields_json_slow(full: list[dict[str, Any]]) -> list[str]:
        return [to_json({n: encode_value(row.get(n)) for n in names}) for row in full]

    # the pieces are json.dumps' own output: use them only if the outbox binder is json.dumps
    probe = {"text": "阳光花园", "number": 1, "none": None, "flag": False}
    plain = to_json(probe) == json.dumps(probe)
    encode_fields = fields_json if plain else fields_json_slow

    full = _stamped(rec, model, names, rows)
    # column by column: each distinct value is bound once, then looked up
    bound_columns = [
        [no_clocks] * len(full)
        if col.key == "field_clocks"
        else [row.get(col.key) for row in full]
        if binders[i] is None  # stored as given (text): nothing to convert
        else memoised(bound[i], binders[i], [row.get(col.key) for row in full])
        for i, col in enumerate(columns)
    ]
    entities = list(zip(*bound_columns, strict=True))
    table_name = model.__tablename__
    author = session.info.get(ACTOR_KEY) or ""
    changes = [
        (
            new_id(),
            table_name,
            row["id"],
            row["estate_id"],
            "insert",
            fields,
            row["updated_hlc"],
            author,
        )
        for row, fields in zip(full, encode_fields(full), strict=True)
    ]
    set_state(session, HLC_KEY, rec.clock.last)
    session.flush()
    connection = session.connection()
    placeholders = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(
        f"INSERT INTO {model.__table__.name} ({', '.join(c.name for c in columns)}) "
        f"VALUES ({placeholders})",
        entities,
    )
    connection.exec_driver_sql(
        "INSERT INTO sync_outbox (change_id, table_name, row_id, estate_id, kind, fields, hlc, "
        "author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        changes,
    )
