"""Import opening balances (期初余额): choose the estate's file, see every row and every
problem, import all rows or none, once. Finance lead or director only.

Reading and writing run on the runner; the words come from the message catalogue
(``ui/messages/fees_opening.py``), in the user's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
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
    QVBoxLayout,
    QWidget,
)

from app.services.fees import opening_import
from app.services.fees.opening import ARREARS, DEPOSIT, PREPAYMENT, write_template
from ui import formats
from ui.context import AppContext
from ui.fees.common import local_today
from ui.messages import describe, message
from ui.widgets.fields import banner
from ui.widgets.permits import may

PERMISSION = "fees.opening"
# the preview's columns: (row field, catalogue code of its title)
COLUMNS = (
    ("line", "opening.ui.col.line"),
    ("unit_code", "opening.ui.col.unit"),
    ("arrears", "opening.ui.col.arrears"),
    ("arrears_fee", "opening.ui.col.fee"),
    ("arrears_period", "opening.ui.col.period"),
    ("prepayment", "opening.ui.col.prepayment"),
    ("deposit", "opening.ui.col.deposit"),
    ("deposit_kind", "opening.ui.col.deposit_kind"),
    ("problem", "opening.ui.col.problem"),
)


class OpeningBalancesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self.result = None
        self.busy = False
        self.setWindowTitle(message("opening.ui.title"))
        intro = QLabel(message("opening.ui.intro"))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.path = QLineEdit()
        self.path.setPlaceholderText(message("opening.ui.no_file"))
        self.path.returnPressed.connect(self.load)
        browse = QPushButton(message("opening.ui.choose"))
        browse.clicked.connect(self.browse)
        template = QPushButton(message("opening.ui.template"))
        template.clicked.connect(self.save_template)
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        today = local_today(ctx)
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.as_of.dateChanged.connect(lambda _d: self.load() if self.path.text() else None)
        pick = QHBoxLayout()
        pick.addWidget(self.path, 1)
        pick.addWidget(browse)
        pick.addWidget(template)
        pick.addWidget(QLabel(message("opening.ui.as_of")))
        pick.addWidget(self.as_of)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([message(code) for _f, code in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            message("opening.ui.import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setProperty("primary", True)
        self.import_button.setEnabled(False)
        close = buttons.addButton(
            message("opening.ui.cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        close.clicked.connect(self.reject)
        buttons.accepted.connect(self.apply)
        self.allowed = may(ctx, PERMISSION)
        if not self.allowed:
            self.import_button.setToolTip(message("opening.ui.not_allowed"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 600)

    # ---- choosing and reading ----

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, message("opening.ui.title"), str(Path.home()), "XLSX / CSV (*.xlsx *.csv)"
        )
        if path:
            self.path.setText(path)
            self.load()

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            message("opening.ui.template"),
            str(Path.home() / "期初余额模板.xlsx"),
            "XLSX (*.xlsx);;CSV (*.csv)",
        )
        if path:
            self.ctx.runner.query(self, lambda _p: write_template(Path(path))).run()

    def as_of_day(self):
        return self.as_of.date().toPython()

    def load(self) -> None:
        """Read and check the file in the background; writes nothing."""
        path = Path(self.path.text().strip())
        self.preview = None
        self.import_button.setEnabled(False)
        db, estate_id, as_of = self.ctx.db, self.ctx.estate_id, self.as_of_day()
        self._set_busy(True)
        (
            self.ctx.runner.query(
                self, lambda _p: opening_import.preview_opening_file(db, estate_id, path, as_of)
            )
            .with_progress(message("opening.ui.reading", {"file": path.name}))
            .success(self.show_preview)
            .failure(lambda error: banner("banner-error", describe(error), self.summary))
            .finally_(lambda: self._set_busy(False))
            .run()
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.path.setEnabled(not busy)
        ready = self.preview is not None and self.preview.ok
        self.import_button.setEnabled(not busy and ready and self.allowed)

    def show_preview(self, preview) -> None:
        """Every row of the file with what it will write or what is wrong with it, and
        the problems of the file itself (line 0 and the header) first."""
        self.preview = preview
        problems: dict[int, list[str]] = {}
        for error in preview.errors:
            where = f"{error.column}: " if error.column else ""
            problems.setdefault(error.line, []).append(where + describe(error.error))
        rows = [(line, None, texts) for line, texts in problems.items() if line <= 1]
        rows += [(r.line, r, problems.get(r.line, [])) for r in preview.rows]
        self.table.setRowCount(len(rows))
        for index, (line, row, texts) in enumerate(rows):
            for column, (name, _code) in enumerate(COLUMNS):
                if name == "line":
                    value = str(line) if line else ""
                elif name == "problem":
                    value = "; ".join(texts) if texts else message("opening.ui.ok")
                else:
                    value = getattr(row, name, "") if row is not None else ""
                item = QTableWidgetItem(value)
                if name == "problem" and texts:
                    item.setToolTip("\n".join(texts))  # the column may cut a long reason
                self.table.setItem(index, column, item)
        if preview.errors:
            count = len(preview.errors)
            banner("banner-error", message("opening.ui.problems", {"count": count}), self.summary)
        else:
            banner("banner-ok", self.summary_text(preview), self.summary)
        self._set_busy(False)

    def summary_text(self, preview) -> str:
        return message(
            "opening.ui.summary",
            {
                "rows": len(preview.rows),
                "units": len({d.unit_id for d in preview.drafts}),
                "arrears": formats.money(preview.total(ARREARS)),
                "prepayments": formats.money(preview.total(PREPAYMENT)),
                "deposits": formats.money(preview.total(DEPOSIT)),
            },
        )

    # ---- writing ----

    def apply(self) -> None:
        if self.busy or self.preview is None or not self.preview.ok or not self.allowed:
            return
        preview, db, estate_id = self.preview, self.ctx.db, self.ctx.estate_id
        user = self.ctx.user_name
        self._set_busy(True)
        (
            self.ctx.runner.write(
                self,
                lambda _p: opening_import.import_opening_balances(db, estate_id, preview, user),
            )
            .success(self._written)
            .failure(self._write_failed)
            .finally_(lambda: self._set_busy(False))
            .run()
        )

    def _written(self, result) -> None:
        self.result = result
        self.preview = None
        text = message("opening.ui.done", {"entries": result.entries, "units": result.units})
        banner("banner-ok", text, self.summary)

    def _write_failed(self, error: BaseException) -> None:
        banner("banner-error", describe(error), self.summary)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
