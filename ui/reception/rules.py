"""The Settings section of work orders: business hours, the warning lead, the progress
interval, return-visit days, the targets per category x priority, and the dispatch rule
of each category (assign to someone, or a round-robin pool)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.workorders import CATEGORIES, Target
from ui import messages
from ui.context import AppContext
from ui.reception.actions import Actions, workorders
from ui.reception.labels import word
from ui.widgets.fields import banner

RESOLVE_WORDS = ("same_day", "appointment")


def workorder_rules_box(ctx: AppContext, parent: QWidget | None = None) -> QGroupBox:
    return WorkOrderRulesBox(Actions(ctx), parent)


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class WorkOrderRulesBox(QGroupBox):
    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Work orders: service targets and dispatch"))
        self.actions = actions
        self.rules = None
        self.day_start = QTimeEdit()
        self.day_end = QTimeEdit()
        for edit in (self.day_start, self.day_end):
            edit.setDisplayFormat("HH:mm")
        self.skip_holidays = QCheckBox(
            self.tr("Public holidays do not count (the desk is staffed)")
        )
        self.warn = _spin(1, 600, self.tr(" min"))
        self.progress = _spin(1, 48, self.tr(" h"))
        self.visit_days = _spin(1, 30, self.tr(" days"))
        self.visit_leak = _spin(1, 30, self.tr(" days"))
        self.targets = QTableWidget(0, 3)
        self.targets.setHorizontalHeaderLabels(
            [
                self.tr("Category:priority"),
                self.tr("Complete within"),
                self.tr("On site within (min)"),
            ]
        )
        self.targets.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.targets.setMaximumHeight(140)
        note = QLabel(
            self.tr(
                "Complete within: same_day, appointment or a number of minutes. "
                "* stands for any category; emergencies count around the clock."
            )
        )
        note.setWordWrap(True)
        hours = QHBoxLayout()
        hours.addWidget(self.day_start)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.day_end)
        hours.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Business hours (normal orders)"), hours)
        form.addRow("", self.skip_holidays)
        form.addRow(self.tr("Warn before the deadline"), self.warn)
        form.addRow(self.tr("Progress report every"), self.progress)
        form.addRow(self.tr("Return visit within"), self.visit_days)
        form.addRow(self.tr("Water leaks: return visit within"), self.visit_leak)
        self.save_button = QPushButton(self.tr("Save targets"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.hide()
        # dispatch rules
        self.category = QComboBox()
        for code in CATEGORIES:
            self.category.addItem(word(code), code)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Assign to the first chosen"), "assign")
        self.mode.addItem(self.tr("Round robin among the chosen"), "pool")
        self.staff = QListWidget()
        self.staff.setMaximumHeight(96)
        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        dispatch_button = QPushButton(self.tr("Save dispatch rule"))
        dispatch_button.clicked.connect(self.save_dispatch)
        row = QHBoxLayout()
        row.addWidget(self.category)
        row.addWidget(self.mode)
        row.addWidget(dispatch_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.targets)
        layout.addWidget(note)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Dispatch rule of a category")))
        layout.addLayout(row)
        layout.addWidget(self.staff)
        layout.addWidget(self.rules_label)
        self.reload()

    def reload(self) -> None:
        a = self.actions
        a.read(
            self,
            lambda: (
                workorders.read_rules(a.db, a.estate_id),
                workorders.dispatch_rules(a.db, a.estate_id),
                workorders.repairers(a.db, a.estate_id),
            ),
            self._show,
        )

    def _show(self, result) -> None:
        rules, dispatch, people = result
        self.rules = rules
        self.day_start.setTime(QTime(rules.day_start.hour, rules.day_start.minute))
        self.day_end.setTime(QTime(rules.day_end.hour, rules.day_end.minute))
        self.skip_holidays.setChecked(rules.skip_holidays)
        self.warn.setValue(rules.warn_minutes)
        self.progress.setValue(rules.progress_hours)
        self.visit_days.setValue(rules.visit_days)
        self.visit_leak.setValue(rules.visit_days_leak)
        self.targets.setRowCount(0)
        for key, target in rules.targets.items():
            row = self.targets.rowCount()
            self.targets.insertRow(row)
            for column, value in enumerate((key, target.resolve, target.respond)):
                self.targets.setItem(
                    row, column, QTableWidgetItem("" if value is None else str(value))
                )
        self.staff.clear()
        names = dict(people)
        for staff_id, name in people:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, staff_id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.staff.addItem(item)
        lines = []
        for category, rule in dispatch.items():
            who = "、".join(names.get(s, s) for s in rule.get("staff", []))
            mode = self.tr("round robin") if rule.get("mode") == "pool" else self.tr("assign")
            lines.append(f"{word(category)}: {mode} {who}")
        self.rules_label.setText("\n".join(lines))

    def _edited(self):
        targets = {}
        for row in range(self.targets.rowCount()):
            cells = [self.targets.item(row, c) for c in range(3)]
            key, resolve, respond = ((c.text().strip() if c else "") for c in cells)
            if not key:
                continue
            value = (
                resolve if resolve in RESOLVE_WORDS else int(resolve) if resolve.isdigit() else -1
            )
            targets[key] = Target(
                resolve=value, respond=int(respond) if respond.isdigit() else None
            )
        start, end = self.day_start.time(), self.day_end.time()
        return replace(
            self.rules,
            day_start=time(start.hour(), start.minute()),
            day_end=time(end.hour(), end.minute()),
            skip_holidays=self.skip_holidays.isChecked(),
            warn_minutes=self.warn.value(),
            progress_hours=self.progress.value(),
            visit_days=self.visit_days.value(),
            visit_days_leak=self.visit_leak.value(),
            targets=targets,
        )

    def save(self) -> None:
        if self.rules is None:
            return
        rules = self._edited()
        a = self.actions
        a.write(
            self,
            lambda: workorders.save_rules(a.db, a.estate_id, rules),
            lambda _r: banner("banner-ok", self.tr("Saved."), self.message),
            lambda error: banner("banner-error", messages.describe(error), self.message),
        )

    def save_dispatch(self) -> None:
        chosen = [
            self.staff.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.staff.count())
            if self.staff.item(i).checkState() == Qt.CheckState.Checked
        ]
        category, mode = self.category.currentData(), self.mode.currentData()
        a = self.actions
        a.write(
            self,
            lambda: workorders.save_dispatch_rule(a.db, a.estate_id, category, mode, chosen),
            lambda _r: self.reload(),
            lambda error: banner("banner-error", messages.describe(error), self.message),
        )
