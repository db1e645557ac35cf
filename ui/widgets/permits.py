"""What the logged-in user may do, for screens: enable what the matrix allows and say why
the rest is disabled (a tooltip). The operations check again; this is only the courtesy.

The user is the database's actor (``Database.actor``, set at log-in): with none (tests,
snapshots, the command line) the system acts and everything is allowed, as in the
operations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.services import permissions
from ui.messages import message

if TYPE_CHECKING:
    from ui.context import AppContext

_CACHE = "_granted_permissions"


def actor(ctx: AppContext) -> str | None:
    return getattr(ctx.db, "actor", None)


def granted(ctx: AppContext) -> frozenset[str] | None:
    """The user's permissions (read once per window and actor); None when the system acts."""
    user = actor(ctx)
    if not user:
        return None
    cached = getattr(ctx, _CACHE, None)
    if cached is None or cached[0] != user:
        cached = (user, permissions.granted(ctx.db, user))
        setattr(ctx, _CACHE, cached)
    return cached[1]


def forget(ctx: AppContext) -> None:
    """After the matrix or the user changed: read again at the next question."""
    if hasattr(ctx, _CACHE):
        delattr(ctx, _CACHE)


def may(ctx: AppContext, permission: str) -> bool:
    held = granted(ctx)
    return held is None or permission in held


def why_not(ctx: AppContext, permission: str) -> str:
    """The sentence a disabled control shows: the role and what it may not do."""
    name = message(f"permission.name.{permission}")
    role = message(f"role.{ctx.role}") if ctx.role else ""
    return message("permission.denied", {"role": role, "permission": name})


def guard(widget: QWidget, ctx: AppContext, permission: str) -> bool:
    """Disable ``widget`` with the reason as its tooltip unless the user may; True if may."""
    allowed = may(ctx, permission)
    if not allowed:
        widget.setEnabled(False)
        widget.setToolTip(why_not(ctx, permission))
    return allowed


def guard_all(ctx: AppContext, controls: dict) -> None:
    """``guard`` for each (widget or action) -> permission; call after the screen's own
    enabling, so what the user may not do stays disabled with its reason."""
    for control, permission in controls.items():
        guard(control, ctx, permission)
