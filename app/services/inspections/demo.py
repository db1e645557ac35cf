"""Demo inspections: the shipped templates and schedules, six months of department and
monthly scored inspections (a trend for the quality report), the last two weeks of daily
rounds (on time, late, missed), failures with photos and corrective actions (one closed
after a second person's check), a signed handover, one walk in progress, and a handover
schedule with one move-in under way."""

from __future__ import annotations

import random
import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.inspections import required_signers
from app.services.inspections.actions import actions_in
from app.services.inspections.common import Target, answers_of, content_of
from app.services.inspections.photos import store_photo_in
from app.services.inspections.run import answer_in, finalise_in, start_in
from app.services.inspections.signing import current_hash, render_strokes
from app.services.inspections.templates import ensure_default_templates_in
from app.services.reception.common import local_day, tz_of, unit_labels
from app.services.reception.workorders import append_step
from app.store.blobs import BlobStore
from app.store.ids import natural_id
from app.store.inspection_models import (
    Inspection,
    InspectionSchedule,
    InspectionSignature,
    InspectionTemplate,
    MoveIn,
    MoveInEvent,
)
from app.store.models import Resident, StaffUser
from app.store.reception_models import WorkOrder
from app.store.recorder import recorder

NOTES = ("有杂物未清理", "记录不完整", "地面有积水", "设备房灰尘较多", "岗亭卫生差")
STROKES = [[(0.05, 0.6), (0.2, 0.3), (0.35, 0.7), (0.5, 0.35)], [(0.55, 0.5), (0.9, 0.45)]]


def _photo(folder: Path, n: int, rng: random.Random) -> Path:
    image = Image.new("RGB", (1600, 1200), (rng.randint(90, 200), rng.randint(90, 200), 170))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randint(0, 1500), rng.randint(0, 1100)
        draw.rectangle(
            (x, y, x + rng.randint(40, 300), y + rng.randint(40, 300)),
            fill=(rng.randint(0, 255),) * 3,
        )
    path = folder / f"demo-{n}.jpg"
    image.save(path, "JPEG", quality=85)
    return path


def _walk(
    s, template_id, target, staff, at, rng, blobs, folder, fail_rate=0.08, **start
) -> Inspection:
    row = start_in(s, template_id, target, staff, at, **start)
    content = content_of(s, row.version_id)
    for item in content.items():
        fail = rng.random() < fail_rate
        if item.type == "pass_fail":
            value = "fail" if fail else ("na" if rng.random() < 0.03 else "pass")
        elif item.type == "choice":
            value = "fail" if fail else rng.choice(("full", "full", "part"))
        elif item.type == "number":
            low = item.low if item.low is not None else 0
            high = item.high if item.high is not None else low + 10
            share = Decimal(rng.randint(0, 100)) / 100
            value = format((low + (high - low) * share).quantize(Decimal("0.1")), "f")
            fail = False
        else:
            continue
        answer_in(
            s, row.id, item.id, staff, at, value=value, note=rng.choice(NOTES) if fail else None
        )
        if fail:
            store_photo_in(
                s, row, item.id, _photo(folder, rng.randint(0, 10**9), rng), staff, at, blobs
            )
    return row


