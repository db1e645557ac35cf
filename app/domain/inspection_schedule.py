"""Inspection schedules and the due list: daily, weekly, monthly or chosen weekdays, each
occurrence with a due window; the next one counted from the scheduled date or from the
completion; on time, late or missed; make-up inspections (补检) where the plan allows.

A schedule is a list of revisions, each in force from its ``effective_from`` day, so an
edit applies from the next occurrence and never rewrites what was due before. Pure.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain.errors import DomainError

FREQUENCIES = ("daily", "weekly", "monthly", "weekdays")
ANCHORS = ("scheduled", "completion")
STATUSES = ("upcoming", "due", "overdue", "on_time", "late", "missed", "made_up")
MAX_DAYS = 3700  # a due list never walks further than ten years


@dataclass(frozen=True)
class ScheduleSpec:
    frequency: str
    effective_from: date
    weekdays: tuple[int, ...] = ()  # 0 = Monday; weekly uses the first, weekdays all
    day_of_month: int = 1
    window_days: int = 1  # the occurrence may be done from its day to day + window - 1
    anchor: str = "scheduled"
    makeup: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "frequency": self.frequency,
            "effective_from": self.effective_from.isoformat(),
            "weekdays": list(self.weekdays),
            "day_of_month": self.day_of_month,
            "window_days": self.window_days,
            "anchor": self.anchor,
            "makeup": self.makeup,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScheduleSpec:
        spec = cls(
            frequency=data["frequency"],
            effective_from=date.fromisoformat(data["effective_from"]),
            weekdays=tuple(int(d) for d in data.get("weekdays") or ()),
            day_of_month=int(data.get("day_of_month", 1)),
            window_days=int(data.get("window_days", 1)),
            anchor=data.get("anchor", "scheduled"),
            makeup=bool(data.get("makeup", True)),
        )
        check_spec(spec)
        return spec


def check_spec(spec: ScheduleSpec) -> None:
    if spec.frequency not in FREQUENCIES:
        raise DomainError("inspection.schedule.frequency")
    if spec.anchor not in ANCHORS:
        raise DomainError("inspection.schedule.anchor")
    if spec.frequency == "weekdays" and not spec.weekdays:
        raise DomainError("inspection.schedule.weekdays")
    if any(d < 0 or d > 6 for d in spec.weekdays):
        raise DomainError("inspection.schedule.weekdays")
    if not 1 <= spec.day_of_month <= 31:
        raise DomainError("inspection.schedule.day_of_month")
    if not 1 <= spec.window_days <= 31:
        raise DomainError("inspection.schedule.window", days=spec.window_days)


def in_force(revisions: Sequence[ScheduleSpec], day: date) -> ScheduleSpec | None:
    best = None
    for spec in revisions:
        if spec.effective_from <= day and (
            best is None or spec.effective_from >= best.effective_from
        ):
            best = spec
    return best


def _month_day(year: int, month: int, wanted: int) -> date:
    return date(year, month, min(wanted, calendar.monthrange(year, month)[1]))


def matches(spec: ScheduleSpec, day: date) -> bool:
    if spec.frequency == "daily":
        return True
    if spec.frequency == "weekly":
        wanted = spec.weekdays[0] if spec.weekdays else spec.effective_from.weekday()
        return day.weekday() == wanted
    if spec.frequency == "weekdays":
        return day.weekday() in spec.weekdays
    return day == _month_day(day.year, day.month, spec.day_of_month)


def next_after(spec: ScheduleSpec, day: date) -> date:
    """The first day after ``day`` on which the spec falls due (counting from ``day``)."""
    if spec.anchor == "completion" and spec.frequency in ("daily", "weekly", "monthly"):
        if spec.frequency == "daily":
            return day + timedelta(days=1)
        if spec.frequency == "weekly":
            return day + timedelta(days=7)
        year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        return _month_day(year, month, day.day)
    probe = day + timedelta(days=1)
    for _ in range(MAX_DAYS):
        if matches(spec, probe):
            return probe
        probe += timedelta(days=1)
    raise DomainError("inspection.schedule.frequency")


@dataclass(frozen=True)
class Completion:
    due_on: date  # the occurrence it fulfils
    done_on: date
    make_up: bool = False
    inspection_id: str = ""


@dataclass(frozen=True)
class Occurrence:
    due_on: date
    window_end: date
    status: str
    done_on: date | None
    inspection_id: str
    makeup_allowed: bool


def occurrences(
    revisions: Sequence[ScheduleSpec], completions: Iterable[Completion], until: date
) -> list[tuple[date, ScheduleSpec]]:
    """The due days up to ``until`` with the revision in force on each."""
    if not revisions:
        return []
    start = min(r.effective_from for r in revisions)
    done = {c.due_on: c for c in completions if not c.make_up}
    out: list[tuple[date, ScheduleSpec]] = []
    spec = in_force(revisions, start)
    day = start if spec and (spec.anchor == "completion" or matches(spec, start)) else None
    if day is None and spec is not None:
        day = next_after(spec, start)
    while day is not None and day <= until and len(out) < MAX_DAYS:
        spec = in_force(revisions, day)
        if spec is None:
            break
        out.append((day, spec))
        base = day
        if spec.anchor == "completion" and day in done:
            base = max(done[day].done_on, day)
        nxt = next_after(spec, base)
        later = in_force(revisions, nxt)
        if later is not None and later is not spec and later.anchor == "scheduled":
            # an edit applies from its own first occurrence
            nxt = (
                later.effective_from
                if matches(later, later.effective_from)
                else next_after(later, later.effective_from)
            )
            nxt = max(nxt, base + timedelta(days=1))
        day = nxt
    return out


def due_list(
    revisions: Sequence[ScheduleSpec],
    completions: Iterable[Completion],
    today: date,
    since: date | None = None,
) -> list[Occurrence]:
    """Each occurrence up to ``today`` (and the next one) with its state at ``today``:
    upcoming, due (window open), overdue (window closed, the next not yet due), on_time,
    late (done after its window), missed, made_up (a make-up after it was missed)."""
    completions = list(completions)
    regular = {c.due_on: c for c in completions if not c.make_up}
    makeups = {c.due_on: c for c in completions if c.make_up}
    horizon = today + timedelta(days=62)
    days = occurrences(revisions, completions, horizon)
    out: list[Occurrence] = []
    for index, (day, spec) in enumerate(days):
        nxt = days[index + 1][0] if index + 1 < len(days) else None
        if day > today and out and out[-1].due_on > today:
            break  # one upcoming occurrence is enough
        end = day + timedelta(days=spec.window_days - 1)
        done = regular.get(day)
        made = makeups.get(day)
        if done is not None:
            status = "on_time" if done.done_on <= end else "late"
        elif made is not None and spec.makeup:
            status, done = "made_up", made
        elif today < day:
            status = "upcoming"
        elif today <= end:
            status = "due"
        elif nxt is None or today < nxt:
            status = "overdue"
        else:
            status = "missed"
        if since is None or day >= since or status in ("due", "overdue"):
            out.append(
                Occurrence(
                    day,
                    end,
                    status,
                    done.done_on if done else None,
                    done.inspection_id if done else "",
                    spec.makeup,
                )
            )
    return out


def apply_edit(
    revisions: Sequence[ScheduleSpec], new: ScheduleSpec, today: date
) -> list[ScheduleSpec]:
    """An edit takes effect from the next occurrence after today (under the old plan);
    revisions already in force stay as they were."""
    check_spec(new)
    current = in_force(revisions, today)
    if current is None:
        return [*revisions, new]
    start = next_after(current, today)
    kept = [r for r in revisions if r.effective_from < start]
    return [*kept, ScheduleSpec(**{**new.__dict__, "effective_from": start})]
