"""Backups of the local database from the window: one a few seconds after start and one a
day while it runs (app.services.backups, on the background runner), and the Settings
section that keeps the last N, backs up now, and restores one.

A restore replaces the open database, so it happens after the window has closed: the
section asks for confirmation (naming the file replaced, the backup's date, and what is
lost), notes the choice in ``PENDING``, and closes the window; ``ui.app.run`` then closes
the database, restores, and starts PropDesk again on the restored file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services import backups
from ui.messages import describe
from ui.widgets import tables

KEEP_KEY = "backups/keep"
START_DELAY_MS = 5_000  # after the start page has its data
CHECK_EVERY_MS = 60 * 60 * 1000
# database path -> (backup to restore, or None to start empty; "replaced" or "damaged"),
# done by ui.app.restore_if_asked once the window has closed
PENDING: dict[str, tuple[backups.BackupFile | None, str]] = {}


def keep_setting() -> int:
    try:
        return max(1, int(tables.load(KEEP_KEY, backups.DEFAULT_KEEP)))
    except (TypeError, ValueError):
        return backups.DEFAULT_KEEP


class BackupSchedule(QObject):
    """Backs ``db_path`` up soon after start, then whenever the newest copy is a day old.
    Each copy is checked page by page; when it fails, the database itself is checked and
    ``damaged(problem)`` emitted if it is damaged."""

    damaged = Signal(str)

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last: backups.BackupFile | None = None
        self.last_error: str | None = None
        self.busy = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.backup_if_due)

    def start(self, first_delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(first_delay_ms, self, self.backup_now)
        self.timer.start(CHECK_EVERY_MS)

    def backup_if_due(self) -> None:
        if backups.backup_due(self.ctx.db.path, datetime.now()):
            self.backup_now()

    def backup_now(self, done=None) -> None:
        if self.busy:
            return
        self.busy = True
        path, keep = Path(self.ctx.db.path), keep_setting()

        def finished(made: backups.BackupFile) -> None:
            self.last, self.last_error = made, None
            if done is not None:
                done(made)

        def failed(error: BaseException) -> None:  # shown in the status bar, not a box
            self.last_error = str(error)
            self.ctx.events.status_message.emit(
                self.tr("The database could not be backed up: %1").replace("%1", describe(error))
            )
            if isinstance(error, backups.DamagedCopy):
                self.check_source()

        def over() -> None:
            self.busy = False

        (
            self.ctx.runner.query(None, lambda _p: backups.make_backup(path, keep))
            .success(finished)
            .failure(failed)
            .finally_(over)
            .run()
        )

    def check_source(self) -> None:
        path = Path(self.ctx.db.path)

        def found(problem: str | None) -> None:
            if problem:
                self.damaged.emit(problem)

        (
            self.ctx.runner.query(None, lambda _p: backups.check_file(path))
            .success(found)
            .failure(lambda _e: None)
            .run()
        )


def when(backup: backups.BackupFile) -> str:
    return backup.made_at.strftime("%Y-%m-%d %H:%M:%S")


class BackupsBox(QGroupBox):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups of this computer's database"), parent)
        self.ctx = ctx
        self.path = Path(ctx.db.path)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(keep_setting())
        self.keep.setSuffix(self.tr(" copies"))
        self.keep.valueChanged.connect(lambda n: tables.save(KEEP_KEY, n))
        self.choice = QComboBox()
        self.where = QLabel(str(backups.backup_dir(self.path)))
        self.where.setProperty("role", "hint")
        self.back_up = QPushButton(self.tr("Back up now"))
        self.restore = QPushButton(self.tr("Restore…"))
        self.back_up.clicked.connect(self.back_up_now)
        self.restore.clicked.connect(self.ask_restore)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choice, 1)
        buttons.addWidget(self.restore)
        buttons.addWidget(self.back_up)
        form = QFormLayout(self)
        form.addRow(
            QLabel(self.tr("PropDesk copies the database at start and once a day.")),
        )
        form.addRow(self.tr("Keep the last"), self.keep)
        form.addRow(self.tr("Backups"), buttons)
        form.addRow(self.tr("Folder"), self.where)
        self.reload()

    def reload(self) -> None:
        self.choice.clear()
        for backup in backups.list_backups(self.path):
            size = f"{backup.size / 1_048_576:.1f} MB"
            self.choice.addItem(f"{when(backup)}  ({size})", backup)
        self.restore.setEnabled(self.choice.count() > 0)

    def schedule(self) -> BackupSchedule:
        window = self.window()
        schedule = getattr(window, "backup_schedule", None)
        return schedule if schedule is not None else BackupSchedule(self.ctx, self)

    def back_up_now(self) -> None:
        self.back_up.setEnabled(False)
        self.schedule().backup_now(done=lambda _made: self.reload())
        QTimer.singleShot(0, lambda: self.back_up.setEnabled(True))

    def confirmation(self, backup: backups.BackupFile) -> str:
        return (
            self.tr(
                "Restore the backup of %1?\n\nIt replaces this computer's database %2. "
                "Everything entered after %1 that has not reached the sync server is lost; "
                "the current file is kept beside it as a copy. Changes the backup had not "
                "synced are sent again. PropDesk closes and opens again on the restored data."
            )
            .replace("%1", when(backup))
            .replace("%2", str(self.path))
        )

    def ask_restore(self) -> None:
        backup = self.choice.currentData()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.confirmation(backup),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        PENDING[str(self.path)] = (backup, "replaced")
        self.window().close()


def backups_box(ctx, parent: QWidget | None = None) -> QGroupBox:
    """The Settings section (ui.pages.SETTINGS_SECTIONS)."""
    return BackupsBox(ctx, parent)
