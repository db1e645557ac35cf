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


# Runs a command with one function wrapped so that, once it has returned, the process
# writes the marker file and waits there (inside whatever transaction or request called
# it) until the test kills it: a crash at that exact point, with no hook in the product.
HOLD = """
import sys, importlib, threading, pathlib
module_name, name, marker = sys.argv[1:4]
module = importlib.import_module(module_name)
original = getattr(module, name)
def held(*args, **kwargs):
    result = original(*args, **kwargs)
    pathlib.Path(marker).write_text("held")
    threading.Event().wait()
    return result
setattr(module, name, held)
sys.argv = [sys.argv[0], *sys.argv[4:]]
exec(sys.argv.pop(1))
"""


class Held:
    """A process held at a point (see HOLD): ``wait_held()`` then ``kill()``."""

    def __init__(self, argv: list[str], target: str, marker: Path, env: dict) -> None:
        module_name, name = target.rsplit(".", 1)
        self.marker = marker
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, module_name, name, str(marker), *argv],
            env=_env(env),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def wait_held(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not self.marker.exists():
            if self.proc.poll() is not None:
                raise AssertionError(f"exited before the point: {self.proc.stderr.read()!r}")
            if time.monotonic() > deadline:
                raise AssertionError("never reached the point")
            time.sleep(0.05)

    def kill(self) -> int:
        self.proc.kill()  # SIGKILL: no clean-up, no commit, as a power cut
        code = self.proc.wait(10)
        self.proc.stderr.close()
        return code


def propdesk_held(db: Path, target: str, *args: str, tmp: Path | None = None) -> Held:
    """`propdesk ARGS --db DB` in a subprocess held after ``target`` (module.function)."""
    marker = (tmp or db.parent) / f"held-{time.monotonic_ns()}"
    env = {"PROPDESK_DATA_DIR": str(tmp or db.parent)}
    return Held([PROPDESK, *args, "--db", str(db)], target, marker, env)


def propdesk(db: Path, *args: str, env=None, tmp: Path | None = None):
    """`propdesk ARGS --db DB`, run here (same code, no interpreter start-up)."""
    extra = {"PROPDESK_DATA_DIR": str(tmp or db.parent)}
    extra.update(env or {})
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

    def start(self, env: dict | None = None, hold_after: str | None = None, marker=None):
        """Serve; with ``hold_after`` (module.function) the server is held once that
        function returned (see HOLD), and ``self.held`` kills it there."""
        argv = ["serve", "--db", self.db_url, "--port", str(self.port)]
        self.held = None
        if hold_after is not None:
            code = "import sys; from sync.server.cli import main; sys.exit(main(sys.argv[1:]))"
            self.held = Held([code, *argv], hold_after, marker, env or {})
            self.proc = self.held.proc
        else:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sync.server.cli", *argv],
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
