"""How the reception tabs call operations: reads on the runner's read pool, writes on its
write worker, results back on the UI thread; the operations come from
``app.services.reception``. A tab never opens a unit of work itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.services.reception import (
    context,
    keys,
    notices,
    paid,
    queries,
    register,
    visitors,
    workorders,
)
from ui.context import AppContext

__all__ = [
    "Actions",
    "context",
    "keys",
    "notices",
    "paid",
    "queries",
    "register",
    "visitors",
    "workorders",
]


class Actions:
    """The desk's context bound once: ``read`` and ``write`` run ``work(db)``."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.estate_id = ctx.estate_id
        self.user_id = ctx.user_id

    def now(self):
        return self.ctx.clock.now()

    def read(
        self,
        parent: QWidget,
        work: Callable[[], Any],
        done: Callable[[Any], Any],
        failed: Callable[[BaseException], Any] | None = None,
    ):
        op = self.ctx.runner.query(parent, lambda _p: work()).success(done)
        if failed is not None:
            op.failure(failed)
        return op.run()

    def write(
        self,
        parent: QWidget,
        work: Callable[[], Any],
        done: Callable[[Any], Any] | None = None,
        failed: Callable[[BaseException], Any] | None = None,
    ):
        op = self.ctx.runner.write(parent, lambda _p: work())
        if done is not None:
            op.success(done)
        if failed is not None:
            op.failure(failed)
        return op.run()
