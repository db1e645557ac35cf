"""Fees (收费): counter, bills, arrears, collection rate, reminders and the fee schedule,
one tab each."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.fees import (
    AGEING_BUCKETS,
    COLLECTION_TARGET,
    PAYMENT_METHODS,
    REMINDER_METHODS,
    ROUNDING_RULE,
    period_of,
)
from app.domain.units import ValidationError
from app.services import billing, payments
from app.services.units import UnitQuery, page_units
from app.store.fee_models import Payment
from app.store.models import Unit
from ui import formats
from ui.context import AppContext
from ui.fees.common import (
    RowsModel,
    as_date,
    building_combo,
    month_edit,
    period_text,
    save_table,
    table_view,
)
from ui.fees.labels import bill_note, message, word
from ui.fees.printing import print_preview, receipt_html, reminder_letters_html, write_pdf
from ui.widgets import icons
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.refresh import RefreshWhenShown

SEARCH_DELAY_MS = 150
VIEWS = ("counter", "bills", "arrears", "collection", "reminders", "schedule")


def _errors_text(error: ValidationError) -> str:
    return "\n".join(message(text) for text in error.errors.values())


def _toolbar(*actions: QAction) -> QToolBar:
    bar = QToolBar()
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in actions:
        bar.addAction(action)
    return bar


def _action(parent: QWidget, text: str, icon: str, slot, shortcut: str = "") -> QAction:
    action = QAction(icons.icon(icon), text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({shortcut})")
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


def _empty_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "empty")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


# ---- counter ----


class CounterTab(QWidget):
    """Find a unit, see what it owes, take a payment, print the receipt."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id: str | None = None
        self.last_payment_id: str | None = None

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Room (3-1502) or owner name — Ctrl+F"))
        self.results = QListWidget()
        self.results_hint = QLabel()
        self.results_hint.setProperty("role", "hint")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._pick_first)
        self.results.currentItemChanged.connect(self._picked)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.results_hint)
        left_layout.addWidget(self.results, 1)

        self.unit_title = QLabel(self.tr("Find a unit to take a payment"))
        self.unit_title.setProperty("role", "title")
        self.balance = QLabel()
        self.lines_model = RowsModel(
            [
                self.tr("Period"),
                self.tr("Item"),
                self.tr("Due"),
                self.tr("Amount"),
                self.tr("Adjusted"),
                self.tr("Paid"),
                self.tr("Open"),
            ]
        )
        self.lines = table_view(self.lines_model)
        self.lines.selectionModel().selectionChanged.connect(self._selection_changed)
        self.lines_empty = _empty_label(self.tr("Nothing open: this unit owes nothing."))
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
        self.amount.textChanged.connect(lambda _t: self.amount_field.set_error(""))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        form_box = QGroupBox(self.tr("Payment"))
        form = QFormLayout(form_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Amount (¥) *"), self.amount_field)
        form.addRow(self.tr("Method *"), self.method)
        form.addRow(self.tr("Payer"), self.payer)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pay_button)
        form.addRow(buttons)
        form.addRow(self.result)

        self.history_model = RowsModel(
            [
                self.tr("Receipt No."),
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Method"),
                self.tr("Amount"),
                self.tr("Payer"),
                self.tr("Cashier"),
            ]
        )
        self.history = table_view(self.history_model)
        self.history.doubleClicked.connect(lambda _i: self.preview_receipt())

        self.print_action = _action(
            self, self.tr("Print receipt…"), "fa5s.print", self.preview_receipt, "Ctrl+P"
        )
        self.pdf_action = _action(
            self, self.tr("Save receipt PDF…"), "fa5s.file-pdf", self.save_receipt_pdf
        )
        self.reverse_action = _action(
            self, self.tr("Reverse payment…"), "fa5s.undo", self.reverse_selected
        )
        _action(self, self.tr("Take payment"), "fa5s.check", self.take_payment, "Ctrl+Return")
        _action(self, self.tr("Find unit"), "fa5s.search", self.search.setFocus, "Ctrl+F")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.adjust_action = _action(
            self, self.tr("Correct bill…"), "fa5s.edit", self.adjust_selected
        )
        self.deposits_action = _action(
            self, self.tr("Deposits…"), "fa5s.piggy-bank", self.open_deposits
        )
        self.parking_action = _action(
            self, self.tr("Parking spaces…"), "fa5s.car", self.open_parking
        )
        self.renovation_action = _action(
            self, self.tr("Renovation fee…"), "fa5s.hammer", self.charge_renovation
        )
        right_layout.addWidget(
            _toolbar(
                self.print_action,
                self.pdf_action,
                self.reverse_action,
                self.adjust_action,
                self.deposits_action,
                self.parking_action,
                self.renovation_action,
            )
        )
        right_layout.addWidget(self.unit_title)
        right_layout.addWidget(self.balance)
        right_layout.addWidget(QLabel(self.tr("Open bill lines (select some to pay only those)")))
        right_layout.addWidget(self.lines, 2)
        right_layout.addWidget(self.lines_empty)
        right_layout.addWidget(form_box)
        right_layout.addWidget(QLabel(self.tr("Payments of this unit")))
        right_layout.addWidget(self.history, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.amount, self.method, self.payer, self.pay_button):
            widget.setEnabled(enabled)
        for action in (
            self.reverse_action,
            self.adjust_action,
            self.deposits_action,
            self.parking_action,
            self.renovation_action,
        ):
            action.setEnabled(enabled)

    def adjust_selected(self) -> None:
        from ui.fees.dialogs import AdjustDialog

        picked = self.picked_lines()
        if not picked:
            QMessageBox.information(
                self, self.tr("Correct bill"), self.tr("Select the bill line to correct first.")
            )
            return
        if AdjustDialog(self.ctx, picked[0], self).exec():
            self.reload()

    def open_deposits(self) -> None:
        from ui.fees.dialogs import DepositsDialog

        if self.unit_id:
            DepositsDialog(self.ctx, self.unit_id, self).exec()

    def charge_renovation(self) -> None:
        """The one-off renovation management fee (area × rate), billed this month."""
        if not self.unit_id:
            return
        question = self.tr("Charge the one-off renovation management fee to %1?").replace(
            "%1", self.unit_title.text().strip()
        )
        if (
            QMessageBox.question(self, self.tr("Renovation fee"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            with self.ctx.db.session() as s:
                billing.charge_renovation(
                    s,
                    s.get(Unit, self.unit_id),
                    period_of(date.today()),
                    self.ctx.user_name or self.ctx.user_login,
                )
        except ValidationError as error:
            QMessageBox.warning(self, self.tr("Renovation fee"), _errors_text(error))
            return
        self.reload()
        self.ctx.events.data_changed.emit("bill_lines")

    def open_parking(self) -> None:
        from ui.fees.dialogs import ParkingDialog

        if self.unit_id:
            ParkingDialog(self.ctx, self.unit_id, self).exec()

    def _search(self) -> None:
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            self.results_hint.setText("")
            return
        with self.ctx.db.session() as s:
            rows = page_units(s, UnitQuery(self.ctx.estate_id, text=text), 0, 30)
        for row in rows:
            item = QListWidgetItem(f"{row.code}  {row.owner}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        self.results_hint.setText(
            self.tr("%n unit(s) found", "", len(rows)) if rows else self.tr("No unit matches")
        )

    def _pick_first(self) -> None:
        self._timer.stop()
        self._search()
        if self.results.count():
            self.results.setCurrentRow(0)
            self.amount.setFocus()

    def _picked(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_unit(item.data(Qt.ItemDataRole.UserRole))

    def show_unit(self, unit_id: str) -> None:
        self.unit_id = unit_id
        self.result.hide()
        self.reload()

    def reload(self) -> None:
        if self.unit_id is None:
            return
        with self.ctx.db.session() as s:
            unit = s.get(Unit, self.unit_id)
            from app.services.units import unit_input

            code = unit_input(s, unit)
            owner = payments.owner_of(s, unit.id)
            lines = payments.account_lines(s, unit.id)
            account = payments.unit_account(s, unit.id)
            history = payments.payments_of(s, unit.id)
        from app.domain.units import unit_code

        title = unit_code(code.building, code.entrance, code.room)
        self.unit_title.setText(f"{title}  {owner.name if owner else ''}")
        balance = account.balance
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
        self.lines_model.set_rows(
            [
                (
                    ln.period,
                    word(ln.fee_code),
                    ln.due_date,
                    ln.amount,
                    ln.adjusted,
                    ln.paid,
                    ln.open_amount,
                )
                for ln in lines
            ],
            [ln.line_id for ln in lines],
        )
        self.lines.setVisible(bool(lines))
        self.lines_empty.setVisible(not lines)
        self.history_model.set_rows(
            [
                (
                    p.receipt_no,
                    formats.local_time(p.paid_at),
                    word(p.kind),
                    word(p.method),
                    p.amount,
                    p.payer,
                    p.cashier,
                )
                for p in history
            ],
            [p.id for p in history],
        )
        self.amount.setText(f"{max(balance, Decimal(0)):.2f}" if balance > 0 else "")
        self._set_enabled(True)

    def _selection_changed(self, *_args) -> None:
        picked = self.picked_lines()
        if picked:
            total = sum(self.lines_model.rows[i][6] for i in self._picked_rows())
            self.amount.setText(f"{total:.2f}")

    def _picked_rows(self) -> list[int]:
        return sorted({index.row() for index in self.lines.selectionModel().selectedRows()})

    def picked_lines(self) -> list[str]:
        return [self.lines_model.keys[i] for i in self._picked_rows()]

    def take_payment(self) -> None:
        if self.unit_id is None or not self.pay_button.isEnabled():
            return
        try:
            with self.ctx.db.session() as s:
                unit = s.get(Unit, self.unit_id)
                receipt = payments.take_payment(
                    s,
                    unit,
                    self.amount.text(),
                    self.method.currentData(),
                    self.payer.text(),
                    self.ctx.user_name or self.ctx.user_login,
                    self.picked_lines() or None,
                )
                number, amount, credit = (
                    receipt.payment.receipt_no,
                    receipt.payment.amount,
                    receipt.credit,
                )
                self.last_payment_id = receipt.payment.id
        except ValidationError as error:
            self.amount_field.set_error(_errors_text(error))
            return
        text = (
            self.tr("Receipt %1: %2 received.")
            .replace("%1", number)
            .replace("%2", formats.money(amount))
        )
        if credit:
            text += " " + self.tr("%1 kept as credit for the next bills.").replace(
                "%1", formats.money(credit)
            )
        banner("banner-ok", text, self.result)
        self.payer.clear()
        self.reload()
        self.ctx.events.data_changed.emit("payments")
        self.ctx.events.status_message.emit(text)

    def _selected_payment(self) -> str | None:
        rows = self.history.selectionModel().selectedRows() if self.history.selectionModel() else []
        if rows:
            return self.history_model.keys[rows[0].row()]
        return self.last_payment_id or (
            self.history_model.keys[0] if self.history_model.keys else None
        )

    def receipt_html(self, payment_id: str) -> str:
        with self.ctx.db.session() as s:
            return receipt_html(payments.receipt_view(s, payment_id))

    def preview_receipt(self) -> None:
        payment_id = self._selected_payment()
        if payment_id:
            print_preview(self, self.receipt_html(payment_id), self.tr("Receipt")).exec()

    def save_receipt_pdf(self, path: str | None = None) -> Path | None:
        payment_id = self._selected_payment()
        if not payment_id:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save receipt PDF"), "receipt.pdf", "PDF (*.pdf)"
            )
            if not path:
                return None
        return write_pdf(self.receipt_html(payment_id), path)

    def reverse_selected(self) -> None:
        payment_id = self._selected_payment()
        if not payment_id:
            return
        with self.ctx.db.session() as s:
            payment = s.get(Payment, payment_id)
            number, amount = payment.receipt_no, payment.amount
        question = (
            self.tr("Reverse receipt No. %1, %2?")
            .replace("%1", number)
            .replace("%2", formats.money(amount))
        )
        if (
            QMessageBox.question(self, self.tr("Reverse payment"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            with self.ctx.db.session() as s:
                payments.reverse_payment(
                    s,
                    s.get(Payment, payment_id),
                    self.ctx.user_name or self.ctx.user_login,
                    self.tr("Reversed at the counter"),
                )
        except ValidationError as error:
            QMessageBox.warning(self, self.tr("Reverse payment"), _errors_text(error))
            return
        self.reload()
        self.ctx.events.data_changed.emit("payments")


# ---- bills ----


class BillsTab(RefreshWhenShown, QWidget):
    SHOWN = 2000

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = month_edit(date.today())
        with ctx.db.session() as s:
            self.building = building_combo(s, ctx.estate_id, self.tr("All buildings"))
        self.shared_total = QLineEdit()
        self.shared_total.setPlaceholderText(
            self.tr("Month's shared water and electricity, e.g. 10000.00")
        )
        self.shared_field = FieldWithMessage(self.shared_total)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        self.model = RowsModel(
            [
                self.tr("Unit"),
                self.tr("Item"),
                self.tr("Period"),
                self.tr("Quantity"),
                self.tr("Rate"),
                self.tr("Amount"),
                self.tr("Note"),
            ]
        )
        self.view = table_view(self.model)
        self.empty = _empty_label(
            self.tr("No bills for this month yet — press “Run billing” (Ctrl+B) to issue them.")
        )
        self.run_action = _action(
            self, self.tr("Run billing"), "fa5s.file-invoice", self.run_billing, "Ctrl+B"
        )
        self.share_action = _action(
            self, self.tr("Apportion shared cost"), "fa5s.divide", self.apportion
        )
        self.export_action = _action(self, self.tr("Export…"), "fa5s.file-export", self.export)
        _action(self, self.tr("Refresh"), "fa5s.sync", self.refresh, "F5")
        self.period.dateChanged.connect(lambda _d: self.refresh_soon())
        self.building.currentIndexChanged.connect(lambda _i: self.refresh_soon())
        self.message = QLabel()
        self.message.hide()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Month")))
        filters.addWidget(self.period)
        filters.addWidget(self.building)
        filters.addWidget(self.shared_field, 1)
        filters.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(_toolbar(self.run_action, self.share_action, self.export_action))
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)

    def refresh(self) -> None:
        period = period_text(self.period)
        building = self.building.currentData()
        with self.ctx.db.session() as s:
            count, total = billing.period_summary(s, self.ctx.estate_id, period, building)
            rows = billing.bill_rows(s, self.ctx.estate_id, period, building, 0, self.SHOWN)
        self.model.set_rows(
            [
                (
                    r.unit_code,
                    word(r.fee_code),
                    r.period,
                    f"{r.quantity:.2f}",
                    r.rate,
                    r.amount,
                    bill_note(r.note),
                )
                for r in rows
            ],
            [r.line_id for r in rows],
        )
        text = (
            self.tr("%1 lines, total %2")
            .replace("%1", f"{count:,}")
            .replace("%2", formats.money(total))
        )
        if count > len(rows):
            text += " " + self.tr("(first %1 shown; export for all)").replace(
                "%1", f"{len(rows):,}"
            )
        self.summary.setText(text)
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def run_billing(self) -> None:

        period = period_text(self.period)
        question = self.tr("Issue the bills of %1 for every unit?").replace("%1", period)
        if (
            QMessageBox.question(self, self.tr("Run billing"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.issue(period)

    def issue(self, period: str) -> billing.BillingResult:
        from ui.widgets.work import run_busy

        def work():
            with self.ctx.db.session() as s:
                billing.ensure_default_schedule(s, self.ctx.estate_id)
                return billing.run_billing(
                    s, self.ctx.estate_id, period, self.ctx.user_name or self.ctx.user_login
                )

        result = run_busy(self, self.tr("Issuing bills…"), work)
        text = (
            self.tr("%1: %2 lines issued (%3), %4 already issued.")
            .replace("%1", period)
            .replace("%2", f"{result.created:,}")
            .replace("%3", formats.money(result.total))
            .replace("%4", f"{result.already_issued:,}")
        )
        banner("banner-ok", text, self.message)
        self.refresh()
        self.ctx.events.data_changed.emit("bill_lines")
        return result

    def apportion(self) -> None:
        period = period_text(self.period)
        try:
            with self.ctx.db.session() as s:
                result = billing.bill_shared_utilities(
                    s, self.ctx.estate_id, period, self.shared_total.text(), self.ctx.user_name
                )
        except ValidationError as error:
            self.shared_field.set_error(_errors_text(error))
            return
        self.shared_field.set_error("")
        banner(
            "banner-ok",
            self.tr("Shared cost %1 split over %2 units.")
            .replace("%1", formats.money(result.total))
            .replace("%2", str(result.created)),
            self.message,
        )
        self.refresh()
        self.ctx.events.data_changed.emit("bill_lines")

    def export(self, path: str | None = None) -> Path | None:
        self.ensure_fresh()
        period = period_text(self.period)
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export bills"), f"bills-{period}.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
            )
            if not path:
                return None
        with self.ctx.db.session() as s:
            rows = billing.export_rows(s, self.ctx.estate_id, period)
        save_table(Path(path), list(billing.EXPORT_COLUMNS), rows)
        return Path(path)


# ---- arrears ----


class ArrearsTab(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[payments.ArrearsRow] = []
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        with ctx.db.session() as s:
            self.building = building_combo(s, ctx.estate_id, self.tr("All buildings"))
        self.headers = (
            [self.tr("Unit"), self.tr("Owner"), self.tr("Phone")]
            + [self.tr("%1 days").replace("%1", b) for b in AGEING_BUCKETS]
            + [self.tr("Overdue"), self.tr("Credit"), self.tr("Net owed")]
        )
        self.model = RowsModel(self.headers)
        self.view = table_view(self.model)
        self.totals = QLabel()
        self.totals.setProperty("role", "hint")
        self.empty = _empty_label(self.tr("No arrears: every overdue bill is paid."))
        self.export_action = _action(self, self.tr("Export XLSX…"), "fa5s.file-excel", self.export)
        _action(self, self.tr("Refresh"), "fa5s.sync", self.refresh, "F5")
        self.as_of.dateChanged.connect(lambda _d: self.refresh_soon())
        self.building.currentIndexChanged.connect(lambda _i: self.refresh_soon())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("As of")))
        filters.addWidget(self.as_of)
        filters.addWidget(self.building)
        filters.addStretch(1)
        filters.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addWidget(_toolbar(self.export_action))
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        ctx.events.data_changed.connect(lambda _t: self.refresh_soon())

    def table_rows(self) -> list[tuple]:
        return [
            (
                r.unit_code,
                r.owner,
                r.phone_masked,
                *r.buckets.values(),
                r.overdue,
                -r.credit if r.credit else Decimal("0.00"),
                r.net,
            )
            for r in self.rows
        ]

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            self.rows = payments.arrears(
                s, self.ctx.estate_id, as_date(self.as_of), self.building.currentData()
            )
        self.model.set_rows(self.table_rows(), [r.unit_id for r in self.rows])
        totals = payments.arrears_totals(self.rows)
        net = sum((r.net for r in self.rows), Decimal("0.00"))
        self.totals.setText(
            self.tr("%1 units, net owed %2")
            .replace("%1", f"{len(self.rows):,}")
            .replace("%2", formats.money(net))
            + "  ("
            + ", ".join(f"{b}: {formats.money(v)}" for b, v in totals.items())
            + ")"
        )
        self.view.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)

    def export(self, path: str | None = None) -> Path | None:
        self.ensure_fresh()
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export arrears"),
                f"arrears-{as_date(self.as_of)}.xlsx",
                "Excel (*.xlsx)",
            )
            if not path:
                return None
        save_table(Path(path), self.headers, self.table_rows())
        return Path(path)


# ---- collection rate ----


class CollectionTab(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.points: list[payments.CollectionPoint] = []
        self.month = month_edit(date.today())
        with ctx.db.session() as s:
            self.building = building_combo(s, ctx.estate_id, self.tr("All buildings"))
        self.figure = QLabel()
        self.figure.setProperty("role", "title")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.month.dateChanged.connect(lambda _d: self.refresh_soon())
        self.building.currentIndexChanged.connect(lambda _i: self.refresh_soon())
        _action(self, self.tr("Refresh"), "fa5s.sync", self.refresh, "F5")
        from PySide6.QtCharts import QChart, QChartView

        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Month")))
        filters.addWidget(self.month)
        filters.addWidget(self.building)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.figure)
        layout.addWidget(self.detail)
        layout.addWidget(self.chart_view, 1)
        ctx.events.data_changed.connect(lambda _t: self.refresh_soon())

    def refresh(self) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QLineSeries, QValueAxis

        with self.ctx.db.session() as s:
            self.points = payments.collection(
                s, self.ctx.estate_id, period_text(self.month), 12, self.building.currentData()
            )
        current = self.points[-1]
        target = f"{COLLECTION_TARGET:.0%}"
        if current.rate is None:
            self.figure.setText(self.tr("%1: nothing billed").replace("%1", current.period))
        else:
            word_state = (
                self.tr("target met")
                if current.rate >= COLLECTION_TARGET
                else self.tr("below target")
            )
            self.figure.setText(
                self.tr("%1 collection rate %2 (target %3, %4)")
                .replace("%1", current.period)
                .replace("%2", f"{current.rate:.1%}")
                .replace("%3", target)
                .replace("%4", word_state)
            )
        self.detail.setText(
            self.tr(
                "Collected %1 of %2 receivable. Collected = payments applied to the month's bills; receivable = the month's bills after adjustments."
            )
            .replace("%1", formats.money(current.collected))
            .replace("%2", formats.money(current.receivable))
        )
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(self.tr("Collection rate %"))
        for point in self.points:
            bars.append(float((point.rate or 0) * 100))  # chart geometry only, not money
        series = QBarSeries()
        series.append(bars)
        goal = QLineSeries()
        goal.setName(self.tr("Target %1").replace("%1", target))
        for i in range(len(self.points)):
            goal.append(i - 0.5, float(COLLECTION_TARGET * 100))
            goal.append(i + 0.5, float(COLLECTION_TARGET * 100))
        self.chart.addSeries(series)
        self.chart.addSeries(goal)
        categories = QBarCategoryAxis()
        categories.append([p.period[2:] for p in self.points])
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        hidden = QValueAxis()
        hidden.setRange(-0.5, len(self.points) - 0.5)
        hidden.setVisible(False)
        self.chart.addAxis(hidden, Qt.AlignmentFlag.AlignBottom)
        goal.attachAxis(hidden)
        goal.attachAxis(values)
        self.chart.setTitle(self.tr("Collection rate, last 12 months"))


# ---- reminders ----


class RemindersTab(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.due: list[payments.ArrearsRow] = []
        self.today = QDateEdit(QDate.currentDate())
        self.today.setCalendarPopup(True)
        self.today.setDisplayFormat("yyyy-MM-dd")
        with ctx.db.session() as s:
            self.building = building_combo(s, ctx.estate_id, self.tr("All buildings"))
        self.due_model = RowsModel(
            [self.tr("Unit"), self.tr("Owner"), self.tr("Phone"), self.tr("Net owed")]
        )
        self.due_view = table_view(self.due_model)
        self.due_hint = QLabel()
        self.due_hint.setProperty("role", "hint")
        self.due_hint.setWordWrap(True)
        self.method = QComboBox()
        for code in REMINDER_METHODS:
            self.method.addItem(word(code), code)
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("What came of it, e.g. will pay on Friday"))
        self.record_button = QPushButton(self.tr("Record reminder"))
        self.record_button.clicked.connect(self.record)
        self.log_model = RowsModel(
            [
                self.tr("Date"),
                self.tr("Unit"),
                self.tr("Method"),
                self.tr("Amount due"),
                self.tr("By"),
                self.tr("Outcome"),
            ]
        )
        self.log_view = table_view(self.log_model)
        self.print_action = _action(
            self, self.tr("Print letters…"), "fa5s.print", self.preview_letters, "Ctrl+P"
        )
        self.pdf_action = _action(
            self, self.tr("Save letters PDF…"), "fa5s.file-pdf", self.save_letters_pdf
        )
        _action(self, self.tr("Refresh"), "fa5s.sync", self.refresh, "F5")
        self.today.dateChanged.connect(lambda _d: self.refresh_soon())
        self.building.currentIndexChanged.connect(lambda _i: self.refresh_soon())

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Date")))
        filters.addWidget(self.today)
        filters.addWidget(self.building)
        filters.addStretch(1)
        record_box = QGroupBox(self.tr("Record a reminder for the selected units"))
        form = QFormLayout(record_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Outcome"), self.outcome)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        form.addRow(row)
        layout = QVBoxLayout(self)
        layout.addWidget(_toolbar(self.print_action, self.pdf_action))
        layout.addLayout(filters)
        layout.addWidget(self.due_hint)
        layout.addWidget(self.due_view, 2)
        layout.addWidget(record_box)
        layout.addWidget(QLabel(self.tr("Reminder log")))
        layout.addWidget(self.log_view, 1)
        ctx.events.data_changed.connect(lambda _t: self.refresh_soon())

    def refresh(self) -> None:
        day = as_date(self.today)
        with self.ctx.db.session() as s:
            self.due = payments.due_reminders(
                s, self.ctx.estate_id, day, self.building.currentData()
            )
            log = payments.reminder_log(s, self.ctx.estate_id)
            since = payments.last_reminder_day(day)
        self.due_model.set_rows(
            [(r.unit_code, r.owner, r.phone_masked, r.net) for r in self.due],
            [r.unit_id for r in self.due],
        )
        self.due_hint.setText(
            self.tr("%1 debtors not reminded since %2 (reminders go out on the 10th and the 25th).")
            .replace("%1", f"{len(self.due):,}")
            .replace("%2", since.isoformat())
        )
        self.log_model.set_rows(
            [
                (r.reminded_on, r.unit_code, word(r.method), r.amount_due, r.made_by, r.outcome)
                for r in log
            ]
        )

    def selected(self) -> list[payments.ArrearsRow]:
        rows = sorted({i.row() for i in self.due_view.selectionModel().selectedRows()})
        return [self.due[i] for i in rows] if rows else []

    def record(self) -> None:
        chosen = self.selected()
        if not chosen:
            QMessageBox.information(
                self, self.tr("Record reminder"), self.tr("Select the units reminded first.")
            )
            return
        with self.ctx.db.session() as s:
            for row in chosen:
                payments.record_reminder(
                    s,
                    s.get(Unit, row.unit_id),
                    self.method.currentData(),
                    as_date(self.today),
                    row.net,
                    self.ctx.user_name or self.ctx.user_login,
                    self.outcome.text(),
                )
        self.outcome.clear()
        self.refresh()

    def letters_html(self) -> str:
        self.ensure_fresh()
        return reminder_letters_html(
            self.ctx.estate_name, self.selected() or self.due, as_date(self.today)
        )

    def preview_letters(self) -> None:
        if self.due:
            print_preview(self, self.letters_html(), self.tr("Payment reminders")).exec()

    def save_letters_pdf(self, path: str | None = None) -> Path | None:
        if not self.due:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save letters PDF"), "reminders.pdf", "PDF (*.pdf)"
            )
            if not path:
                return None
        return write_pdf(self.letters_html(), path)


# ---- schedule ----


class ScheduleTab(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(
            [self.tr("Item"), self.tr("Code"), self.tr("Rate"), self.tr("Basis"), self.tr("From")]
        )
        self.view = table_view(self.model)
        self.code = QComboBox()
        self.rate = QLineEdit()
        self.rate.setPlaceholderText("1.90")
        self.rate_field = FieldWithMessage(self.rate)
        self.effective = QLineEdit()
        self.effective.setPlaceholderText(self.tr("YYYY-MM-DD, e.g. 2026-07-01"))
        self.effective_field = FieldWithMessage(self.effective)
        self.save_button = QPushButton(self.tr("Add rate change"))
        self.save_button.clicked.connect(self.save_rate)
        _action(self, self.tr("Add rate change"), "fa5s.save", self.save_rate, "Ctrl+S")
        form_box = QGroupBox(self.tr("New rate from a date on (earlier bills never change)"))
        form = QFormLayout(form_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Item *"), self.code)
        form.addRow(self.tr("Rate (¥) *"), self.rate_field)
        form.addRow(self.tr("Effective from *"), self.effective_field)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        self.rules = FeeRulesBox(ctx)
        # the rate form and the rules side by side, so the schedule table keeps its height
        below = QHBoxLayout()
        below.addWidget(form_box, 1, Qt.AlignmentFlag.AlignTop)
        below.addWidget(self.rules, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(below)

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            items = billing.schedule(s, self.ctx.estate_id)
        self.model.set_rows(
            [(word(i.code), i.code, i.rate, word(i.basis), i.effective_from) for i in items]
        )
        current = self.code.currentData()
        self.code.clear()
        for code in dict.fromkeys(i.code for i in items):
            self.code.addItem(word(code), code)
        if current:
            self.code.setCurrentIndex(max(self.code.findData(current), 0))

    def save_rate(self) -> None:
        self.rate_field.set_error("")
        self.effective_field.set_error("")
        try:
            with self.ctx.db.session() as s:
                billing.set_rate(
                    s,
                    self.ctx.estate_id,
                    self.code.currentData(),
                    self.rate.text(),
                    self.effective.text(),
                )
        except ValidationError as error:
            self.rate_field.set_error(
                message(error.errors.get("rate", "")) if "rate" in error.errors else ""
            )
            self.effective_field.set_error(
                message(error.errors["effective_from"]) if "effective_from" in error.errors else ""
            )
            return
        self.rate.clear()
        self.effective.clear()
        self.refresh()
        self.ctx.events.data_changed.emit("fee_items")


class FeeRulesBox(QGroupBox):
    """The estate's billing rules: the rounding rule in words, then the settings an estate
    may change (due day, vacancy discount, late fee), saved together."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Fee rules"))
        with ctx.db.session() as s:
            rules = billing.load_rules(s, ctx.estate_id)
        rounding = QLabel(QCoreApplication.translate("FeeRules", ROUNDING_RULE))
        rounding.setWordWrap(True)
        self.due_day = QSpinBox()
        self.due_day.setRange(1, 28)
        self.due_day.setValue(rules.due_day)
        self.vacancy_ratio = QLineEdit(str(rules.vacancy_ratio))
        self.vacancy_months = QSpinBox()
        self.vacancy_months.setRange(1, 36)
        self.vacancy_months.setValue(rules.vacancy_months)
        self.late_enabled = QCheckBox(self.tr("Charge late fees"))
        self.late_enabled.setChecked(rules.late_fee.enabled)
        self.late_rate = QLineEdit(str(rules.late_fee.rate_per_day))
        self.grace_days = QSpinBox()
        self.grace_days.setRange(0, 365)
        self.grace_days.setValue(rules.late_fee.grace_days)
        self.cap_ratio = QLineEdit(str(rules.late_fee.cap_ratio))
        self.fields = {
            "vacancy_ratio": FieldWithMessage(self.vacancy_ratio),
            "late_rate_per_day": FieldWithMessage(self.late_rate),
            "cap_ratio": FieldWithMessage(self.cap_ratio),
        }
        self.saved = QLabel()
        self.saved.hide()
        save = QPushButton(self.tr("Save rules"))
        save.clicked.connect(self.save)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Rounding"), rounding)
        form.addRow(self.tr("Due day of the month"), self.due_day)
        form.addRow(self.tr("Vacancy: share paid (0.70 = 70%)"), self.fields["vacancy_ratio"])
        form.addRow(self.tr("Vacancy: whole months vacant"), self.vacancy_months)
        form.addRow(self.tr("Late fee"), self.late_enabled)
        form.addRow(self.tr("Late fee per day (0.0003 = 0.03%)"), self.fields["late_rate_per_day"])
        form.addRow(self.tr("Grace days"), self.grace_days)
        form.addRow(self.tr("Cap (share of the arrears)"), self.fields["cap_ratio"])
        row = QHBoxLayout()
        row.addWidget(self.saved, 1)
        row.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        form.addRow(row)

    def save(self) -> None:
        for field in self.fields.values():
            field.set_error("")
        try:
            with self.ctx.db.session() as s:
                billing.update_rules(
                    s,
                    self.ctx.estate_id,
                    due_day=self.due_day.value(),
                    vacancy_ratio=self.vacancy_ratio.text(),
                    vacancy_months=self.vacancy_months.value(),
                    late_enabled=self.late_enabled.isChecked(),
                    late_rate_per_day=self.late_rate.text(),
                    grace_days=self.grace_days.value(),
                    cap_ratio=self.cap_ratio.text(),
                )
        except ValidationError as error:
            for name, text in error.errors.items():
                if name in self.fields:
                    self.fields[name].set_error(message(text))
            return
        banner(
            "banner-ok", self.tr("Rules saved; they apply from the next billing run."), self.saved
        )
        self.ctx.events.data_changed.emit("settings")


def fee_rules_box(ctx: AppContext, parent: QWidget | None = None) -> QGroupBox:
    """For the Settings page: the fee rules group box (rounding rule shown first)."""
    return FeeRulesBox(ctx, parent)


# ---- the page ----


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if hasattr(current, "refresh"):
            current.refresh()

    def show_view(self, name: str) -> None:
        if name in VIEWS:
            self.tabs.setCurrentIndex(VIEWS.index(name))
