"""The inspection plans: each checklist's schedule (daily, weekly, monthly or chosen
weekdays, the due window, counted from the scheduled date or from the completion, make-up
allowed). A change applies from the next occurrence; what was due before stays as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.inspection_schedule import ScheduleSpec
from app.services.inspections import due as due_ops
from ui import messages
from ui.context import AppContext
from ui.inspections.common import fill, make_table, selected_key


class SchedulesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[due_ops.ScheduleRow] = []
        self.setWindowTitle(self.tr("Inspection plans"))
        self.resize(900, 560)
        self.table = make_table(
            [self.tr("Checklist"), self.tr("Inspected"), self.tr("Plan"), self.tr("Window (days)")]
        )
        self.table.itemSelectionChanged.connect(self._chosen)
        self.frequency = QComboBox()
        for key, text in (
            ("daily", self.tr("Every day")),
            ("weekly", self.tr("Every week")),
            ("monthly", self.tr("Every month")),
            ("weekdays", self.tr("On chosen weekdays")),
        ):
            self.frequency.addItem(text, key)
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        self.days = [QCheckBox(n) for n in names]
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        self.day_of_month = QSpinBox()
        self.day_of_month.setRange(1, 31)
        self.window = QSpinBox()
        self.window.setRange(1, 31)
        self.anchor = QComboBox()
        self.anchor.addItem(self.tr("from the scheduled date"), "scheduled")
        self.anchor.addItem(self.tr("from the completion"), "completion")
        self.makeup = QCheckBox(self.tr("Make-up inspections allowed (补检)"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Repeats"), self.frequency)
        form.addRow(self.tr("Weekdays"), days)
        form.addRow(self.tr("Day of the month"), self.day_of_month)
        form.addRow(self.tr("Due window (days)"), self.window)
        form.addRow(self.tr("Next one counted"), self.anchor)
        form.addRow("", self.makeup)
        self.message = QLabel()
        self.message.setWordWrap(True)
        save = QPushButton(self.tr("Save: applies from the next occurrence"))
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        op = self.ctx.runner.query(
            self, lambda _p: due_ops.list_schedules(self.ctx.db, self.ctx.estate_id, self.ctx.now())
        )
        op.success(self.show_rows).run()

    def _plan_words(self, spec: ScheduleSpec) -> str:
        index = self.frequency.findData(spec.frequency)
        words = self.frequency.itemText(index)
        if spec.frequency in ("weekly", "weekdays") and spec.weekdays:
            words += " " + "、".join(self.days[d].text() for d in spec.weekdays)
        if spec.frequency == "monthly":
            words += " " + self.tr("day {n}").replace("{n}", str(spec.day_of_month))
        return words

    def show_rows(self, rows) -> None:
        self.rows = rows
        fill(
            self.table,
            [
                [r.template_name, r.target_label, self._plan_words(r.spec), str(r.spec.window_days)]
                for r in rows
            ],
            list(range(len(rows))),
        )
        if rows and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _chosen(self) -> None:
        index = selected_key(self.table)
        if index is None:
            return
        spec = self.rows[index].spec
        self.frequency.setCurrentIndex(self.frequency.findData(spec.frequency))
        for n, box in enumerate(self.days):
            box.setChecked(n in spec.weekdays)
        self.day_of_month.setValue(spec.day_of_month)
        self.window.setValue(spec.window_days)
        self.anchor.setCurrentIndex(self.anchor.findData(spec.anchor))
        self.makeup.setChecked(spec.makeup)

    def spec(self) -> ScheduleSpec:
        return ScheduleSpec(
            frequency=self.frequency.currentData(),
            effective_from=self.ctx.now().date(),  # moved to the next occurrence on save
            weekdays=tuple(n for n, box in enumerate(self.days) if box.isChecked()),
            day_of_month=self.day_of_month.value(),
            window_days=self.window.value(),
            anchor=self.anchor.currentData(),
            makeup=self.makeup.isChecked(),
        )

    def save(self):
        index = selected_key(self.table)
        if index is None:
            return None
        plan_id, spec = self.rows[index].id, self.spec()
        op = self.ctx.runner.write(
            self, lambda _p: due_ops.edit_schedule(self.ctx.db, plan_id, spec, self.ctx.now())
        )
        op.success(
            lambda _r: (
                self.message.setText(
                    self.tr("Saved; the new plan starts with the next occurrence")
                ),
                self.reload(),
            )
        )
        op.failure(lambda e: self.message.setText(messages.describe(e)))
        return op.run()
