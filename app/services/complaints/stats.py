"""Weekly complaint statistics for the director (every Saturday, seed 000 §4.8) and their
XLSX export."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.complaints import DEADLINE_KINDS, Event, derive
from app.domain.spreadsheet import neutralise_sheet
from app.services.complaints.rules import load_rules
from app.services.complaints.status import facts_of
from app.store.complaint_models import Complaint, ComplaintEvent
from app.store.db import Database


def week_ending(day: date) -> date:
    """The Saturday on or after ``day`` (weeks run Sunday to Saturday)."""
    return day + timedelta(days=(5 - day.weekday()) % 7)


@dataclass(frozen=True)
class WeeklyStats:
    week_start: date
    week_end: date  # the Saturday, inclusive
    total: int = 0
    valid: int = 0
    invalid: int = 0
    by_category: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    by_department: Counter = field(default_factory=Counter)
    by_channel: Counter = field(default_factory=Counter)
    by_scope: Counter = field(default_factory=Counter)
    by_day: Counter = field(default_factory=Counter)  # date -> count received
    on_time: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (met, due)
    resolved: int = 0
    average_resolve_hours: float | None = None
    repeats: int = 0
    satisfaction: Counter = field(default_factory=Counter)
    still_open: int = 0


def weekly_stats(
    db: Database, estate_id: str, week_end: date, now: datetime | None = None, progress=None
) -> WeeklyStats:
    """The week ending ``week_end`` (a Saturday), in its own unit of work."""
    with db.session() as s:
        return weekly_stats_in(s, estate_id, week_end, now, progress)


def weekly_stats_in(
    session: Session, estate_id: str, week_end: date, now: datetime | None = None, progress=None
) -> WeeklyStats:
    """Complaints received in the week ending ``week_end`` (a Saturday), in the estate's
    time zone; deadlines count as met, missed, or (still open and past due) missed."""
    rules = load_rules(session, estate_id)
    zone = ZoneInfo(rules.timezone)
    start = week_end - timedelta(days=6)
    start_utc = datetime.combine(start, time(0), zone).astimezone(UTC)
    end_utc = datetime.combine(week_end + timedelta(days=1), time(0), zone).astimezone(UTC)
    now = now or datetime.now(UTC)
    stats = _Tally(week_start=start, week_end=week_end)
    complaints = session.scalars(
        select(Complaint).where(
            Complaint.estate_id == estate_id,
            Complaint.live(),
            Complaint.received_at >= start_utc,
            Complaint.received_at < end_utc,
        )
    ).all()
    events: dict[str, list[Event]] = defaultdict(list)
    ids = [c.id for c in complaints]
    for chunk in range(0, len(ids), 500):
        for row in session.scalars(
            select(ComplaintEvent).where(ComplaintEvent.complaint_id.in_(ids[chunk : chunk + 500]))
        ):
            events[row.complaint_id].append(
                Event(row.id, row.kind, row.at, row.actor_id, dict(row.data or {}))
            )
    tally: dict[str, list[int]] = {k: [0, 0] for k in DEADLINE_KINDS}
    resolve_hours: list[float] = []
    for done, complaint in enumerate(complaints):
        if progress is not None and done % 500 == 0:
            progress.step(done, len(complaints))
        state = derive(facts_of(complaint), events[complaint.id], rules)
        stats.total += 1
        if complaint.valid:
            stats.valid += 1
        else:
            stats.invalid += 1
        stats.by_category[complaint.category] += 1
        stats.by_severity[state.severity] += 1
        stats.by_department[complaint.department or "unassigned"] += 1
        stats.by_channel[complaint.channel] += 1
        stats.by_scope[complaint.scope] += 1
        stats.by_day[complaint.received_at.astimezone(zone).date()] += 1
        if complaint.repeat_of:
            stats.repeats += 1
        if state.status != "closed":
            stats.still_open += 1
        if state.first_resolved_at is not None:
            stats.resolved += 1
            hours = (state.first_resolved_at - complaint.received_at).total_seconds() / 3600
            resolve_hours.append(hours)
        for deadline in state.deadlines:
            if deadline.done_at is not None:
                tally[deadline.kind][1] += 1
                tally[deadline.kind][0] += int(deadline.met)
            elif deadline.due < now:
                tally[deadline.kind][1] += 1
        for event in events[complaint.id]:
            if event.kind == "return_visit" and event.data.get("satisfaction"):
                stats.satisfaction[event.data["satisfaction"]] += 1
    stats.on_time = {k: (v[0], v[1]) for k, v in tally.items() if v[1]}
    if resolve_hours:
        stats.average_resolve_hours = sum(resolve_hours) / len(resolve_hours)
    return WeeklyStats(**vars(stats))


class _Tally:
    """The figures while they are counted (WeeklyStats is the frozen result)."""

    def __init__(self, week_start: date, week_end: date) -> None:
        self.week_start, self.week_end = week_start, week_end
        self.total = self.valid = self.invalid = self.resolved = self.repeats = 0
        self.still_open = 0
        self.by_category, self.by_severity, self.by_department = Counter(), Counter(), Counter()
        self.by_channel, self.by_scope, self.by_day = Counter(), Counter(), Counter()
        self.satisfaction: Counter = Counter()
        self.on_time: dict[str, tuple[int, int]] = {}
        self.average_resolve_hours: float | None = None


def export_xlsx(stats: WeeklyStats, path: Path | str, labels: dict[str, str] | None = None) -> Path:
    """Write the week's statistics as a workbook (one sheet, one table per breakdown).

    ``labels`` translates codes (category, severity...) into the reader's language.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    labels = labels or {}

    def name(code: str) -> str:
        return labels.get(code, code)

    book = Workbook()
    sheet = book.active
    sheet.title = name("Weekly statistics")[:31]
    bold = Font(bold=True)
    sheet.append([name("Weekly complaint statistics"), f"{stats.week_start} – {stats.week_end}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    for key, value in (
        ("Total", stats.total),
        ("Valid", stats.valid),
        ("Invalid", stats.invalid),
        ("Resolved", stats.resolved),
        ("Still open", stats.still_open),
        ("Repeat complaints", stats.repeats),
        (
            "Average hours to resolve",
            None if stats.average_resolve_hours is None else round(stats.average_resolve_hours, 1),
        ),
    ):
        sheet.append([name(key), value])
    for title, counter in (
        ("By category", stats.by_category),
        ("By severity", stats.by_severity),
        ("By department", stats.by_department),
        ("By channel", stats.by_channel),
        ("By scope", stats.by_scope),
        ("Satisfaction", stats.satisfaction),
    ):
        sheet.append([])
        sheet.append([name(title), name("Count")])
        sheet.cell(sheet.max_row, 1).font = bold
        for code, count in counter.most_common():
            sheet.append([name(code), count])
    sheet.append([])
    sheet.append([name("On-time rate"), name("Met"), name("Due"), name("Rate")])
    sheet.cell(sheet.max_row, 1).font = bold
    for kind, (met, due) in stats.on_time.items():
        row = sheet.max_row + 1
        sheet.append([name(kind), met, due, met / due])
        sheet.cell(row, 4).number_format = "0.0%"
    sheet.column_dimensions["A"].width = 28
    path = Path(path)
    neutralise_sheet(sheet)  # formula injection: a cell of user text stays text
    book.save(path)
    return path
