"""Conflict notices: a value a device wrote lost on the server; the device is told.

A notice is addressed to the server device that pushed the lost value (not to the node id
inside its clock, which a device could once choose to be another's) and is delivered only
while the row's estate is in that device's scope (:func:`sync.server.crud.pull`).
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.domain.hlc import Timestamp
from sync.server.models import ChangeLog, ConflictNoticeRow


def unseen_losses(session: Session, device_id: str, cursor: int, conflicts):
    """The losses that are conflicts: every incoming value that lost, and a stored value
    overwritten only if its author is another device and the pusher had not pulled it
    (its sequence is above the pusher's cursor). A later edit by someone who saw the
    value is an ordinary edit, recorded nowhere."""
    overwritten = [c for c in conflicts if not c.loss.incoming_lost]
    rows_by_table: dict[str, set[str]] = {}
    for item in overwritten:
        rows_by_table.setdefault(item.change.table_name, set()).add(item.change.row_id)
    writers: dict[tuple[str, str, str], tuple[int, str]] = {}
    for table_name, row_ids in rows_by_table.items():
        ids = sorted(row_ids)
        for start in range(0, len(ids), 500):
            for r in session.execute(
                select(ChangeLog.row_id, ChangeLog.hlc, ChangeLog.seq, ChangeLog.device_id).where(
                    ChangeLog.table_name == table_name,
                    ChangeLog.row_id.in_(ids[start : start + 500]),
                )
            ):
                writers[(table_name, r.row_id, r.hlc)] = (r.seq, r.device_id)
    kept, authors = [], []  # the losses, and the device that wrote each lost value
    for item in conflicts:
        author = device_id
        if not item.loss.incoming_lost:
            prior = writers.get((item.change.table_name, item.change.row_id, item.loss.lost_hlc))
            if prior is None or prior[1] == device_id or prior[0] <= cursor:
                continue
            author = prior[1]
        kept.append(item)
        authors.append(author)
    return kept, authors


def notify(session: Session, conflicts, authors: list[str]) -> None:
    """Tell the device whose value lost (the one that pushed it), in its next pull."""
    seqs = dict(
        session.execute(
            select(ChangeLog.change_id, ChangeLog.seq).where(
                ChangeLog.change_id.in_({c.change.change_id for c in conflicts})
            )
        ).all()
    )
    rows = [
        {
            "seq": seqs[item.change.change_id],
            "clock_id": Timestamp.decode(item.loss.lost_hlc).device,
            "device_id": author,
            "estate_id": item.change.estate_id,
            "table_name": item.change.table_name,
            "row_id": item.change.row_id,
            "field": item.loss.field,
            "kept_value": _json(item.loss.kept_value),
            "kept_hlc": item.loss.kept_hlc,
            "lost_value": _json(item.loss.lost_value),
            "lost_hlc": item.loss.lost_hlc,
        }
        for item, author in zip(conflicts, authors, strict=True)
    ]
    session.execute(insert(ConflictNoticeRow), rows)


def _json(value):
    from app.store.codec import encode_value

    if isinstance(value, dict):
        return {k: encode_value(v) for k, v in value.items()}
    return encode_value(value)
