"""The work-order dialogs: a new order (typed, or from a register entry with its content
carried over) and one step of an order with its reason, assignee, pause reason or
return-visit outcome."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QPlainTextEdit

from app.domain.errors import DomainError
from app.domain.workorders import CATEGORIES, DEPARTMENTS, PRIORITIES, VISIT_OUTCOMES
from ui.reception.actions import Actions, context, queries, workorders
from ui.reception.labels import word
from ui.reception.model import fill_combo, py_time, qt_time
from ui.widgets.forms import FormDialog


class WorkOrderDialog(FormDialog):
    """A new work order, typed or from a register entry (content carried over)."""

    def __init__(self, actions: Actions, parent=None, entry=None) -> None:
        super().__init__(
            actions.ctx.runner,
            QCoreApplication.translate("WorkOrderDialog", "New work order"),
            parent,
        )
        self.actions = actions
        self.entry = entry
        self.units: list[tuple[str, str]] = []
        self.unit = QLineEdit(entry.unit_short if entry else "")
        self.unit.setPlaceholderText(self.tr("Room code, e.g. 3-2-1502"))
        self.location = QLineEdit()
        self.contact = QLineEdit(entry.caller_name if entry else "")
        self.phone = QLineEdit(entry.caller_phone if entry else "")
        self.content = QPlainTextEdit(entry.content if entry else "")
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(60)
        self.category = QComboBox()
        fill_combo(self.category, CATEGORIES)
        self.category.setCurrentIndex(CATEGORIES.index("plumbing"))
        self.priority = QComboBox()
        fill_combo(self.priority, PRIORITIES)
        self.priority.setCurrentIndex(PRIORITIES.index("normal"))
        self.department = QComboBox()
        fill_combo(self.department, DEPARTMENTS)
        self.assignee = QComboBox()
        self.assignee.addItem(self.tr("By the category's dispatch rule"), "")
        self.paid = QCheckBox(self.tr("Paid repair (price agreed before work)"))
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.slot_start = QDateTimeEdit(qt_time(actions.now() + timedelta(hours=2)))
        self.slot_end = QDateTimeEdit(qt_time(actions.now() + timedelta(hours=4)))
        for edit in (self.slot_start, self.slot_end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.booked = QCheckBox(self.tr("The resident chose a time slot"))
        self.add_field("unit_id", self.tr("Unit"), self.unit)
        self.add_row(self.tr("Or place"), self.location)
        self.add_row(self.tr("Contact"), self.contact)
        self.add_field("contact_phone", self.tr("Phone"), self.phone)
        self.add_field("content", self.tr("Content *"), self.content)
        self.add_field("category", self.tr("Category"), self.category)
        self.add_row(self.tr("Priority"), self.priority)
        self.add_field("department", self.tr("Department"), self.department)
        self.add_row(self.tr("Assign to"), self.assignee)
        self.add_row("", self.booked)
        self.add_field("slot_start", self.tr("From"), self.slot_start)
        self.add_field("slot_end", self.tr("To"), self.slot_end)
        self.add_row("", self.paid)
        self.add_field("price", self.tr("Price (¥)"), self.price)
        actions.read(self, lambda: workorders.repairers(actions.db, actions.estate_id), self._staff)
        if entry is None or not entry.unit_id:
            self.unit.textEdited.connect(lambda _t: self._find_unit())

    def _staff(self, people) -> None:
        for staff_id, name in people:
            self.assignee.addItem(name, staff_id)

    def _find_unit(self) -> None:
        typed = self.unit.text().strip()
        a = self.actions
        a.read(self, lambda: context.find_units(a.db, a.estate_id, typed, 3), self._units)

    def _units(self, units) -> None:
        self.units = units
        self.fields["unit_id"].editor.setToolTip(units[0][1] if units else "")

    def values(self):
        price = None
        text = self.price.text().strip().replace("¥", "").replace(",", "")
        if text:
            try:
                price = Decimal(text)
            except InvalidOperation:
                price = Decimal("-1")
        booked = self.booked.isChecked() or self.paid.isChecked()
        unit_id = self.entry.unit_id if self.entry and self.entry.unit_id else None
        if unit_id is None and self.units:
            unit_id = self.units[0][0]
        return {
            "data": workorders.WorkOrderInput(
                content=self.content.toPlainText(),
                category=self.category.currentData(),
                priority=self.priority.currentData(),
                department=self.department.currentData(),
                unit_id=unit_id,
                location=self.location.text(),
                contact_name=self.contact.text(),
                contact_phone=self.phone.text(),
                slot_start=py_time(self.slot_start.dateTime()) if booked else None,
                slot_end=py_time(self.slot_end.dateTime()) if booked else None,
                paid=self.paid.isChecked(),
                price=price,
                reception_id=self.entry.id if self.entry else None,
            ),
            "assignee": self.assignee.currentData() or None,
        }

    def check(self, values):
        try:
            workorders.check_input(values["data"])
        except DomainError as error:
            return getattr(error, "errors", {"content": error})
        return {}

    def save(self, values):
        a = self.actions
        now = a.now()
        return workorders.open_order(
            a.db, a.estate_id, values["data"], a.user_id, now, values["assignee"]
        )


class StepDialog(FormDialog):
    """One step of an order: its reason or note and what the step needs."""

    def __init__(self, actions: Actions, order, step: str, parent=None) -> None:
        super().__init__(actions.ctx.runner, word(step), parent)
        self.actions = actions
        self.order = order
        self.step = step
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.extra = QComboBox()
        if step in ("dispatch", "transfer"):
            actions.read(
                self, lambda: workorders.repairers(actions.db, actions.estate_id), self._staff
            )
            self.add_field("assignee_id", self.tr("Assign to"), self.extra)
        elif step == "pause":
            self.extra.addItem(word("waiting_parts"), "parts")
            self.extra.addItem(word("waiting_owner"), "owner")
            self.add_row(self.tr("Waiting for"), self.extra)
        elif step == "return_visit":
            fill_combo(self.extra, VISIT_OUTCOMES)
            self.add_row(self.tr("Outcome"), self.extra)
        elif step == "recategorise":
            fill_combo(self.extra, CATEGORIES)
            self.extra.setCurrentIndex(max(self.extra.findData(order.category), 0))
            self.priority = QComboBox()
            fill_combo(self.priority, PRIORITIES)
            self.priority.setCurrentIndex(max(self.priority.findData(order.priority), 0))
            self.add_field("category", self.tr("Category"), self.extra)
            self.add_row(self.tr("Priority"), self.priority)
        self.add_field("note", self.tr("Reason or note"), self.note)

    def _staff(self, people) -> None:
        for staff_id, name in people:
            self.extra.addItem(name, staff_id)

    def values(self):
        data = {}
        if self.step in ("dispatch", "transfer"):
            data["assignee_id"] = self.extra.currentData() or ""
        elif self.step == "pause":
            data["reason"] = self.extra.currentData()
        elif self.step == "return_visit":
            data["outcome"] = self.extra.currentData()
        elif self.step == "recategorise":
            data["category"] = self.extra.currentData()
            data["priority"] = self.priority.currentData()
        return {"note": self.note.toPlainText(), "data": data}

    def save(self, values):
        a = self.actions
        now = a.now()
        if self.step == "return_visit":
            return queries.return_visit(
                a.db, self.order.id, a.user_id, values["data"]["outcome"], now, values["note"]
            )
        return workorders.act(
            a.db, self.order.id, self.step, a.user_id, now, values["note"], values["data"]
        )
