"""Merge rules shared by every device and the server (docs/sync.md "Merge rules").

Pure functions over encoded field values (the JSON form a change carries), so the same
inputs give the same row on SQLite and PostgreSQL, on a laptop and on the server.

Registers: field-wise last writer wins. Each field keeps the HLC of its last write in the
row's clock map; an incoming field replaces the stored one only if its HLC is greater
(HLC strings order as (time, counter, device), so ties cannot happen between devices).
``deleted`` is a field like any other: a tombstone is undone only by a newer explicit
restore (deleted=False), never by an edit of another field. An edit that lands on a
tombstone, or a delete that lands on edits it never saw, is reported as a
:class:`Loss` so the losing side is kept in ``sync_conflicts``.

Logs: insert-only; a change for an id that exists is a repeat and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DELETED = "deleted"


@dataclass(frozen=True)
class Loss:
    """A value that was written somewhere and is not the one the row keeps.

    ``incoming_lost`` says which side lost: True when the incoming change is older than
    what is stored, False when the stored value was overwritten. For an edit meeting a
    delete, ``field`` is "deleted", the kept value is True and the lost value is the dict
    of the edited fields.
    """

    field: str
    kept_value: Any
    kept_hlc: str
    lost_value: Any
    lost_hlc: str
    incoming_lost: bool


@dataclass
class RegisterMerge:
    """What to write: the winning fields, the new clock map and ``updated_hlc``."""

    changes: dict[str, Any] = field(default_factory=dict)
    clocks: dict[str, str] = field(default_factory=dict)
    updated_hlc: str = ""
    losses: list[Loss] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def merge_register(
    stored: Mapping[str, Any] | None,
    stored_clocks: Mapping[str, str] | None,
    incoming: Mapping[str, Any],
    hlc: str,
) -> RegisterMerge:
    """Merge one incoming register change (``incoming`` fields written at ``hlc``).

    ``stored`` is None for a row this side has never seen: every incoming field wins.
    """
    clocks = dict(stored_clocks or {})
    result = RegisterMerge(clocks=clocks)
    if stored is None:
        result.changes = dict(incoming)
        result.clocks = dict.fromkeys(incoming, hlc)
        result.updated_hlc = hlc
        return result
    for name, value in incoming.items():
        clock = clocks.get(name, "")
        current = stored.get(name)
        if hlc > clock:
            # Overwriting ``deleted`` is judged by _edit_meets_delete, not as a value.
            if current != value and clock and name != DELETED:
                result.losses.append(Loss(name, value, hlc, current, clock, False))
            if current != value or clock != hlc:
                result.changes[name] = value
            clocks[name] = hlc
        elif hlc < clock and current != value:
            result.losses.append(Loss(name, current, clock, value, hlc, True))
    result.clocks = clocks
    result.updated_hlc = max(clocks.values(), default=hlc)
    result.losses.extend(_edit_meets_delete(stored, clocks, incoming, hlc, result))
    return result


def _edit_meets_delete(
    stored: Mapping[str, Any],
    clocks: Mapping[str, str],
    incoming: Mapping[str, Any],
    hlc: str,
    result: RegisterMerge,
) -> list[Loss]:
    """The row stays deleted; the edits that met the tombstone are reported."""
    deleted_now = result.changes.get(DELETED, stored.get(DELETED))
    if not deleted_now:
        return []
    delete_hlc = clocks.get(DELETED, "")
    edits = {k: v for k, v in incoming.items() if k != DELETED}
    if DELETED not in incoming:
        # An edit arriving on a tombstone: the edit's side loses visibility.
        return [Loss(DELETED, True, delete_hlc, edits, hlc, True)] if edits else []
    if incoming[DELETED] and not stored.get(DELETED) and hlc == delete_hlc:
        # A delete arriving on a live row hides the edits made since the row was created.
        # Whether the deleting side had seen them is for the caller to judge (the server
        # knows what the deleting device had pulled; a device knows what it has not pushed).
        created = min(clocks.values())
        edited = {k: stored.get(k) for k, c in clocks.items() if k != DELETED and c > created}
        if edited:
            newest = max(clocks[k] for k in edited)
            return [Loss(DELETED, True, hlc, edited, newest, False)]
    return []
