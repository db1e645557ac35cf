"""Values the server cannot store, and references it cannot keep, are refused at push:
422, permanent, naming the change, nothing written; the next push goes through.

Each case answered 500 before (the desk retried it forever, everything behind it waited),
or was stored and then broke every pull of the estate.
"""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from sqlalchemy import func, select

from app.store.models import Building, Resident, Setting, Unit
from sync import protocol
from sync.server import crud
from sync.server.models import ChangeLog

HEADERS = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}


def call(server, method, path, token=None, headers=None, **kw) -> httpx.Response:
    async def go():
        headers_ = dict(HEADERS, **(headers or {}))
        if token:
            headers_["Authorization"] = f"Bearer {token}"
        async with httpx.AsyncClient(transport=server.transport(), base_url=server.url) as c:
            return await c.request(method, f"{protocol.API}{path}", headers=headers_, **kw)

    return asyncio.run(go())


def enroll(server, estate_ids) -> str:
    r = call(server, "POST", "/enroll", json={"code": server.code(estate_ids), "clock_id": "d"})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def wire(estate_id, table, row_id, fields, change_id=None, kind=None) -> dict:
    return {
        "change_id": change_id or f"{table}-{row_id}",
        "table": table,
        "row_id": row_id,
        "estate_id": estate_id,
        "kind": kind or ("insert" if table == "complaint_events" else "upsert"),
        "fields": fields,
        "hlc": f"{crud.now_ms():013d}-0000-d",
    }


def building(estate, row_id="b1", **over):
    return wire(estate, "buildings", row_id, {"name": "1栋", "sort_key": 1, **over})


def unit(estate, row_id="u1", building_id="b1", **over):
    fields = {"building_id": building_id, "room": "101", "area_m2": "88.50", **over}
    return wire(estate, "units", row_id, fields)


def log_count(server) -> int:
    with crud.new_session(server.engine) as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def push(server, token, *changes) -> httpx.Response:
    return call(server, "POST", "/sync/push", token=token, json={"changes": list(changes)})


def nested(depth: int):
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


BAD_VALUES = [
    pytest.param("units", {"floor": 3_000_000_000}, "value_out_of_range", id="floor-3e9"),
    pytest.param("buildings", {"name": "楼" * 72}, "value_too_long", id="name-72-chars"),
    pytest.param("buildings", {"name": "1\x00栋"}, "invalid_text", id="nul-byte"),
    pytest.param("units", {"area_m2": "NaN"}, "not_finite", id="area-nan-text"),
    pytest.param("units", {"area_m2": float("nan")}, "not_finite", id="area-nan"),
    pytest.param("units", {"area_m2": 1e30}, "value_out_of_range", id="area-1e30"),
    pytest.param("units", {"area_m2": "12.345"}, "too_many_decimals", id="area-3-places"),
    pytest.param("units", {"area_m2": "abc"}, "bad_value", id="area-not-a-number"),
    pytest.param("buildings", {"sort_key": 2**63 + 5}, "value_out_of_range", id="int-over-2**63"),
    pytest.param("buildings", {"name": "\ud800栋"}, "invalid_text", id="lone-surrogate"),
    pytest.param("settings", {"value": float("nan")}, "not_finite", id="json-nan"),
    pytest.param("settings", {"value": {"a": [1, float("inf")]}}, "not_finite", id="json-inf"),
    pytest.param("settings", {"value": nested(900)}, "json_too_deep", id="json-900-deep"),
    pytest.param("settings", {"value": list(range(20_000))}, "json_too_large", id="json-20k"),
    pytest.param("buildings", {"name": None}, "value_required", id="null-name"),
    pytest.param("units", {"handover_date": "2026-02-30"}, "bad_value", id="bad-date"),
]


