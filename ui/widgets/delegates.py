"""How money and dates look in a list (UI.md "Formats"), as item delegates.

The model gives the value itself (``Decimal``, ``date`` or ``datetime``) as its display
data; the delegate writes it: ``¥1,234.56`` right-aligned with a negative amount in red,
dates ``YYYY-MM-DD``, moments ``YYYY-MM-DD HH:mm`` in the estate's time zone.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyledItemDelegate

from ui import formats

NEGATIVE = QColor("#c62828")


class MoneyDelegate(QStyledItemDelegate):
    def displayText(self, value, locale) -> str:  # noqa: N802 (Qt's name)
        if isinstance(value, Decimal):
            return formats.money(value)
        return super().displayText(value, locale)

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        value = index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(value, Decimal) and value < 0:
            option.palette.setBrush(option.palette.ColorRole.Text, QBrush(NEGATIVE))


class DateDelegate(QStyledItemDelegate):
    """A date as YYYY-MM-DD; a moment (aware datetime, UTC) as local YYYY-MM-DD HH:mm."""

    def __init__(self, parent=None, tz: str = "Asia/Shanghai") -> None:
        super().__init__(parent)
        self.tz = tz

    def displayText(self, value, locale) -> str:  # noqa: N802 (Qt's name)
        if isinstance(value, datetime):
            return formats.local_time(value, self.tz)
        if isinstance(value, date):
            return formats.day(value)
        return super().displayText(value, locale)
