"""The main window: sidebar of PAGES, the current page, the status bar.

The frame (sidebar, empty page, status bar) needs no database, so start-up shows it first
and calls ``attach`` once the database is open and someone is logged in. Pages are
imported and built the first time they are shown, so start-up stays quick. The sync
machinery (the status bar's sync state, background sync, F9) follows once the start page
has painted with its data (``data_painted``: every read the page started has delivered and
the window has painted after it): importing it costs 0.3-0.6 s the start page need not
wait for, and it is attached only then, never on a guess of how long the reads take.
"""

from __future__ import annotations

import importlib
import traceback
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ui.pages import PAGES, SNAPSHOT_VIEWS, PageSpec
from ui.widgets import tables
from ui.widgets.icons import ACTIVE, icon

if TYPE_CHECKING:  # the frame is painted before the context's modules are imported
    from ui.context import AppContext

# ui/pages.py holds the English titles; listed here so lupdate offers them for translation
_PAGE_TITLES = [
    QT_TRANSLATE_NOOP("Pages", "Home"),
    QT_TRANSLATE_NOOP("Pages", "Reception"),
    QT_TRANSLATE_NOOP("Pages", "Complaints"),
    QT_TRANSLATE_NOOP("Pages", "Inspections"),
    QT_TRANSLATE_NOOP("Pages", "Fees"),
    QT_TRANSLATE_NOOP("Pages", "Units & Residents"),
    QT_TRANSLATE_NOOP("Pages", "Reports"),
    QT_TRANSLATE_NOOP("Pages", "Sync"),
    QT_TRANSLATE_NOOP("Pages", "Audit trail"),
    QT_TRANSLATE_NOOP("Pages", "Settings"),
]


# Qt.ItemDataRole.UserRole: the frame is painted without building PySide's Qt namespace
# (every enum of Qt, 15-40 ms here), which the pages need only after
USER_ROLE = 256


def page_title(spec: PageSpec) -> str:
    return QCoreApplication.translate("Pages", spec.title)


# The sync machinery follows the start page painted with its data (``data_painted``). A
# window still unpainted and hidden this long after attach (started minimised, say) syncs
# all the same; so does one whose start page's reads have not all come in by SYNC_LATEST_MS.
SYNC_HIDDEN_MS = 3000
SYNC_LATEST_MS = 30_000


class _OnFirstPaint(QObject):
    """Calls ``then`` once, at the first paint of the widget it is installed on."""

    def __init__(self, then, parent: QObject) -> None:
        super().__init__(parent)
        self.then = then

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, then)  # after this paint, not inside it
        return False


