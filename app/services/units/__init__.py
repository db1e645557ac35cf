"""Estates, buildings, units and residents.

- ``operations``: what screens call (own unit of work, plain results).
- ``records``: estates, buildings, units and residents inside a caller's session (other
  areas' services and tests build on these).
- ``listing``: the unit list's search and paging in SQL.
"""

from app.services.units.listing import UnitQuery, UnitRow, count_units, page_units
from app.services.units.records import (
    BuildingNode,
    add_resident,
    building_sort_key,
    building_tree,
    create_estate,
    create_unit,
    delete_resident,
    delete_unit,
    ensure_building,
    find_estate,
    list_estates,
    residents_of,
    unit_fields,
    unit_id_for,
    unit_input,
    update_resident,
    update_unit,
)
from app.store.ids import natural_id  # moved to app.store.ids; kept while callers move

__all__ = [
    "BuildingNode",
    "UnitQuery",
    "UnitRow",
    "add_resident",
    "building_sort_key",
    "building_tree",
    "count_units",
    "create_estate",
    "create_unit",
    "delete_resident",
    "delete_unit",
    "ensure_building",
    "find_estate",
    "list_estates",
    "natural_id",
    "page_units",
    "residents_of",
    "unit_fields",
    "unit_id_for",
    "unit_input",
    "update_resident",
    "update_unit",
]
