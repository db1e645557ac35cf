"""Who works in this window: the AppContext built from an account and an estate."""

from __future__ import annotations

from app.services import accounts
from app.services.units import list_estates
from app.store.db import Database
from app.store.models import StaffUser
from ui.context import AppContext


def estates_of(db: Database, user: StaffUser) -> list[tuple[str, str]]:
    """(id, name) of the estates the account works in, by name."""
    with db.session() as s:
        return accounts.estates_of_staff(s, user)


def context_for(db: Database, user: StaffUser, estate_id: str) -> AppContext:
    estates = estates_of(db, user)
    names = dict(estates)
    return AppContext(
        db=db,
        user_id=user.id,
        user_login=user.login,
        user_name=user.display_name,
        role=user.role,
        estate_id=estate_id,
        estate_name=names.get(estate_id, ""),
        estate_ids=[e for e, _ in estates],
    )


def first_admin(db: Database) -> StaffUser | None:
    with db.session() as s:
        return accounts.first_admin(s)


def rendering_context(db: Database) -> AppContext | None:
    """For snapshots and benchmarks: the first admin, or a read-only viewer of the first
    estate when the database has estates but no account yet. None without any estate."""
    user = first_admin(db)
    if user is not None:
        estates = estates_of(db, user)
        if estates:
            return context_for(db, user, estates[0][0])
    with db.session() as s:
        estate = next(iter(list_estates(s)), None)
    if estate is None:
        return None
    return AppContext(
        db=db,
        user_id="",
        user_login="snapshot",
        user_name="snapshot",
        role="admin",
        estate_id=estate.id,
        estate_name=estate.name,
        estate_ids=[estate.id],
    )
