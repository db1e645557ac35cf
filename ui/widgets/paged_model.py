"""A list that fetches its rows from SQL a page at a time as the view scrolls.

Subclasses say how to count and how to read one page for their query; this class keeps
the rows read so far and answers Qt's canFetchMore/fetchMore. A count may be capped
(``count_cap``): the list then says "500+" and keeps fetching while pages come back full.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex

from app.store.db import Database

PAGE_SIZE = 200


class PagedTableModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()
    count_cap: int | None = None  # None: count exactly

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.query: Any = None
        self.rows: list[Any] = []
        self.total = 0
        self.more = False  # more rows than counted (the count was capped)

    # ---- what a subclass provides ----

    def count_rows(self, session, query) -> int:
        raise NotImplementedError

    def read_page(self, session, query, offset: int, limit: int) -> list:
        raise NotImplementedError

    def before_query(self) -> None:
        """Called before a new query is counted and read (e.g. to fix "now")."""

    # ---- the rows ----

    def set_query(self, query) -> None:
        self.beginResetModel()
        self.query = query
        self.before_query()
        with self.db.session() as s:
            self.total = self.count_rows(s, query)
            self.rows = self.read_page(s, query, 0, PAGE_SIZE) if self.total else []
        self.more = self.count_cap is not None and self.total > self.count_cap
        self.endResetModel()

    def reload(self) -> None:
        if self.query is not None:
            self.set_query(self.query)

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == row_id), -1)

    # ---- Qt model ----

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and (len(self.rows) < self.total or self.more)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self.query is None:
            return
        with self.db.session() as s:
            more = self.read_page(s, self.query, len(self.rows), PAGE_SIZE)
        if len(more) < PAGE_SIZE:
            self.more = False
        if not more:
            self.total = len(self.rows)  # the data shrank meanwhile; stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()
        self.total = max(self.total, len(self.rows))
