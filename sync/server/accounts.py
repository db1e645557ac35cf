"""Staff accounts and the permission matrix are written by the server only: its commands
(`propdesk-server users add`, `propdesk-server permissions`) and these endpoints, which an
enrolled desk's Settings calls while online.

A desk's raw push of ``staff`` (or roles and permissions) is refused whatever its user's
role (:mod:`sync.server.validate`). Here the person is authenticated against the
server's own accounts and the write goes through the same app services as the commands;
what they record enters the change log as the server's, and every desk pulls it.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.store.models import StaffUser
from app.store.recorder import recorder
from sync import protocol
from sync.server import crud
from sync.server.deps import Caller, caller, session
from sync.server.errors import SyncError

router = APIRouter(prefix=f"{protocol.API}/accounts")
ERRORS = {s: {"model": protocol.ErrorBody} for s in (401, 403, 409, 422, 426, 500)}
_hasher = PasswordHasher()


class NewStaff(BaseModel):
    admin_login: str = Field(max_length=50)
    admin_password: str = Field(max_length=200)
    login: str = Field(max_length=50)
    display_name: str = Field("", max_length=100)
    role: str = Field(max_length=20)
    estate_ids: list[str] = Field(max_length=100)
    password: str = Field(max_length=200)


class PasswordChange(BaseModel):
    login: str = Field(max_length=50)
    current: str = Field(max_length=200)
    new: str = Field(max_length=200)


class StaffWritten(BaseModel):
    staff_id: str


class PermissionCell(BaseModel):
    role: str = Field(max_length=20)
    permission: str = Field(max_length=60)
    allowed: bool


class MatrixChange(BaseModel):
    admin_login: str = Field(max_length=50)
    admin_password: str = Field(max_length=200)
    estate_id: str = Field(max_length=36)
    cells: list[PermissionCell] = Field(max_length=1000)


class MatrixWritten(BaseModel):
    changed: int = Field(description="cells that differ from what the estate had")


def _refusal(exc: DomainError) -> SyncError:
    if isinstance(exc, FieldErrors):
        parts = ", ".join(f"{field}: {err.code}" for field, err in sorted(exc.errors.items()))
        return SyncError(422, exc.code, f"The account was not saved ({parts})", permanent=True)
    return SyncError(403 if exc.code == "permission.denied" else 422, exc.code, str(exc))


def _person(s: Session, login: str, password: str) -> StaffUser:
    from app.services.accounts import authenticate

    user = authenticate(s, login, password)
    if user is None:
        raise SyncError(403, "bad_credentials", "Wrong login or password on the server")
    return user


@router.post("/staff", response_model=StaffWritten, responses=ERRORS)
def create(
    body: NewStaff, s: Session = Depends(session), who: Caller = Depends(caller)
) -> StaffWritten:
    """An administrator (authenticated here) adds a staff account in the desk's estates."""
    from app.services.accounts import create_staff
    from app.services.permissions import require

    device = crud.device_for_token(s, who.token)
    outside = [e for e in body.estate_ids if not crud.in_scope(device, e)]
    if outside:
        raise SyncError(403, "out_of_scope", f"This desk is not enrolled for {outside[0]}")
    try:
        admin = _person(s, body.admin_login, body.admin_password)
        require(s, admin.id, "accounts.manage")
        with crud.server_writes(s):
            user = create_staff(
                s,
                login=body.login,
                display_name=body.display_name,
                role=body.role,
                password=body.password,
                estate_ids=body.estate_ids,
            )
        s.commit()
    except DomainError as exc:
        raise _refusal(exc) from None
    return StaffWritten(staff_id=user.id)


@router.post("/password", response_model=StaffWritten, responses=ERRORS)
def change_password(
    body: PasswordChange, s: Session = Depends(session), who: Caller = Depends(caller)
) -> StaffWritten:
    """A person changes their own password: the current one must be right."""
    from app.services.accounts import password_problem

    user = _person(s, body.login, body.current)
    if (problem := password_problem(body.new, user.login)) is not None:
        raise _refusal(FieldErrors({"new": problem}))
    try:
        _hasher.verify(user.password_hash, body.new)
        return StaffWritten(staff_id=user.id)  # the same password: nothing to write
    except (VerificationError, InvalidHashError):
        pass
    with crud.server_writes(s):
        recorder(s).update(user, password_hash=_hasher.hash(body.new))
    s.commit()
    return StaffWritten(staff_id=user.id)


@router.put("/permissions", response_model=MatrixWritten, responses=ERRORS)
def set_permissions(
    body: MatrixChange, s: Session = Depends(session), who: Caller = Depends(caller)
) -> MatrixWritten:
    """An administrator (authenticated here) sets cells of an estate's permission matrix;
    each change is audited under their name, and every desk of the estate pulls it."""
    from app.services.permissions import require, set_cells_in

    device = crud.device_for_token(s, who.token)
    if not crud.in_scope(device, body.estate_id):
        raise SyncError(403, "out_of_scope", f"This desk is not enrolled for {body.estate_id}")
    try:
        admin = _person(s, body.admin_login, body.admin_password)
        if body.estate_id not in (admin.estate_ids or [admin.estate_id]):
            raise SyncError(403, "out_of_scope", f"{admin.login} does not work in that estate")
        require(s, admin.id, "permissions.manage")
        cells = [(c.role, c.permission, c.allowed) for c in body.cells]
        with crud.server_writes(s):
            changed = set_cells_in(s, body.estate_id, cells)
        s.commit()
    except DomainError as exc:
        raise _refusal(exc) from None
    return MatrixWritten(changed=changed)
