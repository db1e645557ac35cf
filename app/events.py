"""The in-process change notifier: after a commit, which tables and rows changed.

Operations publish by committing (``app.store.db.Database`` collects what each session
wrote and publishes after the commit, never after a rollback); a pulled sync page
publishes the same way. Listeners run on the publishing thread: the UI bridges them to a
Qt signal (``ui.widgets.changes``), so a screen refreshes on its own thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

ALL_ROWS: frozenset[str] = frozenset()  # "some rows of this table, which ones unknown"


@dataclass(frozen=True)
class Changes:
    """Table name -> ids of changed rows (empty: rows not listed, treat the table as changed)."""

    rows: dict[str, frozenset[str]] = field(default_factory=dict)
    source: str = "local"  # "local" for an operation, "sync" for a pulled page

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, *tables: str) -> bool:
        return any(table in self.rows for table in tables)

    def ids(self, table: str) -> frozenset[str]:
        return self.rows.get(table, frozenset())

    def __bool__(self) -> bool:
        return bool(self.rows)


class ChangeCollector:
    """Accumulates what one unit of work wrote, until it commits."""

    def __init__(self) -> None:
        self._rows: dict[str, set[str]] = {}
        self._whole: set[str] = set()

    def add(self, table: str, ids: Iterable[str] | None = None) -> None:
        """Note rows of ``table`` as changed; ``ids=None`` for rows not listed (bulk SQL)."""
        if ids is None:
            self._whole.add(table)
            self._rows.setdefault(table, set())
        else:
            self._rows.setdefault(table, set()).update(str(i) for i in ids)

    def take(self, source: str = "local") -> Changes:
        rows = {
            table: ALL_ROWS if table in self._whole else frozenset(ids)
            for table, ids in self._rows.items()
        }
        self._rows, self._whole = {}, set()
        return Changes(rows, source)


Listener = Callable[[Changes], None]


class ChangeNotifier:
    """Publish/subscribe for ``Changes``; one per open database (no global)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # one broken listener must not stop the others or the commit
                log.exception("change listener failed")
