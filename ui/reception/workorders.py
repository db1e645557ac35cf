"""The work-orders tab: filters with counts (open, overdue, due soon, no progress for 4 h,
return visits due, mine), the list with each order's deadline state in word and colour,
the selected order's clock and record, and the steps the transition table allows now."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal, InvalidOperation
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.workorders import (
    CATEGORIES,
    DEPARTMENTS,
    PRIORITIES,
    VISIT_OUTCOMES,
    allowed_actions,
)
from ui import formats
from ui.reception.actions import Actions, context, paid, queries, workorders
from ui.reception.labels import colour, word
from ui.reception.model import Column, RowsModel
from ui.reception.register import _fill, _py_time, _qt_time
from ui.widgets.forms import FormDialog, action

WARN = timedelta(minutes=30)
FILTERS = ("open", "overdue", "due_soon", "chase", "visits", "mine", "all")
STEPS = (
    "dispatch",
    "accept",
    "start",
    "pause",
    "resume",
    "progress",
    "done",
    "return_visit",
    "reopen",
    "return_to_desk",
    "decline",
)


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
        _fill(self.category, CATEGORIES)
        self.category.setCurrentIndex(CATEGORIES.index("plumbing"))
        self.priority = QComboBox()
        _fill(self.priority, PRIORITIES)
        self.priority.setCurrentIndex(PRIORITIES.index("normal"))
        self.department = QComboBox()
        _fill(self.department, DEPARTMENTS)
        self.assignee = QComboBox()
        self.assignee.addItem(self.tr("By the category's dispatch rule"), "")
        self.paid = QCheckBox(self.tr("Paid repair (price agreed before work)"))
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.slot_start = QDateTimeEdit(_qt_time(actions.now() + timedelta(hours=2)))
        self.slot_end = QDateTimeEdit(_qt_time(actions.now() + timedelta(hours=4)))
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
                slot_start=_py_time(self.slot_start.dateTime()) if booked else None,
                slot_end=_py_time(self.slot_end.dateTime()) if booked else None,
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
            _fill(self.extra, VISIT_OUTCOMES)
            self.add_row(self.tr("Outcome"), self.extra)
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


class WorkOrdersTab(QWidget):
    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.tz = "Asia/Shanghai"
        self.detail = None
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter = QComboBox()
        for code in FILTERS:
            self.filter.addItem(word(code), code)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.toolbar.addWidget(self.filter)
        self.toolbar.addSeparator()
        action(
            self,
            self.tr("New work order"),
            self.new_order,
            icon="fa5s.plus",
            toolbar=self.toolbar,
        )
        self.step_actions = {}
        for step in STEPS:
            self.step_actions[step] = action(
                self,
                word(step),
                lambda s=step: self.do_step(s),
                toolbar=self.toolbar
                if step
                in (
                    "dispatch",
                    "accept",
                    "start",
                    "pause",
                    "resume",
                    "progress",
                    "done",
                    "return_visit",
                    "reopen",
                )
                else None,
            )
        self.toolbar.addSeparator()
        action(
            self,
            self.tr("Print slip"),
            self.print_slip,
            icon="fa5s.print",
            shortcut="Ctrl+P",
            toolbar=self.toolbar,
        )
        self.pay_action = action(self, self.tr("Take payment…"), self.take_payment)
        self.counts = QLabel()
        self.model = RowsModel(self._columns(), actions.now(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((118, 76, 86, 180, 170, 56, 118, 70, 118, 118)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.info = QTextBrowser()
        self.info.setOpenLinks(False)
        self.empty = QLabel(self.tr("No work orders here — press Ctrl+N to register a repair"))
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.info)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.counts)
        layout.addWidget(self.splitter, 1)
        self._enable(None)

    def _columns(self) -> list[Column]:
        def state(r, now) -> str:
            s = r.deadline_state(now, WARN)
            text = word(r.status)
            if s:
                text += " · " + word(s)
            if r.completed_late:
                text += " · " + self.tr("completed late")
            return text

        return [
            Column(self.tr("No."), lambda r, _n: r.number),
            Column(self.tr("Unit"), lambda r, _n: r.unit_short or r.location),
            Column(self.tr("Category"), lambda r, _n: word(r.category)),
            Column(self.tr("Content"), lambda r, _n: r.content),
            Column(self.tr("State"), state, colour=lambda r, n: colour(r.deadline_state(n, WARN))),
            Column(
                self.tr("Priority"),
                lambda r, _n: word(r.priority),
                colour=lambda r, _n: colour("overdue") if r.priority == "emergency" else None,
            ),
            Column(self.tr("Due"), lambda r, _n: formats.local_time(r.next_due, self.tz)),
            Column(self.tr("Assigned to"), lambda r, _n: r.assignee_name),
            Column(self.tr("Registered"), lambda r, _n: formats.local_time(r.created_at, self.tz)),
            Column(
                self.tr("Return visit due"),
                lambda r, _n: (
                    formats.local_time(r.visit_due, self.tz) if r.status == "done" else ""
                ),
            ),
            Column(self.tr("Charge"), lambda r, _n: self.tr("Paid") if r.paid else self.tr("Free")),
        ]

    def show_filter(self, code: str) -> None:
        self.filter.setCurrentIndex(max(FILTERS.index(code), 0) if code in FILTERS else 0)

    def reload(self) -> None:
        a = self.actions
        which = self.filter.currentData()
        now = a.now()
        a.read(
            self,
            lambda: (
                queries.list_orders(a.db, a.estate_id, which, now, a.user_id),
                queries.count_orders(a.db, a.estate_id, now, a.user_id),
            ),
            self._listed,
        )

    def _listed(self, result) -> None:
        rows, counts = result
        selected = self.selected()
        self.model.set_now(self.actions.now())
        self.model.set_rows(rows)
        self.counts.setText(
            "   ".join(
                f"{word(k)} {counts[k]}"
                for k in ("open", "overdue", "due_soon", "chase", "visits", "mine")
            )
        )
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if selected is not None and (row := self.model.find(selected.id)) >= 0:
            self.table.selectRow(row)
        elif rows:
            self.table.selectRow(0)
        else:
            self._selected()

    def tick(self, now) -> None:
        self.model.set_now(now)
        if self.detail is not None:
            self._show(self.detail)

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        row = self.selected()
        if row is None:
            self.detail = None
            self.info.clear()
            self._enable(None)
            return
        a = self.actions
        a.read(self, lambda: queries.read_order(a.db, row.id), self._show)

    def _show(self, detail) -> None:
        t = [
            self.tr("late"),
            self.tr("due"),
        ]
        self.detail = detail
        row, now = detail.row, self.actions.now()
        state = row.deadline_state(now, WARN)
        parts = [f"<h3>{escape(row.number)} · {escape(word(row.status))}"]
        if state:
            parts.append(
                f" · <span style='color:{(colour(state).name() if colour(state) else '#333')}'>{escape(word(state))}</span>"
            )
        parts.append("</h3><p>")
        parts.append(
            escape(
                f"{row.unit or row.location}  {row.contact_name}  {word(row.category)} · {word(row.priority)} · {word(row.department)}"
            )
        )
        parts.append(f"</p><p>{escape(row.content)}</p><p>")
        for d in detail.deadlines:
            due = formats.local_time(d.due, self.tz) if d.due else self.tr("clock paused")
            done = formats.local_time(d.met_at, self.tz) if d.met_at else ""
            late = f" ({t[0]})" if d.late else ""
            parts.append(escape(f"{word(d.kind)}: {t[1]} {due}  {done}{late}") + "<br>")
        if detail.state.remaining is not None and detail.state.paused_since is not None:
            hours = detail.state.remaining.total_seconds() / 3600
            parts.append(
                escape(self.tr("Clock paused; %1 h left").replace("%1", f"{hours:.1f}")) + "<br>"
            )
        if row.reopen_count:
            parts.append(
                escape(self.tr("Reopened %1 times").replace("%1", str(row.reopen_count))) + "<br>"
            )
        parts.append("</p><table cellpadding='2'>")
        for s in detail.steps:
            extra = word(s.data.get("outcome", "") or s.data.get("reason", "") or "")
            parts.append(
                f"<tr><td>{escape(formats.local_time(s.at, self.tz))}</td><td>{escape(word(s.kind))}</td>"
                f"<td>{escape(s.actor_name)}</td><td>{escape(' · '.join(p for p in (extra, s.note) if p))}</td></tr>"
            )
        parts.append("</table>")
        self.info.setHtml("".join(parts))
        self._enable(detail)

    def _enable(self, detail) -> None:
        allowed = set(allowed_actions(detail.row.status)) if detail else set()
        for step, act in self.step_actions.items():
            act.setEnabled(step in allowed)
        self.pay_action.setEnabled(
            bool(detail and detail.row.paid and detail.row.status in ("done", "visited", "closed"))
        )

    # ---- actions ----

    def new_order(self) -> None:
        WorkOrderDialog(self.actions, self).exec()

    def do_step(self, step: str) -> None:
        if self.detail is None:
            return
        if step in ("accept", "start", "resume"):
            a = self.actions
            now = a.now()
            a.write(self, lambda: workorders.act(a.db, self.detail.row.id, step, a.user_id, now))
            return
        StepDialog(self.actions, self.detail.row, step, self).exec()

    def print_slip(self) -> None:
        if self.detail is None:
            return
        from ui.reception.printing import slip_html
        from ui.widgets.printing import print_preview

        html = slip_html(self.detail, self.actions.ctx.estate_name, self.tz)
        print_preview(self, html, self.tr("Work order slip")).exec()

    def take_payment(self) -> None:
        if self.detail is None:
            return
        a = self.actions
        now = a.now()
        order_id = self.detail.row.id
        payer = self.detail.row.contact_name
        a.write(
            self,
            lambda: paid.take_payment(a.db, order_id, "cash", payer, a.user_id, now),
            lambda receipt: a.ctx.events.status_message.emit(
                self.tr("Receipt %1").replace("%1", receipt.receipt_no)
            ),
        )
