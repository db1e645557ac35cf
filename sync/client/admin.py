"""Requests an administrator makes from a desk's Settings while online: the server writes
(it alone may), and the desk pulls the result at its next sync (the caller starts one).

The person is authenticated by the server against its own accounts (their login and
password), over this desk's enrolment (its token: the server checks the estate is in the
desk's scope)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from app.domain.errors import DomainError, FieldErrors
from sync import protocol
from sync.client.base import in_worker
from sync.client.core import SyncClient
from sync.client.errors import SyncFailure


async def set_permissions(
    client: SyncClient,
    admin_login: str,
    admin_password: str,
    estate_id: str,
    cells: Iterable[tuple[str, str, bool]],
) -> int:
    """Set cells ``(role, permission, allowed)`` of an estate's matrix on the server; how
    many changed. Refusals are ``SyncFailure`` (wrong password, not an administrator,
    unreachable, ...)."""
    url, token = await in_worker(client._credentials)
    if not url or not token:
        raise SyncFailure("sync.not_enrolled")
    body = {
        "admin_login": admin_login,
        "admin_password": admin_password,
        "estate_id": estate_id,
        "cells": [{"role": r, "permission": p, "allowed": a} for r, p, a in cells],
    }
    # building the client reads the pinned certificate: not on the UI's thread
    async with await asyncio.to_thread(client._http, url, token) as http:
        answer = await client._call(http, "PUT", f"{protocol.API}/accounts/permissions", json=body)
        if answer.status_code != 200:
            error = client._error(answer).get("error")
            if error in _IN_WORDS:
                raise DomainError(_IN_WORDS[error])
            raise client._refusal(answer)
        return int(answer.json()["changed"])


# the server's refusals a person can act on, as the catalogue's codes
_IN_WORDS = {
    "bad_credentials": "permission.server_password",
    "permission.denied": "permission.server_not_admin",
    "permission.keep_admin": "permission.keep_admin",
    "out_of_scope": "permission.server_out_of_scope",
}


async def change_own_password(client: SyncClient, login: str, current: str, new: str) -> bool:
    """A person's own password, changed where accounts are kept: on the server when the
    desk is enrolled (a desk's own push of ``staff`` is refused there, so a change made
    only here would be set aside and the other desks would keep the old password). The
    caller then syncs, which brings the new hash down. False when the desk is not
    enrolled: its local accounts are the ones that count, and the caller changes it here."""
    url, token = await in_worker(client._credentials)
    if not url or not token:
        return False
    body = {"login": login, "current": current, "new": new}
    async with await asyncio.to_thread(client._http, url, token) as http:
        answer = await client._call(http, "POST", f"{protocol.API}/accounts/password", json=body)
        if answer.status_code != 200:
            if client._error(answer).get("error") == "bad_credentials":
                raise FieldErrors({"current": DomainError("account.password.wrong")})
            raise client._refusal(answer)
    return True
