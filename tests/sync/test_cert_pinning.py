"""A desk enrolling over HTTPS pins the server's certificate given with the enrolment code:
the right fingerprint enrols (and every later sync trusts that certificate alone), a wrong
one is refused before the code is spent, and a server that later shows another certificate
is refused with a sentence. Against a real uvicorn TLS server on loopback with self-signed
certificates made by openssl.

Issue 16: "A desk enrolling over HTTPS can pin the server's certificate, given with the
enrolment code."
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.store.db import Database
from app.store.recorder import get_state
from sync import client as sync_client
from sync.client.transport_security import PIN, normalise_pin
from sync.server import crud
from sync.server.db import make_engine
from sync.server.models import EnrolCode
from tests.e2e.conftest import free_port, server_cmd

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes certs")
ROOT = Path(__file__).parents[2]


def certificate(folder: Path, name: str) -> tuple[Path, Path]:
    cert, key = folder / f"{name}.pem", folder / f"{name}-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}"]
        + ["-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return cert, key


def openssl_fingerprint(cert: Path) -> str:
    out = subprocess.run(
        ["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", str(cert)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return out.strip().split("=", 1)[1]


class TlsServer:
    def __init__(self, db_url: str, port: int) -> None:
        self.db_url, self.port = db_url, port
        self.url = f"https://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self, cert: Path, key: Path) -> None:
        argv = ["serve", "--db", self.db_url, "--port", str(self.port)]
        argv += ["--certfile", str(cert), "--keyfile", str(key)]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sync.server.cli", *argv],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                httpx.get(f"{self.url}/api/v1/health", verify=False, timeout=2)
                return
            except httpx.TransportError:
                time.sleep(0.05)  # polling for the server to listen (a condition, a deadline)
        raise RuntimeError("the TLS server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


@pytest.fixture
def tls(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert server_cmd(url, "migrate").returncode == 0
    assert server_cmd(url, "estates", "add", "阳光花园").returncode == 0
    server = TlsServer(url, free_port())
    yield server
    server.stop()


def code_used(db_url: str, code: str) -> bool:
    from sync.server.security import digest, normalise_code

    engine = make_engine(db_url)
    try:
        with crud.new_session(engine) as s:
            return s.get(EnrolCode, digest(normalise_code(code))).used_at is not None
    finally:
        engine.dispose()


def test_the_right_pin_enrols_a_wrong_one_is_refused_before_the_code_is_spent(tls, tmp_path):
    cert, key = certificate(tmp_path, "server")
    impostor, impostor_key = certificate(tmp_path, "impostor")
    printed = server_cmd(tls.db_url, "enroll-code", "--estate", "阳光花园", "--certfile", str(cert))
    assert printed.returncode == 0, printed.stderr
    code, pin_line = printed.stdout.splitlines()[:2]
    pin = pin_line.removeprefix("pin ")
    assert pin == openssl_fingerprint(cert)  # what the administrator can check by hand
    tls.start(cert, key)
    db = Database(tmp_path / "desk.sqlite3")

    wrong = openssl_fingerprint(impostor)
    with pytest.raises(sync_client.SyncFailure) as refused:
        sync_client.run_enroll(db, tls.url, code, "desk", pin=wrong)
    assert refused.value.code == "sync.pin_mismatch"
    assert pin in str(refused.value) and wrong in str(refused.value)
    assert not code_used(tls.db_url, code)  # nothing was sent: the code still works
    assert sync_client.SyncClient(db).state(sync_client.TOKEN) is None

    answer = sync_client.run_enroll(db, tls.url, code, "desk", pin=pin.replace(":", "").lower())
    assert answer.token and code_used(tls.db_url, code)
    with db.session() as s:
        assert get_state(s, PIN) == normalise_pin(pin)
    sync_client.run_sync(db)  # every later request trusts that certificate alone

    tls.stop()
    tls.start(impostor, impostor_key)  # another computer answers at the same address
    with pytest.raises(sync_client.SyncFailure) as changed:
        sync_client.run_sync(db)
    assert changed.value.code == "sync.certificate_refused"
    assert "does not trust" in str(changed.value)


def test_a_pin_needs_https_and_must_read_as_a_fingerprint(tls, tmp_path):
    db = Database(tmp_path / "desk.sqlite3")
    with pytest.raises(sync_client.SyncFailure) as bad:
        sync_client.run_enroll(db, tls.url, "ABCD-EFGH", "desk", pin="not-a-fingerprint")
    assert bad.value.code == "sync.pin_invalid"
    with pytest.raises(sync_client.SyncFailure) as plain:
        sync_client.run_enroll(db, "http://127.0.0.1:9", "ABCD-EFGH", "desk", pin="ab" * 32)
    assert plain.value.code == "sync.pin_needs_https"


def test_the_desk_command_takes_the_pin(tls, tmp_path):
    cert, key = certificate(tmp_path, "server")
    printed = server_cmd(tls.db_url, "enroll-code", "--estate", "阳光花园", "--certfile", str(cert))
    code, pin_line = printed.stdout.splitlines()[:2]
    tls.start(cert, key)
    propdesk = str(Path(sys.executable).parent / "propdesk")  # the installed entry point
    desk = [propdesk, "enroll", "--db", str(tmp_path / "d.sqlite3")]
    desk += ["--server", tls.url, "--code", code]
    refused = subprocess.run([*desk, "--pin", "00" * 32], cwd=ROOT, capture_output=True, text=True)
    assert refused.returncode != 0 and "not the one the administrator named" in refused.stderr
    done = subprocess.run(
        [*desk, "--pin", pin_line.removeprefix("pin ")], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Enrolled as device" in done.stdout
