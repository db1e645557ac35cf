"""The visitors tab: a one-line check-in (name, ID, unit, purpose, plate), the day's visitors
(today's, or a day picked, e.g. a visitor opened from the reports hub) with anyone still in
marked (listed at closing time), check-out, and goods release slips printed for the gate."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import FieldErrors
from app.domain.reception import ID_TYPES, SlipInput, VisitorInput, check_slip
from ui import formats, messages
from ui.reception.actions import Actions, context, visitors
from ui.reception.labels import colour, word
from ui.reception.model import Column, RowsModel, fill_combo
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import FormDialog, action, mark_fields


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SlipDialog(FormDialog):
    def __init__(self, actions: Actions, parent=None) -> None:
        super().__init__(
            actions.ctx.runner,
            QCoreApplication.translate("SlipDialog", "New release slip"),
            parent,
        )
        self.actions = actions
        self.units: list[tuple[str, str]] = []
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("3-2-1502")
        self.unit.textEdited.connect(lambda _t: self._find())
        self.unit_found = QLabel()
        self.items = QLineEdit()
        self.taken_by = QLineEdit()
        self.checked_by = QLineEdit()
        self.add_field("unit_id", self.tr("Unit"), self.unit)
        self.add_row("", self.unit_found)
        self.add_field("items", self.tr("Items"), self.items)
        self.add_field("taken_by", self.tr("Taken by"), self.taken_by)
        self.add_row(self.tr("Checked by"), self.checked_by)

    def _find(self) -> None:
        typed = self.unit.text().strip()
        a = self.actions
        a.read(self, lambda: context.find_units(a.db, a.estate_id, typed, 3), self._units)

    def _units(self, units) -> None:
        self.units = units
        self.unit_found.setText(units[0][1] if units else "")
        self.validate()

    def values(self):
        return {
            "data": SlipInput(
                self.units[0][0] if self.units else None,
                self.items.text(),
                self.taken_by.text(),
                self.checked_by.text(),
            )
        }

    def check(self, values):
        try:
            check_slip(values["data"])
        except FieldErrors as error:
            return error.errors
        return {}

    def save(self, values):
        a = self.actions
        return visitors.issue_slip(a.db, a.estate_id, values["data"], a.user_id, a.now())


class VisitorsTab(QWidget):
    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.tz = "Asia/Shanghai"
        self.units: list[tuple[str, str]] = []
        self.day: date | None = None  # the day listed; None: today, whatever day it is
        self.wanted: str | None = None  # a visitor to choose once listed
        self._generation = 0
        box = QGroupBox(self.tr("Check a visitor in"))
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.name = QLineEdit()
        self.id_type = QComboBox()
        fill_combo(self.id_type, ID_TYPES)
        self.id_number = QLineEdit()
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("Visiting unit, e.g. 3-2-1502"))
        self.unit.textEdited.connect(lambda _t: self._find())
        self.purpose = QLineEdit()
        self.plate = QLineEdit()
        self.plate.setPlaceholderText("粤B12345")
        self.fields = {
            "name": FieldWithMessage(self.name),
            "id_number": FieldWithMessage(self.id_number),
            "purpose": FieldWithMessage(self.purpose),
            "plate": FieldWithMessage(self.plate),
        }
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for label, widget, layout in (
            (self.tr("Name"), self.fields["name"], row1),
            (self.tr("ID"), self.id_type, row1),
            ("", self.fields["id_number"], row1),
            (self.tr("Unit"), self.unit, row2),
            (self.tr("Purpose"), self.fields["purpose"], row2),
            (self.tr("Plate"), self.fields["plate"], row2),
        ):
            if label:
                layout.addWidget(QLabel(label))
            layout.addWidget(widget, 1)
        self.check_in_button = QPushButton(self.tr("Check in"))
        self.check_in_button.setProperty("primary", True)
        self.check_in_button.clicked.connect(self.check_in)
        row2.addWidget(self.check_in_button)
        form.addRow(row1)
        form.addRow(row2)
        self.error = QLabel()
        self.error.hide()
        form.addRow(self.error)
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        action(
            self, self.tr("Check out"), self.check_out, icon="fa5s.sign-out-alt", toolbar=toolbar
        )
        action(
            self, self.tr("New release slip…"), self.new_slip, icon="fa5s.dolly", toolbar=toolbar
        )
        action(self, self.tr("Print slip"), self.print_slip, icon="fa5s.print", toolbar=toolbar)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Day") + " "))
        self.day_edit = QDateEdit()
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(self._qdate(self._today()))
        self.day_edit.dateChanged.connect(lambda d: self.show_day(d.toPython()))
        toolbar.addWidget(self.day_edit)
        self.today_action = action(
            self, self.tr("Today"), lambda: self.show_day(None), toolbar=toolbar
        )
        self.today_action.setEnabled(False)
        self.still_in = QLabel()
        self.still_in.setWordWrap(True)
        self.model = RowsModel(
            [
                Column(self.tr("Name"), lambda r, _n: r.name),
                Column(self.tr("ID"), lambda r, _n: f"{word(r.id_type)} {r.id_masked}"),
                Column(self.tr("Visiting"), lambda r, _n: r.unit),
                Column(self.tr("Purpose"), lambda r, _n: r.purpose),
                Column(self.tr("Plate"), lambda r, _n: r.plate),
                Column(self.tr("In"), lambda r, _n: formats.local_time(r.time_in, self.tz)),
                Column(
                    self.tr("Out"),
                    lambda r, _n: (
                        formats.local_time(r.time_out, self.tz)
                        if r.time_out
                        else self.tr("still in")
                    ),
                    colour=lambda r, _n: colour("due_soon") if r.time_out is None else None,
                ),
            ],
            actions.now(),
            self,
        )
        self.table = _table(self.model)
        for column, width in enumerate((80, 190, 130, 90, 90, 118)):
            self.table.setColumnWidth(column, width)
        self.slip_model = RowsModel(
            [
                Column(self.tr("No."), lambda r, _n: r.number),
                Column(self.tr("Issued"), lambda r, _n: formats.local_time(r.issued_at, self.tz)),
                Column(self.tr("Unit"), lambda r, _n: r.unit),
                Column(self.tr("Items"), lambda r, _n: r.items),
                Column(self.tr("Taken by"), lambda r, _n: r.taken_by),
                Column(self.tr("Checked by"), lambda r, _n: r.checked_by),
            ],
            actions.now(),
            self,
        )
        self.slip_table = _table(self.slip_model)
        for column, width in enumerate((120, 118, 130, 180, 120)):
            self.slip_table.setColumnWidth(column, width)
        splitter = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.still_in)
        upper_layout.addWidget(self.table)
        lower = QGroupBox(self.tr("Goods release slips"))
        QVBoxLayout(lower).addWidget(self.slip_table)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)

    def _find(self) -> None:
        typed = self.unit.text().strip()
        a = self.actions
        a.read(self, lambda: context.find_units(a.db, a.estate_id, typed, 3), self._units)

    def _units(self, units) -> None:
        self.units = units
        self.unit.setToolTip(units[0][1] if units else "")

    def check_in(self) -> None:
        data = VisitorInput(
            name=self.name.text(),
            id_type=self.id_type.currentData(),
            id_number=self.id_number.text(),
            unit_id=self.units[0][0] if self.units and self.unit.text().strip() else None,
            purpose=self.purpose.text(),
            plate=self.plate.text(),
        )
        a = self.actions
        now = a.now()
        op = a.ctx.runner.write(
            self, lambda _p: visitors.check_in(a.db, a.estate_id, data, a.user_id, now)
        )
        op.success(lambda _row: self._checked_in()).failure(self._refused).run()

    def _checked_in(self) -> None:
        for w in (self.name, self.id_number, self.unit, self.purpose, self.plate):
            w.clear()
        mark_fields(self.fields, {})
        banner("banner-error", "", self.error)
        self.name.setFocus()

    def _refused(self, error) -> None:
        if isinstance(error, FieldErrors):
            mark_fields(self.fields, error.errors)
        else:
            banner("banner-error", messages.describe(error), self.error)

    # ---- the day listed ----

    def _today(self) -> date:
        return self.actions.now().astimezone(ZoneInfo(self.tz)).date()

    @staticmethod
    def _qdate(day: date) -> QDate:
        return QDate(day.year, day.month, day.day)

    def show_day(self, day: date | None) -> None:
        """List ``day``'s visitors (None or today: today's, following the clock)."""
        self.day = None if day is None or day == self._today() else day
        shown = self.day or self._today()
        if self.day_edit.date().toPython() != shown:
            self.day_edit.blockSignals(True)
            self.day_edit.setDate(self._qdate(shown))
            self.day_edit.blockSignals(False)
        self.today_action.setEnabled(self.day is not None)
        self.reload()

    def select_visitor(self, visitor_id: str, day: date) -> None:
        """That visitor's day listed and their row chosen (a report's row opens it)."""
        self.wanted = visitor_id
        self.show_day(day)

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.id if row is not None else None

    def reload(self) -> None:
        a = self.actions
        now = a.now()
        day = self.day or now.astimezone(ZoneInfo(self.tz)).date()
        self._generation += 1
        generation = self._generation
        a.read(
            self,
            lambda: (
                visitors.visitors_of_day(a.db, a.estate_id, day),
                visitors.slips(a.db, a.estate_id),
                visitors.past_closing(a.db, a.estate_id, now),
            ),
            lambda result: self._listed(result, generation),
        )

    def _listed(self, result, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # a newer day's list is being read
        rows, slips, closing = result
        chosen = self.wanted or self.selected_id()
        self.model.set_rows(rows)
        self.slip_model.set_rows(slips)
        found = self.model.find(chosen) if chosen else -1
        if found >= 0:
            index = self.model.index(found, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
            if chosen == self.wanted:
                self.wanted = None
        inside = [r.name for r in rows if r.time_out is None]
        text = (
            self.tr("Still checked in: %1").replace("%1", "、".join(inside))
            if inside
            else self.tr("Nobody is checked in.")
        )
        if closing and inside:
            text = self.tr("Closing time — still checked in: %1").replace("%1", "、".join(inside))
        banner("banner-error" if closing and inside else "banner-ok", text, self.still_in)

    def tick(self, now) -> None:
        self.model.set_now(now)
        if self.day is None and self.day_edit.date().toPython() != self._today():
            self.show_day(None)  # past midnight: the new day's visitors

    def check_out(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None or row.time_out is not None:
            return
        a = self.actions
        now = a.now()
        a.write(self, lambda: visitors.check_out(a.db, row.id, now))

    def new_slip(self) -> None:
        SlipDialog(self.actions, self).exec()

    def print_slip(self) -> None:
        index = self.slip_table.currentIndex()
        row = self.slip_model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        from ui.reception.printing import release_slip_html
        from ui.widgets.printing import print_preview

        print_preview(
            self,
            release_slip_html(row, self.actions.ctx.estate_name, self.tz),
            self.tr("Goods release slip"),
        ).exec()
