"""An enrolled desk changes a person's password on the server (POST /accounts/password),
where accounts are kept: before, Settings wrote it on the desk alone, the server refused
the desk's push of the staff row (server_only_table), it was set aside, and every other
desk and the server kept the old password."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from app.domain.errors import FieldErrors
from app.services.accounts import authenticate, log_in
from app.store.models import SyncRejected
from sync.client.admin import change_own_password
from sync.server import crud


def test_a_password_changed_on_an_enrolled_desk_holds_everywhere(server, make_device):
    estate = server.add_estate("阳光花园")
    server.add_user("wang", [estate], password="old-secret-1", role="receptionist")
    desk, other = make_device("desk", [estate]), make_device("other", [estate])
    desk.sync(), other.sync()
    assert log_in(desk.db, "wang", "old-secret-1") is not None

    with pytest.raises(FieldErrors) as wrong:
        asyncio.run(change_own_password(desk.client, "wang", "not-it-123", "new-secret-2"))
    assert wrong.value.errors["current"].code == "account.password.wrong"

    assert asyncio.run(change_own_password(desk.client, "wang", "old-secret-1", "new-secret-2"))
    with crud.new_session(server.engine) as s:
        assert authenticate(s, "wang", "new-secret-2") is not None
    desk.sync(), other.sync()
    for db in (desk.db, other.db):
        assert log_in(db, "wang", "new-secret-2") is not None
        assert log_in(db, "wang", "old-secret-1") is None
        with db.session() as s:
            assert s.scalar(select(SyncRejected.change_id)) is None


def test_a_desk_that_never_enrolled_changes_it_itself(db):
    from sync.client import SyncClient

    assert asyncio.run(change_own_password(SyncClient(db), "wang", "a", "b")) is False
