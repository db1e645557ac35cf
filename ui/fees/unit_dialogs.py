"""A unit's deposits and parking spaces, opened from the counter: a list and a small form
each. Reads are one unit's few rows; writes run on the runner's writer, and what was typed
stays when an operation refuses it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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

from app.domain.errors import FieldErrors
from app.domain.fees import DEPOSIT_CODES, PARKING_CODES, PAYMENT_METHODS
from app.services.fees import deposits, schedule
from ui import formats, messages
from ui.context import AppContext
from ui.fees.common import current_row, table_view
from ui.fees.counter_cash import LargeAmountCheck, money_or_none
from ui.fees.labels import word
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import mark_fields
from ui.widgets.paged_model import Column, StaticModel

translate = QCoreApplication.translate  # column titles: literal calls, so lupdate finds them

DEPOSIT_COLUMNS = (
    Column(
        "receipt",
        lambda: translate("DepositsDialog", "Receipt No."),
        # an opening deposit (期初押金) was taken before PropDesk, with no receipt of ours
        lambda d: d.receipt_no or (word("opening_deposit") if d.opening else ""),
    ),
    Column("kind", lambda: translate("DepositsDialog", "Kind"), lambda d: word(d.fee_code)),
    Column("taken", lambda: translate("DepositsDialog", "Taken"), lambda d: d.amount, right=True),
    Column("held", lambda: translate("DepositsDialog", "Held"), lambda d: d.held, right=True),
    Column("payer", lambda: translate("DepositsDialog", "Payer"), lambda d: d.payer),
    Column("date", lambda: translate("DepositsDialog", "Date"), lambda d: formats.local_time(d.at)),
)
PARKING_COLUMNS = (
    Column("space", lambda: translate("ParkingDialog", "Space"), lambda p: p.space_no),
    Column("kind", lambda: translate("ParkingDialog", "Kind"), lambda p: word(p.fee_code)),
    Column("plate", lambda: translate("ParkingDialog", "Plate"), lambda p: p.plate),
    Column(
        "billed",
        lambda: translate("ParkingDialog", "Billed"),
        lambda p: (
            translate("ParkingDialog", "Yes") if p.active else translate("ParkingDialog", "No")
        ),
    ),
)


class _UnitDialog(QDialog):
    def __init__(self, ctx: AppContext, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.user = ctx.user_name or ctx.user_login
        self.busy = False
        self.other = QLabel()
        self.other.setWordWrap(True)
        self.other.hide()

    def write(self, work, done) -> None:
        """Run ``work`` on the writer; then ``done(result)`` and a re-read, or the refusal
        shown by the fields it names."""
        self.busy = True

        def saved(result) -> None:
            banner("banner-error", "", self.other)
            mark_fields(self.fields, {})
            done(result)
            self.reload()

        def refused(error: BaseException) -> None:
            if isinstance(error, FieldErrors):
                mark_fields(self.fields, error.errors)
                rest = [e for name, e in error.errors.items() if name not in self.fields]
            else:
                mark_fields(self.fields, {})
                rest = [error]
            banner("banner-error", "\n".join(messages.describe(e) for e in rest), self.other)

        def finished() -> None:
            self.busy = False

        self.ctx.runner.write(self, lambda _p: work()).success(saved).failure(refused).finally_(
            finished
        ).run()

    def reload(self) -> None:
        raise NotImplementedError


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    return form


class DepositsDialog(_UnitDialog):
    """Deposits of a unit: take one, see what is held, refund against the original."""

    def __init__(self, ctx: AppContext, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, unit_id, parent)
        self.setWindowTitle(self.tr("Deposits"))
        self.resize(720, 420)
        self.model = StaticModel(DEPOSIT_COLUMNS, self)
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
        self.take_button = QPushButton(self.tr("Take deposit"))
        self.take_button.clicked.connect(self.take)
        self.refund_button = QPushButton(self.tr("Refund selected…"))
        self.refund_button.clicked.connect(self.refund)
        box = QGroupBox(self.tr("Take a deposit"))
        form = _form(box)
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
        self.rates = {i.code: i.rate for i in schedule.schedule(ctx.db, ctx.estate_id)}
        self.kind.currentIndexChanged.connect(self._default_amount)
        self._default_amount()
        self.large = LargeAmountCheck(ctx, self)
        self.reload()

    def _default_amount(self) -> None:
        rate = self.rates.get(self.kind.currentData())
        if rate is not None:
            self.amount.setText(f"{rate:.2f}")

    def reload(self) -> None:
        self.model.set_rows(deposits.deposits_of(self.ctx.db, self.unit_id))
        self.view.resizeColumnsToContents()

    def take(self) -> None:
        db, unit_id, now = self.ctx.db, self.unit_id, self.ctx.clock.now()
        kind, typed = self.kind.currentData(), self.amount.text()
        method, payer = self.method.currentData(), self.payer.text()
        amount = money_or_none(typed)  # not money: the operation refuses it with its message
        question = (
            self.tr("Take a deposit (%1) of %2 by %3?")
            .replace("%1", self.kind.currentText())
            .replace("%2", formats.money(amount or 0))
            .replace("%3", self.method.currentText())
        )
        if amount is not None and not self.large.confirmed(amount, "", method, question):
            return
        self.write(
            lambda: deposits.take_deposit(db, unit_id, kind, typed, method, payer, self.user, now),
            lambda _row: self.payer.clear(),
        )

    def refund(self) -> None:
        chosen = current_row(self.view)
        if chosen is None:
            return
        question = (
            self.tr("Refund deposit No. %1, %2?")
            .replace("%1", chosen.receipt_no)
            .replace("%2", formats.money(chosen.held))
        )
        if chosen.held > self.large.threshold:  # the counter's one question, with the threshold
            if not self.large.confirmed(chosen.held, "", word(chosen.method), question):
                return
        elif (
            QMessageBox.question(self, self.tr("Refund deposit"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        db, now = self.ctx.db, self.ctx.clock.now()
        self.write(
            lambda: deposits.refund_deposit(db, chosen.id, self.user, now=now), lambda _r: None
        )


class ParkingDialog(_UnitDialog):
    """Parking spaces a unit rents (billed monthly per space) with the vehicle's plate."""

    def __init__(self, ctx: AppContext, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, unit_id, parent)
        self.setWindowTitle(self.tr("Parking spaces"))
        self.resize(640, 380)
        self.model = StaticModel(PARKING_COLUMNS, self)
        self.view = table_view(self.model)
        self.kind = QComboBox()
        for code in PARKING_CODES:
            self.kind.addItem(word(code), code)
        self.space_no = QLineEdit()
        self.space_no.setPlaceholderText("B1-023")
        self.plate = QLineEdit()
        self.plate.setPlaceholderText("粤B12345")
        self.fields = {"space_no": FieldWithMessage(self.space_no)}
        add = QPushButton(self.tr("Add space"))
        add.clicked.connect(self.add)
        end = QPushButton(self.tr("Stop billing selected"))
        end.clicked.connect(self.end)
        box = QGroupBox(self.tr("Add a space"))
        form = _form(box)
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
        self.model.set_rows(schedule.parking_spaces_of(self.ctx.db, self.unit_id))
        self.view.resizeColumnsToContents()

    def add(self) -> None:
        db, unit_id = self.ctx.db, self.unit_id
        kind, number, plate = self.kind.currentData(), self.space_no.text(), self.plate.text()

        def added(_row) -> None:
            self.space_no.clear()
            self.plate.clear()

        self.write(lambda: schedule.add_parking_space(db, unit_id, kind, number, plate), added)

    def end(self) -> None:
        chosen = current_row(self.view)
        if chosen is not None:
            db = self.ctx.db
            self.write(lambda: schedule.end_parking_space(db, chosen.id), lambda _r: None)
