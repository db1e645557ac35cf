"""Schemathesis against the server's own OpenAPI document: generated requests to every
endpoint (with and without a token) never get a 500, and every answer is valid against
the schema. Bounded in examples per endpoint; the number of cases is printed."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from sync.server.db import make_engine, migrate
from sync.server.main import create_app

CASES = {"tried": 0}
TOKEN = {}


def _enrolled_token(engine, app) -> str:
    """A device's bearer token, so the fuzzing reaches past the token check too."""
    import asyncio
    from datetime import timedelta

    import httpx

    from app.services.units import create_estate
    from sync import protocol
    from sync.server import crud

    with crud.new_session(engine) as s, s.begin(), crud.server_writes(s):
        estate = create_estate(s, "阳光花园").id
    with crud.new_session(engine) as s, s.begin():
        code = crud.create_code(s, [estate], False, timedelta(hours=1))

    async def enroll():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            answer = await client.post(
                f"{protocol.API}/enroll",
                json={"code": code, "name": "fuzz"},
                headers={protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)},
            )
            return answer.json()["token"]

    return asyncio.run(enroll())


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('st') / 'server.sqlite3'}")
    migrate(engine)
    app = create_app(engine)
    TOKEN["value"] = _enrolled_token(engine, app)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    engine.dispose()
    print(f"\nschemathesis: {CASES['tried']} cases tried, no 500, every answer as documented")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_500_and_every_answer_matches_the_schema(case):
    CASES["tried"] += 1
    # every other case as an enrolled device, so the fuzzing reaches past the token check
    if CASES["tried"] % 2:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN['value']}"}
    response = case.call()
    case.validate_response(response, checks=(not_a_server_error, response_schema_conformance))
