"""Rate limits on the endpoints a stranger can knock on: enrolment (guessing codes) and the
administrator's accounts endpoints (guessing passwords).

A sliding window per client address and endpoint group, in the server process (each
process of several behind a load balancer counts on its own, which still bounds guessing
to a small multiple). Over the limit the answer is 429 with ``Retry-After``, in the
server's one error body, before the request is read.
"""

from __future__ import annotations

import math
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from sync import protocol
from sync.server.errors import SyncError

# path prefix -> (requests, seconds) per client address
LIMITS: dict[str, tuple[int, float]] = {
    f"{protocol.API}/enroll": (30, 60.0),
    f"{protocol.API}/accounts/": (30, 60.0),
}


class RateLimits:
    def __init__(
        self,
        app: ASGIApp,
        limits: dict[str, tuple[int, float]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.limits = LIMITS if limits is None else limits
        self.clock = clock
        self._seen: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _group(self, path: str) -> str | None:
        return next((prefix for prefix in self.limits if path.startswith(prefix)), None)

    def wait_for(self, group: str, client: str) -> float:
        """Seconds until ``client`` may call ``group`` again; 0 when it may now (counted)."""
        allowed, window = self.limits[group]
        now = self.clock()
        with self._lock:
            seen = self._seen[(group, client)]
            while seen and seen[0] <= now - window:
                seen.popleft()
            if len(seen) >= allowed:
                return seen[0] + window - now
            seen.append(now)
            return 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        group = self._group(scope.get("path", "")) if scope["type"] == "http" else None
        if group is not None:
            client = (scope.get("client") or ("unknown", 0))[0]
            wait = self.wait_for(group, client)
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
