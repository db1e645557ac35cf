"""Staff accounts: the first administrator, logging in, adding staff."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import STAFF_ROLES, Estate, StaffUser
from app.store.recorder import recorder

_hasher = PasswordHasher()
MIN_PASSWORD = 8


class AccountError(ValueError):
    pass


def has_staff(session: Session) -> bool:
    return session.scalar(select(StaffUser.id).where(StaffUser.live()).limit(1)) is not None


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
    if not login:
        raise AccountError("Login name is required")
    if role not in STAFF_ROLES:
        raise AccountError(f"Unknown role {role!r}; one of {', '.join(STAFF_ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Password must have at least {MIN_PASSWORD} characters")
    if not estate_ids:
        raise AccountError("A staff account belongs to at least one estate")
    if find_staff(session, login) is not None:
        raise AccountError(f"Login {login!r} is taken")
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


def set_password(session: Session, user: StaffUser, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Password must have at least {MIN_PASSWORD} characters")
    recorder(session).update(user, password_hash=_hasher.hash(password))


def estates_of_staff(session: Session, user: StaffUser) -> list[tuple[str, str]]:
    """(id, name) of the live estates an account works in, by name."""
    ids = list(user.estate_ids or [user.estate_id])
    rows = session.execute(select(Estate.id, Estate.name).where(Estate.id.in_(ids), Estate.live()))
    return sorted(((r.id, r.name) for r in rows), key=lambda r: r[1])


def first_admin(session: Session) -> StaffUser | None:
    """The oldest active administrator (ids are UUIDv7, so they sort by creation)."""
    return session.scalar(
        select(StaffUser)
        .where(StaffUser.role == "admin", StaffUser.active.is_(True), StaffUser.live())
        .order_by(StaffUser.id)
        .limit(1)
    )
