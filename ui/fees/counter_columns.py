"""The counter tab's columns: an account's bill lines and its payments."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.errors import DomainError
from app.services.fees import account
from ui import formats, messages
from ui.fees.labels import word
from ui.widgets.paged_model import Column

translate = QCoreApplication.translate  # column titles: literal calls, so lupdate finds them

LINE_COLUMNS = (
    Column("period", lambda: translate("CounterTab", "Period"), lambda r: r.period),
    Column("item", lambda: translate("CounterTab", "Item"), lambda r: word(r.fee_code)),
    Column("due", lambda: translate("CounterTab", "Due"), lambda r: formats.day(r.due_date)),
    Column("amount", lambda: translate("CounterTab", "Amount"), lambda r: _amount(r), right=True),
    Column(
        "adjusted", lambda: translate("CounterTab", "Adjusted"), lambda r: r.adjusted, right=True
    ),
    Column("paid", lambda: translate("CounterTab", "Paid"), lambda r: r.paid, right=True),
    Column("open", lambda: translate("CounterTab", "Open"), lambda r: r.open_amount, right=True),
)


def _amount(line: account.AccountLine):
    """A line two desks issued differently shows the copy kept and the other one."""
    if line.other_amount is None:
        return line.amount
    return messages.describe(
        DomainError(
            "fees.line.other_copy", amount=f"{line.amount:.2f}", other=f"{line.other_amount:.2f}"
        )
    )


PAYMENT_COLUMNS = (
    Column("receipt", lambda: translate("CounterTab", "Receipt No."), lambda r: r.receipt_no),
    Column(
        "date", lambda: translate("CounterTab", "Date"), lambda r: formats.local_time(r.paid_at)
    ),
    Column("kind", lambda: translate("CounterTab", "Kind"), lambda r: word(r.kind)),
    Column("method", lambda: translate("CounterTab", "Method"), lambda r: word(r.method)),
    Column("amount", lambda: translate("CounterTab", "Amount"), lambda r: r.amount, right=True),
    Column("payer", lambda: translate("CounterTab", "Payer"), lambda r: r.payer),
    Column("cashier", lambda: translate("CounterTab", "Cashier"), lambda r: r.cashier),
)
