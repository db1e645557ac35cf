"""Refusals the server answers with, as JSON :class:`sync.protocol.ErrorBody`.

Every answer that is not a success has the one body ``{error, message, change_id,
permanent}``: the server's own refusals, FastAPI's request validation (422), routing
errors (404, 405) and any unexpected failure (500, logged here, never sent: no stack
trace and no SQL leaves the server).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

log = logging.getLogger("propdesk.server")


class SyncError(Exception):
    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        change_id: str | None = None,
        permanent: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.change_id = change_id
        # a 422 is a refusal of what was sent: sending it again gets the same answer
        self.permanent = permanent or status == 422

    def body(self) -> dict:
        return {
            "error": self.error,
            "message": self.message,
            "change_id": self.change_id,
            "permanent": self.permanent,
        }

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), status_code=self.status)


def _change_of(body: Any, loc: tuple) -> str | None:
    """The change a validation error points into (``body.changes[i]``), if it has an id."""
    if len(loc) >= 3 and loc[0] == "body" and loc[1] == "changes" and isinstance(loc[2], int):
        try:
            change_id = body["changes"][loc[2]]["change_id"]
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(change_id, str) and 0 < len(change_id) <= 36:
            return change_id
    return None


def validation_refusal(exc: RequestValidationError) -> SyncError:
    errors = exc.errors()
    first = errors[0] if errors else {}
    loc = tuple(first.get("loc", ()))
    where = ".".join(str(p) for p in loc) or "request"
    what = str(first.get("msg", "invalid"))
    change_id = _change_of(getattr(exc, "body", None), loc)
    if change_id is not None:
        # One change the server cannot read: set aside on the desk, the rest flows.
        return SyncError(
            422, "bad_change", f"change {change_id}: {where}: {what}", change_id, permanent=True
        )
    # Sending the same request again gets the same answer: every 422 is permanent.
    return SyncError(
        422, "bad_request", f"The request is malformed at {where}: {what}", permanent=True
    )


def install(api: FastAPI) -> None:
    @api.exception_handler(SyncError)
    async def sync_error(_request: Request, exc: SyncError) -> JSONResponse:
        return exc.response()

    @api.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return validation_refusal(exc).response()

    @api.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        error = codes.get(exc.status_code, "http_error")
        refusal = SyncError(exc.status_code, error, str(exc.detail))
        response = refusal.response()
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @api.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The type and the statement-free message go to the log; parameters never do
        # (the engine hides them), the answer carries neither.
        log.error(
            "%s %s failed: %s",
            request.method,
            request.url.path,
            type(exc).__name__,
            exc_info=exc,
        )
        return SyncError(
            500,
            "server_error",
            "The server failed to handle this request; it was logged. Try again later.",
        ).response()
