"""A desk that pulls a whole estate can search it at once (the index is rebuilt per page)."""

from __future__ import annotations

from sqlalchemy import select

from app.services.demo import fill_demo
from app.services.units import UnitQuery, count_units, page_units, update_resident
from app.store.models import Resident
from app.store.unit_search import BULK_ROWS


def found(db, estate, text):
    with db.session() as s:
        query = UnitQuery(estate_id=estate, text=text)
        return count_units(s, query), [r.code for r in page_units(s, query, 0, 50)]


def test_units_pulled_in_bulk_are_found_by_room_name_and_phone(server, make_device):
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        fill_demo(s, estate, units=BULK_ROWS + 100, seed=3)
        owners = s.scalars(select(Resident).where(Resident.role == "owner").limit(BULK_ROWS + 50))
        owners = list(owners)
        probe = owners[-1]
        probe_name, probe_phone = probe.name, probe.phone
    a.sync()
    b = make_device("b", [estate])
    b.sync()

    for text in (probe_name, probe_phone[-4:]):
        assert found(b.db, estate, text) == found(a.db, estate, text)
        assert found(b.db, estate, text)[0] >= 1
    assert found(b.db, estate, "")[0] == BULK_ROWS + 100

    # a page of renamed owners on existing units: the old names vanish from the search
    with a.db.session() as s:
        for i, resident in enumerate(s.scalars(select(Resident).where(Resident.role == "owner"))):
            if i < BULK_ROWS + 50:
                update_resident(s, resident, name=f"新业主{i:04d}")
    a.sync()
    b.sync()
    assert found(b.db, estate, "新业主0007") == found(a.db, estate, "新业主0007")
    assert found(b.db, estate, "新业主0007")[0] == 1
    assert found(b.db, estate, probe_name) == found(a.db, estate, probe_name)
