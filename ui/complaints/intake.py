"""Intake of a complaint: every field of the form, keyboard first, resident found as you type."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.complaints import (
    CATEGORIES,
    CHANNELS,
    DEPARTMENTS,
    SCOPES,
    ComplaintInput,
    severities_for,
    suggest_severity,
    validate_input,
)
from app.domain.errors import DomainError, FieldErrors
from app.domain.units import mask_phone
from app.services import complaints as service
from ui.complaints.labels import word
from ui.context import AppContext
from ui.messages import describe, field_messages
from ui.widgets.fields import FieldWithMessage, banner


def _combo(codes, current: str = "") -> QComboBox:
    box = QComboBox()
    for code in codes:
        box.addItem(word(code), code)
    if current:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class IntakeDialog(QDialog):
    """ "New complaint". ``prefill`` (e.g. from a reception record) fills the fields."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, prefill: ComplaintInput | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New complaint"))
        self.complaint_id: str | None = None
        self.unit_id: str | None = None
        self.resident_id: str | None = None
        self.attachments: list[Path] = []
        self.rules = service.read_rules(ctx.db, ctx.estate_id)
        self.reception_id = prefill.reception_id if prefill else None

        self.lookup = QLineEdit()
        self.lookup.setPlaceholderText(self.tr("Room (3-1502), name or phone"))
        self.lookup.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(110)
        self.matches.hide()
        self.unit_label = QLabel(self.tr("No unit chosen"))
        self.unit_label.setProperty("role", "hint")
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("13800138000")
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Other ways to reach them, best time to call"))

        self.channel = _combo(CHANNELS, "phone")
        self.event_time = QLineEdit(
            ctx.clock.now().astimezone(ZoneInfo(self.rules.timezone)).strftime("%Y-%m-%d %H:%M")
        )
        self.event_time.setPlaceholderText("YYYY-MM-DD HH:MM")
        self.place = QLineEdit()
        self.about = QLineEdit()
        self.about.setPlaceholderText(self.tr("Person or department complained about"))
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("What happened"))
        self.content.setFixedHeight(80)
        self.request = QPlainTextEdit()
        self.request.setTabChangesFocus(True)
        self.request.setPlaceholderText(self.tr("What the resident asks for"))
        self.request.setFixedHeight(54)
        self.reply_wanted = QCheckBox(self.tr("Resident wants a reply"))
        self.reply_wanted.setChecked(True)
        self.attach_button = QPushButton(self.tr("Attach photos or scans…"))
        self.attach_button.clicked.connect(self.choose_attachments)
        self.attach_list = QLabel()
        self.attach_list.setProperty("role", "hint")

        self.category = _combo(CATEGORIES, "other")
        self.valid = QComboBox()
        self.valid.addItem(self.tr("Valid"), True)
        self.valid.addItem(self.tr("Invalid (unreasonable demand)"), False)
        self.scope = _combo(SCOPES, "property")
        self._category_before = self.category.currentData()
        self.severity = QComboBox()
        self.severity.addItem(self.tr("— confirm —"), "")
        for code in severities_for(self.rules):
            self.severity.addItem(word(code), code)
        self.suggestion = QLabel()
        self.suggestion.setProperty("role", "hint")
        self.use_suggestion = QPushButton(self.tr("Use it"))
        self.use_suggestion.setToolTip(self.tr("Confirm the suggested severity (Alt+U)"))
        self.use_suggestion.clicked.connect(self.accept_suggestion)
        # Shown as soon as unit and category match an open or recently closed one (二次投诉).
        self.repeat_notice = QLabel()
        self.repeat_notice.setWordWrap(True)
        self.repeat_notice.hide()
        self._repeat_key: tuple[str | None, str] | None = None
        self._repeat_number = ""
        self.department = QComboBox()
        self.department.addItem(self.tr("— later —"), "")
        for code in DEPARTMENTS:
            self.department.addItem(word(code), code)
        self.deadline_mode = QComboBox()
        self.deadline_mode.addItem(
            self.tr("Standard ({0} days)").format(self.rules.minor_resolve_days), "standard"
        )
        self.deadline_mode.addItem(self.tr("Resident's reasonable deadline"), "resident")
        self.resident_deadline = QLineEdit()
        self.resident_deadline.setPlaceholderText("YYYY-MM-DD HH:MM")
        self.resident_deadline.setEnabled(False)

        self.fields: dict[str, FieldWithMessage] = {}

        def wrap(name: str, editor: QWidget) -> FieldWithMessage:
            holder = FieldWithMessage(editor)
            self.fields[name] = holder
            return holder

        who = QGroupBox(self.tr("Complainant"))
        who_form = self._form(who)
        who_form.addRow(self.tr("Find"), self.lookup)
        who_form.addRow("", self.matches)
        who_form.addRow(self.tr("Unit"), self.unit_label)
        who_form.addRow(self.tr("Name *"), wrap("complainant_name", self.name))
        who_form.addRow(self.tr("Phone"), wrap("complainant_phone", self.phone))
        who_form.addRow(self.tr("Contact"), self.contact)

        what = QGroupBox(self.tr("Complaint"))
        what_form = self._form(what)
        what_form.addRow(self.tr("Channel"), wrap("channel", self.channel))
        what_form.addRow(self.tr("Time of event"), wrap("event_time", self.event_time))
        what_form.addRow(self.tr("Place"), self.place)
        what_form.addRow(self.tr("About"), self.about)
        what_form.addRow(self.tr("What happened *"), wrap("content", self.content))
        what_form.addRow(self.tr("Request"), self.request)
        what_form.addRow("", self.reply_wanted)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.attach_list, 1)
        what_form.addRow(self.tr("Attachments"), attach_row)

        klass = QGroupBox(self.tr("Classification"))
        klass_form = self._form(klass)
        klass_form.addRow(self.tr("Category"), wrap("category", self.category))
        klass_form.addRow("", self.repeat_notice)
        klass_form.addRow(self.tr("Validity"), self.valid)
        klass_form.addRow(self.tr("Scope"), wrap("scope", self.scope))
        severity_row = QHBoxLayout()
        severity_row.addWidget(wrap("severity", self.severity), 1)
        severity_row.addWidget(self.suggestion)
        severity_row.addWidget(self.use_suggestion)
        klass_form.addRow(self.tr("Severity *"), severity_row)
        klass_form.addRow(self.tr("Department"), wrap("department", self.department))
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline_mode)
        deadline_row.addWidget(wrap("resident_deadline", self.resident_deadline), 1)
        klass_form.addRow(self.tr("Deadline (minor)"), deadline_row)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.save_button = QPushButton(self.tr("Save complaint"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.banner, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(who)
        body_layout.addWidget(what)
        body_layout.addWidget(klass)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(640, 760)

        # Enter picks a resident or moves on; it never presses a button (Ctrl+S saves).
        for button in (self.attach_button, self.use_suggestion, self.save_button, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence("Alt+U"), self, activated=self.accept_suggestion)
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(150)
        self._lookup_timer.timeout.connect(self.find_residents)
        self.lookup.textChanged.connect(self._lookup_timer.start)
        self.lookup.returnPressed.connect(self.pick_first)
        self.matches.itemActivated.connect(self.pick)
        self.matches.itemClicked.connect(self.pick)
        for editor in (self.content, self.request):
            editor.textChanged.connect(self.update_suggestion)
        self.about.textChanged.connect(self.update_suggestion)
        self.category.currentIndexChanged.connect(self.update_suggestion)
        self.category.currentIndexChanged.connect(self._scope_from_category)
        self.deadline_mode.currentIndexChanged.connect(
            lambda: self.resident_deadline.setEnabled(
                self.deadline_mode.currentData() == "resident"
            )
        )
        for name, holder in self.fields.items():
            signal = getattr(holder.editor, "textChanged", None) or getattr(
                holder.editor, "currentIndexChanged", None
            )
            signal.connect(lambda *_a, n=name: self._edited(n))
        if prefill:
            self.load(prefill)
        self.update_suggestion()
        self.lookup.setFocus()

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return form

    # ---- resident lookup ----

    def find_residents(self) -> None:
        typed = self.lookup.text().strip()
        self.matches.clear()
        if not typed:
            self.matches.hide()
            return
        found = service.lookup_residents(self.ctx.db, self.ctx.estate_id, typed, limit=8)
        for match in found:
            text = f"{match.unit}  {match.name}  {mask_phone(match.phone)}".strip()
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, match)
            self.matches.addItem(item)
        self.matches.setVisible(bool(found))
        if found:
            self.matches.setCurrentRow(0)

    def pick_first(self) -> None:
        self._lookup_timer.stop()
        self.find_residents()
        if self.matches.count():
            self.pick(self.matches.item(0))
            self.channel.setFocus()

    def pick(self, item: QListWidgetItem) -> None:
        match = item.data(Qt.ItemDataRole.UserRole)
        self.unit_id, self.resident_id = match.unit_id, match.resident_id
        self.unit_label.setText(match.unit)
        if match.name:
            self.name.setText(match.name)
        if match.phone:
            self.phone.setText(match.phone)
        self.matches.hide()
        self.update_suggestion()

    # ---- attachments ----

    def choose_attachments(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach photos or scans"),
            "",
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)"),
        )
        self.add_attachments([Path(f) for f in files])

    def add_attachments(self, paths: list[Path]) -> None:
        self.attachments.extend(paths)
        self.attach_list.setText(", ".join(p.name for p in self.attachments))

    # ---- values ----

    def value(self) -> ComplaintInput:
        return ComplaintInput(
            event_time=self.event_time.text(),
            event_place=self.place.text(),
            unit_id=self.unit_id,
            resident_id=self.resident_id,
            complainant_name=self.name.text(),
            complainant_phone=self.phone.text(),
            channel=self.channel.currentData(),
            about=self.about.text(),
            content=self.content.toPlainText(),
            request=self.request.toPlainText(),
            contact=self.contact.text(),
            reply_wanted=self.reply_wanted.isChecked(),
            category=self.category.currentData(),
            valid=bool(self.valid.currentData()),
            scope=self.scope.currentData(),
            severity=self.severity.currentData(),
            suggested_severity=self._suggested,
            department=self.department.currentData(),
            resident_deadline=(
                self.resident_deadline.text()
                if self.deadline_mode.currentData() == "resident"
                else ""
            ),
            reception_id=self.reception_id,
        )

    def load(self, data: ComplaintInput) -> None:
        self.unit_id, self.resident_id = data.unit_id, data.resident_id
        if data.unit_id:
            self.unit_label.setText(service.unit_name(self.ctx.db, data.unit_id))
        self.name.setText(data.complainant_name)
        self.phone.setText(data.complainant_phone)
        self.contact.setText(data.contact)
        self.channel.setCurrentIndex(max(0, self.channel.findData(data.channel)))
        if data.event_time:
            self.event_time.setText(data.event_time)
        self.place.setText(data.event_place)
        self.about.setText(data.about)
        self.content.setPlainText(data.content)
        self.request.setPlainText(data.request)
        self.category.setCurrentIndex(max(0, self.category.findData(data.category)))

    def accept_suggestion(self) -> None:
        self.severity.setCurrentIndex(max(0, self.severity.findData(self._suggested)))
        self.severity.setFocus()

    def _scope_from_category(self) -> None:
        # A builder's defect is not the property company's service (DOMAIN.md); the user
        # may still change the scope afterwards.
        category, previous = self.category.currentData(), self._category_before
        self._category_before = category
        if category == "builder_defect":
            self.scope.setCurrentIndex(self.scope.findData("non_property"))
        elif previous == "builder_defect":
            self.scope.setCurrentIndex(self.scope.findData("property"))

    def update_suggestion(self) -> None:
        self.check_repeat()
        self._suggested = suggest_severity(
            self.value_without_suggestion(), self.rules, repeat=bool(self._repeat_number)
        )
        self.suggestion.setText(self.tr("Suggested: {0}").format(word(self._suggested)))

    def check_repeat(self) -> None:
        """Warn while typing when this unit has the same problem open, or closed within the
        estate's window: the service will link it as a repeat complaint on saving."""
        key = (self.unit_id, self.category.currentData())
        if key == self._repeat_key:
            return  # typing in the text fields does not change the answer
        self._repeat_key = key
        self._repeat_number = service.repeat_number(
            self.ctx.db, self.ctx.estate_id, self.unit_id, key[1], self.ctx.clock.now()
        )
        banner(
            "banner-error",
            self.tr(
                "Repeat complaint (二次投诉): this unit complained of the same problem as {0}"
            ).format(self._repeat_number)
            if self._repeat_number
            else "",
            self.repeat_notice,
        )

    def value_without_suggestion(self) -> ComplaintInput:
        return ComplaintInput(
            about=self.about.text(),
            content=self.content.toPlainText(),
            request=self.request.toPlainText(),
            category=self.category.currentData(),
        )

    _suggested = ""

    # ---- validation and saving ----

    def _edited(self, name: str) -> None:
        # Re-check the field being typed in; other fields keep their marks until saved.
        errors = validate_input(self.value(), self.rules)
        holder = self.fields[name]
        if (
            holder.message.isVisible()
            or name in errors
            and name not in ("content", "complainant_name", "severity")
        ):
            holder.set_error(describe(errors[name]) if name in errors else "")

    def show_errors(self, errors: dict[str, str]) -> None:
        """Sentences by field; every field not named is cleared."""
        for name, holder in self.fields.items():
            holder.set_error(errors.get(name, ""))
        first = next((h.editor for n, h in self.fields.items() if n in errors), None)
        if first is not None:
            first.setFocus()
        banner("banner-error", self.tr("Please correct the marked fields."), self.banner)

    def save(self) -> bool:
        data = self.value()
        errors = validate_input(data, self.rules)
        if errors:
            self.show_errors(field_messages(FieldErrors(errors)))
            return False
        try:
            recorded = service.record_complaint(
                self.ctx.db,
                self.ctx.estate_id,
                data,
                staff_id=self.ctx.user_id,
                staff_role=self.ctx.role,
                attachments=tuple(self.attachments),
                now=self.ctx.clock.now(),
            )
        except FieldErrors as error:
            self.show_errors(field_messages(error))
            return False
        except DomainError as error:  # an attachment gone meanwhile: nothing was saved
            banner("banner-error", describe(error), self.banner)
            return False
        self.complaint_id = recorded.id
        self.ctx.events.status_message.emit(
            self.tr("Complaint {0} recorded").format(recorded.number)
        )
        self.accept()
        return True
