"""Work orders: create one (from a register entry or any source, e.g. an inspection's
corrective action), append workflow steps through the transition table, dispatch by the
category's rule (assign, or a round-robin pool), and keep the derived status cache.

The header is a register; every step is an insert-only event; status, deadlines and
"overdue" come from ``app.domain.workorders.derive``. ``work_order_status`` caches the
derivation for fast lists: triggers queue an order in ``work_order_dirty`` whenever its
header or events change (also by sync) and :func:`refresh_status` recomputes the queue
before any list is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.domain.limits import HUNDREDTHS, value_problem
from app.domain.reception import PHONE
from app.domain.workorders import (
    CATEGORIES,
    DEPARTMENTS,
    EMERGENCY_CATEGORIES,
    KINDS,
    PRIORITIES,
    Event,
    Facts,
    WorkOrderState,
    check_action,
    derive,
)
from app.services.reception.common import (
    DISPATCH_KEY,
    RULES_KEY,
    get_live,
    load_rules,
    number,
    save_setting,
    setting,
    tz_of,
)
from app.store.base import new_id
from app.store.db import Database
from app.store.models import StaffUser
from app.store.reception_models import (
    ReceptionEntry,
    WorkOrder,
    WorkOrderDirty,
    WorkOrderEvent,
    WorkOrderStatus,
)
from app.store.recorder import recorder

REFRESH_CHUNK = 500


@dataclass(frozen=True)
class WorkOrderInput:
    content: str
    category: str = "other"
    priority: str = "normal"
    department: str = "engineering"
    unit_id: str | None = None
    location: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    slot_start: datetime | None = None
    slot_end: datetime | None = None
    paid: bool = False
    price: Decimal | None = None
    kind: str = "repair"
    source_ref: str = ""
    reception_id: str | None = None
    due_at: datetime | None = None  # set by the source (a corrective action's due by severity)


def check_input(data: WorkOrderInput) -> None:
    errors: dict[str, DomainError] = {}
    if not data.content.strip():
        errors["content"] = DomainError("workorder.content_required")
    if data.kind not in KINDS:
        errors["kind"] = DomainError("workorder.kind_unknown")
    if data.category not in CATEGORIES:
        errors["category"] = DomainError("workorder.category_required")
    if data.priority not in PRIORITIES:
        errors["priority"] = DomainError("workorder.priority_required")
    if data.department not in DEPARTMENTS:
        errors["department"] = DomainError("workorder.department_required")
    if not data.unit_id and not data.location.strip():
        errors["unit_id"] = DomainError("workorder.place_required")
    if data.contact_phone.strip() and not PHONE.match(data.contact_phone.strip()):
        errors["contact_phone"] = DomainError("reception.phone_invalid")
    if (data.slot_start is None) != (data.slot_end is None) or (
        data.slot_start and data.slot_end and data.slot_end <= data.slot_start
    ):
        errors["slot_end"] = DomainError("workorder.slot_invalid")
    if data.paid:
        if data.price is not None and (problem := value_problem(HUNDREDTHS, data.price, "price")):
            errors["price"] = problem  # NaN, Infinity, 1e30: no column stores them
        elif data.price is None or data.price <= 0:
            errors["price"] = DomainError("workorder.price_required")
        elif data.price != data.price.quantize(Decimal("0.01")):
            errors["price"] = DomainError("amount.too_many_decimals", places=2)
        if data.slot_start is None:
            errors["slot_start"] = DomainError("workorder.paid_needs_slot")
    if errors:
        raise FieldErrors(errors)


def create_order(
    session: Session, estate_id: str, data: WorkOrderInput, staff_id: str, now: datetime
) -> WorkOrder:
    """A new order and its "registered" event, inside the caller's unit of work."""
    check_input(data)
    priority = data.priority
    if data.category in EMERGENCY_CATEGORIES and data.kind == "repair":
        priority = "emergency"  # a leak, a power cut, an entrapment, gas: around the clock
    order_id = new_id()
    rec = recorder(session)
    order = rec.create(
        WorkOrder,
        id=order_id,
        estate_id=estate_id,
        kind=data.kind,
        number=number(
            "PG" if data.kind == "repair" else "ZG", now, order_id, tz_of(session, estate_id)
        ),
        created_at=now,
        created_by=staff_id,
        reception_id=data.reception_id,
        source_ref=data.source_ref,
        unit_id=data.unit_id,
        location=data.location.strip(),
        contact_name=data.contact_name.strip(),
        contact_phone=data.contact_phone.strip(),
        content=data.content.strip(),
        slot_start=data.slot_start,
        slot_end=data.slot_end,
        category=data.category,
        priority=priority,
        department=data.department,
        paid=data.paid,
        price=data.price if data.paid else None,
        price_agreed_at=now if data.paid else None,
    )
    rec.create(
        WorkOrderEvent,
        estate_id=estate_id,
        work_order_id=order.id,
        kind="registered",
        at=now,
        actor_id=staff_id,
        data={"category": data.category, "priority": priority, "department": data.department}
        | ({"due_at": data.due_at.isoformat()} if data.due_at else {}),  # a set deadline
    )
    refresh_status(session, [order.id])
    return order


