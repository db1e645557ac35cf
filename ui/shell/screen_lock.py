"""Screen lock after inactivity: no key, mouse or touch for the set minutes (a setting of
this computer, Settings → Permissions and log-in) and the window is covered by a dialog
asking the logged-in user's password. The log-in lockout applies to it too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.services import accounts
from ui.context import AppContext
from ui.messages import describe
from ui.widgets.fields import banner

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockDialog(QDialog):
    """Only the same user's password opens the window again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("PropDesk is locked"))
        self.setModal(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        who = QLabel(
            self.tr("Locked after a while without use. %1, type your password to go on.").replace(
                "%1", ctx.user_name or ctx.user_login
            )
        )
        who.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def submit(self) -> None:
        try:
            ok = accounts.unlock(self.ctx.db, self.ctx.user_id, self.password.text())
        except DomainError as locked:
            banner("banner-error", describe(locked), self.error)
            self.password.clear()
            return
        if ok:
            self.accept()
            return
        banner("banner-error", self.tr("The password is wrong. Try again."), self.error)
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:  # Esc does not open a locked window
        self.password.setFocus()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()


class IdleLock(QObject):
    """Watches the application's input; locks ``window`` after ``minutes`` without any
    (0: never). ``interval_ms`` overrides the minutes (tests)."""

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        minutes: int | None = None,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog: LockDialog | None = None
        minutes = accounts.screen_lock_minutes(ctx.db) if minutes is None else minutes
        self.timer = QTimer(self, singleShot=True)
        self.timer.setInterval(interval_ms if interval_ms is not None else minutes * 60_000)
        self.timer.timeout.connect(self.lock)
        if interval_ms is None and minutes <= 0:
            return
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in ACTIVITY and self.dialog is None:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.dialog is not None or not self.ctx.user_id:
            return
        self.dialog = LockDialog(self.ctx, self.window)
        self.dialog.finished.connect(self._unlocked)
        self.dialog.open()

    def _unlocked(self, _result: int) -> None:
        self.dialog = None
        self.timer.start()
