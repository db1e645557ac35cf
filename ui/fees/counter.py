"""The counter tab: find a unit, see what it owes, take a payment, print the receipt;
reverse a payment, refund a credit, correct a bill, deposits, parking, renovation fee.

The open account re-reads itself when a commit touches its tables (a payment taken at
another desk and pulled by sync included); every write runs on the runner's one writer.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import PAYMENT_METHODS
from app.domain.money import parse_money
from app.services.fees import account, counter
from ui import formats, messages
from ui.context import AppContext
from ui.fees.common import (
    CHANGES_DELAY_MS,
    empty_label,
    selected_rows,
    table_view,
)
from ui.fees.counter_actions import CounterActions
from ui.fees.counter_cash import CashTendered, confirm_large_payment
from ui.fees.counter_columns import LINE_COLUMNS, PAYMENT_COLUMNS
from ui.fees.labels import word
from ui.fees.prepayment import PrepaymentPanel
from ui.fees.unit_finder import UnitFinder
from ui.widgets.changes import on_changes
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import action
from ui.widgets.ops import show_error
from ui.widgets.paged_model import StaticModel
from ui.widgets.permits import guard_all
from ui.widgets.tables import RememberedLayout

# what the open account is made of (opening entries: an estate's 期初余额, imported or pulled)
ACCOUNT_TABLES = (
    "bill_lines",
    "fee_adjustments",
    "payments",
    "payment_allocations",
    "fee_opening_entries",
    "units",
)


class CounterTab(CounterActions, QWidget):
    """Find a unit, see what it owes, take a payment, print the receipt."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id: str | None = None
        self.shown: account.CounterAccount | None = None
        self.last_payment_id: str | None = None
        self.loading = False
        self.paying = False
        self._restoring = False
        self._generation = 0
        self.confirm_above = counter.DEFAULT_CONFIRM_ABOVE  # read from the estate below

        self.finder = UnitFinder(ctx)
        self.search = self.finder.search
        self.finder.picked.connect(self.show_unit)
        self.finder.found.connect(self._found)

        self.unit_title = QLabel(self.tr("Find a unit to take a payment"))
        self.unit_title.setProperty("role", "title")
        self.balance = QLabel()
        self.lines_model = StaticModel(LINE_COLUMNS, self)
        self.lines = table_view(self.lines_model)
        self.lines.selectionModel().selectionChanged.connect(self._selection_changed)
        self.lines_empty = empty_label(self.tr("Nothing open: this unit owes nothing."))
        self.lines_empty.hide()

        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText("0.00")
        self.amount_field = FieldWithMessage(self.amount)
        self.method = QComboBox()
        for code in PAYMENT_METHODS:
            self.method.addItem(word(code), code)
        self.payer = QLineEdit()
        self.payer.setPlaceholderText(self.tr("Who pays (optional)"))
        self.pay_button = QPushButton(self.tr("Take payment"))
        self.pay_button.setDefault(True)
        self.pay_button.setToolTip(self.tr("Take payment (Ctrl+Enter)"))
        self.pay_button.clicked.connect(self.take_payment)
        self.amount.returnPressed.connect(self.take_payment)
        self.amount.textEdited.connect(self._check_amount)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        form_box = QGroupBox(self.tr("Payment"))
        form = QFormLayout(form_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Amount (¥) *"), self.amount_field)
        form.addRow(self.tr("Method *"), self.method)
        self.cash = CashTendered(form, self.amount, self.method)
        self.cash.editor.returnPressed.connect(self.take_payment)
        form.addRow(self.tr("Payer"), self.payer)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pay_button)
        form.addRow(buttons)
        form.addRow(self.result)

        self.history_model = StaticModel(PAYMENT_COLUMNS, self)
        self.history = table_view(self.history_model)
        self.history.doubleClicked.connect(lambda _i: self.preview_receipt())

        # two rows, so every action stays in view at 1280 px: money in and out, then the
        # unit's other accounts
        bar, unit_bar = QToolBar(), QToolBar()
        for each in (bar, unit_bar):
            each.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_action = action(
            self,
            self.tr("Print receipt…"),
            self.preview_receipt,
            icon="fa5s.print",
            shortcut="Ctrl+P",
            toolbar=bar,
        )
        self.pdf_action = action(
            self,
            self.tr("Save receipt PDF…"),
            self.save_receipt_pdf,
            icon="fa5s.file-pdf",
            toolbar=bar,
        )
        self.reverse_action = action(
            self, self.tr("Reverse payment…"), self.reverse_selected, icon="fa5s.undo", toolbar=bar
        )
        self.stay_action = action(
            self,
            self.tr("Temporary parking…"),
            self.charge_temporary_stay,
            icon="fa5s.parking",
            toolbar=bar,
        )
        self.refund_action = action(
            self,
            self.tr("Refund credit…"),
            self.refund_credit,
            icon="fa5s.hand-holding-usd",
            toolbar=bar,
        )
        self.adjust_action = action(
            self, self.tr("Correct bill…"), self.adjust_selected, icon="fa5s.edit", toolbar=unit_bar
        )
        self._permits = {
            self.pay_button: "payments.take",
            self.stay_action: "payments.take",
            self.reverse_action: "payments.reverse",
            self.refund_action: "fees.refund",
            self.adjust_action: "fees.adjust",
        }
        self.deposits_action = action(
            self,
            self.tr("Deposits…"),
            self.open_deposits,
            icon="fa5s.piggy-bank",
            toolbar=unit_bar,
        )
        self.parking_action = action(
            self, self.tr("Parking spaces…"), self.open_parking, icon="fa5s.car", toolbar=unit_bar
        )
        self.renovation_action = action(
            self,
            self.tr("Renovation fee…"),
            self.charge_renovation,
            icon="fa5s.hammer",
            toolbar=unit_bar,
        )
        action(self, self.tr("Take payment"), self.take_payment, shortcut="Ctrl+Return")
        action(self, self.tr("Find unit"), self.search.setFocus, shortcut="Ctrl+F")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(bar)
        right_layout.addWidget(self.unit_title)
        right_layout.addWidget(self.balance)
        right_layout.addWidget(unit_bar)
        right_layout.addWidget(QLabel(self.tr("Open bill lines (select some to pay only those)")))
        right_layout.addWidget(self.lines, 2)
        right_layout.addWidget(self.lines_empty)
        right_layout.addWidget(form_box)
        right_layout.addWidget(QLabel(self.tr("Payments of this unit")))
        right_layout.addWidget(self.history, 1)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.finder)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.layout_memory = RememberedLayout(
            "fees/counter",
            header=self.lines.horizontalHeader(),
            splitter=self.splitter,
            widths=(70, 180, 90, 100, 90, 90, 100),
        )
        self.history_memory = RememberedLayout(
            "fees/counter-payments",
            header=self.history.horizontalHeader(),
            widths=(130, 130, 60, 80, 100, 100, 90),
        )
        self._set_enabled(False)
        self._changed = QTimer(self, singleShot=True, interval=CHANGES_DELAY_MS)
        self._changed.timeout.connect(self.reload)
        on_changes(ctx.changes, self, ACCOUNT_TABLES, lambda _c: self._changed.start())
        on_changes(ctx.changes, self, ("settings",), lambda _c: self._read_threshold())
        self._read_threshold()

    def _read_threshold(self) -> None:
        db, estate_id = self.ctx.db, self.ctx.estate_id

        def read(_p):
            return counter.confirm_above(db, estate_id)

        self.ctx.runner.query(self, read).success(
            lambda value: setattr(self, "confirm_above", value)
        ).run()

    def save_state(self) -> None:
        self.layout_memory.save()
        self.history_memory.save()

    @property
    def user(self) -> str:
        return self.ctx.user_name or self.ctx.user_login

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.amount, self.method, self.cash.editor, self.payer, self.pay_button):
            widget.setEnabled(enabled and not self.paying)
        for each in (
            self.reverse_action,
            self.adjust_action,
            self.deposits_action,
            self.parking_action,
            self.renovation_action,
        ):
            each.setEnabled(enabled)
        credit = self.shown is not None and self.shown.account.credit > 0
        self.refund_action.setEnabled(enabled and credit)
        guard_all(self.ctx, self._permits)  # what the role may not do stays off, with why

    def _found(self) -> None:
        if self.finder.results.currentItem() is not None:
            self.amount.setFocus()

    def show_unit(self, unit_id: str) -> None:
        self.unit_id = unit_id
        self.shown = None
        self.result.hide()
        self.amount_field.set_error("")
        self.reload(fill_amount=True)
        PrepaymentPanel.follow(self, unit_id)  # the shared-utilities prepayment (公摊预收款)

    # ---- the account ----

    def reload(self, fill_amount: bool = False) -> None:
        if self.unit_id is None:
            return
        self._generation += 1
        generation, unit_id, db = self._generation, self.unit_id, self.ctx.db
        self.loading = True

        def done(shown: account.CounterAccount) -> None:
            if generation == self._generation:
                self.loading = False
                self._show_account(shown, fill_amount)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                show_error(self, error)

        self.ctx.runner.query(self, lambda _p: account.counter_account(db, unit_id)).success(
            done
        ).failure(failed).run()

    def _show_account(self, shown: account.CounterAccount, fill_amount: bool) -> None:
        picked = set(self.picked_lines())
        self.shown = shown
        self.unit_title.setText(f"{shown.unit_code}  {shown.owner}")
        balance = shown.balance
        if balance > 0:
            self.balance.setText(self.tr("Owes %1").replace("%1", formats.money(balance)))
        elif balance < 0:
            self.balance.setText(
                self.tr("Credit %1 (paid in advance or twice)").replace(
                    "%1", formats.money(-balance)
                )
            )
        else:
            self.balance.setText(self.tr("Nothing owed"))
        self.lines_model.set_rows(shown.lines)
        self._keep_picked(picked)
        self.lines.setVisible(bool(shown.lines))
        self.lines_empty.setVisible(not shown.lines)
        self.history_model.set_rows(shown.payments)
        if fill_amount:
            self.amount.setText(f"{balance:.2f}" if balance > 0 else "")
        self._set_enabled(True)

    def _keep_picked(self, picked: set[str]) -> None:
        """After a re-read, the lines the cashier had picked stay picked (and the amount
        typed stays: this is not the cashier picking)."""
        selection = QItemSelection()
        last = self.lines_model.columnCount() - 1
        for number, line in enumerate(self.lines_model.rows):
            if line.line_id in picked:
                model = self.lines_model
                selection.select(model.index(number, 0), model.index(number, last))
        self._restoring = True
        try:
            self.lines.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._restoring = False

    def _selection_changed(self, *_args) -> None:
        picked = selected_rows(self.lines)
        if picked and not self._restoring:
            total = sum((line.open_amount for line in picked), Decimal("0.00"))
            self.amount.setText(f"{total:.2f}")
            self.amount_field.set_error("")

    def picked_lines(self) -> list[str]:
        return [line.line_id for line in selected_rows(self.lines)]

    # ---- taking a payment ----

    def _check_amount(self, text: str) -> None:
        """As the cashier types: a third decimal or a stray letter is said at once."""
        if not text.strip():
            self.amount_field.set_error("")
            return
        try:
            parse_money(text)
        except DomainError as error:
            self.amount_field.set_error(messages.describe(error))
            return
        self.amount_field.set_error("")

    def take_payment(self) -> None:
        if self.unit_id is None or self.paying or not self.pay_button.isEnabled():
            return
        db, unit_id = self.ctx.db, self.unit_id
        typed, method, payer = self.amount.text(), self.method.currentData(), self.payer.text()
        picked, now = self.picked_lines() or None, self.ctx.clock.now()
        if not self._cash_and_size_confirmed(typed):
            return
        tendered = self.cash.text()
        self.paying = True
        self._set_enabled(True)
        (
            self.ctx.runner.write(
                self,
                lambda _p: counter.take_payment(
                    db, unit_id, typed, method, payer, self.user, picked, now=now, tendered=tendered
                ),
            )
            .success(self._paid)
            .failure(self._refused)
            .finally_(self._payment_done)
            .run()
        )

    def _cash_and_size_confirmed(self, typed: str) -> bool:
        """Before anything is recorded: the cash handed over covers the amount (the change
        is on screen), and a payment above the estate's threshold is confirmed once."""
        try:
            amount = parse_money(typed)
        except DomainError:
            return True  # the operation refuses it with its message
        problem = self.cash.problem()
        if problem is not None:
            self.cash.show_problem(problem)
            return False
        code = self.shown.unit_code if self.shown else ""
        method = self.method.currentText()
        return confirm_large_payment(self, amount, self.confirm_above, code, method)

    def _paid(self, receipt: counter.Receipt) -> None:
        self.last_payment_id = receipt.payment.id
        text = (
            self.tr("Receipt %1: %2 received.")
            .replace("%1", receipt.payment.receipt_no)
            .replace("%2", formats.money(receipt.payment.amount))
        )
        if receipt.credit:
            text += " " + self.tr("%1 kept as credit for the next bills.").replace(
                "%1", formats.money(receipt.credit)
            )
        if receipt.payment.tendered is not None:
            text += " " + self.tr("Change %1.").replace(
                "%1", formats.money(receipt.payment.tendered - receipt.payment.amount)
            )
        banner("banner-ok", text, self.result)
        self.payer.clear()
        self.amount.clear()
        self.cash.clear()
        self.ctx.events.status_message.emit(text)

    def _refused(self, error: BaseException) -> None:
        """What was typed stays; the message says what is wrong with it."""
        if isinstance(error, FieldErrors):
            if "tendered" in error.errors:
                self.cash.show_problem(error.errors["tendered"])
            others = [e for name, e in error.errors.items() if name != "tendered"]
            self.amount_field.set_error("\n".join(messages.describe(e) for e in others))
        else:
            show_error(self, error)

    def _payment_done(self) -> None:
        self.paying = False
        self._set_enabled(self.unit_id is not None)
