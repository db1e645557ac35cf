"""Who works in this window: the AppContext built from an account and an estate."""

from __future__ import annotations

from sqlalchemy import select

from app.store.db import Database
from app.store.models import Estate, StaffUser
from ui.context import AppContext


def estates_of(db: Database, user: StaffUser) -> list[tuple[str, str]]:
    """(id, name) of the estates the account works in, by name."""
    ids = list(user.estate_ids or [user.estate_id])
    with db.session() as s:
        rows = s.execute(
            select(Estate.id, Estate.name).where(Estate.id.in_(ids), Estate.deleted.is_(False))
        ).all()
    return sorted(((r.id, r.name) for r in rows), key=lambda r: r[1])


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
    """The oldest active administrator (ids are UUIDv7, so they sort by creation)."""
    with db.session() as s:
        return s.scalar(
            select(StaffUser)
            .where(
                StaffUser.role == "admin", StaffUser.active.is_(True), StaffUser.deleted.is_(False)
            )
            .order_by(StaffUser.id)
            .limit(1)
        )


def rendering_context(db: Database) -> AppContext | None:
    """For snapshots and benchmarks: the first admin, or a read-only viewer of the first
    estate when the database has estates but no account yet. None without any estate."""
    user = first_admin(db)
    if user is not None:
        estates = estates_of(db, user)
        if estates:
            return context_for(db, user, estates[0][0])
    with db.session() as s:
        estate = s.scalar(
            select(Estate).where(Estate.deleted.is_(False)).order_by(Estate.name).limit(1)
        )
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
