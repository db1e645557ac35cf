"""Table models for lists: one lazily paged model, one small static model, their columns.

``PagedModel`` reads its rows through two operation callables, ``count(query) -> int`` and
``read(query, offset, limit) -> list`` of plain rows (each with an ``id``); it holds no
database. Rows are read a page at a time as the view scrolls (Qt's canFetchMore /
fetchMore). Where the reads run is the ``loader``'s business: ``run_now`` calls them
directly (tests, tiny lists), ``on_runner(ctx.runner, parent)`` runs them on the background
runner and hands the rows back on the UI thread. A new query or a reload bumps a
generation number, so pages of an older query arriving late are dropped.

The data may change between two reads (another desk's sync, a delete): a page that comes
back short ends the list, rows already shown are not shown twice, and the total follows
the rows actually read. ``count_cap`` makes a long count stop early (the list says "500+").

``StaticModel`` shows a short list given whole (residents of a unit, a preview).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

PAGE_SIZE = 200
T = TypeVar("T")
# loader(work, done, failed): run ``work``, then ``done(result)`` or ``failed(error)``
Loader = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def run_now(work: Callable[[], T], done: Callable[[T], None], failed=None) -> None:
    """Read on the calling thread (lists that are always small, tests); errors propagate."""
    done(work())


def on_runner(runner, parent) -> Loader:
    """Read through the background runner (``ctx.runner``); results on the UI thread, an
    error shown to the user in their language (and the list left as it was)."""
    from ui.widgets.ops import show_error

    def load(work: Callable[[], T], done: Callable[[T], None], failed) -> None:
        def fail(error: BaseException) -> None:
            failed(error)
            show_error(parent, error)

        runner.query(parent, lambda _progress: work()).success(done).failure(fail).run()

    return load


@dataclass(frozen=True)
class Column:
    """One column: its key, its title (called when shown, so it is translated then), the
    text of a row, and optionally the tooltip and a right alignment (numbers)."""

    key: str
    title: Callable[[], str]
    text: Callable[[Any], Any]
    tooltip: Callable[[Any], str] | None = None
    right: bool = False


class _ColumnsModel(QAbstractTableModel):
    """Rows shown through ``Column`` definitions; ``UserRole`` is the row's id and
    ``ROW_ROLE`` the row itself (delegates format it)."""

    ROW_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == row_id), -1)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return RIGHT
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(row)
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        if role == self.ROW_ROLE:
            return row
        return None


class StaticModel(_ColumnsModel):
    """A short list given whole: ``set_rows(rows)``."""

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()


class PagedModel(_ColumnsModel):
    """A long list read a page at a time through ``count`` and ``read`` (see the module)."""

    loaded = Signal()  # a query's count and first rows are in (after set_query / reload)
    fetched = Signal()  # a further page is in

    def __init__(
        self,
        columns: Sequence[Column],
        count: Callable[[Any], int],
        read: Callable[[Any, int, int], list],
        parent: QObject | None = None,
        *,
        loader: Loader = run_now,
        page_size: int = PAGE_SIZE,
        count_cap: int | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self.count = count
        self.read = read
        self.loader = loader
        self.page_size = page_size
        self.count_cap = count_cap
        self.query: Any = None
        self.total = 0
        self.more = False  # more rows than counted (the count was capped)
        self.loading = False
        self._generation = 0
        self._fetching = False

    # ---- queries ----

    def set_query(self, query: Any) -> None:
        """Count and read the first page of ``query``; ``loaded`` when they are in."""
        self.query = query
        self._load(self.page_size)

    def reload(self) -> None:
        """Read the same query again, as many rows as are shown now (data changed)."""
        if self.query is not None:
            self._load(max(self.page_size, len(self.rows)))

    def _load(self, limit: int) -> None:
        self._generation += 1
        generation, query = self._generation, self.query
        count, read = self.count, self.read
        self.loading = True
        self._fetching = False

        def work():
            total = count(query)
            return total, (read(query, 0, limit) if total else [])

        self.loader(work, lambda result: self._loaded(generation, limit, *result), self._failed)

    def _failed(self, _error: BaseException) -> None:
        # stop asking (the view would retry at once); the next reload or query starts over
        self.loading = self._fetching = False
        self.total, self.more = len(self.rows), False

    def _loaded(self, generation: int, limit: int, total: int, rows: list) -> None:
        if generation != self._generation:
            return  # a newer query or reload was asked for meanwhile
        self.beginResetModel()
        self.rows = _unique(rows)
        capped = self.count_cap is not None and total > self.count_cap
        self.more = capped and len(rows) >= limit
        # rows may have gone between the count and the read: trust what was read
        self.total = len(self.rows) if len(rows) < limit else max(total, len(self.rows))
        self.endResetModel()
        self.loading = False
        self.loaded.emit()

    # ---- Qt's lazy fetching ----

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return (
            not parent.isValid() and not self.loading and (len(self.rows) < self.total or self.more)
        )

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self.query is None or self._fetching or self.loading:
            return
        self._fetching = True
        generation, query, offset = self._generation, self.query, len(self.rows)
        read, limit = self.read, self.page_size
        self.loader(
            lambda: read(query, offset, limit),
            lambda rows: self._fetched(generation, offset, rows),
            self._failed,
        )

    def _fetched(self, generation: int, offset: int, rows: list) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if offset != len(self.rows):
            return  # the list was reset meanwhile
        if len(rows) < self.page_size:
            self.more = False
        known = {r.id for r in self.rows}
        fresh = [r for r in _unique(rows) if r.id not in known]
        if fresh:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()
        if len(rows) < self.page_size:
            self.total = len(self.rows)  # the data shrank meanwhile; stop asking
        else:
            self.total = max(self.total, len(self.rows))
        self.fetched.emit()


def _unique(rows: list) -> list:
    seen: set = set()
    kept = []
    for row in rows:
        if row.id not in seen:
            seen.add(row.id)
            kept.append(row)
    return kept
