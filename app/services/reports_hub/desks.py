"""The desks' own reports in the hub: weekly complaint statistics, the return-visit rate,
the monthly quality report, the collection rate and the arrears ageing. Where a desk has
the report's operation, the hub calls it; every function is (db, estate id, period, now,
progress) -> ``Table``; ``CATALOGUE`` lists every report of the hub, registers included.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.collection import COLLECTION_TARGET
from app.domain.fees import AGEING_BUCKETS
from app.progress import Progress
from app.services.complaints import stats as complaint_stats
from app.services.fees import reports as fee_reports
from app.services.inspections import reports as quality
from app.services.reports_hub import (
    INT,
    MONEY,
    PERCENT,
    SCORE,
    Link,
    Period,
    ReportSpec,
    Series,
    Table,
)
from app.services.reports_hub.common import (
    HUNDRED,
    MAX_WEEKS,
    bounds,
    estate_of,
    months_of,
    percent,
    table,
)
from app.services.reports_hub.registers import key_register, staff_kpis, visitor_register, work_logs
from app.store.reception_models import WorkOrderStatus

# ---- complaints ----


def weekly_complaints(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """Weekly complaint statistics (every Saturday to the director): one row per week
    ending on a Saturday inside the period."""
    last = complaint_stats.week_ending(period.end)
    weeks = []
    end = complaint_stats.week_ending(period.start)
    while end <= last:
        weeks.append(end)
        end += timedelta(days=7)
    rows = []
    for done, week_end in enumerate(weeks[-MAX_WEEKS:]):
        progress.step(done, len(weeks))
        st = complaint_stats.weekly_stats(db, estate_id, week_end, now)
        met = sum(m for m, _d in st.on_time.values())
        due = sum(d for _m, d in st.on_time.values())
        hours = st.average_resolve_hours
        rows.append(
            (
                f"{st.week_start.isoformat()} – {st.week_end.isoformat()}",
                st.total,
                st.valid,
                st.resolved,
                st.still_open,
                st.repeats,
                percent(met, due),
                None if hours is None else Decimal(str(round(hours, 1))),
            )
        )
    return table(
        db,
        estate_id,
        [
            ("report.col.week", "text"),
            ("report.col.received", INT),
            ("report.col.valid", INT),
            ("report.col.resolved", INT),
            ("report.col.still_open", INT),
            ("report.col.repeats", INT),
            ("report.col.deadlines_met", PERCENT),
            ("report.col.resolve_hours", SCORE),
        ],
        rows,
        series=(
            Series("report.col.received", tuple((r[0][5:10], float(r[1])) for r in rows)),
            Series("report.col.resolved", tuple((r[0][5:10], float(r[3])) for r in rows)),
        ),
    )


# ---- work orders: the return-visit rate ----


def return_visits(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """Return-visit rate (target 100 %) of the orders done in the period, by category: a
    visit is made once the order is "visited" or "closed" (as the work-order tab counts)."""
    _name, tz = estate_of(db, estate_id)
    start, end = bounds(period, tz)
    st = WorkOrderStatus
    with db.session() as s:
        from app.services.reception.workorders import refresh_status

        refresh_status(s)
        found = s.execute(
            select(st.category, func.count(), func.sum(st.status.in_(("visited", "closed"))))
            .where(st.estate_id == estate_id, st.done_at >= start, st.done_at < end)
            .group_by(st.category)
            .order_by(st.category)
        ).all()
        overdue = dict(
            s.execute(
                select(st.category, func.count())
                .where(st.estate_id == estate_id, st.status == "done", st.visit_due <= now)
                .where(st.done_at >= start, st.done_at < end)
                .group_by(st.category)
            ).all()
        )
    rows = [
        (
            f"report.category.{category}",
            done,
            int(visited or 0),
            overdue.get(category, 0),
            percent(visited, done),
        )
        for category, done, visited in found
    ]
    total_done = sum(r[1] for r in rows)
    total_visited = sum(r[2] for r in rows)
    rows.append(
        (
            "report.all",
            total_done,
            total_visited,
            sum(r[3] for r in rows),
            percent(total_visited, total_done),
        )
    )
    return table(
        db,
        estate_id,
        [
            ("report.col.category", "code"),
            ("report.col.done", INT),
            ("report.col.visited", INT),
            ("report.col.visits_overdue", INT),
            ("report.col.visit_rate", PERCENT),
        ],
        rows,
        series=(
            Series(
                "report.col.visit_rate",
                tuple((str(r[0]), float(r[4] or 0)) for r in rows),
            ),
        ),
        target=100.0,
    )


# ---- inspections: the monthly quality report ----


def monthly_quality(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """The monthly quality report's figures, one row per month of the period."""
    rows = []
    months = months_of(period)
    for done, month in enumerate(months):
        progress.step(done, len(months))
        q = quality.quality_report(db, estate_id, month, now)
        rows.append(
            (
                month,
                q.estate.inspections,
                q.estate.average,
                q.due,
                q.on_time,
                q.late,
                q.missed,
                q.on_time_rate,
                q.actions,
                q.actions_closed,
                q.actions_overdue,
                q.closure_rate,
            )
        )
    return table(
        db,
        estate_id,
        [
            ("report.col.month", "text"),
            ("report.col.inspections", INT),
            ("report.col.average_score", SCORE),
            ("report.col.due", INT),
            ("report.col.on_time", INT),
            ("report.col.late", INT),
            ("report.col.missed", INT),
            ("report.col.on_time_rate", PERCENT),
            ("report.col.actions", INT),
            ("report.col.actions_closed", INT),
            ("report.col.actions_overdue", INT),
            ("report.col.closure_rate", PERCENT),
        ],
        rows,
        series=(Series("report.col.average_score", tuple((r[0], float(r[2] or 0)) for r in rows)),),
    )


