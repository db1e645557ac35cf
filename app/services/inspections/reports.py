"""Report data: one inspection's report (what the owner or the manager signs) and the
monthly quality report (品质月报) per department and estate, with its XLSX export.

Figures come from finalised inspections, their schedules and their corrective actions;
nothing is stored twice (scores are the inspections' own, kept as long as they are).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.domain.inspection_schedule import Completion, ScheduleSpec, due_list
from app.domain.inspections import score
from app.domain.spreadsheet import neutralise_sheet
from app.services.inspections.actions import ActionRow, actions_in
from app.services.inspections.common import answers_of, content_of
from app.services.inspections.run import RunView, run_view_in
from app.services.reception.common import local_day, tz_of
from app.store.blobs import BlobStore
from app.store.db import Database
from app.store.inspection_models import Inspection, InspectionAction, InspectionSchedule
from app.store.models import Estate
from app.store.reception_models import WorkOrderStatus

TREND_MONTHS = 6


@dataclass(frozen=True)
class InspectionReport:
    estate_name: str
    view: RunView
    actions: tuple[ActionRow, ...]
    files: dict[str, str]  # blob sha256 -> file path (photos, signatures) present here


def inspection_report(
    db: Database, inspection_id: str, now: datetime, blobs: BlobStore | None = None
) -> InspectionReport:
    blobs = blobs or BlobStore()
    with db.session() as s:
        view = run_view_in(s, inspection_id)
        estate = s.get(Inspection, inspection_id).estate_id
        name = (s.get(Estate, estate).name if s.get(Estate, estate) else "") or ""
        shas = [p.sha256 for p in view.photos] + [sig.sha256 for sig in view.signatures]
        files = {sha: str(blobs.path(sha)) for sha in shas if blobs.has(sha)}
        return InspectionReport(name, view, tuple(actions_in(s, inspection_id, now)), files)


@dataclass(frozen=True)
class DepartmentMonth:
    department: str
    inspections: int
    average: Decimal | None
    previous: Decimal | None
    trend: tuple[tuple[str, Decimal | None], ...]  # (YYYY-MM, average) oldest first

    @property
    def change(self) -> Decimal | None:
        if self.average is None or self.previous is None:
            return None
        return self.average - self.previous


@dataclass(frozen=True)
class QualityReport:
    month: str
    departments: tuple[DepartmentMonth, ...]
    estate: DepartmentMonth
    due: int
    on_time: int
    late: int
    missed: int
    top_failed: tuple[tuple[str, str, int], ...]  # (item id, name, times failed)
    actions: int
    actions_closed: int
    actions_overdue: int
    repeats: tuple[tuple[str, str, str], ...]  # (inspection number, target, item names)

    @property
    def on_time_rate(self) -> Decimal | None:
        return _rate(self.on_time, self.due)

    @property
    def closure_rate(self) -> Decimal | None:
        return _rate(self.actions_closed, self.actions)


def _rate(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _month_bounds(month: str, tz: str) -> tuple[datetime, datetime, date, date]:
    year, mon = (int(x) for x in month.split("-"))
    first = date(year, mon, 1)
    nxt = date(year + (mon == 12), 1 if mon == 12 else mon + 1, 1)
    zone = ZoneInfo(tz)
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    end = datetime.combine(nxt, time(0), zone).astimezone(UTC)
    return start, end, first, nxt


def _shift(month: str, back: int) -> str:
    year, mon = (int(x) for x in month.split("-"))
    index = year * 12 + mon - 1 - back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _average(scores: list[Decimal]) -> Decimal | None:
    if not scores:
        return None
    return (sum(scores) / len(scores)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def quality_report(db: Database, estate_id: str, month: str, now: datetime) -> QualityReport:
    with db.session() as s:
        tz = tz_of(s, estate_id)
        first_start = _month_bounds(_shift(month, TREND_MONTHS - 1), tz)[0]
        start, end, first_day, next_first = _month_bounds(month, tz)
        rows = list(
            s.scalars(
                select(Inspection).where(
                    Inspection.estate_id == estate_id,
                    Inspection.live(),
                    Inspection.finalised_at >= first_start,
                    Inspection.finalised_at < end,
                )
            )
        )
        by_month: dict[str, dict[str, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
        for r in rows:
            key = local_day(r.finalised_at, tz).strftime("%Y-%m")
            if r.score:
                by_month[key][r.department or "estate_office"].append(Decimal(r.score))
                by_month[key]["*"].append(Decimal(r.score))
        months = [_shift(month, back) for back in range(TREND_MONTHS - 1, -1, -1)]
        departments = sorted({d for m in by_month.values() for d in m if d != "*"})

        def summary(dept: str) -> DepartmentMonth:
            trend = tuple((m, _average(by_month[m][dept])) for m in months)
            count = len(by_month[month][dept])
            return DepartmentMonth(dept, count, trend[-1][1], trend[-2][1], trend)

        this_month = [r for r in rows if start <= r.finalised_at < end]
        failed: Counter[str] = Counter()
        names: dict[str, str] = {}
        repeats = []
        for r in this_month:
            content = content_of(s, r.version_id)
            for item_id in score(content, answers_of(s, r.id)).failed_items:
                failed[item_id] += 1
                item = content.item(item_id)
                names[item_id] = item.name_zh if item else item_id
            if r.repeat_items:
                repeat_names = "、".join(
                    (content.item(i).name_zh if content.item(i) else i) for i in r.repeat_items
                )
                repeats.append((r.number, r.target_label, repeat_names))
        top = tuple((i, names[i], n) for i, n in failed.most_common(10))

        links = list(
            s.execute(
                select(InspectionAction.due_at, WorkOrderStatus.status)
                .join(
                    WorkOrderStatus, WorkOrderStatus.work_order_id == InspectionAction.work_order_id
                )
                .join(Inspection, Inspection.id == InspectionAction.inspection_id)
                .where(Inspection.estate_id == estate_id, Inspection.finalised_at >= start)
                .where(Inspection.finalised_at < end)
            ).all()
        )
        closed = sum(1 for _due, st in links if st == "closed")
        overdue = sum(1 for due_at, st in links if st != "closed" and now > due_at)

        due_n = on_time = late = missed = 0
        today = min(local_day(now, tz), next_first)
        for plan in s.scalars(
            select(InspectionSchedule).where(
                InspectionSchedule.estate_id == estate_id, InspectionSchedule.live()
            )
        ):
            specs = [ScheduleSpec.from_json(x) for x in plan.revisions or []]
            done = [
                Completion(d, local_day(f, tz), bool(mk), i)
                for i, d, f, mk in s.execute(
                    select(
                        Inspection.id,
                        Inspection.due_on,
                        Inspection.finalised_at,
                        Inspection.make_up,
                    ).where(Inspection.schedule_id == plan.id, Inspection.finalised_at.is_not(None))
                ).all()
                if d is not None
            ]
            for occ in due_list(specs, done, today, first_day):
                if not (first_day <= occ.due_on < next_first) or occ.status in ("upcoming", "due"):
                    continue
                due_n += 1
                on_time += occ.status == "on_time"
                late += occ.status in ("late", "made_up", "overdue")
                missed += occ.status == "missed"
        return QualityReport(
            month,
            tuple(summary(d) for d in departments),
            summary("*"),
            due_n,
            on_time,
            late,
            missed,
            top,
            len(links),
            closed,
            overdue,
            tuple(repeats),
        )


def export_quality_xlsx(report: QualityReport, path: Path | str, labels: dict[str, str]) -> Path:
    """The monthly report as a workbook (labels: the words for headers, in the user's
    language, given by the screen)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = report.month
    L = labels.get
    sheet.append([L("title", "Monthly quality report"), report.month])
    sheet.append([])
    sheet.append(
        [
            L("department", "Department"),
            L("inspections", "Inspections"),
            L("average", "Average"),
            L("previous", "Last month"),
            L("change", "Change"),
        ]
    )
    for d in (*report.departments, report.estate):
        sheet.append(
            [
                L(d.department, d.department),
                d.inspections,
                d.average,  # Decimal: openpyxl writes it as a number
                d.previous,
                d.change,
            ]
        )
    sheet.append([])
    sheet.append(
        [L("due", "Due"), L("on_time", "On time"), L("late", "Late"), L("missed", "Missed")]
    )
    sheet.append([report.due, report.on_time, report.late, report.missed])
    sheet.append([])
    sheet.append([L("actions", "Actions"), L("closed", "Closed"), L("overdue", "Overdue")])
    sheet.append([report.actions, report.actions_closed, report.actions_overdue])
    sheet.append([])
    sheet.append([L("top_failed", "Most failed items"), L("times", "Times")])
    for _item, name, n in report.top_failed:
        sheet.append([name, n])
    sheet.append([])
    sheet.append([L("repeats", "Repeat failures")])
    for number, target, items in report.repeats:
        sheet.append([number, target, items])
    neutralise_sheet(sheet)  # formula injection: a cell of user text stays text
    book.save(str(path))
    return Path(path)
