"""Words and small helpers the inspection screens share: status and department words (in
the user's language, never colour alone), names in the user's language, table filling."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

TZ = ZoneInfo("Asia/Shanghai")


def chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def name(obj) -> str:
    """An item's, option's or template's name in the user's language (Chinese first)."""
    zh, en = getattr(obj, "name_zh", ""), getattr(obj, "name_en", "")
    return (zh or en) if chinese() else (en or zh)


def status_word(status: str) -> str:
    return {
        "upcoming": QCoreApplication.translate("Inspections", "Upcoming"),
        "due": QCoreApplication.translate("Inspections", "Due"),
        "overdue": QCoreApplication.translate("Inspections", "Late"),
        "on_time": QCoreApplication.translate("Inspections", "Done on time"),
        "late": QCoreApplication.translate("Inspections", "Done late"),
        "missed": QCoreApplication.translate("Inspections", "Missed"),
        "made_up": QCoreApplication.translate("Inspections", "Made up"),
        "in_progress": QCoreApplication.translate("Inspections", "In progress"),
        "finalised": QCoreApplication.translate("Inspections", "Finalised"),
        "signed": QCoreApplication.translate("Inspections", "Signed"),
        "registered": QCoreApplication.translate("Inspections", "Registered"),
        "dispatched": QCoreApplication.translate("Inspections", "Dispatched"),
        "accepted": QCoreApplication.translate("Inspections", "Accepted"),
        "in_progress_wo": QCoreApplication.translate("Inspections", "In progress"),
        "done": QCoreApplication.translate("Inspections", "Done, to be checked"),
        "visited": QCoreApplication.translate("Inspections", "Checked"),
        "closed": QCoreApplication.translate("Inspections", "Closed"),
    }.get(status, status)


STATUS_COLOURS = {
    "overdue": "#c62828",
    "missed": "#8e24aa",
    "due": "#ef6c00",
    "late": "#ad1457",
    "on_time": "#2e7d32",
    "made_up": "#00838f",
}


def department_word(dept: str) -> str:
    return {
        "cleaning": QCoreApplication.translate("Inspections", "Cleaning"),
        "security": QCoreApplication.translate("Inspections", "Security"),
        "control_room": QCoreApplication.translate("Inspections", "Control room"),
        "engineering": QCoreApplication.translate("Inspections", "Repair service"),
        "customer_service": QCoreApplication.translate("Inspections", "Customer service"),
        "estate_office": QCoreApplication.translate("Inspections", "Estate office"),
        "landscaping": QCoreApplication.translate("Inspections", "Landscaping"),
        "*": QCoreApplication.translate("Inspections", "Whole estate"),
    }.get(dept, dept)


def answer_word(value: str) -> str:
    return {
        "pass": QCoreApplication.translate("Inspections", "Pass"),
        "fail": QCoreApplication.translate("Inspections", "Fail"),
        "na": QCoreApplication.translate("Inspections", "N/A"),
        "": QCoreApplication.translate("Inspections", "Not answered"),
    }.get(value, value)


def severity_word(severity: str) -> str:
    return {
        "high": QCoreApplication.translate("Inspections", "High (24 h)"),
        "medium": QCoreApplication.translate("Inspections", "Medium (72 h)"),
        "low": QCoreApplication.translate("Inspections", "Low (7 days)"),
    }.get(severity, severity)


def local(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return moment.astimezone(TZ).strftime(fmt) if moment else ""


def make_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def fill(
    table: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[object] = (), colours=()
) -> None:
    """Rows of text; ``keys`` are kept on the first cell (Qt.UserRole); ``colours`` the
    text colour of each row (with the word in the row saying the same)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = QTableWidgetItem(str(text))
            if c == 0 and r < len(keys):
                cell.setData(Qt.ItemDataRole.UserRole, keys[r])
            if r < len(colours) and colours[r]:
                cell.setForeground(QColor(colours[r]))
            table.setItem(r, c, cell)
    table.resizeColumnsToContents()


def selected_key(table: QTableWidget):
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)
