"""What runs after a page of changes is applied (``app.store.apply``): other areas keep
derived, local-only data (the sign lock on signed inspections, for one) and register a
``callable(session, touched)`` here to refresh it for the rows a page changed.

A module of its own so that registering a hook does not import ``apply`` and with it every
model (``app.store.all_models``): the start page's operations register one on import.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

AFTER_APPLY: list[Callable[[Session, dict[str, set[str]]], None]] = []
