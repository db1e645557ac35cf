"""The collection-rate tab: the month's rate (collected ÷ receivable) against the 95%
target, and a chart of the last 12 months; read off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.collection import COLLECTION_TARGET, MANAGEMENT, percent_shown
from app.services.fees import reports
from ui import formats
from ui.context import AppContext
from ui.fees.common import BuildingFilter, FeeTab, local_today, month_edit, period_text
from ui.fees.labels import word

MONTHS = 12


class CollectionTab(FeeTab):
    TABLES = ("bill_lines", "fee_adjustments", "payments", "payment_allocations")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.points: list[reports.CollectionPoint] = []
        self.month = month_edit(local_today(ctx))
        self.building = BuildingFilter(ctx, self.tr("All buildings"))
        self.figure = QLabel()
        self.figure.setProperty("role", "title")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.kinds = QLabel()
        self.kinds.setProperty("role", "hint")
        self.kinds.setWordWrap(True)
        self.month.dateChanged.connect(lambda _d: self.refresh_soon())
        self.building.currentIndexChanged.connect(lambda _i: self.refresh_soon())
        from PySide6.QtCharts import QChart, QChartView

        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Month")))
        filters.addWidget(self.month)
        filters.addWidget(self.building)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.figure)
        layout.addWidget(self.detail)
        layout.addWidget(self.kinds)
        layout.addWidget(self.chart_view, 1)

    def refresh(self) -> None:
        db, estate_id = self.ctx.db, self.ctx.estate_id
        month, building = period_text(self.month), self.building.currentData()
        self.read(lambda _p: reports.collection(db, estate_id, month, MONTHS, building), self._show)

    def _show(self, points: list[reports.CollectionPoint]) -> None:
        self.points = points
        current = points[-1]
        target = f"{COLLECTION_TARGET:.0%}"
        if current.rate is None:
            self.figure.setText(self.tr("%1: nothing billed").replace("%1", current.period))
        else:
            word_state = self.tr("target met") if current.target_met else self.tr("below target")
            self.figure.setText(
                self.tr("%1 management fee collection rate %2 (target %3, %4)")
                .replace("%1", current.period)
                .replace("%2", f"{percent_shown(current.rate, 1)}%")
                .replace("%3", target)
                .replace("%4", word_state)
            )
        self.detail.setText(
            self.tr(
                "Management fee: collected %1 of %2 receivable. Collected = payments applied to the month's bills; receivable = the month's bills after adjustments."
            )
            .replace("%1", formats.money(current.collected))
            .replace("%2", formats.money(current.receivable))
        )
        self.kinds.setText(self._kinds_text(current))
        self._draw()

    def _kinds_text(self, point: reports.CollectionPoint) -> str:
        """Each other kind billed that month, then all fees, each labelled (the target is
        the management fee's only)."""
        parts = []
        rates = point.rates
        for rate in (*[r for r in rates.by_kind if r.kind != MANAGEMENT], rates.all_fees):
            if rate.rate is None:
                continue
            parts.append(
                self.tr("%1 %2 (%3 of %4)")
                .replace("%1", word(rate.kind))
                .replace("%2", f"{percent_shown(rate.rate, 1)}%")
                .replace("%3", formats.money(rate.collected))
                .replace("%4", formats.money(rate.receivable))
            )
        return " · ".join(parts)

    def _draw(self) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QLineSeries, QValueAxis

        target = f"{COLLECTION_TARGET:.0%}"
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(self.tr("Management fee collection rate %"))
        for point in self.points:
            bars.append(float((point.rate or 0) * 100))  # chart geometry only, not money
        series = QBarSeries()
        series.append(bars)
        goal = QLineSeries()
        goal.setName(self.tr("Target %1").replace("%1", target))
        for i in range(len(self.points)):
            goal.append(i - 0.5, float(COLLECTION_TARGET * 100))
            goal.append(i + 0.5, float(COLLECTION_TARGET * 100))
        self.chart.addSeries(series)
        self.chart.addSeries(goal)
        categories = QBarCategoryAxis()
        categories.append([p.period[2:] for p in self.points])
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        hidden = QValueAxis()
        hidden.setRange(-0.5, len(self.points) - 0.5)
        hidden.setVisible(False)
        self.chart.addAxis(hidden, Qt.AlignmentFlag.AlignBottom)
        goal.attachAxis(hidden)
        goal.attachAxis(values)
        self.chart.setTitle(self.tr("Management fee collection rate, last 12 months"))
