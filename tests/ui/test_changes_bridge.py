"""Commits on a worker thread reach the UI thread as one signal; the clock ticks views."""

import threading
from datetime import UTC, datetime, timedelta

from app.clock import ManualClock
from app.services.units import create_estate
from ui.widgets.changes import ChangeBridge, ClockTicker, on_changes


def test_a_commit_on_a_worker_reaches_a_listening_widget_on_the_ui_thread(qtbot, db, app):
    from PySide6.QtWidgets import QWidget

    bridge = ChangeBridge(db.events)
    page = QWidget()
    qtbot.addWidget(page)
    got = []
    on_changes(bridge, page, ("estates",), lambda c: got.append((c, threading.current_thread())))
    on_changes(bridge, page, ("units",), lambda c: got.append("units?"))

    def write():
        with db.session() as s:
            create_estate(s, "星河湾")

    worker = threading.Thread(target=write)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    changes, thread = got[0]
    assert thread is threading.main_thread()
    assert changes.touches("estates")
    assert "units?" not in got


def test_the_ticker_emits_the_clocks_time(qtbot, app):
    clock = ManualClock(datetime(2026, 12, 1, 13, 47, tzinfo=UTC))
    ticker = ClockTicker(clock, interval_ms=10)
    clock.advance(timedelta(minutes=26))
    with qtbot.waitSignal(ticker.ticked, timeout=5000) as signal:
        pass
    assert signal.args[0] == datetime(2026, 12, 1, 14, 13, tzinfo=UTC)
