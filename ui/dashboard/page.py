"""The home dashboard (工作台): the first page after log-in, what needs doing today.

One tile per number of the logged-in role (``app.services.dashboard``); a tile opens its
list, filtered, through the main window (``open_filtered``), so this package imports no
other desk. The numbers are read on the runner, again after every commit that touches
their tables (local or pulled by sync) and on the clock's tick (deadlines pass).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.collection import percent_shown
from app.services import dashboard as ops
from ui import formats
from ui.context import AppContext
from ui.widgets.changes import on_changes

# a commit to any of these may change a number
WATCHED = (
    "complaints",
    "complaint_events",
    "complaint_status",
    "work_orders",
    "work_order_events",
    "custody_keys",
    "key_movements",
    "reception_entries",
    "inspections",
    "inspection_actions",
    "inspection_schedules",
    "bill_lines",
    "fee_adjustments",
    "payments",
    "payment_allocations",
    "settings",
)

# tile -> (page, the filtered list it opens: page.show_filtered(name))
TARGETS = {
    ops.COMPLAINTS_OVERDUE: ("complaints", "overdue"),
    ops.COMPLAINTS_DUE_TODAY: ("complaints", "due_today"),
    ops.VISITS_DUE: ("reception", "workorders:visits"),
    ops.KEYS_OUT: ("reception", "keys:lent"),
    ops.INSPECTIONS_DUE: ("inspections", "due:now"),
    ops.ACTIONS_OVERDUE: ("inspections", "actions:overdue"),
    ops.MY_OPEN_ITEMS: ("reception", "register:mine"),
    "fees.collection": ("fees", "collection"),
    "fees.arrears": ("fees", "arrears"),
}
# tiles whose number is a problem when not zero (red, and said in words)
URGENT = {ops.COMPLAINTS_OVERDUE, ops.ACTIONS_OVERDUE}


TITLES = {
    ops.COMPLAINTS_OVERDUE: QT_TRANSLATE_NOOP("Dashboard", "Complaints overdue"),
    ops.COMPLAINTS_DUE_TODAY: QT_TRANSLATE_NOOP("Dashboard", "Complaints due today"),
    ops.VISITS_DUE: QT_TRANSLATE_NOOP("Dashboard", "Work orders waiting for a return visit"),
    ops.KEYS_OUT: QT_TRANSLATE_NOOP("Dashboard", "Keys not returned"),
    ops.INSPECTIONS_DUE: QT_TRANSLATE_NOOP("Dashboard", "Inspections due"),
    ops.ACTIONS_OVERDUE: QT_TRANSLATE_NOOP("Dashboard", "Corrective actions overdue"),
    ops.MY_OPEN_ITEMS: QT_TRANSLATE_NOOP("Dashboard", "My open reception items"),
    "fees.collection": QT_TRANSLATE_NOOP("Dashboard", "Management fee collected this month"),
    "fees.arrears": QT_TRANSLATE_NOOP("Dashboard", "Arrears"),
}


def tile_title(tile: str) -> str:
    return QCoreApplication.translate("Dashboard", TITLES[tile])


class Tile(QPushButton):
    """A number with what it counts; pressing it (click, Enter, Space) opens the list."""

    def __init__(self, tile: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile = tile
        self.setObjectName("DashboardTile")
        self.setMinimumSize(220, 104)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.number = QLabel("…")
        self.number.setObjectName("TileNumber")
        self.title = QLabel(tile_title(tile))
        self.title.setWordWrap(True)
        self.note = QLabel()
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        for label in (self.number, self.title, self.note):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def show_value(self, number: str, note: str = "", alarm: bool = False) -> None:
        self.number.setText(number)
        colour = "#c62828" if alarm else "#2e7d32" if note.startswith("✓") else "palette(text)"
        self.number.setStyleSheet(f"font-size: 26px; font-weight: 600; color: {colour};")
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.setToolTip(self.tr("Open the list (Enter)"))


class DashboardPage(QWidget):
    open_requested = Signal(str, str)  # page key, the filtered list's name
    loaded = Signal()  # the counts are on screen
    finance_loaded = Signal()  # the fee figures are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: ops.Dashboard | None = None
        self._stale = False
        self.loading = False
        self.finance_loading = False
        self._finance: tuple[ops.Finance | None, bool] = (None, False)
        self.title = QLabel(self.tr("Today"))
        self.title.setProperty("role", "title")
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "hint")
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        shown = list(ops.tiles_for(ctx.role))
        if ctx.role in ops.FINANCE_ROLES:
            shown += ["fees.collection", "fees.arrears"]
        for index, tile in enumerate(shown):
            button = Tile(tile)
            button.clicked.connect(lambda _c=False, t=tile: self.open_list(t))
            self.tiles[tile] = button
            grid.addWidget(button, index // 3, index % 3)
        self.empty = QLabel(self.tr("Nothing on the dashboard for your role."))
        self.empty.setProperty("role", "empty")
        self.empty.setVisible(not shown)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.subtitle, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(12)
        column.addLayout(head)
        column.addLayout(grid)
        column.addWidget(self.empty)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # several commits in a row (a sync page, a step and its status) read once
        self._changed = QTimer(self)
        self._changed.setSingleShot(True)
        self._changed.setInterval(200)
        self._changed.timeout.connect(self._reload_changed)
        on_changes(ctx.changes, self, WATCHED, lambda _c: self._changed.start())
        ctx.ticker.ticked.connect(self._ticked)  # a bound slot: gone with the page
        self.refresh()

    # ---- reading ----

    def refresh(self) -> None:
        """F5, a change, the clock: read every number again (on the runner): the counts,
        and the fee figures (two reports' totals) as an operation of their own beside
        them, so the counts are on screen without waiting for them."""
        ctx = self.ctx
        now = ctx.clock.now()
        self.loading = True
        db, estate, user, role = ctx.db, ctx.estate_id, ctx.user_id, ctx.role
        (
            ctx.runner.query(self, lambda p: ops.read_counts(db, estate, user, role, now, p))
            .success(lambda counts: self._show_counts(now, counts))
            .finally_(self._done)
            .run()
        )
        if role in ops.FINANCE_ROLES:
            self.finance_loading = True
            (
                ctx.runner.query(self, lambda _p: ops.read_finance(db, estate, role, now))
                .success(lambda found: self._show_finance(now, *found))
                .finally_(self._finance_done)
                .run()
            )

    def _done(self) -> None:
        self.loading = False

    def _finance_done(self) -> None:
        self.finance_loading = False

    def _ticked(self, _now) -> None:
        self._reload_changed()

    def _reload_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _show_counts(self, now, found: ops.Counts) -> None:
        today, counts = found
        self.data = ops.Dashboard(now, today, counts, *self._finance)
        self.subtitle.setText(
            self.tr("%1 · %2 · %3")
            .replace("%1", formats.day(today))
            .replace("%2", self.ctx.user_name)
            .replace("%3", self.ctx.estate_name)
        )
        for tile, number in counts.items():
            alarm = tile in URGENT and number > 0
            note = "✓ " + self.tr("none") if not number else ""
            self.tiles[tile].show_value(f"{number:,}", note, alarm)
        self.loaded.emit()

    def _show_finance(self, now, finance: ops.Finance | None, refused: bool) -> None:
        self._finance = (finance, refused)  # kept for the counts read after
        if self.data is not None:
            self.data = replace(self.data, finance=finance, finance_refused=refused)
        collection, arrears = self.tiles["fees.collection"], self.tiles["fees.arrears"]
        if finance is None:
            text = self.tr("Your role may not see the fee reports.") if refused else ""
            for tile in (collection, arrears):
                tile.show_value("—", text)
            self.finance_loaded.emit()
            return
        target = f"{percent_shown(finance.target * 1, 0)}%"
        if finance.rate is None:
            collection.show_value(
                "—", self.tr("Nothing billed in %1").replace("%1", finance.period)
            )
        else:
            met = self.tr("target %1 met") if finance.target_met else self.tr("below target %1")
            collection.show_value(
                f"{percent_shown(finance.rate, 1)}%",
                ("✓ " if finance.target_met else "")
                + met.replace("%1", target)
                + " · "
                + self.tr("%1 of %2")
                .replace("%1", formats.money(finance.collected))
                .replace("%2", formats.money(finance.receivable)),
                alarm=not finance.target_met,
            )
        arrears.show_value(
            formats.money(finance.net_owed),
            self.tr("%n unit(s) owing as of %1", "", finance.debtors).replace(
                "%1", formats.day(finance.as_of)
            ),
            alarm=finance.debtors > 0,
        )
        self.finance_loaded.emit()

    # ---- opening a list ----

    def open_list(self, tile: str) -> None:
        """The tile's list, filtered, on its desk page (the main window opens it)."""
        key, name = TARGETS[tile]
        self.open_requested.emit(key, name)
        window = self.window()
        if hasattr(window, "open_filtered"):
            window.open_filtered(key, name)

    def number(self, tile: str) -> int | None:
        """The number a tile shows (None before the first read)."""
        return None if self.data is None else self.data.counts.get(tile)
