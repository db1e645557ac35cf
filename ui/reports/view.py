"""What the reports hub shows of a report: its table (a Qt model over the plain rows,
formatted by column kind), its chart (QtCharts: a bar set per estate and series, the
target as a line) and its printable HTML."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_DOWN, Decimal
from html import escape

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.services import reports_hub as hub
from ui import formats
from ui.messages import message

NUMERIC = {hub.INT, hub.MONEY, hub.PERCENT, hub.SCORE}


def words(code: str, lang: str | None = None) -> str:
    """A report's code (column, series, coded cell) in the user's words; any other text
    (a bucket already in words, a staff name on a chart) as it is."""
    if code.startswith("report."):
        return message(code, lang=lang)
    return code


def cell_text(kind: str, value, tz: str = "Asia/Shanghai") -> str:
    if value is None or value == "":
        return ""
    if kind == "code":
        return words(value)
    if kind == hub.MONEY:
        return formats.money(value)
    if kind == hub.PERCENT:  # rounded down: a figure shown never reaches a missed target
        return f"{Decimal(value).quantize(Decimal('0.01'), rounding=ROUND_DOWN)}%"
    if kind == hub.SCORE:
        return f"{Decimal(value).quantize(Decimal('0.1'))}"
    if kind == hub.INT:
        return f"{value:,}"
    if isinstance(value, datetime):
        return formats.local_time(value, tz)
    if isinstance(value, date):
        return formats.day(value)
    return str(value)


class ReportModel(QAbstractTableModel):
    """One estate's table of a report."""

    def __init__(self, table: hub.Table, parent=None) -> None:
        super().__init__(parent)
        self.table = table

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.table.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return words(self.table.columns[section].code)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.table.columns[index.column()]
        value = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(column.kind, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column.kind == hub.MONEY
            and value is not None
            and value < 0
        ):
            return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole and self.table.link(index.row()) is not None:
            return QCoreApplication.translate("ReportsPage", "Double-click to open")
        return None


def draw_chart(chart, report: hub.Report) -> None:
    """Bars: one set per (estate, series), categories from the first part; a target line
    across when the report has one."""
    from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QLineSeries, QValueAxis

    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    categories: list[str] = []
    for part in report.parts:
        for series in part.series:
            for name, _v in series.points:
                if name not in categories:
                    categories.append(name)
    if not categories:
        return
    bars = QBarSeries()
    top = 0.0
    several = len(report.parts) > 1
    for part in report.parts:
        for series in part.series:
            label = words(series.code)
            bar_set = QBarSet(f"{part.estate_name} · {label}" if several else label)
            values = dict(series.points)
            for name in categories:
                bar_set.append(values.get(name, 0.0))
                top = max(top, values.get(name, 0.0))
            bars.append(bar_set)
    chart.addSeries(bars)
    axis_x = QBarCategoryAxis()
    axis_x.append([words(c) for c in categories])
    axis_y = QValueAxis()
    target = next((p.target for p in report.parts if p.target is not None), None)
    axis_y.setRange(0, max(top, target or 0) * 1.1 or 1)
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%.0f")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_x)
    bars.attachAxis(axis_y)
    if target is not None:
        line = QLineSeries()
        line.setName(
            QCoreApplication.translate("ReportsPage", "Target %1%").replace("%1", f"{target:g}")
        )
        line.append(-0.5, target)
        line.append(len(categories) - 0.5, target)
        chart.addSeries(line)
        hidden = QValueAxis()
        hidden.setRange(-0.5, len(categories) - 0.5)
        hidden.setVisible(False)
        chart.addAxis(hidden, Qt.AlignmentFlag.AlignBottom)
        line.attachAxis(hidden)
        line.attachAxis(axis_y)


def report_html(report: hub.Report, title: str, tz: str = "Asia/Shanghai") -> str:
    """The printable report (A4 through ui.widgets.printing): each estate's table."""
    period = f"{report.period.start.isoformat()} – {report.period.end.isoformat()}"
    parts = []
    for part in report.parts:
        head = "".join(f"<th>{escape(words(c.code))}</th>" for c in part.columns)
        body = []
        for row in part.rows:
            cells = []
            for column, value in zip(part.columns, row, strict=True):
                align = ' align="right"' if column.kind in NUMERIC else ""
                cells.append(f"<td{align}>{escape(cell_text(column.kind, value, tz))}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        parts.append(
            f"<h3>{escape(part.estate_name)}</h3>"
            '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        )
    return (
        "<html><body style='font-size:9pt'>"
        f"<h2>{escape(title)}</h2><p>{escape(period)}</p>" + "".join(parts) + "</body></html>"
    )