@pytest.mark.parametrize(("table", "bad", "error"), BAD_VALUES)
def test_a_value_the_server_cannot_store_is_refused_for_good(server, table, bad, error):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    assert push(server, token, building(estate), unit(estate)).status_code == 200
    before = log_count(server)
    if table == "settings":
        wrong = wire(estate, "settings", "s1", {"key": "deadlines", **bad})
    elif table == "units":
        wrong = unit(estate, row_id="u2", **bad)
    else:
        wrong = building(estate, row_id="b2", **bad)
    good = building(estate, row_id="b3", name="3栋")
    # Sent as the desk sends it: Python's JSON writes NaN as a bare NaN.
    content = json.dumps({"changes": [good, wrong]}, ensure_ascii=False).encode(
        "utf-8", "surrogatepass"
    )
    r = call(
        server,
        "POST",
        "/sync/push",
        token=token,
        content=content,
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 422, r.text
    body = r.json()
    assert set(body) == {"error", "message", "change_id", "permanent"}
    assert body["error"] == error and body["permanent"] is True
    assert body["change_id"] == wrong["change_id"]
    assert wrong["change_id"] in body["message"]
    assert log_count(server) == before  # the whole batch refused, nothing written
    # The desk sets the bad change aside and pushes the rest again: it lands.
    assert push(server, token, good).status_code == 200
    with crud.new_session(server.engine) as s:
        assert s.get(Building, "b3").name == "3栋"
    pulled = call(server, "GET", "/sync/pull", token=enroll(server, [estate]))
    assert pulled.status_code == 200, pulled.text


def test_a_reference_to_a_row_the_server_lacks_is_refused_not_a_500(server):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    before = log_count(server)
    orphan = wire(estate, "residents", "r1", {"unit_id": "no-such-unit", "name": "王芳"})
    r = push(server, token, orphan)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "missing_reference" and r.json()["permanent"]
    assert r.json()["change_id"] == orphan["change_id"]
    assert log_count(server) == before
    # A parent in the same batch is enough (foreign keys are checked at commit).
    child = wire(estate, "residents", "r2", {"unit_id": "u1", "name": "李四"})
    assert push(server, token, child, building(estate), unit(estate)).status_code == 200
    with crud.new_session(server.engine) as s:
        assert s.get(Resident, "r2").unit_id == "u1"


def test_a_reference_into_another_estate_is_refused(server):
    mine, theirs = server.add_estate("阳光花园"), server.add_estate("翠湖苑")
    head_office = call(
        server,
        "POST",
        "/enroll",
        json={"code": server.code([], all_estates=True), "clock_id": "h"},
    ).json()["token"]
    assert push(server, head_office, building(theirs, row_id="tb"), unit(theirs, "tu", "tb"))
    token = enroll(server, [mine])
    before = log_count(server)
    r = push(server, token, building(mine), unit(mine, row_id="u9", building_id="tb"))
    assert r.status_code == 422 and r.json()["error"] == "cross_estate_reference"
    # a reference that is no foreign key is checked too (a complaint about their unit)
    complaint = wire(
        mine,
        "complaints",
        "c1",
        {"number": "TS-1", "received_at": "2026-11-30T08:00:00+00:00", "unit_id": "tu"},
    )
    r = push(server, token, complaint)
    assert r.status_code == 422 and r.json()["error"] == "cross_estate_reference"
    assert log_count(server) == before


def test_a_row_the_server_does_not_have_must_arrive_whole(server):
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    assert push(server, token, building(estate)).status_code == 200
    partial = wire(estate, "units", "u5", {"room": "505"})
    r = push(server, token, partial)
    assert r.status_code == 422 and r.json()["error"] == "incomplete_row"
    assert "building_id" in r.json()["message"] and "area_m2" in r.json()["message"]
    # an edit of a row the server has may carry one field
    assert push(server, token, unit(estate)).status_code == 200
    edit = wire(estate, "units", "u1", {"room": "102"}, change_id="edit-1")
    assert push(server, token, edit).status_code == 200
    with crud.new_session(server.engine) as s:
        assert s.get(Unit, "u1").room == "102"


def test_an_unreadable_change_in_the_request_names_itself(server):
    """FastAPI's own 422 used another body and named no change: the desk was stuck."""
    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    long_id = {**building(estate), "change_id": "x" * 37}
    no_fields = {**building(estate, row_id="b7"), "change_id": "c-7"}
    del no_fields["fields"]
    r = push(server, token, building(estate, row_id="b6"), no_fields)
    assert r.status_code == 422
    assert r.json() == {
        "error": "bad_change",
        "message": r.json()["message"],
        "change_id": "c-7",
        "permanent": True,
    }
    r = push(server, token, long_id)
    assert r.status_code == 422 and r.json()["error"] == "bad_request"
    assert set(r.json()) == {"error", "message", "change_id", "permanent"}
    r = call(server, "GET", "/sync/pull?cursor=-1", token=token)
    assert r.status_code == 422 and r.json()["error"] == "bad_request"
    r = call(server, "GET", "/no/such/path", token=token)
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    with crud.new_session(server.engine) as s:
        assert s.scalar(select(func.count()).select_from(Setting)) == 0


def test_a_value_an_older_server_stored_no_longer_breaks_every_pull(server):
    """A JSON value nested 900 deep, accepted before these checks, made every pull of its
    estate fail (for new devices too): it is left out, and the rest comes."""
    from sqlalchemy import insert

    estate = server.add_estate("阳光花园")
    token = enroll(server, [estate])
    with crud.new_session(server.engine) as s:
        s.execute(
            insert(ChangeLog),
            [
                {
                    "change_id": "stored-deep",
                    "device_id": "old",
                    "table_name": "settings",
                    "row_id": "s1",
                    "estate_id": estate,
                    "kind": "upsert",
                    "fields": {"key": "k", "value": nested(900)},
                    "hlc": "0000000000001-0000-old",
                    "received_at": crud.utcnow(),
                }
            ],
        )
        s.commit()
    assert push(server, token, building(estate)).status_code == 200
    page = call(server, "GET", "/sync/pull", token=enroll(server, [estate]))
    assert page.status_code == 200, page.text
    ids = [c["change_id"] for c in page.json()["changes"]]
    assert "stored-deep" not in ids and building(estate)["change_id"] in ids
    assert page.json()["more"] is False
