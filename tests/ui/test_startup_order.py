"""Start-up order (issue 15): the start page paints with its data before the sync
machinery (sync.overview, the sync client, httpx, pydantic) is imported; the status bar's
sync state and background sync follow a moment later."""

import ast
import os
import subprocess
import sys
import threading

from PySide6.QtCore import Qt

SYNC_MACHINERY = ("sync.overview", "sync.client", "httpx", "pydantic")


def test_the_start_page_paints_with_its_data_before_sync_is_imported(db, admin, tmp_path):
    """The real start-up (as bench/startup.py runs it): at the moment the dashboard has
    painted with its numbers, none of the sync machinery is loaded yet."""
    script = (
        "import sys, pathlib; import ui.app as start\n"
        "report = start._report_paint\n"
        "def noting(label):\n"
        "    printed = report(label)\n"
        "    def note():\n"
        "        printed()\n"
        "        if label == 'data-painted':\n"
        f"            print('loaded', sorted(m for m in {SYNC_MACHINERY!r} if m in sys.modules))\n"
        "    return note\n"
        "start._report_paint = noting\n"
        f"start.run(pathlib.Path({str(db.path)!r}), 'en', first_paint_exit=True,"
        " start_page='dashboard')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert any(line.startswith("data-painted ") for line in lines), done.stdout
    loaded = next(line for line in lines if line.startswith("loaded "))
    assert ast.literal_eval(loaded.removeprefix("loaded ")) == []


def test_the_status_bar_is_there_at_once_and_its_sync_part_follows_the_first_paint(ctx, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    # at once: who, which estate; the sync state is still to come, background sync too
    assert window.status.user.text() == "王经理 · Administrator"
    assert window.status.estate.text() == "阳光花园"
    assert window.status.sync.text() == "Sync: …"
    assert getattr(ctx.events, "background_sync", None) is None
    window.show()
    # after the start page has painted (and its reads are in): the true sync state,
    # background sync started, F9 bound
    qtbot.waitUntil(lambda: window.status.sync.text() == "Sync not set up")
    qtbot.waitUntil(lambda: getattr(ctx.events, "background_sync", None) is not None)
    background = ctx.events.background_sync
    assert window.background_sync is background
    assert background.every.isActive()
    started = []
    background.started.connect(lambda: started.append(True))
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert started == [True]
    background.stop()


def test_background_sync_asked_for_right_after_attach_is_made_then_and_only_once(ctx, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    background = window.background_sync  # before any paint: made now, started
    assert background.every.isActive()
    background.stop()  # a test syncing by hand
    window.show()
    qtbot.waitUntil(lambda: window.status.sync.text() == "Sync not set up")
    window.attach_sync()  # what the first paint calls: it starts nothing again
    assert window.background_sync is background
    assert not background.every.isActive()


def test_sync_waits_for_the_start_page_reads_however_long_they_take(ctx, qtbot, monkeypatch):
    """Not a guess of how long the reads take: while one read of the start page is still
    under way, the window has painted and the hidden-window fallback has fired, sync is not
    attached; once the read is in, the window paints (``data_painted``) and sync follows."""
    import ui.main_window
    from ui.main_window import MainWindow

    monkeypatch.setattr(ui.main_window, "SYNC_HIDDEN_MS", 0)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_page("dashboard")  # as start-up does: asked for before attach
    window.attach(ctx)
    page = window.pages["dashboard"]
    release = threading.Event()
    ctx.runner.query(page, lambda _p: release.wait(30)).run()  # a slow read of the page
    seen = []
    window.data_painted.connect(
        lambda: seen.append((page.data is not None, window._background_sync is None))
    )
    window.show()
    qtbot.waitUntil(lambda: page.data is not None and window._page_painted)
    qtbot.waitUntil(lambda: ctx.runner.running() == 1)  # only the slow read is left
    assert seen == []
    assert window._background_sync is None
    assert window.status.sync.text() == "Sync: …"
    release.set()
    qtbot.waitUntil(lambda: seen != [])
    assert seen == [(True, True)]  # painted with its data, sync not yet there
    qtbot.waitUntil(lambda: window.status.sync.text() == "Sync not set up")
    background = ctx.events.background_sync
    assert window.background_sync is background
    started = []
    background.started.connect(lambda: started.append(True))
    qtbot.keyClick(window, Qt.Key.Key_F9)  # sync on demand once attached
    assert started == [True]
    background.stop()
