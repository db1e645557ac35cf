"""The FastAPI application of the central server."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from app import __version__
from sync.server.crud import ServerClock
from sync.server.errors import SyncError
from sync.server.routes import router


def create_app(engine: Engine) -> FastAPI:
    api = FastAPI(
        title="PropDesk sync server",
        version=__version__,
        description="Devices of every estate push their changes and pull everyone else's.",
    )
    api.state.engine = engine
    api.state.clock = ServerClock()

    @api.exception_handler(SyncError)
    async def sync_error(_request: Request, exc: SyncError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    api.include_router(router)
    return api
