"""Log-in: login and password, then the estate when the account works in several."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.shell.signin import estates_of
from ui.widgets.fields import banner

if TYPE_CHECKING:
    from app.services.accounts import StaffSummary
    from ui.context import Database


class LoginDialog(QDialog):
    """After ``exec()`` returns Accepted: ``user`` and ``estate_id``."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user: StaffSummary | None = None
        self.estate_id: str | None = None
        self.setWindowTitle(self.tr("Log in to PropDesk"))
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.estate = QComboBox()
        self.estate_label = QLabel(self.tr("Estate"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("Login"), self.login)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.estate_label, self.estate)
        self.estate.hide()
        self.estate_label.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Log in"))
        self.ok.setProperty("primary", True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.login.textChanged.connect(self._forget_estate_choice)
        self.setMinimumWidth(380)

    def _forget_estate_choice(self) -> None:
        self.user = None
        self.estate.hide()
        self.estate_label.hide()

    def submit(self) -> None:
        if self.user is not None and self.estate.isVisible():
            self.estate_id = self.estate.currentData()
            self.accept()
            return
        from app.domain.errors import DomainError
        from app.services.accounts import log_in
        from ui.messages import describe

        # argon2 takes a moment on purpose; the dialog waits for it as a log-in should
        try:
            user = log_in(self.db, self.login.text(), self.password.text())
        except DomainError as locked:  # too many failures: locked for a while (a setting)
            banner("banner-error", describe(locked), self.error)
            self.password.clear()
            return
        if user is None:
            # the login stays as typed; only the password is cleared for the next try
            banner("banner-error", self.tr("Login or password is wrong. Try again."), self.error)
            self.password.clear()
            self.password.setFocus()
            return
        estates = estates_of(self.db, user)
        if not estates:
            banner(
                "banner-error",
                self.tr("This account belongs to no estate on this computer."),
                self.error,
            )
            return
        self.user = user
        if len(estates) == 1:
            self.estate_id = estates[0][0]
            self.accept()
            return
        self.estate.clear()
        for estate_id, name in estates:
            self.estate.addItem(name, estate_id)
        self.estate.show()
        self.estate_label.show()
        banner("banner-ok", self.tr("Choose the estate to work in."), self.error)
        self.ok.setText(self.tr("Open"))
        self.estate.setFocus()
