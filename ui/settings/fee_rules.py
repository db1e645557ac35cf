"""The Settings section of the estate's billing rules: the rounding rule in words, then
what an estate may change (due day, vacancy discount and the fees it applies to, late fee,
the shared-utilities prepayment per household and its floor), saved together through the
fee operations (checked field by field; what was typed stays on a refusal)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.errors import FieldErrors
from app.domain.fees import AREA_MONTH, ROUNDING_RULE, FeeRules
from app.services.fees import schedule
from ui.context import AppContext
from ui.widgets.changes import on_changes
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import mark_fields
from ui.widgets.ops import show_error

# the domain's rounding rule, shown in words (context "FeeRules")
_RULES = [
    QT_TRANSLATE_NOOP(
        "FeeRules",
        "Every bill line is computed exactly and rounded once, half up (ROUND_HALF_UP) to "
        "0.01 yuan. Shared costs are split by floor area with the largest-remainder method, "
        "so the parts always add up exactly to the total.",
    ),
]


class FeeRulesBox(QGroupBox):
    """Due day, vacancy discount and late fee of the estate, with the rounding rule."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False
        self.setTitle(self.tr("Fee rules"))
        rounding = QLabel(QCoreApplication.translate("FeeRules", ROUNDING_RULE))
        rounding.setWordWrap(True)
        self.due_day = QSpinBox()
        self.due_day.setRange(1, 28)
        self.vacancy_ratio = QLineEdit()
        self.vacancy_months = QSpinBox()
        self.vacancy_months.setRange(1, 36)
        self.late_enabled = QCheckBox(self.tr("Charge late fees"))
        self.late_rate = QLineEdit()
        self.grace_days = QSpinBox()
        self.grace_days.setRange(0, 365)
        self.cap_ratio = QLineEdit()
        # the fees the vacancy clause applies to (seed 003 writes it in the residential entry)
        self.vacancy_codes: dict[str, QCheckBox] = {}
        codes_row = QHBoxLayout()
        for item in schedule.schedule(ctx.db, ctx.estate_id):
            if item.basis == AREA_MONTH and item.code not in self.vacancy_codes:
                # the item's English name, in the words the fees screens use ("FeeWords")
                name = QCoreApplication.translate("FeeWords", item.name)
                box = self.vacancy_codes[item.code] = QCheckBox(name)
                codes_row.addWidget(box)
        codes_row.addStretch(1)
        # seed 003 公摊水电费:预收500元/户: the least a household should keep (the 500 is
        # the schedule's rate of shared water and electricity)
        self.prepayment_floor = QLineEdit()
        floor_hint = QLabel(
            self.tr(
                "The prepayment per household is the fee schedule's rate of shared water "
                "and electricity (500.00 by default)."
            )
        )
        floor_hint.setProperty("role", "hint")
        floor_hint.setWordWrap(True)
        self.fields = {
            "vacancy_ratio": FieldWithMessage(self.vacancy_ratio),
            "late_rate_per_day": FieldWithMessage(self.late_rate),
            "cap_ratio": FieldWithMessage(self.cap_ratio),
            "prepayment_floor": FieldWithMessage(self.prepayment_floor),
        }
        self.saved = QLabel()
        self.saved.hide()
        self.save_button = QPushButton(self.tr("Save rules"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Rounding"), rounding)
        form.addRow(self.tr("Due day of the month"), self.due_day)
        form.addRow(self.tr("Vacancy: share paid (0.70 = 70%)"), self.fields["vacancy_ratio"])
        form.addRow(self.tr("Vacancy: whole months vacant"), self.vacancy_months)
        form.addRow(self.tr("Vacancy applies to"), codes_row)
        form.addRow(self.tr("Late fee"), self.late_enabled)
        form.addRow(self.tr("Late fee per day (0.0003 = 0.03%)"), self.fields["late_rate_per_day"])
        form.addRow(self.tr("Grace days"), self.grace_days)
        form.addRow(self.tr("Cap (share of the arrears)"), self.fields["cap_ratio"])
        form.addRow(
            self.tr("Shared utilities prepayment: top-up due below (¥)"),
            self.fields["prepayment_floor"],
        )
        form.addRow("", floor_hint)
        row = QHBoxLayout()
        row.addWidget(self.saved, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        form.addRow(row)
        self.show_rules(schedule.load_rules(ctx.db, ctx.estate_id))  # one settings row
        on_changes(ctx.changes, self, ("settings",), lambda _c: self._saved_elsewhere())

    def show_rules(self, rules: FeeRules) -> None:
        self.due_day.setValue(rules.due_day)
        self.vacancy_ratio.setText(str(rules.vacancy_ratio))
        self.vacancy_months.setValue(rules.vacancy_months)
        self.late_enabled.setChecked(rules.late_fee.enabled)
        self.late_rate.setText(str(rules.late_fee.rate_per_day))
        self.grace_days.setValue(rules.late_fee.grace_days)
        self.cap_ratio.setText(str(rules.late_fee.cap_ratio))
        for code, box in self.vacancy_codes.items():
            box.setChecked(code in rules.vacancy_codes)
        self.prepayment_floor.setText(f"{rules.prepayment_floor:.2f}")

    def _saved_elsewhere(self) -> None:
        """Rules changed by another desk (sync) or window: shown unless being edited here."""
        if not self.saving and not any(
            w.hasFocus()
            for w in (
                self.vacancy_ratio,
                self.late_rate,
                self.cap_ratio,
                self.prepayment_floor,
            )
        ):
            self.show_rules(schedule.load_rules(self.ctx.db, self.ctx.estate_id))

    def save(self) -> None:
        if self.saving:
            return
        db, estate_id = self.ctx.db, self.ctx.estate_id
        values = {
            "due_day": self.due_day.value(),
            "vacancy_ratio": self.vacancy_ratio.text(),
            "vacancy_months": self.vacancy_months.value(),
            "late_enabled": self.late_enabled.isChecked(),
            "late_rate_per_day": self.late_rate.text(),
            "grace_days": self.grace_days.value(),
            "cap_ratio": self.cap_ratio.text(),
            "prepayment_floor": self.prepayment_floor.text(),
        }
        codes = [code for code, box in self.vacancy_codes.items() if box.isChecked()]
        self.saving = True

        def saved(_rules: FeeRules) -> None:
            mark_fields(self.fields, {})
            banner(
                "banner-ok",
                self.tr("Rules saved; they apply from the next billing run."),
                self.saved,
            )

        def refused(error: BaseException) -> None:
            banner("banner-ok", "", self.saved)
            if isinstance(error, FieldErrors):
                mark_fields(self.fields, error.errors)
            else:
                show_error(self, error)

        def finished() -> None:
            self.saving = False

        def save_all(_progress) -> FeeRules:
            schedule.update_rules(db, estate_id, **values)
            return schedule.set_vacancy_codes(db, estate_id, codes)

        self.ctx.runner.write(self, save_all).success(saved).failure(refused).finally_(
            finished
        ).run()


def fee_rules_box(ctx: AppContext, parent: QWidget | None = None) -> QGroupBox:
    """The Settings page's fee-rules section."""
    return FeeRulesBox(ctx, parent)