def add_inspection_demo(session: Session, estate_id: str, rng: random.Random) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    tz = tz_of(session, estate_id)
    blobs = BlobStore()
    ensure_default_templates_in(session, estate_id, now - timedelta(days=200))
    staff = (
        session.scalars(
            select(StaffUser.id).where(StaffUser.login.not_like("demo-%")).order_by(StaffUser.id)
        ).first()
        or ""
    )
    if not staff and session.get(StaffUser, natural_id("demo-staff", "demo-repair-1")):
        staff = natural_id("demo-staff", "demo-repair-1")
    checker = natural_id("demo-staff", "demo-lead")
    if session.get(StaffUser, checker) is None:
        checker = staff
    templates = {
        t.code: t
        for t in session.scalars(
            select(InspectionTemplate).where(InspectionTemplate.estate_id == estate_id)
        )
    }
    if session.scalar(select(Inspection.id).where(Inspection.estate_id == estate_id).limit(1)):
        return  # a second fill adds no second history
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # six months of department inspections and the monthly scored one
        for back in range(6, 0, -1):
            at = now - timedelta(days=30 * back - rng.randint(0, 5))
            for code in (
                "quality.cleaning",
                "quality.security",
                "quality.repair",
                "quality.customer_service",
                "monthly",
            ):
                t = templates[code]
                row = _walk(
                    session,
                    t.id,
                    Target("department", t.department, t.name_zh),
                    staff,
                    at,
                    rng,
                    blobs,
                    folder,
                    0.06 + back / 100,
                )
                finalise_in(session, row.id, staff, at + timedelta(minutes=40), blobs)
        # the daily department rounds of the last two weeks, from their schedules
        today = local_day(now, tz)
        for plan in session.scalars(
            select(InspectionSchedule).where(InspectionSchedule.estate_id == estate_id)
        ):
            spec = plan.revisions[0]
            if spec["frequency"] != "daily":
                continue
            for back in range(14, 0, -1):
                day = today - timedelta(days=back)
                if rng.random() < 0.08:
                    continue  # missed
                late = rng.random() < 0.1
                at = datetime.combine(
                    day + timedelta(days=1 if late else 0), datetime.min.time(), UTC
                ) + timedelta(hours=2)
                target = Target(plan.target_kind, plan.target_id, plan.target_label)
                row = _walk(
                    session,
                    plan.template_id,
                    target,
                    staff,
                    at,
                    rng,
                    blobs,
                    folder,
                    0.04,
                    schedule_id=plan.id,
                    due_on=day,
                )
                finalise_in(session, row.id, staff, at + timedelta(minutes=30), blobs)
        # close one corrective action: done with an after photo, checked by a second person
        some = session.scalars(
            select(Inspection)
            .where(Inspection.estate_id == estate_id, Inspection.failed_count > 0)
            .order_by(Inspection.finalised_at)
        ).first()
        if some is not None and staff and checker != staff:
            for action in actions_in(session, some.id, now)[:1]:
                order = session.get(WorkOrder, action.work_order_id)
                at = some.finalised_at + timedelta(hours=20)
                after = store_photo_in(
                    session,
                    some,
                    action.item_id,
                    _photo(folder, 1, rng),
                    staff,
                    at,
                    blobs,
                    "after",
                    order.id,
                )
                append_step(session, order, "dispatch", staff, at, data={"assignee_id": staff})
                append_step(session, order, "start", staff, at)
                append_step(
                    session,
                    order,
                    "done",
                    staff,
                    at,
                    data={"by": staff, "after_sha256": after.sha256},
                )
                append_step(
                    session,
                    order,
                    "return_visit",
                    checker,
                    at + timedelta(hours=2),
                    data={"outcome": "satisfied"},
                )
                append_step(session, order, "close", checker, at + timedelta(hours=2))
        _handovers(session, estate_id, templates["handover"], staff, now, rng, blobs, folder)


def _handovers(session, estate_id, template, staff, now, rng, blobs, folder) -> None:
    owners = session.execute(
        select(Resident.unit_id, Resident.name)
        .where(Resident.estate_id == estate_id, Resident.role == "owner")
        .order_by(Resident.id)
        .limit(8)
    ).all()
    if not owners:
        return
    tz = tz_of(session, estate_id)
    today = local_day(now, tz)
    labels = unit_labels(session, [u for u, _ in owners])
    rec = recorder(session)
    for n, (unit_id, name) in enumerate(owners):
        deadline = today + timedelta(days=(-8, -5, -1, 2, 5, 9, 12, 15)[n])
        move = rec.create(
            MoveIn,
            id=natural_id(estate_id, "move_in", unit_id),
            estate_id=estate_id,
            unit_id=unit_id,
            owner_name=name,
            deadline=deadline,
            notified_on=today - timedelta(days=20) if n % 3 else None,
        )
        target = Target("unit", unit_id, labels.get(unit_id, ("", ""))[0])
        if n == 0:  # handed over and signed by the inspector and the owner
            at = now - timedelta(days=3)
            row = _walk(session, template.id, target, staff, at, rng, blobs, folder, 0.07)
            finalise_in(session, row.id, staff, at + timedelta(minutes=25), blobs)
            _sign(session, row, name, at + timedelta(minutes=27), blobs)
            rec.update(move, inspection_id=row.id, done_on=local_day(at, tz))
        if n == 2:  # under way at the counter: three steps done, the walk begun
            at = now - timedelta(minutes=14)
            for i, (kind, step) in enumerate(
                (("started", ""), ("step", "documents"), ("step", "balance"), ("step", "forms"))
            ):
                rec.create(
                    MoveInEvent,
                    estate_id=estate_id,
                    move_in_id=move.id,
                    kind=kind,
                    step=step,
                    at=at + timedelta(minutes=3 * i),
                    actor_id=staff,
                    data={},
                )
            row = start_in(session, template.id, target, staff, now - timedelta(minutes=5))
            for item in content_of(session, row.version_id).items()[:9]:
                if item.type == "pass_fail":
                    answer_in(
                        session,
                        row.id,
                        item.id,
                        staff,
                        now,
                        value="fail" if item.id == "walls.kitchen" else "pass",
                        note="厨房墙砖一块破损" if item.id == "walls.kitchen" else None,
                    )
            rec.update(move, inspection_id=row.id)


def _sign(session, row: Inspection, owner: str, at: datetime, blobs: BlobStore) -> None:
    digest = current_hash(session, row)
    sha = blobs.put(render_strokes(STROKES))
    for role in required_signers(row.kind):
        recorder(session).create(
            InspectionSignature,
            estate_id=row.estate_id,
            inspection_id=row.id,
            role=role,
            signer=owner if role == "owner" else "品质督导",
            sha256=sha,
            signed_at=at,
            content_hash=digest,
        )
    snapshot = {
        a.item_id: [a.value, a.note]
        for a in answers_of(session, row.id).values()
        if a.value or a.note
    }
    recorder(session).update(row, status="signed", content_hash=digest, signed_content=snapshot)
