"""Staff accounts change on the server only: an administrator's request, authenticated
against the server's accounts, and everyone's own password; desks pull the result."""

from __future__ import annotations

from app.services.accounts import authenticate
from sync.server import crud
from tests.sync.test_server_validation import call, enroll


def _pulled_staff(server, token) -> dict[str, dict]:
    page = call(server, "GET", "/sync/pull", token=token).json()
    return {c["row_id"]: c["fields"] for c in page["changes"] if c["table"] == "staff"}


def test_an_administrator_adds_an_account_through_the_server(server):
    estate, other = server.add_estate("阳光花园"), server.add_estate("翠湖苑")
    server.add_user("boss", [estate], password="boss-secret-1", role="admin")
    server.add_user("wang", [estate], password="wang-secret-1", role="receptionist")
    token = enroll(server, [estate])
    new = {
        "login": "li",
        "display_name": "李娜",
        "role": "cashier",
        "estate_ids": [estate],
        "password": "li-secret-123",
    }
    wrong = {**new, "admin_login": "boss", "admin_password": "guess"}
    r = call(server, "POST", "/accounts/staff", token=token, json=wrong)
    assert r.status_code == 403 and r.json()["error"] == "bad_credentials"
    not_admin = {**new, "admin_login": "wang", "admin_password": "wang-secret-1"}
    r = call(server, "POST", "/accounts/staff", token=token, json=not_admin)
    assert r.status_code == 403 and r.json()["error"] == "permission.denied"
    elsewhere = {
        **new,
        "estate_ids": [other],
        "admin_login": "boss",
        "admin_password": "boss-secret-1",
    }
    r = call(server, "POST", "/accounts/staff", token=token, json=elsewhere)
    assert r.status_code == 403 and r.json()["error"] == "out_of_scope"
    good = {**new, "admin_login": "boss", "admin_password": "boss-secret-1"}
    r = call(server, "POST", "/accounts/staff", token=token, json=good)
    assert r.status_code == 200, r.text
    staff_id = r.json()["staff_id"]
    again = call(server, "POST", "/accounts/staff", token=token, json=good)
    assert again.status_code == 422 and again.json()["error"] == "form.invalid"
    assert "account.login.taken" in again.json()["message"]
    assert _pulled_staff(server, enroll(server, [estate]))[staff_id]["login"] == "li"
    with crud.new_session(server.engine) as s:
        assert authenticate(s, "li", "li-secret-123") is not None


def test_a_person_changes_their_password_on_the_server(server):
    estate = server.add_estate("阳光花园")
    wang = server.add_user("wang", [estate], password="wang-secret-1", role="receptionist")
    token = enroll(server, [estate])
    change = {"login": "wang", "current": "not-it", "new": "wang-secret-2"}
    r = call(server, "POST", "/accounts/password", token=token, json=change)
    assert r.status_code == 403 and r.json()["error"] == "bad_credentials"
    short = {"login": "wang", "current": "wang-secret-1", "new": "x"}
    r = call(server, "POST", "/accounts/password", token=token, json=short)
    assert r.status_code == 422 and r.json()["permanent"] is True
    change["current"] = "wang-secret-1"
    r = call(server, "POST", "/accounts/password", token=token, json=change)
    assert r.status_code == 200 and r.json()["staff_id"] == wang
    with crud.new_session(server.engine) as s:
        assert authenticate(s, "wang", "wang-secret-2") is not None
        assert authenticate(s, "wang", "wang-secret-1") is None
    pulled = _pulled_staff(server, enroll(server, [estate]))
    assert pulled[wang]["password_hash"].startswith("$argon2")
