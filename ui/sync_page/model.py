"""The small lists of the Sync page: changes the server refused, conflicts kept.

Both are capped (sync.overview.LIST_LIMIT newest rows), so plain list models do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from sync.overview import KeptConflict, RejectedChange
from ui import formats
from ui.sync_page.labels import field_label, sync_message, table_label


class ListTableModel(QAbstractTableModel):
    """Rows of one dataclass; ``columns`` is (header, cell text, tooltip or None)."""

    columns: Sequence[tuple[str, Callable[[Any], str], Callable[[Any], str] | None]] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SyncLists", self.columns[section][0])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        _header, text, tip = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (tip or text)(row)
        return None


def _record(row: RejectedChange | KeptConflict) -> str:
    return row.record or row.row_id[:8]


def _record_tip(row: RejectedChange | KeptConflict) -> str:
    return f"{table_label(row.table)} {row.record} ({row.row_id})".replace("  ", " ")


class RejectedModel(ListTableModel):
    columns = (
        (QT_TRANSLATE_NOOP("SyncLists", "Kind"), lambda r: table_label(r.table), None),
        (QT_TRANSLATE_NOOP("SyncLists", "Record"), _record, _record_tip),
        (QT_TRANSLATE_NOOP("SyncLists", "Reason"), lambda r: sync_message(r.reason), None),
        (
            QT_TRANSLATE_NOOP("SyncLists", "Refused at"),
            lambda r: formats.local_time(r.rejected_at),
            None,
        ),
    )


class ConflictsModel(ListTableModel):
    columns = (
        (QT_TRANSLATE_NOOP("SyncLists", "Kind"), lambda r: table_label(r.table), None),
        (QT_TRANSLATE_NOOP("SyncLists", "Record"), _record, _record_tip),
        (QT_TRANSLATE_NOOP("SyncLists", "Field"), lambda r: field_label(r.field), None),
        (QT_TRANSLATE_NOOP("SyncLists", "Value kept"), lambda r: r.kept_value, None),
        (QT_TRANSLATE_NOOP("SyncLists", "Value overwritten"), lambda r: r.lost_value, None),
        (
            QT_TRANSLATE_NOOP("SyncLists", "Found at"),
            lambda r: formats.local_time(r.detected_at),
            None,
        ),
    )
