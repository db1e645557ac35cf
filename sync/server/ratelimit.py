"""Rate limits on the endpoints a stranger can knock on: enrolment (guessing codes) and the
administrator's accounts endpoints (guessing passwords).

A sliding window per client address and endpoint group. The hits are rows of the server's
database (``server_rate_hits``), so several server processes behind a load balancer count
the same requests: a guesser gains nothing by being spread over them. Over the limit the
answer is 429 with ``Retry-After``, in the server's one error body, before the request is
read.
"""

from __future__ import annotations

import math
import time
import zlib
from collections.abc import Callable

from sqlalchemy import Engine, delete, func, select, text
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from sync import protocol
from sync.server.errors import SyncError
from sync.server.models import RateHit

# path prefix -> (requests, seconds) per client address
LIMITS: dict[str, tuple[int, float]] = {
    f"{protocol.API}/enroll": (30, 60.0),
    f"{protocol.API}/accounts/": (30, 60.0),
}


def wall_seconds() -> float:
    """Wall-clock time, the one clock every process of the server shares."""
    return time.time()


class RateLimits:
    def __init__(
        self,
        app: ASGIApp,
        engine: Engine,
        limits: dict[str, tuple[int, float]] | None = None,
        clock: Callable[[], float] = wall_seconds,
    ) -> None:
        self.app = app
        self.engine = engine
        self.limits = LIMITS if limits is None else limits
        self.clock = clock

    def _group(self, path: str) -> str | None:
        return next((prefix for prefix in self.limits if path.startswith(prefix)), None)

    def wait_for(self, group: str, client: str) -> float:
        """Seconds until ``client`` may call ``group`` again; 0 when it may now (counted)."""
        allowed, window = self.limits[group]
        bucket = f"{group} {client}"
        now_ms = round(self.clock() * 1000)
        since_ms = now_ms - round(window * 1000)
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # one bucket's count and insert at a time, across every process
                key = zlib.crc32(bucket.encode()) - 2**31  # the lock takes two int4
                conn.execute(
                    text("SELECT pg_advisory_xact_lock(1, CAST(:k AS integer))"), {"k": key}
                )
            conn.execute(delete(RateHit).where(RateHit.bucket == bucket, RateHit.at_ms <= since_ms))
            count, oldest = conn.execute(
                select(func.count(), func.min(RateHit.at_ms)).where(RateHit.bucket == bucket)
            ).one()
            if count >= allowed:
                return (oldest - since_ms) / 1000
            conn.execute(RateHit.__table__.insert().values(bucket=bucket, at_ms=now_ms))
            return 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        group = self._group(scope.get("path", "")) if scope["type"] == "http" else None
        if group is not None:
            client = (scope.get("client") or ("unknown", 0))[0]
            wait = await run_in_threadpool(self.wait_for, group, client)
            if wait > 0:
                seconds = max(1, math.ceil(wait))
                refusal = SyncError(
                    429,
                    "too_many_requests",
                    f"Too many requests from this address; try again in {seconds} s",
                )
                response = refusal.response()
                response.headers["Retry-After"] = str(seconds)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