# ---- fees ----


def collection_rate(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """The management fee's collection rate per month (管理费收费率, target 95 %, decided
    unrounded); all fees beside it, labelled."""
    months = months_of(period)
    points = fee_reports.collection(db, estate_id, months[-1], months=len(months))
    rows = []
    for p in points:
        rows.append(
            (
                p.period,
                p.receivable,
                p.collected,
                None if p.rate is None else p.rate * HUNDRED,
                "report.yes" if p.target_met else "report.no" if p.target_met is False else "",
                p.rates.all_fees.receivable,
                p.rates.all_fees.collected,
                None if p.rates.all_fees.rate is None else p.rates.all_fees.rate * HUNDRED,
            )
        )
    return table(
        db,
        estate_id,
        [
            ("report.col.month", "text"),
            ("report.col.receivable", MONEY),
            ("report.col.collected", MONEY),
            ("report.col.rate", PERCENT),
            ("report.col.target_met", "code"),
            ("report.col.all_receivable", MONEY),
            ("report.col.all_collected", MONEY),
            ("report.col.all_rate", PERCENT),
        ],
        rows,
        series=(Series("report.col.rate", tuple((r[0], float(r[3] or 0)) for r in rows)),),
        target=float(COLLECTION_TARGET * HUNDRED),
    )


def arrears_ageing(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """The arrears by ageing bucket as of the period's last day; a row opens its unit at
    the cashier's counter."""
    debtors = fee_reports.arrears(db, estate_id, period.end)
    rows = [
        (r.unit_code, r.owner, r.phone_masked, *r.buckets.values(), r.overdue, r.credit, r.net)
        for r in debtors
    ]
    totals = fee_reports.arrears_totals(debtors)
    return table(
        db,
        estate_id,
        [
            ("report.col.unit", "text"),
            ("report.col.owner", "text"),
            ("report.col.phone", "text"),
            *((f"report.bucket.{b}", MONEY) for b in AGEING_BUCKETS),
            ("report.col.overdue", MONEY),
            ("report.col.credit", MONEY),
            ("report.col.net", MONEY),
        ],
        rows,
        links=[Link("unit", r.unit_id) for r in debtors],
        series=(
            Series(
                "report.col.overdue",
                tuple((f"report.bucket.{b}", float(v)) for b, v in totals.items()),
            ),
        ),
    )


CATALOGUE: tuple[ReportSpec, ...] = (
    ReportSpec("complaints.weekly", "complaints", "weeks", weekly_complaints),
    ReportSpec("workorders.visits", "reception", "days", return_visits),
    ReportSpec("inspections.quality", "inspections", "months", monthly_quality),
    ReportSpec("fees.collection", "fees", "months", collection_rate),
    ReportSpec("fees.arrears", "fees", "as_of", arrears_ageing),
    ReportSpec("reception.visitors", "reception", "days", visitor_register),
    ReportSpec("reception.keys", "reception", "days", key_register),
    ReportSpec("reception.worklogs", "reception", "days", work_logs),
    ReportSpec("staff.kpis", "staff", "days", staff_kpis),
)
