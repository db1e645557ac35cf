"""Python's cycle collector runs on the UI thread only (as Anki's aqt does).

An automatic collection runs in whichever thread happens to allocate. On a worker it can
free wrappers of Qt objects made on the UI thread: shiboken then needs the GIL inside a
Qt connection lock that the UI thread, holding the GIL, is waiting for, and both wait for
ever (seen in the test run: a worker's collection disconnecting a signal while the UI
thread built a chart). So the automatic collector is off for the desk, and a timer on the
UI thread collects each generation when it is due.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 1000


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(CHECK_MS)

    def collect_due(self) -> None:
        """The generations whose allocation counts passed their thresholds, youngest
        first, as the automatic collector would have done."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def collect_on_ui_thread(app: QObject) -> UiThreadCollector:
    """Installed once per application (it stays alive as the application's child)."""
    existing = app.findChild(UiThreadCollector)
    return existing if existing is not None else UiThreadCollector(app)
