"""The one action helper and the one form-dialog pattern.

``action(page, text, slot, icon=..., shortcut=...)``: a named action whose shortcut works
wherever the focus is on the page, its tooltip naming the shortcut, optionally on a toolbar.

``FormDialog``: a dialog of labelled fields, checked as the user types, saved through an
operation on the background runner. A subclass adds its fields (``add_field``) and says
what was typed (``values``), what is wrong with it (``check``: field -> ``DomainError``,
empty when it may be saved) and how to save it (``save``: calls an operation, off the UI
thread). OK stays disabled while ``check`` finds a problem, its tooltip saying which;
a field shows its message once the user touched it. A refusal by the operation marks
the fields it names (``FieldErrors``) or shows the message above the buttons; the dialog
stays open and nothing typed is lost. After a save ``saved`` holds what the operation
returned and the dialog is accepted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, FieldErrors
from ui import messages
from ui.widgets import icons
from ui.widgets.fields import FieldWithMessage, banner

log = logging.getLogger(__name__)


def action(
    owner: QWidget,
    text: str,
    slot: Callable[[], Any],
    *,
    icon: str | None = None,
    shortcut: str = "",
    toolbar: QToolBar | None = None,
) -> QAction:
    result = QAction(icons.icon(icon) if icon else QIcon(), text, owner)
    if shortcut:
        result.setShortcut(QKeySequence(shortcut))
        result.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        result.setToolTip(f"{text} ({shortcut})")
    result.triggered.connect(lambda _checked=False: slot())
    if toolbar is not None:
        toolbar.addAction(result)
    owner.addAction(result)  # the shortcut works wherever the focus is on this page
    return result


def mark_fields(
    fields: dict[str, FieldWithMessage],
    errors: dict[str, DomainError],
    shown: set[str] | None = None,
) -> None:
    """Show each field's message (only for the fields in ``shown``, when given)."""
    for name, field in fields.items():
        error = errors.get(name)
        visible = error is not None and (shown is None or name in shown)
        field.set_error(messages.describe(error) if visible else "")


class FormDialog(QDialog):
    def __init__(self, runner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        self.fields: dict[str, FieldWithMessage] = {}
        self.saved: Any = None
        self._touched: set[str] = set()
        self._saving = False
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setProperty("primary", True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)

    # ---- what a subclass provides ----

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> dict[str, DomainError]:
        return {}

    def save(self, values: dict[str, Any]) -> Any:
        """Call the operation (runs on the write worker, not the UI thread)."""
        raise NotImplementedError

    # ---- building ----

    def add_field(self, name: str, label: str, editor: QWidget, *, touched: bool = False) -> None:
        """A labelled field checked as the user types; ``touched`` shows its message at once."""
        self.fields[name] = FieldWithMessage(editor)
        self.form.addRow(label, self.fields[name])
        if touched:
            self._touched.add(name)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _t, name=name: self._edited(name))
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda _i, name=name: self._edited(name))

    def add_row(self, label: str, widget: QWidget) -> None:
        """A field with nothing to check (a note)."""
        self.form.addRow(label, widget)

    # ---- behaviour ----

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    def validate(self) -> dict[str, DomainError]:
        errors = self.check(self.values())
        mark_fields(self.fields, errors, self._touched)
        self.ok.setEnabled(not errors and not self._saving)
        first = next(iter(errors.values()), None)
        self.ok.setToolTip(
            QCoreApplication.translate("FormDialog", "Cannot save yet: %1").replace(
                "%1", messages.describe(first)
            )
            if first
            else ""
        )
        return errors

    def submit(self) -> None:
        if self._saving:
            return
        errors = self.validate()
        if errors:
            self._touched.update(errors)
            self.validate()
            return
        values = self.values()
        self._saving = True
        self.ok.setEnabled(False)
        (
            self.runner.write(self, lambda _p: self.save(values))
            .success(self._saved)
            .failure(self._refused)
            .finally_(self._done)
            .run()
        )

    def _saved(self, result: Any) -> None:
        self.saved = result
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, FieldErrors):
            self._touched.update(error.errors)
            mark_fields(self.fields, error.errors)
            unplaced = [e for name, e in error.errors.items() if name not in self.fields]
            text = "\n".join(messages.describe(e) for e in unplaced)
        else:
            if not isinstance(error, DomainError):
                log.error("save failed", exc_info=(type(error), error, error.__traceback__))
            text = messages.describe(error)
        banner("banner-error", text, self.error)

    def _done(self) -> None:
        self._saving = False
        self.ok.setEnabled(not self.check(self.values()))
