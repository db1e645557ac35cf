"""The enrolment form: server address, one-time code, this computer's name; validated as
the clerk types, and nothing typed is lost when the server refuses."""

from __future__ import annotations

import platform

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import icons
from ui.widgets.fields import FieldWithMessage, banner


def url_problem(text: str) -> str:
    """What is wrong with a typed server address, in English source text ("" if fine)."""
    text = text.strip()
    if not text:
        return QT_TRANSLATE_NOOP(
            "EnrolForm", "Enter the server's address, e.g. https://192.168.1.10:8470"
        )
    scheme, sep, rest = text.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return QT_TRANSLATE_NOOP(
            "EnrolForm",
            "The address starts with http:// or https://, e.g. https://192.168.1.10:8470",
        )
    host = rest.split("/")[0]
    if not host or " " in text or host.startswith(":"):
        return QT_TRANSLATE_NOOP(
            "EnrolForm",
            "Add the server's name or IP address after http://, e.g. https://192.168.1.10:8470",
        )
    return ""


class EnrolForm(QWidget):
    """Connect this computer to the server: address, one-time code, this computer's name."""

    enrol_requested = Signal(str, str, str)  # server address, code, computer name
    back_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QGroupBox(self.tr("Connect this computer to the server"))
        self.intro = QLabel(
            self.tr(
                "Branch offices sync with the central server whenever there is a network. "
                "Ask the administrator for an enrolment code (on the server: "
                "propdesk-server enroll-code --estate NAME); each code connects one computer."
            )
        )
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://192.168.1.10:8470")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKLM")
        self.pin = QLineEdit()  # the server certificate's SHA-256, given with the code
        self.pin.setPlaceholderText("AB:CD:EF:…")
        self.pin_hint = QLabel(
            self.tr(
                "Optional, for https: the certificate fingerprint the administrator gave "
                "with the code. A server showing another certificate is refused."
            )
        )
        self.pin_hint.setProperty("role", "hint")
        self.pin_hint.setWordWrap(True)
        pin_column = QWidget()
        pin_layout = QVBoxLayout(pin_column)
        pin_layout.setContentsMargins(0, 0, 0, 0)
        pin_layout.setSpacing(2)
        pin_layout.addWidget(self.pin)
        pin_layout.addWidget(self.pin_hint)
        self.name = QLineEdit(platform.node())
        self.name.setPlaceholderText(platform.node())
        self.server_field = FieldWithMessage(self.server)
        self.code_field = FieldWithMessage(self.code)
        self.name_hint = QLabel(self.tr("How this computer is listed on the server."))
        self.name_hint.setProperty("role", "hint")
        name_column = QWidget()
        name_layout = QVBoxLayout(name_column)
        name_layout.setContentsMargins(0, 0, 0, 0)
        name_layout.setSpacing(2)
        name_layout.addWidget(self.name)
        name_layout.addWidget(self.name_hint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.back = QPushButton(self.tr("Back"))
        self.back.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.hide()
        self.enrol = QPushButton(icons.icon("fa5s.plug"), self.tr("Enrol"))
        self.enrol.setDefault(True)
        self.enrol.setAutoDefault(True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Server address *"), self.server_field)
        form.addRow(self.tr("Enrolment code *"), self.code_field)
        form.addRow(self.tr("Certificate fingerprint"), pin_column)
        form.addRow(self.tr("This computer's name"), name_column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.enrol)
        inner = QVBoxLayout(self.box)
        inner.setSpacing(8)
        inner.addWidget(self.intro)
        inner.addLayout(form)
        inner.addLayout(buttons)
        self.box.setFixedWidth(600)
        self.message.setMaximumWidth(420)

        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.message, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addStretch(1)

        self.server.textChanged.connect(self.validate)
        self.code.textChanged.connect(self.validate)
        for editor in (self.server, self.code, self.pin, self.name):
            editor.returnPressed.connect(self.submit)
        self.enrol.clicked.connect(self.submit)
        self.back.clicked.connect(self.back_requested)
        self.cancel.clicked.connect(self.cancel_requested)
        self._touched = False
        self.validate()

    def problems(self) -> dict[str, str]:
        found = {}
        if problem := url_problem(self.server.text()):
            found["server"] = self.tr(problem)
        if not self.code.text().strip():
            found["code"] = self.tr("Enter the enrolment code the administrator gave you")
        return found

    def validate(self) -> bool:
        """Mark what is wrong once something was typed; the button says why it waits."""
        self._touched = self._touched or bool(self.server.text() or self.code.text())
        found = self.problems()
        if self._touched:
            self.server_field.set_error(found.get("server", "") if self.server.text() else "")
            self.code_field.set_error(found.get("code", "") if self.server.text() else "")
        self.enrol.setEnabled(not found and not self.busy.isVisible())
        self.enrol.setToolTip("\n".join(found.values()) or self.tr("Connect (Enter)"))
        return not found

    def submit(self) -> None:
        if self.busy.isVisible():
            return
        self._touched = True
        found = self.problems()
        self.server_field.set_error(found.get("server", ""))
        self.code_field.set_error(found.get("code", ""))
        if found:
            (self.server if "server" in found else self.code).setFocus()
            return
        self.enrol_requested.emit(
            self.server.text().strip(), self.code.text().strip(), self.name.text().strip()
        )

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel.setVisible(busy)
        for editor in (self.server, self.code, self.pin, self.name):
            editor.setReadOnly(busy)
        self.enrol.setText(self.tr("Connecting…") if busy else self.tr("Enrol"))
        self.validate()

    def say(self, role: str, text: str) -> None:
        banner(role, text, self.message)
