"""Staff accounts: the first administrator, logging in, adding staff, changing a password.

``create_staff``, ``authenticate`` and ``has_staff`` work inside a caller's session (the
command line, tests, other services); the rest are operations that own their unit of work
and return ``StaffSummary`` rows. Refusals are ``FieldErrors`` of ``DomainError`` codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.services.units.records import create_estate
from app.store.models import STAFF_ROLES, Estate, StaffUser
from app.store.recorder import recorder

if TYPE_CHECKING:
    from app.store.db import Database

_hasher = PasswordHasher()
MIN_PASSWORD = 8
# the older name of a refusal, still caught by sync.server.cli: goes once it catches DomainError
AccountError = DomainError


@dataclass(frozen=True)
class StaffSummary:
    """Who is logged in: enough for the window (no password hash)."""

    id: str
    login: str
    display_name: str
    role: str
    estate_ids: tuple[str, ...]


def summary(user: StaffUser) -> StaffSummary:
    return StaffSummary(
        user.id,
        user.login,
        user.display_name,
        user.role,
        tuple(user.estate_ids or [user.estate_id]),
    )


def has_staff(session: Session) -> bool:
    return session.scalar(select(StaffUser.id).where(StaffUser.live()).limit(1)) is not None


def _password_errors(password: str) -> dict[str, DomainError]:
    if len(password) < MIN_PASSWORD:
        return {"password": DomainError("account.password.too_short", min=MIN_PASSWORD)}
    return {}


def _staff_errors(
    session: Session, login: str, role: str, password: str, estate_ids
) -> dict[str, DomainError]:
    errors: dict[str, DomainError] = {}
    if not login:
        errors["login"] = DomainError("account.login.required")
    elif find_staff(session, login) is not None:
        errors["login"] = DomainError("account.login.taken", login=login)
    if role not in STAFF_ROLES:
        errors["role"] = DomainError("account.role.unknown", role=role)
    errors.update(_password_errors(password))
    if not estate_ids:
        errors["estate"] = DomainError("account.estate.required")
    return errors


def create_staff(
    session: Session,
    *,
    login: str,
    display_name: str,
    role: str,
    password: str,
    estate_ids: list[str],
) -> StaffUser:
    login = login.strip()
    errors = _staff_errors(session, login, role, password, estate_ids)
    if errors:
        raise FieldErrors(errors)
    return recorder(session).create(
        StaffUser,
        estate_id=estate_ids[0],
        estate_ids=list(estate_ids),
        login=login,
        display_name=display_name.strip() or login,
        role=role,
        password_hash=_hasher.hash(password),
        active=True,
    )


def find_staff(session: Session, login: str) -> StaffUser | None:
    return session.scalar(
        select(StaffUser).where(StaffUser.login == login.strip(), StaffUser.live())
    )


def authenticate(session: Session, login: str, password: str) -> StaffUser | None:
    """The active account for these credentials, or None (never says which part was wrong)."""
    user = find_staff(session, login)
    if user is None or not user.active:
        _hasher.hash(password)  # same cost either way, so timing does not reveal logins
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def _estates_of(session: Session, estate_ids) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Estate.id, Estate.name).where(Estate.id.in_(list(estate_ids)), Estate.live())
    )
    return sorted(((r.id, r.name) for r in rows), key=lambda r: r[1])


# ---- operations ----


def needs_first_start(db: Database) -> bool:
    """True while the database has no staff account at all."""
    with db.session() as s:
        return not has_staff(s)


def start_first_estate(
    db: Database, *, estate: str, login: str, display_name: str, password: str
) -> tuple[StaffSummary, str]:
    """Create the estate and its first administrator in one unit of work."""
    with db.session() as s:
        errors = _staff_errors(s, login.strip(), "admin", password, ["estate"])
        if not estate.strip():
            errors["estate"] = DomainError("estate.name.required")
        if errors:
            raise FieldErrors(errors)
        created = create_estate(s, estate)
        user = create_staff(
            s,
            login=login,
            display_name=display_name,
            role="admin",
            password=password,
            estate_ids=[created.id],
        )
        return summary(user), created.id


def log_in(db: Database, login: str, password: str) -> StaffSummary | None:
    """The account for these credentials, or None."""
    with db.session() as s:
        user = authenticate(s, login, password)
        return summary(user) if user is not None else None


def staff_estates(db: Database, user_id: str) -> list[tuple[str, str]]:
    """(id, name) of the live estates an account works in, by name."""
    with db.session() as s:
        user = s.get(StaffUser, user_id)
        if user is None:
            return []
        return _estates_of(s, user.estate_ids or [user.estate_id])


def first_admin(db: Database) -> StaffSummary | None:
    """The oldest active administrator (ids are UUIDv7, so they sort by creation)."""
    with db.session() as s:
        user = s.scalar(
            select(StaffUser)
            .where(StaffUser.role == "admin", StaffUser.active.is_(True), StaffUser.live())
            .order_by(StaffUser.id)
            .limit(1)
        )
        return summary(user) if user is not None else None


def set_password(db: Database, user_id: str, current: str, new: str) -> None:
    """Change one's own password: the current one must be right, the new one long enough."""
    errors: dict[str, DomainError] = {}
    if len(new) < MIN_PASSWORD:
        errors["new"] = DomainError("account.password.too_short", min=MIN_PASSWORD)
    with db.session() as s:
        user = s.get(StaffUser, user_id)
        if user is None or user.deleted or not user.active:
            raise DomainError("account.gone")
        try:
            _hasher.verify(user.password_hash, current)
        except (VerificationError, InvalidHashError):
            errors["current"] = DomainError("account.password.wrong")
        if errors:
            raise FieldErrors(errors)
        recorder(s).update(user, password_hash=_hasher.hash(new))
