"""What the inspection operations share: reading a version's content (cached: published
versions never change), the answers of an inspection, labels, numbers and the lock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.inspections import Answer, Content, content_from_json
from app.services.reception.common import number, tz_of
from app.store.inspection_models import (
    Inspection,
    InspectionAnswer,
    InspectionPhoto,
    InspectionTemplateVersion,
)
from app.store.models import StaffUser

_CONTENT: dict[str, Content] = {}  # version id -> content: versions are immutable


def content_of(session: Session, version_id: str) -> Content:
    cached = _CONTENT.get(version_id)
    if cached is None:
        row = session.get(InspectionTemplateVersion, version_id)
        if row is None:
            raise DomainError("inspection.version_missing")
        cached = _CONTENT[version_id] = content_from_json(row.content)
    return cached


def live_inspection(session: Session, inspection_id: str) -> Inspection:
    row = session.get(Inspection, inspection_id)
    if row is None or row.deleted:
        raise DomainError("inspection.gone")
    return row


def check_open(row: Inspection) -> None:
    """Answers and photos change only while the walk is in progress."""
    if row.status == "signed":
        raise DomainError("inspection.signed_locked", number=row.number)
    if row.status != "in_progress":
        raise DomainError("inspection.finalised_locked", number=row.number)


def photo_counts(session: Session, inspection_id: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item_id in session.scalars(
        select(InspectionPhoto.item_id).where(
            InspectionPhoto.inspection_id == inspection_id,
            InspectionPhoto.role == "evidence",
            InspectionPhoto.removed.is_(False),
            InspectionPhoto.live(),
        )
    ):
        counts[item_id] = counts.get(item_id, 0) + 1
    return counts


def answers_of(session: Session, inspection_id: str) -> dict[str, Answer]:
    photos = photo_counts(session, inspection_id)
    out = {}
    for row in session.scalars(
        select(InspectionAnswer).where(
            InspectionAnswer.inspection_id == inspection_id, InspectionAnswer.live()
        )
    ):
        out[row.item_id] = Answer(row.item_id, row.value, row.note, photos.get(row.item_id, 0))
    for item_id, count in photos.items():
        out.setdefault(item_id, Answer(item_id, "", "", count))
    return out


def photo_hashes(session: Session, inspection_id: str) -> list[str]:
    return list(
        session.scalars(
            select(InspectionPhoto.sha256).where(
                InspectionPhoto.inspection_id == inspection_id,
                InspectionPhoto.role == "evidence",
                InspectionPhoto.removed.is_(False),
                InspectionPhoto.live(),
            )
        )
    )


def header_facts(row: Inspection) -> dict[str, str]:
    """The header fields a signature covers."""
    return {
        "id": row.id,
        "version_id": row.version_id,
        "target": f"{row.target_kind}:{row.target_id}:{row.target_label}",
        "started_at": row.started_at.isoformat(),
        "score": row.score,
        "passed": str(row.passed),
    }


def staff_name(session: Session, staff_id: str) -> str:
    if not staff_id:
        return ""
    row = session.get(StaffUser, staff_id)
    return row.display_name if row else ""


def inspection_number(session: Session, estate_id: str, now: datetime, row_id: str) -> str:
    return number("JC", now, row_id, tz_of(session, estate_id))


@dataclass(frozen=True)
class Target:
    kind: str  # unit, building, area, department
    id: str = ""
    label: str = ""
