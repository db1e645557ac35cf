"""Corrective actions (整改): every failed item of a finalised inspection becomes a work
order of kind "corrective" on the work-order engine, carrying the note, the photos, the
responsible department and a due time by severity (24 h / 72 h / 7 days). Closing needs an
"after" photo (the order's "done"), then a second person's check (the engine's return
visit, which refuses the person who did the work), then "close". Verification may happen
at the next inspection of the same target (消项) or at a handover's re-inspection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.inspections import Answer, Content, ScoreResult, corrective_due
from app.domain.workorders import CATEGORIES, DEPARTMENTS
from app.services.inspections.common import live_inspection
from app.services.reception.common import get_live
from app.services.reception.workorders import WorkOrderInput, append_step, create_order
from app.store.blobs import BlobStore
from app.store.db import Database
from app.store.ids import natural_id
from app.store.inspection_models import Inspection, InspectionAction, InspectionPhoto
from app.store.reception_models import WorkOrder, WorkOrderPhoto, WorkOrderStatus
from app.store.recorder import recorder

# an inspection department -> the work-order department that answers for it
DEPARTMENT_OF = {"estate_office": "customer_service", "repair": "engineering"}
CATEGORY_OF = {
    "cleaning": "cleaning",
    "landscaping": "landscaping",
    "security": "security",
    "control_room": "fire_safety",
    "engineering": "public_facilities",
}


@dataclass(frozen=True)
class ActionRow:
    id: str
    inspection_id: str
    item_id: str
    item_name: str
    work_order_id: str
    number: str
    department: str
    severity: str
    due_at: datetime
    status: str  # the work order's status
    closed: bool
    overdue: bool
    location: str


def department_for(item_dept: str, template_dept: str) -> str:
    dept = item_dept or template_dept
    dept = DEPARTMENT_OF.get(dept, dept)
    return dept if dept in DEPARTMENTS else "customer_service"


def create_actions_in(
    session: Session,
    row: Inspection,
    content: Content,
    answers: dict[str, Answer],
    result: ScoreResult,
    staff_id: str,
    now: datetime,
) -> list[str]:
    """One corrective work order per failed item (made once: the link's id is natural)."""
    made = []
    for item_id in result.failed_items:
        link_id = natural_id(row.id, item_id, "action")
        if session.get(InspectionAction, link_id) is not None:
            continue
        item = content.item(item_id)
        answer = answers.get(item_id)
        department = department_for(item.department, row.department)
        category = item.category if item.category in CATEGORIES else None
        category = category or CATEGORY_OF.get(department, "other")
        photos = list(
            session.scalars(
                select(InspectionPhoto).where(
                    InspectionPhoto.inspection_id == row.id,
                    InspectionPhoto.item_id == item_id,
                    InspectionPhoto.removed.is_(False),
                )
            )
        )
        text = f"{item.name_zh}" + (f":{answer.note}" if answer and answer.note else "")
        due_at = corrective_due(item.severity, now)  # the order's deadline and the action's
        order = create_order(
            session,
            row.estate_id,
            WorkOrderInput(
                content=f"[{row.number}] {text}",
                category=category,
                # high severity runs around the clock (the engine's 24 h target)
                priority="emergency" if item.severity == "high" else "normal",
                department=department,
                unit_id=row.target_id if row.target_kind == "unit" and row.target_id else None,
                location=row.target_label or "-",
                kind="corrective",
                source_ref=f"inspection:{row.id}:{item_id}",
                due_at=due_at,
            ),
            staff_id,
            now,
        )
        for photo in photos:  # the repairer sees the inspector's photos on the order
            recorder(session).create(
                WorkOrderPhoto,
                estate_id=row.estate_id,
                work_order_id=order.id,
                sha256=photo.sha256,
                filename=f"{item_id}.jpg",
                size=photo.size,
                added_at=now,
            )
        recorder(session).create(
            InspectionAction,
            id=link_id,
            estate_id=row.estate_id,
            inspection_id=row.id,
            item_id=item_id,
            work_order_id=order.id,
            severity=item.severity,
            due_at=due_at,
            department=department,
        )
        made.append(order.id)
    return made


def _rows(session: Session, links: list[InspectionAction], now: datetime) -> list[ActionRow]:
    out = []
    for link in links:
        order = session.get(WorkOrder, link.work_order_id)
        status = session.get(WorkOrderStatus, link.work_order_id)
        inspection = session.get(Inspection, link.inspection_id)
        name = link.item_id
        if inspection is not None:
            from app.services.inspections.common import content_of

            item = content_of(session, inspection.version_id).item(link.item_id)
            name = item.name_zh if item else link.item_id
        state = status.status if status else "registered"
        closed = state == "closed"
        out.append(
            ActionRow(
                link.id,
                link.inspection_id,
                link.item_id,
                name,
                link.work_order_id,
                order.number if order else "",
                link.department,
                link.severity,
                link.due_at,
                state,
                closed,
                not closed and now > link.due_at,
                order.location if order else "",
            )
        )
    return out


def actions_of(db: Database, inspection_id: str, now: datetime) -> list[ActionRow]:
    with db.session() as s:
        return actions_in(s, inspection_id, now)


def actions_in(session: Session, inspection_id: str, now: datetime) -> list[ActionRow]:
    links = list(
        session.scalars(
            select(InspectionAction)
            .where(InspectionAction.inspection_id == inspection_id)
            .order_by(InspectionAction.due_at, InspectionAction.id)
        )
    )
    return _rows(session, links, now)


def _open_query(estate_id: str, now: datetime, target_id: str, overdue_only: bool):
    """The open actions' SELECT: one WHERE for the list and its count. Closed ones are
    left out in SQL, so the list costs what is open, not every action ever made."""
    closed = select(WorkOrderStatus.work_order_id).where(WorkOrderStatus.status == "closed")
    query = select(InspectionAction).where(
        InspectionAction.estate_id == estate_id,
        InspectionAction.work_order_id.not_in(closed),
    )
    if target_id:
        ids = select(Inspection.id).where(Inspection.target_id == target_id)
        query = query.where(InspectionAction.inspection_id.in_(ids))
    if overdue_only:
        query = query.where(InspectionAction.due_at < now)
    return query


def count_open_actions(
    db: Database, estate_id: str, now: datetime, target_id: str = "", overdue_only: bool = False
) -> int:
    """How many actions ``open_actions`` lists."""
    query = _open_query(estate_id, now, target_id, overdue_only)
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(query.subquery())) or 0


