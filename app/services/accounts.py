"""Staff accounts: the first administrator, logging in, adding staff, changing a password.

``create_staff``, ``authenticate`` and ``has_staff`` work inside a caller's session (the
command line, tests, other services); the rest are operations that own their unit of work
and return ``StaffSummary`` rows. Refusals are ``FieldErrors`` of ``DomainError`` codes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.services.permissions import require
from app.services.units.records import create_estate
from app.store.models import STAFF_ROLES, Estate, StaffUser
from app.store.recorder import get_state, recorder, set_state

if TYPE_CHECKING:
    from app.store.db import Database

_hasher = PasswordHasher()
MIN_PASSWORD = 8
MAX_PASSWORD = 128
COMMON_PASSWORDS = frozenset(
    {
        "12345678",
        "123456789",
        "1234567890",
        "87654321",
        "password",
        "password1",
        "qwertyui",
        "qwerty123",
        "abc12345",
        "abcd1234",
        "1qaz2wsx",
        "a1234567",
        "admin123",
        "iloveyou",
        "woaini1314",
        "5201314520",
    }
)
# log-in lockout, a setting of this computer (sync_state): works offline, never synced
LOCKOUT_ATTEMPTS_KEY = "security.lockout_attempts"
LOCKOUT_MINUTES_KEY = "security.lockout_minutes"
DEFAULT_LOCKOUT_ATTEMPTS = 5
DEFAULT_LOCKOUT_MINUTES = 15
SCREEN_LOCK_KEY = "security.screen_lock_minutes"
DEFAULT_SCREEN_LOCK_MINUTES = 10
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


def password_problem(password: str, login: str = "") -> DomainError | None:
    """The password rules: 8 to 128 characters, not the login, not one character repeated,
    not one of the passwords tried first by anyone guessing."""
    if len(password) < MIN_PASSWORD:
        return DomainError("account.password.too_short", min=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        return DomainError("account.password.too_long", max=MAX_PASSWORD)
    lowered = password.strip().lower()
    if login and lowered == login.strip().lower():
        return DomainError("account.password.is_login")
    if len(set(password)) == 1 or lowered in COMMON_PASSWORDS:
        return DomainError("account.password.too_common")
    return None


def _password_errors(password: str, login: str = "") -> dict[str, DomainError]:
    problem = password_problem(password, login)
    return {"password": problem} if problem is not None else {}


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
    errors.update(_password_errors(password, login))
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
    require(session, None, "accounts.manage")
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


def log_in(
    db: Database, login: str, password: str, now: datetime | None = None
) -> StaffSummary | None:
    """The account for these credentials, or None; the user becomes the database's actor
    (permissions and the audit trail). After the set number of failures in a row the
    login is refused for the set minutes (``account.locked``), even with the right password."""
    now = now or datetime.now(UTC)
    key = f"security.failures:{login.strip().lower()}"
    with db.session() as s:
        attempts, minutes = lockout_settings_in(s)
        failures = json.loads(get_state(s, key) or "{}")
        until = failures.get("until")
        if until and datetime.fromisoformat(until) > now:
            left = datetime.fromisoformat(until) - now
            raise DomainError("account.locked", minutes=max(1, -(-int(left.total_seconds()) // 60)))
        user = authenticate(s, login, password)
        if user is None:
            count = int(failures.get("count", 0)) + 1
            record = {"count": count}
            if count >= attempts:
                record = {"count": 0, "until": (now + timedelta(minutes=minutes)).isoformat()}
            set_state(s, key, json.dumps(record))
            return None
        if failures:
            set_state(s, key, "{}")
        db.actor = user.id
        return summary(user)


def lockout_settings_in(session: Session) -> tuple[int, int]:
    attempts = get_state(session, LOCKOUT_ATTEMPTS_KEY)
    minutes = get_state(session, LOCKOUT_MINUTES_KEY)
    return (
        int(attempts) if attempts else DEFAULT_LOCKOUT_ATTEMPTS,
        int(minutes) if minutes else DEFAULT_LOCKOUT_MINUTES,
    )


def lockout_settings(db: Database) -> tuple[int, int]:
    """(failures in a row before the lockout, minutes locked)."""
    with db.session() as s:
        return lockout_settings_in(s)


def set_lockout_settings(db: Database, attempts: int, minutes: int) -> None:
    errors: dict[str, DomainError] = {}
    if not 3 <= attempts <= 20:
        errors["attempts"] = DomainError("security.lockout.attempts", low=3, high=20)
    if not 1 <= minutes <= 1440:
        errors["minutes"] = DomainError("security.lockout.minutes", low=1, high=1440)
    if errors:
        raise FieldErrors(errors)
    with db.session() as s:
        require(s, None, "accounts.manage")
        set_state(s, LOCKOUT_ATTEMPTS_KEY, str(attempts))
        set_state(s, LOCKOUT_MINUTES_KEY, str(minutes))


def screen_lock_minutes(db: Database) -> int:
    """Minutes of inactivity before the window locks (0: never); a setting of this computer."""
    with db.session() as s:
        value = get_state(s, SCREEN_LOCK_KEY)
    return int(value) if value else DEFAULT_SCREEN_LOCK_MINUTES


def set_screen_lock_minutes(db: Database, minutes: int) -> None:
    if not 0 <= minutes <= 240:
        raise FieldErrors({"idle": DomainError("security.screen_lock.minutes", low=0, high=240)})
    with db.session() as s:
        require(s, None, "accounts.manage")
        set_state(s, SCREEN_LOCK_KEY, str(minutes))


def unlock(db: Database, user_id: str, password: str) -> bool:
    """The locked window's own user proves it is still them (lockout rules apply)."""
    with db.session() as s:
        user = s.get(StaffUser, user_id)
        login = user.login if user is not None else ""
    summary_ = log_in(db, login, password) if login else None
    return summary_ is not None and summary_.id == user_id


def log_out(db: Database) -> None:
    """Nobody acts for this desk any more (log-out, or the screen locked)."""
    db.actor = None


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
    with db.session() as s:
        user = s.get(StaffUser, user_id)
        if user is None or user.deleted or not user.active:
            raise DomainError("account.gone")
        if (problem := password_problem(new, user.login)) is not None:
            errors["new"] = problem
        try:
            _hasher.verify(user.password_hash, current)
        except (VerificationError, InvalidHashError):
            errors["current"] = DomainError("account.password.wrong")
        if errors:
            raise FieldErrors(errors)
        recorder(s).update(user, password_hash=_hasher.hash(new))
