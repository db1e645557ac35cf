"""Who may write and read what: server-only tables, the server's clock ids, notices and
blobs within a device's scope, one installation per device identity."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from app.store.models import StaffUser
from sync import protocol
from sync.server import crud
from sync.server.models import ChangeLog
from tests.sync.test_server_validation import building, call, push, unit, wire


def enrol(server, estate_ids, clock_id="d", all_estates=False) -> dict:
    r = call(
        server,
        "POST",
        "/enroll",
        json={"code": server.code(estate_ids, all_estates), "clock_id": clock_id},
    )
    assert r.status_code == 200, r.text
    return r.json()


def staff_row(estate, **over) -> dict:
    fields = {
        "login": "admin",
        "display_name": "总部管理员",
        "role": "admin",
        "estate_ids": [estate],
        "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$bWFsbG9yeQ$chosen-by-the-desk",
        "active": True,
        **over,
    }
    return wire(estate, "staff", "s-admin", fields)


@pytest.mark.parametrize("all_estates", [False, True])
def test_a_desk_cannot_push_staff_accounts_whatever_its_scope(server, all_estates):
    estate = server.add_estate("阳光花园")
    admin_id = server.add_user("admin", [estate], role="admin")
    token = enrol(server, [estate], all_estates=all_estates)["token"]
    takeover = {**staff_row(estate), "row_id": admin_id}
    r = push(server, token, building(estate), takeover)
    assert r.status_code == 403, r.text
    body = r.json()
    assert body["error"] == "server_only_table" and body["permanent"] is True
    assert body["change_id"] == takeover["change_id"]
    with crud.new_session(server.engine) as s:
        hash_now = s.get(StaffUser, admin_id).password_hash
        assert "chosen-by-the-desk" not in hash_now
        assert (
            s.scalar(
                select(func.count()).select_from(ChangeLog).where(ChangeLog.table_name == "staff")
            )
            == 1
        )  # the account the server made
    # the rest of the desk's work still goes up once the staff change is set aside
    assert push(server, token, building(estate)).status_code == 200


def test_the_server_assigns_clock_ids_and_device_numbers(server):
    estate = server.add_estate("阳光花园")
    first = enrol(server, [estate], clock_id="chosen")
    second = enrol(server, [estate], clock_id="chosen")
    assert first["clock_id"] != "chosen" and second["clock_id"] != "chosen"
    assert first["clock_id"] != second["clock_id"]
    assert {first["device_number"], second["device_number"]} == {1, 2}
    for answer in (first, second):
        assert answer["server_id"] and answer["epoch"]


def test_conflict_notices_reach_only_the_device_whose_value_lost(server):
    """A device of estate A that chose B's clock id received B's notices, with a
    resident's phone number."""
    a_estate, b_estate = server.add_estate("阳光花园"), server.add_estate("翠湖苑")
    b1 = enrol(server, [b_estate], clock_id="dev-b1")["token"]
    b2 = enrol(server, [b_estate], clock_id="dev-b2")["token"]
    spy = enrol(server, [a_estate], clock_id="dev-b2")["token"]
    resident = wire(b_estate, "residents", "r1", {"unit_id": "u1", "name": "王芳"}, "r-new")
    assert push(server, b1, building(b_estate), unit(b_estate), resident).status_code == 200
    now = crud.now_ms()
    newer = {
        **wire(b_estate, "residents", "r1", {"phone": "13800000001"}, "b1-phone"),
        "hlc": f"{now:013d}-0000-dev-b1",
    }
    older = {
        **wire(b_estate, "residents", "r1", {"phone": "13900000002"}, "b2-phone"),
        "hlc": f"{now - 60_000:013d}-0000-dev-b2",
    }
    assert push(server, b1, newer).status_code == 200
    assert push(server, b2, older).status_code == 200  # loses: b2 is told
    told = call(server, "GET", "/sync/pull", token=b2).json()["conflicts"]
    assert [(n["field"], n["lost_value"]) for n in told] == [("phone", "13900000002")]
    assert call(server, "GET", "/sync/pull", token=spy).json()["conflicts"] == []
    assert call(server, "GET", "/sync/pull", token=b1).json()["conflicts"] == []


def test_a_blob_is_read_only_within_its_estates(server):
    a_estate, b_estate = server.add_estate("阳光花园"), server.add_estate("翠湖苑")
    uploader = enrol(server, [a_estate])["token"]
    colleague = enrol(server, [a_estate])["token"]
    stranger = enrol(server, [b_estate])["token"]
    head_office = enrol(server, [], all_estates=True)["token"]
    data = "身份证复印件".encode() * 100
    sha = hashlib.sha256(data).hexdigest()
    assert call(server, "PUT", f"/blobs/{sha}", token=uploader, content=data).status_code == 201
    for token in (uploader, colleague, head_office):
        assert call(server, "GET", f"/blobs/{sha}", token=token).content == data
    assert call(server, "GET", f"/blobs/{sha}", token=stranger).status_code == 404
    assert call(server, "HEAD", f"/blobs/{sha}", token=stranger).status_code == 404
    # A row of estate B that references it (a head-office desk filed it there) opens it.
    attachment = wire(
        b_estate,
        "complaint_attachments",
        "att1",
        {"complaint_id": "c1", "sha256": sha, "filename": "id.png", "size": len(data)},
        kind="insert",
    )
    assert push(server, head_office, attachment).status_code == 200
    assert call(server, "GET", f"/blobs/{sha}", token=stranger).content == data


def test_a_copied_database_is_refused_and_told_to_enrol(server):
    estate = server.add_estate("阳光花园")
    token = enrol(server, [estate])["token"]
    here = {protocol.INSTALLATION_HEADER: "install-1"}
    copy = {protocol.INSTALLATION_HEADER: "install-2"}
    assert call(server, "GET", "/sync/pull", token=token, headers=here).status_code == 200
    assert call(server, "GET", "/sync/pull", token=token, headers=here).status_code == 200
    for method, path, kw in [
        ("GET", "/sync/pull", {}),
        ("POST", "/sync/push", {"json": {"changes": [building(estate)]}}),
    ]:
        r = call(server, method, path, token=token, headers=copy, **kw)
        assert r.status_code == 409, r.text
        assert r.json()["error"] == "copied_device"
        assert "Enrol this computer" in r.json()["message"]
    with crud.new_session(server.engine) as s:  # the copy's push wrote nothing
        assert (
            s.scalar(
                select(func.count())
                .select_from(ChangeLog)
                .where(ChangeLog.table_name == "buildings")
            )
            == 0
        )
    assert call(server, "GET", "/sync/pull", token=token, headers=here).status_code == 200
