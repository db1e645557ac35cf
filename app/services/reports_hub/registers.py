"""The registers and staff figures in the hub: visitors, key movements and daily work
logs over a period, and the staff KPIs that DOMAIN.md defines (first-contact
responsibility: promised answers given on time; return visits made). Each is (db, estate
id, period, now, progress) -> ``Table``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.domain.units import mask_id_number
from app.progress import Progress
from app.services.reception.common import staff_names, unit_labels
from app.services.reports_hub import (
    DAY,
    INT,
    PERCENT,
    TIME,
    Link,
    Period,
    Series,
    Table,
    staff_day,
)
from app.services.reports_hub.common import bounds, estate_of, percent, table
from app.store.complaint_models import Complaint
from app.store.reception_models import (
    CustodyKey,
    KeyMovement,
    ReceptionEntry,
    Visitor,
    WorkLogDay,
    WorkOrder,
    WorkOrderEvent,
)

# ---- reception registers ----


def visitor_register(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """Visitors who came in during the period, oldest first (ID numbers masked); a row
    opens that visitor on the reception page."""
    _name, tz = estate_of(db, estate_id)
    start, end = bounds(period, tz)
    with db.session() as s:
        visitors = list(
            s.scalars(
                select(Visitor)
                .where(Visitor.estate_id == estate_id, Visitor.live())
                .where(Visitor.time_in >= start, Visitor.time_in < end)
                .order_by(Visitor.time_in)
            )
        )
        labels = unit_labels(s, (v.unit_id for v in visitors))
    rows = [
        (
            v.time_in,
            v.time_out,
            v.name,
            mask_id_number(v.id_number) if v.id_number else "",
            labels.get(v.unit_id or "", ("", ""))[0],
            v.purpose,
            v.plate,
        )
        for v in visitors
    ]
    per_day = Counter(v.time_in.astimezone(ZoneInfo(tz)).date() for v in visitors)
    return table(
        db,
        estate_id,
        [
            ("report.col.time_in", TIME),
            ("report.col.time_out", TIME),
            ("report.col.visitor", "text"),
            ("report.col.id_number", "text"),
            ("report.col.unit", "text"),
            ("report.col.purpose", "text"),
            ("report.col.plate", "text"),
        ],
        rows,
        links=[Link("visitor", v.id) for v in visitors],
        series=(Series("report.col.visitors", _per_day(period, per_day)),),
    )


def _per_day(period: Period, counts: Counter) -> tuple[tuple[str, float], ...]:
    days = [period.start + timedelta(days=i) for i in range(min(period.days(), 62))]
    return tuple((d.strftime("%m-%d"), float(counts.get(d, 0))) for d in days)


def key_register(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """Every key movement of the period (in, lent, returned, lost...), oldest first; a row
    opens the key moved on the reception page's keys tab."""
    _name, tz = estate_of(db, estate_id)
    start, end = bounds(period, tz)
    with db.session() as s:
        found = s.execute(
            select(KeyMovement, CustodyKey.tag, CustodyKey.unit_id)
            .join(CustodyKey, CustodyKey.id == KeyMovement.key_id)
            .where(KeyMovement.estate_id == estate_id, KeyMovement.live())
            .where(KeyMovement.at >= start, KeyMovement.at < end)
            .order_by(KeyMovement.at)
        ).all()
        labels = unit_labels(s, (unit for _m, _t, unit in found))
        names = staff_names(s, {m.actor_id for m, _t, _u in found})
    rows = [
        (
            m.at,
            tag,
            labels.get(unit, ("", ""))[0],
            f"report.key.{m.kind}",
            m.borrower,
            m.expected_back,
            names.get(m.actor_id, ""),
        )
        for m, tag, unit in found
    ]
    kinds = Counter(m.kind for m, _t, _u in found)
    return table(
        db,
        estate_id,
        [
            ("report.col.time", TIME),
            ("report.col.tag", "text"),
            ("report.col.unit", "text"),
            ("report.col.movement", "code"),
            ("report.col.borrower", "text"),
            ("report.col.back_by", TIME),
            ("report.col.staff", "text"),
        ],
        rows,
        links=[Link("key", m.key_id) for m, _t, _u in found],
        series=(
            Series(
                "report.col.movements",
                tuple((f"report.key.{k}", float(n)) for k, n in sorted(kinds.items())),
            ),
        ),
    )


