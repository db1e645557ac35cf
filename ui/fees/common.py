"""Pieces the fee tabs share: a tab that reads through the background runner and
re-reads when a commit touches its tables, tables of plain rows with money columns,
the building filter, the month picker, and writing a table to a file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDateEdit, QHeaderView, QLabel, QTableView, QWidget

from app.progress import Progress
from app.services.fees import reports
from ui.context import AppContext
from ui.widgets.changes import on_changes
from ui.widgets.delegates import MoneyDelegate
from ui.widgets.ops import show_error
from ui.widgets.paged_model import Column, StaticModel
from ui.widgets.refresh import RefreshWhenShown

# a sync applies many pages in a row: one re-read after the last of a burst
CHANGES_DELAY_MS = 150


class FeeTab(RefreshWhenShown, QWidget):
    """A tab whose ``refresh()`` reads through ``read`` (off the UI thread) and shows the
    newest answer only; a commit touching ``TABLES`` (local or pulled by sync) marks it
    stale and re-reads it if it is on screen."""

    TABLES: tuple[str, ...] = ()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False
        self._generation = 0
        self._changed = QTimer(self)
        self._changed.setSingleShot(True)
        self._changed.setInterval(CHANGES_DELAY_MS)
        self._changed.timeout.connect(self.refresh_soon)
        if self.TABLES:
            on_changes(ctx.changes, self, self.TABLES, lambda _changes: self._changed.start())

    def refresh(self) -> None:
        raise NotImplementedError

    def read(self, work: Callable[[Progress], Any], show: Callable[[Any], None]) -> None:
        """Run ``work`` on the runner's read pool; ``show(result)`` unless a newer read
        was asked for meanwhile."""
        self._generation += 1
        generation = self._generation
        self.loading = True

        def done(result: Any) -> None:
            if generation == self._generation:
                self.loading = False
                show(result)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                show_error(self, error)

        self.ctx.runner.query(self, work).success(done).failure(failed).run()

    @property
    def user(self) -> str:
        return self.ctx.user_name or self.ctx.user_login


def table_view(model: StaticModel, parent: QWidget | None = None) -> QTableView:
    """A read-only list of whole rows; money columns (right-aligned ones holding Decimals)
    drawn by the shared money delegate: ¥1,234.56, negatives in red."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    delegate = MoneyDelegate(view)
    for number, column in enumerate(model.columns):
        if column.right:
            view.setItemDelegateForColumn(number, delegate)
    return view


def selected_rows(view: QTableView) -> list[Any]:
    """The rows selected in ``view`` (plain values of its model), in list order."""
    model = view.model()
    numbers = sorted({i.row() for i in view.selectionModel().selectedRows()})
    return [model.row_at(n) for n in numbers if model.row_at(n) is not None]


def current_row(view: QTableView) -> Any:
    chosen = selected_rows(view)
    return chosen[0] if chosen else None


def empty_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "empty")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class BuildingFilter(QComboBox):
    """ "All buildings" then the estate's buildings; refilled when buildings change."""

    def __init__(self, ctx: AppContext, any_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.any_text = any_text
        self.fill()
        on_changes(ctx.changes, self, ("buildings",), lambda _c: self.fill())

    def fill(self) -> None:
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.any_text, None)
        for building in reports.buildings(self.ctx.db, self.ctx.estate_id):
            self.addItem(building.name, building.id)
        self.setCurrentIndex(max(self.findData(current), 0))
        self.blockSignals(False)


def local_today(ctx: AppContext, tz: str = "Asia/Shanghai") -> date:
    """Today at the estate (its time zone), from the context's clock."""
    return ctx.clock.now().astimezone(ZoneInfo(tz)).date()


class FollowsToday:
    """A day picker that moves to the new day at midnight (the clock's minute tick) while
    the user has left it on today; a day the user chose stays."""

    def __init__(self, ctx: AppContext, edit: QDateEdit) -> None:
        self.ctx, self.edit = ctx, edit
        self.today = local_today(ctx)
        ctx.ticker.ticked.connect(self._ticked)

    def _ticked(self, _now) -> None:
        today = local_today(self.ctx)
        if today != self.today and shiboken6.isValid(self.edit):
            if self.edit.date().toPython() == self.today:
                self.edit.setDate(QDate(today.year, today.month, today.day))
            self.today = today


def month_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, 1))
    edit.setDisplayFormat("yyyy-MM")
    edit.setCalendarPopup(True)
    return edit


def day_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def period_text(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM")


def as_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


def table_values(columns: Sequence[Column], rows: Sequence[Any]) -> list[tuple[Any, ...]]:
    return [tuple(column.text(row) for column in columns) for row in rows]


def save_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    """XLSX (amounts as exact decimal numbers) or CSV (two decimals), by the file's suffix."""
    from app.services.fees.reports import write_table

    def cell(value):
        if isinstance(value, Decimal):
            return f"{value:.2f}" if path.suffix.lower() == ".csv" else value
        return value.isoformat() if isinstance(value, date) else value

    write_table(path, list(headers), [tuple(cell(v) for v in row) for row in rows])
    return path
