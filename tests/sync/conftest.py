"""A real sync server for the tests: SQLite and PostgreSQL, in-process or on loopback.

PostgreSQL: PROPDESK_TEST_PG_URL names a server (CI sets it; then these tests never
skip). Without it, a local server on 127.0.0.1:5432 is used if one answers. Each test
session creates its own database ``propdesk_test_<random>`` and drops it at the end.
"""

from __future__ import annotations

import asyncio
import os
import secrets

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.store.db import Database
from sync.client import SyncClient, SyncReport
from sync.server import crud
from sync.server.db import entity_metadata, make_engine, migrate
from sync.server.main import create_app
from sync.server.models import ServerBase

LOCAL_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _pg_admin_url() -> str | None:
    url = os.environ.get("PROPDESK_TEST_PG_URL")
    if url:
        return url
    try:
        engine = create_engine(LOCAL_PG, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return LOCAL_PG
    except Exception:
        return None


@pytest.fixture(scope="session")
def pg_url():
    admin_url = _pg_admin_url()
    if admin_url is None:
        pytest.skip("no PostgreSQL (set PROPDESK_TEST_PG_URL)")
    name = f"propdesk_test_{secrets.token_hex(4)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _all_tables():
    return [*ServerBase.metadata.sorted_tables, *entity_metadata().sorted_tables]


@pytest.fixture(params=["sqlite", "postgresql"])
def server_url(request, tmp_path):
    """A migrated, empty server database on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
        engine = make_engine(url)
        migrate(engine)
        engine.dispose()
        return url
    url = request.getfixturevalue("pg_url")
    engine = make_engine(url)
    names = ", ".join(t.name for t in _all_tables())
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def server(server_url):
    engine = make_engine(server_url)
    yield Server(engine)
    engine.dispose()


class Server:
    """The real FastAPI app, reached in-process through httpx's ASGI transport."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.app = create_app(engine)
        self.url = "http://propdesk.test"

    def transport(self) -> httpx.ASGITransport:
        return httpx.ASGITransport(app=self.app)

    def add_estate(self, name: str) -> str:
        from app.services.units import create_estate

        with crud.new_session(self.engine) as s, s.begin(), crud.server_writes(s):
            return create_estate(s, name).id

    def add_user(self, login: str, estate_ids: list[str], password="secret-123", role="admin"):
        from app.services.accounts import create_staff

        with crud.new_session(self.engine) as s, s.begin(), crud.server_writes(s):
            return create_staff(
                s,
                login=login,
                display_name=login,
                role=role,
                password=password,
                estate_ids=estate_ids,
            ).id

    def code(self, estate_ids: list[str], all_estates=False, hours=24) -> str:
        from datetime import timedelta

        with crud.new_session(self.engine) as s, s.begin():
            return crud.create_code(s, estate_ids, all_estates, timedelta(hours=hours))

    def client(self, db: Database) -> SyncClient:
        blobs = db.path.parent / f"{db.path.stem}-blobs"
        return SyncClient(db, transport=self.transport(), blob_dir=blobs)


class Device:
    """A workstation: its own database file and sync client."""

    def __init__(self, server: Server, path, estate_ids: list[str], all_estates=False):
        self.db = Database(path)
        self.server = server
        self.client = server.client(self.db)
        asyncio.run(self.client.enroll(server.url, server.code(estate_ids, all_estates), path.stem))

    def sync(self) -> SyncReport:
        return asyncio.run(self.client.sync())

    def close(self) -> None:
        self.db.close()


@pytest.fixture
def make_device(server, tmp_path):
    devices = []

    def make(name: str, estate_ids: list[str], all_estates=False) -> Device:
        device = Device(server, tmp_path / f"{name}.sqlite3", estate_ids, all_estates)
        devices.append(device)
        return device

    yield make
    for device in devices:
        device.close()
