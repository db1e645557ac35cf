"""Who works in this window: the AppContext built from an account and an estate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from app.services import accounts
from app.services.units import operations as units
from ui.context import AppContext

if TYPE_CHECKING:
    from ui.context import Database


class Account(Protocol):  # accounts.StaffSummary (or a staff row in tests)
    id: str
    login: str
    display_name: str
    role: str


def estates_of(db: Database, user: Account) -> list[tuple[str, str]]:
    """(id, name) of the estates the account works in, by name."""
    return accounts.staff_estates(db, user.id)


def context_for(db: Database, user: Account, estate_id: str, runner=None) -> AppContext:
    """The window's context; ``runner`` when the sign-in already made one (demo data)."""
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
        runner=runner,
    )


def rendering_context(db: Database) -> AppContext | None:
    """For snapshots and benchmarks: the first admin, or a read-only viewer of the first
    estate when the database has estates but no account yet. None without any estate."""
    user = accounts.first_admin(db)
    if user is not None:
        estates = estates_of(db, user)
        if estates:
            return context_for(db, user, estates[0][0])
    estate = next(iter(units.read_estates(db)), None)
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
