"""Settings: who may do what (the estate's permission matrix) and the log-in rules of this
computer (lockout after failed passwords, screen lock when idle).

The matrix is written on the server only (its administrator endpoint or
``propdesk-server permissions``) and reaches every desk by sync. An administrator edits it
here while the desk is enrolled and online: the ticked cells go to the server's endpoint
with their password (the server checks it), then a sync brings the change back down. For
anyone else, or offline, the grid is read-only and says why. Bold: differs from the default.
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
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.services import accounts, permissions
from sync.overview import read_overview
from ui.context import AppContext
from ui.messages import describe, message
from ui.widgets.changes import on_changes
from ui.widgets.fields import banner
from ui.widgets.permits import forget, guard, may, why_not

YES, NO = "✓", "—"
MANAGE = "permissions.manage"


def permissions_box(ctx: AppContext, parent: QWidget | None = None) -> QGroupBox:
    return PermissionsBox(ctx, parent)


class PermissionsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permissions")
        self.setTitle(self.tr("Permissions and log-in"))
        self.ctx = ctx
        self.loaded = None  # the matrix shown (a permissions.Matrix)
        self.editable = False
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setMinimumHeight(380)
        note = QLabel(
            self.tr(
                "Who may do what in this estate. It is kept on the server and reaches every "
                "desk at its next sync. Bold: differs from the default."
            )
        )
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        self.matrix_reason = QLabel()  # why the grid is read-only
        self.matrix_reason.setObjectName("matrix-reason")
        self.matrix_reason.setProperty("role", "hint")
        self.matrix_reason.setWordWrap(True)
        # two lines kept whatever it says: the box does not grow once the answer arrives
        self.matrix_reason.setMinimumHeight(2 * self.matrix_reason.fontMetrics().lineSpacing())
        self.admin_password = QLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_password.setPlaceholderText(self.tr("Your password (the server checks it)"))
        self.save_matrix = QPushButton(self.tr("Save permissions on the server"))
        self.matrix_result = QLabel()
        self.matrix_result.setWordWrap(True)
        matrix_row = QHBoxLayout()
        matrix_row.addWidget(self.admin_password, 1)
        matrix_row.addWidget(self.save_matrix)
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
        layout.addWidget(self.matrix_reason)
        layout.addLayout(matrix_row)
        layout.addWidget(self.matrix_result)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        guard(self.save_button, ctx, "accounts.manage")
        self.save_button.clicked.connect(self.save)
        self.save_matrix.clicked.connect(self.save_permissions)
        self._set_editable(False, self.tr("Reading the permissions…"))  # keeps its place
        on_changes(ctx.changes, self, ("role_permissions",), lambda _changes: self.reload())
        on_changes(ctx.changes, self, ("sync_state",), lambda _changes: self._recheck_online())
        self.reload()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        # The page caps the box's width; asked for its height at the page's full width, the
        # wrapped hints would count fewer lines than they show and squeeze the grid.
        return False

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
                    read_overview(db),
                ),
            )
            .success(self._show)
            .run()
        )

    def _recheck_online(self) -> None:
        db = self.ctx.db
        self.ctx.runner.query(self, lambda _p: read_overview(db)).success(self._judge).run()

    def _show(self, loaded) -> None:
        matrix, (attempts, minutes), idle, overview = loaded
        self.loaded = matrix
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
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, (role, perm))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if (role, perm) in matrix.changed:
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.attempts.setValue(attempts)
        self.minutes.setValue(minutes)
        self.idle.setValue(idle)
        self._judge(overview)

    def _judge(self, overview) -> None:
        """Editable for an administrator while the desk is enrolled and online; else the
        reason in words."""
        if not may(self.ctx, MANAGE):
            reason = why_not(self.ctx, MANAGE)
        elif not overview.enrolled:
            reason = self.tr(
                "This desk is not enrolled with a sync server: the permissions are changed "
                "on the server, so they can be edited here once the desk is enrolled."
            )
        elif not overview.online:
            reason = self.tr(
                "The server did not answer at the last sync: the permissions can be edited "
                "only while the server can be reached."
            )
        else:
            reason = ""
        self._set_editable(not reason, reason)

    def _set_editable(self, editable: bool, reason: str) -> None:
        self.editable = editable
        self.matrix_reason.setText(
            reason
            or self.tr(
                "Tick or clear cells, type your password and save: the server writes the "
                "change and every desk of the estate receives it."
            )
        )
        self.admin_password.setEnabled(editable)
        self.save_matrix.setEnabled(editable)
        self.save_matrix.setToolTip(reason)
        if self.loaded is None:
            return
        flags = Qt.ItemFlag.ItemIsEnabled
        if editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        for row, perm in enumerate(self.loaded.permissions):
            for column, role in enumerate(self.loaded.roles):
                item = self.table.item(row, column)
                allowed = self.loaded.cells[perm][role]
                item.setFlags(flags)
                if editable:
                    item.setText("")
                    state = Qt.CheckState.Checked if allowed else Qt.CheckState.Unchecked
                    item.setCheckState(state)
                else:
                    item.setData(Qt.ItemDataRole.CheckStateRole, None)
                    item.setText(YES if allowed else NO)
        self.table.resizeColumnsToContents()

    def edited_cells(self) -> list[tuple[str, str, bool]]:
        """The cells ticked differently from the matrix in force."""
        cells = []
        if self.loaded is None or not self.editable:
            return cells
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                role, perm = item.data(Qt.ItemDataRole.UserRole)
                ticked = item.checkState() == Qt.CheckState.Checked
                if ticked != self.loaded.cells[perm][role]:
                    cells.append((role, perm, ticked))
        return cells

    def save_permissions(self) -> None:
        from sync.client import SyncClient
        from sync.client.admin import set_permissions

        cells = self.edited_cells()
        if not cells:
            nothing = self.tr("Nothing changed: tick or clear a cell first.")
            banner("banner-info", nothing, self.matrix_result)
            return
        password = self.admin_password.text()
        if not password:
            banner(
                "banner-error",
                self.tr("Type your password: the server checks it before it changes anything."),
                self.matrix_result,
            )
            return
        ctx = self.ctx
        client = SyncClient(ctx.db)

        def saved(changed: int) -> None:
            self.admin_password.clear()
            text = self.tr("Saved on the server ({0} changed). This desk receives it now.")
            banner("banner-ok", text.format(changed), self.matrix_result)
            background = getattr(ctx.events, "background_sync", None)  # the window's
            if background is not None:
                background.sync_now()  # bring the server's rows (and audit entries) down

        def refused(error: BaseException) -> None:
            if not isinstance(error, DomainError):
                error = DomainError("sync.unexpected", detail=str(error))
            banner("banner-error", describe(error), self.matrix_result)

        self.save_matrix.setEnabled(False)
        (
            ctx.runner.network(
                self,
                lambda _p: set_permissions(client, ctx.user_login, password, ctx.estate_id, cells),
            )
            .success(saved)
            .failure(refused)
            .finally_(lambda: self.save_matrix.setEnabled(self.editable))
            .run()
        )

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
