"""Python's cycle collector runs on the UI thread only (ui.widgets.collector): a worker's
automatic collection freed Qt wrappers made on the UI thread and deadlocked the test run
(the worker waited for the GIL inside a Qt connection lock the UI thread waited for)."""

from __future__ import annotations

import gc
import threading

from ui.widgets.collector import UiThreadCollector


class _Cycle:
    def __init__(self, freed_on: list[str]) -> None:
        self.me = self  # a reference cycle: only the collector frees it
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def test_garbage_is_collected_on_the_ui_thread_never_on_a_worker(qtbot, app):
    assert app.findChild(UiThreadCollector) is not None
    assert not gc.isenabled()
    freed_on: list[str] = []
    _Cycle(freed_on)

    kept = []

    def allocate() -> None:  # what starts an automatic collection where it is on
        kept.extend([n] for n in range(20_000))

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert freed_on == []
    qtbot.waitUntil(lambda: freed_on == [threading.main_thread().name], timeout=5000)
    kept.clear()
