"""Counter dialogs that move money: correct a bill line, reverse a payment, refund a
credit. Each checks what is typed as the cashier types, saves through an operation on the
runner's writer, and keeps what was typed when the operation refuses it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QWidget

from app.domain.errors import DomainError
from app.domain.fees import PAYMENT_METHODS
from app.domain.money import format_yuan, parse_money
from app.services.fees import account, counter
from ui import formats
from ui.context import AppContext
from ui.fees.closing_approval import ask_approval
from ui.fees.counter_cash import LargeAmountCheck
from ui.fees.labels import word
from ui.widgets.forms import FormDialog


def _money_problem(text: str) -> DomainError | None:
    try:
        parse_money(text)
    except DomainError as error:
        return error
    return None


def _amount_editor(text: str = "", placeholder: str = "") -> QLineEdit:
    editor = QLineEdit(text)
    editor.setAlignment(Qt.AlignmentFlag.AlignRight)
    editor.setPlaceholderText(placeholder)
    return editor


class _CounterDialog(FormDialog):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx.runner, title, parent)
        self.ctx = ctx
        self.user = ctx.user_name or ctx.user_login
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)


class AdjustDialog(_CounterDialog):
    """A correction of an issued bill line: signed amount and a reason; the line stays."""

    def __init__(
        self, ctx: AppContext, line: counter.LineSummary, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Correct a bill"))
        self.setMinimumWidth(480)
        self.line = line
        self.amount = _amount_editor(placeholder=self.tr("-20.00 lowers the bill, 20.00 raises it"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why, e.g. compensation for a water leak"))
        title = f"{line.period} {word(line.fee_code)} {formats.money(line.amount)}"
        self.add_row(self.tr("Bill line"), QLabel(title))
        self.add_field("amount", self.tr("Amount (¥) *"), self.amount)
        self.add_field("reason", self.tr("Reason *"), self.reason)
        self.validate()

    def values(self) -> dict[str, Any]:
        return {"amount": self.amount.text(), "reason": self.reason.text()}

    def check(self, values: dict[str, Any]) -> dict[str, DomainError]:
        errors = {}
        problem = _money_problem(values["amount"])
        if problem is not None:
            errors["amount"] = problem
        elif parse_money(values["amount"]) == 0:
            errors["amount"] = DomainError("fees.adjustment.zero")
        if not values["reason"].strip():
            errors["reason"] = DomainError("fees.reason.required")
        return errors

    def save(self, values: dict[str, Any]) -> Decimal:
        return counter.adjust(
            self.ctx.db,
            self.line.line_id,
            values["amount"],
            values["reason"],
            self.user,
            self.ctx.clock.now(),
        )


class ReverseDialog(_CounterDialog):
    """Reverse a payment: asks once, naming the receipt and the amount, with the reason."""

    def __init__(
        self, ctx: AppContext, payment: account.PaymentRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Reverse payment"))
        self.payment = payment
        self.question = QLabel(
            self.tr("Reverse receipt No. %1, %2?")
            .replace("%1", payment.receipt_no)
            .replace("%2", formats.money(payment.amount))
        )
        self.question.setProperty("role", "title")
        self.form.addRow(self.question)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why, e.g. taken for the wrong unit"))
        self.add_field("reason", self.tr("Reason *"), self.reason)
        self.ok.setText(self.tr("Reverse payment"))
        self.approval = None  # a supervisor's, when the payment's day is closed
        self.validate()

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.text()}

    def check(self, values: dict[str, Any]) -> dict[str, DomainError]:
        return {} if values["reason"].strip() else {"reason": DomainError("fees.reason.required")}

    def save(self, values: dict[str, Any]) -> account.PaymentRow:
        return counter.reverse_payment(
            self.ctx.db,
            self.payment.id,
            self.user,
            values["reason"],
            self.ctx.clock.now(),
            self.approval,
        )

    def _refused(self, error: BaseException) -> None:
        if not ask_approval(self, error):  # a closed day's payment: a supervisor approves
            super()._refused(error)


class RefundCreditDialog(_CounterDialog):
    """Pay back a unit's credit (an advance, or a bill paid twice) at the counter: the
    amount (all of the credit unless less is typed), how, and why; asks once, naming the
    amount, before anything is recorded."""

    def __init__(
        self, ctx: AppContext, shown: account.CounterAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Refund credit"))
        self.shown = shown
        self.credit = shown.account.credit
        self.asked: str | None = None  # the question put to the cashier, for the record
        self.add_row(self.tr("Unit"), QLabel(f"{shown.unit_code}  {shown.owner}"))
        self.add_row(self.tr("Credit held"), QLabel(formats.money(self.credit)))
        self.amount = _amount_editor(f"{self.credit:.2f}")
        self.method = QComboBox()
        for code in PAYMENT_METHODS:
            self.method.addItem(word(code), code)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why, e.g. moving out"))
        self.add_field("amount", self.tr("Amount (¥) *"), self.amount)
        self.add_field("method", self.tr("Paid back by *"), self.method)
        self.add_field("reason", self.tr("Reason *"), self.reason)
        self.ok.setText(self.tr("Refund…"))
        self.large = LargeAmountCheck(ctx, self)
        self.validate()

    def values(self) -> dict[str, Any]:
        return {
            "amount": self.amount.text(),
            "method": self.method.currentData(),
            "reason": self.reason.text(),
        }

    def check(self, values: dict[str, Any]) -> dict[str, DomainError]:
        errors = {}
        problem = _money_problem(values["amount"])
        if problem is not None:
            errors["amount"] = problem
        else:
            amount = parse_money(values["amount"])
            if amount <= 0:
                errors["amount"] = DomainError("amount.not_positive")
            elif amount > self.credit:
                errors["amount"] = DomainError(
                    "fees.credit.too_small", credit=format_yuan(self.credit)
                )
        if not values["reason"].strip():
            errors["reason"] = DomainError("fees.reason.required")
        return errors

    def submit(self) -> None:
        if self.validate():
            super().submit()  # marks the fields
            return
        amount = parse_money(self.amount.text())
        self.asked = (
            self.tr("Refund %1 of credit to %2?")
            .replace("%1", formats.money(amount))
            .replace("%2", self.shown.unit_code)
        )
        if amount > self.large.threshold:  # the counter's one question, with the threshold
            go_on = self.large.confirmed(
                amount, self.shown.unit_code, self.method.currentText(), self.asked
            )
        else:
            answer = QMessageBox.question(self, self.tr("Refund credit"), self.asked)
            go_on = answer == QMessageBox.StandardButton.Yes
        if go_on:
            super().submit()

    def save(self, values: dict[str, Any]) -> account.PaymentRow:
        return counter.refund_credit(
            self.ctx.db,
            self.shown.unit_id,
            values["amount"],
            values["method"],
            self.user,
            values["reason"],
            self.ctx.clock.now(),
        )
