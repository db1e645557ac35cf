"""Cash at the counter: the cash handed over and the change (找零), shown as the cashier
types and before anything is recorded, and the one question before a large payment."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import format_yuan, parse_money
from app.services.fees import counter
from ui import formats, messages
from ui.context import AppContext
from ui.widgets.changes import on_changes
from ui.widgets.fields import FieldWithMessage


def money_or_none(text: str) -> Decimal | None:
    try:
        return parse_money(text)
    except DomainError:
        return None


class CashTendered(QWidget):
    """The row "Cash tendered (¥)" with the change beside it, in a form, shown while the
    method is cash. ``problem()`` says what stops a cash payment (nothing typed, less
    than the amount); the operation checks again."""

    def __init__(
        self, form: QFormLayout, amount: QLineEdit, method: QComboBox, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.form, self.amount, self.method = form, amount, method
        self.editor = QLineEdit()
        self.editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.editor.setPlaceholderText("0.00")
        self.field = FieldWithMessage(self.editor)
        self.change = QLabel()
        self.change.setProperty("role", "title")
        self.change.setMinimumWidth(160)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.change)
        form.addRow(self.tr("Cash tendered (¥) *"), self)
        method.currentIndexChanged.connect(lambda _i: self.refresh())
        amount.textChanged.connect(lambda _t: self.refresh())
        self.editor.textEdited.connect(lambda _t: self.refresh(typed=True))
        self.refresh()

    def is_cash(self) -> bool:
        return self.method.currentData() == "cash"

    def text(self) -> str | None:
        return self.editor.text() if self.is_cash() else None

    def clear(self) -> None:
        self.editor.clear()
        self.refresh()

    def problem(self) -> DomainError | None:
        """What keeps this cash payment from being taken, or None."""
        if not self.is_cash():
            return None
        if not self.editor.text().strip():
            return DomainError("fees.cash.tendered_required")
        try:
            tendered = parse_money(self.editor.text())
        except DomainError as error:
            return error
        amount = money_or_none(self.amount.text())
        if amount is not None and tendered < amount:
            return DomainError(
                "fees.cash.tendered_short",
                amount=format_yuan(amount),
                tendered=format_yuan(tendered),
            )
        return None

    def refresh(self, typed: bool = False) -> None:
        """Show the row for cash only, and the change as soon as both amounts read."""
        self.form.setRowVisible(self, self.is_cash())
        amount = money_or_none(self.amount.text())
        tendered = money_or_none(self.editor.text())
        if amount is not None and tendered is not None and tendered >= amount:
            self.change.setText(
                self.tr("Change %1").replace("%1", formats.money(tendered - amount))
            )
        else:
            self.change.setText("")
        problem = self.problem() if typed or self.field.message.isVisible() else None
        if problem is not None and problem.code == "fees.cash.tendered_required":
            problem = None  # not yet: said when the cashier takes the payment
        self.field.set_error(messages.describe(problem) if problem else "")

    def show_problem(self, error: DomainError) -> None:
        self.field.set_error(messages.describe(error))
        self.editor.setFocus()


def confirm_large_payment(
    parent: QWidget,
    amount: Decimal,
    threshold: Decimal,
    unit_code: str,
    method: str,
    question: str | None = None,
) -> bool:
    """One question before money above the estate's threshold moves; True to go on.
    ``question`` is the dialog's own (a refund's, a deposit's), said with the threshold."""
    if amount <= threshold:
        return True
    above = formats.money(threshold)
    if question is None:
        question = (
            QCoreApplication.translate(
                "CounterCash", "Record a payment of %1 (%2) from %3? It is above %4."
            )
            .replace("%1", formats.money(amount))
            .replace("%2", method)
            .replace("%3", unit_code)
            .replace("%4", above)
        )
    else:
        note = QCoreApplication.translate("CounterCash", "It is above %1.").replace("%1", above)
        question = f"{question} {note}"
    title = QCoreApplication.translate("CounterCash", "Large payment")
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class LargeAmountCheck:
    """The estate's threshold for a dialog that moves money, read when it opens and again
    when the settings change, so every such dialog asks the counter's one question."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self.ctx, self.parent = ctx, parent
        self.threshold: Decimal = counter.DEFAULT_CONFIRM_ABOVE
        self.read_once = False
        on_changes(ctx.changes, parent, ("settings",), lambda _c: self.read())
        self.read()

    def read(self) -> None:
        db, estate_id = self.ctx.db, self.ctx.estate_id
        self.ctx.runner.query(self.parent, lambda _p: counter.confirm_above(db, estate_id)).success(
            self._read
        ).run()

    def _read(self, value: Decimal) -> None:
        self.threshold, self.read_once = value, True

    def confirmed(
        self, amount: Decimal, unit_code: str, method: str, question: str | None = None
    ) -> bool:
        return confirm_large_payment(
            self.parent, amount, self.threshold, unit_code, method, question
        )
