"""Which inspections still have files (photos, signatures) waiting to reach the server.

The sync client uploads every blob a batch names before it pushes the batch, and a change
leaves the outbox only when the server accepted it; so a photo or signature row still in
the outbox is a file the server has not confirmed. An inspection counts as synced when
none of its files is waiting (and the local copies are never deleted by this).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.db import Database
from app.store.inspection_models import Inspection, InspectionPhoto, InspectionSignature
from app.store.models import SyncOutbox


@dataclass(frozen=True)
class Waiting:
    inspection_id: str
    number: str
    files: int


def waiting_counts(s: Session, estate_id: str) -> dict[str, int]:
    """inspection id -> its photo and signature rows still in the outbox."""
    counts: dict[str, int] = {}
    for model in (InspectionPhoto, InspectionSignature):
        rows = s.execute(
            select(model.inspection_id, func.count())
            .join(SyncOutbox, SyncOutbox.row_id == model.id)
            .where(SyncOutbox.table_name == model.__tablename__, model.estate_id == estate_id)
            .group_by(model.inspection_id)
        )
        for inspection_id, n in rows:
            counts[inspection_id] = counts.get(inspection_id, 0) + n
    return counts


def files_waiting(db: Database, estate_id: str) -> list[Waiting]:
    """Inspections with photos or signatures not yet confirmed by the server."""
    with db.session() as s:
        counts = waiting_counts(s, estate_id)
        numbers = dict(
            s.execute(
                select(Inspection.id, Inspection.number).where(Inspection.id.in_(list(counts)))
            ).all()
        )
        return [Waiting(i, numbers.get(i, ""), n) for i, n in sorted(counts.items())]
