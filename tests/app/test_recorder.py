"""The change recorder keeps entity and outbox together: both commit or neither."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.units import add_resident, create_unit, update_resident
from app.store.models import Resident, SyncOutbox, Unit


def _count(session, model):
    return session.scalar(select(func.count()).select_from(model))


def test_create_writes_entity_and_outbox_in_one_commit(db, estate_id):
    with db.session() as s:
        unit = create_unit(s, estate_id, UnitInput(building="3栋", room="1502", area_m2="89.50"))
        add_resident(s, unit, name="张伟", phone="13800138001")
    with db.session() as s:
        unit = s.scalar(select(Unit))
        assert unit.area_m2 == Decimal("89.50")
        changes = s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq)).all()
        tables = [c.table_name for c in changes]
        assert tables == ["estates", "buildings", "units", "residents"]
        assert changes[2].fields["area_m2"] == "89.50"
        assert changes[2].row_id == unit.id
        # each change's clock is newer than the one before
        assert [c.hlc for c in changes] == sorted(c.hlc for c in changes)
        assert unit.field_clocks["area_m2"] == unit.updated_hlc == changes[2].hlc


def test_rollback_discards_entity_and_outbox_together(db, estate_id):
    with db.session() as s:
        before = _count(s, SyncOutbox)
    with pytest.raises(RuntimeError), db.session() as s:
        create_unit(s, estate_id, UnitInput(building="1栋", room="101", area_m2="60"))
        s.flush()
        assert _count(s, SyncOutbox) == before + 2  # building + unit, not yet committed
        raise RuntimeError("power cut")
    with db.session() as s:
        assert _count(s, Unit) == 0
        assert _count(s, SyncOutbox) == before


def test_update_records_only_changed_fields_with_new_clock(db, estate_id):
    with db.session() as s:
        unit = create_unit(s, estate_id, UnitInput(building="1栋", room="101", area_m2="60"))
        resident = add_resident(s, unit, name="李娜", phone="13900001111")
        created_clock = resident.field_clocks["phone"]
    with db.session() as s:
        resident = s.get(Resident, resident.id)
        assert update_resident(s, resident, phone="13900002222", name="李娜") == ["phone"]
    with db.session() as s:
        resident = s.get(Resident, resident.id)
        last = s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq.desc())).first()
        assert last.fields == {"phone": "13900002222"}
        assert resident.field_clocks["phone"] > created_clock
        assert resident.field_clocks["name"] == created_clock
