"""The Settings section of the counter: the paper receipts print on (this computer's
printer: A4 or three-part receipt paper 241 × 93 mm) and the amount above which a payment
is confirmed once (the estate's, synced like its fee rules)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.errors import FieldErrors
from app.services.fees import counter
from ui.context import AppContext
from ui.fees.printing import PAPERS, paper_name, receipt_paper, set_receipt_paper
from ui.widgets.changes import on_changes
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import mark_fields
from ui.widgets.ops import show_error
from ui.widgets.permits import guard_all


class CounterSettingsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("counter")
        self.setTitle(self.tr("Counter and receipts"))
        self.paper = QComboBox()
        for code in PAPERS:
            self.paper.addItem(paper_name(code), code)
        self.paper.setCurrentIndex(self.paper.findData(receipt_paper()))
        self.paper.currentIndexChanged.connect(self._paper_chosen)
        paper_hint = QLabel(self.tr("For this computer's printer; receipts print on it."))
        paper_hint.setProperty("role", "hint")
        self.threshold = QLineEdit()
        self.threshold.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields = {"confirm_above": FieldWithMessage(self.threshold)}
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.saved = QLabel()
        self.saved.hide()
        threshold_row = QHBoxLayout()
        threshold_row.addWidget(self.fields["confirm_above"], 1)
        threshold_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Receipt paper"), self.paper)
        form.addRow("", paper_hint)
        form.addRow(self.tr("Confirm payments above (¥)"), threshold_row)
        form.addRow("", self.saved)
        guard_all(ctx, {self.save_button: "fees.schedule"})
        self._read()
        on_changes(ctx.changes, self, ("settings",), lambda _c: self._read())

    def _paper_chosen(self) -> None:
        set_receipt_paper(self.paper.currentData())
        self.ctx.events.status_message.emit(
            self.tr("Receipts print on %1.").replace("%1", self.paper.currentText())
        )

    def _read(self) -> None:
        if self.threshold.hasFocus():
            return  # being edited here
        db, estate_id = self.ctx.db, self.ctx.estate_id
        self.ctx.runner.query(self, lambda _p: counter.confirm_above(db, estate_id)).success(
            lambda value: self.threshold.setText(f"{value:,.2f}")
        ).run()

    def save(self) -> None:
        db, estate_id, typed = self.ctx.db, self.ctx.estate_id, self.threshold.text()

        def saved(value: Decimal) -> None:
            mark_fields(self.fields, {})
            self.threshold.setText(f"{value:,.2f}")
            banner("banner-ok", self.tr("Saved."), self.saved)

        def refused(error: BaseException) -> None:
            if isinstance(error, FieldErrors):
                mark_fields(self.fields, error.errors)
            else:
                show_error(self, error)

        self.ctx.runner.write(
            self, lambda _p: counter.set_confirm_above(db, estate_id, typed)
        ).success(saved).failure(refused).run()


def counter_settings_box(ctx: AppContext, parent: QWidget | None = None) -> QGroupBox:
    """The Settings page's counter section."""
    return CounterSettingsBox(ctx, parent)
