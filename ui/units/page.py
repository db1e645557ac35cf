"""Units & Residents: estate tree | searchable lazy unit list | unit form and residents.

Reads and writes go through ``app.services.units.operations``; the list and the tree are
read on the background runner. Every commit that touches units, buildings or residents
(this desk's, another page's, or one pulled by sync) refreshes the tree, the list and the
unit shown, without a click; a form with unsaved typing is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, FieldErrors
from app.domain.units import UnitInput
from app.services.units import operations as units
from app.services.units.listing import UnitQuery
from ui.context import AppContext
from ui.messages import describe
from ui.units.form import UnitForm
from ui.units.model import WIDTHS, unit_list_model
from ui.units.residents import ResidentsPanel
from ui.units.tree import BuildingTree
from ui.widgets.changes import on_changes
from ui.widgets.fields import banner
from ui.widgets.forms import action
from ui.widgets.paged_model import on_runner
from ui.widgets.tables import RememberedLayout, list_view_defaults

SEARCH_DELAY_MS = 150


class UnitsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id: str | None = None  # the unit in the form; None while a new one is typed
        self._build_actions()
        db, estate_id = ctx.db, ctx.estate_id
        self.tree = BuildingTree(
            lambda: units.read_buildings(db, estate_id),
            ctx.estate_name,
            loader=on_runner(ctx.runner, self),
        )
        self.tree.scope_changed.connect(lambda *_: self.run_query())

        # the list, with its filter bar
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Room (3-1502), name or phone — Ctrl+F"))
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_query)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.run_query)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)

        self.model = unit_list_model(ctx, self)
        self.model.loaded.connect(self._list_loaded)
        self.table = QTableView()
        self.table.setModel(self.model)
        list_view_defaults(self.table, self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(lambda _i: self.form.editors["room"].setFocus())
        self.empty = QLabel()
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(filters)
        middle_layout.addWidget(self.list_stack, 1)

        # the detail
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.form = UnitForm()
        self.form.changed.connect(self._update_actions)
        self.why_not = QLabel()
        self.why_not.setProperty("role", "hint")
        self.why_not.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.why_not, 1)
        save_row.addWidget(self.save_button)
        self.residents = ResidentsPanel(ctx)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 8, 8)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.notice)
        detail_layout.addWidget(self.form)
        detail_layout.addLayout(save_row)
        detail_layout.addWidget(self.residents)
        detail_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([170, 640, 360])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self.layout_memory = RememberedLayout(
            "units",
            header=self.table.horizontalHeader(),
            splitter=self.splitter,
            widths=WIDTHS,
        )
        on_changes(ctx.changes, self, ("units", "buildings", "residents"), self._on_changes)
        self.show_unit(None)
        self.run_query()

    # ---- toolbar ----

    def _build_actions(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar = self.toolbar
        self.new_action = action(
            self,
            self.tr("New unit"),
            self.new_unit,
            icon="fa5s.plus",
            shortcut="Ctrl+N",
            toolbar=bar,
        )
        self.save_action = action(
            self, self.tr("Save"), self.save, icon="fa5s.save", shortcut="Ctrl+S", toolbar=bar
        )
        self.delete_action = action(
            self, self.tr("Delete"), self.delete, icon="fa5s.trash-alt", toolbar=bar
        )
        self.toolbar.addSeparator()
        self.import_action = action(
            self, self.tr("Import…"), self.import_file, icon="fa5s.file-import", toolbar=bar
        )
        # F5 itself belongs to the main window, which calls refresh(); this names it
        self.refresh_action = action(
            self, self.tr("Refresh"), self.refresh, icon="fa5s.redo", toolbar=bar
        )
        self.refresh_action.setToolTip(self.tr("Refresh") + " (F5)")
        find = QAction(self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)

    # ---- the list ----

    def current_query(self) -> UnitQuery:
        building_id, entrance = self.tree.scope()
        return UnitQuery(
            estate_id=self.ctx.estate_id,
            building_id=building_id,
            entrance=entrance,
            text=self.search.text().strip(),
        )

    def run_query(self) -> None:
        """Count and read the list for the tree's scope and the search text (off the UI
        thread); ``_list_loaded`` shows the outcome."""
        self._search_timer.stop()
        self.model.set_query(self.current_query())

    def _list_loaded(self) -> None:
        query = self.model.query
        total = self.model.total
        self.count.setText(
            self.tr("1 unit") if total == 1 else self.tr("%1 units").replace("%1", f"{total:,}")
        )
        if total:
            self.list_stack.setCurrentWidget(self.table)
        else:
            if query.text:
                text = self.tr(
                    "No unit matches “%1”. Try a room code like 3-1502, a name or a phone number."
                ).replace("%1", query.text)
            elif query.building_id:
                text = self.tr("No units here yet — press Ctrl+N to add one.")
            else:
                text = self.tr("No units yet — press Ctrl+N to add one or Import… to read a file.")
            self.empty.setText(text)
            self.list_stack.setCurrentWidget(self.empty)
        if not self.form.is_dirty():
            row = self.model.row_of(self.unit_id) if self.unit_id else -1
            self._select_row(row if row >= 0 else 0 if total else -1)

    def _select_row(self, row: int) -> None:
        selection = self.table.selectionModel()
        if row < 0:
            selection.clearSelection()
            if not self.form.is_dirty() and self.unit_id is not None:
                self.show_unit(None)
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_current_row(self, current, previous) -> None:
        row = self.model.row_at(current.row())
        if row is None or row.id == self.unit_id:
            return
        if not self.may_leave_form():
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            if previous.isValid():
                selection.setCurrentIndex(
                    previous,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            else:
                selection.clearSelection()
            selection.blockSignals(False)
            return
        self.show_unit(row.id)

    # ---- the detail ----

    def show_unit(self, unit_id: str | None) -> None:
        """Load a saved unit into the form (None: an empty form, nothing selected)."""
        self.unit_id = unit_id
        banner("banner-ok", "", self.notice)
        if unit_id is None:
            self.form.load(UnitInput())
            self.form.setEnabled(False)
            self.title.setText(self.tr("No unit selected"))
        else:
            detail = units.read_unit(self.ctx.db, unit_id)
            if detail is None:  # deleted meanwhile (here or on another desk)
                self.show_unit(None)
                return
            self.form.setEnabled(True)
            self.form.load(detail.input)
            self.title.setText(detail.code)
        self.residents.show_unit(unit_id)
        self._update_actions()

    def new_unit(self) -> None:
        if not self.may_leave_form():
            return
        self.table.selectionModel().clearSelection()
        building_id, entrance = self.tree.scope()
        self.unit_id = None
        self.form.setEnabled(True)
        self.form.load(UnitInput(building=self.tree.building_name(), entrance=entrance or ""))
        self.title.setText(self.tr("New unit"))
        banner("banner-ok", "", self.notice)
        self.residents.show_unit(None)
        self._update_actions()
        empty = next((n for n in ("building", "room") if not self.form.editors[n].text()), "room")
        self.form.editors[empty].setFocus()

    def _editing(self) -> bool:
        return self.form.isEnabled()

    def _update_actions(self) -> None:
        editing = self._editing()
        errors = self.form.errors() if editing else {}
        dirty = editing and self.form.is_dirty()
        if not editing:
            reason = self.tr("Select a unit or press Ctrl+N for a new one")
        elif errors:
            reason = self.tr("Cannot save yet: %1").replace("%1", next(iter(errors.values())))
        elif not dirty:
            reason = self.tr("No changes to save")
        else:
            reason = ""
        can_save = editing and dirty and not errors
        for widget in (self.save_action, self.save_button):
            widget.setEnabled(can_save)
            widget.setToolTip(reason or self.tr("Save the unit") + " (Ctrl+S)")
        self.why_not.setText(reason if editing and (errors or not dirty) else "")
        self.delete_action.setEnabled(self.unit_id is not None)

    def save(self) -> bool:
        """Write the form; on bad input refuse with a message and keep every typed character."""
        if not self._editing():
            return False
        errors = self.form.validate(everywhere=True)
        if errors:
            banner(
                "banner-error",
                self.tr("Not saved: fix the marked field(s) — %1").replace(
                    "%1", "; ".join(errors.values())
                ),
                self.notice,
            )
            field = self.form.first_invalid()
            if field is not None:
                field.setFocus()
            self._update_actions()
            return False
        data = self.form.value()
        try:
            # one small write: the list, the tree and the residents follow its change event
            saved = units.save_unit(self.ctx.db, self.ctx.estate_id, self.unit_id, data)
        except DomainError as error:
            errors = error.errors if isinstance(error, FieldErrors) else {}
            texts = self.form.messages(errors) if errors else {"": describe(error)}
            self.form.show_errors({k: v for k, v in texts.items() if k})
            banner(
                "banner-error",
                self.tr("Not saved: %1").replace("%1", "; ".join(texts.values())),
                self.notice,
            )
            self._update_actions()
            return False
        self.unit_id = saved.id
        self.form.load(saved.input)
        self.title.setText(saved.code)
        self.residents.show_unit(saved.id)
        banner("banner-ok", self.tr("Saved %1").replace("%1", saved.code), self.notice)
        self.ctx.events.status_message.emit(self.tr("Saved %1").replace("%1", saved.code))
        self._update_actions()
        return True

    def delete(self) -> None:
        if self.unit_id is None:
            return
        code = self.title.text()
        residents = len(self.residents.resident_ids)
        question = (
            self.tr("Delete unit %1 and its %n resident(s)?", "", residents)
            if residents
            else self.tr("Delete unit %1?")
        ).replace("%1", code)
        answer = QMessageBox.question(
            self,
            self.tr("Delete unit"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            units.remove_unit(self.ctx.db, self.unit_id)
        except DomainError as error:  # gone already: the change event updates the list
            banner("banner-error", describe(error), self.notice)
            return
        self.form.load(UnitInput())  # the deleted unit's text is not "unsaved work"
        self.show_unit(None)
        self.ctx.events.status_message.emit(self.tr("Deleted %1").replace("%1", code))

    def may_leave_form(self) -> bool:
        """True when the form holds no unsaved typing, or the user chose what to do with it."""
        if not self._editing() or not self.form.is_dirty():
            return True
        name = self.title.text()
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("%1 has unsaved changes. Save them?").replace("%1", name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def can_close(self) -> bool:
        return self.may_leave_form()

    # ---- import ----

    def import_file(self) -> None:
        from ui.units.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        if dialog.exec() and dialog.result is not None:
            self.ctx.events.status_message.emit(dialog.result_text())

    # ---- page protocol ----

    def _on_changes(self, _changes) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the tree, the list and the unit shown again (F5, or data changed)."""
        self.tree.reload()
        self.model.reload()
        if self.unit_id and not self.form.is_dirty():
            self.show_unit(self.unit_id)
        elif self.unit_id is None:
            self.residents.show_unit(None)

    def save_state(self) -> None:
        self.layout_memory.save()
