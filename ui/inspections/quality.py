"""The monthly quality report (品质月报): completion on time, average score per department
and the change from last month with a six-month trend chart, the ten most-failed items,
action closure and overdue actions, repeat failures; XLSX export. Read on the runner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.inspections import reports as report_ops
from ui.context import AppContext
from ui.inspections.common import department_word, fill, make_table

COLOURS = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#455a64")


class TrendChart(QWidget):
    """Average score per month, one line per department (the whole estate in bold)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: list[tuple[str, list[tuple[str, object]]]] = []
        self.setMinimumHeight(220)

    def set_series(self, series) -> None:
        self.series = series
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.series:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No scores yet"))
            return
        months = [m for m, _v in self.series[0][1]]
        values = [float(v) for _n, pts in self.series for _m, v in pts if v is not None]
        low = min(values + [100.0]) - 5 if values else 0
        low = max(0.0, (low // 10) * 10)
        plot = QRectF(48, 12, self.width() - 200, self.height() - 40)
        painter.setPen(QPen(QColor("#cfd8dc"), 1))
        for step in range(5):
            y = plot.top() + plot.height() * step / 4
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#607d8b"))
            painter.drawText(
                QRectF(0, y - 8, 44, 16),
                Qt.AlignmentFlag.AlignRight,
                f"{100 - (100 - low) * step / 4:.0f}",
            )
            painter.setPen(QPen(QColor("#cfd8dc"), 1))
        painter.setPen(QColor("#607d8b"))
        xs = [plot.left() + plot.width() * i / max(len(months) - 1, 1) for i in range(len(months))]
        for x, month in zip(xs, months, strict=True):
            painter.drawText(
                QRectF(x - 30, plot.bottom() + 4, 60, 16), Qt.AlignmentFlag.AlignCenter, month
            )
        for n, (label, points) in enumerate(self.series):
            colour = QColor(COLOURS[n % len(COLOURS)])
            painter.setPen(QPen(colour, 3 if n == 0 else 1.6))
            last = None
            for x, (_m, v) in zip(xs, points, strict=True):
                if v is None:
                    last = None
                    continue
                y = plot.bottom() - plot.height() * (float(v) - low) / (100 - low)
                point = QPointF(x, y)
                painter.drawEllipse(point, 2.5, 2.5)
                if last is not None:
                    painter.drawLine(last, point)
                last = point
            painter.drawText(
                QRectF(plot.right() + 12, 12 + 18 * n, 140, 16),
                Qt.AlignmentFlag.AlignLeft,
                f"— {label}",
            )
        painter.end()


def last_month(today: date) -> str:
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year:04d}-{month:02d}"


class QualityTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report = None
        self.month = QComboBox()
        today = ctx.now().date()
        for back in range(0, 36):
            index = today.year * 12 + today.month - 1 - back
            self.month.addItem(f"{index // 12:04d}-{index % 12 + 1:02d}")
        self.month.setCurrentText(last_month(today))  # the report is written for last month
        self.month.currentTextChanged.connect(lambda _t: self.reload())
        export = QPushButton(self.tr("Export XLSX…"))
        export.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month")))
        bar.addWidget(self.month)
        bar.addStretch(1)
        bar.addWidget(export)
        self.figures = QGridLayout()
        self.labels = {}
        for n, key in enumerate(("on_time", "closure", "overdue", "repeats")):
            value = QLabel("—")
            value.setStyleSheet("font-size: 20px; font-weight: 600;")
            self.labels[key] = value
            self.figures.addWidget(value, 0, n)
        for n, text in enumerate(
            (
                self.tr("Completed on time"),
                self.tr("Actions closed"),
                self.tr("Overdue actions"),
                self.tr("Repeat failures"),
            )
        ):
            self.figures.addWidget(QLabel(text), 1, n)
        self.departments = make_table(
            [
                self.tr("Department"),
                self.tr("Inspections"),
                self.tr("Average score"),
                self.tr("Last month"),
                self.tr("Change"),
            ]
        )
        self.chart = TrendChart()
        self.failed = make_table([self.tr("Most failed items"), self.tr("Times")])
        self.repeats = make_table([self.tr("No."), self.tr("Inspected"), self.tr("Failed again")])
        top = QSplitter()
        top.addWidget(self.departments)
        top.addWidget(self.chart)
        bottom = QSplitter()
        bottom.addWidget(self.failed)
        bottom.addWidget(self.repeats)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(self.figures)
        layout.addWidget(top, 1)
        layout.addWidget(bottom, 1)

    def reload(self) -> None:
        month = self.month.currentText()
        op = self.ctx.runner.query(
            self,
            lambda _p: report_ops.quality_report(
                self.ctx.db, self.ctx.estate_id, month, self.ctx.now()
            ),
        )
        op.success(self.show_report).run()

    def show_report(self, report) -> None:
        self.report = report

        def pct(value) -> str:
            return "—" if value is None else f"{value}%"

        self.labels["on_time"].setText(
            f"{pct(report.on_time_rate)}  ({report.on_time}/{report.due})"
        )
        self.labels["closure"].setText(
            f"{pct(report.closure_rate)}  ({report.actions_closed}/{report.actions})"
        )
        self.labels["overdue"].setText(str(report.actions_overdue))
        self.labels["repeats"].setText(str(len(report.repeats)))
        rows = []
        for d in (report.estate, *report.departments):
            change = "" if d.change is None else (f"+{d.change}" if d.change > 0 else str(d.change))
            rows.append(
                [
                    department_word(d.department),
                    str(d.inspections),
                    pct(d.average),
                    pct(d.previous),
                    change,
                ]
            )
        fill(self.departments, rows)
        self.chart.set_series(
            [
                (department_word(d.department), list(d.trend))
                for d in (report.estate, *report.departments)
            ]
        )
        fill(self.failed, [[name, str(n)] for _i, name, n in report.top_failed])
        fill(self.repeats, [list(r) for r in report.repeats])

    def export(self) -> None:
        if self.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the quality report"),
            f"品质月报-{self.report.month}.xlsx",
            "Excel (*.xlsx)",
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path):
        labels = {
            "title": self.tr("Monthly quality report"),
            "department": self.tr("Department"),
            "inspections": self.tr("Inspections"),
            "average": self.tr("Average score"),
            "previous": self.tr("Last month"),
            "change": self.tr("Change"),
            "due": self.tr("Due"),
            "on_time": self.tr("On time"),
            "late": self.tr("Late"),
            "missed": self.tr("Missed"),
            "actions": self.tr("Actions"),
            "closed": self.tr("Closed"),
            "overdue": self.tr("Overdue"),
            "top_failed": self.tr("Most failed items"),
            "times": self.tr("Times"),
            "repeats": self.tr("Repeat failures"),
        }
        for d in (self.report.estate, *self.report.departments):
            labels[d.department] = department_word(d.department)
        report = self.report
        op = self.ctx.runner.query(
            self, lambda _p: report_ops.export_quality_xlsx(report, path, labels)
        )
        return op.run()