def work_logs(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """The daily work log (工作日记) per assistant and day: entries taken, items still
    open, the notes and the team lead's review; a row opens that day's work log."""
    _name, tz = estate_of(db, estate_id)
    start, end = bounds(period, tz)
    zone = ZoneInfo(tz)
    with db.session() as s:
        entries = s.execute(
            select(ReceptionEntry.received_by, ReceptionEntry.received_at, ReceptionEntry.is_open)
            .where(ReceptionEntry.estate_id == estate_id, ReceptionEntry.live())
            .where(ReceptionEntry.received_at >= start, ReceptionEntry.received_at < end)
        ).all()
        logs = {
            (row.staff_id, row.day): row
            for row in s.scalars(
                select(WorkLogDay).where(
                    WorkLogDay.estate_id == estate_id,
                    WorkLogDay.live(),
                    WorkLogDay.day >= period.start,
                    WorkLogDay.day <= period.end,
                )
            )
        }
        counts: dict[tuple[str, date], list[int]] = {}
        for staff, at, is_open in entries:
            pair = counts.setdefault((staff, at.astimezone(zone).date()), [0, 0])
            pair[0] += 1
            pair[1] += int(bool(is_open))
        keys = sorted(set(counts) | set(logs), key=lambda k: (k[1], k[0]))
        names = staff_names(s, {k[0] for k in keys} | {r.reviewed_by for r in logs.values()})
        rows = []
        for staff, day in keys:
            log = logs.get((staff, day))
            taken, still_open = counts.get((staff, day), (0, 0))
            rows.append(
                (
                    day,
                    names.get(staff, ""),
                    taken,
                    still_open,
                    log.notes if log else "",
                    names.get(log.reviewed_by, "") if log else "",
                    log.reviewed_at if log else None,
                    log.review_remark if log else "",
                )
            )
    per_day = Counter()
    for (_staff, day), (taken, _o) in counts.items():
        per_day[day] += taken
    return table(
        db,
        estate_id,
        [
            ("report.col.day", DAY),
            ("report.col.staff", "text"),
            ("report.col.entries", INT),
            ("report.col.still_open", INT),
            ("report.col.notes", "text"),
            ("report.col.reviewed_by", "text"),
            ("report.col.reviewed_at", TIME),
            ("report.col.remark", "text"),
        ],
        rows,
        links=[Link("worklog", staff_day(estate_id, staff, day)) for staff, day in keys],
        series=(Series("report.col.entries", _per_day(period, per_day)),),
    )


# ---- staff KPIs (DOMAIN.md: first-contact responsibility, return visits) ----


def staff_kpis(db, estate_id, period: Period, now, progress: Progress) -> Table:
    """Per member of staff over the period: contacts registered; promised answers due in
    the period and how many were given by the promised time (首问责任制: whoever received
    it follows it to the end); complaints received; work orders registered; return visits
    made (target: every repair visited)."""
    _name, tz = estate_of(db, estate_id)
    start, end = bounds(period, tz)
    figures: dict[str, list[int]] = {}

    def add(staff: str, column: int, n: int = 1) -> None:
        if staff:
            figures.setdefault(staff, [0] * 6)[column] += n

    e = ReceptionEntry
    with db.session() as s:
        for staff, n in s.execute(
            select(e.received_by, func.count())
            .where(e.estate_id == estate_id, e.live(), e.received_at >= start, e.received_at < end)
            .group_by(e.received_by)
        ):
            add(staff, 0, n)
        for staff, promised, closed in s.execute(
            select(e.received_by, e.promised_at, e.closed_at).where(
                e.estate_id == estate_id,
                e.live(),
                e.promised_at >= start,
                e.promised_at < end,
                e.promised_at <= now,
            )
        ):
            add(staff, 1)
            add(staff, 2, int(closed is not None and closed <= promised))
        c = Complaint
        for staff, n in s.execute(
            select(c.received_by, func.count())
            .where(c.estate_id == estate_id, c.live(), c.received_at >= start, c.received_at < end)
            .group_by(c.received_by)
        ):
            add(staff, 3, n)
        w = WorkOrder
        for staff, n in s.execute(
            select(w.created_by, func.count())
            .where(w.estate_id == estate_id, w.live(), w.created_at >= start, w.created_at < end)
            .group_by(w.created_by)
        ):
            add(staff, 4, n)
        v = WorkOrderEvent
        for staff, n in s.execute(
            select(v.actor_id, func.count())
            .where(v.estate_id == estate_id, v.kind == "return_visit", v.at >= start, v.at < end)
            .group_by(v.actor_id)
        ):
            add(staff, 5, n)
        names = staff_names(s, set(figures))
    rows = sorted(
        (
            (
                names.get(staff) or staff[:8],
                f[0],
                f[1],
                f[2],
                percent(f[2], f[1]),
                f[3],
                f[4],
                f[5],
            )
            for staff, f in figures.items()
        ),
        key=lambda r: r[0],
    )
    return table(
        db,
        estate_id,
        [
            ("report.col.staff", "text"),
            ("report.col.entries", INT),
            ("report.col.promises_due", INT),
            ("report.col.promises_kept", INT),
            ("report.col.promises_rate", PERCENT),
            ("report.col.complaints_received", INT),
            ("report.col.orders_registered", INT),
            ("report.col.visits_made", INT),
        ],
        rows,
        series=(
            Series("report.col.entries", tuple((r[0], float(r[1])) for r in rows)),
            Series("report.col.visits_made", tuple((r[0], float(r[7])) for r in rows)),
        ),
    )
