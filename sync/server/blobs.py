"""Attachments: content-addressed, received as a stream, readable only within scope.

An upload goes to a temporary file as it arrives (hashed on the way, cut off at
``MAX_BLOB_BYTES``), never whole in memory; the stored copy lives in the database
(``server_blobs``) so that one backup of the database holds everything.

A device may read a blob when one of its estates is in the blob's scope
(``server_blob_scopes``): an estate whose rows reference it (recorded at push), or an
estate of the device that uploaded it (it had the content). A head-office device reads
any. Knowing a hash is not enough.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable
from typing import Any

import anyio.to_thread
from fastapi import Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.inspection_models import InspectionPhoto, InspectionSignature
from sync import protocol
from sync.server.crud import new_session, utcnow
from sync.server.errors import SyncError
from sync.server.models import Blob, BlobScope, Device

SHA256 = re.compile(r"[0-9a-f]{64}")
SPOOL_CHUNK = 1024 * 1024


def is_blob_field(name: str) -> bool:
    return name == "sha256" or name.endswith("_sha256")


def blob_refs(fields: dict[str, Any]) -> list[str]:
    return [
        value.lower()
        for name, value in fields.items()
        if is_blob_field(name) and isinstance(value, str) and SHA256.fullmatch(value.lower())
    ]


def blob_scopes(session: Session, changes: Iterable[protocol.WireChange]) -> None:
    """Each blob a pushed row references becomes readable in the row's estate."""
    add_scopes(session, {(sha, w.estate_id) for w in changes for sha in blob_refs(w.fields)})


def add_scopes(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    pairs = set(pairs)
    if not pairs:
        return
    shas = sorted({sha for sha, _ in pairs})
    have = {
        (row.sha256, row.estate_id)
        for row in session.execute(
            select(BlobScope.sha256, BlobScope.estate_id).where(BlobScope.sha256.in_(shas))
        )
    }
    session.add_all(BlobScope(sha256=s, estate_id=e) for s, e in sorted(pairs - have))
    session.flush()


def _name(sha256: str) -> str:
    name = sha256.lower()
    if not SHA256.fullmatch(name):
        raise SyncError(422, "bad_blob_name", "A blob is named by its SHA-256 in hex")
    return name


def readable(session: Session, device: Device, sha256: str) -> Blob | None:
    """The blob, if it exists and the device may read it (else None: not found)."""
    name = _name(sha256)
    if not device.all_estates:
        scoped = session.scalar(
            select(BlobScope.sha256).where(
                BlobScope.sha256 == name, BlobScope.estate_id.in_(device.estate_ids)
            )
        )
        if scoped is None:
            return None
    return session.get(Blob, name)


async def receive(request: Request, device_id: str, sha256: str) -> bool:
    """Stream the body to a temporary file, check its hash, store it; False if the server
    had it already (the uploader's estates are added to its scope either way)."""
    name = _name(sha256)
    digest = hashlib.sha256()
    size = 0
    with tempfile.TemporaryFile() as spool:
        async for chunk in request.stream():
            size += len(chunk)
            if size > protocol.MAX_BLOB_BYTES:
                raise SyncError(
                    413,
                    "blob_too_large",
                    f"more than {protocol.MAX_BLOB_BYTES} bytes; that is the limit",
                )
            digest.update(chunk)
            await anyio.to_thread.run_sync(spool.write, chunk)
        if digest.hexdigest() != name:
            raise SyncError(422, "blob_mismatch", "The content does not match its SHA-256 name")
        return await anyio.to_thread.run_sync(
            _store, request.app.state.engine, device_id, name, size, spool
        )


def _store(engine, device_id: str, name: str, size: int, spool) -> bool:
    with new_session(engine) as s:
        device = s.get(Device, device_id)
        assert device is not None
        created = s.get(Blob, name) is None
        if created:
            spool.seek(0)
            s.add(Blob(sha256=name, size=size, data=spool.read(), stored_at=utcnow()))
        add_scopes(s, {(name, e) for e in device.estate_ids})
        s.commit()
        return created


def inspection_files(session: Session, inspection_id: str) -> tuple[set[str], set[str]]:
    """(the files the server's rows of an inspection name, those of them it holds): the
    inspection is complete on the server only when the two are equal."""
    named: set[str] = set()
    for model in (InspectionPhoto, InspectionSignature):
        query = select(model.sha256).where(model.inspection_id == inspection_id)
        if model is InspectionPhoto:
            query = query.where(InspectionPhoto.removed.is_(False))
        named.update(sha.lower() for sha in session.scalars(query))
    held = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(sorted(named)))))
    return named, held
