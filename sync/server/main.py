"""The FastAPI application of the central server."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine

from app import __version__
from sync import protocol
from sync.server import accounts, errors, routes
from sync.server.crud import ServerClock
from sync.server.limits import BodyLimits
from sync.server.ratelimit import RateLimits
from sync.server.routes import router


def create_app(engine: Engine) -> FastAPI:
    api = FastAPI(
        title="PropDesk sync server",
        version=__version__,
        description="Devices of every estate push their changes and pull everyone else's.",
    )
    api.state.engine = engine
    api.state.clock = ServerClock()
    errors.install(api)
    api.add_middleware(BodyLimits, engine=engine)
    api.add_middleware(
        RateLimits, engine=engine
    )  # outermost: a flood is turned away before anything else
    api.include_router(router)
    api.include_router(accounts.router)
    # `/health` and `/version` at the root too, as docs/deploy.md says a load balancer or
    # monitor asks them: the same handlers, the same bodies as under /api/v1
    api.add_api_route(
        "/health", routes.health, response_model=protocol.Health, responses=routes.ERRORS
    )
    api.add_api_route("/version", routes.version, response_model=protocol.VersionInfo)
    return api
