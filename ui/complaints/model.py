"""The complaint list: the one lazily paged model (``ui.widgets.paged_model.PagedModel``)
reading pages through the complaint operations on the background runner.

Deadline words and colours are functions of (row, ``now``): the page sets a new ``now`` on
every clock tick, so a row turns from "due within 2 h" to "overdue" on its own. Which rows
an "overdue" filter picks is fixed by the moment the query was asked (``ListRequest.now``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple, TypeVar

from PySide6.QtCore import QCoreApplication, Qt

from app.memory import collector_paused
from app.services import complaints as service
from app.services.complaints import ComplaintQuery, ComplaintRow
from ui import formats
from ui.complaints.labels import DEADLINE_COLOURS, word
from ui.widgets.paged_model import Column, Loader, PagedModel, run_now

T = TypeVar("T")
COUNT_CAP = 500  # beyond this the list says "500+" and keeps fetching as it scrolls


class ListRequest(NamedTuple):
    query: ComplaintQuery
    now: datetime  # "overdue" and "due soon" filters as of this moment


def paused(work: Callable[..., T]) -> Callable[..., T]:
    """``work`` with Python's cycle collector paused while it runs on a worker thread.

    A collection started by a worker's allocations frees whatever cyclic garbage the UI
    thread left, Qt wrappers included, on that worker; shiboken then deletes their C++
    objects from the UI thread behind Qt's back, which crashed the application (a
    QTreeWidgetItem deleted twice). Paused, that garbage is collected on the UI thread.
    """

    def run(*args):
        with collector_paused():
            return work(*args)

    return run


def off_ui_thread(loader: Loader) -> Loader:
    """A paged model's loader whose reads run with the collector paused (``paused``)."""
    return lambda work, done, failed: loader(paused(work), done, failed)


class ComplaintTableModel(PagedModel):
    def __init__(self, db, now: datetime, parent=None, *, loader: Loader = run_now) -> None:
        self.now = now
        columns = [
            Column(
                "deadline",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Deadline"),
                self.deadline_text,
                self.deadline_tip,
            ),
            Column(
                "number",
                lambda: QCoreApplication.translate("ComplaintTableModel", "No."),
                lambda r: r.number + (" ↻" if r.is_repeat else ""),
                lambda r: (
                    QCoreApplication.translate("ComplaintTableModel", "Repeat complaint")
                    if r.is_repeat
                    else ""
                ),
            ),
            Column(
                "received",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Received"),
                lambda r: formats.local_time(r.received_at),
            ),
            Column(
                "unit",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Unit"),
                lambda r: r.unit,
            ),
            Column(
                "complainant",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Complainant"),
                lambda r: r.complainant,
                lambda r: r.phone_masked,
            ),
            Column(
                "category",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Category"),
                lambda r: word(r.category),
            ),
            Column(
                "severity",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Severity"),
                lambda r: word(r.severity),
            ),
            Column(
                "department",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Department"),
                lambda r: word(r.department) if r.department else "",
            ),
            Column(
                "status",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Status"),
                lambda r: word(r.status),
            ),
            Column(
                "content",
                lambda: QCoreApplication.translate("ComplaintTableModel", "Content"),
                lambda r: r.content.replace("\n", " ")[:60],
                lambda r: r.content,
            ),
        ]

        def count(request: ListRequest) -> int:
            return service.count(db, request.query, request.now, cap=COUNT_CAP)

        def read(request: ListRequest, offset: int, limit: int) -> list[ComplaintRow]:
            return service.read_page(db, request.query, offset, limit, request.now)

        super().__init__(columns, count, read, parent, loader=loader, count_cap=COUNT_CAP)

    def deadline_text(self, row: ComplaintRow) -> str:
        state = row.deadline_state(self.now)
        if state == "done":
            # closed, or waiting for a step without a deadline (closing after the visit)
            return word("done") if row.status == "closed" else "—"
        return f"{word(state)} · {formats.local_time(row.next_due)[5:]}"

    def deadline_tip(self, row: ComplaintRow) -> str:
        if not row.next_kind:
            return ""
        return f"{word(row.next_kind)} {formats.local_time(row.next_due)}"

    def set_now(self, now: datetime) -> None:
        """Re-evaluate every deadline word and colour at ``now`` (the clock ticked)."""
        self.now = now
        if self.rows:
            column = self.column_of("deadline")
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self.rows) - 1, column),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            key = self.columns[index.column()].key
            if key == "deadline":
                return DEADLINE_COLOURS[row.deadline_state(self.now)]
            if key == "severity" and row.severity in ("major", "A"):
                return DEADLINE_COLOURS["overdue"]
            return None
        return super().data(index, role)
