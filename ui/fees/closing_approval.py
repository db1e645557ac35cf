"""A supervisor's approval at the cashier's desk (主管授权): a reversal of a payment of a
closed day is refused until a finance lead or director types their log-in and password
here. The operation checks them and records who approved (app.services.fees.closing)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
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
from app.services.fees import closing
from ui import messages

APPROVAL_FIELDS = ("approver_login", "approver_password")


class ApprovalDialog(QDialog):
    """Who approves: their log-in and password, with the reason it is asked."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervisor's approval"))
        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor log-in"), self.login)
        form.addRow(self.tr("Supervisor password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def approval(self) -> closing.Approval:
        return closing.Approval(self.login.text().strip(), self.password.text())


def needs_approval(error: BaseException) -> bool:
    if isinstance(error, FieldErrors):
        return any(name in error.errors for name in APPROVAL_FIELDS)
    return isinstance(error, DomainError) and error.code == "fees.closing.day_closed"


def ask_approval(form, error: BaseException) -> bool:
    """For a form dialog whose save passes ``form.approval`` to the operation: when the
    operation wants a supervisor, ask for one and submit again; True if it did."""
    if not needs_approval(error):
        return False
    if isinstance(error, FieldErrors):
        reason = "\n".join(messages.describe(e) for e in error.errors.values())
    else:
        reason = messages.describe(error)
    asked = ApprovalDialog(reason, form)
    form.approval = None
    if asked.exec() != QDialog.DialogCode.Accepted:
        return False
    form.approval = asked.approval()
    QTimer.singleShot(0, form, form.submit)  # after this refusal's own clean-up
    return True
