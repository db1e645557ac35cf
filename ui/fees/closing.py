"""The day-end closing (日结 / 交班), opened from the fee counter: the cashier's day
totalled by payment method, the cash counted against the cash expected (the difference
shown as it is typed, and explained when it is not zero), who takes over, Close day, and
the closing sheet to print or save as PDF.

The day's figures are read through the runner and read again when a commit touches
payments, deposits, parking stays or closings (a payment synced from another desk too).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import ZERO, parse_money
from app.services.fees import closing, closing_cashiers
from ui import formats, messages
from ui.context import AppContext
from ui.fees.closing_print import (
    closing_sheet_html,
    difference_text,
    print_preview,
    suggested_sheet_path,
    write_pdf,
)
from ui.fees.common import day_edit, local_today, table_view
from ui.fees.labels import word
from ui.widgets.changes import on_changes
from ui.widgets.forms import FormDialog
from ui.widgets.ops import show_error
from ui.widgets.paged_model import Column, StaticModel
from ui.widgets.permits import may, why_not

translate = QCoreApplication.translate  # column titles: literal calls, so lupdate finds them

TABLES = ("payments", "fee_deposits", "temporary_stays", "fee_day_closings")

METHOD_COLUMNS = (
    Column("method", lambda: translate("DayClosing", "Method"), lambda m: _method_word(m.method)),
    Column("taken", lambda: translate("DayClosing", "Taken"), lambda m: m.taken, right=True),
    Column(
        "refunded", lambda: translate("DayClosing", "Refunded"), lambda m: m.refunded, right=True
    ),
    Column(
        "reversed", lambda: translate("DayClosing", "Reversed"), lambda m: m.reversed, right=True
    ),
    Column(
        "deposits",
        lambda: translate("DayClosing", "Deposits in / out"),
        lambda m: f"{formats.money(m.deposits_in)} / {formats.money(m.deposits_out)}",
        right=True,
    ),
    Column("parking", lambda: translate("DayClosing", "Parking"), lambda m: m.parking, right=True),
    Column("net", lambda: translate("DayClosing", "Net"), lambda m: m.net, right=True),
)


TOTAL = "total"  # the table's last row: every method together
SUPERVISOR = "fees.reverse_closed_day"  # closes another cashier's day (as in close_day)


def _method_word(method: str) -> str:
    return translate("DayClosing", "Total") if method == TOTAL else word(method)


def with_total(methods: tuple[closing.MethodTotals, ...]) -> list[closing.MethodTotals]:
    fields = closing.AMOUNT_FIELDS
    total = closing.MethodTotals(
        TOTAL, **{f: sum((getattr(m, f) for m in methods), ZERO) for f in fields}
    )
    return [*methods, total]


def _money(text: str) -> Decimal | None:
    try:
        return parse_money(text) if text.strip() else None
    except DomainError:
        return None


def _amount_editor(text: str = "") -> QLineEdit:
    editor = QLineEdit(text)
    editor.setAlignment(Qt.AlignmentFlag.AlignRight)
    editor.setPlaceholderText("0.00")
    return editor


class DayClosingDialog(FormDialog):
    """One cashier's day: its totals, the cash check, the handover, Close day, the sheet."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, cashier: str | None = None
    ) -> None:
        super().__init__(ctx.runner, "", parent)
        self.ctx = ctx
        self.cashier = cashier or ctx.user_name or ctx.user_login
        self.summary: closing.DaySummary | None = None
        self.setWindowTitle(self.tr("Day-end closing"))
        self.setMinimumWidth(760)
        today = local_today(ctx)
        self.day = day_edit(today)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.model = StaticModel(METHOD_COLUMNS, self)
        self.table = table_view(self.model)
        self.table.setMinimumHeight(220)
        self.table.setMaximumHeight(250)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setProperty("role", "title")
        self.opening_float = _amount_editor("0.00")
        self.expected = QLabel()
        self.counted = _amount_editor()
        self.difference = QLabel()
        self.difference.setProperty("role", "title")
        self.explanation = QLineEdit()
        self.explanation.setPlaceholderText(self.tr("Why the cash differs, e.g. change short"))
        self.taken_over_by = QLineEdit()
        self.taken_over_by.setPlaceholderText(self.tr("Who takes over the next shift"))

        # a supervisor picks whose day to close; a cashier sees their own
        self.cashier_choice = QComboBox()
        self.cashier_choice.setEditable(True)
        self.cashier_choice.addItem(self.cashier)
        self.cashier_choice.textActivated.connect(self._pick_cashier)
        self.cashier_choice.lineEdit().editingFinished.connect(
            lambda: self._pick_cashier(self.cashier_choice.currentText())
        )
        self.chooses_cashier = may(ctx, SUPERVISOR)
        shown = self.cashier_choice if self.chooses_cashier else QLabel(self.cashier)
        self.add_row(self.tr("Cashier"), shown)
        self.add_row(self.tr("Day"), self.day)
        self.form.addRow(self.table)
        self.form.addRow(self.counts)
        self.add_field("opening_float", self.tr("Opening float (¥)"), self.opening_float)
        self.add_row(self.tr("Cash expected"), self.expected)
        self.add_field("counted", self.tr("Cash counted (¥) *"), self.counted)
        self.add_row(self.tr("Difference"), self.difference)
        self.add_field("explanation", self.tr("Explanation"), self.explanation)
        self.add_field("taken_over_by", self.tr("Handed over to *"), self.taken_over_by)
        self.form.addRow(self.state)
        self.why_not = QLabel()  # why this user may not close this cashier's day
        self.why_not.setWordWrap(True)
        self.why_not.setProperty("role", "hint")
        self.form.addRow(self.why_not)
        self._show_why_not()
        for editor in (self.opening_float, self.counted):
            editor.textEdited.connect(lambda _t: self._show_cash())

        self.ok.setText(self.tr("Close day"))
        self.print_button = QPushButton(self.tr("Print sheet…"))
        self.print_button.clicked.connect(self.preview_sheet)
        self.pdf_button = QPushButton(self.tr("Save sheet PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save_sheet_pdf())
        for button in (self.print_button, self.pdf_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        on_changes(ctx.changes, self, TABLES, lambda _changes: self.reload())
        self.reload()

    # ---- reading ----

    def selected_day(self) -> date:
        return self.day.date().toPython()

    def _show_why_not(self) -> None:
        text = ""
        if not self.may_close_this_day():
            refusal = DomainError("fees.closing.not_own_day", cashier=self.cashier)
            text = messages.describe(refusal)
        self.why_not.setText(text)
        self.why_not.setVisible(bool(text))

    def _pick_cashier(self, name: str) -> None:
        if name.strip() and name.strip() != self.cashier:
            self.cashier = name.strip()
            for editor in (self.counted, self.explanation, self.taken_over_by):
                editor.clear()  # another cashier's drawer: nothing typed is theirs
            self._show_why_not()
            self.reload()

    def _list_cashiers(self, names: list[str]) -> None:
        """The day's cashiers, the one picked kept (typed in if not among them)."""
        chooser = self.cashier_choice
        chooser.blockSignals(True)
        chooser.clear()
        own = self.ctx.user_name or self.ctx.user_login
        chooser.addItems(sorted({own, self.cashier, *names}))
        chooser.setCurrentText(self.cashier)
        chooser.blockSignals(False)

    def reload(self) -> None:
        db, estate, cashier, day = (
            self.ctx.db,
            self.ctx.estate_id,
            self.cashier,
            self.selected_day(),
        )
        (
            self.ctx.runner.query(self, lambda _p: closing.day_summary(db, estate, cashier, day))
            .success(self._show)
            .failure(lambda error: show_error(self, error))
            .run()
        )
        if self.chooses_cashier:
            self.ctx.runner.query(
                self, lambda _p: closing_cashiers.cashiers_on(db, estate, day)
            ).success(self._list_cashiers).run()

    def _show(self, summary: closing.DaySummary) -> None:
        if summary.day != self.selected_day() or summary.cashier != self.cashier:
            return  # an older answer, for a day or cashier no longer picked
        self.summary = summary
        closed = summary.closing
        self.model.set_rows(with_total(closed.methods if closed else summary.methods))
        first = closed.first_receipt if closed else summary.first_receipt
        last = closed.last_receipt if closed else summary.last_receipt
        self.counts.setText(
            self.tr("%1 entries; receipts %2")
            .replace("%1", str(closed.entries if closed else summary.entries))
            .replace("%2", f"{first} – {last}" if first else "—")
        )
        for editor in (self.opening_float, self.counted, self.explanation, self.taken_over_by):
            editor.setReadOnly(closed is not None)
        if closed is not None:
            self.opening_float.setText(f"{closed.opening_float:.2f}")
            self.counted.setText(f"{closed.cash_counted:.2f}")
            self.explanation.setText(closed.explanation)
            self.taken_over_by.setText(closed.taken_over_by)
            self.state.setText(
                self.tr("Closed at %1, handed over to %2")
                .replace("%1", formats.local_time(closed.closed_at))
                .replace("%2", closed.taken_over_by)
            )
        else:
            if self.state.text():  # a closed day was shown: its figures are not this day's
                for editor in (self.counted, self.explanation, self.taken_over_by):
                    editor.clear()
                self.opening_float.setText("0.00")
            self.state.setText("")
        self._show_cash()

    def _show_cash(self) -> None:
        """The cash expected and the difference, as the cashier types."""
        if self.summary is None:
            return
        closed = self.summary.closing
        opening = _money(self.opening_float.text()) or ZERO
        expected = closed.cash_expected if closed else opening + self.summary.cash.net
        self.expected.setText(formats.money(expected))
        counted = _money(self.counted.text())
        self.difference.setText("" if counted is None else difference_text(counted - expected))
        self.validate()

    # ---- the form ----

    def values(self) -> dict[str, Any]:
        return {
            "opening_float": self.opening_float.text(),
            "counted": self.counted.text(),
            "explanation": self.explanation.text(),
            "taken_over_by": self.taken_over_by.text(),
        }

    def check(self, values: dict[str, Any]) -> dict[str, DomainError]:
        errors: dict[str, DomainError] = {}
        amounts = {}
        for name in ("opening_float", "counted"):
            try:
                amounts[name] = parse_money(values[name])
            except DomainError as error:
                errors[name] = error
        if not values["taken_over_by"].strip():
            errors["taken_over_by"] = DomainError("fees.closing.handover_required")
        summary = self.summary
        if summary is not None and not errors:
            expected = amounts["opening_float"] + summary.cash.net
            if amounts["counted"] != expected and not values["explanation"].strip():
                errors["explanation"] = DomainError("fees.closing.explanation_required")
        if summary is not None and summary.closing is not None:
            errors["day"] = DomainError(
                "fees.closing.already_closed",
                day=summary.day.isoformat(),
                cashier=summary.cashier,
            )
        if not self.may_close_this_day():
            errors["day"] = DomainError("fees.closing.not_own_day", cashier=self.cashier)
        if not may(self.ctx, "fees.close_day"):
            errors["day"] = DomainError("permission.denied", permission="fees.close_day")
        return errors

    def may_close_this_day(self) -> bool:
        """One's own day, or another cashier's as a supervisor (close_day checks again)."""
        own = self.cashier in {self.ctx.user_name, self.ctx.user_login} - {""}
        return own or may(self.ctx, SUPERVISOR)

    def validate(self) -> dict[str, DomainError]:
        errors = super().validate()
        if not may(self.ctx, "fees.close_day"):
            self.ok.setToolTip(why_not(self.ctx, "fees.close_day"))
        return errors

    def save(self, values: dict[str, Any]) -> closing.ClosingRow:
        return closing.close_day(
            self.ctx.db,
            self.ctx.estate_id,
            self.cashier,
            self.selected_day(),
            values["counted"],
            values["explanation"],
            values["taken_over_by"],
            values["opening_float"],
            self.ctx.clock.now(),
        )

    def _saved(self, result: Any) -> None:
        """Closed: the dialog stays, showing the closed day, so its sheet can be printed."""
        self.saved = result
        self.reload()

    # ---- the closing sheet ----

    def sheet_html(self) -> str:
        summary = self.summary or closing.day_summary(
            self.ctx.db, self.ctx.estate_id, self.cashier, self.selected_day()
        )
        return closing_sheet_html(self.ctx.estate_name, summary)

    def preview_sheet(self) -> None:
        print_preview(self, self.sheet_html(), self.tr("Day-end closing sheet")).exec()

    def save_sheet_pdf(self, path: str | None = None) -> Path | None:
        """Offered in the user's documents folder, named by the day and cashier."""
        if not path:
            offered = str(suggested_sheet_path(self.cashier, self.selected_day()))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save closing sheet PDF"), offered, "PDF (*.pdf)"
            )
            if not path:
                return None
        return write_pdf(self.sheet_html(), path)


def day_end_button(ctx: AppContext, parent: QWidget) -> QPushButton:
    """The fee page's 日结 button (beside its tabs): opens the day-end closing."""
    button = QPushButton(translate("DayClosing", "Day-end closing…"), parent)
    button.setToolTip(translate("DayClosing", "Totals by method, cash count and handover"))
    button.clicked.connect(lambda: DayClosingDialog(ctx, parent).exec())
    return button


def corner_buttons(*buttons: QWidget) -> QWidget:
    """Several buttons where a tab widget has room for one corner widget."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        row.addWidget(button)
    return box
