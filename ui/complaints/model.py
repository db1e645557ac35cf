"""The complaint list as a lazy table model: pages of rows fetched from SQL as the view scrolls."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from app.services.complaints import (
    ComplaintQuery,
    ComplaintRow,
    count_complaints,
    page_complaints,
)
from ui import formats
from ui.complaints.labels import DEADLINE_COLOURS, word
from ui.widgets.paged_model import PagedTableModel

COUNT_CAP = 500  # beyond this the list says "500+" and keeps fetching as it scrolls


class ComplaintTableModel(PagedTableModel):
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

    count_cap = COUNT_CAP

    def __init__(self, db, parent=None) -> None:
        super().__init__(db, parent)
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

    def before_query(self) -> None:
        self.now = datetime.now(UTC)  # deadline states and "overdue" as of this query

    def count_rows(self, session, query: ComplaintQuery) -> int:
        return count_complaints(session, query, self.now, cap=COUNT_CAP)

    def read_page(self, session, query: ComplaintQuery, offset: int, limit: int) -> list:
        return page_complaints(session, query, offset, limit, self.now)

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
