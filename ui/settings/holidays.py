"""The Settings section of the national holidays and make-up working days (调休) that
deadlines counted in working days skip: which years the desk knows, a warning for this
year or next year when it is missing or only provisional, files that were left out, and
importing a year's file (``app.domain.holidays.import_year``, checked before it is kept).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain import holidays
from app.domain.errors import DomainError
from ui import messages
from ui.context import AppContext
from ui.widgets.fields import banner
from ui.widgets.ops import show_error


class HolidaysBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("holidays")
        self.setTitle(self.tr("National holidays (调休)"))
        self.years = QLabel()
        self.years.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setProperty("role", "error")
        self.warnings.hide()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setProperty("role", "hint")
        self.problems.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        self.import_button = QPushButton(self.tr("Import a year…"))
        self.import_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.import_button.clicked.connect(lambda: self.import_year())
        row = QHBoxLayout()
        row.addWidget(self.result, 1)
        row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        form = QFormLayout()
        form.addRow(self.tr("Years known"), self.years)
        form.addRow("", self.warnings)
        form.addRow("", self.problems)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        self.refresh()

    def this_year(self) -> int:
        return self.ctx.clock.now().year

    def refresh(self) -> None:
        """The calendar is read from files: off the UI thread."""
        self.ctx.runner.query(self, lambda _p: holidays.national_calendar()).success(
            self.show_calendar
        ).failure(lambda error: show_error(self, error)).run()

    def show_calendar(self, calendar: holidays.NationalCalendar) -> None:
        lines, warnings = [], []
        year = self.this_year()
        for known in sorted(set(calendar.years) | {year, year + 1}):
            data = calendar.years.get(known)
            if data is None:
                text = self.tr(
                    "%1: missing — deadlines in working days cannot skip its holidays; import it"
                )
            elif data.status == "official":
                text = self.tr("%1: official")
            else:
                text = self.tr(
                    "%1: provisional (statutory days only; import the State Council's notice)"
                )
            text = text.replace("%1", str(known))
            lines.append(text)
            if known in (year, year + 1) and (data is None or data.status != "official"):
                warnings.append(text)
        self.years.setText("\n".join(lines))
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        left_out = [messages.describe(p) for p in calendar.problems]
        self.problems.setText("\n".join([self.tr("Files left out"), *left_out]))
        self.problems.setVisible(bool(calendar.problems))

    def import_year(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a year of national holidays"),
                str(Path.home()),
                self.tr("Holiday files (*.json)"),
            )
            if not path:
                return
        source = Path(path)

        def imported(data: holidays.HolidayYear) -> None:
            banner(
                "banner-ok",
                self.tr("%1 imported (%2 holidays, %3 make-up working days).")
                .replace("%1", str(data.year))
                .replace("%2", str(len(data.holidays)))
                .replace("%3", str(len(data.workdays))),
                self.result,
            )
            self.refresh()

        def refused(error: BaseException) -> None:
            if isinstance(error, DomainError):
                banner("banner-error", messages.describe(error), self.result)
            else:
                show_error(self, error)

        self.ctx.runner.query(self, lambda _p: holidays.import_year(source)).success(
            imported
        ).failure(refused).run()


def holidays_box(ctx: AppContext, parent: QWidget | None = None) -> QGroupBox:
    """The Settings page's national holidays section."""
    return HolidaysBox(ctx, parent)
