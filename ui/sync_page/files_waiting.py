"""The Sync page's list of inspection files still waiting for the server, per inspection.

An inspection counts as synced only when the server has confirmed, by hash, every photo
and signature it names (``app.services.inspections.sync_state``); until then it is listed
here with its number, what was inspected and how many files wait; every estate of the desk,
as the page's "Files waiting" figure counts them (the same rule, so the two agree). The box
hides while nothing waits. Read on the runner's pool; refreshed by the change events.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from app.services.inspections.sync_state import files_waiting
from ui.context import AppContext
from ui.sync_page.model import ListTableModel, list_box
from ui.widgets.changes import on_changes

TABLES = ("blob_confirmations", "inspections", "inspection_photos", "inspection_signatures")
CONTEXT = "SyncFilesWaiting"


def _status(status: str) -> str:
    words = {
        "in_progress": QT_TRANSLATE_NOOP("SyncFilesWaiting", "In progress"),
        "finalised": QT_TRANSLATE_NOOP("SyncFilesWaiting", "Finalised"),
        "signed": QT_TRANSLATE_NOOP("SyncFilesWaiting", "Signed"),
    }
    return QCoreApplication.translate(CONTEXT, words[status]) if status in words else status


class FilesWaitingModel(ListTableModel):
    columns = (
        (QT_TRANSLATE_NOOP("SyncLists", "Inspection"), lambda r: r.number, None),
        (QT_TRANSLATE_NOOP("SyncLists", "Inspected"), lambda r: r.target_label, None),
        (QT_TRANSLATE_NOOP("SyncLists", "State"), lambda r: _status(r.status), None),
        (QT_TRANSLATE_NOOP("SyncLists", "Files waiting"), lambda r: str(r.files), None),
    )


class FilesWaiting(QObject):
    """The box (``self.box``) with its table; ``refresh()`` reads again."""

    def __init__(self, ctx: AppContext, owner) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.model = FilesWaitingModel(self)
        self.box, self.table, self.empty = list_box(owner, self.model, "")
        self.empty.hide()  # the box hides instead: no blank line above the table
        self.box.hide()
        self.rows: list = []
        on_changes(ctx.changes, self, TABLES, lambda _c: self.refresh())

    def refresh(self) -> None:
        ctx = self.ctx
        op = ctx.runner.query(self.box, lambda _p: files_waiting(ctx.db, None))
        op.success(self.show_rows).run()

    def show_rows(self, rows) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        total = sum(r.files for r in rows)
        self.box.setTitle(
            QCoreApplication.translate(
                "SyncFilesWaiting", "Inspection files not yet confirmed by the server (%1)"
            ).replace("%1", str(total))
        )
        self.table.resizeColumnsToContents()
        self.box.setVisible(bool(rows))
