"""What a sidebar entry shows when its module is not built yet, or failed to open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class NotBuiltPage(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        note = QLabel(
            self.tr("This module is not built yet. It will appear here in a later version.")
        )
        note.setProperty("role", "empty")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading)
        layout.addStretch(1)
        layout.addWidget(note)
        layout.addStretch(2)
        self.note = note


class PageFailed(QWidget):
    """A page whose code raised while opening: say so instead of taking the window down."""

    def __init__(self, title: str, error: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        note = QLabel(self.tr("This page could not be opened:") + "\n" + error)
        note.setProperty("role", "banner-error")
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addStretch(1)
        self.note = note
