"""Rates keep the decimals the schedule states, up to four (docs/money-rules.md §2): stored
as ten-thousandths of a yuan, a line's amount quantity × rate rounded once to the fen."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.domain.errors import DomainError, FieldErrors
from app.domain.money import format_rate, parse_rate
from app.domain.units import UnitInput
from app.services.fees import billing_run, reports
from app.services.fees import schedule as fee_schedule
from app.services.fees.common import bill_line_id
from app.services.units import create_unit
from app.store.db import Database
from app.store.fee_models import BillLine

D = Decimal


@pytest.fixture
def unit(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        return create_unit(
            s,
            estate_id,
            UnitInput(
                building="3栋",
                entrance="1",
                room="1501",
                area_m2="89.50",
                handover_date="2020-01-01",
            ),
        ).id


def test_a_four_decimal_rate_is_kept_exactly_and_the_line_rounded_once(db, estate_id, unit):
    """物业管理服务费:1.9元/平方米/月 — 1.9 is 1.90; a rate of 1.2345 is kept as typed and
    89.50 m² × 1.2345 = 110.48775 is billed 110.49 (rounded once, half up)."""
    item = fee_schedule.set_rate(db, estate_id, "mgmt_residential", "1.2345", "2026-03-01")
    assert item.rate == D("1.2345") and str(item.rate) == "1.2345"
    with db.session() as s:
        stored = s.execute(
            text("SELECT rate FROM fee_items WHERE code = 'mgmt_residential' ORDER BY rate")
        ).scalars()
        assert list(stored) == [12345, 19000]  # ten-thousandths of a yuan
    shown = {
        i.effective_from: i.rate
        for i in fee_schedule.schedule(db, estate_id)
        if i.code == "mgmt_residential"
    }
    assert str(shown[date(2000, 1, 1)]) == "1.90" and str(shown[date(2026, 3, 1)]) == "1.2345"
    billing_run.run_billing(db, estate_id, "2026-03")
    with db.session() as s:
        line = s.get(BillLine, bill_line_id(estate_id, unit, "mgmt_residential", "2026-03"))
        assert (line.quantity, line.rate, line.amount) == (D("89.50"), D("1.2345"), D("110.49"))
    rows = reports.export_rows(db, estate_id, "2026-03")
    assert ("3栋", "1", "1501", "mgmt_residential", "2026-03", "89.50", "1.2345", "110.49") in rows


def test_a_fifth_decimal_is_refused_with_a_message_never_rounded(db, estate_id, unit):
    from ui.messages import describe

    with pytest.raises(FieldErrors) as refused:
        fee_schedule.set_rate(db, estate_id, "mgmt_residential", "1.23456", "2026-03-01")
    error = refused.value.errors["rate"]
    assert error == DomainError("rate.too_many_decimals", places=5, most=4)
    assert "4" in describe(error, "en") and "1.2345" in describe(error, "zh_CN")
    # a fee charged as it is (a space a month) stays in fen
    with pytest.raises(FieldErrors) as space:
        fee_schedule.set_rate(db, estate_id, "parking_shared", "260.125", "2026-03-01")
    assert space.value.errors["rate"].code == "fees.rate_not_in_fen"
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM fee_items WHERE rate % 100 <> 0")).scalar() == 0


@pytest.mark.parametrize(
    ("typed", "kept", "shown"),
    [
        ("1.9", "1.90", "1.90"),
        ("１．２３４５", "1.2345", "1.2345"),
        ("¥1.234", "1.234", "1.234"),
        ("2,000", "2000.00", "2,000.00"),
    ],
)
def test_rates_are_read_and_shown_with_the_decimals_they_keep(typed, kept, shown):
    assert str(parse_rate(typed)) == kept
    assert format_rate(parse_rate(typed)) == shown


def test_migration_0013_counts_the_rates_stored_in_fen_in_ten_thousandths(tmp_path):
    """A database from before 0013 held 1.90 as 190: after the upgrade it reads 1.90, and
    a downgrade refuses a rate fen cannot hold rather than round it."""
    from alembic import command

    from app.services.units import create_estate
    from app.store.db import alembic_config, make_engine

    path = tmp_path / "older.sqlite3"
    db = Database(path)
    with db.session() as s:
        eid = create_estate(s, "e").id
        fee_schedule.ensure_default_schedule_in(s, eid)
    db.close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0012")
    with engine.connect() as conn:
        before = dict(conn.execute(text("SELECT code, rate FROM fee_items")).all())
    assert before["mgmt_residential"] == 190 and before["parking_shared"] == 26000
    command.upgrade(alembic_config(engine), "heads")
    engine.dispose()
    db = Database(path)
    rates = {i.code: i.rate for i in fee_schedule.schedule(db, eid)}
    assert rates["mgmt_residential"] == D("1.90") and rates["parking_shared"] == D("260.00")
    fee_schedule.set_rate(db, eid, "mgmt_residential", "1.2345", "2026-03-01")
    db.close()
    engine = make_engine(path)
    with pytest.raises(RuntimeError, match="more than two decimals"):
        command.downgrade(alembic_config(engine), "0012")
    engine.dispose()
