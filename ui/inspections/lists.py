"""The inspection desk's lists: the due list (due, late, missed, done), the inspections
(with their open actions) and the open corrective actions (rectify with an after photo,
verify by a second person). Each list is read on the runner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.inspections import actions as action_ops
from app.services.inspections import due as due_ops
from app.services.inspections import run as run_ops
from app.services.inspections import templates as template_ops
from app.services.inspections.common import Target
from ui.context import AppContext
from ui.inspections.common import (
    STATUS_COLOURS,
    department_word,
    fill,
    local,
    make_table,
    selected_key,
    severity_word,
    status_word,
)
from ui.widgets.permits import guard

# the occurrences to do now: due today, or late but still inside their window
DUE_NOW = ("due", "overdue")


class DueTab(QWidget):
    open_inspection = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[due_ops.DueRow] = []
        self.table = make_table(
            [
                self.tr("State"),
                self.tr("Checklist"),
                self.tr("Inspected"),
                self.tr("Due"),
                self.tr("Window ends"),
                self.tr("Done"),
            ]
        )
        self.table.doubleClicked.connect(lambda _i: self.start())
        self.count = QLabel()
        self.due_now = QCheckBox(self.tr("Due now only"))  # due or late, not yet done
        self.due_now.toggled.connect(lambda _on: self.reload())
        start = QPushButton(self.tr("Start or continue (Enter)"))
        start.clicked.connect(self.start)
        makeup = QPushButton(self.tr("Make-up inspection"))
        makeup.clicked.connect(lambda: self.start(make_up=True))
        for button in (start, makeup):  # inspectors, engineers and managers edit inspections
            guard(button, ctx, "inspections.edit")
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.due_now)
        bar.addWidget(makeup)
        bar.addWidget(start)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.table.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == event.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.start()
            return True
        return super().eventFilter(obj, event)

    def reload(self) -> None:
        op = self.ctx.runner.query(
            self, lambda _p: due_ops.due_rows(self.ctx.db, self.ctx.estate_id, self.ctx.now())
        )
        op.success(self.show_rows).run()

    def show_rows(self, rows) -> None:
        if self.due_now.isChecked():
            rows = [r for r in rows if r.status in DUE_NOW]
        self.rows = rows
        fill(
            self.table,
            [
                [
                    status_word(r.status) + (" · " + self.tr("under way") if r.in_progress else ""),
                    r.template_name,
                    r.target_label,
                    r.due_on.isoformat(),
                    r.window_end.isoformat(),
                    r.done_on.isoformat() if r.done_on else "",
                ]
                for r in rows
            ],
            list(range(len(rows))),
            [STATUS_COLOURS.get(r.status, "") for r in rows],
        )
        late = sum(r.status == "overdue" for r in rows)
        due = sum(r.status == "due" for r in rows)
        missed = sum(r.status == "missed" for r in rows)
        self.count.setText(
            self.tr("{due} due · {late} late · {missed} missed")
            .replace("{due}", str(due))
            .replace("{late}", str(late))
            .replace("{missed}", str(missed))
        )

    def start(self, make_up: bool = False) -> None:
        index = selected_key(self.table)
        if index is None:
            return
        row = self.rows[index]
        if row.inspection_id:
            self.open_inspection.emit(row.inspection_id)
            return
        make_up = make_up or row.status == "missed"
        op = self.ctx.runner.write(
            self,
            lambda _p: due_ops.start_due(
                self.ctx.db, row.schedule_id, row.due_on, self.ctx.user_id, self.ctx.now(), make_up
            ),
        )
        op.success(self.open_inspection.emit).run()


class NewInspectionDialog(QDialog):
    """An ad-hoc inspection: a checklist and what is inspected."""

    def __init__(self, templates, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New inspection"))
        self.template = QComboBox()
        for t in templates:
            self.template.addItem(f"{t.name_zh} (v{t.version})", t.id)
        self.kind = QComboBox()
        for key, word in (
            ("unit", self.tr("Unit")),
            ("building", self.tr("Building")),
            ("area", self.tr("Area")),
            ("department", self.tr("Department")),
        ):
            self.kind.addItem(word, key)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("e.g. 3栋 2单元 1502, 南门岗, 保洁部"))
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Checklist"), self.template)
        form.addRow(self.tr("Inspected"), self.kind)
        form.addRow(self.tr("Name"), self.target)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class InspectionsTab(QWidget):
    open_inspection = Signal(str)
    report_wanted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = make_table(
            [
                self.tr("No."),
                self.tr("Checklist"),
                self.tr("Version"),
                self.tr("Inspected"),
                self.tr("Started"),
                self.tr("State"),
                self.tr("Score"),
                self.tr("Failed"),
                self.tr("Open actions"),
            ]
        )
        self.table.doubleClicked.connect(lambda _i: self._open())
        new = QPushButton(self.tr("New inspection…"))
        new.clicked.connect(self.new)
        report = QPushButton(self.tr("Report…"))
        report.clicked.connect(
            lambda: (k := selected_key(self.table)) and self.report_wanted.emit(k)
        )
        amend = QPushButton(self.tr("Amend (new revision)"))
        amend.clicked.connect(self.amend)
        for button in (new, amend):
            guard(button, ctx, "inspections.edit")
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        for button in (amend, report, new):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _open(self) -> None:
        key = selected_key(self.table)
        if key:
            self.open_inspection.emit(key)

    def reload(self) -> None:
        op = self.ctx.runner.query(
            self, lambda _p: due_ops.list_inspections(self.ctx.db, self.ctx.estate_id)
        )
        op.success(self.show_rows).run()

    def show_rows(self, rows) -> None:
        texts = []
        for r in rows:
            state = status_word(r.status)
            if r.open_actions:
                state += " · " + self.tr("{n} action(s) open").replace("{n}", str(r.open_actions))
            if r.files_waiting:  # not synced until the server has every photo and signature
                state += " · " + self.tr("{n} file(s) waiting to sync").replace(
                    "{n}", str(r.files_waiting)
                )
            if r.kept_aside:  # e.g. a late edit of a signed inspection, kept not merged
                state += " · " + self.tr("{n} change(s) kept aside (see Sync)").replace(
                    "{n}", str(r.kept_aside)
                )
            failed = str(r.failed_count) + (
                " · " + self.tr("{n} repeat").replace("{n}", str(r.repeat_count))
                if r.repeat_count
                else ""
            )
            score = (r.score + "%" if r.score else "—") + (
                "" if r.passed else " " + self.tr("(failed)")
            )
            texts.append(
                [
                    r.number,
                    r.template_name,
                    str(r.version),
                    r.target_label,
                    local(r.started_at),
                    state,
                    score,
                    failed,
                    str(r.open_actions),
                ]
            )
        fill(
            self.table,
            texts,
            [r.id for r in rows],
            ["#c62828" if not r.passed else "" for r in rows],
        )
        if not rows:
            self.count.setText(
                self.tr("No inspections yet — start one from the due list or with New inspection")
            )
        else:
            self.count.setText(self.tr("{n} inspections").replace("{n}", str(len(rows))))

    def new(self) -> None:
        op = self.ctx.runner.query(
            self, lambda _p: template_ops.list_templates(self.ctx.db, self.ctx.estate_id)
        )
        op.success(self._ask).run()

    def _ask(self, templates) -> None:
        dialog = NewInspectionDialog([t for t in templates if t.version], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        target = Target(dialog.kind.currentData(), "", dialog.target.text())
        template_id = dialog.template.currentData()
        op = self.ctx.runner.write(
            self,
            lambda _p: run_ops.start(
                self.ctx.db, template_id, target, self.ctx.user_id, self.ctx.now()
            ),
        )
        op.success(self.open_inspection.emit).run()

    def amend(self) -> None:
        key = selected_key(self.table)
        if key:
            op = self.ctx.runner.write(
                self, lambda _p: run_ops.amend(self.ctx.db, key, self.ctx.user_id, self.ctx.now())
            )
            op.success(self.open_inspection.emit).run()


class ActionsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = make_table(
            [
                self.tr("Work order"),
                self.tr("Item"),
                self.tr("Where"),
                self.tr("Department"),
                self.tr("Severity"),
                self.tr("Due"),
                self.tr("State"),
            ]
        )
        rectified = QPushButton(self.tr("Rectified (after photo)…"))
        rectified.clicked.connect(self.rectified)
        verify = QPushButton(self.tr("Check and close"))
        verify.clicked.connect(lambda: self.verify(True))
        refuse = QPushButton(self.tr("Not fixed: back to work"))
        refuse.clicked.connect(lambda: self.verify(False))
        self.count = QLabel()
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.toggled.connect(lambda _on: self.reload())
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.overdue_only)
        for button in (rectified, verify, refuse):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        overdue = self.overdue_only.isChecked()
        op = self.ctx.runner.query(
            self,
            lambda _p: action_ops.open_actions(
                self.ctx.db, self.ctx.estate_id, self.ctx.now(), overdue_only=overdue
            ),
        )
        op.success(self.show_rows).run()

    def show_rows(self, rows) -> None:
        texts = [
            [
                r.number,
                r.item_name,
                r.location,
                department_word(r.department),
                severity_word(r.severity),
                local(r.due_at),
                status_word(r.status) + (" · " + self.tr("overdue") if r.overdue else ""),
            ]
            for r in rows
        ]
        fill(
            self.table, texts, [r.id for r in rows], ["#c62828" if r.overdue else "" for r in rows]
        )
        self.count.setText(
            self.tr("{n} open corrective actions").replace("{n}", str(len(rows)))
            if rows
            else self.tr("No open corrective actions")
        )

    def rectified(self) -> None:
        key = selected_key(self.table)
        if not key:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Photo after the repair"), "", self.tr("Photos (*.jpg *.jpeg *.png)")
        )
        if path:
            op = self.ctx.runner.write(
                self,
                lambda _p: action_ops.rectified(
                    self.ctx.db, key, Path(path), self.ctx.user_id, self.ctx.now()
                ),
            )
            op.success(lambda _s: self.reload()).run()

    def verify(self, ok: bool) -> None:
        key = selected_key(self.table)
        if key:
            op = self.ctx.runner.write(
                self,
                lambda _p: action_ops.verify(
                    self.ctx.db, key, self.ctx.user_id, self.ctx.now(), ok
                ),
            )
            op.success(lambda _s: self.reload()).run()
