"""The small lists of the Sync page: recent runs, changes set aside, conflicts to settle.

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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sync.overview import KeptConflict, RejectedChange, SyncRun
from ui import formats
from ui.sync_page.labels import describe_sync, field_label, server_reason, table_label


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


def _reason_tip(row: RejectedChange) -> str:
    return row.reason


class RejectedModel(ListTableModel):
    columns = (
        (QT_TRANSLATE_NOOP("SyncLists", "Kind"), lambda r: table_label(r.table), None),
        (QT_TRANSLATE_NOOP("SyncLists", "Record"), _record, _record_tip),
        # in words; the tip keeps the server's particulars (which field, which limit)
        (QT_TRANSLATE_NOOP("SyncLists", "Reason"), lambda r: server_reason(r.reason), _reason_tip),
        (
            QT_TRANSLATE_NOOP("SyncLists", "Refused at"),
            lambda r: formats.local_time(r.rejected_at),
            None,
        ),
    )


def _who(here: bool, person: str, desk: str, at) -> str:
    """Who wrote a value, on which desk, and when: "王经理 · 前台一（本机） · 12-01 09:30"."""
    if desk and here:
        desk = QCoreApplication.translate("SyncLists", "%1 (this computer)").replace("%1", desk)
    elif not desk:
        desk = (
            QCoreApplication.translate("SyncLists", "this computer")
            if here
            else QCoreApplication.translate("SyncLists", "another desk")
        )
    parts = [person, desk, formats.local_time(at) if at is not None else ""]
    return " · ".join(p for p in parts if p)


def conflict_record(row: KeptConflict) -> str:
    """The row in words and the field: "3栋 1单元 1302 · 面积"."""
    return f"{_record(row)} · {field_label(row.field)}"


class ConflictsModel(ListTableModel):
    columns = (
        (QT_TRANSLATE_NOOP("SyncLists", "Kind"), lambda r: table_label(r.table), None),
        (QT_TRANSLATE_NOOP("SyncLists", "Record"), conflict_record, _record_tip),
        (QT_TRANSLATE_NOOP("SyncLists", "Value now"), lambda r: r.kept_value, None),
        (
            QT_TRANSLATE_NOOP("SyncLists", "Written by"),
            lambda r: _who(r.kept_here, r.kept_by, r.kept_desk, r.kept_at),
            None,
        ),
        (QT_TRANSLATE_NOOP("SyncLists", "Value overwritten"), lambda r: r.lost_value, None),
        (
            QT_TRANSLATE_NOOP("SyncLists", "Written by"),
            lambda r: _who(r.lost_here, r.lost_by, r.lost_desk, r.lost_at),
            None,
        ),
    )


def _moved(run: SyncRun) -> str:
    parts = [
        QCoreApplication.translate("SyncLists", "%1 sent, %2 received")
        .replace("%1", f"{run.pushed:,}")
        .replace("%2", f"{run.pulled:,}")
    ]
    if run.files:
        parts.append(
            QCoreApplication.translate("SyncLists", "%1 file(s)").replace("%1", str(run.files))
        )
    if run.conflicts:
        parts.append(
            QCoreApplication.translate("SyncLists", "%1 conflict(s)").replace(
                "%1", str(run.conflicts)
            )
        )
    if run.rejected:
        parts.append(
            QCoreApplication.translate("SyncLists", "%1 set aside").replace("%1", str(run.rejected))
        )
    return QCoreApplication.translate("SyncLists", ", ").join(parts)


def _outcome(run: SyncRun) -> str:
    if run.error is None:
        return QCoreApplication.translate("SyncLists", "Finished")
    return describe_sync(run.error)


class RunsModel(ListTableModel):
    columns = (
        (QT_TRANSLATE_NOOP("SyncLists", "When"), lambda r: formats.local_time(r.at), None),
        (QT_TRANSLATE_NOOP("SyncLists", "What moved"), _moved, None),
        (QT_TRANSLATE_NOOP("SyncLists", "Took"), lambda r: f"{r.seconds:.1f} s", None),
        (QT_TRANSLATE_NOOP("SyncLists", "Outcome"), _outcome, None),
    )


def list_box(owner: QWidget, model: ListTableModel, empty_text: str):
    """A titled box with a table of ``model``, and a hint shown instead while it is empty."""
    box = QGroupBox()
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(owner.fontMetrics().height() + 10)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setWordWrap(False)
    empty = QLabel(empty_text)
    empty.setProperty("role", "hint")
    empty.setWordWrap(True)
    empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    layout = QVBoxLayout(box)
    layout.addWidget(empty)
    layout.addWidget(table, 1)
    return box, table, empty


QWIDGETSIZE_MAX = 16777215


def show_list(model: ListTableModel, table: QTableView, empty: QLabel, rows: list) -> None:
    """Rows in a box of ``list_box``: the table, or its hint while there are none."""
    model.set_rows(rows)
    table.setVisible(bool(rows))
    empty.setVisible(not rows)
    # an empty list is one line of text; the others get the room
    box = table.parentWidget()
    box.setMaximumHeight(box.sizeHint().height() if not rows else QWIDGETSIZE_MAX)
    if rows:
        table.resizeColumnsToContents()
        for column in range(model.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), 260))
