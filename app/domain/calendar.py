"""A working-day calendar an estate can edit: weekends, public holidays and the make-up
working days (调休) that China moves onto weekends. The national holidays and 调休 days of
the region come from ``app.domain.holidays`` (data files, read once); the estate's own
days override them. Otherwise pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.domain.holidays import national_calendar

DEFAULT_TIMEZONE = "Asia/Shanghai"


@dataclass(frozen=True)
class WorkingCalendar:
    """``weekend`` holds ISO weekday numbers (6 = Saturday, 7 = Sunday). ``holidays`` and
    ``extra_workdays`` are the estate's own; ``region`` names the national calendar under
    them (None: the estate's days and weekends only)."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    extra_workdays: frozenset[date] = field(default_factory=frozenset)
    weekend: frozenset[int] = frozenset({6, 7})
    region: str | None = "CN"

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_workdays:
            return True
        if day in self.holidays:
            return False
        if self.region:
            national = national_calendar(self.region)
            if day in national.workdays:
                return True
            if day in national.holidays:
                return False
        return day.isoweekday() not in self.weekend

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (``start`` itself is day 0)."""
        current = start
        left = days
        while left > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                left -= 1
        return current

    def to_json(self) -> dict:
        return {
            "holidays": sorted(d.isoformat() for d in self.holidays),
            "extra_workdays": sorted(d.isoformat() for d in self.extra_workdays),
            "weekend": sorted(self.weekend),
            "region": self.region,
        }

    @classmethod
    def from_json(cls, data: dict | None) -> WorkingCalendar:
        data = data or {}
        return cls(
            holidays=frozenset(date.fromisoformat(d) for d in data.get("holidays", [])),
            extra_workdays=frozenset(date.fromisoformat(d) for d in data.get("extra_workdays", [])),
            weekend=frozenset(int(d) for d in data.get("weekend", [6, 7])),
            # calendars saved before the national data existed get it too
            region=data.get("region", "CN"),
        )


def add_days(
    start: datetime,
    days: int,
    *,
    working: bool,
    calendar: WorkingCalendar,
    tz: str = DEFAULT_TIMEZONE,
) -> datetime:
    """``start`` plus ``days`` days, in calendar days or in the estate's working days.

    Working days keep the local time of day: received Friday 16:00 plus 1 working day is
    Monday 16:00. A start on a non-working day counts from the next working day's start.
    """
    if not working:
        return start + timedelta(days=days)
    zone = ZoneInfo(tz)
    local = start.astimezone(zone)
    day, clock = local.date(), local.timetz().replace(tzinfo=None)
    if not calendar.is_working_day(day):
        day = calendar.add_working_days(day, 1)
        clock = time(0, 0)
        # "by the end of the N-th working day" when the clock starts at midnight
        end = calendar.add_working_days(day, days - 1) if days > 0 else day
        return datetime.combine(end + timedelta(days=1), clock, zone).astimezone(start.tzinfo)
    end = calendar.add_working_days(day, days)
    return datetime.combine(end, clock, zone).astimezone(start.tzinfo)


def end_of_day(moment: datetime, tz: str = DEFAULT_TIMEZONE) -> datetime:
    """Midnight at the end of ``moment``'s local day ("the same day" deadlines)."""
    zone = ZoneInfo(tz)
    local = moment.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time(0, 0), zone).astimezone(
        moment.tzinfo
    )
