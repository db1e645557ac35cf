"""The register tab: one quick-entry form for every contact, the caller's context as the
phone number or room code is typed, and the day's register / open items below.

Keyboard first: Ctrl+N starts a new entry (the channel, then the caller), Tab follows the
form in reading order, Ctrl+S saves, Esc clears. A consultation answered on the spot is
saved without touching the mouse.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import FieldErrors
from app.domain.reception import CATEGORIES, CHANNELS, DEPARTMENTS, EntryInput
from app.domain.units import mask_phone
from ui import formats, messages
from ui.reception.actions import Actions, context, register
from ui.reception.caller import CallerContextView
from ui.reception.labels import colour, word
from ui.reception.model import Column, RowsModel, fill_combo, py_time, qt_time
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import action, mark_fields

SEARCH_DELAY_MS = 150


class RegisterTab(QWidget):
    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.tz = "Asia/Shanghai"
        self.people: list = []
        self.context = None
        self.saved_count = 0
        self._build_form()
        self._build_list()
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.form_box, 3)
        top_layout.addWidget(self.context_box, 2)
        splitter.addWidget(top)
        splitter.addWidget(self.list_box)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([390, 400])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._look_up)
        action(self, self.tr("Save entry"), self.save, shortcut="Ctrl+S")
        action(self, self.tr("Clear the form"), self.clear_form, shortcut="Esc")

    # ---- building ----

    def _build_form(self) -> None:
        self.form_box = QGroupBox(self.tr("Quick entry (KH-21-R01)"))
        form = QFormLayout(self.form_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.channel = QComboBox()
        fill_combo(self.channel, CHANNELS)
        self.channel.setCurrentIndex(CHANNELS.index("phone"))
        self.caller = QLineEdit()
        self.caller.setPlaceholderText(self.tr("Phone, room code (3-2-1502) or name"))
        self.caller.textEdited.connect(lambda _t: self._search_timer.start())
        self.person = QComboBox()
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.name = QLineEdit()
        self.category = QComboBox()
        fill_combo(self.category, CATEGORIES)
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("What was asked"))
        self.content.setFixedHeight(44)
        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("The answer given"))
        self.answer.setFixedHeight(44)
        self.is_open = QCheckBox(self.tr("Not answered yet: promise a reply"))
        self.promised = QDateTimeEdit()
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promised.setCalendarPopup(True)
        self.referred = QComboBox()
        fill_combo(self.referred, DEPARTMENTS, blank=self.tr("(no referral)"))
        self.is_open.toggled.connect(self._open_toggled)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.fields = {
            "channel": FieldWithMessage(self.channel),
            "caller_phone": FieldWithMessage(self.caller),
            "content": FieldWithMessage(self.content),
            "answer": FieldWithMessage(self.answer),
            "promised_at": FieldWithMessage(self.promised),
            "referred_to": FieldWithMessage(self.referred),
        }
        form.addRow(self.tr("Channel"), self.fields["channel"])
        form.addRow(self.tr("Caller"), self.fields["caller_phone"])
        form.addRow(self.tr("Person / unit"), self.person)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Matter *"), self.fields["content"])
        form.addRow(self.tr("Answer"), self.fields["answer"])
        promise = QWidget()
        row = QHBoxLayout(promise)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.is_open)
        row.addWidget(self.fields["promised_at"], 1)
        form.addRow(self.tr("Open item"), promise)
        form.addRow(self.tr("Refer to"), self.fields["referred_to"])
        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.form_error, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        for a, b in (
            (self.channel, self.caller),
            (self.caller, self.person),
            (self.person, self.name),
            (self.name, self.category),
            (self.category, self.content),
            (self.content, self.answer),
            (self.answer, self.is_open),
            (self.is_open, self.promised),
            (self.promised, self.referred),
            (self.referred, self.save_button),
        ):
            QWidget.setTabOrder(a, b)
        self._open_toggled(False)
        self.context_box = QGroupBox(self.tr("Caller context"))
        self.context_view = CallerContextView()
        box = QVBoxLayout(self.context_box)
        box.addWidget(self.context_view)
        self._show_context(None)

    def _build_list(self) -> None:
        self.list_box = QWidget()
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.view = QComboBox()
        self.view.addItem(self.tr("Today's register"), "today")
        self.view.addItem(self.tr("My open items"), "mine")
        self.view.addItem(self.tr("All open items"), "open")
        self.view.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()
        self.toolbar.addWidget(self.view)
        self.toolbar.addWidget(self.count_label)
        self.toolbar.addSeparator()
        self.close_action = action(
            self, self.tr("Close item…"), self.close_item, toolbar=self.toolbar
        )
        self.order_action = action(
            self, self.tr("To work order…"), self.to_work_order, toolbar=self.toolbar
        )
        self.complaint_action = action(
            self, self.tr("To complaint"), self.to_complaint, toolbar=self.toolbar
        )
        self.model = RowsModel(self._columns(), self.actions.now(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((118, 60, 78, 70, 96, 84, 220, 150, 60, 118)):
            self.table.setColumnWidth(column, width)
        self.empty = QLabel(self.tr("No entries yet today — press Ctrl+N to record a contact"))
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self.list_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def _columns(self) -> list[Column]:
        tz = lambda: self.tz  # noqa: E731

        def state(r, now) -> str:
            if r.is_open:
                return word("overdue") if r.overdue(now) else self.tr("Awaiting reply")
            return self.tr("Answered")

        return [
            Column(self.tr("Time"), lambda r, _n: formats.local_time(r.received_at, tz())),
            Column(self.tr("Channel"), lambda r, _n: word(r.channel)),
            Column(self.tr("Category"), lambda r, _n: word(r.category)),
            Column(self.tr("Name"), lambda r, _n: r.caller_name),
            Column(self.tr("Phone"), lambda r, _n: mask_phone(r.caller_phone)),
            Column(self.tr("Unit"), lambda r, _n: r.unit_short),
            Column(self.tr("Matter"), lambda r, _n: r.content),
            Column(self.tr("Answer"), lambda r, _n: r.answer),
            Column(
                self.tr("State"),
                state,
                colour=lambda r, n: colour("overdue") if r.overdue(n) else None,
            ),
            Column(
                self.tr("Promised"),
                lambda r, _n: formats.local_time(r.promised_at, tz()) if r.is_open else "",
            ),
            Column(
                self.tr("Referred to"), lambda r, _n: word(r.referred_to) if r.referred_to else ""
            ),
            Column(self.tr("Received by"), lambda r, _n: r.received_by_name),
        ]

    # ---- the form ----

    def new_entry(self) -> None:
        self.clear_form()
        self.channel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear_form(self) -> None:
        for w in (self.caller, self.name):
            w.clear()
        self.content.clear()
        self.answer.clear()
        self.person.clear()
        self.is_open.setChecked(False)
        self._open_toggled(False)
        self.referred.setCurrentIndex(0)
        self.category.setCurrentIndex(0)
        self.people = []
        mark_fields(self.fields, {})
        banner("banner-error", "", self.form_error)
        self._show_context(None)
        self.load_notices()

    def load_notices(self) -> None:
        """With no caller yet, the context shows the notices in force for the estate."""
        a = self.actions
        now = a.now()
        a.read(self, lambda: context.caller_context(a.db, a.estate_id, "", now), self._idle_context)

    def _idle_context(self, found) -> None:
        if not self.caller.text().strip():
            self._show_context(found)

    def _open_toggled(self, on: bool) -> None:
        self.promised.setEnabled(on)
        self.referred.setEnabled(on)
        # a reply promised two hours from now, shown (greyed) before the box is ticked too
        self.promised.setDateTime(qt_time(self.actions.now() + timedelta(hours=2)))

    def _look_up(self) -> None:
        typed = self.caller.text().strip()
        if len(typed) < 2:
            return
        a = self.actions
        now = a.now()
        a.read(
            self,
            lambda: context.caller_context(a.db, a.estate_id, typed, now),
            lambda found, typed=typed: self._found(found, typed),
        )

    def _found(self, found, typed: str) -> None:
        if typed != self.caller.text().strip():
            return  # typed on since
        self.people = list(found.people)
        self.person.blockSignals(True)
        self.person.clear()
        for p in self.people:
            label = f"{p.unit}  {p.name}  {mask_phone(p.phone)}".strip()
            self.person.addItem(label, p.unit_id)
        self.person.addItem(self.tr("Unknown caller (no unit)"), "")
        self.person.setCurrentIndex(0)
        self.person.blockSignals(False)
        self._person_chosen(0)
        self._show_context(found)

    def _person_chosen(self, index: int) -> None:
        if 0 <= index < len(self.people):
            person = self.people[index]
            if person.name:
                self.name.setText(person.name)
            if self.context is not None and self.context.unit_id != person.unit_id:
                a = self.actions
                now = a.now()
                a.read(
                    self,
                    lambda: context.caller_context(a.db, a.estate_id, "", now, person.unit_id),
                    lambda found: self._show_context(found, keep_people=True),
                )

    def _show_context(self, found, keep_people: bool = False) -> None:
        self.context = found
        self.context_view.show_context(found, bool(self.caller.text().strip()))

    def _values(self) -> EntryInput:
        index = self.person.currentIndex()
        person = self.people[index] if 0 <= index < len(self.people) else None
        typed = self.caller.text().strip()
        phone = typed if typed.replace("-", "").isdigit() else (person.phone if person else "")
        return EntryInput(
            channel=self.channel.currentData() or "",
            category=self.category.currentData() or "",
            caller_name=self.name.text(),
            caller_phone=phone,
            unit_id=person.unit_id if person else None,
            resident_id=person.resident_id if person else None,
            content=self.content.toPlainText(),
            answer=self.answer.toPlainText(),
            open=self.is_open.isChecked(),
            promised_at=py_time(self.promised.dateTime()) if self.is_open.isChecked() else None,
            referred_to=(self.referred.currentData() or "") if self.is_open.isChecked() else "",
        )

    def save(self) -> None:
        data = self._values()
        a = self.actions
        now = a.now()
        self.save_button.setEnabled(False)
        op = a.ctx.runner.write(
            self, lambda _p: register.save_entry(a.db, a.estate_id, data, a.user_id, now)
        )
        op.success(self._saved).failure(self._refused).finally_(
            lambda: self.save_button.setEnabled(True)
        ).run()

    def _saved(self, row) -> None:
        self.saved_count += 1
        self.clear_form()
        self.channel.setFocus()
        self.actions.ctx.events.status_message.emit(self.tr("Saved %1").replace("%1", row.number))

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, FieldErrors):
            mark_fields(self.fields, error.errors)
            unplaced = [e for n, e in error.errors.items() if n not in self.fields]
            banner(
                "banner-error", "\n".join(messages.describe(e) for e in unplaced), self.form_error
            )
        else:
            banner("banner-error", messages.describe(error), self.form_error)

    # ---- the list ----

    def reload(self) -> None:
        a = self.actions
        which = self.view.currentData()
        now = a.now()
        if which == "today":
            day = now.astimezone(ZoneInfo(self.tz)).date()
            work = lambda: register.day_entries(a.db, a.estate_id, day)  # noqa: E731
        elif which == "mine":
            work = lambda: register.open_items(a.db, a.estate_id, a.user_id)  # noqa: E731
        else:
            work = lambda: register.open_items(a.db, a.estate_id)  # noqa: E731
        a.read(self, work, self._listed)
        if not self.caller.text().strip():
            self.load_notices()  # notices start and end while nobody is calling

    def _listed(self, rows) -> None:
        selected = self.selected()
        self.model.set_now(self.actions.now())
        self.model.set_rows(rows)
        self.count_label.setText("  " + self.tr("%n entries", "", len(rows)))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if selected is not None and (row := self.model.find(selected.id)) >= 0:
            self.table.selectRow(row)

    def tick(self, now) -> None:
        self.model.set_now(now)
        if not self.caller.text().strip():
            self.load_notices()

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def close_item(self) -> None:
        row = self.selected()
        if row is None or not row.is_open:
            return
        answer, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Close open item"),
            self.tr("Answer given to %1:").replace("%1", row.caller_name or "-"),
        )
        if not ok:
            return
        a = self.actions
        now = a.now()
        a.write(self, lambda: register.close_item(a.db, row.id, a.user_id, answer, now))

    def to_work_order(self) -> None:
        row = self.selected()
        if row is None:
            return
        from ui.reception.order_dialogs import WorkOrderDialog

        dialog = WorkOrderDialog(self.actions, self, entry=row)
        dialog.exec()

    def to_complaint(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Open a complaint"),
            self.tr("Open a complaint from entry %1? Its content is carried over.").replace(
                "%1", row.number
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        a = self.actions
        now = a.now()
        a.write(
            self,
            lambda: register.convert_to_complaint(a.db, row.id, a.user_id, a.ctx.role, now),
            lambda _id: a.ctx.events.status_message.emit(self.tr("Complaint opened")),
        )
