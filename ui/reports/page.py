"""The reports hub (报表): every report of every desk on one page. Pick a report, the
estate(s) and the period; the report runs on the background runner and shows its chart
above one table per estate, side by side. Export XLSX, print or save a PDF (A4, with
preview). Double-clicking a row that names a record opens it through the main window
(an arrears row: that unit at the cashier's counter; a visitor or a key movement: that
visitor or key at reception; a work-log row: that day's work log), so no other desk is
imported here.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import reports_hub as hub
from app.services.reports_hub import export
from ui.context import AppContext
from ui.messages import current_language, message
from ui.reports.view import ReportModel, draw_chart, report_html, words
from ui.widgets.fields import banner
from ui.widgets.forms import action
from ui.widgets.printing import print_preview, write_pdf

DESKS = ("complaints", "reception", "inspections", "fees", "staff")
PRESETS = ("suggested", "this_week", "this_month", "last_month", "last_3_months", "this_year")
TZ = "Asia/Shanghai"


def suggested(kind: str, today: date) -> tuple[date, date]:
    """The period a report opens with: four weeks, six months, this month, or today."""
    if kind == "weeks":
        return today - timedelta(days=27), today
    if kind == "months":
        month = today.replace(day=1)
        for _ in range(5):
            month = (month - timedelta(days=1)).replace(day=1)
        return month, today
    if kind == "as_of":
        return today, today
    return today.replace(day=1), today


def preset(name: str, kind: str, today: date) -> tuple[date, date]:
    if name == "this_week":  # weeks run Sunday to Saturday (the weekly statistics')
        return today - timedelta(days=(today.weekday() + 1) % 7), today
    if name == "this_month":
        return today.replace(day=1), today
    if name == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if name == "last_3_months":
        start = today.replace(day=1)
        for _ in range(2):
            start = (start - timedelta(days=1)).replace(day=1)
        return start, today
    if name == "this_year":
        return today.replace(month=1, day=1), today
    return suggested(kind, today)


class ReportsPage(QWidget):
    shown = Signal(object)  # a report is on screen (hub.Report)
    exported = Signal(object)  # the XLSX written (Path)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: hub.Report | None = None
        self.report_id = hub.catalogue()[0].id
        self.estates: list[tuple[str, str]] = [(ctx.estate_id, ctx.estate_name)]
        self.chosen: set[str] = {ctx.estate_id}
        self._generation = 0
        self.loading = False

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(180)
        self.tree.setMaximumWidth(230)
        for desk in DESKS:
            top = QTreeWidgetItem([message(f"report.desk.{desk}")])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for item in hub.catalogue():
                if item.desk == desk:
                    child = QTreeWidgetItem([message(f"report.{item.id}")])
                    child.setData(0, Qt.ItemDataRole.UserRole, item.id)
                    top.addChild(child)
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(self._picked)

        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.about = QLabel()
        self.about.setProperty("role", "hint")
        self.about.setWordWrap(True)
        self.estate_button = QToolButton()
        self.estate_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.estate_menu = QMenu(self.estate_button)
        self.estate_label = QLabel()
        self.estate_button.setMenu(self.estate_menu)
        self.presets = QComboBox()
        for name, text in zip(
            PRESETS,
            (
                self.tr("Suggested period"),
                self.tr("This week"),
                self.tr("This month"),
                self.tr("Last month"),
                self.tr("Last 3 months"),
                self.tr("This year"),
            ),
            strict=True,
        ):
            self.presets.addItem(text, name)
        self.presets.activated.connect(lambda _i: self._apply_preset())
        self.from_label = QLabel(self.tr("From"))
        self.date_from = QDateEdit()
        self.to_label = QLabel(self.tr("To"))
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _d: self._soon.start())
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_action = action(
            self, self.tr("Export XLSX…"), self.export_xlsx, icon="fa5s.file-excel", toolbar=bar
        )
        self.print_action = action(self, self.tr("Print…"), self.print_report, icon="fa5s.print")
        self.pdf_action = action(self, self.tr("Save as PDF…"), self.save_pdf, icon="fa5s.file-pdf")
        print_button = QToolButton()
        print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        print_button.setDefaultAction(self.print_action)
        print_menu = QMenu(print_button)
        print_menu.addAction(self.pdf_action)
        print_button.setMenu(print_menu)
        print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        bar.addWidget(print_button)
        controls = QHBoxLayout()
        controls.addWidget(self.estate_button)
        controls.addWidget(self.estate_label)
        controls.addWidget(self.presets)
        controls.addWidget(self.from_label)
        controls.addWidget(self.date_from)
        controls.addWidget(self.to_label)
        controls.addWidget(self.date_to)
        controls.addStretch(1)
        controls.addWidget(bar)
        self.message = QLabel()
        self.message.hide()

        from PySide6.QtCharts import QChart, QChartView

        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(self.chart.margins() * 0)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(180)
        self.tables = QSplitter(Qt.Orientation.Horizontal)
        self.tables.setChildrenCollapsible(False)
        self.views: list[QTableView] = []
        self.boxes: list[QWidget] = []
        self.empty = QLabel()
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.chart_view)
        body.addWidget(self.tables)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        body.setSizes([260, 420])
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.about)
        column.addLayout(controls)
        column.addWidget(self.message)
        column.addWidget(body, 1)
        column.addWidget(self.empty)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tree)
        layout.addWidget(right, 1)

        self._soon = QTimer(self)  # several date edits in a row run the report once
        self._soon.setSingleShot(True)
        self._soon.setInterval(300)
        self._soon.timeout.connect(self.run_report)
        self._fill_estates(self.estates)
        if len(ctx.estate_ids) > 1:
            op = ctx.runner.query(self, lambda _p: hub.estate_names(ctx.db, ctx.estate_ids))
            op.success(self._estates_read).run()
        self.show_report(self.report_id)

    # ---- estates ----

    def _estates_read(self, estates: list[tuple[str, str]]) -> None:
        # the estate logged in to first, then the others as enrolled
        estates = sorted(estates, key=lambda e: e[0] != self.ctx.estate_id)
        self.estates = estates
        self.chosen = {e for e, _n in estates}  # head office: every estate side by side
        self._fill_estates(estates)
        self.run_report()

    def _fill_estates(self, estates: list[tuple[str, str]]) -> None:
        self.estate_menu.clear()
        for estate_id, name in estates:
            act = self.estate_menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(estate_id in self.chosen)
            act.toggled.connect(lambda on, e=estate_id: self.choose_estate(e, on))
        self._estate_text()

    def choose_estate(self, estate_id: str, on: bool) -> None:
        if on:
            self.chosen.add(estate_id)
        elif len(self.chosen) > 1:  # at least one estate stays chosen
            self.chosen.discard(estate_id)
        self._estate_text()
        self._soon.start()

    def _estate_text(self) -> None:
        names = [n for e, n in self.estates if e in self.chosen]
        self.estate_button.setText(self.tr("Estates: %1").replace("%1", "、".join(names)))
        several = len(self.estates) > 1  # one estate: its name, nothing to pick
        self.estate_label.setText(self.tr("Estates: %1").replace("%1", "、".join(names)))
        self.estate_button.setVisible(several)
        self.estate_label.setVisible(not several)

    def estate_ids(self) -> list[str]:
        return [e for e, _n in self.estates if e in self.chosen]

    # ---- choosing ----

    def _picked(self, item, _previous) -> None:
        report_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if report_id and report_id != self.report_id:
            self.show_report(report_id)

    def show_view(self, report_id: str) -> None:
        """The main window's snapshot views: one report by id."""
        self.show_report(report_id)

    def show_report(self, report_id: str) -> None:
        spec = hub.spec(report_id)
        self.report_id = report_id
        self._select_in_tree(report_id)
        self.title.setText(message(f"report.{report_id}"))
        self.about.setText(message(f"report.about.{report_id}"))
        as_of = spec.period == "as_of"
        self.from_label.setVisible(not as_of)
        self.date_from.setVisible(not as_of)
        self.to_label.setText(self.tr("As of") if as_of else self.tr("To"))
        self.presets.setCurrentIndex(0)
        self._apply_preset()

    def _select_in_tree(self, report_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, Qt.ItemDataRole.UserRole) == report_id:
                    self.tree.blockSignals(True)
                    self.tree.setCurrentItem(top.child(j))
                    self.tree.blockSignals(False)

    def _apply_preset(self) -> None:
        today = self.ctx.clock.now().astimezone(ZoneInfo(TZ)).date()
        kind = hub.spec(self.report_id).period
        start, end = preset(self.presets.currentData(), kind, today)
        if kind == "as_of":
            start = end
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.run_report()

    def period(self) -> hub.Period:
        end = self.date_to.date().toPython()
        if hub.spec(self.report_id).period == "as_of":
            return hub.Period(end, end)
        start = self.date_from.date().toPython()
        return hub.Period(min(start, end), max(start, end))

    # ---- running ----

    def refresh(self) -> None:
        """F5: run the report shown again."""
        self.run_report()

    def run_report(self) -> None:
        self._soon.stop()
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        report_id, estates, period, now = (
            self.report_id,
            self.estate_ids(),
            self.period(),
            ctx.clock.now(),
        )
        self.loading = True
        (
            ctx.runner.query(
                self, lambda p: hub.run_report(ctx.db, report_id, estates, period, now, p)
            )
            .with_progress(self.tr("Preparing the report…"), cancellable=True)
            .success(lambda report: self._show(report, generation))
            .finally_(lambda: self._finished(generation))
            .run()
        )

    def _finished(self, generation: int) -> None:
        if generation == self._generation:
            self.loading = False

    def _show(self, report: hub.Report, generation: int) -> None:
        if generation != self._generation:
            return  # a newer choice is being read
        self.report = report
        self.message.hide()
        draw_chart(self.chart, report)
        for box in self.boxes:  # the previous report's tables
            box.hide()
            box.deleteLater()
        self.views, self.boxes = [], []
        for index, part in enumerate(report.parts):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(
                self.tr("%1 — %n row(s)", "", len(part.rows)).replace("%1", part.estate_name)
            )
            view = QTableView()
            view.setModel(ReportModel(part, view))
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)
            view.resizeColumnsToContents()
            view.doubleClicked.connect(lambda i, n=index: self.open_row(n, i.row()))
            view.activated.connect(lambda i, n=index: self.open_row(n, i.row()))
            box_layout.addWidget(caption)
            box_layout.addWidget(view, 1)
            self.tables.addWidget(box)
            self.views.append(view)
            self.boxes.append(box)
        nothing = all(not p.rows for p in report.parts)
        self.empty.setText(self.tr("Nothing in this period — choose another period or estate."))
        self.empty.setVisible(nothing)
        self.shown.emit(report)

    # ---- rows open what they name ----

    def open_row(self, part: int, row: int) -> bool:
        """The record a row names (an arrears row: the unit at the cashier's counter; a
        visitor, a key, a work-log day at reception), opened by the main window's
        RECORD_OPENERS; False when the row names none (a week, a category, a staff KPI)."""
        if self.report is None or not 0 <= part < len(self.report.parts):
            return False
        link = self.report.parts[part].link(row)
        window = self.window()
        if link is None or not hasattr(window, "open_record"):
            return False
        window.open_record(link.kind, link.id)
        return True

    # ---- export, print ----

    def _file_name(self, suffix: str) -> str:
        period = self.report.period if self.report else self.period()
        return f"{message(f'report.{self.report_id}')}-{period.start}-{period.end}.{suffix}"

    def export_xlsx(self, path: str | None = None):
        if self.report is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export XLSX"), self._file_name("xlsx"), "Excel (*.xlsx)"
            )
            if not path:
                return None
        report, lang = self.report, current_language()
        title = message(f"report.{report.report_id}")

        def write(_p):
            return export.write_xlsx(report, path, lambda c: words(c, lang), title, TZ)

        def written(done: Path) -> None:
            banner("banner-ok", self.tr("Exported to %1").replace("%1", str(done)), self.message)
            self.exported.emit(done)

        return self.ctx.runner.query(self, write).success(written).run()

    def html(self) -> str:
        return report_html(self.report, message(f"report.{self.report_id}"), TZ)

    def print_report(self) -> None:
        if self.report is not None:
            self.preview = print_preview(self, self.html(), self.title.text())
            self.preview.open()

    def save_pdf(self, path: str | None = None) -> Path | None:
        if self.report is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), self._file_name("pdf"), "PDF (*.pdf)"
            )
            if not path:
                return None
        done = write_pdf(self.html(), path)
        banner("banner-ok", self.tr("Saved %1").replace("%1", str(done)), self.message)
        return done
