"""Schedules and the due list: what is due, late (overdue) and missed today, what was done
on time or late, and make-up inspections (补检) where the plan allows them; plus the list of
inspections with their open-action state."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.inspection_schedule import Completion, ScheduleSpec, apply_edit, due_list
from app.domain.inspections import TARGET_KINDS
from app.services.inspections.common import Target
from app.services.inspections.run import start_in
from app.services.inspections.sync_state import kept_counts, waiting_counts
from app.services.permissions import require
from app.services.reception.common import local_day, tz_of
from app.store.db import Database
from app.store.inspection_models import (
    Inspection,
    InspectionAction,
    InspectionSchedule,
    InspectionTemplate,
)
from app.store.reception_models import WorkOrderStatus
from app.store.recorder import recorder


@dataclass(frozen=True)
class DueRow:
    schedule_id: str
    template_id: str
    template_name: str
    target_label: str
    due_on: date
    window_end: date
    status: str  # upcoming, due, overdue, on_time, late, missed, made_up
    done_on: date | None
    inspection_id: str  # the one done, or the one under way
    in_progress: bool
    makeup_allowed: bool


@dataclass(frozen=True)
class InspectionRow:
    id: str
    number: str
    template_name: str
    version: int
    target_label: str
    started_at: datetime
    status: str
    score: str
    passed: bool
    failed_count: int
    repeat_count: int
    open_actions: int
    files_waiting: int = 0  # photos and signatures the server has not confirmed yet
    kept_aside: int = 0  # its conflicts to settle and changes the server refused


def due_rows(db: Database, estate_id: str, now: datetime, days_back: int = 14) -> list[DueRow]:
    """Every schedule's occurrences from ``days_back`` days ago up to the next one."""
    with db.session() as s:
        today = local_day(now, tz_of(s, estate_id))
        since = date.fromordinal(today.toordinal() - days_back)
        names = dict(
            s.execute(
                select(InspectionTemplate.id, InspectionTemplate.name_zh).where(
                    InspectionTemplate.estate_id == estate_id
                )
            ).all()
        )
        out: list[DueRow] = []
        for plan in s.scalars(
            select(InspectionSchedule).where(
                InspectionSchedule.estate_id == estate_id,
                InspectionSchedule.active.is_(True),
                InspectionSchedule.live(),
            )
        ):
            specs = [ScheduleSpec.from_json(r) for r in plan.revisions or []]
            rows = s.execute(
                select(
                    Inspection.id, Inspection.due_on, Inspection.finalised_at, Inspection.make_up
                )
                .where(Inspection.schedule_id == plan.id, Inspection.live())
                .where(Inspection.revision_of == "")
            ).all()
            tz = tz_of(s, estate_id)
            done = [
                Completion(due, local_day(fin, tz), bool(mk), iid)
                for iid, due, fin, mk in rows
                if fin is not None and due is not None
            ]
            under_way = {due: iid for iid, due, fin, _mk in rows if fin is None and due is not None}
            for occ in due_list(specs, done, today, since):
                out.append(
                    DueRow(
                        plan.id,
                        plan.template_id,
                        names.get(plan.template_id, ""),
                        plan.target_label,
                        occ.due_on,
                        occ.window_end,
                        occ.status,
                        occ.done_on,
                        occ.inspection_id or under_way.get(occ.due_on, ""),
                        occ.due_on in under_way and not occ.inspection_id,
                        occ.makeup_allowed,
                    )
                )
        rank = {"overdue": 0, "due": 1, "missed": 2, "upcoming": 3}
        out.sort(key=lambda r: (rank.get(r.status, 4), r.due_on, r.template_name))
        return out


def start_due(
    db: Database,
    schedule_id: str,
    due_on: date,
    staff_id: str,
    now: datetime,
    make_up: bool = False,
) -> str:
    """Start (or continue) the inspection of one occurrence; a missed one only as a
    make-up, and only where the plan allows it."""
    with db.session() as s:
        require(s, None, "inspections.edit")
        plan = s.get(InspectionSchedule, schedule_id)
        if plan is None or plan.deleted:
            raise DomainError("inspection.schedule.gone")
        specs = [ScheduleSpec.from_json(r) for r in plan.revisions or []]
        if make_up and not all(sp.makeup for sp in specs if sp.effective_from <= due_on):
            raise DomainError("inspection.schedule.no_makeup")
        target = Target(plan.target_kind, plan.target_id, plan.target_label)
        return start_in(s, plan.template_id, target, staff_id, now, plan.id, due_on, make_up).id


