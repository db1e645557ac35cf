"""Photos and scans of a complaint: the file goes into the one blob store
(``app.store.blobs``, named by its sha256), the row that names it is synced."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.store.blobs import BlobStore
from app.store.complaint_models import Complaint, ComplaintAttachment
from app.store.db import Database
from app.store.recorder import recorder


@dataclass(frozen=True)
class AttachmentView:
    id: str
    sha256: str
    filename: str
    size: int


def _view(row: ComplaintAttachment) -> AttachmentView:
    return AttachmentView(row.id, row.sha256, row.filename, row.size)


def add_attachment(
    session: Session,
    estate_id: str,
    complaint_id: str,
    source: Path,
    blobs: BlobStore | None = None,
) -> ComplaintAttachment:
    """Store a file's content and record it for the complaint, in the caller's session."""
    source = Path(source)
    if not source.is_file():
        raise DomainError("complaint.attachment_missing", path=str(source))
    sha = (blobs or BlobStore()).put(source)
    return recorder(session).create(
        ComplaintAttachment,
        estate_id=estate_id,
        complaint_id=complaint_id,
        sha256=sha,
        filename=source.name,
        size=source.stat().st_size,
    )


def attachments_of(session: Session, complaint_id: str) -> list[AttachmentView]:
    return [
        _view(row)
        for row in session.scalars(
            select(ComplaintAttachment)
            .where(ComplaintAttachment.complaint_id == complaint_id, ComplaintAttachment.live())
            .order_by(ComplaintAttachment.id)
        )
    ]


# ---- operations ----


def attach(
    db: Database, complaint_id: str, paths: tuple[Path, ...], blobs: BlobStore | None = None
) -> list[AttachmentView]:
    """Add files to a recorded complaint; returns every attachment it now has."""
    with db.session() as s:
        complaint = s.get(Complaint, complaint_id)
        if complaint is None or complaint.deleted:
            raise DomainError("complaint.not_found")
        for path in paths:
            add_attachment(s, complaint.estate_id, complaint_id, Path(path), blobs)
        s.flush()
        return attachments_of(s, complaint_id)