def events_of(session: Session, order_id: str) -> list[WorkOrderEvent]:
    return list(
        session.scalars(
            select(WorkOrderEvent)
            .where(WorkOrderEvent.work_order_id == order_id)
            .order_by(WorkOrderEvent.at, WorkOrderEvent.id)
        )
    )


def facts_of(order: WorkOrder) -> Facts:
    return Facts(
        created_at=order.created_at,
        category=order.category,
        priority=order.priority,
        paid=order.paid,
        slot_start=order.slot_start,
        slot_end=order.slot_end,
    )


def as_event(row: WorkOrderEvent) -> Event:
    return Event(row.id, row.kind, row.at, row.actor_id, dict(row.data or {}))


def order_state(session: Session, order: WorkOrder) -> WorkOrderState:
    rules = load_rules(session, order.estate_id)
    return derive(facts_of(order), [as_event(e) for e in events_of(session, order.id)], rules)


def append_step(
    session: Session,
    order: WorkOrder,
    action: str,
    actor_id: str,
    now: datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> WorkOrderEvent:
    """Append one step after the transition table and its checks allow it."""
    data = dict(data or {})
    state = order_state(session, order)
    if action in ("dispatch", "transfer") and data.get("pool"):
        data["assignee_id"] = next_in_pool(session, order, data.pop("pool"))
        data.pop("pool", None)
    check_action(state, action, actor_id, data, note)
    if action in ("dispatch", "transfer"):
        data.setdefault("department", order.department)
    event = recorder(session).create(
        WorkOrderEvent,
        estate_id=order.estate_id,
        work_order_id=order.id,
        kind=action,
        at=now,
        actor_id=actor_id,
        note=note.strip(),
        data=data,
    )
    refresh_status(session, [order.id])
    return event


# ---- dispatch rules: per category, assign to someone or a round-robin pool ----


def dispatch_rules(db: Database, estate_id: str) -> dict[str, dict[str, Any]]:
    with db.session() as s:
        return dict(setting(s, estate_id, DISPATCH_KEY) or {})


def save_dispatch_rule(
    db: Database, estate_id: str, category: str, mode: str, staff_ids: list[str]
) -> None:
    if category not in CATEGORIES or mode not in ("assign", "pool") or not staff_ids:
        raise DomainError("workorder.dispatch_rule_invalid")
    with db.session() as s:
        rules = dict(setting(s, estate_id, DISPATCH_KEY) or {})
        rules[category] = {"mode": mode, "staff": list(staff_ids)}
        save_setting(s, estate_id, DISPATCH_KEY, rules)


def next_in_pool(session: Session, order: WorkOrder, pool: list[str]) -> str:
    """Round robin: the pool member after the one who got the last order of this
    category (the derived status keeps each order's assignee)."""
    if not pool:
        raise DomainError("workorder.assignee_required")
    last = session.scalar(
        select(WorkOrderStatus.assignee_id)
        .where(
            WorkOrderStatus.estate_id == order.estate_id,
            WorkOrderStatus.category == order.category,
            WorkOrderStatus.assignee_id.in_(pool),
            WorkOrderStatus.work_order_id != order.id,
        )
        .order_by(WorkOrderStatus.created_at.desc())
        .limit(1)
    )
    if last not in pool:
        return pool[0]
    return pool[(pool.index(last) + 1) % len(pool)]


def auto_dispatch(session: Session, order: WorkOrder, actor_id: str, now: datetime) -> bool:
    """Dispatch by the category's rule, if it has one. Returns whether it did."""
    rule = (setting(session, order.estate_id, DISPATCH_KEY) or {}).get(order.category)
    if not rule:
        return False
    data: dict[str, Any] = {"rule": rule["mode"]}
    if rule["mode"] == "pool":
        data["pool"] = list(rule["staff"])
    else:
        data["assignee_id"] = rule["staff"][0]
    append_step(session, order, "dispatch", actor_id, now, data=data)
    return True


def repairers(db: Database, estate_id: str) -> list[tuple[str, str]]:
    """Staff who can take work orders: (id, name)."""
    with db.session() as s:
        rows = s.execute(
            select(StaffUser.id, StaffUser.display_name, StaffUser.estate_ids)
            .where(StaffUser.active.is_(True), StaffUser.live())
            .order_by(StaffUser.role != "engineer", StaffUser.display_name)
        ).all()
        return [(i, n) for i, n, estates in rows if not estates or estate_id in estates]


# ---- operations the screens call ----


def open_order(
    db: Database,
    estate_id: str,
    data: WorkOrderInput,
    staff_id: str,
    now: datetime,
    assignee_id: str | None = None,
) -> str:
    """Create an order and dispatch it (to ``assignee_id`` or by the category's rule)."""
    with db.session() as s:
        if data.reception_id:
            get_live(s, ReceptionEntry, data.reception_id, "reception.entry_gone")
        order = create_order(s, estate_id, data, staff_id, now)
        if assignee_id:
            append_step(s, order, "dispatch", staff_id, now, data={"assignee_id": assignee_id})
        else:
            auto_dispatch(s, order, staff_id, now)
        return order.id


def order_from_entry(
    db: Database,
    entry_id: str,
    staff_id: str,
    now: datetime,
    *,
    category: str,
    priority: str = "normal",
    department: str = "engineering",
    assignee_id: str | None = None,
    slot: tuple[datetime, datetime] | None = None,
    paid: bool = False,
    price: Decimal | None = None,
) -> str:
    """Turn a register entry into a work order: unit, caller and content carried over,
    linked back to the entry (which keeps everything typed in it)."""
    with db.session() as s:
        entry = get_live(s, ReceptionEntry, entry_id, "reception.entry_gone")
        data = WorkOrderInput(
            content=entry.content,
            category=category,
            priority=priority,
            department=department,
            unit_id=entry.unit_id,
            location="" if entry.unit_id else (entry.caller_name or "-"),
            contact_name=entry.caller_name,
            contact_phone=entry.caller_phone,
            slot_start=slot[0] if slot else None,
            slot_end=slot[1] if slot else None,
            paid=paid,
            price=price,
            reception_id=entry.id,
        )
        estate_id = entry.estate_id
    return open_order(db, estate_id, data, staff_id, now, assignee_id)


def act(
    db: Database,
    order_id: str,
    action: str,
    actor_id: str,
    now: datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> str:
    """One workflow step (dispatch, accept, start, pause, resume, progress, done, ...).
    Returns the order's status after it. A paid order that is done is billed to its unit."""
    with db.session() as s:
        order = get_live(s, WorkOrder, order_id, "workorder.gone")
        append_step(s, order, action, actor_id, now, note, data)
        if action == "done" and order.paid:
            from app.services.reception.paid import bill_paid_order

            bill_paid_order(s, order, actor_id, now)
        return s.get(WorkOrderStatus, order.id).status


# ---- the derived status cache ----


def refresh_status(session: Session, ids: list[str] | None = None) -> int:
    """Recompute the status of the given orders, or of every queued one."""
    session.flush()
    if ids is None:
        ids = list(session.scalars(select(WorkOrderDirty.work_order_id)))
    done = 0
    for start in range(0, len(ids), REFRESH_CHUNK):
        chunk = ids[start : start + REFRESH_CHUNK]
        orders = {
            o.id: o for o in session.scalars(select(WorkOrder).where(WorkOrder.id.in_(chunk)))
        }
        events: dict[str, list[Event]] = {}
        for row in session.scalars(
            select(WorkOrderEvent).where(WorkOrderEvent.work_order_id.in_(chunk))
        ):
            events.setdefault(row.work_order_id, []).append(as_event(row))
        rows = []
        for order in orders.values():
            rules = load_rules(session, order.estate_id)
            state = derive(facts_of(order), events.get(order.id, []), rules)
            rows.append(status_row(order, state))
        write_status(session, rows)
        session.execute(delete(WorkOrderDirty).where(WorkOrderDirty.work_order_id.in_(chunk)))
        done += len(rows)
    return done


def status_row(order: WorkOrder, state: WorkOrderState) -> dict[str, Any]:
    return {
        "work_order_id": order.id,
        "estate_id": order.estate_id,
        "kind": order.kind,
        "created_at": order.created_at,
        "created_by": order.created_by,
        "status": "declined" if order.deleted else state.status,
        "is_open": state.open and not order.deleted,
        "category": state.category,
        "priority": state.priority,
        "department": state.department or order.department,
        "assignee_id": state.assignee_id,
        "next_due": state.next_due,
        "last_activity_at": state.last_activity_at,
        "visit_due": state.visit_due,
        "done_at": state.done_at,
        "closed_at": state.closed_at,
        "completed_late": state.completed_late,
        "reopen_count": state.reopen_count,
    }


def write_status(session: Session, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table = WorkOrderStatus.__table__
    stmt = sqlite_insert(table)
    update = {c.name: stmt.excluded[c.name] for c in table.columns if c.name != "work_order_id"}
    session.execute(stmt.on_conflict_do_update(index_elements=["work_order_id"], set_=update), rows)


# ---- the estate's SLA rules ----


def read_rules(db: Database, estate_id: str):
    """The estate's work-order rules (targets per category x priority, business hours,
    warning lead, progress interval, return-visit days)."""
    with db.session() as s:
        return load_rules(s, estate_id)


def save_rules(db: Database, estate_id: str, rules) -> None:
    """Save edited rules (checked first); every order's deadlines are derived again."""
    from app.domain.workorders import WorkOrderRules

    value = WorkOrderRules.from_json(rules.to_json()).to_json()  # checks
    with db.session() as s:
        save_setting(s, estate_id, RULES_KEY, value)
        s.info.get("workorder_rules", {}).pop(estate_id, None)
        s.execute(
            text(
                "INSERT OR IGNORE INTO work_order_dirty(work_order_id) "
                "SELECT id FROM work_orders WHERE estate_id = :e"
            ),
            {"e": estate_id},
        )


# ---- photos ----


def attach_photo(db: Database, order_id: str, path, now: datetime, blobs=None) -> str:
    """Keep a photo of the order in the one blob store and name it on the order (a log
    row with its sha256, so the sync uploads the file before the row)."""
    from pathlib import Path

    from app.store.blobs import BlobStore
    from app.store.reception_models import WorkOrderPhoto

    source = Path(path)
    store = blobs or BlobStore()
    sha = store.put(source)
    with db.session() as s:
        order = get_live(s, WorkOrder, order_id, "workorder.gone")
        recorder(s).create(
            WorkOrderPhoto,
            estate_id=order.estate_id,
            work_order_id=order.id,
            sha256=sha,
            filename=source.name[:255],
            size=source.stat().st_size,
            added_at=now,
        )
    return sha


def photos_of(db: Database, order_id: str) -> list[tuple[str, str]]:
    """(filename, sha256) of an order's photos, oldest first."""
    from app.store.reception_models import WorkOrderPhoto

    with db.session() as s:
        return [
            (name, sha)
            for name, sha in s.execute(
                select(WorkOrderPhoto.filename, WorkOrderPhoto.sha256)
                .where(WorkOrderPhoto.work_order_id == order_id)
                .order_by(WorkOrderPhoto.added_at, WorkOrderPhoto.id)
            )
        ]
