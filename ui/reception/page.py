"""Reception (前台接待): the register, work orders, visitors and keys, one tab each.

Every list is read on the background runner and refreshed from change events (a save
here, another desk's sync) and the clock's tick (deadline states, overdue keys). The
page-wide actions print the register (KH-21-R01), open the building notices and the
daily work log. A report's row opens what it names here (``open_visitor``, ``open_key``,
``open_worklog``): where it is is read on the runner, then its tab shows it chosen.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.reports_hub import records
from ui.context import AppContext
from ui.reception.actions import Actions, register
from ui.reception.keys import KeysTab
from ui.reception.register import RegisterTab
from ui.reception.visitors import VisitorsTab
from ui.reception.workorders import WorkOrdersTab
from ui.widgets.changes import on_changes
from ui.widgets.fields import banner
from ui.widgets.forms import action

WATCHED = {
    "register": ("reception_entries", "building_notices", "work_orders", "complaints"),
    "workorders": ("work_orders", "work_order_events", "work_order_photos", "settings", "payments"),
    "visitors": ("visitors", "release_slips"),
    "keys": ("custody_keys", "key_movements", "key_counts"),
}
VIEWS = ("register", "workorders", "visitors", "keys")


class ReceptionPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = Actions(ctx)
        title = QLabel(self.tr("Reception"))
        title.setProperty("role", "title")
        self.register = RegisterTab(self.actions)
        self.workorders = WorkOrdersTab(self.actions)
        self.visitors = VisitorsTab(self.actions)
        self.keys = KeysTab(self.actions)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, self.tr("Register"))
        self.tabs.addTab(self.workorders, self.tr("Work orders"))
        self.tabs.addTab(self.visitors, self.tr("Visitors and goods"))
        self.tabs.addTab(self.keys, self.tr("Keys"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        toolbar = QToolBar()
        action(self, self.tr("New"), self.new_record, shortcut="Ctrl+N")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        printing = action(self, self.tr("Print register…"), self.print_register, icon="fa5s.print")
        pdf = action(
            self,
            self.tr("Register as PDF…"),
            lambda: self.print_register(pdf=True),
            icon="fa5s.file-pdf",
        )
        print_button = QToolButton()  # Print, with the PDF in its menu
        print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        print_button.setDefaultAction(printing)
        print_menu = QMenu(print_button)
        print_menu.addAction(pdf)
        print_button.setMenu(print_menu)
        print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        toolbar.addWidget(print_button)
        action(
            self,
            self.tr("Building notices…"),
            self.open_notices,
            icon="fa5s.bullhorn",
            toolbar=toolbar,
        )
        action(self, self.tr("Work log…"), self.open_work_log, icon="fa5s.book", toolbar=toolbar)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        self.notice = QLabel()  # why a record a report named is not shown
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.work_log: QWidget | None = None  # the work-log dialog a report's row opened
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self._dirty: set[str] = set()
        self._changed_timer = QTimer(self)
        self._changed_timer.setSingleShot(True)
        self._changed_timer.setInterval(100)
        self._changed_timer.timeout.connect(self._reload_dirty)
        for view, tables in WATCHED.items():
            on_changes(ctx.changes, self, tables, lambda _c, v=view: self._mark(v))
        ctx.ticker.ticked.connect(self.tick)
        QTimer.singleShot(0, self.refresh)
        QTimer.singleShot(0, self.workorders.reload)  # its warnings speak from any tab

    def new_record(self) -> None:
        """Ctrl+N: a new entry, work order, visitor or key, by the tab shown."""
        current = self.tabs.currentWidget()
        if current is self.register:
            self.register.new_entry()
        elif current is self.workorders:
            self.workorders.new_order()
        elif current is self.visitors:
            self.visitors.name.setFocus()
        else:
            self.keys.register_key()

    def tab(self, view: str) -> QWidget:
        return {
            "register": self.register,
            "workorders": self.workorders,
            "visitors": self.visitors,
            "keys": self.keys,
        }[view]

    def show_view(self, view: str) -> None:
        if view in VIEWS:
            self.tabs.setCurrentWidget(self.tab(view))
            self.refresh()

    def show_filtered(self, name: str) -> None:
        """A tab with one of its filters, "tab:filter": "register:mine" (my open items),
        "workorders:visits" (return visits due), "keys:lent" (keys not returned)."""
        view, _, which = name.partition(":")
        if view == "register":
            self.register.view.setCurrentIndex(max(self.register.view.findData(which), 0))
        elif view == "workorders":
            self.workorders.show_filter(which)
        elif view == "keys":
            self.keys.show_filter(which)
        self.show_view(view)

    def refresh(self) -> None:
        """F5 and tab changes: read the tab shown again."""
        self.tabs.currentWidget().reload()

    def _mark(self, view: str) -> None:
        self._dirty.add(view)
        self._changed_timer.start()

    def _reload_dirty(self) -> None:
        current = VIEWS[self.tabs.currentIndex()]
        if current in self._dirty:
            self.tab(current).reload()
        if "workorders" in self._dirty and current != "workorders":
            self.workorders.reload()  # kept current for its deadline warnings
        self._dirty.clear()

    def tick(self, now) -> None:
        current = self.tab(VIEWS[self.tabs.currentIndex()])
        current.tick(now)
        if current is not self.workorders:
            self.workorders.warn(now)  # warnings whatever tab is shown

    # ---- a report's row opens what it names ----

    def open_visitor(self, visitor_id: str) -> None:
        """That visitor on the visitors tab: the day they came in listed, their row chosen."""
        self._open("visitor", visitor_id)

    def open_key(self, key_id: str) -> None:
        """That key on the keys tab, among every key, chosen."""
        self._open("key", key_id)

    def open_worklog(self, link_id: str) -> None:
        """That member of staff's day in the work log (``reports_hub.staff_day`` names it)."""
        self._open("worklog", link_id)

    def _open(self, kind: str, record_id: str) -> None:
        a = self.actions
        a.read(self, lambda: records.locate(a.db, kind, record_id), self._located)

    def _located(self, place: records.Place) -> None:
        if not place.found:
            banner("banner-error", self.tr("That record is no longer there."), self.notice)
            return
        if place.estate_id != self.actions.estate_id:
            text = (
                self.tr("That record is at %1; this reception desk shows %2.")
                .replace("%1", place.estate_name)
                .replace("%2", self.ctx.estate_name)
            )
            banner("banner-error", text, self.notice)
            return
        banner("banner-ok", "", self.notice)
        if place.kind == "visitor":
            self.visitors.select_visitor(place.record_id, place.day)
            self.tabs.setCurrentWidget(self.visitors)
        elif place.kind == "key":
            self.keys.select_key(place.record_id)
            self.tabs.setCurrentWidget(self.keys)
        elif place.kind == "worklog":
            self.open_work_log(place.staff_id, place.day, modal=False)

    # ---- page-wide actions ----

    def print_register(self, pdf: bool = False) -> None:
        """Today's register (KH-21-R01): a print preview, or straight to a PDF file."""
        tz = ZoneInfo("Asia/Shanghai")
        today = self.actions.now().astimezone(tz).date()
        start = datetime.combine(today, time(0), tz).astimezone(UTC)
        end = start + timedelta(days=1)
        a = self.actions
        a.read(
            self,
            lambda: register.entries_between(a.db, a.estate_id, start, end),
            lambda rows: self._preview(rows, today, pdf),
        )

    def _preview(self, rows, day, pdf: bool) -> None:
        from ui.reception.printing import register_html
        from ui.widgets.printing import print_preview, write_pdf

        html = register_html(rows, self.ctx.estate_name, day.isoformat(), "Asia/Shanghai")
        if pdf:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), f"KH-21-R01-{day.isoformat()}.pdf", "PDF (*.pdf)"
            )
            if path:
                write_pdf(html, path)
            return
        print_preview(self, html, self.tr("Customer service register")).exec()

    def open_notices(self) -> None:
        from ui.reception.daybook import NoticesDialog

        NoticesDialog(self.actions, self).exec()

    def open_work_log(self, staff_id=None, day=None, modal: bool = True) -> None:
        """The work log of a day (the user's today unless named); from a report, left open
        beside the page."""
        from ui.reception.daybook import WorkLogDialog

        dialog = WorkLogDialog(self.actions, self, staff_id=staff_id, day=day)
        if modal:
            dialog.exec()
            return
        if self.work_log is not None:  # one opened from a report at a time
            self.work_log.close()
            self.work_log.deleteLater()
        self.work_log = dialog
        dialog.show()
