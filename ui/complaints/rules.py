"""The estate's complaint rules: deadlines, calendar or working days, the working calendar
(public holidays and make-up working days), repeat window, severity scheme. Saving moves
every complaint's deadlines, so it runs on the background runner."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import WorkingCalendar
from app.domain.complaints import ComplaintRules
from app.services import complaints as service
from ui.complaints.model import paused
from ui.context import AppContext
from ui.messages import describe
from ui.widgets.fields import FieldWithMessage, banner

# Who may change the estate's rules.
EDITORS = ("supervisor", "director", "admin")


def _spin(value: int, low: int, high: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def parse_dates(text: str) -> tuple[frozenset[date], list[str]]:
    """One date per line (YYYY-MM-DD); returns the dates and the lines that are not."""
    days, bad = set(), []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            days.add(date.fromisoformat(line))
        except ValueError:
            bad.append(line)
    return frozenset(days), bad


class RulesDialog(QDialog):
    saved = Signal(object)  # the ComplaintRules now in force

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Complaint rules"))
        rules = service.read_rules(ctx.db, ctx.estate_id)
        self.timezone = rules.timezone
        days, minutes = self.tr(" days"), self.tr(" min")
        self.dispatch = _spin(rules.dispatch_minutes, 1, 240, minutes)
        self.handover = QComboBox()
        self.handover.addItem(self.tr("2 hours"), 2)
        self.handover.addItem(self.tr("1 hour"), 1)
        self.handover.setCurrentIndex(0 if rules.important_handover_hours == 2 else 1)
        self.major_answer = _spin(rules.major_answer_days, 1, 30, days)
        self.major_resolve = _spin(rules.major_resolve_days, 1, 90, days)
        self.important_resolve = _spin(rules.important_resolve_days, 1, 60, days)
        self.minor_resolve = _spin(rules.minor_resolve_days, 1, 60, days)
        self.return_visit = _spin(rules.return_visit_days, 1, 30, days)
        self.escalate = _spin(rules.escalate_after_months, 1, 12, self.tr(" months"))
        self.repeat_window = _spin(rules.repeat_window_months, 1, 24, self.tr(" months"))
        self.working_days = QCheckBox(self.tr("Count days as working days"))
        self.working_days.setChecked(rules.working_days)
        self.scheme = QComboBox()
        self.scheme.addItem(self.tr("Major / important / minor"), "standard")
        self.scheme.addItem(self.tr("Class A / class B"), "ab")
        self.scheme.setCurrentIndex(0 if rules.severity_scheme == "standard" else 1)
        self.holidays = QPlainTextEdit(
            "\n".join(d.isoformat() for d in sorted(rules.calendar.holidays))
        )
        self.holidays.setPlaceholderText("2026-10-01\n2026-10-02")
        self.holidays.setTabChangesFocus(True)
        self.extra = QPlainTextEdit(
            "\n".join(d.isoformat() for d in sorted(rules.calendar.extra_workdays))
        )
        self.extra.setPlaceholderText("2026-09-27")
        self.extra.setTabChangesFocus(True)
        self.fields = {
            "holidays": FieldWithMessage(self.holidays),
            "extra": FieldWithMessage(self.extra),
        }

        deadlines = QGroupBox(self.tr("Deadlines from receipt"))
        form = self._form(deadlines)
        form.addRow(self.tr("Dispatch to the department"), self.dispatch)
        form.addRow(self.tr("Major: clear answer"), self.major_answer)
        form.addRow(self.tr("Major: resolved"), self.major_resolve)
        form.addRow(self.tr("Important: to the supervisor"), self.handover)
        form.addRow(self.tr("Important: resolved"), self.important_resolve)
        form.addRow(self.tr("Minor: resolved"), self.minor_resolve)
        form.addRow(self.tr("Return visit after resolution"), self.return_visit)
        form.addRow(self.tr("Unresolved becomes major after"), self.escalate)
        form.addRow(self.tr("Repeat complaint window"), self.repeat_window)
        form.addRow(self.tr("Severity scheme"), self.scheme)
        calendar = QGroupBox(self.tr("Working calendar"))
        cal_form = self._form(calendar)
        cal_form.addRow("", self.working_days)
        cal_form.addRow(self.tr("Public holidays"), self.fields["holidays"])
        cal_form.addRow(self.tr("Make-up working days"), self.fields["extra"])
        hint = QLabel(self.tr("One date per line, YYYY-MM-DD. Saturdays and Sundays are days off."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        cal_form.addRow("", hint)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.banner, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(deadlines)
        layout.addWidget(calendar)
        layout.addLayout(buttons)
        if ctx.role not in EDITORS:
            for widget in (deadlines, calendar, self.save_button):
                widget.setEnabled(False)
            banner(
                "banner-error",
                self.tr("Only a supervisor or the director may change these rules."),
                self.banner,
            )

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def value(self) -> tuple[ComplaintRules | None, dict[str, str]]:
        holidays, bad_holidays = parse_dates(self.holidays.toPlainText())
        extra, bad_extra = parse_dates(self.extra.toPlainText())
        errors = {}
        message = self.tr("Not a date (YYYY-MM-DD): {0}")
        if bad_holidays:
            errors["holidays"] = message.format(", ".join(bad_holidays))
        if bad_extra:
            errors["extra"] = message.format(", ".join(bad_extra))
        if errors:
            return None, errors
        rules = ComplaintRules(
            dispatch_minutes=self.dispatch.value(),
            important_handover_hours=self.handover.currentData(),
            major_answer_days=self.major_answer.value(),
            major_resolve_days=self.major_resolve.value(),
            important_resolve_days=self.important_resolve.value(),
            minor_resolve_days=self.minor_resolve.value(),
            return_visit_days=self.return_visit.value(),
            working_days=self.working_days.isChecked(),
            escalate_after_months=self.escalate.value(),
            repeat_window_months=self.repeat_window.value(),
            severity_scheme=self.scheme.currentData(),
            timezone=self.timezone,
            calendar=WorkingCalendar(holidays=holidays, extra_workdays=extra),
        )
        return rules, {}

    def save(self) -> bool:
        if self.ctx.role not in EDITORS:
            return False
        rules, errors = self.value()
        for name, holder in self.fields.items():
            holder.set_error(errors.get(name, ""))
        if rules is None:
            banner("banner-error", self.tr("Please correct the marked fields."), self.banner)
            return False
        self.save_button.setEnabled(False)
        db, estate_id = self.ctx.db, self.ctx.estate_id
        (
            self.ctx.runner.write(
                self, paused(lambda _p: service.change_rules(db, estate_id, rules))
            )
            .with_progress(self.tr("Moving every complaint's deadlines…"))
            .success(self._saved)
            .failure(self._refused)
            .finally_(lambda: self.save_button.setEnabled(True))
            .run()
        )
        return True

    def _saved(self, rules: ComplaintRules) -> None:
        self.saved.emit(rules)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        banner("banner-error", describe(error), self.banner)
