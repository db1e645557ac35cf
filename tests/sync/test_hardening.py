"""The server on a real network: rate limits on enrolment and the administrator's
endpoints, no CORS, TLS options of `serve`. On the real app through httpx's transport."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from sync import protocol
from sync.server.db import make_engine
from sync.server.ratelimit import LIMITS, RateLimits

HEADERS = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}


def calls(server, method, path, times, headers=None, **kw) -> list[httpx.Response]:
    async def go():
        async with httpx.AsyncClient(transport=server.transport(), base_url=server.url) as c:
            return [
                await c.request(
                    method, f"{protocol.API}{path}", headers={**HEADERS, **(headers or {})}, **kw
                )
                for _ in range(times)
            ]

    return asyncio.run(go())


def test_guessing_enrolment_codes_is_slowed_to_the_limit(server):
    allowed, _window = LIMITS[f"{protocol.API}/enroll"]
    answers = calls(server, "POST", "/enroll", allowed + 2, json={"code": "AAAA-BBBB-CCCC"})
    assert all(a.status_code != 429 for a in answers[:allowed])
    last = answers[-1]
    assert last.status_code == 429
    assert int(last.headers["Retry-After"]) >= 1
    assert last.json()["error"] == "too_many_requests"
    assert "Traceback" not in last.text


def test_guessing_an_administrator_password_is_slowed_too(server):
    allowed, _window = LIMITS[f"{protocol.API}/accounts/"]
    answers = calls(
        server,
        "POST",
        "/accounts/password",
        allowed + 1,
        json={"login": "admin", "password": "guess", "new_password": "whatever-1"},
    )
    assert answers[-1].status_code == 429
    assert all(a.status_code != 429 for a in answers[:allowed])


def test_the_window_slides(server_url):
    engine = make_engine(server_url)
    now = [1_000.0]
    limits = RateLimits(None, engine, {"/x": (2, 10.0)}, clock=lambda: now[0])
    assert limits.wait_for("/x", "10.0.0.1") == 0
    assert limits.wait_for("/x", "10.0.0.1") == 0
    assert limits.wait_for("/x", "10.0.0.1") == 10.0
    assert limits.wait_for("/x", "10.0.0.2") == 0  # another address counts on its own
    now[0] = 1_010.5
    assert limits.wait_for("/x", "10.0.0.1") == 0
    engine.dispose()


def test_server_processes_count_the_same_hits(server_url):
    """Issue 15: rate-limit counters are shared by every process behind a load balancer,
    so spreading guesses over two processes gains nothing."""
    engines = [make_engine(server_url), make_engine(server_url)]  # one per process
    now = [1_000.0]
    first, second = (
        RateLimits(None, engine, {"/x": (3, 60.0)}, clock=lambda: now[0]) for engine in engines
    )
    waits = [limiter.wait_for("/x", "10.0.0.9") for limiter in (first, second, first, second)]
    assert waits[:3] == [0, 0, 0]
    assert waits[3] == 60.0
    for engine in engines:
        engine.dispose()


def test_no_cross_origin_access(server):
    origin = {"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"}
    for method in ("GET", "OPTIONS"):
        (answer,) = calls(server, method, "/health", 1, headers=origin)
        assert "access-control-allow-origin" not in {k.lower() for k in answer.headers}


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
def test_serve_speaks_https_with_the_given_certificate(tmp_path):
    from sync.server.cli import main
    from tests.e2e.conftest import free_port

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert main(["migrate", "--db", url]) == 0
    assert main(["serve", "--db", url, "--certfile", str(cert)]) == 2  # the key is missing
    port = free_port()
    argv = ["serve", "--db", url, "--port", str(port), "--certfile", str(cert)]
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", *argv, "--keyfile", str(key)],
        cwd=Path(__file__).parents[2],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        health = f"https://127.0.0.1:{port}{protocol.API}/health"
        deadline = time.monotonic() + 30
        trusted = ssl.create_default_context(cafile=str(cert))
        answer = None
        while answer is None and time.monotonic() < deadline and process.poll() is None:
            try:
                answer = httpx.get(health, verify=trusted, timeout=2)
            except httpx.ConnectError:
                time.sleep(0.05)  # polling for the server to listen (a condition, with a deadline)
        assert answer is not None and answer.status_code == 200, process.poll()
        with pytest.raises(httpx.HTTPError):  # plain HTTP is not served
            httpx.get(f"http://127.0.0.1:{port}{protocol.API}/health", timeout=2)
    finally:
        process.terminate()
        process.wait(timeout=30)
