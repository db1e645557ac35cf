"""Pieces shared by the fee tabs: a read-only table model with money columns, a building
filter, a month picker, and file export of a table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDateEdit, QHeaderView, QTableView, QWidget

from app.services.units import building_tree
from ui import formats

_NEGATIVE = QColor("#c0392b")


class RowsModel(QAbstractTableModel):
    """Rows of plain values; Decimals show as ¥1,234.56, right-aligned, negatives in red."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[Any, ...]] = []
        self.keys: list[Any] = []

    def set_rows(self, rows: list[tuple[Any, ...]], keys: list[Any] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.keys = keys if keys is not None else [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, Decimal):
                return formats.money(value)
            if isinstance(value, date):
                return value.isoformat()
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, Decimal):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(value, Decimal) and value < 0:
            return _NEGATIVE
        return None


def table_view(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)
    return view


def building_combo(session, estate_id: str, any_text: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(any_text, None)
    for node in building_tree(session, estate_id):
        combo.addItem(node.name, node.id)
    return combo


def month_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, 1))
    edit.setDisplayFormat("yyyy-MM")
    edit.setCalendarPopup(True)
    return edit


def period_text(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM")


def as_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


def save_table(path: Path, headers: list[str], rows: list[tuple[Any, ...]]) -> None:
    """XLSX (amounts as exact decimal numbers) or CSV (two decimals), by the file's suffix."""
    from app.commands.fees import write_table

    def cell(value):
        if isinstance(value, Decimal):
            return f"{value:.2f}" if path.suffix.lower() == ".csv" else value
        return value.isoformat() if isinstance(value, date) else value

    write_table(path, headers, [tuple(cell(v) for v in row) for row in rows])


def hint_label_style(widget: QWidget, role: str = "hint") -> QWidget:
    widget.setProperty("role", role)
    return widget
