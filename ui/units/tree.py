"""The estate → buildings → entrances (单元) tree that narrows the unit list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from app.services.units.records import BuildingNode
from ui.widgets.paged_model import Loader, run_now

# item data: (building_id or None, entrance or None)
_SCOPE = Qt.ItemDataRole.UserRole


class BuildingTree(QTreeWidget):
    scope_changed = Signal(object, object)  # building_id | None, entrance | None
    loaded = Signal()

    def __init__(
        self,
        read: Callable[[], list[BuildingNode]],
        estate_name: str,
        parent=None,
        loader: Loader = run_now,
    ) -> None:
        super().__init__(parent)
        self.read = read
        self.loader = loader
        self.estate_name = estate_name
        self._generation = 0
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.currentItemChanged.connect(self._on_current)
        self.reload()

    def reload(self) -> None:
        """Read the buildings again (off the UI thread with a runner's loader)."""
        self._generation += 1
        generation = self._generation
        self.loader(self.read, lambda nodes: self._show(generation, nodes), lambda _e: None)

    def _show(self, generation: int, nodes: list[BuildingNode]) -> None:
        if generation != self._generation:
            return
        keep = self.scope()
        self.blockSignals(True)
        self.clear()
        total = sum(n.unit_count for n in nodes)
        root = QTreeWidgetItem([f"{self.estate_name}  ({total:,})"])
        root.setData(0, _SCOPE, (None, None))
        self.addTopLevelItem(root)
        current = root
        for node in nodes:
            item = QTreeWidgetItem([f"{node.name}  ({node.unit_count:,})"])
            item.setData(0, _SCOPE, (node.id, None))
            root.addChild(item)
            if keep == (node.id, None):
                current = item
            for entrance in node.entrances:
                child = QTreeWidgetItem([self.tr("Entrance %1").replace("%1", entrance)])
                child.setData(0, _SCOPE, (node.id, entrance))
                item.addChild(child)
                if keep == (node.id, entrance):
                    current = child
        root.setExpanded(True)
        self.setCurrentItem(current)
        self.blockSignals(False)
        self.loaded.emit()
        if current.data(0, _SCOPE) != keep:  # the building shown is gone: widen the list
            self.scope_changed.emit(*current.data(0, _SCOPE))

    def scope(self) -> tuple[str | None, str | None]:
        item = self.currentItem()
        return item.data(0, _SCOPE) if item is not None else (None, None)

    def building_name(self) -> str:
        """The selected building's name (for a new unit), "" at the estate level."""
        item = self.currentItem()
        while item is not None and item.parent() is not None and item.parent().parent() is not None:
            item = item.parent()
        if item is None or item.parent() is None:
            return ""
        return item.text(0).rsplit("  (", 1)[0]

    def _on_current(self, current, _previous) -> None:
        if current is not None:
            self.scope_changed.emit(*current.data(0, _SCOPE))
