"""The reminders tab: debtors due a reminder (the 10th and the 25th), recording the
reminders made, the log, and printable reminder letters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.fees import REMINDER_METHODS
from app.services.fees import reminders
from ui import formats
from ui.context import AppContext
from ui.fees.common import (
    BuildingFilter,
    FeeTab,
    FollowsToday,
    as_date,
    day_edit,
    local_today,
    selected_rows,
    table_view,
)
from ui.fees.labels import word
from ui.fees.printing import print_preview, reminder_letters_html, write_pdf
from ui.widgets.forms import action
from ui.widgets.paged_model import Column, StaticModel
from ui.widgets.tables import RememberedLayout

translate = QCoreApplication.translate  # column titles: literal calls, so lupdate finds them

DUE_COLUMNS = (
    Column("unit", lambda: translate("RemindersTab", "Unit"), lambda r: r.unit_code),
    Column("owner", lambda: translate("RemindersTab", "Owner"), lambda r: r.owner),
    Column("phone", lambda: translate("RemindersTab", "Phone"), lambda r: r.phone_masked),
    Column("net", lambda: translate("RemindersTab", "Net owed"), lambda r: r.net, right=True),
)
LOG_COLUMNS = (
    Column("date", lambda: translate("RemindersTab", "Date"), lambda r: formats.day(r.reminded_on)),
    Column("unit", lambda: translate("RemindersTab", "Unit"), lambda r: r.unit_code),
    Column("method", lambda: translate("RemindersTab", "Method"), lambda r: word(r.method)),
    Column(
        "due", lambda: translate("RemindersTab", "Amount due"), lambda r: r.amount_due, right=True
    ),
    Column("by", lambda: translate("RemindersTab", "By"), lambda r: r.made_by),
    Column("outcome", lambda: translate("RemindersTab", "Outcome"), lambda r: r.outcome),
)


class RemindersTab(FeeTab):
    TABLES = (
        "bill_lines",
        "fee_adjustments",
        "payments",
        "payment_allocations",
        "fee_reminders",
        "residents",
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view_data: reminders.RemindersView | None = None
        self.recording = False
        self.today = day_edit(local_today(ctx))
        self.follows_today = FollowsToday(ctx, self.today)
        self.building = BuildingFilter(ctx, self.tr("All buildings"))
        self.due_model = StaticModel(DUE_COLUMNS, self)
        self.due_view = table_view(self.due_model)
        self.due_hint = QLabel()
        self.due_hint.setProperty("role", "hint")
        self.due_hint.setWordWrap(True)
        self.method = QComboBox()
        for code in REMINDER_METHODS:
            self.method.addItem(word(code), code)
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("What came of it, e.g. will pay on Friday"))
        self.record_button = QPushButton(self.tr("Record reminder"))
        self.record_button.clicked.connect(self.record)
        self.log_model = StaticModel(LOG_COLUMNS, self)
        self.log_view = table_view(self.log_model)
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_action = action(
            self,
            self.tr("Print letters…"),
            self.preview_letters,
            icon="fa5s.print",
            shortcut="Ctrl+P",
            toolbar=bar,
        )
        self.pdf_action = action(
            self,
            self.tr("Save letters PDF…"),
            self.save_letters_pdf,
            icon="fa5s.file-pdf",
            toolbar=bar,
        )
        self.today.dateChanged.connect(lambda _d: self.refresh_soon())
        self.building.currentIndexChanged.connect(lambda _i: self.refresh_soon())

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Date")))
        filters.addWidget(self.today)
        filters.addWidget(self.building)
        filters.addStretch(1)
        record_box = QGroupBox(self.tr("Record a reminder for the selected units"))
        form = QFormLayout(record_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Outcome"), self.outcome)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        form.addRow(row)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addLayout(filters)
        layout.addWidget(self.due_hint)
        layout.addWidget(self.due_view, 2)
        layout.addWidget(record_box)
        layout.addWidget(QLabel(self.tr("Reminder log")))
        layout.addWidget(self.log_view, 1)
        self.due_memory = RememberedLayout(
            "fees/reminders-due", header=self.due_view.horizontalHeader(), widths=(150, 90, 110)
        )
        self.log_memory = RememberedLayout(
            "fees/reminders-log",
            header=self.log_view.horizontalHeader(),
            widths=(100, 150, 70, 110, 90),
        )

    def save_state(self) -> None:
        self.due_memory.save()
        self.log_memory.save()

    @property
    def due(self) -> tuple:
        return self.view_data.due if self.view_data else ()

    def refresh(self) -> None:
        db, estate_id = self.ctx.db, self.ctx.estate_id
        day, building = as_date(self.today), self.building.currentData()
        self.read(lambda _p: reminders.reminders_view(db, estate_id, day, building), self._show)

    def _show(self, data: reminders.RemindersView) -> None:
        self.view_data = data
        self.due_model.set_rows(data.due)
        self.due_hint.setText(
            self.tr("%1 debtors not reminded since %2 (reminders go out on the 10th and the 25th).")
            .replace("%1", f"{len(data.due):,}")
            .replace("%2", data.since.isoformat())
        )
        self.log_model.set_rows(data.log)

    def selected(self) -> list:
        return selected_rows(self.due_view)

    def record(self) -> None:
        chosen = self.selected()
        if not chosen:
            QMessageBox.information(
                self, self.tr("Record reminder"), self.tr("Select the units reminded first.")
            )
            return
        if self.recording:
            return
        db, estate_id, user = self.ctx.db, self.ctx.estate_id, self.user
        reminded = [(row.unit_id, row.net) for row in chosen]
        method, day, outcome = self.method.currentData(), as_date(self.today), self.outcome.text()
        self.recording = True

        def done(_count: int) -> None:
            self.outcome.clear()

        def finished() -> None:
            self.recording = False

        self.ctx.runner.write(
            self,
            lambda _p: reminders.record_reminders(
                db, estate_id, reminded, method, day, user, outcome
            ),
        ).success(done).finally_(finished).run()

    def letters_html(self) -> str:
        return reminder_letters_html(
            self.ctx.estate_name, self.selected() or list(self.due), as_date(self.today)
        )

    def preview_letters(self) -> None:
        if self.due:
            print_preview(self, self.letters_html(), self.tr("Payment reminders")).exec()

    def save_letters_pdf(self, path: str | None = None) -> Path | None:
        if not self.due:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save letters PDF"), "reminders.pdf", "PDF (*.pdf)"
            )
            if not path:
                return None
        return write_pdf(self.letters_html(), path)
