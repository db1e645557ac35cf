"""Demo data: a realistic estate made of real synced rows."""

import re
from collections import Counter
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from app.commands.importing import fill_demo_command
from app.domain.units import PHONE
from app.services import demo
from app.services.accounts import authenticate
from app.services.units import UnitQuery, count_units, page_units
from app.store.models import Building, Resident, SyncOutbox, Unit

_SURNAMES = set(demo._SURNAMES)


def _count(session, model, *where):
    return session.scalar(select(func.count()).select_from(model).where(*where))


def test_demo_estate_is_realistic_and_synced(db, estate_id):
    with db.session() as s:
        demo.fill_demo(s, estate_id, units=3000, seed=3)
    with db.session() as s:
        units = s.scalars(select(Unit)).all()
        assert len(units) == 3000
        assert all(Decimal("40") <= u.area_m2 <= Decimal("250") for u in units)
        assert all(u.area_m2 == u.area_m2.quantize(Decimal("0.01")) for u in units)
        kinds = Counter(u.kind for u in units)
        assert 0.02 < kinds["commercial"] / 3000 < 0.10
        assert all(u.floor <= 2 for u in units if u.kind == "commercial")  # shops downstairs
        vacant = [u for u in units if u.vacant_since]
        assert 0.05 < len(vacant) / 3000 < 0.11
        assert any(u.vacancy_approved for u in vacant)
        assert not any(u.vacancy_approved for u in units if not u.vacant_since)
        assert all(u.vacant_since <= date.today() for u in vacant)
        years = {u.handover_date.year for u in units}
        assert len(years) >= 3 and max(years) <= date.today().year
        assert all(re.fullmatch(r"\d{3,4}", u.room) for u in units)
        buildings = s.scalars(select(Building.name)).all()
        assert len(buildings) >= 3 and all(re.fullmatch(r"\d+栋", b) for b in buildings)

        residents = s.scalars(select(Resident)).all()
        roles = Counter(r.role for r in residents)
        assert roles["owner"] == 3000  # one owner per unit
        assert roles["co_owner"] > 0 and roles["tenant"] > 0
        assert all(r.name[0] in _SURNAMES and 2 <= len(r.name) <= 3 for r in residents)
        phones = [r.phone for r in residents if r.phone]
        assert len(phones) > 3000 and all(PHONE.match(p) for p in phones)

        # every row reached the outbox, as if typed in by hand
        assert _count(s, SyncOutbox, SyncOutbox.table_name == "units") == 3000
        assert _count(s, SyncOutbox, SyncOutbox.table_name == "residents") == len(residents)
        # and the search index covers them
        owner = s.scalar(select(Resident).where(Resident.role == "owner").limit(1))
        assert count_units(s, UnitQuery(estate_id, text=owner.name)) >= 1
        assert count_units(s, UnitQuery(estate_id, text=owner.phone)) == 1
        # the list runs by building number, entrance, room: 2栋 before 10栋, 201 before 1001
        listed = [
            r
            for offset in (0, 1000, 2000)
            for r in page_units(s, UnitQuery(estate_id), offset, 1000)
        ]
        keys = [tuple(int(p) for p in r.short_code.split("-")) for r in listed]
        assert len(keys) == 3000 and keys == sorted(keys)
        assert len({k[0] for k in keys}) >= 10


def test_same_seed_same_data_and_extra_steps_run(db, estate_id, tmp_path):
    seen = []
    demo.EXTRA_STEPS.append(lambda s, estate, rng: seen.append(_count(s, Unit)))
    try:
        with db.session() as s:
            demo.fill_demo(s, estate_id, units=50, seed=9)
    finally:
        demo.EXTRA_STEPS.pop()
    assert seen == [50]  # called once, after the units exist
    from app.services.units import create_estate
    from app.store.db import Database

    other = Database(tmp_path / "other.sqlite3")
    with other.session() as s:
        demo.fill_demo(s, create_estate(s, "阳光花园").id, units=50, seed=9)
    names = select(Resident.name).order_by(Resident.name)
    with db.session() as a, other.session() as b:
        assert a.scalars(names).all() == b.scalars(names).all()
    other.close()


def test_second_fill_adds_new_buildings(db, estate_id):
    with db.session() as s:
        demo.fill_demo(s, estate_id, units=100, seed=1)
        demo.fill_demo(s, estate_id, units=100, seed=2)
    with db.session() as s:
        assert _count(s, Unit) == 200


class _Args:
    def __init__(self, path, **kw):
        self.db = path
        self.units = kw.get("units", 120)
        self.estate = "阳光花园"
        self.seed = 0
        self.force = kw.get("force", False)


def test_demo_command_creates_estate_and_admin_and_refuses_twice(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert fill_demo_command(_Args(path)) == 0
    assert "login admin, password admin1234" in capsys.readouterr().out
    assert fill_demo_command(_Args(path)) == 1
    assert "already has 120 units" in capsys.readouterr().err
    assert fill_demo_command(_Args(path, force=True)) == 0
    from app.store.db import Database

    database = Database(path)
    with database.session() as s:
        assert _count(s, Unit) == 240
        assert authenticate(s, "admin", "admin1234") is not None
    database.close()
