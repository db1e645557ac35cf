"""The selected complaint: its record, deadlines with their state, the timeline of events,
and the dialog that records one workflow step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.complaints import DEPARTMENTS, SATISFACTION, ComplaintState, due_state
from app.domain.units import mask_phone
from app.services.complaints import ComplaintDetail
from ui import formats
from ui.complaints.labels import DEADLINE_COLOURS, event_word, word
from ui.context import AppContext
from ui.labels import staff_role
from ui.widgets.fields import FieldWithMessage, banner


class DetailPanel(QWidget):
    """Shows a ``ComplaintDetail``; deadline states are re-evaluated by ``set_now``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint: ComplaintDetail | None = None
        self.state: ComplaintState | None = None
        self.now = ctx.clock.now()
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()

        record = QGroupBox(self.tr("Record"))
        self.record = QFormLayout(record)
        self.record.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("unit", self.tr("Unit")),
            ("complainant", self.tr("Complainant")),
            ("received", self.tr("Received")),
            ("event", self.tr("Event")),
            ("about", self.tr("About")),
            ("content", self.tr("What happened")),
            ("request", self.tr("Request")),
            ("classification", self.tr("Classification")),
            ("department", self.tr("Department")),
            ("attachments", self.tr("Attachments")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.record.addRow(label, value)

        deadlines = QGroupBox(self.tr("Deadlines"))
        self.deadlines = QTreeWidget()
        self.deadlines.setRootIsDecorated(False)
        self.deadlines.setHeaderLabels(
            [self.tr("Step"), self.tr("Due"), self.tr("State"), self.tr("Done")]
        )
        self.deadlines.setMaximumHeight(170)
        QVBoxLayout(deadlines).addWidget(self.deadlines)

        timeline = QGroupBox(self.tr("Timeline"))
        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels(
            [self.tr("Time"), self.tr("Step"), self.tr("By"), self.tr("Note")]
        )
        self.timeline.setWordWrap(True)
        QVBoxLayout(timeline).addWidget(self.timeline)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(record)
        layout.addWidget(deadlines)
        layout.addWidget(timeline, 1)
        self.show_complaint(None)

    def show_complaint(self, complaint: ComplaintDetail | None) -> None:
        self.complaint = complaint
        self.state = complaint.state if complaint else None
        if complaint is None:
            self.title.setText(self.tr("No complaint selected"))
            for value in self.values.values():
                value.clear()
            self.deadlines.clear()
            self.timeline.clear()
            self.notice.hide()
            return
        state, tz = complaint.state, complaint.timezone
        self.title.setText(f"{complaint.number} · {word(state.status)} · {word(state.severity)}")
        if complaint.repeat_of_number:
            banner(
                "banner-error",
                self.tr("Repeat complaint (二次投诉) of {0}").format(complaint.repeat_of_number),
                self.notice,
            )
        else:
            self.notice.hide()
        v = self.values
        v["unit"].setText(complaint.unit or "—")
        v["complainant"].setText(
            f"{complaint.complainant_name}  {mask_phone(complaint.complainant_phone)}  "
            f"{complaint.contact}".strip()
        )
        v["received"].setText(
            f"{formats.local_time(complaint.received_at, tz)} · {word(complaint.channel)} · "
            f"{complaint.received_by}".strip(" ·")
        )
        v["event"].setText(
            f"{formats.local_time(complaint.event_time, tz)} {complaint.event_place}".strip()
        )
        v["about"].setText(complaint.about)
        v["content"].setText(complaint.content)
        v["request"].setText(
            complaint.request
            + ("" if not complaint.reply_wanted else "  (" + self.tr("reply wanted") + ")")
        )
        v["classification"].setText(
            " · ".join(
                [
                    word(complaint.category),
                    self.tr("Valid") if complaint.valid else self.tr("Invalid"),
                    word(complaint.scope),
                ]
            )
        )
        v["department"].setText(word(complaint.department) if complaint.department else "—")
        v["attachments"].setText(", ".join(f.filename for f in complaint.attachments) or "—")
        self.show_deadlines()

        self.timeline.clear()
        for event in complaint.events:
            detail = self.event_detail(event.kind, event.data or {}, tz)
            note = " · ".join(p for p in (detail, event.note) if p)
            who = event.actor_name or (staff_role(event.actor_role) if event.actor_role else "")
            item = QTreeWidgetItem(
                [formats.local_time(event.at, tz), event_word(event.kind), who, note]
            )
            item.setToolTip(3, note)
            self.timeline.addTopLevelItem(item)
        for column in range(3):
            self.timeline.resizeColumnToContents(column)

    def set_now(self, now: datetime) -> None:
        """The clock ticked: open deadlines may have become due soon or overdue."""
        self.now = now
        if self.complaint is not None:
            self.show_deadlines()

    def show_deadlines(self) -> None:
        state, tz = self.complaint.state, self.complaint.timezone
        self.deadlines.clear()
        for deadline in state.deadlines:
            if deadline.done_at is not None:
                status = self.tr("Met") if deadline.met else self.tr("Missed")
                colour = DEADLINE_COLOURS["done" if deadline.met else "overdue"]
            else:
                code = due_state(deadline.due, self.now)
                status, colour = word(code), DEADLINE_COLOURS[code]
            kind = word(deadline.kind) + (" *" if deadline.extended else "")
            item = QTreeWidgetItem(
                [
                    kind,
                    formats.local_time(deadline.due, tz),
                    status,
                    formats.local_time(deadline.done_at, tz),
                ]
            )
            item.setForeground(2, colour)
            self.deadlines.addTopLevelItem(item)
        for column in range(3):
            self.deadlines.resizeColumnToContents(column)

    def event_detail(self, kind: str, data: dict, tz: str) -> str:
        if kind == "dispatched" and data.get("department"):
            return word(data["department"])
        if kind == "escalated" and data.get("to"):
            return word(data["to"])
        if kind == "return_visit" and data.get("satisfaction"):
            return word(data["satisfaction"])
        if kind == "extension_approved" and data.get("due"):
            return self.tr("new deadline {0}").format(formats.local_time(data["due"], tz))
        if kind == "progress" and data.get("answer"):
            return self.tr("clear answer given")
        if kind == "auto_major" and data.get("months"):
            return self.tr("unresolved for %n month(s): now a major complaint", "", data["months"])
        return ""


class StepDialog(QDialog):
    """Records one step (dispatch, progress, escalate, extension, resolve, return visit...)."""

    def __init__(
        self,
        kind: str,
        state: ComplaintState,
        department: str,
        tz: str,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.tz = tz
        self.setWindowTitle(event_word(kind))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fields: dict[str, FieldWithMessage] = {}
        self.department = self.to = self.satisfaction = self.due = self.answer = None
        if kind == "dispatched":
            self.department = QComboBox()
            for code in DEPARTMENTS:
                self.department.addItem(word(code), code)
            self.department.setCurrentIndex(max(0, self.department.findData(department)))
            form.addRow(self.tr("Department"), self._wrap("department", self.department))
        if kind == "escalated":
            self.to = QComboBox()
            for code in ("team_lead", "supervisor", "director"):
                self.to.addItem(word(code), code)
            if state.level == "major":
                self.to.setCurrentIndex(2)
            elif state.level == "important":
                self.to.setCurrentIndex(1)
            form.addRow(self.tr("To"), self._wrap("to", self.to))
        if kind == "return_visit":
            self.satisfaction = QComboBox()
            self.satisfaction.addItem(self.tr("— choose —"), "")
            for code in SATISFACTION:
                self.satisfaction.addItem(word(code), code)
            form.addRow(self.tr("Satisfaction"), self._wrap("satisfaction", self.satisfaction))
        if kind == "extension_approved":
            current = state.deadline(state.pending_extension or "resolve")
            start = max(current.due if current else now, now)
            self.due = QLineEdit(
                (start + timedelta(days=2)).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")
            )
            self.due.setPlaceholderText("YYYY-MM-DD HH:MM")
            form.addRow(self.tr("New deadline"), self._wrap("due", self.due))
        if kind == "progress":
            self.answer = QCheckBox(self.tr("A clear answer was given to the resident"))
            form.addRow("", self.answer)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        form.addRow(self.tr("Note"), self._wrap("note", self.note))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.ok = QPushButton(self.tr("Record"))
        self.ok.setProperty("primary", True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.banner, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(460, 240)

    def _wrap(self, name: str, editor: QWidget) -> FieldWithMessage:
        holder = FieldWithMessage(editor)
        self.fields[name] = holder
        return holder

    def values(self) -> tuple[str, dict]:
        data: dict = {}
        if self.department is not None:
            data["department"] = self.department.currentData()
        if self.to is not None:
            data["to"] = self.to.currentData()
        if self.satisfaction is not None:
            data["satisfaction"] = self.satisfaction.currentData()
        if self.answer is not None and self.answer.isChecked():
            data["answer"] = True
        if self.due is not None:
            try:
                local = datetime.strptime(self.due.text().strip(), "%Y-%m-%d %H:%M")
                data["due"] = local.replace(tzinfo=ZoneInfo(self.tz)).astimezone(UTC).isoformat()
            except ValueError:
                data["due"] = ""
        return self.note.toPlainText(), data

    def show_errors(self, errors: dict[str, str]) -> None:
        """Sentences by field (``ui.messages.field_messages``); the rest in the banner."""
        for name, holder in self.fields.items():
            holder.set_error(errors.get(name, ""))
        others = [text for name, text in errors.items() if name not in self.fields]
        banner("banner-error", " ".join(others), self.banner)