class MainWindow(QMainWindow):
    # once after attach: the start page has painted with every read it started delivered
    data_painted = Signal()

    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.ctx: AppContext | None = None
        self._page_painted = False  # the first paint after attach
        self._data_painted = False
        self.remember = True  # snapshots render without touching the user's settings
        self.setWindowTitle("PropDesk")
        self.pages: dict[str, QWidget] = {}
        self._wanted_page: str | None = None  # asked for before attach()
        self._background_sync = None  # made by attach_sync (or on first use)
        self._sync_attached = False
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setIconSize(QSize(18, 18))
        # (a list takes the focus by tab and click, Qt.FocusPolicy.StrongFocus, by itself)
        self.stack = QStackedWidget()
        for index, spec in enumerate(PAGES):
            item = QListWidgetItem(icon(spec.icon, active_color=ACTIVE), page_title(spec))
            item.setData(USER_ROLE, spec.key)
            item.setToolTip(f"{page_title(spec)} (Ctrl+{index + 1})")
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # stand-in until the page is first shown
            if index < 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
                shortcut.activated.connect(lambda key=spec.key: self.show_page(key))
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0) + 32)
        central = QWidget()
        frame = QHBoxLayout(central)
        frame.setContentsMargins(0, 0, 0, 0)
        frame.setSpacing(0)
        frame.addWidget(self.sidebar)
        frame.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About PropDesk"), self.show_about)
        self.statusBar().showMessage(self.tr("Opening the database…"))
        # F5 is bound here only: pages provide refresh(), the window calls it
        self.refresh_shortcut = QShortcut(QKeySequence("F5"), self, self.refresh_current)
        self.sidebar.currentRowChanged.connect(self._on_row)
        self._restore()
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Who works in this window: the status bar fills in and pages can be built; the
        sync part follows the start page painted with its data (``data_painted``)."""
        from ui.shell.status import StatusBar  # reads the database: not for the bare frame

        self.ctx = ctx
        self.setWindowTitle(self.tr("PropDesk — %1").replace("%1", ctx.estate_name))
        self.status = StatusBar(ctx, self, read_at_once=False)  # who, estate; sync: "…"
        self.setStatusBar(self.status)
        if self._wanted_page is not None:
            self.show_page(self._wanted_page)
        self.installEventFilter(_OnFirstPaint(self._start_page_painted, self))
        self.data_painted.connect(self._attach_sync_after_paint)
        self.update()  # a window already on screen paints again, with its page
        QTimer.singleShot(SYNC_HIDDEN_MS, self, self._attach_sync_if_unseen)
        QTimer.singleShot(SYNC_LATEST_MS, self, self.attach_sync)

    def _start_page_painted(self) -> None:
        """The first paint after attach: from now on, each op delivered checks whether the
        start page's reads (those it or a widget in it started) are all in."""
        self._page_painted = True
        page, runner = self.stack.currentWidget(), self.ctx.runner

        def check() -> None:
            if not shiboken6.isValid(self) or not shiboken6.isValid(page):
                runner.delivered.remove(check)  # the window (or its page) is gone
            elif not runner.pending_under(page):
                runner.delivered.remove(check)
                self._painted_with_data()

        runner.delivered.append(check)
        check()

    def _painted_with_data(self) -> None:
        if self._data_painted:
            return
        self._data_painted = True
        self.repaint()  # what the last read delivered is on screen now, not at the next paint
        self.data_painted.emit()

    def _attach_sync_after_paint(self) -> None:
        # after whoever else listens to data_painted (bench/startup.py's mark)
        QTimer.singleShot(0, self, self.attach_sync)

    def _attach_sync_if_unseen(self) -> None:
        if not self._page_painted and not self.isVisible():
            self.attach_sync()

    def attach_sync(self) -> None:
        """The status bar reads the sync state; background sync starts (F9 too)."""
        if self._sync_attached or self.ctx is None:
            return
        self._sync_attached = True
        self.status.refresh_sync()
        _ = self.background_sync

    @property
    def background_sync(self):
        """This window's ``BackgroundSync``, started (made at once when asked for before
        ``attach_sync``, e.g. by a test)."""
        if self._background_sync is None:
            from ui.sync_page.background import attach_to_window  # sync by itself; F9

            self._background_sync = attach_to_window(self, self.ctx)
        return self._background_sync

    # ---- pages ----

    def spec(self, key: str) -> PageSpec:
        for spec in PAGES:
            if spec.key == key:
                return spec
        raise KeyError(key)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key in self.pages:
            return self.pages[key]
        index = next(i for i, s in enumerate(PAGES) if s.key == key)
        spec = PAGES[index]
        page = self._build(spec)
        old = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = page
        return page

    def _build(self, spec: PageSpec) -> QWidget:
        from ui.widgets.placeholder import NotBuiltPage, PageFailed

        if spec.factory is None:
            return NotBuiltPage(page_title(spec))
        try:
            module_name, class_name = spec.factory.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            return cls(self.ctx, None)
        except Exception:  # someone's page failing must not take the window down
            return PageFailed(page_title(spec), traceback.format_exc(limit=3))

    def show_page(self, key: str, view: str | None = None) -> QWidget | None:
        index = next(i for i, s in enumerate(PAGES) if s.key == key)
        if self.ctx is None:  # the frame only: shown once attached
            self._wanted_page = key
            self._select_row(index)
            return None
        page = self.page(key)
        self.stack.setCurrentIndex(index)
        self._select_row(index)
        if view and hasattr(page, "show_view"):
            page.show_view(view)
        return page

    def open_filtered(self, key: str, name: str) -> QWidget | None:
        """Page ``key`` showing one of its lists filtered (``page.show_filtered(name)``):
        how the home dashboard's numbers open their lists without importing the desks."""
        page = self.show_page(key)
        if page is not None and hasattr(page, "show_filtered"):
            page.show_filtered(name)
        return page

    # what a report's row names -> (page, its method that opens the record)
    RECORD_OPENERS = {
        "unit": ("fees", "open_unit"),
        "visitor": ("reception", "open_visitor"),
        "key": ("reception", "open_key"),
        "worklog": ("reception", "open_worklog"),
    }

    def open_record(self, kind: str, record_id: str) -> QWidget | None:
        """The record a report row names, e.g. a unit at the cashier's counter."""
        if kind not in self.RECORD_OPENERS:
            return None
        key, method = self.RECORD_OPENERS[kind]
        page = self.show_page(key)
        if page is not None and hasattr(page, method):
            getattr(page, method)(record_id)
        return page

    def _select_row(self, index: int) -> None:
        if self.sidebar.currentRow() != index:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(index)
            self.sidebar.blockSignals(False)

    def show_snapshot(self, name: str) -> QWidget:
        """``name`` is a PAGES key or a SNAPSHOT_VIEWS key."""
        if name in SNAPSHOT_VIEWS:
            key, view = SNAPSHOT_VIEWS[name]
            page = self.show_page(key, view)
        else:
            page = self.show_page(name)
        if self.ctx is not None:  # the page's lists, read on the runner, are on screen
            from ui.widgets.ops import wait_all

            wait_all(self.ctx.runner)
        return page

    def current_key(self) -> str:
        return PAGES[self.stack.currentIndex()].key

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row].key)

    def refresh_current(self) -> bool:
        """F5: the clock ticks (deadline states everywhere) and the page shown reads its
        data again. False when there is nothing to refresh yet (no one logged in)."""
        if self.ctx is None:
            return False
        self.ctx.ticker.tick()
        page = self.pages.get(self.current_key())
        if page is not None and hasattr(page, "refresh"):
            page.refresh()
            self.ctx.events.status_message.emit(self.tr("Refreshed"))
        self.status.refresh_sync()
        return True

    def show_about(self) -> None:
        from ui.shell.about import AboutDialog

        AboutDialog(self.ctx.db.path if self.ctx else None, self).exec()

    # ---- remembered between runs ----

    def _restore(self) -> None:
        geometry = tables.load("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def start_page(self, wanted: str | None = None) -> str:
        """``wanted`` if it is a page, else the home dashboard (what needs doing today)."""
        keys = [s.key for s in PAGES]
        if wanted in keys:
            return wanted
        return "dashboard" if "dashboard" in keys else PAGES[0].key

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        for page in self.pages.values():
            if hasattr(page, "can_close") and not page.can_close():
                event.ignore()
                return
        if not self.remember or self.ctx is None:  # nothing chosen yet: keep what was saved
            super().closeEvent(event)
            return
        tables.save("main/geometry", self.saveGeometry())
        tables.save("main/page", self.current_key())
        for page in self.pages.values():
            if hasattr(page, "save_state"):
                page.save_state()
        super().closeEvent(event)
