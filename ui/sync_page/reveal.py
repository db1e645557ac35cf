"""Revealing a conflict's phone or ID number: the conflicts list shows both values of such a
field masked (``sync.overview.kept_conflicts``); a user whose role may reveal personal data
shows the selected conflict's two values whole, one conflict at a time, and each reveal is
logged like every other (``sync.overview.reveal_conflict``). The values stay whole while
that conflict stays chosen (the list reads again after every save, the reveal's own
included); choosing another masks them again."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from sync import overview as sync_overview
from ui.widgets.permits import may, why_not

PERMISSION = "personal.reveal"


class ConflictReveal(QObject):
    """The "Show full numbers" button beside Keep mine / Keep theirs."""

    def __init__(self, page, buttons: QHBoxLayout) -> None:
        super().__init__(page)
        self.page = page
        self.button = QPushButton(self.tr("Show full numbers"))
        self.button.setObjectName("reveal-conflict")
        buttons.insertWidget(1, self.button)
        self.button.clicked.connect(self.reveal)
        self.revealed: tuple[int, tuple[str, str]] | None = None  # conflict id, values
        self.masked: dict = {}  # conflict id -> its row as listed (masked)
        page.refreshed.connect(self._apply)
        self.update(None)

    def update(self, chosen) -> None:
        """Shown for a conflict on a phone or ID number; enabled for a permitted role."""
        personal = chosen is not None and chosen.personal
        if self.revealed is not None and chosen is not None and chosen.id != self.revealed[0]:
            self._mask_again()  # one conflict at a time
        self.button.setVisible(personal)
        if not may(self.page.ctx, PERMISSION):
            self.button.setEnabled(False)
            self.button.setToolTip(why_not(self.page.ctx, PERMISSION))
        else:
            self.button.setEnabled(personal)
            self.button.setToolTip(self.tr("Shows this conflict's two values whole (logged)"))

    def reveal(self) -> None:
        chosen = self.page._selected_conflict()
        if chosen is None or not chosen.personal:
            return
        db = self.page.ctx.db
        (
            self.page.ctx.runner.write(
                self.page, lambda _p: sync_overview.reveal_conflict(db, chosen.id)
            )
            .success(lambda values: self._show(chosen.id, values))
            .run()
        )

    def _show(self, conflict_id: int, values: tuple[str, str]) -> None:
        if self.revealed is not None:
            self._mask_again()
        self.masked.clear()
        self.revealed = (conflict_id, values)
        self._apply()

    def _mask_again(self) -> None:
        conflict_id, _values = self.revealed
        self.revealed = None
        self._replace(conflict_id, lambda row: self.masked.pop(conflict_id, row))

    def _apply(self) -> None:
        """After the list was read again: the revealed conflict's values stay whole."""
        if self.revealed is None:
            return
        conflict_id, (kept, lost) = self.revealed

        def whole(row):
            self.masked.setdefault(conflict_id, row)
            return replace(row, kept_value=kept, lost_value=lost)

        self._replace(conflict_id, whole)

    def _replace(self, conflict_id: int, change) -> None:
        model = self.page.conflicts_model
        for index, row in enumerate(model.rows):
            if row.id == conflict_id:
                model.rows[index] = change(row)
                first, last = model.index(index, 0), model.index(index, model.columnCount() - 1)
                model.dataChanged.emit(first, last)
