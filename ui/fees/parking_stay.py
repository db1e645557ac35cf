"""Charging a temporary parking stay at the counter (临时停放): plate, entry and exit
time, the fee computed as they are typed, the method (with the cash handed over and the
change), take the payment, then print its receipt or save it as a PDF."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import PAYMENT_METHODS
from app.services.fees import parking
from ui import formats
from ui.context import AppContext
from ui.fees.common import local_today
from ui.fees.counter_cash import CashTendered, LargeAmountCheck
from ui.fees.labels import word
from ui.fees.printing import (
    receipt_paper,
    receipt_preview,
    stay_receipt_html,
    suggested_pdf_path,
    write_receipt_pdf,
)
from ui.widgets.fields import banner
from ui.widgets.forms import FormDialog

TZ = "Asia/Shanghai"  # the estate's zone, as the counter's other local days


def _editor(moment: datetime) -> QDateTimeEdit:
    """Wall time at the estate, to the minute (what the ticket and the clock show)."""
    local = moment.astimezone(ZoneInfo(TZ)).replace(tzinfo=None)
    editor = QDateTimeEdit(QDateTime(local.date(), local.time()))
    editor.setDisplayFormat("yyyy-MM-dd HH:mm")
    editor.setCalendarPopup(True)
    return editor


def set_moment(editor: QDateTimeEdit, moment: datetime) -> None:
    local = moment.astimezone(ZoneInfo(TZ)).replace(tzinfo=None)
    editor.setDateTime(QDateTime(local.date(), local.time()))


def _moment(editor: QDateTimeEdit) -> datetime:
    shown = editor.dateTime()
    wall = datetime.combine(shown.date().toPython(), shown.time().toPython())
    return wall.replace(tzinfo=ZoneInfo(TZ)).astimezone(UTC)


class TemporaryStayDialog(FormDialog):
    """One stay: what it costs is shown live; OK takes the payment, and the dialog then
    offers its receipt (print or PDF) until closed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.runner, "", parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Temporary parking"))
        self.setMinimumWidth(520)
        self.user = ctx.user_name or ctx.user_login
        self.quote: parking.StayQuote | None = None
        self.quote_error: DomainError | None = None
        self._quoting = 0
        now = ctx.clock.now().replace(second=0, microsecond=0)
        self.plate = QLineEdit()
        self.plate.setPlaceholderText(self.tr("e.g. 粤B12345"))
        self.entered = _editor(now - timedelta(hours=1))
        self.left = _editor(now)
        self.fee = QLabel()
        self.fee.setProperty("role", "title")
        self.rule = QLabel(self.tr("1 h to 12 h, both included: one fee; under 1 h: free"))
        self.rule.setProperty("role", "hint")
        self.amount = QLineEdit()  # the fee as text, for the cash row's change
        self.amount.hide()
        self.method = QComboBox()
        for code in PAYMENT_METHODS:
            self.method.addItem(word(code), code)
        self.add_field("plate", self.tr("Plate *"), self.plate)
        self.add_field("entered", self.tr("Entered *"), self.entered)
        self.add_field("left", self.tr("Left *"), self.left)
        self.add_row(self.tr("Fee"), self.fee)
        self.add_row("", self.rule)
        self.add_field("method", self.tr("Method *"), self.method)
        self.cash = CashTendered(self.form, self.amount, self.method, self)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        self.form.addRow(self.result)
        # today's stays, to print a receipt again
        self.today = QComboBox()
        self.reprint_button = QPushButton(self.tr("Print again…"))
        self.reprint_button.clicked.connect(self.reprint)
        today_row = QHBoxLayout()
        today_row.addWidget(self.today, 1)
        today_row.addWidget(self.reprint_button)
        self.form.addRow(self.tr("Charged today"), today_row)
        self.ok.setText(self.tr("Take payment"))
        self.print_button = QPushButton(self.tr("Print receipt…"))
        self.pdf_button = QPushButton(self.tr("Save receipt PDF…"))
        for button in (self.print_button, self.pdf_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.hide()  # after adding: the box shows what it is given
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.entered.dateTimeChanged.connect(lambda _d: self.requote())
        self.left.dateTimeChanged.connect(lambda _d: self.requote())
        self.plate.textEdited.connect(lambda _t: self.validate())
        self.large = LargeAmountCheck(ctx, self)
        self.requote()
        self.read_today()

    def read_today(self) -> None:
        db, estate_id, day = self.ctx.db, self.ctx.estate_id, local_today(self.ctx, TZ)
        self.ctx.runner.query(self, lambda _p: parking.stays_on(db, estate_id, day)).success(
            self._show_today
        ).run()

    def _show_today(self, stays: list[parking.StayRow]) -> None:
        self.today.clear()
        for each in reversed(stays):  # the latest first
            label = f"{each.receipt_no}  {each.plate}  {formats.money(each.amount)}"
            self.today.addItem(label, each)
        self.reprint_button.setEnabled(bool(stays))

    def reprint_html(self) -> str | None:
        chosen = self.today.currentData()
        return stay_receipt_html(chosen, TZ, receipt_paper()) if chosen else None

    def reprint(self) -> None:
        html = self.reprint_html()
        if html:
            receipt_preview(self, html, self.tr("Receipt"), receipt_paper()).exec()

    # ---- the fee, live ----

    def requote(self) -> None:
        self._quoting += 1
        generation = self._quoting
        db, estate_id = self.ctx.db, self.ctx.estate_id
        entered, left = _moment(self.entered), _moment(self.left)

        def shown(quote: parking.StayQuote) -> None:
            if generation == self._quoting:
                self._show_quote(quote, None)

        def refused(error: BaseException) -> None:
            if generation == self._quoting:
                if isinstance(error, FieldErrors):
                    error = next(iter(error.errors.values()))
                self._show_quote(None, error if isinstance(error, DomainError) else None)

        self.ctx.runner.query(
            self, lambda _p: parking.quote_stay(db, estate_id, entered, left)
        ).success(shown).failure(refused).run()

    def _show_quote(self, quote: parking.StayQuote | None, error: DomainError | None) -> None:
        self.quote, self.quote_error = quote, error
        if quote is None:
            self.fee.setText("")
            self.amount.setText("")
        elif quote.amount > 0:
            self.fee.setText(
                self.tr("%1 (%2 a stay)")
                .replace("%1", formats.money(quote.amount))
                .replace("%2", formats.money(quote.rate))
            )
            self.amount.setText(f"{quote.amount:.2f}")
        else:
            self.fee.setText(self.tr("Free (under 1 hour)"))
            self.amount.setText("")
        self._touched.add("left")
        self.validate()

    # ---- the form ----

    def values(self) -> dict[str, Any]:
        return {
            "plate": self.plate.text(),
            "entered": _moment(self.entered),
            "left": _moment(self.left),
            "method": self.method.currentData(),
            "tendered": self.cash.text(),
        }

    def check(self, values: dict[str, Any]) -> dict[str, DomainError]:
        errors: dict[str, DomainError] = {}
        if not values["plate"].strip():
            errors["plate"] = DomainError("fees.stay.plate_required")
        if self.quote_error is not None:
            errors["left"] = self.quote_error
        elif self.quote is not None and self.quote.amount <= 0:
            errors["left"] = DomainError("fees.stay.free")
        elif self.quote is None:
            errors["left"] = DomainError("fees.stay.free")  # not computed yet
        return errors

    def submit(self) -> None:
        if self.saved is not None:
            return
        if not self.validate():
            problem = self.cash.problem()
            if problem is not None:
                self.cash.show_problem(problem)
                return
            amount, plate = self.quote.amount, self.plate.text().strip()
            if not self.large.confirmed(amount, plate, self.method.currentText()):
                return
        super().submit()

    def save(self, values: dict[str, Any]) -> parking.StayRow:
        return parking.charge_temporary_stay(
            self.ctx.db,
            self.ctx.estate_id,
            values["plate"],
            values["entered"],
            values["left"],
            values["method"],
            self.user,
            values["tendered"],
            now=self.ctx.clock.now(),
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, FieldErrors) and "tendered" in error.errors:
            self.cash.show_problem(error.errors["tendered"])
            return
        super()._refused(error)

    def _saved(self, result: parking.StayRow) -> None:
        """Taken: the dialog stays open to print the receipt; nothing more can change."""
        self.saved = result
        text = (
            self.tr("Receipt %1: %2 received for %3.")
            .replace("%1", result.receipt_no)
            .replace("%2", formats.money(result.amount))
            .replace("%3", result.plate)
        )
        if result.change is not None:
            text += " " + self.tr("Change %1.").replace("%1", formats.money(result.change))
        banner("banner-ok", text, self.result)
        for widget in (self.plate, self.entered, self.left, self.method, self.cash.editor):
            widget.setEnabled(False)
        self.ok.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.print_button.show()
        self.pdf_button.show()
        self.read_today()
        self.ctx.events.status_message.emit(text)

    def _done(self) -> None:
        self._saving = False
        if self.saved is None:
            self.ok.setEnabled(not self.check(self.values()))

    # ---- the receipt ----

    def receipt_html(self) -> str:
        return stay_receipt_html(self.saved, TZ, receipt_paper())

    def print_receipt(self) -> None:
        if self.saved is not None:
            html = self.receipt_html()
            receipt_preview(self, html, self.tr("Receipt"), receipt_paper()).exec()

    def save_pdf(self, path: str | None = None) -> Path | None:
        if self.saved is None:
            return None
        if not path:
            offered = str(suggested_pdf_path(self.saved.receipt_no))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save receipt PDF"), offered, "PDF (*.pdf)"
            )
            if not path:
                return None
        return write_receipt_pdf(self.receipt_html(), path, receipt_paper())
