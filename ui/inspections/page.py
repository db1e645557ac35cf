"""Inspections (巡检): the due list, the inspections, open corrective actions, checklists
(with the editor), the monthly quality report and move-in, one tab each; the run screen
and the move-in wizard take the page while they are open.

Lists are read on the runner and refreshed from change events (a save here, a sync) and
the clock's tick (due, late, missed move on at midnight). The shipped checklists are
loaded the first time the page opens on an estate that has none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.inspections import reports as report_ops
from app.services.inspections import templates as template_ops
from ui.context import AppContext
from ui.inspections.editor import TemplatesTab
from ui.inspections.lists import ActionsTab, DueTab, InspectionsTab
from ui.inspections.movein import MoveInTab
from ui.inspections.printing import preview, write_pdf
from ui.inspections.quality import QualityTab
from ui.inspections.run import RunScreen
from ui.inspections.schedules import SchedulesDialog
from ui.widgets.changes import on_changes

WATCHED = (
    "inspections",
    "inspection_answers",
    "inspection_photos",
    "inspection_signatures",
    "inspection_actions",
    "inspection_schedules",
    "inspection_templates",
    "inspection_template_versions",
    "work_orders",
    "work_order_events",
    "move_ins",
    "move_in_events",
)
VIEWS = ("due", "inspections", "actions", "templates", "quality-report", "movein")


class InspectionsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Inspections"))
        title.setProperty("role", "title")
        self.due = DueTab(ctx)
        self.inspections = InspectionsTab(ctx)
        self.actions = ActionsTab(ctx)
        self.templates = TemplatesTab(ctx)
        self.quality = QualityTab(ctx)
        self.movein = MoveInTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.due, self.tr("Due"))
        self.tabs.addTab(self.inspections, self.tr("Inspections"))
        self.tabs.addTab(self.actions, self.tr("Corrective actions"))
        self.tabs.addTab(self.templates, self.tr("Checklists"))
        self.tabs.addTab(self.quality, self.tr("Quality report"))
        self.tabs.addTab(self.movein, self.tr("Move-in"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        desk = QWidget()
        desk_layout = QVBoxLayout(desk)
        desk_layout.setContentsMargins(16, 12, 16, 8)
        plans = QPushButton(self.tr("Inspection plans…"))
        plans.clicked.connect(self.open_plans)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(plans)
        desk_layout.addLayout(head)
        desk_layout.addWidget(self.tabs, 1)
        self.run = RunScreen(ctx)
        self.run.closed.connect(self.back_to_desk)
        self.run.report_wanted.connect(self.open_report)
        self.stack = QStackedWidget()
        self.stack.addWidget(desk)
        self.stack.addWidget(self.run)
        self.stack.addWidget(self.movein.wizard)
        self.movein.wizard_opened.connect(lambda: self.stack.setCurrentWidget(self.movein.wizard))
        self.movein.wizard.closed.connect(self.back_to_desk)
        self.movein.wizard.inspection_wanted.connect(self.open_inspection)
        for tab in (self.due, self.inspections):
            tab.open_inspection.connect(self.open_inspection)
        self.inspections.report_wanted.connect(self.open_report)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._came_from_wizard = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        on_changes(ctx.changes, self, WATCHED, lambda _c: self._timer.start())
        ctx.ticker.ticked.connect(self._ticked)  # a bound slot: gone with the page
        op = ctx.runner.write(
            self, lambda _p: template_ops.ensure_default_templates(ctx.db, ctx.estate_id, ctx.now())
        )
        op.finally_(self.refresh).run()

    def _ticked(self, _now) -> None:
        self.refresh()

    def refresh(self) -> None:
        """F5, tab changes, change events: read what is shown again."""
        if self.stack.currentWidget() is self.run:
            return  # the walk keeps what it shows; its own saves are already in it
        if self.stack.currentWidget() is self.movein.wizard:
            self.movein.wizard.reload()
            return
        self.tabs.currentWidget().reload()

    def show_view(self, view: str) -> None:
        if view == "run":
            op = self.ctx.runner.query(self, lambda _p: _first_in_progress(self.ctx))
            op.success(lambda iid: iid and self.open_inspection(iid)).run()
            return
        if view == "movein-wizard":
            self.tabs.setCurrentWidget(self.movein)
            self.movein.open_first_under_way()
            return
        tabs = {
            "due": self.due,
            "inspections": self.inspections,
            "actions": self.actions,
            "templates": self.templates,
            "quality-report": self.quality,
            "movein": self.movein,
        }
        if view in tabs:
            self.back_to_desk()
            self.tabs.setCurrentWidget(tabs[view])
            self.refresh()

    def show_filtered(self, name: str) -> None:
        """ "due:now" (the due list, only what is due or late now) or "actions:overdue"
        (the open corrective actions past their due time)."""
        view, _, which = name.partition(":")
        if view == "due":
            self.due.due_now.setChecked(which == "now")
        elif view == "actions":
            self.actions.overdue_only.setChecked(which == "overdue")
        self.show_view(view)

    def open_inspection(self, inspection_id: str) -> None:
        self._came_from_wizard = self.stack.currentWidget() is self.movein.wizard
        self.stack.setCurrentWidget(self.run)
        self.run.view = None
        self.run.open(inspection_id)

    def back_to_desk(self) -> None:
        if self._came_from_wizard and self.stack.currentWidget() is self.run:
            self._came_from_wizard = False
            self.stack.setCurrentWidget(self.movein.wizard)
            self.movein.wizard.reload()
            return
        self.stack.setCurrentIndex(0)
        self.refresh()

    def open_plans(self) -> SchedulesDialog:
        dialog = SchedulesDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    def open_report(self, inspection_id: str) -> None:
        op = self.ctx.runner.query(
            self,
            lambda _p: report_ops.inspection_report(self.ctx.db, inspection_id, self.ctx.now()),
        )
        op.success(self._preview).with_progress(self.tr("Preparing the report…")).run()

    def _preview(self, report) -> None:
        self.last_report = report
        dialog = preview(self, report)
        dialog.open()
        self.last_preview = dialog

    def save_pdf(self, report, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the report as PDF"),
                f"{report.view.header.number}.pdf",
                "PDF (*.pdf)",
            )
            if not name:
                return None
            path = Path(name)
        return write_pdf(report, path)


def _first_in_progress(ctx: AppContext) -> str:
    from app.services.inspections import due as due_ops

    rows = due_ops.list_inspections(ctx.db, ctx.estate_id, status="in_progress")
    return rows[0].id if rows else ""
