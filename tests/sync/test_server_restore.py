"""A server restored from a backup says so (a new epoch), and nothing is lost: desks pull
again from zero and send again what the server no longer has."""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import select

from app.store.models import Building
from sync import protocol
from sync.server import crud
from sync.server.cli import main
from sync.server.db import make_engine, migrate
from tests.sync.conftest import Server
from tests.sync.test_server_validation import building


def _call(server, method, path, token=None, **kw) -> httpx.Response:
    async def go():
        headers = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        async with httpx.AsyncClient(transport=server.transport(), base_url=server.url) as c:
            return await c.request(method, f"{protocol.API}{path}", headers=headers, **kw)

    return asyncio.run(go())


def _enrol(server, estate) -> str:
    r = _call(server, "POST", "/enroll", json={"code": server.code([estate])})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def _pull_all(server, token, cursor=0) -> tuple[list[str], int, str]:
    ids = []
    while True:
        page = _call(server, "GET", f"/sync/pull?cursor={cursor}", token=token).json()
        ids += [c["change_id"] for c in page["changes"]]
        cursor = page["cursor"]
        if not page["more"]:
            return ids, cursor, page["epoch"]


def test_a_restore_changes_the_epoch_and_loses_nothing(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    server = Server(engine)
    estate = server.add_estate("阳光花园")
    writer, reader = _enrol(server, estate), _enrol(server, estate)
    before = _call(server, "GET", "/health").json()
    first = building(estate, row_id="b1")
    assert _call(server, "POST", "/sync/push", token=writer, json={"changes": [first]})
    assert main(["backup", "--out", str(tmp_path / "nightly.sqlite3"), "--db", url]) == 0
    second = building(estate, row_id="b2", name="2栋")
    answer = _call(server, "POST", "/sync/push", token=writer, json={"changes": [second]})
    assert answer.json()["accepted"] == [second["change_id"]]  # the desk forgets it
    seen, cursor, epoch = _pull_all(server, reader)
    assert second["change_id"] in seen and epoch == before["epoch"]
    engine.dispose()

    # The disk failed; last night's backup goes back in place.
    assert main(["restore", "--from", str(tmp_path / "nightly.sqlite3"), "--db", url]) == 0
    assert "new epoch" in capsys.readouterr().out
    engine = make_engine(url)
    server = Server(engine)
    after = _call(server, "GET", "/health").json()
    assert after["server_id"] == before["server_id"]
    assert after["epoch"] != before["epoch"]

    # The reader's cursor is past the restore point; the epoch tells it to start over.
    page = _call(server, "GET", f"/sync/pull?cursor={cursor}", token=reader).json()
    assert page["epoch"] == after["epoch"] and page["changes"] == []
    seen, _, _ = _pull_all(server, reader, 0)
    assert first["change_id"] in seen and second["change_id"] not in seen
    # The writer reconciles: the server's row versions show what it no longer has...
    versions = _call(server, "GET", "/sync/rows?table=buildings", token=writer).json()
    assert versions["epoch"] == after["epoch"] and versions["more"] is False
    assert [r["row_id"] for r in versions["rows"]] == ["b1"]
    assert set(versions["rows"][0]["field_clocks"]) == {"name", "sort_key"}
    # ...and that goes up again, and lands.
    again = _call(server, "POST", "/sync/push", token=writer, json={"changes": [second]})
    assert again.status_code == 200, again.text
    third = building(estate, row_id="b3", name="3栋")
    assert _call(server, "POST", "/sync/push", token=writer, json={"changes": [third]})
    seen, _, _ = _pull_all(server, reader, 0)
    assert {first["change_id"], second["change_id"], third["change_id"]} <= set(seen)
    with crud.new_session(engine) as s:
        assert sorted(s.scalars(select(Building.id))) == ["b1", "b2", "b3"]
    engine.dispose()


def test_new_epoch_after_a_restore_by_other_means(server_url, capsys):
    engine = make_engine(server_url)
    server = Server(engine)
    before = _call(server, "GET", "/health").json()
    assert main(["new-epoch", "--db", server_url]) == 0
    after = _call(server, "GET", "/health").json()
    assert after["server_id"] == before["server_id"] and after["epoch"] != before["epoch"]
    estate = server.add_estate("阳光花园")
    pulled = _call(server, "GET", "/sync/pull", token=_enrol(server, estate)).json()
    assert (pulled["server_id"], pulled["epoch"]) == (after["server_id"], after["epoch"])
    other = server.add_estate("翠湖苑")
    mine = _call(server, "GET", "/sync/rows?table=estates", token=_enrol(server, estate)).json()
    assert [r["row_id"] for r in mine["rows"]] == [estate] and other != estate
    r = _call(server, "GET", "/sync/rows?table=nope", token=_enrol(server, estate))
    assert r.status_code == 404 and r.json()["error"] == "unknown_table"
    if engine.dialect.name == "postgresql":
        assert main(["restore", "--from", "x", "--db", server_url]) == 1
        assert "pg_restore" in capsys.readouterr().err
    engine.dispose()
