"""The database at start is damaged or unreadable: say so plainly, offer the latest good
backup (app.services.backups), keep the damaged file aside, never show a traceback."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import backups
from ui.messages import describe
from ui.widgets.fields import banner


def when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


class RecoveryDialog(QDialog):
    """Accepted once the database file can be opened again: ``restored`` (a backup put in
    place) or ``started_empty``; rejected means quit."""

    def __init__(
        self,
        db_path: Path,
        problem: str,
        backup: backups.BackupFile | None,
        parent: QWidget | None = None,
        later: bool = False,
    ) -> None:
        super().__init__(parent)
        self.later = later  # the database is open: recover once the window has closed
        self.db_path = Path(db_path)
        self.backup = backup
        self.restored: backups.Restored | None = None
        self.set_aside: Path | None = None
        self.started_empty = False
        self.setWindowTitle(self.tr("The database cannot be used"))
        heading = QLabel(self.tr("PropDesk's database is damaged or unreadable"))
        heading.setProperty("role", "title")
        what = QLabel(
            self.tr("File: %1\nWhat SQLite found: %2")
            .replace("%1", str(self.db_path))
            .replace("%2", problem)
        )
        what.setWordWrap(True)
        what.setProperty("role", "hint")
        what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if backup is not None:
            offer = self.tr(
                "The latest good backup was made on %1. Restoring it replaces the damaged "
                "file, which is kept beside it as a copy. Changes that had not been synced "
                "when the backup was made are sent again at the next sync. Changes made "
                "after %1 are lost unless they reached the sync server."
            ).replace("%1", when(backup.made_at))
        else:
            offer = self.tr(
                "No good backup of this database was found. You can start with an empty "
                "database (the damaged file is kept beside it) and enrol this computer for "
                "sync again, or quit and ask your administrator."
            )
        if later:
            offer += " " + self.tr("PropDesk closes to do this and opens again.")
        self.offer = QLabel(offer)
        self.offer.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        if backup is not None:
            self.go = QPushButton(
                self.tr("Restore the backup of %1").replace("%1", when(backup.made_at))
            )
        else:
            self.go = QPushButton(self.tr("Start with an empty database"))
        self.go.setProperty("primary", True)
        self.go.setDefault(True)
        self.buttons.addButton(self.go, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.go.clicked.connect(self.recover)
        self.quit.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, what, self.offer, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def recover(self) -> None:
        if self.later:
            from ui.shell.backups import PENDING

            PENDING[str(self.db_path)] = (self.backup, "damaged")
            self.accept()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.backup is not None:
                self.restored = backups.restore_backup(self.db_path, self.backup, "damaged")
                self.set_aside = self.restored.set_aside
            else:
                self.set_aside = backups.set_aside(self.db_path, "damaged")
                self.started_empty = True
        except (backups.BackupError, OSError) as error:
            said = describe(error) if isinstance(error, backups.BackupError) else str(error)
            banner("banner-error", self.tr("This did not work: %1").replace("%1", said), self.error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def summary(self) -> str:
        """For the status bar once the window is open."""
        if self.restored is not None:
            return (
                self.tr(
                    "Restored the backup of %1; the damaged file is kept as %2. %3 unsynced "
                    "changes will be sent again."
                )
                .replace("%1", when(self.restored.backup_made_at))
                .replace("%2", self.set_aside.name if self.set_aside else "-")
                .replace("%3", str(self.restored.unsynced_changes))
            )
        return self.tr("Started with an empty database; the damaged file is kept as %1").replace(
            "%1", self.set_aside.name if self.set_aside else "-"
        )


def offer_recovery_later(window, db_path: Path, problem: str) -> bool:
    """Damage found while the window is open (by the check of a backup): the same offer;
    if taken, the window closes and ui.app.restore_if_asked recovers and starts again."""
    dialog = RecoveryDialog(db_path, problem, backups.latest_good_backup(db_path), window, True)
    if dialog.exec() != RecoveryDialog.DialogCode.Accepted:
        return False
    window.close()
    return True
