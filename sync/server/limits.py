"""Request bodies are weighed before they are read.

FastAPI reads a body whole before any dependency runs, so the token check in the routes
came after an unauthenticated upload had filled memory. This ASGI middleware answers
first, from the headers alone:

- a request that writes (POST, PUT) must say its ``Content-Length`` (411 otherwise) and
  stay within the limit of its endpoint (413);
- outside enrolment, its bearer token must be one the server knows (401/403), checked
  against the database before a byte of the body is read;
- a body longer than it said is cut off (413).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio.to_thread
from starlette.types import ASGIApp, Receive, Scope, Send

from sync import protocol
from sync.server.crud import device_for_token, new_session
from sync.server.errors import SyncError

OPEN_PATHS = (f"{protocol.API}/enroll",)  # no token yet
MAX_OTHER_BYTES = 64 * 1024


def limit_for(path: str) -> int:
    if path == f"{protocol.API}/sync/push":
        return protocol.MAX_PUSH_BYTES
    if path.startswith(f"{protocol.API}/blobs/"):
        return protocol.MAX_BLOB_BYTES
    return MAX_OTHER_BYTES


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


class BodyLimits:
    def __init__(self, app: ASGIApp, engine: Any) -> None:
        self.app = app
        self.engine = engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        headers = _headers(scope)
        try:
            if path not in OPEN_PATHS:
                await anyio.to_thread.run_sync(self._check_token, headers.get("authorization"))
            declared = self._declared_length(headers, limit_for(path))
        except SyncError as refusal:
            await refusal.response()(scope, receive, send)
            return
        await self.app(scope, self._capped(receive, declared), send)

    @staticmethod
    def _declared_length(headers: dict[str, str], limit: int) -> int:
        raw = headers.get("content-length")
        if raw is None:
            raise SyncError(411, "length_required", "Say the length of the body (Content-Length)")
        try:
            declared = int(raw)
        except ValueError:
            raise SyncError(400, "bad_request", "Content-Length is not a number") from None
        if declared > limit:
            raise SyncError(
                413,
                "body_too_large",
                f"The body holds {declared} bytes; this endpoint takes at most {limit}",
            )
        return declared

    def _check_token(self, authorization: str | None) -> None:
        token = None
        if authorization and authorization.lower().startswith("bearer "):
            token = authorization[7:].strip()
        with new_session(self.engine) as s:
            device_for_token(s, token)

    @staticmethod
    def _capped(receive: Receive, declared: int) -> Callable[[], Awaitable[dict]]:
        seen = 0

        async def capped() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > declared:
                    raise SyncError(
                        413, "body_too_large", "The body is longer than its Content-Length"
                    )
            return message

        return capped
