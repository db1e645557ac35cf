"""The work-order SLA rules of an estate and the clock they count with: business hours
(08:30-17:30 every day by default, optionally skipping holidays) for normal orders, around
the clock for emergencies, and the targets per category x priority. Pure; no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.domain.calendar import DEFAULT_TIMEZONE, WorkingCalendar
from app.domain.errors import DomainError
from app.domain.holidays import national_calendar

# ---- rules (estate settings, key "workorders.rules") ----


@dataclass(frozen=True)
class Target:
    """A category x priority target in minutes of its clock (business or around the clock).

    ``resolve`` is "same_day" (end of the business day the clock started), "appointment"
    (the end of the booked slot) or a number of minutes; ``respond`` (on site) is optional.
    """

    resolve: str | int
    respond: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"resolve": self.resolve, "respond": self.respond}


@dataclass(frozen=True)
class WorkOrderRules:
    day_start: time = time(8, 30)
    day_end: time = time(17, 30)
    skip_holidays: bool = False
    warn_minutes: int = 30
    progress_hours: int = 4
    visit_days: int = 2
    visit_days_safety: int = 2
    visit_days_leak: int = 3
    timezone: str = DEFAULT_TIMEZONE
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    # "category:priority", "*:priority", "paid:normal"; the first that matches wins
    targets: dict[str, Target] = field(
        default_factory=lambda: {
            "*:emergency": Target(resolve=24 * 60, respond=30),
            "paid:normal": Target(resolve="appointment"),
            "*:normal": Target(resolve="same_day"),
        }
    )

    def target(self, category: str, priority: str, paid: bool, booked: bool) -> Target:
        keys = [f"{category}:{priority}"]
        if paid and booked:
            keys.append(f"paid:{priority}")
        keys.append(f"*:{priority}")
        for key in keys:
            if key in self.targets:
                return self.targets[key]
        return Target(resolve="same_day")

    def to_json(self) -> dict[str, Any]:
        return {
            "day_start": self.day_start.strftime("%H:%M"),
            "day_end": self.day_end.strftime("%H:%M"),
            "skip_holidays": self.skip_holidays,
            "warn_minutes": self.warn_minutes,
            "progress_hours": self.progress_hours,
            "visit_days": self.visit_days,
            "visit_days_safety": self.visit_days_safety,
            "visit_days_leak": self.visit_days_leak,
            "timezone": self.timezone,
            "calendar": self.calendar.to_json(),
            "targets": {k: t.to_json() for k, t in self.targets.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> WorkOrderRules:
        data = dict(data or {})
        values: dict[str, Any] = {}
        for name in ("day_start", "day_end"):
            if name in data:
                values[name] = time.fromisoformat(data[name])
        for name in (
            "skip_holidays",
            "warn_minutes",
            "progress_hours",
            "visit_days",
            "visit_days_safety",
            "visit_days_leak",
            "timezone",
        ):
            if name in data:
                values[name] = data[name]
        if "calendar" in data:
            values["calendar"] = WorkingCalendar.from_json(data["calendar"])
        if "targets" in data:
            values["targets"] = {
                k: Target(resolve=v["resolve"], respond=v.get("respond"))
                for k, v in data["targets"].items()
            }
        rules = cls(**values)
        check_rules(rules)
        return rules


def check_rules(rules: WorkOrderRules) -> None:
    if rules.day_end <= rules.day_start:
        raise DomainError("workorders.rules.day", start=str(rules.day_start))
    for name in ("warn_minutes", "progress_hours", "visit_days"):
        if int(getattr(rules, name)) <= 0:
            raise DomainError("workorders.rules.positive", name=name)
    for key, target in rules.targets.items():
        ok = target.resolve in ("same_day", "appointment") or (
            isinstance(target.resolve, int) and target.resolve > 0
        )
        if not ok or (target.respond is not None and int(target.respond) <= 0):
            raise DomainError("workorders.rules.target", key=key)


# ---- the clock ----


class Clock:
    """Counts minutes in business hours (normal) or around the clock (emergency)."""

    def __init__(self, rules: WorkOrderRules, business: bool) -> None:
        self.rules = rules
        self.business = business
        self.zone = ZoneInfo(rules.timezone)

    def _day_open(self, day) -> bool:
        """The desk is staffed every day; with ``skip_holidays`` public holidays (the
        estate's own and its region's national ones) do not count, weekends still do."""
        if not self.rules.skip_holidays:
            return True
        calendar = self.rules.calendar
        if day in calendar.extra_workdays:
            return True
        if day in calendar.holidays:
            return False
        return not (calendar.region and day in national_calendar(calendar.region).holidays)

    def _window(self, day) -> tuple[datetime, datetime]:
        start = datetime.combine(day, self.rules.day_start, self.zone)
        end = datetime.combine(day, self.rules.day_end, self.zone)
        return start, end

    def counted(self, a: datetime, b: datetime) -> timedelta:
        """Clock time between ``a`` and ``b``."""
        if b <= a:
            return timedelta(0)
        if not self.business:
            return b - a
        total = timedelta(0)
        day = a.astimezone(self.zone).date()
        last = b.astimezone(self.zone).date()
        while day <= last:
            if self._day_open(day):
                start, end = self._window(day)
                lo, hi = max(a, start), min(b, end)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total

    def add(self, a: datetime, amount: timedelta) -> datetime:
        """The moment at which ``amount`` of clock time has passed since ``a``."""
        if not self.business:
            return a + amount
        left = amount
        day = a.astimezone(self.zone).date()
        for _ in range(3700):  # ten years of days: a target is never that long
            if self._day_open(day):
                start, end = self._window(day)
                lo = max(a, start)
                if end > lo:
                    if lo + left <= end:
                        return lo + left
                    left -= end - lo
            day += timedelta(days=1)
        raise DomainError("workorders.rules.target", key="too_long")

    def end_of_day(self, a: datetime) -> datetime:
        """The end of the business day in which the clock is at ``a`` (same-day target)."""
        local = a.astimezone(self.zone).date()
        for offset in range(400):
            day = local + timedelta(days=offset)
            if not self._day_open(day):
                continue
            start, end = self._window(day)
            if a < end:
                return end
        return a
