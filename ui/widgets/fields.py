"""A form field with its message: the field is marked and the message shown beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class FieldWithMessage(QWidget):
    """``editor`` above a small red message that is hidden while the value is fine."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.message)

    def set_error(self, text: str) -> None:
        invalid = bool(text)
        if self.editor.property("invalid") != invalid:
            self.editor.setProperty("invalid", invalid)
            self.editor.style().unpolish(self.editor)
            self.editor.style().polish(self.editor)
        self.message.setText(text)
        self.message.setVisible(invalid)
        self.editor.setToolTip(text)


def banner(role: str, text: str, label: QLabel) -> None:
    """Show ``text`` in ``label`` styled as "banner-error" or "banner-ok" (hidden when empty)."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))
