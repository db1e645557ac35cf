"""The estate → buildings → entrances (单元) tree that narrows the unit list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from app.services.units import building_tree
from app.store.db import Database

# item data: (building_id or None, entrance or None)
_SCOPE = Qt.ItemDataRole.UserRole


class BuildingTree(QTreeWidget):
    scope_changed = Signal(object, object)  # building_id | None, entrance | None

    def __init__(self, db: Database, estate_id: str, estate_name: str, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.estate_id = estate_id
        self.estate_name = estate_name
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.currentItemChanged.connect(self._on_current)
        self.reload()

    def reload(self) -> None:
        keep = self.scope()
        with self.db.session() as s:
            nodes = building_tree(s, self.estate_id)
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
