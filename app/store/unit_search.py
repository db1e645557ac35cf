"""The unit search index (FTS5 table ``unit_search``, kept by triggers from migration 0001)
and how to write many units and residents without paying its triggers row by row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.store.models import Resident, Unit

# An applied sync page or an import touching this many units and residents rebuilds the
# index once instead of through the triggers (an initial pull of 100,000 rows: ~1/3 less).
BULK_ROWS = 500


class DeferredSearchIndex:
    """Inside :func:`search_index_deferred`: units whose search row must be rebuilt."""

    def __init__(self, first_new_rowid: int) -> None:
        self.first_new_rowid = first_new_rowid
        self.touched: set[str] = set()

    def touch(self, unit_ids) -> None:
        self.touched.update(unit_ids)


@contextmanager
def search_index_deferred(session: Session) -> Iterator[DeferredSearchIndex]:
    """Write many units/residents without the per-row search triggers, then rebuild once.

    The triggers recompute a unit's search text on every unit and resident insert, which
    makes bulk loads several times slower. They are dropped and re-created inside the
    caller's transaction (SQLite DDL is transactional, so a failure restores them), and the
    text of new units (rowid above the current maximum) and of touched units is rebuilt with
    the same SELECT the trigger uses, taken from the schema so there is one definition.
    """
    triggers = session.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE :t"),
        {"t": "%unit_search%"},
    ).all()
    if not triggers:  # dropped for a first sync's load, which rebuilds the index at its end
        yield DeferredSearchIndex(0)
        return
    refresh = next(sql for name, sql in triggers if name == "units_search_au")
    insert = refresh[refresh.index("INSERT INTO unit_search") : refresh.rindex("END")].strip()
    insert = insert.rstrip(";")
    before = session.execute(text("SELECT coalesce(max(rowid), 0) FROM units")).scalar_one()
    for name, _sql in triggers:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    deferred = DeferredSearchIndex(before + 1)
    yield deferred
    session.flush()
    connection = session.connection()
    # the new units: one range of rowids (read in order, nothing to look up)
    first = deferred.first_new_rowid
    connection.exec_driver_sql("DELETE FROM unit_search WHERE rowid >= ?", (first,))
    connection.exec_driver_sql(insert.replace("u.id = NEW.id", "u.rowid >= ?"), (first,))
    # and the units held before that this write touched
    touched = list(deferred.touched)
    rowids: list[int] = []
    for start in range(0, len(touched), 5000):
        rowids += session.scalars(
            select(text("rowid"))
            .select_from(Unit)
            .where(Unit.id.in_(touched[start : start + 5000]), text("rowid < :first"))
            .params(first=first)
        ).all()
    if rowids:
        chosen = "u.rowid IN (SELECT value FROM json_each(?))"
        listed = (json.dumps(sorted(set(rowids))),)
        connection.exec_driver_sql(
            "DELETE FROM unit_search WHERE rowid IN (SELECT value FROM json_each(?))", listed
        )
        connection.exec_driver_sql(insert.replace("u.id = NEW.id", chosen), listed)
    for _name, sql in triggers:
        connection.exec_driver_sql(sql)


def search_index_deferred_for(
    session: Session, units: set[str], residents: set[str], units_are_new: bool = False
):
    """For a sync page about to write these units and residents: defer the index when the
    page is large and the database has the index (a desk's; the server's tables have none).
    ``units_are_new``: the page only inserts units the desk does not hold (a bulk load),
    which the rebuild finds by their rowids without looking them up."""
    if len(units) + len(residents) < BULK_ROWS or not _has_index(session):
        return nullcontext()
    return _deferred_page(session, set() if units_are_new else units, residents)


def _has_index(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    return bool(
        session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'units_search_au'")
        ).first()
    )


@contextmanager
def _deferred_page(session: Session, units: set[str], residents: set[str]) -> Iterator[None]:
    with search_index_deferred(session) as deferred:
        yield
        deferred.touch(units)
        ids = list(residents)
        for start in range(0, len(ids), 5000):
            deferred.touch(
                session.scalars(
                    select(Resident.unit_id).where(Resident.id.in_(ids[start : start + 5000]))
                )
            )
