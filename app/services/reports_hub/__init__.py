"""The reports hub (报表): every report of every desk, each one operation taking estate
ids and a period and returning, per estate, a plain table and the series of its chart.

Column titles, report titles and series names are message codes (``report.*``, in
``ui.messages.dashboard``); values are plain: text, int, Decimal (money or a percentage),
date, datetime. A row may name a record (``Link``), which the screen opens on
double-click: an arrears row that unit at the cashier's counter, a visitor-register row that
visitor, a key-register row that key, a work-log row that member of staff's day.
Aggregate rows (a week, a month, a category, a member of staff's figures) name none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.progress import Progress
from app.store.db import Database

# column kinds: how a screen shows and exports a value
TEXT, INT, MONEY, PERCENT, DAY, TIME, SCORE = (
    "text",
    "int",
    "money",
    "percent",
    "day",
    "time",
    "score",
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Column:
    code: str  # message code of its title, e.g. "report.col.unit"
    kind: str = TEXT


@dataclass(frozen=True)
class Link:
    kind: str  # "unit", "visitor", "key", "worklog" (its id: ``staff_day``)
    id: str


def staff_day(estate_id: str, staff_id: str, day: date) -> str:
    """A work-log row's link id: one member of staff's day at one estate (named so, since
    the day may have entries and no log row yet)."""
    return f"{estate_id}/{staff_id}/{day.isoformat()}"


def parse_staff_day(link_id: str) -> tuple[str, str, date]:
    """(estate id, staff id, day) of a ``staff_day`` link id."""
    estate_id, staff_id, day = link_id.split("/")
    return estate_id, staff_id, date.fromisoformat(day)


@dataclass(frozen=True)
class Series:
    code: str  # message code of its name (or a plain label such as an ageing bucket)
    points: tuple[tuple[str, float], ...]  # (category, value): chart geometry only


@dataclass(frozen=True)
class Table:
    estate_id: str
    estate_name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    links: tuple[Link | None, ...] = ()  # per row, when rows name records
    series: tuple[Series, ...] = ()
    target: float | None = None  # a line across the chart (a percentage target)

    def link(self, row: int) -> Link | None:
        return self.links[row] if 0 <= row < len(self.links) else None


@dataclass(frozen=True)
class Report:
    report_id: str
    period: Period
    made_at: datetime
    parts: tuple[Table, ...]  # one per estate, in the order asked


@dataclass(frozen=True)
class ReportSpec:
    id: str  # also its title's code: "report.<id>"
    desk: str  # complaints, reception, inspections, fees, staff
    period: str  # "weeks", "months", "days" or "as_of" (the period's last day)
    run: Callable[[Database, str, Period, datetime, Progress], Table]


def catalogue() -> tuple[ReportSpec, ...]:
    """Every report, by desk."""
    from app.services.reports_hub import desks

    return desks.CATALOGUE


def spec(report_id: str) -> ReportSpec:
    for item in catalogue():
        if item.id == report_id:
            return item
    raise KeyError(report_id)


def run_report(
    db: Database,
    report_id: str,
    estate_ids: Sequence[str],
    period: Period,
    now: datetime,
    progress: Progress | None = None,
) -> Report:
    """The report for each estate (side by side on screen), in one call for the runner."""
    progress = progress or Progress()
    chosen = spec(report_id)
    parts = []
    for done, estate_id in enumerate(estate_ids):
        progress.step(done, len(estate_ids))
        parts.append(chosen.run(db, estate_id, period, now, progress))
    progress.step(len(estate_ids), len(estate_ids))
    return Report(report_id, period, now, tuple(parts))


def estate_names(db: Database, estate_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(id, name) of the estates a desk may report on, in the order given."""
    from app.store.models import Estate

    with db.session() as s:
        return [(e, (s.get(Estate, e).name if s.get(Estate, e) else e)) for e in estate_ids]
