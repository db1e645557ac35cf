"""The unit form: validated as the user types, nothing typed is ever thrown away."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from app.domain.errors import DomainError
from app.domain.units import UnitInput, unit_errors
from ui.labels import unit_kind
from ui.messages import describe
from ui.widgets.fields import FieldWithMessage

TEXT_FIELDS = ("building", "entrance", "room", "floor", "area_m2", "handover_date", "vacant_since")


class UnitForm(QGroupBox):
    """Edits one unit as text (UnitInput). ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Unit"))
        self.editors: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.editors["building"].setPlaceholderText(self.tr("e.g. 3栋"))
        self.editors["entrance"].setPlaceholderText(self.tr("e.g. 2 (empty if none)"))
        self.editors["room"].setPlaceholderText(self.tr("e.g. 1502"))
        self.editors["floor"].setPlaceholderText(self.tr("e.g. 15"))
        self.editors["area_m2"].setPlaceholderText(self.tr("e.g. 89.50"))
        for name in ("handover_date", "vacant_since"):
            self.editors[name].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.kind = QComboBox()
        for kind in ("residential", "commercial"):
            self.kind.addItem(unit_kind(kind), kind)
        self.vacancy_approved = QCheckBox(self.tr("Approved"))
        self.fields = {name: FieldWithMessage(editor) for name, editor in self.editors.items()}
        self.fields["kind"] = FieldWithMessage(self.kind)

        form = QFormLayout(self)
        form.addRow(self.tr("Building *"), self.fields["building"])
        form.addRow(self.tr("Entrance"), self.fields["entrance"])
        form.addRow(self.tr("Room *"), self.fields["room"])
        form.addRow(self.tr("Floor"), self.fields["floor"])
        form.addRow(self.tr("Area (m²) *"), self.fields["area_m2"])
        form.addRow(self.tr("Kind"), self.fields["kind"])
        form.addRow(self.tr("Handover date"), self.fields["handover_date"])
        form.addRow(self.tr("Vacant since"), self.fields["vacant_since"])
        form.addRow(self.tr("Vacancy discount"), self.vacancy_approved)

        for name, editor in self.editors.items():
            editor.textEdited.connect(lambda _text, name=name: self._edited(name))
        self.kind.currentIndexChanged.connect(lambda _i: self._edited("kind"))
        self.vacancy_approved.toggled.connect(lambda _on: self._edited("vacancy_approved"))
        self.loaded = UnitInput()
        self._errors: dict[str, str] = {}
        # a new, empty form is not scolded: fields show messages once touched or on save
        self._touched: set[str] = set()

    # ---- values ----

    def value(self) -> UnitInput:
        return UnitInput(
            **{name: editor.text() for name, editor in self.editors.items()},
            kind=self.kind.currentData(),
            vacancy_approved=self.vacancy_approved.isChecked(),
        )

    def load(self, data: UnitInput) -> None:
        """Show ``data`` as the saved state (not dirty, no messages)."""
        self.loaded = data
        for name, editor in self.editors.items():
            editor.setText(getattr(data, name))
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.kind.blockSignals(False)
        self.vacancy_approved.blockSignals(True)
        self.vacancy_approved.setChecked(data.vacancy_approved)
        self.vacancy_approved.blockSignals(False)
        self._touched = set()
        self.show_errors({})

    def is_dirty(self) -> bool:
        return self.value() != self.loaded

    # ---- validation ----

    def errors(self) -> dict[str, str]:
        """Messages by field (translated), empty when the unit may be saved."""
        return self.messages(unit_errors(self.value()))

    @staticmethod
    def messages(errors: dict[str, DomainError]) -> dict[str, str]:
        return {name: describe(error) for name, error in errors.items()}

    def show_errors(self, errors: dict[str, str], everywhere: bool = True) -> None:
        """Mark fields; ``everywhere=False`` marks only the fields the user touched."""
        self._errors = errors
        for name, field in self.fields.items():
            shown = everywhere or name in self._touched
            field.set_error(errors.get(name, "") if shown else "")

    def validate(self, everywhere: bool = False) -> dict[str, str]:
        errors = self.errors()
        if everywhere:
            self._touched.update(errors)
        self.show_errors(errors, everywhere=False)
        return errors

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.validate()
        self.changed.emit()

    def first_invalid(self) -> QWidget | None:
        for name in (*TEXT_FIELDS, "kind"):
            if name in self._errors:
                return self.fields[name].editor
        return None
