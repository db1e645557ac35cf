"""A temporary parking stay charged at one desk reaches the server and the other desks,
with its receipt number refused if the estate already has it (real server, SQLite and
PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.services.fees import parking
from app.services.fees import schedule as fee_schedule
from app.store.fee_models import TemporaryStay
from app.store.models import SyncRejected
from app.store.recorder import set_state
from sync.server import crud

ENTERED = datetime(2026, 3, 20, 1, 0, tzinfo=UTC)


def _charge(db, estate, plate, cashier):
    return parking.charge_temporary_stay(
        db,
        estate,
        plate,
        ENTERED,
        ENTERED + timedelta(hours=2),
        "cash",
        cashier,
        "10.00",
        now=ENTERED + timedelta(hours=2),
    )


def test_a_temporary_stay_syncs_to_the_server_and_the_other_desk(server, make_device):
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    b = make_device("b", [estate])
    with a.db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate)
    stay = _charge(a.db, estate, "粤B12345", "收银员")
    assert stay.receipt_no == "01-000001"
    a.sync()
    with crud.new_session(server.engine) as s:
        row = s.get(TemporaryStay, stay.id)
        assert (row.plate, row.amount, row.tendered, row.receipt_no) == (
            "粤B12345",
            Decimal("5.00"),
            Decimal("10.00"),
            "01-000001",
        )
    b.sync()
    assert parking.takings_on(b.db, estate, date(2026, 3, 20)) == {"cash": Decimal("5.00")}
    assert parking.stay(b.db, stay.id).receipt_no == "01-000001"


def test_a_stays_receipt_number_already_used_in_the_estate_is_refused(server, make_device):
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    b = make_device("b", [estate])
    with a.db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate)
    a.sync()
    b.sync()
    _charge(a.db, estate, "粤B1", "a")
    with b.db.session() as s:  # a desk whose numbering repeats another's (a copied file)
        set_state(s, "device_number", "1")
    _charge(b.db, estate, "粤B2", "b")
    a.sync()
    report = b.sync()
    assert report.rejected, "the duplicate receipt was taken silently"
    with b.db.session() as s:
        aside = s.scalars(select(SyncRejected)).all()
    assert [r.table_name for r in aside] == ["temporary_stays"]
