"""The Sync page's progress while a sync receives: rows (a first sync's estate) or
changes done of all, and at the pace so far how long the rest takes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar

from sync.client import SyncReport
from ui.sync_page.labels import duration_text

# The context is written out in each call (not a constant): lupdate only finds literals.


def receiving_text(report: SyncReport) -> str | None:
    """ "Receiving the estate: 40,000 of 100,000 rows, about 12 s left…", or None while
    the server has not said how much there is."""
    left = report.seconds_left()
    if not report.pulled or report.remaining is None or left is None:
        return None
    if report.first_sync:
        text = QCoreApplication.translate(
            "SyncProgress", "Receiving the estate: %1 of %2 rows, about %3 left…"
        )
    else:
        text = QCoreApplication.translate(
            "SyncProgress", "Sent %4 change(s); receiving: %1 of %2 changes, about %3 left…"
        )
    return (
        text.replace("%1", f"{report.pulled:,}")
        .replace("%2", f"{report.pulled + report.remaining:,}")
        .replace("%3", duration_text(max(1000, round(left * 1000))))
        .replace("%4", f"{report.pushed:,}")
    )


def show_receiving(bar: QProgressBar, label: QLabel, report: SyncReport) -> bool:
    """Show how much is received of all; False (the bar back to busy) when not known."""
    text = receiving_text(report)
    if text is None:
        bar.setRange(0, 0)
        return False
    total = report.pulled + (report.remaining or 0)
    bar.setRange(0, max(total, 1))
    bar.setValue(min(report.pulled, total))
    label.setText(text)
    return True
