"""The inspection plans: each checklist's schedule (daily, weekly, monthly or chosen
weekdays, the due window, counted from the scheduled date or from the completion, make-up
allowed). A change applies from the next occurrence; what was due before stays as it was.
"New plan" adds one for a checklist and what it inspects, in force from today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.inspection_schedule import ScheduleSpec
from app.services.inspections import due as due_ops
from app.services.inspections import templates as template_ops
from app.services.inspections.common import Target
from ui import messages
from ui.context import AppContext
from ui.inspections.common import fill, make_table, selected_key
from ui.widgets.permits import guard


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
        self.adding = False  # the form describes a new plan rather than the chosen one
        self.checklist = QComboBox()
        self.target_kind = QComboBox()
        for key, text in (
            ("unit", self.tr("Unit")),
            ("building", self.tr("Building")),
            ("area", self.tr("Area")),
            ("department", self.tr("Department")),
        ):
            self.target_kind.addItem(text, key)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("e.g. 3栋 2单元 1502, 南门岗, 保洁部"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.new_rows = [
            (self.tr("Checklist"), self.checklist),
            (self.tr("Inspected"), self.target_kind),
            (self.tr("Name"), self.target),
        ]
        for label, widget in self.new_rows:
            form.addRow(label, widget)
        self.form = form
        form.addRow(self.tr("Repeats"), self.frequency)
        form.addRow(self.tr("Weekdays"), days)
        form.addRow(self.tr("Day of the month"), self.day_of_month)
        form.addRow(self.tr("Due window (days)"), self.window)
        form.addRow(self.tr("Next one counted"), self.anchor)
        form.addRow("", self.makeup)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New plan…"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.new_button, self.save_button):
            guard(button, ctx, "inspections.edit")
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        self._set_adding(False)
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

    def _set_adding(self, adding: bool) -> None:
        self.adding = adding
        for _label, widget in self.new_rows:
            self.form.setRowVisible(widget, adding)
        self.save_button.setText(
            self.tr("Add plan: starts today")
            if adding
            else self.tr("Save: applies from the next occurrence")
        )

    def start_new(self) -> None:
        """An empty plan to fill in: the published checklists, what is inspected, when."""
        self.table.clearSelection()
        self._set_adding(True)
        self.message.clear()
        self.frequency.setCurrentIndex(self.frequency.findData("daily"))
        for box in self.days:
            box.setChecked(False)
        self.day_of_month.setValue(1)
        self.window.setValue(1)
        self.anchor.setCurrentIndex(self.anchor.findData("scheduled"))
        self.makeup.setChecked(True)
        op = self.ctx.runner.query(
            self, lambda _p: template_ops.list_templates(self.ctx.db, self.ctx.estate_id)
        )
        op.success(self._show_checklists).run()

    def _show_checklists(self, templates) -> None:
        self.checklist.clear()
        for t in templates:
            if t.version:  # only a published checklist can be walked
                self.checklist.addItem(f"{t.name_zh} (v{t.version})", t.id)
        self.target.setFocus()

    def _chosen(self) -> None:
        index = selected_key(self.table)
        if index is None:
            return
        self._set_adding(False)
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
        if self.adding:
            return self.add()
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

    def add(self):
        """Add the new plan; on a refusal the form keeps what was typed and says why."""
        ctx = self.ctx
        template_id = self.checklist.currentData() or ""
        target = Target(self.target_kind.currentData(), "", self.target.text())
        spec = self.spec()
        op = ctx.runner.write(
            self,
            lambda _p: due_ops.add_schedule(
                ctx.db, ctx.estate_id, template_id, target, spec, ctx.now()
            ),
        )
        op.success(lambda _id: self._added())
        op.failure(lambda e: self.message.setText(messages.describe(e)))
        return op.run()

    def _added(self) -> None:
        self._set_adding(False)
        self.target.clear()
        self.message.setText(self.tr("Plan added; it shows in the due list from today"))
        self.reload()
