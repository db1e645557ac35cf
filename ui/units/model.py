"""The unit list as a lazy table model: pages of rows fetched from SQL as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.units import UnitQuery, UnitRow, count_units, page_units
from ui import formats
from ui.labels import unit_kind
from ui.widgets.paged_model import PagedTableModel


class UnitTableModel(PagedTableModel):
    """Rows of ``page_units`` for one UnitQuery; never holds more than the user scrolled to."""

    COLUMNS = ("code", "floor", "area", "kind", "owner", "phone", "vacant")

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

    def count_rows(self, session, query: UnitQuery) -> int:
        return count_units(session, query)

    def read_page(self, session, query: UnitQuery, offset: int, limit: int) -> list[UnitRow]:
        return page_units(session, query, offset, limit)

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
