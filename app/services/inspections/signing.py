"""Signing: the inspector (and the owner at a handover, the manager where present) sign a
finalised inspection. Each signature is a PNG blob drawn from the pad's strokes and stores
the hash of the content it saw; when every required signer has signed, the inspection is
locked with that hash and a snapshot of its answers.

A signed inspection is immutable: local writes are refused (``check_open``), and a change to
its answers arriving by sync is not merged: the losing value is kept in ``sync_conflicts``
for the desk to show and the signed value is written back (a new change, so every desk
converges on what was signed). An amendment is a new revision (``run.amend``).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.inspections import content_hash, required_signers
from app.services.inspections.common import (
    answers_of,
    header_facts,
    live_inspection,
    photo_hashes,
)
from app.store.after_apply import AFTER_APPLY  # not apply: it imports every model
from app.store.blobs import BlobStore
from app.store.db import Database
from app.store.inspection_models import Inspection, InspectionAnswer, InspectionSignature
from app.store.models import SyncConflict
from app.store.recorder import recorder

ROLES = ("inspector", "manager", "owner")
PAD = (600, 200)
MAX_POINTS = 20_000


def render_strokes(strokes: list) -> bytes:
    """The signature as a PNG: strokes are lists of (x, y) points in a 0..1 box."""
    points = sum(len(s) for s in strokes)
    if not strokes or points < 2:
        raise DomainError("inspection.signature.empty")
    if points > MAX_POINTS:
        raise DomainError("inspection.signature.too_long")
    from PIL import Image, ImageDraw  # only to sign: not on every desk's start-up

    image = Image.new("L", PAD, 255)
    draw = ImageDraw.Draw(image)
    for stroke in strokes:
        line = []
        for point in stroke:
            x, y = float(point[0]), float(point[1])
            if not (0 <= x <= 1 and 0 <= y <= 1):
                raise DomainError("inspection.signature.bad_point")
            line.append((x * (PAD[0] - 1), y * (PAD[1] - 1)))
        if len(line) == 1:
            line.append(line[0])
        draw.line(line, fill=0, width=3, joint="curve")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def current_hash(session: Session, row: Inspection) -> str:
    answers = answers_of(session, row.id).values()
    return content_hash(header_facts(row), answers, photo_hashes(session, row.id))


def sign(
    db: Database,
    inspection_id: str,
    role: str,
    signer: str,
    strokes: list,
    now: datetime,
    blobs: BlobStore | None = None,
) -> str:
    """Add a signature to a finalised inspection; returns its status ("signed" once every
    required signer has signed)."""
    if role not in ROLES:
        raise DomainError("inspection.signature.role")
    if not signer.strip():
        raise DomainError("inspection.signature.signer_required")
    png = render_strokes(strokes)
    blobs = blobs or BlobStore()
    with db.session() as s:
        row = live_inspection(s, inspection_id)
        if row.status == "in_progress":
            raise DomainError("inspection.not_finalised")
        if row.status == "signed" and role in required_signers(row.kind):
            raise DomainError("inspection.signed_locked", number=row.number)
        digest = current_hash(s, row)
        sha = blobs.put(png)
        recorder(s).create(
            InspectionSignature,
            estate_id=row.estate_id,
            inspection_id=row.id,
            role=role,
            signer=signer.strip(),
            sha256=sha,
            signed_at=now,
            content_hash=digest,
        )
        signed = set(
            s.scalars(
                select(InspectionSignature.role).where(
                    InspectionSignature.inspection_id == row.id,
                    InspectionSignature.content_hash == digest,
                )
            )
        )
        if row.status != "signed" and set(required_signers(row.kind)) <= signed:
            snapshot = {
                a.item_id: [a.value, a.note]
                for a in answers_of(s, row.id).values()
                if a.value or a.note
            }
            recorder(s).update(row, status="signed", content_hash=digest, signed_content=snapshot)
        return row.status


def verify_signed(db: Database, inspection_id: str) -> bool:
    """Whether a signed inspection still holds exactly what was signed."""
    with db.session() as s:
        row = live_inspection(s, inspection_id)
        return row.status == "signed" and current_hash(s, row) == row.content_hash


def _keep_signed(session: Session, touched: dict[str, set[str]]) -> None:
    """After a sync page: answers of a signed inspection that differ from what was signed
    are written back, the incoming (or this desk's own unsynced) value kept as a conflict,
    never merged. Checked for the answers the page brought and for every answer of an
    inspection the page brought signed (a desk that edited its unsigned copy offline)."""
    ids = list(touched.get("inspection_answers") or ())
    inspection_ids = list(touched.get("inspections") or ())
    if not ids and not inspection_ids:
        return
    rows = session.execute(
        select(InspectionAnswer, Inspection)
        .join(Inspection, Inspection.id == InspectionAnswer.inspection_id)
        .where(
            InspectionAnswer.id.in_(ids) | InspectionAnswer.inspection_id.in_(inspection_ids),
            Inspection.status == "signed",
        )
        .execution_options(populate_existing=True)
    ).all()
    now = datetime.now(UTC)
    for answer, inspection in rows:
        signed = (inspection.signed_content or {}).get(answer.item_id, ["", ""])
        if [answer.value, answer.note] == list(signed):
            continue
        for field, kept, lost in (
            ("value", signed[0], answer.value),
            ("note", signed[1], answer.note),
        ):
            if kept != lost:
                session.add(
                    SyncConflict(
                        table_name="inspection_answers",
                        row_id=answer.id,
                        field=field,
                        kept_value=kept,
                        kept_hlc=inspection.updated_hlc,
                        lost_value=lost,
                        lost_hlc=answer.updated_hlc,
                        detected_at=now,
                    )
                )
        recorder(session).update(answer, value=signed[0], note=signed[1])


def install_lock() -> None:
    if _keep_signed not in AFTER_APPLY:
        AFTER_APPLY.append(_keep_signed)
