"""Work-order lists and details: filters (open, overdue, due soon, to chase, return visits
due, mine), the SLA clock of one order read from its events, return visits and their rate.

"Overdue" is a function of (derived due time, now): the due time comes from the events
(cached in ``work_order_status``, recomputed whenever an event arrives), and ``now`` is
given by the caller, so a list re-evaluated on the clock's tick is always current.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, false, func, or_, select, true
from sqlalchemy.orm import Session

from app.domain.workorders import ACTIVE, STATES, Deadline, WorkOrderState
from app.services.reception.common import get_live, load_rules, staff_names, unit_labels
from app.services.reception.workorders import append_step, events_of, order_state, refresh_status
from app.store.db import Database
from app.store.reception_models import WorkOrder, WorkOrderPhoto, WorkOrderStatus

FILTERS = ("open", "overdue", "due_soon", "chase", "visits", "mine", "all", "closed")


@dataclass(frozen=True)
class OrderRow:
    id: str
    number: str
    kind: str
    created_at: datetime
    unit: str
    unit_short: str
    location: str
    contact_name: str
    contact_phone: str
    content: str
    category: str
    priority: str
    department: str
    status: str
    assignee_name: str
    next_due: datetime | None
    visit_due: datetime | None
    last_activity_at: datetime
    completed_late: bool
    reopen_count: int
    paid: bool
    is_open: bool

    def deadline_state(self, now: datetime, warn: timedelta) -> str:
        """ "overdue", "due_soon", "on_time", "paused" or "" (closed or nothing due)."""
        if not self.is_open:
            return ""
        if self.next_due is not None and now >= self.next_due:
            return "overdue"
        if STATES[self.status].paused:
            return "paused"
        if self.next_due is None:
            return ""
        return "due_soon" if now >= self.next_due - warn else "on_time"


def _conditions(
    estate_id: str, filter_: str, now: datetime, staff_id: str, warn: timedelta, chase: timedelta
):
    st = WorkOrderStatus
    where = [st.estate_id == estate_id]
    if filter_ == "open":
        where.append(st.is_open == true())
    elif filter_ == "overdue":
        where += [st.is_open == true(), st.next_due.is_not(None), st.next_due <= now]
    elif filter_ == "due_soon":
        where += [
            st.is_open == true(),
            st.next_due.is_not(None),
            st.next_due > now,
            st.next_due <= now + warn,
        ]
    elif filter_ == "chase":
        where += [st.is_open == true(), st.status.in_(ACTIVE), st.last_activity_at <= now - chase]
    elif filter_ == "visits":
        where.append(st.status == "done")
    elif filter_ == "mine":
        where += [
            st.is_open == true(),
            or_(st.created_by == staff_id, st.assignee_id == staff_id),
        ]
    elif filter_ == "closed":
        where.append(st.is_open == false())
    return where


def list_orders(
    db: Database,
    estate_id: str,
    filter_: str,
    now: datetime,
    staff_id: str = "",
    limit: int = 300,
) -> list[OrderRow]:
    with db.session() as s:
        refresh_status(s)
        rules = load_rules(s, estate_id)
        warn = timedelta(minutes=rules.warn_minutes)
        chase = timedelta(hours=rules.progress_hours)
        st = WorkOrderStatus
        query = (
            select(*ROW_COLUMNS)
            .join(WorkOrder, WorkOrder.id == st.work_order_id)
            .where(*_conditions(estate_id, filter_, now, staff_id, warn, chase))
        )
        if filter_ in ("overdue", "due_soon"):
            query = query.order_by(st.next_due)
        elif filter_ == "visits":
            query = query.order_by(st.visit_due)
        else:
            query = query.order_by(st.created_at.desc())
        return _rows(s, s.execute(query.limit(limit)).all())


def count_orders(
    db: Database,
    estate_id: str,
    now: datetime,
    staff_id: str = "",
    names: tuple[str, ...] = ("open", "overdue", "due_soon", "chase", "visits", "mine"),
) -> dict[str, int]:
    """How many orders each filter of ``names`` shows (the filter bar's counts)."""
    with db.session() as s:
        refresh_status(s)
        rules = load_rules(s, estate_id)
        warn = timedelta(minutes=rules.warn_minutes)
        chase = timedelta(hours=rules.progress_hours)
        out = {}
        for name in names:
            out[name] = s.scalar(
                select(func.count())
                .select_from(WorkOrderStatus)
                .where(*_conditions(estate_id, name, now, staff_id, warn, chase))
            )
        return out


# what a list row needs, as plain columns (no ORM objects for a list of 300)
ROW_COLUMNS = (
    WorkOrder.id,
    WorkOrder.number,
    WorkOrder.kind,
    WorkOrder.created_at,
    WorkOrder.unit_id,
    WorkOrder.location,
    WorkOrder.contact_name,
    WorkOrder.contact_phone,
    WorkOrder.content,
    WorkOrder.paid,
    WorkOrderStatus.category,
    WorkOrderStatus.priority,
    WorkOrderStatus.department,
    WorkOrderStatus.status,
    WorkOrderStatus.assignee_id,
    WorkOrderStatus.next_due,
    WorkOrderStatus.visit_due,
    WorkOrderStatus.last_activity_at,
    WorkOrderStatus.completed_late,
    WorkOrderStatus.reopen_count,
    WorkOrderStatus.is_open,
)


def _rows(s: Session, rows) -> list[OrderRow]:
    names = staff_names(s, {r.assignee_id for r in rows})
    labels = unit_labels(s, (r.unit_id for r in rows))
    out = []
    for row in rows:
        st = o = row
        full, short = labels.get(o.unit_id or "", ("", ""))
        out.append(
            OrderRow(
                id=o.id,
                number=o.number,
                kind=o.kind,
                created_at=o.created_at,
                unit=full,
                unit_short=short,
                location=o.location,
                contact_name=o.contact_name,
                contact_phone=o.contact_phone,
                content=o.content,
                category=st.category,
                priority=st.priority,
                department=st.department,
                status=st.status,
                assignee_name=names.get(st.assignee_id, ""),
                next_due=st.next_due,
                visit_due=st.visit_due,
                last_activity_at=st.last_activity_at,
                completed_late=st.completed_late,
                reopen_count=st.reopen_count,
                paid=o.paid,
                is_open=st.is_open,
            )
        )
    return out


@dataclass(frozen=True)
class StepRow:
    at: datetime
    kind: str
    actor_name: str
    note: str
    data: dict


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    reception_id: str | None
    source_ref: str
    slot_start: datetime | None
    slot_end: datetime | None
    price: object
    state: WorkOrderState
    deadlines: tuple[Deadline, ...]
    steps: tuple[StepRow, ...]
    assignee_id: str
    worker_ids: frozenset[str]
    photos: tuple[str, ...] = ()


def read_order(db: Database, order_id: str) -> OrderDetail:
    """One order with its clock derived from its events now."""
    with db.session() as s:
        order = get_live(s, WorkOrder, order_id, "workorder.gone")
        refresh_status(s, [order.id])
        flat = s.execute(
            select(*ROW_COLUMNS)
            .join(WorkOrder, WorkOrder.id == WorkOrderStatus.work_order_id)
            .where(WorkOrderStatus.work_order_id == order.id)
        ).one()
        state = order_state(s, order)
        names = staff_names(s)
        steps = tuple(
            StepRow(e.at, e.kind, names.get(e.actor_id, ""), e.note, dict(e.data or {}))
            for e in events_of(s, order.id)
        )
        return OrderDetail(
            row=_rows(s, [flat])[0],
            reception_id=order.reception_id,
            source_ref=order.source_ref,
            slot_start=order.slot_start,
            slot_end=order.slot_end,
            price=order.price,
            state=state,
            deadlines=state.deadlines,
            steps=steps,
            assignee_id=state.assignee_id,
            worker_ids=state.worker_ids,
            photos=tuple(
                s.scalars(
                    select(WorkOrderPhoto.filename)
                    .where(WorkOrderPhoto.work_order_id == order.id)
                    .order_by(WorkOrderPhoto.added_at, WorkOrderPhoto.id)
                )
            ),
        )


# ---- return visits ----


def return_visit(
    db: Database,
    order_id: str,
    visitor_id: str,
    outcome: str,
    now: datetime,
    note: str = "",
    close: bool = True,
) -> str:
    """Record a return visit (satisfied, not satisfied, unreachable). "Not satisfied"
    reopens the order to its repairer; a visit that completes it closes the order when
    ``close``. Returns the status after."""
    with db.session() as s:
        order = get_live(s, WorkOrder, order_id, "workorder.gone")
        append_step(s, order, "return_visit", visitor_id, now, note, {"outcome": outcome})
        state = order_state(s, order)
        if close and state.status == "visited":
            append_step(s, order, "close", visitor_id, now + timedelta(seconds=1))
            state = order_state(s, order)
        return state.status


@dataclass(frozen=True)
class VisitStats:
    done: int  # orders done in the period
    visited: int  # of them, with a return-visit record
    overdue: int  # visits due and not made, now

    @property
    def rate(self) -> float | None:
        return None if self.done == 0 else self.visited / self.done


def visit_stats(db: Database, estate_id: str, since: datetime, now: datetime) -> VisitStats:
    """The return-visit rate (target 100 %) of orders done since ``since``."""
    with db.session() as s:
        refresh_status(s)
        st = WorkOrderStatus
        done = s.scalar(
            select(func.count())
            .select_from(st)
            .where(st.estate_id == estate_id, st.done_at >= since)
        )
        visited = s.scalar(
            select(func.count())
            .select_from(st)
            .where(
                st.estate_id == estate_id, st.done_at >= since, st.status.in_(("visited", "closed"))
            )
        )
        overdue = s.scalar(
            select(func.count())
            .select_from(st)
            .where(and_(st.estate_id == estate_id, st.status == "done", st.visit_due <= now))
        )
        return VisitStats(done or 0, visited or 0, overdue or 0)
