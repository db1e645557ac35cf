"""Which inspections still have files (photos, signatures) waiting for the server.

The server confirms each file by its sha256: the sync client records a confirmation
(``blob_confirmations``) when the server answers an upload, says it holds the file (HEAD)
or sends it. An inspection counts as synced only when every file it names is confirmed
and none of its rows waits in the outbox. Nothing here deletes a local copy: the blob
store keeps every file whatever the server says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, union
from sqlalchemy.orm import Session

from app.store.db import Database, mark_changed
from app.store.inspection_models import (
    BlobConfirmation,
    Inspection,
    InspectionAnswer,
    InspectionPhoto,
    InspectionSignature,
)
from app.store.models import SyncConflict, SyncOutbox, SyncRejected


@dataclass(frozen=True)
class Waiting:
    """An inspection with files the server has not confirmed yet."""

    inspection_id: str
    number: str
    files: int
    target_label: str = ""
    status: str = ""


def confirm_blobs(db: Database, shas: Iterable[str], now: datetime) -> None:
    """The server holds these files (said by the server itself, never assumed)."""
    names = sorted({s.lower() for s in shas})
    if not names:
        return
    with db.session() as s:
        have = set(
            s.scalars(select(BlobConfirmation.sha256).where(BlobConfirmation.sha256.in_(names)))
        )
        fresh = [{"sha256": n, "confirmed_at": now} for n in names if n not in have]
        if fresh:
            s.execute(insert(BlobConfirmation), fresh)
            mark_changed(s, BlobConfirmation.__tablename__)  # the Sync page's list refreshes


def _files_by_inspection(
    s: Session, estate_id: str, inspection_ids: list[str] | None = None
) -> dict[str, set[str]]:
    """inspection id -> the sha256 of every file it names (photos not removed, signatures)."""
    files: dict[str, set[str]] = {}
    for model in (InspectionPhoto, InspectionSignature):
        query = select(model.inspection_id, model.sha256).where(
            model.estate_id == estate_id, model.live()
        )
        if model is InspectionPhoto:
            query = query.where(InspectionPhoto.removed.is_(False))
        if inspection_ids is not None:
            query = query.where(model.inspection_id.in_(inspection_ids))
        for inspection_id, sha in s.execute(query):
            files.setdefault(inspection_id, set()).add(sha.lower())
    return files


def _unconfirmed_files(estate_id: str | None):
    """(inspection id, sha256) of every file an inspection names (photos not removed,
    signatures; once per inspection) that the server has not confirmed; every estate of
    the desk when ``estate_id`` is None. The one rule behind the per-inspection list and
    the Sync page's figure (read on every commit by the status bar: each row is checked
    against the confirmations' key, and only the few unconfirmed ones are deduplicated).
    Hashes are stored lowercase (``app.store.blobs``), as confirmations are."""
    parts = []
    for model in (InspectionPhoto, InspectionSignature):
        confirmed = select(BlobConfirmation.sha256).where(BlobConfirmation.sha256 == model.sha256)
        query = select(model.inspection_id, model.sha256).where(model.live(), ~confirmed.exists())
        if model is InspectionPhoto:
            query = query.where(InspectionPhoto.removed.is_(False))
        if estate_id is not None:
            query = query.where(model.estate_id == estate_id)
        parts.append(query)
    return union(*parts).subquery()  # union: a file named twice by one inspection is one


def waiting_counts(s: Session, estate_id: str | None) -> dict[str, int]:
    """inspection id -> how many of its files the server has not confirmed."""
    unconfirmed = _unconfirmed_files(estate_id)
    rows = s.execute(
        select(unconfirmed.c.inspection_id, func.count()).group_by(unconfirmed.c.inspection_id)
    )
    return {inspection_id: n for inspection_id, n in rows if n}


def unconfirmed_file_count(s: Session, estate_id: str | None = None) -> int:
    """How many files the per-inspection list shows in all (its rows' sum)."""
    unconfirmed = _unconfirmed_files(estate_id)
    return s.scalar(select(func.count()).select_from(unconfirmed)) or 0


def files_waiting(db: Database, estate_id: str | None) -> list[Waiting]:
    """Inspections with photos or signatures the server has not confirmed, by number (of
    every estate on the desk when ``estate_id`` is None)."""
    with db.session() as s:
        counts = waiting_counts(s, estate_id)
        rows = s.execute(
            select(
                Inspection.id, Inspection.number, Inspection.target_label, Inspection.status
            ).where(Inspection.id.in_(list(counts)))
        ).all()
        facts = {r.id: r for r in rows}
        out = []
        for inspection_id, n in counts.items():
            row = facts.get(inspection_id)
            number, label, status = (
                (row.number, row.target_label, row.status) if row else ("", "", "")
            )
            out.append(Waiting(inspection_id, number, n, label, status))
        return sorted(out, key=lambda w: (w.number, w.inspection_id))


def inspection_synced(db: Database, inspection_id: str) -> bool:
    """Every file of the inspection confirmed by the server and none of its rows waiting."""
    with db.session() as s:
        row = s.get(Inspection, inspection_id)
        if row is None:
            return False
        files = _files_by_inspection(s, row.estate_id, [inspection_id]).get(inspection_id, set())
        confirmed = set(
            s.scalars(
                select(BlobConfirmation.sha256).where(BlobConfirmation.sha256.in_(sorted(files)))
            )
        )
        if files - confirmed:
            return False
        row_ids = [inspection_id]
        for model in (InspectionAnswer, InspectionPhoto, InspectionSignature):
            row_ids += s.scalars(select(model.id).where(model.inspection_id == inspection_id))
        waiting_rows = 0
        for start in range(0, len(row_ids), 500):
            waiting_rows += (
                s.scalar(
                    select(func.count())
                    .select_from(SyncOutbox)
                    .where(SyncOutbox.row_id.in_(row_ids[start : start + 500]))
                )
                or 0
            )
        return waiting_rows == 0


def kept_counts(s: Session, inspection_ids: list[str]) -> dict[str, int]:
    """inspection id -> its changes kept aside: conflicts not yet settled and changes the
    server refused (a late edit of a signed inspection), shown on the inspection too."""
    answer_of = dict(
        s.execute(
            select(InspectionAnswer.id, InspectionAnswer.inspection_id).where(
                InspectionAnswer.inspection_id.in_(inspection_ids)
            )
        ).all()
    )
    counts: dict[str, int] = {}
    conflicts = s.scalars(
        select(SyncConflict.row_id).where(
            SyncConflict.table_name == "inspection_answers",
            SyncConflict.row_id.in_(list(answer_of)),
            SyncConflict.acknowledged.is_(False),
        )
    )
    for row_id in set(conflicts):
        counts[answer_of[row_id]] = counts.get(answer_of[row_id], 0) + 1
    refused = s.execute(
        select(SyncRejected.table_name, SyncRejected.row_id, SyncRejected.fields).where(
            SyncRejected.table_name.in_(("inspections", "inspection_answers", "inspection_photos"))
        )
    )
    wanted = set(inspection_ids)
    for table, row_id, fields in refused:
        owner = row_id if table == "inspections" else answer_of.get(row_id)
        owner = owner or (fields or {}).get("inspection_id")
        if owner in wanted:
            counts[owner] = counts.get(owner, 0) + 1
    return counts


def signed_inspection_number(s: Session, table: str, row_id: str) -> str | None:
    """The number of the signed inspection a synced record belongs to (the inspection
    itself, one of its answers or evidence photos), else None. What was signed is
    immutable: a value that lost a merge there cannot be written again, only an amendment
    (a new revision, signed again) changes it."""
    if table == "inspections":
        inspection_id: str | None = row_id
    elif table == "inspection_answers":
        inspection_id = s.scalar(
            select(InspectionAnswer.inspection_id).where(InspectionAnswer.id == row_id)
        )
    elif table == "inspection_photos":  # an "after" photo of a corrective action may change
        inspection_id = s.scalar(
            select(InspectionPhoto.inspection_id).where(
                InspectionPhoto.id == row_id, InspectionPhoto.role == "evidence"
            )
        )
    else:
        return None
    if not inspection_id:
        return None
    row = s.execute(
        select(Inspection.number, Inspection.status).where(Inspection.id == inspection_id)
    ).first()
    return row.number if row is not None and row.status == "signed" else None
