"""The real server process on loopback (`propdesk-server serve`, uvicorn): a failed
commit leaks nothing into later requests, and one enrolment code enrols one device
however many desks use it at once."""

from __future__ import annotations

import threading
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select, text

from sync import protocol
from sync.server import crud
from sync.server.db import make_engine
from sync.server.models import Device
from tests.e2e.conftest import ServerProcess

HEADERS = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}


@pytest.fixture
def live(server_url):
    process = ServerProcess(server_url)
    process.start()
    engine = make_engine(server_url)
    yield process, engine
    process.stop()
    engine.dispose()


def _estate(engine, name: str) -> str:
    from app.services.units import create_estate

    with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
        return create_estate(s, name).id


def _code(engine, estate_ids) -> str:
    with crud.new_session(engine) as s, s.begin():
        return crud.create_code(s, estate_ids, False, timedelta(hours=1))


def _call(process, method, path, token=None, **kw) -> httpx.Response:
    headers = dict(HEADERS)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.request(
        method, f"{process.url}{protocol.API}{path}", headers=headers, timeout=30, **kw
    )


def _enroll(process, engine, estate) -> str:
    r = _call(process, "POST", "/enroll", json={"code": _code(engine, [estate]), "clock_id": "d"})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def _change(estate, table, row_id, fields, change_id):
    return {
        "change_id": change_id,
        "table": table,
        "row_id": row_id,
        "estate_id": estate,
        "kind": "upsert",
        "fields": fields,
        "hlc": f"{crud.now_ms():013d}-0000-d",
    }


def test_a_refused_push_leaks_nothing_into_the_next_requests(live):
    """A resident whose unit does not exist: its COMMIT failed on SQLite (deferred foreign
    key), answered 500 and left the transaction open on a pooled connection; the next
    pull was served the never-committed row and a sequence number used again later."""
    process, engine = live
    estate = _estate(engine, "阳光花园")
    pusher, puller = _enroll(process, engine, estate), _enroll(process, engine, estate)
    seen: list[str] = []
    cursor = 0
    for attempt in range(3):  # enough requests to land on each pooled connection
        orphan = _change(
            estate, "residents", f"r{attempt}", {"unit_id": "nope", "name": "王芳"}, f"o{attempt}"
        )
        r = _call(process, "POST", "/sync/push", pusher, json={"changes": [orphan]})
        assert r.status_code == 422, r.text
        assert r.json()["error"] == "missing_reference" and r.json()["change_id"] == f"o{attempt}"
        page = _call(process, "GET", f"/sync/pull?cursor={cursor}", puller).json()
        seen += [c["change_id"] for c in page["changes"]]
        cursor = page["cursor"]
    good = _change(estate, "buildings", "b1", {"name": "1栋", "sort_key": 1}, "good-1")
    r = _call(process, "POST", "/sync/push", pusher, json={"changes": [good]})
    assert r.status_code == 200, r.text
    page = _call(process, "GET", f"/sync/pull?cursor={cursor}", puller).json()
    seen += [c["change_id"] for c in page["changes"]]
    assert not [c for c in seen if c.startswith("o")], "uncommitted changes were served"
    assert "good-1" in seen, "the puller's cursor passed the real change"


def test_a_connection_whose_commit_failed_goes_back_to_the_pool_clean(tmp_path):
    """What the server relies on, at the engine: SQLite keeps a transaction open when a
    deferred foreign key fails its COMMIT, and SQLAlchemy returned that connection to
    the pool without rolling it back."""
    from sync.server.db import migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    migrate(engine)
    with crud.new_session(engine) as s:
        s.execute(text("PRAGMA defer_foreign_keys=ON"))
        s.execute(
            text(
                "INSERT INTO residents (id, estate_id, updated_hlc, field_clocks, deleted,"
                " unit_id, role, name, phone, id_number, note)"
                " VALUES ('r1', 'e', '', '{}', 0, 'nope', 'owner', 'n', '', '', '')"
            )
        )
        with pytest.raises(Exception, match="FOREIGN KEY"):
            s.commit()
    for _ in range(engine.pool.size() + 1):
        with crud.new_session(engine) as s:
            assert s.scalar(text("SELECT count(*) FROM residents")) == 0
    engine.dispose()


def test_eight_desks_enrolling_with_one_code_at_once_enrol_one(live):
    process, engine = live
    estate = _estate(engine, "阳光花园")
    code = _code(engine, [estate])
    start = threading.Barrier(8)
    answers: list[int] = []

    def enrol(n: int) -> None:
        start.wait()
        r = _call(process, "POST", "/enroll", json={"code": code, "clock_id": f"c{n}"})
        answers.append(r.status_code)

    threads = [threading.Thread(target=enrol, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(answers) == [200] + [403] * 7
    with crud.new_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Device)) == 1


def _raw(process, head: str, body: bytes = b"", timeout: float = 5.0) -> bytes:
    """Send a request exactly as written (headers that promise more than is sent)."""
    import socket

    with socket.create_connection(("127.0.0.1", process.port), timeout=timeout) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + body)
        answer = b""
        while chunk := sock.recv(65536):  # the server closes after its answer
            answer += chunk
        return answer


def test_a_body_is_weighed_and_its_sender_known_before_it_is_read(live):
    """An unauthenticated 800 MB upload took 1.66 GB of memory: the body was read whole
    before the token was checked. Now the headers alone answer; the server never waits
    for a body it will not take (each request here sends none)."""
    process, engine = live
    estate = _estate(engine, "阳光花园")
    token = _enroll(process, engine, estate)
    schema = f"{protocol.SCHEMA_HEADER}: {protocol.SCHEMA_VERSION}"
    sha = "0" * 64
    push = "POST /api/v1/sync/push"
    cases = [
        (f"PUT /api/v1/blobs/{sha}", "Content-Length: 800000000", "", b"", b" 401 "),
        (f"PUT /api/v1/blobs/{sha}", "Content-Length: 800000000", token, b"", b" 413 "),
        (push, "Content-Length: 90000000", token, b"", b" 413 "),
        (push, "Content-Length: 1000", "not-a-token", b"", b" 401 "),
        # no length said: refused at the first chunk, the rest never awaited
        (push, "Transfer-Encoding: chunked", token, b'5\r\n{"cha\r\n', b" 411 "),
    ]
    for line, length, bearer, body, status in cases:
        auth = f"Authorization: Bearer {bearer}\n" if bearer else ""
        head = f"{line} HTTP/1.1\nHost: x\n{schema}\n{auth}{length}\nConnection: close\n\n"
        answer = _raw(process, head, body)
        assert status in answer.split(b"\r\n", 1)[0], (line, length, answer[:200])
        assert b'"permanent"' in answer
    assert _call(process, "GET", "/health").status_code == 200


def test_a_database_error_logs_no_parameters(tmp_path, caplog):
    """A database error logged its SQL parameters: an argon2 hash, names, phones."""
    from sync.server.db import migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    migrate(engine)
    secret = "$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0$do-not-log-me"
    with crud.new_session(engine) as s, pytest.raises(Exception) as failure:
        s.execute(
            text("INSERT INTO server_state (key, value) VALUES (:k, :v), (:k, :v)"),
            {"k": "same", "v": secret},
        )
    assert "UNIQUE" in str(failure.value)
    assert secret not in str(failure.value) and "same" not in str(failure.value)
    engine.dispose()
