"""A signed inspection is immutable on the server too.

Signing stores a hash of what was signed and a snapshot of the answers
(``inspections.signed_content``). A pushed change that would alter that content after the
signature reached the server is refused (409 ``inspection_signed``, permanent): an answer
whose value or note differs from the snapshot, a new or changed evidence photo, or a
change to the signed inspection's own facts. The desk sets the change aside (it stays
visible on the Sync page) and pushes the rest; an amendment is a new revision
(``revision_of``) signed again. A change that writes back exactly the signed values (the
desk's own repair after a pull) and the "after" photos of corrective actions pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.inspection_models import Inspection, InspectionAnswer, InspectionPhoto
from sync import protocol
from sync.server.errors import SyncError

# The facts a signature covers (``header_facts``) and the lock itself.
LOCKED_FIELDS = (
    "status",
    "content_hash",
    "signed_content",
    "version_id",
    "target_kind",
    "target_id",
    "target_label",
    "score",
    "passed",
    "deleted",
)
PHOTO_FIELDS = ("inspection_id", "item_id", "role", "sha256", "removed", "deleted")


def _refuse(change: protocol.WireChange, number: str, what: str) -> SyncError:
    return SyncError(
        409,
        "inspection_signed",
        f"change {change.change_id} ({change.table}): inspection {number} is signed; "
        f"{what} cannot change (amend it as a new revision)",
        change.change_id,
        permanent=True,
    )


def _rows_by_id(session: Session, model, ids: set[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        for row in session.scalars(select(model).where(model.id.in_(ordered[start : start + 500]))):
            found[row.id] = row
    return found


def check_signed(session: Session, changes: Sequence[protocol.WireChange]) -> None:
    """Raise for the first change that would alter a signed inspection's content."""
    mine = [c for c in changes if c.table in ("inspections", "inspection_answers")]
    mine += [c for c in changes if c.table == "inspection_photos"]
    if not mine:
        return
    answers = _rows_by_id(
        session,
        InspectionAnswer,
        {c.row_id for c in mine if c.table == "inspection_answers"},
    )
    photos = _rows_by_id(
        session, InspectionPhoto, {c.row_id for c in mine if c.table == "inspection_photos"}
    )
    wanted = {c.row_id for c in mine if c.table == "inspections"}
    wanted |= {str(c.fields.get("inspection_id") or "") for c in mine}
    wanted |= {r.inspection_id for r in answers.values()} | {
        r.inspection_id for r in photos.values()
    }
    wanted.discard("")
    stored = _rows_by_id(session, Inspection, wanted)
    # inspection id -> (number, signed snapshot): signed on the server, or earlier in this batch
    signed = {
        i: (r.number, r.signed_content or {}) for i, r in stored.items() if r.status == "signed"
    }
    for change in changes:
        if change.table == "inspections":
            _check_header(change, stored.get(change.row_id), signed)
        elif change.table == "inspection_answers":
            _check_answer(change, answers.get(change.row_id), signed)
        elif change.table == "inspection_photos":
            _check_photo(change, photos.get(change.row_id), signed)


def _check_header(change, row: Inspection | None, signed: dict) -> None:
    if change.row_id not in signed:
        if change.fields.get("status") == "signed":  # signed by this very batch
            number = change.fields.get("number") or (row.number if row else change.row_id)
            signed[change.row_id] = (number, change.fields.get("signed_content") or {})
        return
    if row is None:
        return  # signed earlier in this batch: the rest of that desk's own write
    for name in LOCKED_FIELDS:
        if name in change.fields and change.fields[name] != _wire(getattr(row, name)):
            raise _refuse(change, signed[change.row_id][0], name)


def _check_answer(change, row: InspectionAnswer | None, signed: dict) -> None:
    inspection_id = change.fields.get("inspection_id") or (row.inspection_id if row else "")
    if inspection_id not in signed:
        return
    number, snapshot = signed[inspection_id]
    item_id = change.fields.get("item_id") or (row.item_id if row else "")
    kept = list(snapshot.get(item_id) or ["", ""])
    value = change.fields.get("value", row.value if row else "")
    note = change.fields.get("note", row.note if row else "")
    if change.fields.get("deleted"):
        value = note = ""
    if [value or "", note or ""] != [kept[0] or "", kept[1] or ""]:
        raise _refuse(change, number, f"the answer to {item_id}")


def _check_photo(change, row: InspectionPhoto | None, signed: dict) -> None:
    inspection_id = change.fields.get("inspection_id") or (row.inspection_id if row else "")
    if inspection_id not in signed:
        return
    role = change.fields.get("role") or (row.role if row else "evidence")
    was_evidence = row is not None and row.role == "evidence"
    if role != "evidence" and not was_evidence:
        return  # an "after" photo of a corrective action
    number = signed[inspection_id][0]
    if row is None:
        raise _refuse(change, number, "its photos")
    for name in PHOTO_FIELDS:
        if name in change.fields and change.fields[name] != _wire(getattr(row, name)):
            raise _refuse(change, number, "its photos")


def _wire(value: Any) -> Any:
    """A stored value as it travels (what a change carries for it)."""
    if value is None or isinstance(value, bool | int | str | dict | list):
        return value
    return str(value)
