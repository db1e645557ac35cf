"""Weekly statistics: counts, on-time rates, satisfaction, a chart, XLSX and print. The
figures are counted on the background runner (with progress and Cancel for a long week)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.complaints.stats import WeeklyStats, export_xlsx, week_ending, weekly_stats
from ui.complaints.labels import report_labels, word
from ui.complaints.model import paused
from ui.complaints.printing import weekly_summary_html
from ui.context import AppContext
from ui.widgets.printing import print_preview

ACCENT = QColor("#2f6690")


class StatsView(QWidget):
    shown = Signal()  # a week's figures are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stats: WeeklyStats | None = None
        self._asked = 0  # the newest week asked for; older answers are dropped
        self.week = QDateEdit()
        self.week.setDisplayFormat("yyyy-MM-dd")
        self.week.setCalendarPopup(True)
        self.week.setToolTip(self.tr("The week ends on this Saturday"))
        today = week_ending(ctx.clock.now().astimezone().date())
        self.week.setDate(QDate(today.year, today.month, today.day))
        self.week.dateChanged.connect(lambda *_: self.refresh())
        previous = QPushButton(self.tr("◀ Previous week"))
        previous.clicked.connect(lambda: self.move_week(-7))
        following = QPushButton(self.tr("Next week ▶"))
        following.clicked.connect(lambda: self.move_week(7))
        self.export_button = QPushButton(self.tr("Export XLSX…"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("Print summary…"))
        self.print_button.clicked.connect(self.print_summary)
        for button in (self.export_button, self.print_button):
            button.setEnabled(False)  # until a week's figures are counted
        self.range = QLabel()
        self.range.setProperty("role", "hint")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Week ending")))
        bar.addWidget(self.week)
        bar.addWidget(previous)
        bar.addWidget(following)
        bar.addWidget(self.range, 1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)

        self.figures: dict[str, QLabel] = {}
        figures = QGroupBox(self.tr("This week"))
        grid = QGridLayout(figures)
        for index, (key, label) in enumerate(
            (
                ("total", self.tr("Complaints")),
                ("valid", self.tr("Valid / invalid")),
                ("resolved", self.tr("Resolved")),
                ("open", self.tr("Still open")),
                ("repeats", self.tr("Repeat complaints")),
                ("average", self.tr("Average hours to resolve")),
            )
        ):
            value = QLabel("—")
            value.setProperty("role", "title")
            caption = QLabel(label)
            caption.setProperty("role", "hint")
            self.figures[key] = value
            grid.addWidget(caption, index // 3 * 2, index % 3)
            grid.addWidget(value, index // 3 * 2 + 1, index % 3)

        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setLocalizeNumbers(False)
        self.chart.legend().setVisible(True)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setTitle(self.tr("Complaints received per day"))
        self.bar_set = QBarSet(self.tr("Complaints"))
        self.bar_set.setColor(ACCENT)
        series = QBarSeries()
        series.append(self.bar_set)
        self.chart.addSeries(series)
        self.axis_x = QBarCategoryAxis()
        self.chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(self.axis_x)
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        self.axis_y.setTruncateLabels(False)
        self.chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(self.axis_y)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)

        self.breakdown = QTreeWidget()
        self.breakdown.setHeaderLabels([self.tr("Breakdown"), self.tr("Count")])
        # Counts sit under their header at the right, names take the rest of the width.
        header = self.breakdown.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.ontime = QTreeWidget()
        self.ontime.setRootIsDecorated(False)
        self.ontime.setHeaderLabels([self.tr("Deadline"), self.tr("Met / due"), self.tr("On time")])
        lower = QHBoxLayout()
        lower.addWidget(self.breakdown, 1)
        lower.addWidget(self.ontime, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(figures)
        # The breakdowns are what the director reads: they get as much room as the chart.
        layout.addWidget(self.chart_view, 1)
        layout.addLayout(lower, 1)

    def move_week(self, days: int) -> None:
        self.week.setDate(self.week.date().addDays(days))

    def week_end(self) -> date:
        return week_ending(self.week.date().toPython())

    def refresh(self) -> None:
        """Count the chosen week off the UI thread; the figures follow when ready."""
        self._asked += 1
        asked = self._asked
        db, estate_id, end, now = self.ctx.db, self.ctx.estate_id, self.week_end(), self.ctx.now()
        (
            self.ctx.runner.query(self, paused(lambda p: weekly_stats(db, estate_id, end, now, p)))
            .with_progress(self.tr("Counting the week's complaints…"), cancellable=True)
            .success(lambda stats: self._show(stats) if asked == self._asked else None)
            .failure(lambda _error: None)  # cancelled or failed: the last figures stay
            .run()
        )

    def _show(self, stats: WeeklyStats) -> None:
        self.stats = stats
        self.range.setText(f"{stats.week_start} – {stats.week_end}")
        f = self.figures
        f["total"].setText(str(stats.total))
        f["valid"].setText(f"{stats.valid} / {stats.invalid}")
        f["resolved"].setText(str(stats.resolved))
        f["open"].setText(str(stats.still_open))
        f["repeats"].setText(str(stats.repeats))
        f["average"].setText(
            "—" if stats.average_resolve_hours is None else f"{stats.average_resolve_hours:.1f}"
        )
        self._chart(stats)
        self.breakdown.clear()
        for title, counter in (
            (self.tr("By category"), stats.by_category),
            (self.tr("By severity"), stats.by_severity),
            (self.tr("By department"), stats.by_department),
            (self.tr("By channel"), stats.by_channel),
            (self.tr("Satisfaction"), stats.satisfaction),
        ):
            parent = QTreeWidgetItem([title, str(sum(counter.values()))])
            for code, count in counter.most_common():
                child = QTreeWidgetItem([word(code), str(count)])
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                parent.addChild(child)
            parent.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            self.breakdown.addTopLevelItem(parent)
            parent.setExpanded(True)
        self.ontime.clear()
        for kind, (met, due) in stats.on_time.items():
            item = QTreeWidgetItem([word(kind), f"{met} / {due}", f"{met / due:.0%}"])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            self.ontime.addTopLevelItem(item)
        self.ontime.resizeColumnToContents(0)
        self.export_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.shown.emit()

    def _chart(self, stats: WeeklyStats) -> None:
        """Complaints received each day of the week."""
        days = [stats.week_start + timedelta(days=i) for i in range(7)]
        counts = [stats.by_day.get(day, 0) for day in days]
        self.bar_set.remove(0, self.bar_set.count())
        self.bar_set.append(counts)
        self.axis_x.setCategories([f"{d:%m-%d}" for d in days])
        top = max([*counts, 1])
        # whole numbers only: one tick per complaint while few, nice steps beyond
        self.axis_y.setRange(0, top + 1)
        if top + 2 <= 12:
            self.axis_y.setTickCount(top + 2)
        else:
            self.axis_y.applyNiceNumbers()

    def export(self) -> None:
        if self.stats is None:
            return
        default = f"complaints-{self.stats.week_end}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export weekly statistics"), default, self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            export_xlsx(self.stats, path, report_labels())
            self.ctx.events.status_message.emit(self.tr("Saved {0}").format(path))

    def summary_html(self) -> str:
        return weekly_summary_html(self.stats, self.ctx.estate_name)

    def print_summary(self) -> None:
        if self.stats is None:
            return
        print_preview(self, self.summary_html(), self.tr("Weekly complaint statistics")).exec()