def add_schedule(
    db: Database,
    estate_id: str,
    template_id: str,
    target: Target,
    spec: ScheduleSpec,
    now: datetime | None = None,
) -> str:
    """A new plan for a checklist and a target, in force from ``spec.effective_from`` (with
    ``now``: never before the estate's today, so nothing is due, late or missed before it
    existed)."""
    with db.session() as s:
        require(s, None, "inspections.edit")
        if now is not None:
            today = local_day(now, tz_of(s, estate_id))
            spec = replace(spec, effective_from=max(spec.effective_from, today))
        template = s.get(InspectionTemplate, template_id)
        if template is None or template.deleted:
            raise DomainError("inspection.template.gone")
        if target.kind not in TARGET_KINDS:
            raise DomainError("inspection.target_kind")
        if not target.label.strip() and not target.id:
            raise DomainError("inspection.target_required")
        ScheduleSpec.from_json(spec.to_json())
        plan = recorder(s).create(
            InspectionSchedule,
            estate_id=estate_id,
            template_id=template_id,
            target_kind=target.kind,
            target_id=target.id,
            target_label=target.label.strip(),
            revisions=[spec.to_json()],
        )
        return plan.id


def edit_schedule(db: Database, schedule_id: str, spec: ScheduleSpec, now: datetime) -> None:
    """The new plan applies from the next occurrence; what was due before stays."""
    with db.session() as s:
        require(s, None, "inspections.edit")
        plan = s.get(InspectionSchedule, schedule_id)
        if plan is None or plan.deleted:
            raise DomainError("inspection.schedule.gone")
        today = local_day(now, tz_of(s, plan.estate_id))
        revisions = apply_edit([ScheduleSpec.from_json(r) for r in plan.revisions], spec, today)
        recorder(s).update(plan, revisions=[r.to_json() for r in revisions])


def list_inspections(
    db: Database, estate_id: str, status: str = "", limit: int = 500
) -> list[InspectionRow]:
    with db.session() as s:
        query = (
            select(Inspection, InspectionTemplate.name_zh)
            .join(InspectionTemplate, InspectionTemplate.id == Inspection.template_id)
            .where(Inspection.estate_id == estate_id, Inspection.live())
        )
        if status:
            query = query.where(Inspection.status == status)
        rows = s.execute(query.order_by(Inspection.started_at.desc()).limit(limit)).all()
        ids = [r.id for r, _ in rows]
        open_count: dict[str, int] = {}
        for iid, closed in s.execute(
            select(InspectionAction.inspection_id, WorkOrderStatus.status == "closed")
            .join(WorkOrderStatus, WorkOrderStatus.work_order_id == InspectionAction.work_order_id)
            .where(InspectionAction.inspection_id.in_(ids))
        ):
            if not closed:
                open_count[iid] = open_count.get(iid, 0) + 1
        waiting = waiting_counts(s, estate_id)
        kept = kept_counts(s, ids)
        return [
            InspectionRow(
                r.id,
                r.number,
                name,
                r.version,
                r.target_label,
                r.started_at,
                r.status,
                r.score,
                r.passed,
                r.failed_count,
                len(r.repeat_items or ()),
                open_count.get(r.id, 0),
                waiting.get(r.id, 0),
                kept.get(r.id, 0),
            )
            for r, name in rows
        ]


@dataclass(frozen=True)
class ScheduleRow:
    id: str
    template_id: str
    template_name: str
    target_kind: str
    target_label: str
    spec: ScheduleSpec  # the revision in force today
    revisions: int


def list_schedules(db: Database, estate_id: str, now: datetime) -> list[ScheduleRow]:
    from app.domain.inspection_schedule import in_force

    with db.session() as s:
        today = local_day(now, tz_of(s, estate_id))
        rows = s.execute(
            select(InspectionSchedule, InspectionTemplate.name_zh)
            .join(InspectionTemplate, InspectionTemplate.id == InspectionSchedule.template_id)
            .where(InspectionSchedule.estate_id == estate_id, InspectionSchedule.live())
            .order_by(InspectionTemplate.kind, InspectionTemplate.code)
        ).all()
        out = []
        for plan, name in rows:
            specs = [ScheduleSpec.from_json(r) for r in plan.revisions or []]
            current = in_force(specs, today) or (specs[0] if specs else None)
            if current is not None:
                out.append(
                    ScheduleRow(
                        plan.id,
                        plan.template_id,
                        name,
                        plan.target_kind,
                        plan.target_label,
                        current,
                        len(specs),
                    )
                )
        return out
