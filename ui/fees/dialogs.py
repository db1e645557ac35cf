"""Counter dialogs: correct a bill line, deposits of a unit, parking spaces of a unit,
refund a credit. Each keeps what was typed when the service refuses it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.fees import DEPOSIT_CODES, PARKING_CODES, PAYMENT_METHODS
from app.domain.units import ValidationError
from app.services import billing, payments
from app.store.fee_models import BillLine, Deposit, ParkingSpace
from app.store.models import Unit
from ui import formats
from ui.context import AppContext
from ui.fees.common import RowsModel, table_view
from ui.fees.labels import message, word
from ui.widgets.fields import FieldWithMessage


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    return form


def _show_errors(
    error: ValidationError, fields: dict[str, FieldWithMessage], fallback: QLabel
) -> None:
    for field in fields.values():
        field.set_error("")
    rest = []
    for name, text in error.errors.items():
        if name in fields:
            fields[name].set_error(message(text))
        else:
            rest.append(message(text))
    fallback.setText("\n".join(rest))
    fallback.setVisible(bool(rest))


class AdjustDialog(QDialog):
    """A correction of an issued bill line: signed amount and a reason; the line stays."""

    def __init__(self, ctx: AppContext, line_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.line_id = line_id
        with ctx.db.session() as s:
            line = s.get(BillLine, line_id)
            title = f"{line.period} {word(line.fee_code)} {formats.money(line.amount)}"
        self.setWindowTitle(self.tr("Correct a bill"))
        self.setMinimumWidth(480)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("-20.00 lowers the bill, 20.00 raises it"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why, e.g. compensation for a water leak"))
        self.fields = {
            "amount": FieldWithMessage(self.amount),
            "reason": FieldWithMessage(self.reason),
        }
        self.other = QLabel()
        self.other.setProperty("role", "error")
        self.other.hide()
        form = _form(self)
        form.addRow(self.tr("Bill line"), QLabel(title))
        form.addRow(self.tr("Amount (¥) *"), self.fields["amount"])
        form.addRow(self.tr("Reason *"), self.fields["reason"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.other)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            with self.ctx.db.session() as s:
                billing.adjust(
                    s,
                    s.get(BillLine, self.line_id),
                    self.amount.text(),
                    self.reason.text(),
                    self.ctx.user_name or self.ctx.user_login,
                )
        except ValidationError as error:
            _show_errors(error, self.fields, self.other)
            return
        self.ctx.events.data_changed.emit("fee_adjustments")
        self.accept()


class DepositsDialog(QDialog):
    """Deposits of a unit: take one, see what is held, refund against the original."""

    def __init__(self, ctx: AppContext, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.setWindowTitle(self.tr("Deposits"))
        self.resize(720, 420)
        self.model = RowsModel(
            [
                self.tr("Receipt No."),
                self.tr("Kind"),
                self.tr("Taken"),
                self.tr("Held"),
                self.tr("Payer"),
                self.tr("Date"),
            ]
        )
        self.view = table_view(self.model)
        self.kind = QComboBox()
        for code in DEPOSIT_CODES:
            self.kind.addItem(word(code), code)
        self.method = QComboBox()
        for code in PAYMENT_METHODS:
            self.method.addItem(word(code), code)
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.payer = QLineEdit()
        self.fields = {"amount": FieldWithMessage(self.amount)}
        self.other = QLabel()
        self.other.setProperty("role", "error")
        self.other.hide()
        self.take_button = QPushButton(self.tr("Take deposit"))
        self.take_button.clicked.connect(self.take)
        self.refund_button = QPushButton(self.tr("Refund selected…"))
        self.refund_button.clicked.connect(self.refund)
        box = QGroupBox(self.tr("Take a deposit"))
        form = _form(box)
        box.setLayout(form)
        form.addRow(self.tr("Kind *"), self.kind)
        form.addRow(self.tr("Amount (¥) *"), self.fields["amount"])
        form.addRow(self.tr("Method *"), self.method)
        form.addRow(self.tr("Payer"), self.payer)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.take_button)
        form.addRow(row)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(box)
        layout.addWidget(self.other)
        self.kind.currentIndexChanged.connect(self._default_amount)
        self._default_amount()
        self.reload()

    def _default_amount(self) -> None:
        with self.ctx.db.session() as s:
            rates = {i.code: i.rate for i in billing.schedule(s, self.ctx.estate_id)}
        rate = rates.get(self.kind.currentData())
        if rate is not None:
            self.amount.setText(f"{rate:.2f}")

    def reload(self) -> None:
        with self.ctx.db.session() as s:
            rows = payments.deposits_of(s, self.unit_id)
        self.model.set_rows(
            [
                (d.receipt_no, word(d.fee_code), d.amount, held, d.payer, formats.local_time(d.at))
                for d, held in rows
            ],
            [d.id for d, _ in rows],
        )

    def take(self) -> None:
        try:
            with self.ctx.db.session() as s:
                payments.take_deposit(
                    s,
                    s.get(Unit, self.unit_id),
                    self.kind.currentData(),
                    self.amount.text(),
                    self.method.currentData(),
                    self.payer.text(),
                    self.ctx.user_name or self.ctx.user_login,
                )
        except ValidationError as error:
            _show_errors(error, self.fields, self.other)
            return
        self.fields["amount"].set_error("")
        self.other.hide()
        self.reload()

    def refund(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        deposit_id = self.model.keys[rows[0].row()]
        number, held = self.model.rows[rows[0].row()][0], self.model.rows[rows[0].row()][3]
        question = (
            self.tr("Refund deposit No. %1, %2?")
            .replace("%1", number)
            .replace("%2", formats.money(held))
        )
        if (
            QMessageBox.question(self, self.tr("Refund deposit"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            with self.ctx.db.session() as s:
                payments.refund_deposit(
                    s, s.get(Deposit, deposit_id), self.ctx.user_name or self.ctx.user_login
                )
        except ValidationError as error:
            _show_errors(error, self.fields, self.other)
            return
        self.reload()


class ParkingDialog(QDialog):
    """Parking spaces a unit rents (billed monthly per space) with the vehicle's plate."""

    def __init__(self, ctx: AppContext, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.setWindowTitle(self.tr("Parking spaces"))
        self.resize(640, 380)
        self.model = RowsModel(
            [self.tr("Space"), self.tr("Kind"), self.tr("Plate"), self.tr("Billed")]
        )
        self.view = table_view(self.model)
        self.kind = QComboBox()
        for code in PARKING_CODES:
            self.kind.addItem(word(code), code)
        self.space_no = QLineEdit()
        self.space_no.setPlaceholderText("B1-023")
        self.plate = QLineEdit()
        self.plate.setPlaceholderText("粤B12345")
        self.fields = {"space_no": FieldWithMessage(self.space_no)}
        self.other = QLabel()
        self.other.setProperty("role", "error")
        self.other.hide()
        add = QPushButton(self.tr("Add space"))
        add.clicked.connect(self.add)
        end = QPushButton(self.tr("Stop billing selected"))
        end.clicked.connect(self.end)
        box = QGroupBox(self.tr("Add a space"))
        form = _form(box)
        box.setLayout(form)
        form.addRow(self.tr("Kind *"), self.kind)
        form.addRow(self.tr("Space No. *"), self.fields["space_no"])
        form.addRow(self.tr("Plate"), self.plate)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add)
        form.addRow(row)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(end)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(box)
        layout.addWidget(self.other)
        self.reload()

    def reload(self) -> None:
        with self.ctx.db.session() as s:
            spaces = billing.parking_spaces_of(s, self.unit_id)
        yes, no = self.tr("Yes"), self.tr("No")
        self.model.set_rows(
            [(p.space_no, word(p.fee_code), p.plate, yes if p.active else no) for p in spaces],
            [p.id for p in spaces],
        )

    def add(self) -> None:
        try:
            with self.ctx.db.session() as s:
                billing.add_parking_space(
                    s,
                    s.get(Unit, self.unit_id),
                    self.kind.currentData(),
                    self.space_no.text(),
                    self.plate.text(),
                )
        except ValidationError as error:
            _show_errors(error, self.fields, self.other)
            return
        self.fields["space_no"].set_error("")
        self.space_no.clear()
        self.plate.clear()
        self.reload()

    def end(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        with self.ctx.db.session() as s:
            billing.end_parking_space(s, s.get(ParkingSpace, self.model.keys[rows[0].row()]))
        self.reload()
