"""Long database work off the UI thread, with a busy dialog, so the window stays alive."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")


def run_busy(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """Run ``work`` in a thread while a busy dialog shows; re-raise what it raised.

    The work must be an operation (its own unit of work). Superseded by ``ctx.runner``
    (ui.widgets.ops); kept only while the old fees page still calls it.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the caller on the UI thread
            outcome["error"] = error

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # a half-written transaction is rolled back, not cancelled
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    thread = threading.Thread(target=target, daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        thread.start()
        timer.start()
        loop.exec()
    finally:
        timer.stop()
        dialog.close()
        QApplication.restoreOverrideCursor()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
