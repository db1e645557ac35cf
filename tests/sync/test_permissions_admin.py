"""The permission matrix is written on the server only: the administrator endpoint
(``PUT /accounts/permissions``, the person authenticated against the server's accounts)
and ``propdesk-server permissions``; desks pull it; a desk's raw push of it is refused.
On the real server app (SQLite and PostgreSQL).

Issue 16: "An administrator edits the matrix from the desk's Settings while online,
through the server's administrator endpoint (issue 9), or with the server's CLI. It is
synced down."
"""

from __future__ import annotations

from sqlalchemy import select

from app.services.permissions import overrides_in
from app.store.audit_models import AuditEntry, role_permission_id
from sync.server import crud
from tests.e2e.conftest import server_cmd
from tests.sync.test_server_validation import call, enroll, push, wire


def body(login: str, password: str, estate: str, *cells) -> dict:
    return {
        "admin_login": login,
        "admin_password": password,
        "estate_id": estate,
        "cells": [{"role": r, "permission": p, "allowed": a} for r, p, a in cells],
    }


def put(server, token, payload):
    return call(server, "PUT", "/accounts/permissions", token=token, json=payload)


def test_only_an_administrator_of_that_estate_changes_the_matrix_and_desks_pull_it(server):
    estate, other = server.add_estate("阳光花园"), server.add_estate("翠湖苑")
    boss = server.add_user("boss", [estate], password="boss-secret-1", role="admin")
    server.add_user("wang", [estate], password="wang-secret-1", role="director")
    token = enroll(server, [estate])
    grant = ("cashier", "fees.adjust", True)
    r = put(server, token, body("boss", "guess", estate, grant))
    assert r.status_code == 403 and r.json()["error"] == "bad_credentials"
    r = put(server, token, body("wang", "wang-secret-1", estate, grant))  # a director
    assert r.status_code == 403 and r.json()["error"] == "permission.denied"
    r = put(server, token, body("boss", "boss-secret-1", other, grant))  # not this desk's
    assert r.status_code == 403 and r.json()["error"] == "out_of_scope"
    lockout = ("admin", "permissions.manage", False)
    r = put(server, token, body("boss", "boss-secret-1", estate, grant, lockout))
    assert r.status_code == 422 and r.json()["error"] == "permission.keep_admin"
    r = put(server, token, body("boss", "boss-secret-1", estate, ("nobody", "fees.adjust", True)))
    assert r.status_code == 422 and r.json()["error"] == "account.role.unknown"
    with crud.new_session(server.engine) as s:
        assert overrides_in(s, estate) == {}  # nothing refused was written, not even part
    revoke = ("receptionist", "payments.take", False)
    r = put(server, token, body("boss", "boss-secret-1", estate, grant, revoke))
    assert r.status_code == 200, r.text
    assert r.json() == {"changed": 2}
    again = put(server, token, body("boss", "boss-secret-1", estate, grant))
    assert again.json() == {"changed": 0}
    with crud.new_session(server.engine) as s:
        assert overrides_in(s, estate) == {
            ("cashier", "fees.adjust"): True,
            ("receptionist", "payments.take"): False,
        }
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "role_permissions")
        ).all()
    assert len(entries) == 2 and {e.actor_id for e in entries} == {boss}
    assert {e.action for e in entries} == {"permissions.change"}
    pulled = call(server, "GET", "/sync/pull", token=enroll(server, [estate])).json()["changes"]
    cells = {c["row_id"]: c for c in pulled if c["table"] == "role_permissions"}
    grant_row = cells[role_permission_id(estate, "cashier", "fees.adjust")]
    assert grant_row["fields"]["allowed"] is True and grant_row["author"] == boss
    assert any(c["table"] == "audit_entries" for c in pulled)


def test_a_desk_cannot_push_the_matrix(server):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    row_id = role_permission_id(estate, "receptionist", "fees.refund")
    fields = {"estate_id": estate, "role": "receptionist", "permission": "fees.refund"}
    change = wire(estate, "role_permissions", row_id, {**fields, "allowed": True}, "c-perm")
    r = push(server, token, change)
    assert r.status_code == 403 and r.json()["error"] == "server_only_table", r.text
    with crud.new_session(server.engine) as s:
        assert overrides_in(s, estate) == {}


def test_the_server_s_command_shows_grants_revokes_and_resets(server_url):
    def run(*args):
        return server_cmd(server_url, *args)

    estate = run("estates", "add", "阳光花园").stdout.split("\t")[1].strip()
    done = run("permissions", "grant", "cashier", "fees.adjust", "--estate", "阳光花园")
    assert done.returncode == 0, done.stderr
    assert "cashier may fees.adjust" in done.stdout
    run("permissions", "revoke", "receptionist", "payments.take", "--estate", "阳光花园")
    shown = run("permissions", "show", "--estate", "阳光花园").stdout.splitlines()
    lines = dict(line.split("\t") for line in shown)
    assert "cashier*" in lines["fees.adjust"].split()
    assert "-receptionist*" in lines["payments.take"].split()
    assert "cashier" in lines["payments.take"].split()  # the other cells keep their default
    refused = run("permissions", "revoke", "admin", "permissions.manage", "--estate", "阳光花园")
    assert refused.returncode == 1 and "keeps permissions.manage" in refused.stderr
    unknown = run("permissions", "grant", "cashier", "fees.fly", "--estate", "阳光花园")
    assert unknown.returncode == 1 and "no permission 'fees.fly'" in unknown.stderr
    run("permissions", "reset", "cashier", "fees.adjust", "--estate", "阳光花园")
    from sync.server.db import make_engine

    engine = make_engine(server_url)
    try:
        with crud.new_session(engine) as s:
            assert overrides_in(s, estate) == {
                ("cashier", "fees.adjust"): False,  # the default again
                ("receptionist", "payments.take"): False,
            }
    finally:
        engine.dispose()
