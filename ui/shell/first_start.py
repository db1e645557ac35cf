"""First start: no staff account yet, so create the estate and the first administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, FieldErrors
from ui.messages import describe
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import mark_fields

if TYPE_CHECKING:
    from app.services.accounts import StaffSummary
    from ui.context import Database

MIN_PASSWORD = 8  # app.services.accounts.MIN_PASSWORD, not imported here to keep start-up light


class FirstStartDialog(QDialog):
    """Creates the estate and the administrator in one transaction; ``user`` (the account,
    now logged in: nobody types the password just chosen twice) and ``estate_id`` afterwards."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user: StaffSummary | None = None
        self.user_id: str | None = None
        self.estate_id: str | None = None
        self.setWindowTitle(self.tr("Welcome to PropDesk"))
        intro = QLabel(
            self.tr(
                "This database has no staff accounts yet. Name your estate and create the "
                "first administrator; you will log in with this account."
            )
        )
        intro.setWordWrap(True)
        self.estate = QLineEdit()
        self.estate.setPlaceholderText(self.tr("e.g. 阳光花园"))
        self.login = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = {
            "estate": FieldWithMessage(self.estate),
            "login": FieldWithMessage(self.login),
            "display_name": FieldWithMessage(self.display_name),
            "password": FieldWithMessage(self.password),
            "repeat": FieldWithMessage(self.repeat),
        }
        form = QFormLayout()
        form.addRow(self.tr("Estate name *"), self.fields["estate"])
        form.addRow(self.tr("Login *"), self.fields["login"])
        form.addRow(self.tr("Display name"), self.fields["display_name"])
        form.addRow(self.tr("Password *"), self.fields["password"])
        form.addRow(self.tr("Password again *"), self.fields["repeat"])
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create administrator"))
        self.create_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for editor in (self.estate, self.login, self.display_name, self.password, self.repeat):
            editor.textChanged.connect(self.validate)
        self.setMinimumWidth(460)
        self.validate()

    def problems(self) -> dict[str, str]:
        problems = {}
        if not self.estate.text().strip():
            problems["estate"] = self.tr("Enter the estate's name")
        if not self.login.text().strip():
            problems["login"] = self.tr("Enter a login name, e.g. admin")
        if len(self.password.text()) < MIN_PASSWORD:
            problems["password"] = self.tr("At least %n characters", "", MIN_PASSWORD)
        if self.repeat.text() != self.password.text():
            problems["repeat"] = self.tr("The two passwords differ")
        return problems

    def validate(self) -> bool:
        problems = self.problems()
        for name, field in self.fields.items():
            # an untouched empty field is not an error yet; say so only once typing started
            touched = (
                bool(field.editor.text())
                or name in ("password", "repeat")
                and bool(self.password.text())
            )
            field.set_error(problems.get(name, "") if touched else "")
        self.create_button.setEnabled(not problems)
        self.create_button.setToolTip(
            self.tr("Fill in the marked fields first") if problems else ""
        )
        return not problems

    def create(self) -> None:
        if not self.validate():
            banner("banner-error", self.tr("Fill in the marked fields first"), self.error)
            return
        from app.services.accounts import start_first_estate

        try:
            user, self.estate_id = start_first_estate(
                self.db,
                estate=self.estate.text(),
                login=self.login.text(),
                display_name=self.display_name.text(),
                password=self.password.text(),
            )
        except DomainError as error:
            if isinstance(error, FieldErrors):
                mark_fields(self.fields, error.errors)
            banner("banner-error", describe(error), self.error)
            return
        self.user = user
        self.user_id = user.id
        self.accept()
