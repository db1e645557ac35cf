"""Deterministic row ids: uuid5 of a natural key (DESIGN.md "Data rules").

Two offices that register the same building or room, or issue the same bill, independently
make the same row, so sync merges it instead of duplicating it.
"""

from __future__ import annotations

import uuid_utils

_NAMESPACE = uuid_utils.UUID("6f1c1d1e-8f43-4d0e-9c1a-5f2b6b1f0a11")


def natural_id(*parts: str) -> str:
    """uuid5 of the parts; uuid_utils' uuid5 gives the standard library's ids 7x faster
    (a billing run makes one per bill line)."""
    return str(uuid_utils.uuid5(_NAMESPACE, "\x1f".join(parts)))
