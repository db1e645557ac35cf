"""The real thing on loopback: `propdesk-server serve` (uvicorn) in a subprocess, and the
`propdesk` command run as a subprocess against its own database file."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.sync.conftest import pg_url, server_url  # noqa: F401  (shared fixtures)

ROOT = Path(__file__).resolve().parents[2]
# The installed `propdesk` composes app commands with sync.cli; this is the same minus the
# Qt commands, so these tests do not depend on the GUI packages.
PROPDESK = (
    "import sys; from app.cli import main; from sync.cli import register; "
    "sys.exit(main(sys.argv[1:], extensions=[register]))"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra or {})
    return env


def _in_process(main, argv: list[str], stdin: str | None, env: dict) -> subprocess.CompletedProcess:
    """Run a command's ``main`` here (same code, no interpreter start-up per command)."""
    out, err = io.StringIO(), io.StringIO()
    saved_env = {k: os.environ.get(k) for k in env}
    saved_stdin = sys.stdin
    os.environ.update(env)
    sys.stdin = io.StringIO(stdin or "")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = saved_stdin
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def server_cmd(url: str, *args: str, stdin: str | None = None, env=None):
    from sync.server.cli import main

    return _in_process(main, [*args, "--db", url], stdin, env or {})


def propdesk(db: Path, *args: str, env=None, tmp: Path | None = None):
    """`propdesk ARGS --db DB`; in a real subprocess when ``env`` asks for a crash hook."""
    extra = {"PROPDESK_DATA_DIR": str(tmp or db.parent)}
    if env:
        extra.update(env)
        return subprocess.run(
            [sys.executable, "-c", PROPDESK, *args, "--db", str(db)],
            capture_output=True,
            text=True,
            env=_env(extra),
            cwd=ROOT,
            timeout=120,
        )
    from app.cli import main as cli_main
    from sync.cli import register

    return _in_process(
        lambda argv: cli_main(argv, extensions=[register]), [*args, "--db", str(db)], None, extra
    )


class ServerProcess:
    def __init__(self, url: str) -> None:
        self.db_url = url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self, env: dict | None = None) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "serve",
                "--db",
                self.db_url,
                "--port",
                str(self.port),
            ],
            env=_env(env),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode()}")
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()
        self.proc = None

    def admin(self, *args: str, stdin: str | None = None) -> str:
        done = server_cmd(self.db_url, *args, stdin=stdin)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()


@pytest.fixture
def live_server(server_url):  # noqa: F811
    server = ServerProcess(server_url)
    server.start()
    yield server
    server.stop()
