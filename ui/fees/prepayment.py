"""The shared water and electricity prepayment (公摊水电费预收款, seed 003: 预收500元/户) on
screen: what is left of a unit's prepayment at the counter with a button to take it or
top it up (a receipted payment of kind ``prepayment``), and the list of units whose
prepayment was never taken or needs topping up, shown on the bills tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.fees import PAYMENT_METHODS, PREPAYMENT_NOT_COLLECTED, PREPAYMENT_TOP_UP
from app.domain.money import parse_money
from app.services.fees import counter, prepayment
from ui import formats
from ui.context import AppContext
from ui.fees.common import CHANGES_DELAY_MS, local_today, table_view
from ui.fees.labels import word
from ui.widgets.changes import on_changes
from ui.widgets.fields import banner
from ui.widgets.forms import FormDialog
from ui.widgets.ops import show_error
from ui.widgets.paged_model import Column, StaticModel
from ui.widgets.permits import guard, may, why_not

translate = QCoreApplication.translate  # column titles: literal calls, so lupdate finds them
# the unit's fee logs, and the rules and schedule that say when a top-up is due
PREPAYMENT_TABLES = (
    "bill_lines",
    "fee_adjustments",
    "payments",
    "payment_allocations",
    "settings",
    "fee_items",
)


def status_text(state: prepayment.PrepaymentState) -> str:
    if state.status == PREPAYMENT_NOT_COLLECTED:
        return translate("Prepayment", "Not collected")
    if state.status == PREPAYMENT_TOP_UP:
        return translate("Prepayment", "Top-up due")
    return translate("Prepayment", "Enough")


class PrepaymentPanel(QWidget):
    """At the counter, under the unit's balance: what is left of its shared-utilities
    prepayment, whether a top-up is due, and a button to take it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id: str | None = None
        self.unit_label = ""
        self.state: prepayment.PrepaymentState | None = None
        self._generation = 0
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.collect_button = QPushButton(self.tr("Collect prepayment…"))
        self.collect_button.setToolTip(
            self.tr("Shared water and electricity are paid from it each month")
        )
        self.collect_button.clicked.connect(self.collect)
        self.result = QLabel()
        self.result.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.collect_button)
        self.hide()
        self._changed = QTimer(self, singleShot=True, interval=CHANGES_DELAY_MS)
        self._changed.timeout.connect(self.reload)
        on_changes(ctx.changes, self, PREPAYMENT_TABLES, lambda _c: self._changed.start())

    @classmethod
    def follow(cls, counter_tab, unit_id: str) -> PrepaymentPanel:
        """The counter's one hook, called as it shows a unit (picked in its finder or
        opened from a report): the panel under the unit's balance, made the first time."""
        panel = getattr(counter_tab, "prepayment", None)
        if panel is None:
            panel = counter_tab.prepayment = cls(counter_tab.ctx, counter_tab)
            layout = counter_tab.balance.parentWidget().layout()
            layout.insertWidget(layout.indexOf(counter_tab.balance) + 1, panel)
        panel.show_unit(unit_id)
        return panel

    def show_unit(self, unit_id: str) -> None:
        self.unit_id = unit_id
        self.result.hide()
        self.reload()

    def reload(self) -> None:
        if self.unit_id is None:
            return
        self._generation += 1
        generation, db, unit_id = self._generation, self.ctx.db, self.unit_id
        today = local_today(self.ctx)

        def done(state: prepayment.PrepaymentState) -> None:
            if generation == self._generation:
                self.show_state(state)

        self.ctx.runner.query(
            self, lambda _p: prepayment.prepayment_of(db, unit_id, today)
        ).success(done).failure(lambda error: show_error(self, error)).run()

    def show_state(self, state: prepayment.PrepaymentState) -> None:
        self.state = state
        if state.status == PREPAYMENT_NOT_COLLECTED:
            text = self.tr("Shared utilities prepayment: not collected yet (%1 a household)")
            text = text.replace("%1", formats.money(state.suggested - state.open_shared))
        else:
            text = self.tr("Shared utilities prepayment left: %1 (last month's share %2)")
            text = text.replace("%1", formats.money(state.remaining)).replace(
                "%2", formats.money(state.last_share)
            )
        if state.top_up_due:
            text += "  " + self.tr("Top-up due: %1").replace("%1", formats.money(state.suggested))
        self.summary.setText(text)
        self.summary.setProperty("role", "error" if state.top_up_due else "hint")
        self.summary.style().polish(self.summary)
        self.show()
        self.collect_button.setEnabled(True)
        guard(self.collect_button, self.ctx, "payments.take")

    def collect(self) -> None:
        if self.unit_id is None:
            return
        dialog = CollectPrepaymentDialog(self.ctx, self.unit_id, self.state, self)
        if dialog.exec() and dialog.saved is not None:
            receipt: counter.Receipt = dialog.saved
            banner(
                "banner-ok",
                self.tr("Receipt %1: prepayment %2 received.")
                .replace("%1", receipt.payment.receipt_no)
                .replace("%2", formats.money(receipt.payment.amount)),
                self.result,
            )


