"""Move-in (入伙) operations: the handover schedule (due, notified, done, second reminder)
and the eight-step wizard for one unit. Each step is an insert-only event naming who did it
and when, so a handover paused on one desk resumes on another after sync.

Steps that touch other areas call their operations: the move-in fee is the fees module's
first-month management fee from the handover date, taken at the counter (a payment kept
as credit for that bill); the keys step records key custody (keys held for the unit go
back to the owner, a spare left with the office is registered); the acceptance inspection
is a 一房一验 on this engine, whose failures become corrective work orders at finalise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.fees import UnitFacts, monthly_lines, period_of
from app.domain.keys import Movement, key_state
from app.domain.movein import (
    DEFAULT_DOCUMENTS,
    DEFAULT_FORMS,
    STEP_KEYS,
    STEPS,
    MoveInState,
    StepEvent,
    check_finish,
    check_step,
    fold,
    schedule_status,
)
from app.services.fees.counter import take_payment_in
from app.services.fees.schedule import rules_in, schedule_in
from app.services.inspections.common import Target, staff_name
from app.services.inspections.run import start_in
from app.services.reception.common import local_day, setting, tz_of, unit_labels
from app.store.db import Database
from app.store.ids import natural_id
from app.store.inspection_models import Inspection, InspectionTemplate, MoveIn, MoveInEvent
from app.store.models import Unit
from app.store.reception_models import CustodyKey, KeyMovement
from app.store.recorder import recorder

DOCUMENTS_KEY = "movein.documents"  # the estate's checklist (a list of document keys)
BASE_DOCUMENTS = ("notice", "owner_id", "contract")


@dataclass(frozen=True)
class ScheduleRow:
    id: str
    unit_id: str
    unit: str
    owner_name: str
    deadline: date
    notified_on: date | None
    done_on: date | None
    status: str


@dataclass(frozen=True)
class StepView:
    key: str
    role: str
    done: bool
    by: str
    at: datetime | None
    data: dict[str, Any]


@dataclass(frozen=True)
class MoveInView:
    id: str
    unit_id: str
    unit: str
    owner_name: str
    deadline: date
    steps: tuple[StepView, ...]
    current: str | None
    paused: bool
    started: bool
    finished: bool
    elapsed: timedelta
    over_target: bool
    inspection_id: str
    documents: tuple[str, ...]  # the estate's checklist
    forms: tuple[str, ...]
    fee_preview: Decimal | None


def _events(session: Session, move_in_id: str) -> list[StepEvent]:
    return [
        StepEvent(e.id, e.kind, e.at, e.actor_id, e.step, dict(e.data or {}))
        for e in session.scalars(select(MoveInEvent).where(MoveInEvent.move_in_id == move_in_id))
    ]


def _live(session: Session, move_in_id: str) -> MoveIn:
    row = session.get(MoveIn, move_in_id)
    if row is None or row.deleted:
        raise DomainError("movein.gone")
    return row


def documents_of(session: Session, estate_id: str) -> tuple[str, ...]:
    configured = setting(session, estate_id, DOCUMENTS_KEY)
    return tuple(configured) if configured else DEFAULT_DOCUMENTS


def first_month_fee(session: Session, unit: Unit, day: date) -> Decimal:
    """The management fee from the handover day to the month's end (fees module rules;
    the default schedule where the estate has none). Reads only: previews call it."""
    facts = UnitFacts(unit.id, unit.kind, unit.area_m2, day)
    lines = monthly_lines(
        facts,
        period_of(day),
        schedule_in(session, unit.estate_id),
        rules_in(session, unit.estate_id),
    )
    return sum((ln.amount for ln in lines if ln.fee_code.startswith("mgmt")), Decimal("0.00"))


def view_in(session: Session, move_in_id: str, now: datetime) -> MoveInView:
    row = _live(session, move_in_id)
    state: MoveInState = fold(_events(session, move_in_id), now)
    names: dict[str, str] = {}
    steps = []
    for key, role in STEPS:
        done = state.done.get(key)
        if done and done.by not in names:
            names[done.by] = staff_name(session, done.by)
        steps.append(
            StepView(
                key,
                role,
                done is not None,
                names.get(done.by, "") if done else "",
                done.at if done else None,
                done.data if done else {},
            )
        )
    unit = session.get(Unit, row.unit_id)
    preview = None
    if unit is not None and "fees" not in state.done:
        preview = first_month_fee(session, unit, local_day(now, tz_of(session, row.estate_id)))
    return MoveInView(
        row.id,
        row.unit_id,
        unit_labels(session, [row.unit_id]).get(row.unit_id, ("", ""))[0],
        row.owner_name,
        row.deadline,
        tuple(steps),
        state.current,
        state.paused,
        state.started_at is not None,
        state.finished_at is not None,
        state.elapsed,
        state.over_target,
        row.inspection_id,
        documents_of(session, row.estate_id),
        DEFAULT_FORMS,
        preview,
    )


def movein_view(db: Database, move_in_id: str, now: datetime) -> MoveInView:
    with db.session() as s:
        return view_in(s, move_in_id, now)


def plan_handover(
    db: Database, estate_id: str, unit_id: str, owner_name: str, deadline: date
) -> str:
    """A unit due for handover (one per unit: the id is natural)."""
    with db.session() as s:
        if s.get(Unit, unit_id) is None:
            raise DomainError("movein.unit_unknown")
        move_id = natural_id(estate_id, "move_in", unit_id)
        if s.get(MoveIn, move_id) is None:
            recorder(s).create(
                MoveIn,
                id=move_id,
                estate_id=estate_id,
                unit_id=unit_id,
                owner_name=owner_name.strip(),
                deadline=deadline,
            )
        return move_id


def mark_notified(db: Database, move_in_id: str, day: date, second: bool = False) -> None:
    with db.session() as s:
        row = _live(s, move_in_id)
        recorder(s).update(row, **({"reminded_on": day} if second else {"notified_on": day}))


def handover_schedule(db: Database, estate_id: str, now: datetime) -> list[ScheduleRow]:
    with db.session() as s:
        today = local_day(now, tz_of(s, estate_id))
        rows = list(
            s.scalars(
                select(MoveIn)
                .where(MoveIn.estate_id == estate_id, MoveIn.live())
                .order_by(MoveIn.deadline)
            )
        )
        labels = unit_labels(s, [r.unit_id for r in rows])
        started = set(
            s.scalars(
                select(MoveInEvent.move_in_id).where(
                    MoveInEvent.estate_id == estate_id, MoveInEvent.kind == "started"
                )
            )
        )
        out = []
        for r in rows:
            status = schedule_status(r.deadline, r.notified_on is not None, r.done_on, today)
            if status == "second_reminder" and r.reminded_on is not None:
                status = "reminded"
            if status != "done" and r.id in started:
                status = "under_way"
            out.append(
                ScheduleRow(
                    r.id,
                    r.unit_id,
                    labels.get(r.unit_id, ("", ""))[0],
                    r.owner_name,
                    r.deadline,
                    r.notified_on,
                    r.done_on,
                    status,
                )
            )
        return out


def _event(
    session: Session,
    row: MoveIn,
    kind: str,
    staff_id: str,
    now: datetime,
    step: str = "",
    data=None,
) -> None:
    recorder(session).create(
        MoveInEvent,
        estate_id=row.estate_id,
        move_in_id=row.id,
        kind=kind,
        step=step,
        at=now,
        actor_id=staff_id,
        data=dict(data or {}),
    )


def begin(db: Database, move_in_id: str, staff_id: str, now: datetime) -> MoveInView:
    with db.session() as s:
        row = _live(s, move_in_id)
        if fold(_events(s, move_in_id), now).started_at is None:
            _event(s, row, "started", staff_id, now)
        return view_in(s, move_in_id, now)


def pause(
    db: Database, move_in_id: str, staff_id: str, now: datetime, resume: bool = False
) -> MoveInView:
    with db.session() as s:
        row = _live(s, move_in_id)
        state = fold(_events(s, move_in_id), now)
        if state.finished_at is None and state.started_at is not None and state.paused == resume:
            _event(s, row, "resumed" if resume else "paused", staff_id, now)
        return view_in(s, move_in_id, now)


def start_acceptance(db: Database, move_in_id: str, staff_id: str, now: datetime) -> str:
    """The house acceptance inspection (一房一验) of this handover, started once; the meter
    readings of step 6 are filled in."""
    from app.services.inspections.run import answer

    with db.session() as s:
        row = _live(s, move_in_id)
        if row.inspection_id:
            existing = s.get(Inspection, row.inspection_id)
            if existing is not None and existing.status == "in_progress":
                return existing.id
        template_id = natural_id(row.estate_id, "inspection_template", "handover")
        if s.get(InspectionTemplate, template_id) is None:
            raise DomainError("inspection.template.gone")
        label = unit_labels(s, [row.unit_id]).get(row.unit_id, ("", ""))[0]
        inspection = start_in(s, template_id, Target("unit", row.unit_id, label), staff_id, now)
        recorder(s).update(row, inspection_id=inspection.id)
        meters = fold(_events(s, move_in_id), now).done.get("meters")
        inspection_id = inspection.id
    for meter in ("water", "electricity", "gas"):
        if meters and str(meters.data.get(meter, "")).strip():
            answer(
                db, inspection_id, f"meter.{meter}", staff_id, now, value=str(meters.data[meter])
            )
    return inspection_id


def record_step(
    db: Database, move_in_id: str, step: str, data: dict[str, Any], staff_id: str, now: datetime
) -> MoveInView:
    """Record one step after its checks; the fees and keys steps act on their areas."""
    data = dict(data)
    with db.session() as s:
        row = _live(s, move_in_id)
        state = fold(_events(s, move_in_id), now)
        if step == "documents":
            required = list(BASE_DOCUMENTS) + [
                d
                for d in documents_of(s, row.estate_id)
                if d not in BASE_DOCUMENTS and d in data.get("applies", ())
            ]
            data["required"] = required
        if step == "forms":
            data["required"] = list(DEFAULT_FORMS)
        if step == "inspection":
            inspection = s.get(Inspection, row.inspection_id) if row.inspection_id else None
            if inspection is None or inspection.status == "in_progress":
                raise DomainError("movein.inspection_required")
            data = {
                "inspection_id": inspection.id,
                "score": inspection.score,
                "failed": inspection.failed_count,
            }
        check_step(state, step, data)
        if step == "fees":
            data.update(_take_fees(s, row, data, staff_id, now))
        if step == "keys":
            data.update(_hand_keys(s, row, data, staff_id, now))
        _event(s, row, "step", staff_id, now, step, data)
        if step == STEP_KEYS[-1]:
            check_finish(fold(_events(s, move_in_id), now))
            _event(s, row, "finished", staff_id, now)
            recorder(s).update(row, done_on=local_day(now, tz_of(s, row.estate_id)))
        return view_in(s, move_in_id, now)


def _take_fees(
    session: Session, row: MoveIn, data: dict[str, Any], staff_id: str, now: datetime
) -> dict[str, Any]:
    unit = session.get(Unit, row.unit_id)
    day = local_day(now, tz_of(session, row.estate_id))
    amount = first_month_fee(session, unit, day)
    recorder(session).update(unit, handover_date=day)
    out: dict[str, Any] = {"amount": format(amount, "f"), "handover_date": day.isoformat()}
    if amount > 0:
        receipt = take_payment_in(
            session,
            unit,
            amount,
            data.get("method", "cash"),
            row.owner_name,
            staff_id,
            [],
            "入伙费用",
            now,
        )
        out["receipt"] = receipt.payment.receipt_no
    return out


def _hand_keys(
    session: Session, row: MoveIn, data: dict[str, Any], staff_id: str, now: datetime
) -> dict[str, Any]:
    """Keys the office held for the unit go back to the owner (key custody); a spare left
    with the office under the custody undertaking is registered in the cabinet."""
    handed = []
    for key in session.scalars(
        select(CustodyKey).where(CustodyKey.unit_id == row.unit_id, CustodyKey.live())
    ):
        moves = [
            Movement(m.id, m.key_id, m.kind, m.at)
            for m in session.scalars(select(KeyMovement).where(KeyMovement.key_id == key.id))
        ]
        if key_state(moves).state in ("in_cabinet", "lent"):  # the domain's rule for the move
            recorder(session).create(
                KeyMovement,
                estate_id=row.estate_id,
                key_id=key.id,
                kind="returned_to_owner",
                at=now,
                actor_id=staff_id,
                note="入伙交钥匙",
            )
            handed.append(key.tag)
    spare = str(data.get("spare_tag", "")).strip()
    if spare:
        taken = session.scalar(
            select(CustodyKey.id).where(
                CustodyKey.estate_id == row.estate_id, CustodyKey.tag == spare, CustodyKey.live()
            )
        )
        if taken:
            raise DomainError("key.tag_taken", tag=spare)
        key = recorder(session).create(
            CustodyKey,
            estate_id=row.estate_id,
            unit_id=row.unit_id,
            tag=spare,
            description="入伙备用钥匙",
            undertaking_ref=row.owner_name,
            allowed_people=[row.owner_name] if row.owner_name else [],
            valid_from=local_day(now, tz_of(session, row.estate_id)),
        )
        recorder(session).create(
            KeyMovement,
            estate_id=row.estate_id,
            key_id=key.id,
            kind="deposited",
            at=now,
            actor_id=staff_id,
        )
    return {"returned_tags": handed, "spare_tag": spare}
