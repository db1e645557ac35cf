"""Doing an inspection: start one from a template (its newest published version, kept for
the whole walk) on a target, ad hoc or for a schedule's occurrence; save each answer as it
is given (one small unit of work: nothing answered is lost to a crash); read the walk;
finalise it (every required item answered, evidence present, photo sizes checked; score,
pass, repeat failures; one corrective action per failed item); amend a signed one as a
new revision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.inspections import (
    Answer,
    Content,
    ScoreResult,
    check_value,
    missing_evidence,
    score,
)
from app.services.inspections.common import (
    Target,
    answers_of,
    check_open,
    content_of,
    inspection_number,
    live_inspection,
    staff_name,
)
from app.services.inspections.photos import MAX_STORED_BYTES, PhotoView, photos_of
from app.services.inspections.templates import newest_version
from app.services.permissions import require
from app.store.base import new_id
from app.store.blobs import BlobStore
from app.store.db import Database
from app.store.ids import natural_id
from app.store.inspection_models import (
    Inspection,
    InspectionAnswer,
    InspectionPhoto,
    InspectionSignature,
    InspectionTemplate,
)
from app.store.recorder import recorder


@dataclass(frozen=True)
class Header:
    id: str
    number: str
    template_id: str
    template_name: str
    kind: str
    version: int
    target_kind: str
    target_id: str
    target_label: str
    status: str
    started_at: datetime
    started_by: str
    finalised_at: datetime | None
    score: str
    passed: bool
    repeat_items: tuple[str, ...]
    content_hash: str
    due_on: date | None
    make_up: bool
    revision_of: str


@dataclass(frozen=True)
class SignatureView:
    role: str
    signer: str
    sha256: str
    signed_at: datetime


@dataclass(frozen=True)
class RunView:
    header: Header
    content: Content
    answers: dict[str, Answer]
    photos: tuple[PhotoView, ...]
    result: ScoreResult
    signatures: tuple[SignatureView, ...]


def header_of(session: Session, row: Inspection) -> Header:
    template = session.get(InspectionTemplate, row.template_id)
    return Header(
        row.id,
        row.number,
        row.template_id,
        template.name_zh if template else "",
        row.kind,
        row.version,
        row.target_kind,
        row.target_id,
        row.target_label,
        row.status,
        row.started_at,
        staff_name(session, row.started_by),
        row.finalised_at,
        row.score,
        row.passed,
        tuple(row.repeat_items or ()),
        row.content_hash,
        row.due_on,
        row.make_up,
        row.revision_of,
    )


def start_in(
    session: Session,
    template_id: str,
    target: Target,
    staff_id: str,
    now: datetime,
    schedule_id: str = "",
    due_on: date | None = None,
    make_up: bool = False,
) -> Inspection:
    template = session.get(InspectionTemplate, template_id)
    if template is None or template.deleted:
        raise DomainError("inspection.template.gone")
    version = newest_version(session, template_id)
    if version is None:
        raise DomainError("inspection.template.unpublished")
    if not target.label.strip() and not target.id:
        raise DomainError("inspection.target_required")
    inspection_id = None
    if schedule_id and due_on:  # one inspection per occurrence, whichever desk starts it
        inspection_id = natural_id(
            template.estate_id, "inspection", schedule_id, str(due_on), str(make_up)
        )
    if inspection_id and session.get(Inspection, inspection_id) is not None:
        return session.get(Inspection, inspection_id)  # the occurrence is already under way
    values = dict(
        estate_id=template.estate_id,
        template_id=template.id,
        version_id=version.id,
        version=version.version,
        kind=template.kind,
        department=template.department,
        target_kind=target.kind,
        target_id=target.id,
        target_label=target.label.strip(),
        schedule_id=schedule_id,
        due_on=due_on,
        make_up=make_up,
        started_at=now,
        started_by=staff_id,
        status="in_progress",
    )
    values["id"] = inspection_id or new_id()
    values["number"] = inspection_number(session, template.estate_id, now, values["id"])
    return recorder(session).create(Inspection, **values)


def start(
    db: Database,
    template_id: str,
    target: Target,
    staff_id: str,
    now: datetime,
    schedule_id: str = "",
    due_on: date | None = None,
    make_up: bool = False,
) -> str:
    """A new inspection on the template's newest published version; returns its id."""
    with db.session() as s:
        require(s, None, "inspections.edit")
        return start_in(s, template_id, target, staff_id, now, schedule_id, due_on, make_up).id


def answer(
    db: Database,
    inspection_id: str,
    item_id: str,
    staff_id: str,
    now: datetime,
    value: str | None = None,
    note: str | None = None,
) -> Answer:
    """Save one answer (and/or its note) as it is given. ``None`` keeps what was there."""
    with db.session() as s:
        require(s, None, "inspections.edit")
        return answer_in(s, inspection_id, item_id, staff_id, now, value, note)


def answer_in(
    s: Session,
    inspection_id: str,
    item_id: str,
    staff_id: str,
    now: datetime,
    value: str | None = None,
    note: str | None = None,
) -> Answer:
    row = live_inspection(s, inspection_id)
    check_open(row)
    item = content_of(s, row.version_id).item(item_id)
    if item is None:
        raise DomainError("inspection.item_unknown", item=item_id)
    answer_id = natural_id(inspection_id, item_id)
    existing = s.get(InspectionAnswer, answer_id)
    values = {"answered_at": now, "answered_by": staff_id}
    if value is not None:
        values["value"] = check_value(item, value)
    if note is not None:
        values["note"] = note.strip()
    if existing is None:
        saved = recorder(s).create(
            InspectionAnswer,
            id=answer_id,
            estate_id=row.estate_id,
            inspection_id=inspection_id,
            item_id=item_id,
            **{"value": "", "note": "", **values},
        )
    else:
        recorder(s).update(existing, **values)
        saved = existing
    return Answer(item_id, saved.value, saved.note)