class CollectPrepaymentDialog(FormDialog):
    """Take a household's shared-utilities prepayment or a top-up: amount (the suggested
    top-up filled in), method and payer; a receipt is numbered as at the counter."""

    def __init__(
        self,
        ctx: AppContext,
        unit_id: str,
        state: prepayment.PrepaymentState | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx.runner, "", parent)
        self.setWindowTitle(self.tr("Shared utilities prepayment"))
        self.ctx = ctx
        self.unit_id = unit_id
        self.user = ctx.user_name or ctx.user_login
        suggested = state.suggested if state is not None else None
        if state is not None:
            self.add_row(self.tr("Left now"), QLabel(formats.money(state.remaining)))
        self.amount = QLineEdit(f"{suggested:.2f}" if suggested else "")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText("500.00")
        self.method = QComboBox()
        for code in PAYMENT_METHODS:
            self.method.addItem(word(code), code)
        self.payer = QLineEdit()
        self.payer.setPlaceholderText(self.tr("Who pays (optional)"))
        self.add_field("amount", self.tr("Amount (¥) *"), self.amount)
        self.add_field("method", self.tr("Method *"), self.method)
        self.add_row(self.tr("Payer"), self.payer)
        hint = QLabel(self.tr("Only the monthly shares of shared water and electricity use it."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.ok.setText(self.tr("Take prepayment"))
        self.validate()

    def values(self) -> dict[str, Any]:
        return {
            "amount": self.amount.text(),
            "method": self.method.currentData(),
            "payer": self.payer.text(),
        }

    def check(self, values: dict[str, Any]) -> dict[str, DomainError]:
        try:
            if parse_money(values["amount"]) <= 0:
                return {"amount": DomainError("amount.not_positive")}
        except DomainError as error:
            return {"amount": error}
        return {}

    def save(self, values: dict[str, Any]) -> counter.Receipt:
        return prepayment.collect_prepayment(
            self.ctx.db,
            self.unit_id,
            values["amount"],
            values["method"],
            values["payer"],
            self.user,
            self.ctx.clock.now(),
        )


TOP_UP_COLUMNS = (
    Column("unit", lambda: translate("Prepayment", "Unit"), lambda r: r.unit_code),
    Column("owner", lambda: translate("Prepayment", "Owner"), lambda r: r.owner),
    Column("status", lambda: translate("Prepayment", "Status"), lambda r: status_text(r.state)),
    Column(
        "left",
        lambda: translate("Prepayment", "Left"),
        lambda r: r.state.remaining,
        right=True,
    ),
    Column(
        "share",
        lambda: translate("Prepayment", "Last share"),
        lambda r: r.state.last_share,
        right=True,
    ),
    Column(
        "open",
        lambda: translate("Prepayment", "Shares owed"),
        lambda r: r.state.open_shared,
        right=True,
    ),
    Column(
        "top_up",
        lambda: translate("Prepayment", "Top-up"),
        lambda r: r.state.suggested,
        right=True,
    ),
)


class TopUpBox(QGroupBox):
    """The units whose shared-utilities prepayment was never taken or needs topping up;
    a double-click opens the unit at the counter (``open_unit``)."""

    open_unit = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self.setTitle(self.tr("Shared utilities prepayment: units to collect or top up"))
        self.model = StaticModel(TOP_UP_COLUMNS, self)
        self.view = table_view(self.model)
        self.view.doubleClicked.connect(self._opened)
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.view)
        self.allowed = may(ctx, "fees.arrears.view")
        if not self.allowed:
            self.setEnabled(False)
            self.setToolTip(why_not(ctx, "fees.arrears.view"))
        self._changed = QTimer(self, singleShot=True, interval=CHANGES_DELAY_MS)
        self._changed.timeout.connect(self.refresh)
        on_changes(
            ctx.changes, self, (*PREPAYMENT_TABLES, "units"), lambda _c: self._changed.start()
        )

    def refresh(self) -> None:
        if not self.allowed:
            return
        self._generation += 1
        generation, db, estate_id = self._generation, self.ctx.db, self.ctx.estate_id
        today = local_today(self.ctx)

        def done(rows: list[prepayment.TopUpRow]) -> None:
            if generation == self._generation:
                self.model.set_rows(rows)
                self.count.setText(
                    self.tr(
                        "%1 units; the household amount and the floor are in Settings, Fee rules."
                    ).replace("%1", f"{len(rows):,}")
                )

        self.ctx.runner.query(
            self, lambda _p: prepayment.units_to_top_up(db, estate_id, today)
        ).success(done).failure(lambda error: show_error(self, error)).run()

    def _opened(self, index) -> None:
        row = self.model.rows[index.row()] if 0 <= index.row() < len(self.model.rows) else None
        if row is not None:
            self.open_unit.emit(row.unit_id)
