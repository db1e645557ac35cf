"""Finding a unit at the counter: a search box (room code in any common form, or a name),
searched as the cashier types (debounced, off the UI thread), and the units found."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.fees import account
from ui.context import AppContext

SEARCH_DELAY_MS = 150


class UnitFinder(QWidget):
    picked = Signal(str)  # a unit id
    found = Signal()  # an answer to the latest search is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._pick_when_found = False
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Room (3-1502) or owner name — Ctrl+F"))
        self.results = QListWidget()
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.pick_first)
        self.results.currentItemChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)

    def run_search(self) -> None:
        text = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.results.clear()
            self.hint.setText("")
            return
        db, estate_id = self.ctx.db, self.ctx.estate_id

        def show(hits: list[account.UnitHit]) -> None:
            if generation == self._generation:
                self._show(hits)

        self.ctx.runner.query(self, lambda _p: account.find_units(db, estate_id, text)).success(
            show
        ).run()

    def _show(self, hits: list[account.UnitHit]) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.code}  {hit.owner}")
            item.setData(Qt.ItemDataRole.UserRole, hit.unit_id)
            self.results.addItem(item)
        self.results.blockSignals(False)
        self.hint.setText(
            self.tr("%n unit(s) found", "", len(hits)) if hits else self.tr("No unit matches")
        )
        if self._pick_when_found:
            self._pick_when_found = False
            if hits:
                self.results.setCurrentRow(0)
        self.found.emit()

    def pick_first(self) -> None:
        """Enter in the search box: search now and take the first unit found."""
        self._timer.stop()
        self._pick_when_found = True
        self.run_search()

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.picked.emit(item.data(Qt.ItemDataRole.UserRole))
