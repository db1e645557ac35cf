"""How values look on screen (UI.md "Formats")."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.money import format_yuan


def area(value: Decimal | None) -> str:
    """89.50 m² (㎡ in Chinese), always two decimals."""
    if value is None:
        return ""
    unit = "㎡" if QLocale().language() == QLocale.Language.Chinese else "m²"
    return f"{value:,.2f} {unit}"


def money(value: Decimal) -> str:
    return format_yuan(value)


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def local_time(value: datetime | str | None, tz: str = "Asia/Shanghai") -> str:
    """A stored UTC moment as YYYY-MM-DD HH:mm in the estate's time zone."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def yes_no(flag: bool) -> str:
    return QCoreApplication.translate("Formats", "Yes") if flag else ""