def run_view(db: Database, inspection_id: str) -> RunView:
    """Everything the run screen shows, in one read."""
    with db.session() as s:
        return run_view_in(s, inspection_id)


def run_view_in(s: Session, inspection_id: str) -> RunView:
    row = live_inspection(s, inspection_id)
    content = content_of(s, row.version_id)
    answers = answers_of(s, inspection_id)
    signatures = tuple(
        SignatureView(sig.role, sig.signer, sig.sha256, sig.signed_at)
        for sig in s.scalars(
            select(InspectionSignature)
            .where(InspectionSignature.inspection_id == inspection_id)
            .order_by(InspectionSignature.signed_at)
        )
    )
    return RunView(
        header_of(s, row),
        content,
        answers,
        tuple(photos_of(s, inspection_id)),
        score(content, answers),
        signatures,
    )


def previous_failures(session: Session, row: Inspection) -> frozenset[str]:
    """The items that failed in the last finalised inspection of the same target with the
    same template (for repeat marking)."""
    previous = session.scalar(
        select(Inspection)
        .where(
            Inspection.target_kind == row.target_kind,
            Inspection.target_id == row.target_id,
            Inspection.target_label == row.target_label,
            Inspection.template_id == row.template_id,
            Inspection.finalised_at.is_not(None),
            Inspection.id != row.id,
            Inspection.id != row.revision_of,
            Inspection.live(),
        )
        .order_by(Inspection.finalised_at.desc())
        .limit(1)
    )
    if previous is None:
        return frozenset()
    content = content_of(session, previous.version_id)
    return frozenset(score(content, answers_of(session, previous.id)).failed_items)


def finalise(
    db: Database,
    inspection_id: str,
    staff_id: str,
    now: datetime,
    blobs: BlobStore | None = None,
) -> RunView:
    """Close the walk: refuses with every problem found (unanswered items, missing photo or
    note on a fail, a photo missing or too large); then score, pass, repeat failures and a
    corrective work order per failed item."""
    blobs = blobs or BlobStore()
    with db.session() as s:
        require(s, None, "inspections.edit")
        return finalise_in(s, inspection_id, staff_id, now, blobs)


def finalise_in(
    s: Session, inspection_id: str, staff_id: str, now: datetime, blobs: BlobStore
) -> RunView:
    from app.services.inspections.actions import create_actions_in

    row = live_inspection(s, inspection_id)
    check_open(row)
    content = content_of(s, row.version_id)
    answers = answers_of(s, inspection_id)
    problems = missing_evidence(content, answers)
    for photo in s.scalars(
        select(InspectionPhoto).where(
            InspectionPhoto.inspection_id == inspection_id, InspectionPhoto.removed.is_(False)
        )
    ):
        if not blobs.has(photo.sha256):
            problems.append(DomainError("inspection.photo.missing", name=photo.item_id))
        elif photo.size > MAX_STORED_BYTES:
            problems.append(DomainError("inspection.photo.stored_too_large", item=photo.item_id))
    if problems:
        raise DomainError(
            "inspection.cannot_finalise",
            count=len(problems),
            first=problems[0].code,
            item=problems[0].params.get("item", ""),
        )
    result = score(content, answers)
    failed_before = previous_failures(s, row)
    repeats = sorted(failed_before & set(result.failed_items))
    recorder(s).update(
        row,
        status="finalised",
        finalised_at=now,
        finalised_by=staff_id,
        score="" if result.total is None else format(result.total, "f"),
        passed=result.passed,
        failed_count=len(result.failed_items),
        repeat_items=repeats,
    )
    create_actions_in(s, row, content, answers, result, staff_id, now)
    return run_view_in(s, inspection_id)


def amend(db: Database, inspection_id: str, staff_id: str, now: datetime) -> str:
    """A signed (or finalised) inspection is never edited: an amendment is a new revision
    with the same version, answers and photos, to be finalised and signed again."""
    with db.session() as s:
        require(s, None, "inspections.edit")
        old = live_inspection(s, inspection_id)
        if old.status == "in_progress":
            raise DomainError("inspection.not_finalised")
        rec = recorder(s)
        new = start_in(
            s,
            old.template_id,
            Target(old.target_kind, old.target_id, old.target_label),
            staff_id,
            now,
        )
        rec.update(new, version_id=old.version_id, version=old.version, revision_of=old.id)
        for a in answers_of(s, old.id).values():
            if a.value or a.note:
                rec.create(
                    InspectionAnswer,
                    id=natural_id(new.id, a.item_id),
                    estate_id=new.estate_id,
                    inspection_id=new.id,
                    item_id=a.item_id,
                    value=a.value,
                    note=a.note,
                    answered_at=now,
                    answered_by=staff_id,
                )
        for p in s.scalars(
            select(InspectionPhoto).where(
                InspectionPhoto.inspection_id == old.id,
                InspectionPhoto.role == "evidence",
                InspectionPhoto.removed.is_(False),
            )
        ):
            rec.create(
                InspectionPhoto,
                estate_id=new.estate_id,
                inspection_id=new.id,
                item_id=p.item_id,
                sha256=p.sha256,
                size=p.size,
                width=p.width,
                height=p.height,
                captured_at=p.captured_at,
                imported_at=now,
                imported_by=staff_id,
            )
        return new.id
