"""What the hub's reports share: the estate's name and time zone, a period's bounds in
UTC, percentages for display, the months of a period, and building a ``Table``."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.domain.fees import shift_period
from app.services.reception.common import tz_of
from app.services.reports_hub import Column, Period, Table
from app.store.models import Estate

if TYPE_CHECKING:
    from app.store.db import Database

HUNDRED = Decimal(100)
MAX_WEEKS = 53  # a longer period shows its last year of weeks
MAX_MONTHS = 24


def estate_of(db: Database, estate_id: str) -> tuple[str, str]:
    """(name, time zone) of an estate."""
    with db.session() as s:
        estate = s.get(Estate, estate_id)
        return (estate.name if estate else ""), tz_of(s, estate_id)


def bounds(period: Period, tz: str) -> tuple[datetime, datetime]:
    """The period's first and (exclusive) last moment in UTC, by the estate's days."""
    zone = ZoneInfo(tz)
    start = datetime.combine(period.start, time(0), zone).astimezone(UTC)
    end = datetime.combine(period.end + timedelta(days=1), time(0), zone).astimezone(UTC)
    return start, end


def percent(part, whole) -> Decimal | None:
    """part / whole as a percentage (two places, half up, for display); None of nothing."""
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(Decimal("0.01"))


def months_of(period: Period) -> list[str]:
    last = period.end.strftime("%Y-%m")
    first = period.start.strftime("%Y-%m")
    months = [first]
    while months[-1] < last and len(months) < MAX_MONTHS * 4:
        months.append(shift_period(months[-1], 1))
    return months[-MAX_MONTHS:]


def table(db, estate_id, columns, rows, links=(), series=(), target=None) -> Table:
    name, _tz = estate_of(db, estate_id)
    return Table(
        estate_id,
        name,
        tuple(Column(code, kind) for code, kind in columns),
        tuple(tuple(r) for r in rows),
        tuple(links),
        tuple(series),
        target,
    )
