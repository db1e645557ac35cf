"""Settings: change my own password (the current one first, the new one twice)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from app.domain.errors import DomainError, FieldErrors
from app.services import accounts
from ui.context import AppContext
from ui.messages import describe
from ui.widgets.fields import FieldWithMessage, banner
from ui.widgets.forms import mark_fields


class PasswordBox(QGroupBox):
    """Checked as the user types; the account service checks the current password and the
    new one's length. Nothing typed is cleared by a refusal; all three clear once changed."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Change my password"))
        self.editors: dict[str, QLineEdit] = {}
        for name in ("current", "new", "repeat"):
            editor = QLineEdit()
            editor.setEchoMode(QLineEdit.EchoMode.Password)
            editor.textEdited.connect(lambda _t, name=name: self._edited(name))
            self.editors[name] = editor
        self.fields = {name: FieldWithMessage(e) for name, e in self.editors.items()}
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.change = QPushButton(self.tr("Change password"))
        self.change.setProperty("primary", True)
        self.change.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addStretch(1)  # the primary button on the right (UI.md "Forms")
        row.addWidget(self.change)
        form = QFormLayout(self)
        form.addRow(self.tr("Current password"), self.fields["current"])
        form.addRow(self.tr("New password"), self.fields["new"])
        form.addRow(self.tr("New password again"), self.fields["repeat"])
        form.addRow("", self.notice)
        form.addRow(row)
        self._touched: set[str] = set()
        self._saving = False
        if not ctx.user_id:  # a rendering context: nobody is logged in
            self.setEnabled(False)
        self.validate()

    def problems(self) -> dict[str, DomainError]:
        text = {name: editor.text() for name, editor in self.editors.items()}
        problems: dict[str, DomainError] = {}
        if not text["current"]:
            problems["current"] = DomainError("account.password.current_required")
        if len(text["new"]) < accounts.MIN_PASSWORD:
            problems["new"] = DomainError("account.password.too_short", min=accounts.MIN_PASSWORD)
        if text["repeat"] != text["new"]:
            problems["repeat"] = DomainError("account.password.repeat_differs")
        return problems

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        if name == "new" and self.editors["repeat"].text():
            self._touched.add("repeat")
        banner("banner-ok", "", self.notice)
        self.validate()

    def validate(self) -> dict[str, DomainError]:
        problems = self.problems()
        mark_fields(self.fields, problems, self._touched)
        self.change.setEnabled(not problems and not self._saving)
        first = next(iter(problems.values()), None)
        self.change.setToolTip(
            self.tr("Cannot change yet: %1").replace("%1", describe(first)) if first else ""
        )
        return problems

    def submit(self) -> None:
        """On an enrolled desk the server changes it (accounts are the server's there) and
        a sync brings it down; on a standalone desk it is changed here."""
        if self._saving or self.validate():
            return
        from sync.client import TOKEN, SyncClient
        from sync.client.admin import change_own_password

        ctx = self.ctx
        db, user_id, login = ctx.db, ctx.user_id, ctx.user_login
        current, new = self.editors["current"].text(), self.editors["new"].text()
        client = SyncClient(db)
        self._saving = True
        self.change.setEnabled(False)

        def on_server() -> None:
            (
                ctx.runner.network(
                    self, lambda _p: change_own_password(client, login, current, new)
                )
                .success(changed_on_server)
                .failure(self._refused)
                .finally_(self._done)
                .run()
            )

        def changed_on_server(changed: bool) -> None:
            if not changed:  # no longer enrolled meanwhile: its own accounts count
                here()
                return
            self._changed(None)
            background = getattr(ctx.events, "background_sync", None)  # the window's
            if background is not None:
                background.sync_now()  # the new hash comes down with the server's row

        def here() -> None:
            (
                ctx.runner.write(self, lambda _p: accounts.set_password(db, user_id, current, new))
                .success(self._changed)
                .failure(self._refused)
                .finally_(self._done)
                .run()
            )

        def decided(enrolled: bool) -> None:
            if enrolled:
                on_server()
            else:
                here()

        def unreadable(error: BaseException) -> None:
            self._refused(error)
            self._done()

        (
            ctx.runner.query(self, lambda _p: bool(client.state(TOKEN)))
            .success(decided)
            .failure(unreadable)
            .run()
        )

    def _changed(self, _none) -> None:
        for editor in self.editors.values():
            editor.clear()
        self._touched.clear()
        banner("banner-ok", self.tr("Password changed."), self.notice)
        self.ctx.events.status_message.emit(self.tr("Password changed."))

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, FieldErrors):
            self._touched.update(error.errors)
            mark_fields(self.fields, error.errors)
        banner("banner-error", describe(error), self.notice)

    def _done(self) -> None:
        self._saving = False
        self.change.setEnabled(not self.problems())
