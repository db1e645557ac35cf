"""A unit's residents: the list (masked phone and ID) and the add / edit / remove dialogs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.units import ValidationError, mask_id_number, mask_phone, validate_resident
from app.services import units as unit_service
from app.store.models import Unit
from ui.context import AppContext
from ui.labels import RESIDENT_ROLES, message, resident_role
from ui.widgets.fields import FieldWithMessage, banner


class ResidentDialog(QDialog):
    """Add or edit a resident; OK stays disabled (saying why) until the input is valid."""

    def __init__(self, values: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit resident") if values else self.tr("Add resident"))
        values = values or {}
        self.role = QComboBox()
        for role in RESIDENT_ROLES:
            self.role.addItem(resident_role(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData(values.get("role", "owner"))))
        self.name = QLineEdit(values.get("name", ""))
        self.phone = QLineEdit(values.get("phone", ""))
        self.phone.setPlaceholderText(self.tr("e.g. 13800138000"))
        self.id_number = QLineEdit(values.get("id_number", ""))
        self.note = QLineEdit(values.get("note", ""))
        self.fields = {
            "role": FieldWithMessage(self.role),
            "name": FieldWithMessage(self.name),
            "phone": FieldWithMessage(self.phone),
            "id_number": FieldWithMessage(self.id_number),
        }
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.fields["role"])
        form.addRow(self.tr("Name *"), self.fields["name"])
        form.addRow(self.tr("Phone"), self.fields["phone"])
        form.addRow(self.tr("ID number"), self.fields["id_number"])
        form.addRow(self.tr("Note"), self.note)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._touched = set(values)
        for name, editor in (
            ("name", self.name),
            ("phone", self.phone),
            ("id_number", self.id_number),
        ):
            editor.textEdited.connect(lambda _t, name=name: self._edited(name))
        self.role.currentIndexChanged.connect(lambda _i: self._edited("role"))
        self.setMinimumWidth(400)
        self.validate()

    def values(self) -> dict[str, str]:
        return {
            "role": self.role.currentData(),
            "name": self.name.text(),
            "phone": self.phone.text(),
            "id_number": self.id_number.text(),
            "note": self.note.text(),
        }

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    def validate(self) -> dict[str, str]:
        v = self.values()
        errors = {
            k: message(t)
            for k, t in validate_resident(v["name"], v["phone"], v["role"], v["id_number"]).items()
        }
        for name, field in self.fields.items():
            field.set_error(errors.get(name, "") if name in self._touched else "")
        self.ok.setEnabled(not errors)
        self.ok.setToolTip(
            self.tr("Cannot save yet: %1").replace("%1", next(iter(errors.values())))
            if errors
            else ""
        )
        return errors

    def show_refusal(self, text: str) -> None:
        banner("banner-error", text, self.error)


class ResidentsPanel(QGroupBox):
    """Residents of the selected unit. Writes go through app.services.units."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id: str | None = None
        self.resident_ids: list[str] = []
        self.setTitle(self.tr("Residents"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Role"), self.tr("Name"), self.tr("Phone"), self.tr("ID number")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit)
        self.empty = QLabel(self.tr("No residents recorded — press Add to record the owner."))
        self.empty.setProperty("role", "hint")
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.show_unit(None)

    def show_unit(self, unit_id: str | None) -> None:
        self.unit_id = unit_id
        residents = []
        if unit_id:
            with self.ctx.db.session() as s:
                residents = unit_service.residents_of(s, unit_id)
        self.resident_ids = [r.id for r in residents]
        self.table.setRowCount(len(residents))
        for row, r in enumerate(residents):
            cells = [
                resident_role(r.role),
                r.name,
                mask_phone(r.phone),
                mask_id_number(r.id_number),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        rows_shown = max(len(residents), 1)
        # sizeHint, not height(): before the first show the header has no height yet
        header = self.table.horizontalHeader().sizeHint().height()
        rows = rows_shown * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth() + 2)
        self.table.setVisible(bool(residents))
        self.empty.setVisible(unit_id is not None and not residents)
        self.add_button.setEnabled(unit_id is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected_id() is not None
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.resident_ids[rows[0].row()] if rows else None

    def _run_dialog(self, dialog: ResidentDialog, save) -> bool:
        """Keep the dialog open (with what was typed) until saved or cancelled."""
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                with self.ctx.db.session() as s:
                    save(s, dialog.values())
            except ValidationError as error:
                dialog.show_refusal("; ".join(message(t) for t in error.errors.values()))
                continue
            self.show_unit(self.unit_id)
            self.changed.emit()
            self.ctx.events.data_changed.emit("residents")
            return True
        return False

    def add(self) -> None:
        if self.unit_id is None:
            return

        def save(s, values):
            unit_service.add_resident(s, s.get(Unit, self.unit_id), **values)

        self._run_dialog(ResidentDialog(None, self), save)

    def edit(self, *_args) -> None:
        resident_id = self.selected_id()
        if resident_id is None:
            return
        from app.store.models import Resident

        with self.ctx.db.session() as s:
            r = s.get(Resident, resident_id)
            values = {
                "role": r.role,
                "name": r.name,
                "phone": r.phone,
                "id_number": r.id_number,
                "note": r.note,
            }

        def save(s, new_values):
            changed = {k: v for k, v in new_values.items() if v != values[k]}
            if changed:
                unit_service.update_resident(s, s.get(Resident, resident_id), **changed)

        self._run_dialog(ResidentDialog(values, self), save)

    def remove(self) -> None:
        resident_id = self.selected_id()
        if resident_id is None:
            return
        from app.store.models import Resident

        row = self.resident_ids.index(resident_id)
        name = self.table.item(row, 1).text()
        answer = QMessageBox.question(
            self,
            self.tr("Remove resident"),
            self.tr("Remove %1 from this unit?").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.ctx.db.session() as s:
            unit_service.delete_resident(s, s.get(Resident, resident_id))
        self.show_unit(self.unit_id)
        self.changed.emit()
        self.ctx.events.data_changed.emit("residents")
        self.ctx.events.status_message.emit(self.tr("Removed %1").replace("%1", name))
