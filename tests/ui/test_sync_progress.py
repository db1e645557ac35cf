"""The Sync page's progress during a first sync: rows done of all and time left (issue
12: "a first sync starts at once, with progress showing rows and time left")."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from sync.client import SyncReport, base
from ui.sync_page.progress import receiving_text, show_receiving


def test_a_first_sync_shows_rows_done_of_all_and_time_left(qtbot, monkeypatch):
    monkeypatch.setattr(base, "now_ms", lambda: 10_000)
    report = SyncReport(pulled=40_000, remaining=60_000, first_sync=True)
    report.receiving_since_ms = 2_000  # 40,000 rows in 8 s: 60,000 more take 12 s
    bar, label = QProgressBar(), QLabel()
    assert show_receiving(bar, label, report)
    assert label.text() == "Receiving the estate: 40,000 of 100,000 rows, about 12 s left…"
    assert (bar.minimum(), bar.maximum(), bar.value()) == (0, 100_000, 40_000)
    report.pulled, report.remaining = 100_000, 0
    assert show_receiving(bar, label, report) and "100,000 of 100,000" in label.text()


def test_changes_left_are_shown_once_the_server_counted_them(qtbot):
    assert receiving_text(SyncReport(pushed=2, pulled=10)) is None  # not counted yet
    bar = QProgressBar()
    assert not show_receiving(bar, QLabel(), SyncReport())
    assert (bar.minimum(), bar.maximum()) == (0, 0)  # busy, not a share
    report = SyncReport(pushed=2, pulled=10, remaining=30, receiving_since_ms=1)
    assert receiving_text(report).startswith("Sent 2 change(s); receiving: 10 of 40 changes")
