"""The complaint list as a lazy table model: pages of rows fetched from SQL as the view scrolls."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.services.complaints import (
    ComplaintQuery,
    ComplaintRow,
    count_complaints,
    page_complaints,
)
from app.store.db import Database
from ui import formats
from ui.complaints.labels import DEADLINE_COLOURS, word

PAGE_SIZE = 200
COUNT_CAP = 500  # beyond this the list says "500+" and keeps fetching as it scrolls


class ComplaintTableModel(QAbstractTableModel):
    COLUMNS = (
        "deadline",
        "number",
        "received",
        "unit",
        "complainant",
        "category",
        "severity",
        "department",
        "status",
        "content",
    )

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.query: ComplaintQuery | None = None
        self.rows: list[ComplaintRow] = []
        self.total = 0
        self.more = False  # more rows than counted (the count was capped)
        self.now = datetime.now(UTC)

    def headers(self) -> list[str]:
        return [
            self.tr("Deadline"),
            self.tr("No."),
            self.tr("Received"),
            self.tr("Unit"),
            self.tr("Complainant"),
            self.tr("Category"),
            self.tr("Severity"),
            self.tr("Department"),
            self.tr("Status"),
            self.tr("Content"),
        ]

    def set_query(self, query: ComplaintQuery) -> None:
        self.beginResetModel()
        self.query = query
        self.now = datetime.now(UTC)
        with self.db.session() as s:
            self.total = count_complaints(s, query, self.now, cap=COUNT_CAP)
            self.rows = page_complaints(s, query, 0, PAGE_SIZE, self.now) if self.total else []
        self.more = self.total > COUNT_CAP
        self.endResetModel()

    def reload(self) -> None:
        if self.query is not None:
            self.set_query(self.query)

    def row_at(self, row: int) -> ComplaintRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, complaint_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == complaint_id), -1)

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
            more = page_complaints(s, self.query, len(self.rows), PAGE_SIZE, self.now)
        if len(more) < PAGE_SIZE:
            self.more = False
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.total = max(self.total, len(self.rows))
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def deadline_text(self, row: ComplaintRow) -> str:
        state = row.deadline_state(self.now)
        if state == "done":
            # closed, or waiting for a step without a deadline (closing after the visit)
            return word("done") if row.status == "closed" else "—"
        return f"{word(state)} · {formats.local_time(row.next_due)[5:]}"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "deadline": self.deadline_text(row),
                "number": row.number + (" ↻" if row.is_repeat else ""),
                "received": formats.local_time(row.received_at),
                "unit": row.unit,
                "complainant": row.complainant,
                "category": word(row.category),
                "severity": word(row.severity),
                "department": word(row.department) if row.department else "",
                "status": word(row.status),
                "content": row.content.replace("\n", " ")[:60],
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == "deadline":
            return DEADLINE_COLOURS[row.deadline_state(self.now)]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == "severity"
            and row.severity
            in (
                "major",
                "A",
            )
        ):
            return DEADLINE_COLOURS["overdue"]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "deadline" and row.next_kind:
                return f"{word(row.next_kind)} {formats.local_time(row.next_due)}"
            if column == "content":
                return row.content
            if column == "complainant":
                return row.phone_masked
            if column == "number" and row.is_repeat:
                return self.tr("Repeat complaint")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
