"""Settings: who may do what (the estate's permission matrix, read-only on the desk) and the
log-in rules of this computer (lockout after failed passwords, screen lock when idle).

The matrix is written on the server (its administrator endpoint or ``propdesk-server``)
and reaches desks by sync; a cell that differs from the defaults is shown in bold.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import accounts, permissions
from ui.context import AppContext
from ui.messages import describe, message
from ui.widgets.changes import on_changes
from ui.widgets.fields import banner
from ui.widgets.permits import forget, guard

YES, NO = "✓", "—"


def permissions_box(ctx: AppContext, parent: QWidget | None = None) -> QGroupBox:
    return PermissionsBox(ctx, parent)


class PermissionsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permissions")
        self.setTitle(self.tr("Permissions and log-in"))
        self.ctx = ctx
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setMinimumHeight(380)
        note = QLabel(
            self.tr(
                "Who may do what in this estate. The administrator changes it on the server; "
                "the change reaches this desk at its next sync. Bold: differs from the default."
            )
        )
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        self.attempts = QSpinBox()
        self.attempts.setRange(3, 20)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 1440)
        self.minutes.setSuffix(self.tr(" min"))
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("Never"))
        self.save_button = QPushButton(self.tr("Save log-in rules"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Wrong passwords before a lockout"), self.attempts)
        form.addRow(self.tr("Locked for"), self.minutes)
        form.addRow(self.tr("Lock the screen when idle for"), self.idle)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        guard(self.save_button, ctx, "accounts.manage")
        self.save_button.clicked.connect(self.save)
        on_changes(ctx.changes, self, ("role_permissions",), lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        forget(self.ctx)
        db, estate_id = self.ctx.db, self.ctx.estate_id
        (
            self.ctx.runner.query(
                self,
                lambda _p: (
                    permissions.matrix(db, estate_id),
                    accounts.lockout_settings(db),
                    accounts.screen_lock_minutes(db),
                ),
            )
            .success(self._show)
            .run()
        )

    def _show(self, loaded) -> None:
        matrix, (attempts, minutes), idle = loaded
        self.table.clear()
        self.table.setRowCount(len(matrix.permissions))
        self.table.setColumnCount(len(matrix.roles))
        self.table.setHorizontalHeaderLabels([message(f"role.{r}") for r in matrix.roles])
        self.table.setVerticalHeaderLabels(
            [message(f"permission.name.{p}") for p in matrix.permissions]
        )
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, perm in enumerate(matrix.permissions):
            for column, role in enumerate(matrix.roles):
                item = QTableWidgetItem(YES if matrix.cells[perm][role] else NO)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if (role, perm) in matrix.changed:
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.attempts.setValue(attempts)
        self.minutes.setValue(minutes)
        self.idle.setValue(idle)

    def save(self) -> None:
        db = self.ctx.db
        attempts, minutes, idle = self.attempts.value(), self.minutes.value(), self.idle.value()

        def work(_p):
            accounts.set_lockout_settings(db, attempts, minutes)
            accounts.set_screen_lock_minutes(db, idle)

        (
            self.ctx.runner.write(self, work)
            .success(lambda _r: banner("banner-ok", self.tr("Log-in rules saved."), self.result))
            .failure(lambda e: banner("banner-error", describe(e), self.result))
            .run()
        )
