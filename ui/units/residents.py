"""A unit's residents: the list (masked phone and ID) and the add / edit / remove dialogs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.units import RESIDENT_ROLES, mask_id_number, mask_phone, validate_resident
from app.services import audit
from app.services.units import operations as units
from app.services.units.operations import ResidentRow
from ui.context import AppContext
from ui.labels import resident_role
from ui.widgets.changes import on_changes
from ui.widgets.forms import FormDialog
from ui.widgets.paged_model import Column, StaticModel
from ui.widgets.permits import guard
from ui.widgets.tables import list_view_defaults

COLUMNS = (
    Column(
        "role",
        lambda: QCoreApplication.translate("ResidentsPanel", "Role"),
        lambda r: resident_role(r.role),
    ),
    Column("name", lambda: QCoreApplication.translate("ResidentsPanel", "Name"), lambda r: r.name),
    Column(
        "phone",
        lambda: QCoreApplication.translate("ResidentsPanel", "Phone"),
        lambda r: mask_phone(r.phone),
    ),
    Column(
        "id_number",
        lambda: QCoreApplication.translate("ResidentsPanel", "ID number"),
        lambda r: mask_id_number(r.id_number),
    ),
)


class ResidentDialog(FormDialog):
    """Add (``resident`` None) or edit a resident of ``unit_id``."""

    def __init__(
        self,
        ctx: AppContext,
        unit_id: str,
        resident: ResidentRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx.runner,
            self.tr("Edit resident") if resident else self.tr("Add resident"),
            parent,
        )
        self.db = ctx.db
        self.unit_id = unit_id
        self.resident_id = resident.id if resident else None
        values = resident.values() if resident else {}
        self.role = QComboBox()
        for role in RESIDENT_ROLES:
            self.role.addItem(resident_role(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData(values.get("role", "owner"))))
        self.name = QLineEdit(values.get("name", ""))
        self.phone = QLineEdit(values.get("phone", ""))
        self.phone.setPlaceholderText(self.tr("e.g. 13800138000"))
        self.id_number = QLineEdit(values.get("id_number", ""))
        self.note = QLineEdit(values.get("note", ""))
        editing = resident is not None
        self.add_field("role", self.tr("Role"), self.role, touched=editing)
        self.add_field("name", self.tr("Name *"), self.name, touched=editing)
        self.add_field("phone", self.tr("Phone"), self.phone, touched=editing)
        self.add_field("id_number", self.tr("ID number"), self.id_number, touched=editing)
        self.add_row(self.tr("Note"), self.note)
        self.validate()

    def values(self) -> dict[str, Any]:
        return {
            "role": self.role.currentData(),
            "name": self.name.text(),
            "phone": self.phone.text(),
            "id_number": self.id_number.text(),
            "note": self.note.text(),
        }

    def check(self, values: dict[str, Any]) -> dict[str, DomainError]:
        return validate_resident(
            values["name"], values["phone"], values["role"], values["id_number"]
        )

    def save(self, values: dict[str, Any]) -> ResidentRow:
        return units.save_resident(self.db, self.unit_id, self.resident_id, values)


class ResidentsPanel(QGroupBox):
    """Residents of the selected unit; re-read whenever residents change (here or by sync)."""

    changed = Signal()  # the user added, edited or removed a resident here

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id: str | None = None
        self.setTitle(self.tr("Residents"))
        self.model = StaticModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        list_view_defaults(self.table, self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit)
        self.empty = QLabel(self.tr("No residents recorded — press Add to record the owner."))
        self.empty.setProperty("role", "hint")
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.reveal_button = QPushButton(self.tr("Show full phone and ID…"))
        self.reveal_button.setToolTip(self.tr("Shows one resident's numbers; each look is logged"))
        self.reveal_button.clicked.connect(self.reveal)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        on_changes(ctx.changes, self, ("residents",), lambda _c: self.show_unit(self.unit_id))
        self.show_unit(None)

    @property
    def resident_ids(self) -> list[str]:
        return [r.id for r in self.model.rows]

    def show_unit(self, unit_id: str | None) -> None:
        keep = self.selected_id()
        self.unit_id = unit_id
        residents = units.read_residents(self.ctx.db, unit_id) if unit_id else []
        self.model.set_rows(residents)
        rows_shown = max(len(residents), 1)
        # sizeHint, not height(): before the first show the header has no height yet
        header = self.table.horizontalHeader().sizeHint().height()
        rows = rows_shown * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth() + 2)
        self.table.setVisible(bool(residents))
        self.empty.setVisible(unit_id is not None and not residents)
        self.add_button.setEnabled(unit_id is not None)
        if keep in self.resident_ids:
            self.table.selectRow(self.resident_ids.index(keep))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        selected = self.selected_id() is not None
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.reveal_button.setEnabled(selected)
        guard(self.reveal_button, self.ctx, "personal.reveal")

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.id if row is not None else None

    def _selected(self) -> ResidentRow | None:
        resident_id = self.selected_id()
        return self.model.rows[self.resident_ids.index(resident_id)] if resident_id else None

    def _run(self, dialog: ResidentDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit()  # the list itself follows the change event

    def add(self) -> None:
        if self.unit_id is not None:
            self._run(ResidentDialog(self.ctx, self.unit_id, None, self))

    def edit(self, *_args) -> None:
        resident = self._selected()
        if resident is None or self.unit_id is None:
            return
        if not (resident.phone or resident.id_number):
            self._run(ResidentDialog(self.ctx, self.unit_id, resident, self))
            return
        # the form shows the numbers whole: that is a reveal, allowed and logged as one
        db, unit_id = self.ctx.db, self.unit_id
        (
            self.ctx.runner.write(self, lambda _p: audit.reveal_fields(db, resident.id))
            .success(lambda _shown: self._run(ResidentDialog(self.ctx, unit_id, resident, self)))
            .run()
        )

    def reveal(self) -> None:
        resident = self._selected()
        if resident is None:
            return
        db = self.ctx.db

        def show(shown: dict[str, str]) -> None:
            QMessageBox.information(
                self,
                self.tr("Full phone and ID number"),
                self.tr("%1\nPhone: %2\nID number: %3")
                .replace("%1", resident.name)
                .replace("%2", shown.get("phone") or "-")
                .replace("%3", shown.get("id_number") or "-"),
            )

        self.ctx.runner.write(self, lambda _p: audit.reveal_fields(db, resident.id)).success(
            show
        ).run()

    def remove(self) -> None:
        resident = self._selected()
        if resident is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove resident"),
            self.tr("Remove %1 from this unit?").replace("%1", resident.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        units.remove_resident(self.ctx.db, resident.id)
        self.changed.emit()
        self.ctx.events.status_message.emit(self.tr("Removed %1").replace("%1", resident.name))
