"""The unit list as a lazy table model: pages of rows fetched from SQL as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.services.units import UnitQuery, UnitRow, count_units, page_units
from app.store.db import Database
from ui import formats
from ui.labels import unit_kind

PAGE_SIZE = 200


class UnitTableModel(QAbstractTableModel):
    """Rows of ``page_units`` for one UnitQuery; never holds more than the user scrolled to."""

    COLUMNS = ("code", "floor", "area", "kind", "owner", "phone", "vacant")

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.query: UnitQuery | None = None
        self.rows: list[UnitRow] = []
        self.total = 0

    def headers(self) -> list[str]:
        return [
            self.tr("Unit"),
            self.tr("Floor"),
            self.tr("Area"),
            self.tr("Kind"),
            self.tr("Owner"),
            self.tr("Phone"),
            self.tr("Vacant"),
        ]

    def set_query(self, query: UnitQuery) -> None:
        self.beginResetModel()
        self.query = query
        with self.db.session() as s:
            self.total = count_units(s, query)
            self.rows = page_units(s, query, 0, PAGE_SIZE) if self.total else []
        self.endResetModel()

    def reload(self) -> None:
        if self.query is not None:
            self.set_query(self.query)

    def row_at(self, row: int) -> UnitRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, unit_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == unit_id), -1)

    # ---- Qt model ----

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self.query is None:
            return
        with self.db.session() as s:
            more = page_units(s, self.query, len(self.rows), PAGE_SIZE)
        if not more:
            self.total = len(self.rows)  # the data shrank meanwhile; stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        horizontal = orientation == Qt.Orientation.Horizontal
        if (
            horizontal
            and role == Qt.ItemDataRole.TextAlignmentRole
            and self.COLUMNS[section] in ("floor", "area")
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "code": row.short_code,
                "floor": "" if row.floor is None else str(row.floor),
                "area": formats.area(row.area_m2),
                "kind": unit_kind(row.kind),
                "owner": row.owner,
                "phone": row.phone_masked,
                "vacant": formats.yes_no(row.vacant),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == "code":
            return row.code
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("floor", "area"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
