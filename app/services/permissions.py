"""Permissions of the logged-in user, checked inside the operations.

The matrix is the defaults of :mod:`app.domain.permissions` with an estate's overrides
(``role_permissions``: a synced register that the server writes and desks pull; a desk's
own push of it is refused). An operation calls :func:`require` before it changes
anything; with a session, the check also names the user as the actor of the audit
entries that unit of work writes.

Who acts: the ``user_id`` given, else the database's logged-in user (``Database.actor``,
set by :func:`app.services.accounts.log_in`). With nobody logged in the system acts (the
command line's maintenance commands, demo data, a sync pull) and no check applies: every
desk screen runs with a logged-in user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import permissions as rules
from app.domain.errors import DomainError
from app.store.audit_models import ACTOR_KEY, RolePermission, role_permission_id
from app.store.models import StaffUser
from app.store.recorder import recorder

if TYPE_CHECKING:
    from app.store.db import Database


def overrides_in(session: Session, estate_id: str) -> dict[tuple[str, str], bool]:
    rows = session.execute(
        select(RolePermission.role, RolePermission.permission, RolePermission.allowed).where(
            RolePermission.estate_id == estate_id, RolePermission.live()
        )
    )
    return {(r.role, r.permission): bool(r.allowed) for r in rows}


def _actor(db_or_session, user_id: str | None) -> str | None:
    if user_id:
        return user_id
    if isinstance(db_or_session, Session):
        return db_or_session.info.get(ACTOR_KEY)
    return getattr(db_or_session, "actor", None)


def check_in(session: Session, user_id: str | None, permission: str) -> None:
    """Raises ``permission.denied`` unless the user's role holds ``permission``; with no
    user (the system) nothing is checked. Names the user as the session's actor."""
    if not user_id:
        return
    user = session.get(StaffUser, user_id)
    if user is None or user.deleted or not user.active:
        raise DomainError("permission.denied", permission=permission, role="")
    session.info[ACTOR_KEY] = user_id
    overrides = overrides_in(session, user.estate_id)
    if not rules.effective(user.role, permission, overrides):
        raise DomainError("permission.denied", permission=permission, role=user.role)


def require(db_or_session, user_id: str | None, permission: str) -> None:
    """Refuse the operation unless the acting user may do it (see the module docstring)."""
    user_id = _actor(db_or_session, user_id)
    if isinstance(db_or_session, Session):
        check_in(db_or_session, user_id, permission)
        return
    if not user_id:
        return
    with db_or_session.session() as s:
        check_in(s, user_id, permission)


def allows(db: Database, user_id: str, permission: str) -> bool:
    try:
        require(db, user_id, permission)
    except DomainError:
        return False
    return True


@dataclass(frozen=True)
class Matrix:
    """permission -> role -> allowed, and which cells differ from the defaults."""

    roles: tuple[str, ...]
    permissions: tuple[str, ...]
    cells: dict[str, dict[str, bool]]
    changed: frozenset[tuple[str, str]]


def matrix(db: Database, estate_id: str) -> Matrix:
    with db.session() as s:
        overrides = overrides_in(s, estate_id)
    cells = rules.matrix(overrides)
    changed = frozenset(
        (role, perm)
        for (role, perm), allowed in overrides.items()
        if allowed != rules.allowed_by_default(role, perm)
    )
    return Matrix(rules.ROLES, rules.PERMISSIONS, cells, changed)


def granted(db: Database, user_id: str) -> frozenset[str]:
    """Every permission of this user (the UI enables what these allow)."""
    with db.session() as s:
        user = s.get(StaffUser, user_id)
        if user is None or user.deleted or not user.active:
            return frozenset()
        return rules.granted(user.role, overrides_in(s, user.estate_id))


def set_cell_in(
    session: Session, estate_id: str, role: str, permission: str, allowed: bool
) -> bool:
    """Write one cell of an estate's matrix (the server's administrator endpoint and CLI
    call this; on a desk the change would be refused by the server). True if it changed."""
    if role not in rules.ROLES:
        raise DomainError("account.role.unknown", role=role)
    if permission not in rules.PERMISSIONS:
        raise DomainError("permission.unknown", permission=permission)
    row_id = role_permission_id(estate_id, role, permission)
    row = session.get(RolePermission, row_id)
    if row is None:
        recorder(session).create(
            RolePermission,
            id=row_id,
            estate_id=estate_id,
            role=role,
            permission=permission,
            allowed=allowed,
        )
        return True
    return bool(recorder(session).update(row, allowed=allowed, deleted=False))


def set_cells_in(session: Session, estate_id: str, cells) -> int:
    """Write several cells (``(role, permission, allowed)``) in one unit of work; how many
    changed. The administrator's own ``permissions.manage`` cannot be taken away (nobody
    could give it back but the server's command line)."""
    cells = list(cells)
    for role, permission, allowed in cells:
        if role == "admin" and permission == "permissions.manage" and not allowed:
            raise DomainError("permission.keep_admin")
    return sum(bool(set_cell_in(session, estate_id, *cell)) for cell in cells)


def set_cell(
    db: Database, estate_id: str, role: str, permission: str, allowed: bool, by: str | None = None
) -> bool:
    with db.session() as s:
        check_in(s, _actor(db, by), "permissions.manage")
        return set_cell_in(s, estate_id, role, permission, allowed)


__all__ = [
    "Matrix",
    "allows",
    "check_in",
    "granted",
    "matrix",
    "overrides_in",
    "require",
    "set_cell",
    "set_cell_in",
    "set_cells_in",
]
