"""Import units and residents from CSV/XLSX: a preview listing every bad row with its
reason before anything is written; Import stays disabled while there are errors.

Reading the file and writing it run on the background runner with progress; the write
can be cancelled between batches (nothing is kept: it is one unit of work).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import Cancelled
from app.services import importer
from ui.context import AppContext
from ui.messages import describe
from ui.widgets.fields import banner

PREVIEW_ROWS = 500  # the preview shows the first rows; every error is always listed


def _row_fields(row) -> dict:
    if dataclasses.is_dataclass(row):
        return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    return {k: v for k, v in vars(row).items() if not k.startswith("_")}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self.result = None
        self.setWindowTitle(self.tr("Import units and residents"))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("A .csv or .xlsx file with a header row"))
        self.path.returnPressed.connect(self.load)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.browse)
        pick = QHBoxLayout()
        pick.addWidget(self.path, 1)
        pick.addWidget(browse)
        hint = QLabel(
            self.tr(
                "Columns (English or Chinese headers): building/楼栋, entrance/单元, room/房号, "
                "floor/楼层, area_m2/建筑面积, kind/类型, owner_name/业主姓名, owner_phone/联系电话, "
                "handover_date/交房日期, vacant_since/空置起始, vacancy_approved/空置减免. "
                "Nothing is written unless every row is valid; importing the same file again changes nothing."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.errors = QTableWidget(0, 3)
        self.errors.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Column"), self.tr("Problem")]
        )
        self.rows = QTableWidget(0, 0)
        for table in (self.errors, self.rows):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            table.setAlternatingRowColors(True)
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.rows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.errors, self.tr("Problems"))
        self.tabs.addTab(self.rows, self.tr("Rows"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setProperty("primary", True)
        self.import_button.setEnabled(False)
        self.import_button.setToolTip(self.tr("Choose a file first"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(860, 560)
        self.busy = False  # reading or writing in the background

    def column_titles(self) -> dict[str, str]:
        return {
            "line": self.tr("Line"),
            "building": self.tr("Building"),
            "entrance": self.tr("Entrance"),
            "room": self.tr("Room"),
            "floor": self.tr("Floor"),
            "area_m2": self.tr("Area (m²)"),
            "kind": self.tr("Kind"),
            "owner_name": self.tr("Owner"),
            "owner_phone": self.tr("Owner phone"),
            "handover_date": self.tr("Handover date"),
            "vacant_since": self.tr("Vacant since"),
            "vacancy_approved": self.tr("Vacancy discount"),
        }

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a units file"),
            str(Path.home()),
            self.tr("Units files (*.csv *.xlsx)"),
        )
        if path:
            self.path.setText(path)
            self.load()

    def load(self) -> None:
        """Read and check the file in the background; writes nothing."""
        path = Path(self.path.text().strip())
        self.preview = None
        self.import_button.setEnabled(False)
        if not path.is_file():
            banner("banner-error", self.tr("No file at %1").replace("%1", str(path)), self.summary)
            return
        self._set_busy(True)
        (
            self.ctx.runner.query(self, lambda _p: importer.read_units_file(path))
            .with_progress(self.tr("Reading %1…").replace("%1", path.name))
            .success(self._show)
            .failure(self._read_failed)
            .finally_(lambda: self._set_busy(False))
            .run()
        )

    def _read_failed(self, error: BaseException) -> None:
        banner(
            "banner-error",
            self.tr("Could not read the file: %1").replace("%1", describe(error)),
            self.summary,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.path.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
        else:
            preview = self.preview
            self.import_button.setEnabled(preview is not None and preview.ok)

    def _show(self, preview) -> None:
        self.preview = preview
        errors = list(preview.errors)
        self.errors.setRowCount(len(errors))
        for row, error in enumerate(errors):
            for column, value in enumerate((error.line or "", error.column, describe(error.error))):
                self.errors.setItem(row, column, QTableWidgetItem(_text(value)))
        self.errors.resizeColumnsToContents()
        rows = list(preview.rows)
        shown = rows[:PREVIEW_ROWS]
        names = list(_row_fields(shown[0])) if shown else []
        headers = self.column_titles()
        self.rows.setColumnCount(len(names))
        self.rows.setHorizontalHeaderLabels([headers.get(n, n) for n in names])
        self.rows.setRowCount(len(shown))
        for r, item in enumerate(shown):
            for c, value in enumerate(_row_fields(item).values()):
                self.rows.setItem(r, c, QTableWidgetItem(_text(value)))
        if errors:
            banner(
                "banner-error",
                self.tr(
                    "%1 problem(s) in the file: fix them in the file and choose it again. Nothing has been written."
                ).replace("%1", f"{len(errors):,}"),
                self.summary,
            )
            self.tabs.setCurrentWidget(self.errors)
            self.import_button.setToolTip(self.tr("Fix the problems listed first"))
        elif not rows:
            banner("banner-error", self.tr("The file has no rows to import."), self.summary)
            self.import_button.setToolTip(self.tr("The file has no rows to import."))
        else:
            banner(
                "banner-ok",
                self.tr("%1 row(s) ready to import.").replace("%1", f"{len(rows):,}"),
                self.summary,
            )
            self.tabs.setCurrentWidget(self.rows)
            self.import_button.setToolTip("")
        self.import_button.setEnabled(not errors and bool(rows))

    def apply(self) -> None:
        """Write the checked file in the background (Cancel between batches keeps nothing)."""
        if self.busy or self.preview is None or not self.preview.ok:
            return
        preview, db, estate_id = self.preview, self.ctx.db, self.ctx.estate_id
        self._set_busy(True)
        (
            self.ctx.runner.write(
                self, lambda progress: importer.import_units(db, estate_id, preview, progress)
            )
            .with_progress(self.tr("Importing…"), cancellable=True)
            .success(self._written)
            .failure(self._write_failed)
            .finally_(lambda: self._set_busy(False))
            .run()
        )

    def _written(self, result) -> None:
        self.result = result
        self.accept()

    def _write_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            text = self.tr("Import cancelled, nothing was written.")
        else:  # all or nothing: the unit of work rolled back
            text = self.tr("Import failed, nothing was written: %1").replace("%1", describe(error))
        banner("banner-error", text, self.summary)

    def reject(self) -> None:
        if not self.busy:  # Esc while writing: the progress dialog's Cancel stops it
            super().reject()

    def result_text(self) -> str:
        r = self.result
        return (
            self.tr("Imported: %1 new, %2 updated, %3 unchanged")
            .replace("%1", f"{r.created:,}")
            .replace("%2", f"{r.updated:,}")
            .replace("%3", f"{r.unchanged:,}")
        )
