"""The reception lists' table model: rows given whole (frozen results of the operations),
columns as (header, text of a row, alignment), an optional colour per row, and a "now"
for columns that show a deadline state (re-evaluated on the clock's tick)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDateTime, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from ui.reception.labels import word

LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any, datetime], str]
    align: int = LEFT
    colour: Callable[[Any, datetime], QColor | None] | None = None


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], now: datetime, parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.now = now

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        self.now = now
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def find(self, row_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if getattr(r, "id", None) == row_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row, self.now)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return column.colour(row, self.now)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


# ---- form helpers shared by the tabs ----


def fill_combo(combo: QComboBox, codes, blank: str | None = None) -> None:
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for code in codes:
        combo.addItem(word(code), code)


def qt_time(moment) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def py_time(value: QDateTime):
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)
