"""Every refusal answers with its status and a message, and writes nothing."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.units import create_unit
from app.store.models import Building, SyncOutbox, SyncRejected, Unit
from sync import protocol
from sync.client import SyncFailure
from sync.server import crud
from sync.server.models import ChangeLog, Device

HEADERS = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}


def call(server, method, path, token=None, headers=None, **kw) -> httpx.Response:
    async def go():
        h = dict(HEADERS if headers is None else headers)
        if token:
            h["Authorization"] = f"Bearer {token}"
        async with httpx.AsyncClient(transport=server.transport(), base_url=server.url) as c:
            return await c.request(method, f"{protocol.API}{path}", headers=h, **kw)

    return asyncio.run(go())


def enroll(server, estate_ids, all_estates=False):
    r = call(
        server,
        "POST",
        "/enroll",
        json={"code": server.code(estate_ids, all_estates), "clock_id": "dev1"},
    )
    assert r.status_code == 200, r.text
    return r.json()["token"]


def change(estate_id, table="buildings", **over):
    base = {
        "change_id": over.pop("change_id", "c-" + table + estate_id[:8]),
        "table": table,
        "row_id": "b1",
        "estate_id": estate_id,
        "kind": "upsert",
        "fields": {"name": "1栋", "sort_key": 1, "deleted": False},
        "hlc": f"{crud.now_ms():013d}-0000-dev1",
    }
    base.update(over)
    return base


def log_size(server) -> int:
    with crud.new_session(server.engine) as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def test_wrong_and_revoked_tokens_are_refused(server):
    estate = server.add_estate("阳光花园")
    r = call(server, "GET", "/sync/pull", token="not-a-token")
    assert r.status_code == 401 and r.json()["error"] == "bad_token"
    assert "does not know this device" in r.json()["message"]
    token = enroll(server, [estate])
    assert call(server, "GET", "/sync/pull", token=token).status_code == 200
    with crud.new_session(server.engine) as s, s.begin():
        s.scalar(select(Device)).revoked = True
    r = call(server, "POST", "/sync/push", token=token, json={"changes": [change(estate)]})
    assert r.status_code == 403 and "revoked" in r.json()["message"]
    assert log_size(server) == 1  # only the estate the server made


def test_codes_are_single_use_and_expire(server):
    estate = server.add_estate("阳光花园")
    code = server.code([estate])
    assert call(server, "POST", "/enroll", json={"code": code, "clock_id": "x"}).status_code == 200
    again = call(server, "POST", "/enroll", json={"code": code, "clock_id": "y"})
    assert again.status_code == 403 and again.json()["error"] == "code_used"
    assert "used already" in again.json()["message"]
    expired = server.code([estate], hours=0)
    r = call(server, "POST", "/enroll", json={"code": expired, "clock_id": "z"})
    assert r.status_code == 403 and r.json()["error"] == "code_expired"
    assert "expired" in r.json()["message"]
    r = call(server, "POST", "/enroll", json={"code": "AAAA-BBBB-CCCC", "clock_id": "z"})
    assert r.status_code == 403 and r.json()["error"] == "bad_code"
    with crud.new_session(server.engine) as s:
        assert s.scalar(select(func.count()).select_from(Device)) == 1


@pytest.mark.parametrize(
    ("bad", "status", "error"),
    [
        ({"estate_id": "other-estate"}, 403, "out_of_scope"),
        ({"table": "no_such_table"}, 422, "bad_change"),
        ({"fields": {"colour": "red"}}, 422, "bad_change"),
        ({"fields": {"sort_key": "not a number"}}, 422, "bad_change"),
        ({"fields": {"name": "x" * (protocol.MAX_CHANGE_BYTES + 1)}}, 413, "change_too_large"),
    ],
)
def test_a_bad_change_refuses_the_whole_batch(server, bad, status, error):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    good = change(estate, change_id="good-1")
    wrong = {**change(estate, change_id="bad-1", row_id="b2"), **bad}
    r = call(server, "POST", "/sync/push", token=token, json={"changes": [good, wrong]})
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"] == error and body["change_id"] == "bad-1" and body["permanent"]
    assert "bad-1" in body["message"]
    assert log_size(server) == 1
    with crud.new_session(server.engine) as s:  # not even the good change before it
        assert s.scalar(select(func.count()).select_from(Building)) == 0


def test_an_oversized_batch_is_refused(server):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    batch = [
        change(estate, change_id=f"c{i}", row_id=f"b{i}") for i in range(protocol.MAX_BATCH + 1)
    ]
    r = call(server, "POST", "/sync/push", token=token, json={"changes": batch})
    assert r.status_code == 413 and r.json()["error"] == "batch_too_large"
    assert f"the limit is {protocol.MAX_BATCH}" in r.json()["message"]
    assert log_size(server) == 1


def test_an_older_client_is_told_to_upgrade(server):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    old = {protocol.SCHEMA_HEADER: str(protocol.MIN_CLIENT_SCHEMA - 1)}
    r = call(
        server, "POST", "/sync/push", token=token, headers=old, json={"changes": [change(estate)]}
    )
    assert r.status_code == 426
    assert "Install PropDesk" in r.json()["message"]
    assert call(server, "GET", "/sync/pull", token=token, headers={}).status_code == 426
    assert log_size(server) == 1


def test_the_client_sets_a_refused_change_aside_and_the_rest_flows(server, make_device):
    estate = server.add_estate("阳光花园")
    other = server.add_estate("翠湖苑")
    a = make_device("a", [estate])
    with a.db.session() as s:
        create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90"))
        create_unit(s, other, UnitInput(building="9栋", room="901", area_m2="70"))
        create_unit(s, estate, UnitInput(building="1栋", room="102", area_m2="91"))
    report = a.sync()
    assert len(report.rejected) == 2  # the other estate's building and unit
    assert all("not enrolled for" in reason for _, reason in report.rejected)
    with a.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
        kept = s.scalars(select(SyncRejected.table_name)).all()
        assert sorted(kept) == ["buildings", "units"]
    b = make_device("b", [estate])
    b.sync()
    with b.db.session() as s:
        assert sorted(s.scalars(select(Unit.room))) == ["101", "102"]


def test_the_client_says_plainly_when_the_server_is_away(tmp_path, db):
    from sync.client import SyncClient, run_sync

    with pytest.raises(SyncFailure, match="not enrolled"):
        run_sync(db)
    client = SyncClient(db)
    with pytest.raises(SyncFailure, match="Cannot reach the sync server"):
        asyncio.run(client.enroll("http://127.0.0.1:9", "AAAA-BBBB-CCCC"))


def test_an_older_client_says_which_version_to_install_and_keeps_its_work(
    server, make_device, monkeypatch
):
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90"))
    # The server now serves only a newer schema than the one this client speaks.
    monkeypatch.setattr(protocol, "MIN_CLIENT_SCHEMA", protocol.SCHEMA_VERSION + 1)
    with pytest.raises(SyncFailure, match="needs a newer PropDesk.*Install PropDesk"):
        a.sync()
    with a.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 2
    assert log_size(server) == 1
