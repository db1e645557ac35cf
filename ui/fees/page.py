"""Fees (收费): counter, bills, arrears, collection rate, reminders and the fee schedule,
one tab each (one module each in this package)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.fees import bill_conflicts
from ui.context import AppContext
from ui.fees.arrears import ArrearsTab
from ui.fees.bills import BillsTab
from ui.fees.closing import corner_buttons, day_end_button
from ui.fees.collection import CollectionTab
from ui.fees.counter import CounterTab
from ui.fees.reminders import RemindersTab
from ui.fees.schedule import ScheduleTab
from ui.widgets.permits import may, why_not

VIEWS = ("counter", "bills", "arrears", "collection", "reminders", "schedule")


class FeesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.counter = CounterTab(ctx)
        self.bills = BillsTab(ctx)
        self.arrears = ArrearsTab(ctx)
        self.collection = CollectionTab(ctx)
        self.reminders = RemindersTab(ctx)
        self.schedule = ScheduleTab(ctx)
        for widget, title in (
            (self.counter, self.tr("Counter")),
            (self.bills, self.tr("Bills")),
            (self.arrears, self.tr("Arrears")),
            (self.collection, self.tr("Collection rate")),
            (self.reminders, self.tr("Reminders")),
            (self.schedule, self.tr("Fee schedule")),
        ):
            self.tabs.addTab(widget, title)
        if not may(ctx, "fees.arrears.view"):  # receptionists do not see arrears reports
            for tab in (self.arrears, self.reminders):
                self.tabs.setTabEnabled(self.tabs.indexOf(tab), False)
                self.tabs.setTabToolTip(self.tabs.indexOf(tab), why_not(ctx, "fees.arrears.view"))
        self.tabs.setCornerWidget(corner_buttons(self._opening_button(), day_end_button(ctx, self)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

    def _opening_button(self) -> QWidget:
        """期初余额…: the estate's opening balances, imported once (finance lead, director)."""
        from PySide6.QtWidgets import QToolButton

        from ui.messages import message

        button = QToolButton()
        button.setText(message("opening.ui.action"))
        button.clicked.connect(self.open_opening_balances)
        if not may(self.ctx, "fees.opening"):
            button.setEnabled(False)
            button.setToolTip(why_not(self.ctx, "fees.opening"))
        self.opening_button = button
        return button

    def open_opening_balances(self):
        from ui.fees.opening_dialog import OpeningBalancesDialog

        dialog = OpeningBalancesDialog(self.ctx, self)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        """F5 (the main window's): the tab shown reads its data again."""
        current = self.tabs.currentWidget()
        if current is self.counter:
            self.counter.reload()
        elif hasattr(current, "refresh"):
            current.refresh()

    def show_view(self, name: str) -> None:
        """Show a tab; its report starts reading now (not only once the window paints).
        "conflicts": the counter on the first unit with a bill two desks issued
        differently (the kept amount beside the other desk's)."""
        if name == "conflicts":
            self.show_view("counter")
            # the amount column holds both copies' amounts here: wide enough for them
            from PySide6.QtWidgets import QHeaderView

            from ui.fees.counter_columns import LINE_COLUMNS

            amount = [c.key for c in LINE_COLUMNS].index("amount")
            header = self.counter.lines.horizontalHeader()
            header.setSectionResizeMode(amount, QHeaderView.ResizeMode.ResizeToContents)
            db, estate_id = self.ctx.db, self.ctx.estate_id
            self.ctx.runner.query(
                self, lambda _p: bill_conflicts.units_with_bill_conflicts(db, estate_id)
            ).success(lambda units: units and self.counter.show_unit(units[0])).run()
            return
        if name in VIEWS:
            self.tabs.setCurrentIndex(VIEWS.index(name))
            tab = self.tabs.currentWidget()
            if hasattr(tab, "ensure_fresh"):
                tab.ensure_fresh()

    def show_filtered(self, name: str) -> None:
        """A report tab ("arrears", "collection") as its own filters have it."""
        self.show_view(name)

    def open_unit(self, unit_id: str) -> None:
        """That unit's account at the cashier's counter (a report's row opens it)."""
        self.show_view("counter")
        self.counter.show_unit(unit_id)

    def save_state(self) -> None:
        """Column widths and the counter's splitter, kept for the next start."""
        for tab in (self.counter, self.bills, self.arrears, self.reminders, self.schedule):
            tab.save_state()
