"""The fee-schedule tab: every rate with the date it applies from, a new rate from a date
on (earlier bills never change), and the rounding rule in words. The estate's billing
rules (due day, vacancy, late fees) are a section of Settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import ROUNDING_RULE
from app.domain.money import format_rate, parse_rate
from app.services.fees import schedule
from ui import formats, messages
from ui.context import AppContext
from ui.fees.common import FeeTab, table_view
from ui.fees.labels import word
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import action, mark_fields
from ui.widgets.ops import show_error
from ui.widgets.paged_model import Column, StaticModel
from ui.widgets.permits import guard
from ui.widgets.tables import RememberedLayout

translate = QCoreApplication.translate  # column titles: literal calls, so lupdate finds them

COLUMNS = (
    Column("item", lambda: translate("ScheduleTab", "Item"), lambda i: word(i.code)),
    Column("code", lambda: translate("ScheduleTab", "Code"), lambda i: i.code),
    # the decimals the rate keeps (1.90, 1.2345), not the money delegate's two
    Column(
        "rate", lambda: translate("ScheduleTab", "Rate"), lambda i: format_rate(i.rate), right=True
    ),
    Column("basis", lambda: translate("ScheduleTab", "Basis"), lambda i: word(i.basis)),
    Column(
        "from", lambda: translate("ScheduleTab", "From"), lambda i: formats.day(i.effective_from)
    ),
)


class ScheduleTab(FeeTab):
    TABLES = ("fee_items",)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: list = []
        self.saving = False
        self.model = StaticModel(COLUMNS, self)
        self.view = table_view(self.model)
        self.code = QComboBox()
        self.rate = QLineEdit()
        self.rate.setPlaceholderText("1.90")
        self.effective = QLineEdit()
        self.effective.setPlaceholderText(self.tr("YYYY-MM-DD, e.g. 2026-07-01"))
        self.fields = {
            "rate": FieldWithMessage(self.rate),
            "effective_from": FieldWithMessage(self.effective),
        }
        self.rate.textEdited.connect(self._check_rate)
        self.message = QLabel()
        self.message.hide()
        self.save_button = QPushButton(self.tr("Add rate change"))
        self.save_button.clicked.connect(self.save_rate)
        guard(self.save_button, ctx, "fees.schedule")
        action(self, self.tr("Add rate change"), self.save_rate, shortcut="Ctrl+S")
        form_box = QGroupBox(self.tr("New rate from a date on (earlier bills never change)"))
        form = QFormLayout(form_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Item *"), self.code)
        form.addRow(self.tr("Rate (¥, up to 4 decimals) *"), self.fields["rate"])
        form.addRow(self.tr("Effective from *"), self.fields["effective_from"])
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        form.addRow(row)
        rules_box = QGroupBox(self.tr("How bills are computed"))
        rules = QVBoxLayout(rules_box)
        self.rounding = QLabel(QCoreApplication.translate("FeeRules", ROUNDING_RULE))
        self.rounding.setWordWrap(True)
        where = QLabel(
            self.tr(
                "The due day, the vacancy discount and late fees are set in Settings, "
                "under Fee rules."
            )
        )
        where.setProperty("role", "hint")
        where.setWordWrap(True)
        rules.addWidget(self.rounding)
        rules.addWidget(where)
        rules.addStretch(1)
        # the rate form and the rules side by side, so the schedule table keeps its height
        below = QHBoxLayout()
        below.addWidget(form_box, 1, Qt.AlignmentFlag.AlignTop)
        below.addWidget(rules_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(below)
        self.layout_memory = RememberedLayout(
            "fees/schedule", header=self.view.horizontalHeader(), widths=(170, 130, 90, 170)
        )

    def save_state(self) -> None:
        self.layout_memory.save()

    def refresh(self) -> None:
        db, estate_id = self.ctx.db, self.ctx.estate_id
        self.read(lambda _p: schedule.schedule(db, estate_id), self._show)

    def _show(self, items: list) -> None:
        self.items = items
        self.model.set_rows(items)
        current = self.code.currentData()
        self.code.clear()
        for code in dict.fromkeys(i.code for i in items):
            self.code.addItem(word(code), code)
        if current:
            self.code.setCurrentIndex(max(self.code.findData(current), 0))

    def _check_rate(self, text: str) -> None:
        error = None
        if text.strip():
            try:
                parse_rate(text)
            except DomainError as problem:
                error = problem
        self.fields["rate"].set_error(messages.describe(error) if error else "")

    def save_rate(self) -> None:
        if self.saving:
            return
        db, estate_id = self.ctx.db, self.ctx.estate_id
        code, rate, effective = self.code.currentData(), self.rate.text(), self.effective.text()
        self.saving = True

        def saved(item: Any) -> None:
            mark_fields(self.fields, {})
            self.rate.clear()
            self.effective.clear()
            banner(
                "banner-ok",
                self.tr("%1 is %2 from %3.")
                .replace("%1", word(item.code))
                .replace("%2", f"¥{format_rate(item.rate)}")
                .replace("%3", formats.day(item.effective_from)),
                self.message,
            )

        def refused(error: BaseException) -> None:
            if isinstance(error, FieldErrors):
                mark_fields(self.fields, error.errors)
            else:
                show_error(self, error)

        def finished() -> None:
            self.saving = False

        self.ctx.runner.write(
            self, lambda _p: schedule.set_rate(db, estate_id, code, rate, effective)
        ).success(saved).failure(refused).finally_(finished).run()
