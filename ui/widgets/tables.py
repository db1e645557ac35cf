"""Lists remember their layout: column widths and splitter positions, between runs.

``load`` / ``save`` are the one way screens read and write the user's preferences
(QSettings through ``ui.i18n.app_settings``). ``RememberedLayout`` restores a page's table
header and splitter when it is built and saves them when the window closes (the main window
calls each page's ``save_state``)::

    self.layout_memory = RememberedLayout("units", header=self.table.horizontalHeader(),
                                          splitter=self.splitter, widths=(90, 44, 96))
    def save_state(self): self.layout_memory.save()
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter

from ui.i18n import app_settings


def load(key: str, default: Any = None) -> Any:
    return app_settings().value(key, default)


def save(key: str, value: Any) -> None:
    settings = app_settings()
    settings.setValue(key, value)
    settings.sync()


class RememberedLayout:
    def __init__(
        self,
        key: str,
        *,
        header: QHeaderView | None = None,
        splitter: QSplitter | None = None,
        widths: Sequence[int] = (),
    ) -> None:
        self.key = key
        self.header = header
        self.splitter = splitter
        self.widths = tuple(widths)
        self.restore()

    def restore(self) -> None:
        if self.header is not None:
            state = load(f"{self.key}/header")
            if state is None or not self.header.restoreState(state):
                for column, width in enumerate(self.widths):
                    self.header.resizeSection(column, width)
        if self.splitter is not None:
            state = load(f"{self.key}/splitter")
            if state is not None:
                self.splitter.restoreState(state)

    def save(self) -> None:
        if self.header is not None:
            save(f"{self.key}/header", self.header.saveState())
        if self.splitter is not None:
            save(f"{self.key}/splitter", self.splitter.saveState())


def list_view_defaults(table: QAbstractItemView, row_height: int) -> None:
    """The look every desk list shares: whole rows, one selected, alternating colours."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    if hasattr(table, "verticalHeader"):
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(row_height)
        table.horizontalHeader().setHighlightSections(False)
        table.setWordWrap(False)
