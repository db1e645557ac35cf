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


def _written(database, table: str, row_ids: list[str], estate_id: str) -> str:
    """The stored text of the rows and of their outbox changes, clocks replaced by their
    order of appearance (two runs never share a clock) and the estate id by a name."""
    with database.session() as s:
        conn = s.connection()
        entities = [
            tuple(r)
            for r in conn.exec_driver_sql(
                f"SELECT * FROM {table} WHERE id IN ({', '.join('?' * len(row_ids))}) ORDER BY id",
                tuple(row_ids),
            )
        ]
        changes = [
            tuple(r)
            for r in conn.exec_driver_sql(
                "SELECT table_name, row_id, estate_id, kind, fields, hlc FROM sync_outbox "
                "WHERE table_name = ? ORDER BY seq",
                (table,),
            )
        ]
    clocks = sorted({c[-1] for c in changes})
    text_rows = repr((entities, changes)).replace(estate_id, "<estate>")
    for n, clock in enumerate(clocks):
        text_rows = text_rows.replace(clock, f"<clock {n}>")
    return text_rows


def _written_both_ways(tmp_path, model, rows: list[dict]) -> list[str]:
    """What the per-row recorder and ``bulk_create`` each store for ``rows`` (``_written``)."""
    from app.services.units import create_estate
    from app.store.db import Database
    from app.store.recorder import bulk_create, recorder

    written = []
    for path, bulk in (("per_row", False), ("bulk", True)):
        database = Database(tmp_path / f"{path}.sqlite3")
        with database.session() as s:
            estate = create_estate(s, "阳光花园")
            full = [{"estate_id": estate.id, **row} for row in rows]
            if bulk:
                bulk_create(s, model, full)
            else:
                for row in full:
                    recorder(s).create(model, **row)
        ids = [row["id"] for row in rows]
        written.append(_written(database, model.__tablename__, ids, estate.id))
        database.close()
    return written


def test_bulk_and_per_row_create_write_identical_rows(tmp_path):
    """The billing run's bulk path records exactly what ChangeRecorder.create records:
    same entity columns, same outbox kind, fields (as stored text) and clock order."""
    from datetime import UTC, date, datetime

    from app.store.fee_models import BillLine

    issued = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    lines = [
        {
            "id": f"00000000-0000-0000-0000-0000000000{n:02d}",
            "unit_id": f"unit-{n}",
            "fee_code": code,
            "period": "2026-03",
            "quantity": Decimal(quantity),
            "rate": Decimal(rate),
            "amount": Decimal(amount),
            "due_date": date(2026, 3, 15),
            "issued_at": issued,
            **extra,
        }
        for n, (code, quantity, rate, amount, extra) in enumerate(
            [
                ("property", "89.50", "1.90", "170.05", {"note": "", "issued_by": "前台"}),
                ("shared_water", "60.00", "0.00", "0.00", {}),  # defaults for note, issued_by
                ("late_fee", "1.00", "12.34", "12.34", {"note": "0.0003/day on overdue"}),
                ("parking_open", "1.9", "150.00", "285.00", {}),  # equal Decimals, two
                ("parking_shared", "1.90", "260.00", "494.00", {}),  # spellings
            ]
        )
    ]
    written = _written_both_ways(tmp_path, BillLine, lines)
    assert "0.00" in written[0] and "前台" in written[0]
    assert written[0] == written[1]


def test_bulk_and_per_row_create_agree_on_json_fields(tmp_path):
    """Insert-only rows with a JSON column (complaint events) through both paths."""
    from datetime import UTC, datetime

    from app.store.complaint_models import ComplaintEvent

    events = [
        {
            "id": f"00000000-0000-0000-0000-00000000010{n}",
            "complaint_id": "c-1",
            "kind": kind,
            "at": datetime(2026, 3, 1, 8, n, tzinfo=UTC),
            "data": data,
        }
        for n, (kind, data) in enumerate(
            [("received", {}), ("dispatched", {"department": "工程部"}), ("note", {"n": [1, 2]})]
        )
    ]
    written = _written_both_ways(tmp_path, ComplaintEvent, events)
    assert "department" in written[0]
    assert written[0] == written[1]
