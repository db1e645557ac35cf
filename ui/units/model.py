"""The unit list: its columns, and the lazily paged model reading through the operations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from app.services.units import operations as units
from ui import formats
from ui.context import AppContext
from ui.labels import unit_kind
from ui.widgets.paged_model import Column, PagedModel, on_runner

COLUMNS = (
    Column(
        "code",
        lambda: QCoreApplication.translate("UnitTableModel", "Unit"),
        lambda r: r.short_code,
        tooltip=lambda r: r.code,
    ),
    Column(
        "floor",
        lambda: QCoreApplication.translate("UnitTableModel", "Floor"),
        lambda r: "" if r.floor is None else str(r.floor),
        right=True,
    ),
    Column(
        "area",
        lambda: QCoreApplication.translate("UnitTableModel", "Area"),
        lambda r: formats.area(r.area_m2),
        right=True,
    ),
    Column(
        "kind",
        lambda: QCoreApplication.translate("UnitTableModel", "Kind"),
        lambda r: unit_kind(r.kind),
    ),
    Column(
        "owner", lambda: QCoreApplication.translate("UnitTableModel", "Owner"), lambda r: r.owner
    ),
    Column(
        "phone",
        lambda: QCoreApplication.translate("UnitTableModel", "Phone"),
        lambda r: r.phone_masked,
    ),
    Column(
        "vacant",
        lambda: QCoreApplication.translate("UnitTableModel", "Vacant"),
        lambda r: formats.yes_no(r.vacant),
    ),
)
WIDTHS = (90, 44, 96, 84, 72, 104, 44)


def unit_list_model(ctx: AppContext, parent: QObject, loader=None) -> PagedModel:
    """Rows of ``units.read_list`` for a ``UnitQuery``, read on the background runner."""
    db = ctx.db
    return PagedModel(
        COLUMNS,
        lambda query: units.count_list(db, query),
        lambda query, offset, limit: units.read_list(db, query, offset, limit),
        parent,
        loader=loader or on_runner(ctx.runner, parent),
    )