def open_actions(
    db: Database, estate_id: str, now: datetime, target_id: str = "", overdue_only: bool = False
) -> list[ActionRow]:
    """Every action not closed yet (optionally of one target: what to verify, 消项; or
    only those past their due time at ``now``)."""
    with db.session() as s:
        query = _open_query(estate_id, now, target_id, overdue_only)
        rows = _rows(s, list(s.scalars(query.order_by(InspectionAction.due_at))), now)
        return [r for r in rows if not r.closed]


def _link(session: Session, action_id: str) -> tuple[InspectionAction, WorkOrder]:
    link = session.get(InspectionAction, action_id)
    if link is None:
        raise DomainError("inspection.action_gone")
    return link, get_live(session, WorkOrder, link.work_order_id, "workorder.gone")


def rectified(
    db: Database,
    action_id: str,
    after_photo: Path | str | None,
    worker_id: str,
    now: datetime,
    note: str = "",
    blobs: BlobStore | None = None,
) -> str:
    """The work is done: needs an "after" photo. Dispatches and starts the order for the
    worker if nobody did. Returns the order's status."""
    if after_photo is None:
        raise DomainError("inspection.action.after_photo_required")
    from app.services.inspections.photos import store_photo_in  # Pillow: not at start-up

    blobs = blobs or BlobStore()
    with db.session() as s:
        link, order = _link(s, action_id)
        inspection = live_inspection(s, link.inspection_id)
        photo = store_photo_in(
            s, inspection, link.item_id, Path(after_photo), worker_id, now, blobs, "after", order.id
        )
        status = s.get(WorkOrderStatus, order.id).status
        if status in ("registered", "returned"):
            append_step(s, order, "dispatch", worker_id, now, data={"assignee_id": worker_id})
            status = "dispatched"
        if status == "dispatched":
            append_step(s, order, "start", worker_id, now)
        append_step(
            s,
            order,
            "done",
            worker_id,
            now,
            note,
            data={"by": worker_id, "after_sha256": photo.sha256},
        )
        return s.get(WorkOrderStatus, order.id).status


def verify(
    db: Database, action_id: str, checker_id: str, now: datetime, ok: bool, note: str = ""
) -> str:
    """A second person's check: accepted closes the action; refused sends it back to work.
    The engine refuses a check by the person who did the work."""
    with db.session() as s:
        link, order = _link(s, action_id)
        outcome = "satisfied" if ok else "not_satisfied"
        append_step(s, order, "return_visit", checker_id, now, note, data={"outcome": outcome})
        if ok:
            append_step(s, order, "close", checker_id, now, note)
        return s.get(WorkOrderStatus, order.id).status
