"""The application's icon and the About box (Help ▸ About PropDesk): name, version, where
the data lives, and the Qt and Python it runs on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

ICONS = Path(__file__).resolve().parent.parent.parent / "resources" / "icons"


def app_icon() -> QIcon:
    """The window and taskbar icon (SVG, with the PNG where no SVG plugin is found)."""
    icon = QIcon(str(ICONS / "propdesk.svg"))
    icon.addFile(str(ICONS / "propdesk.png"))
    return icon


def version() -> str:
    from app import __version__

    return __version__


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | str | None = None, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not at import: make_application reads the icon

        super().__init__(parent)
        self.setWindowTitle(self.tr("About PropDesk"))
        picture = QLabel()
        picture.setPixmap(
            QPixmap(str(ICONS / "propdesk.png")).scaled(
                96,
                96,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.name = QLabel(self.tr("PropDesk"))
        self.name.setProperty("role", "title")
        self.version = QLabel(self.tr("Version %1").replace("%1", version()))
        summary = QLabel(
            self.tr(
                "The desk of a property-management customer-service centre: reception, "
                "complaints, inspections and fees, on a local database that works offline "
                "and syncs with head office."
            )
        )
        summary.setWordWrap(True)
        import platform  # not at import: the application's icon is read before the window

        details = [f"Qt {qVersion()} · Python {platform.python_version()} · {platform.system()}"]
        if db_path is not None:
            details.insert(0, self.tr("Database: %1").replace("%1", str(db_path)))
        self.details = QLabel("\n".join(details))
        self.details.setProperty("role", "hint")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        text = QVBoxLayout()
        for widget in (self.name, self.version, summary, self.details):
            text.addWidget(widget)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addSpacing(12)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
