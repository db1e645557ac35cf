"""A four-decimal rate through the real sync server (SQLite and PostgreSQL): kept exactly
on the server, in the snapshot a new desk starts from and in the changes it pulls."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select, text

from app.domain.units import UnitInput
from app.services.fees import billing_run
from app.services.fees import schedule as fee_schedule
from app.services.fees.common import bill_line_id
from app.services.units import create_unit
from app.store.fee_models import BillLine, FeeItem

D = Decimal
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_four_decimal_rate_reaches_the_server_and_other_desks_exactly(server, make_device):
    """1.2345 a m² a month over 89.50 m²: the rate stays 1.2345 everywhere and the line
    110.49 (rounded once)."""
    from sync.server import crud

    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate)
        unit = create_unit(
            s,
            estate,
            UnitInput(
                building="3栋",
                entrance="1",
                room="1501",
                area_m2="89.50",
                handover_date="2020-01-01",
            ),
        ).id
    a.sync()
    late = make_device("late", [estate])
    late.sync()  # holds the schedule before the change: gets it as a pulled change
    fee_schedule.set_rate(a.db, estate, "mgmt_residential", "1.2345", "2026-03-01")
    billing_run.run_billing(a.db, estate, "2026-03", "a", now=NOW)
    a.sync()
    late.sync()
    fresh = make_device("fresh", [estate])
    fresh.sync()  # starts from the server's snapshot
    line_id = bill_line_id(estate, unit, "mgmt_residential", "2026-03")

    with crud.new_session(server.engine) as s:
        line = s.get(BillLine, line_id)
        assert (line.rate, line.amount) == (D("1.2345"), D("110.49"))
        stored = s.execute(text("SELECT rate FROM bill_lines WHERE id = :i"), {"i": line_id})
        assert stored.scalar() == 12345
    for desk in (late, fresh):
        with desk.db.session() as s:
            line = s.get(BillLine, line_id)
            assert (str(line.rate), line.amount) == ("1.2345", D("110.49"))
            rates = s.scalars(select(FeeItem.rate).where(FeeItem.code == "mgmt_residential")).all()
            assert sorted(map(str, rates)) == ["1.2345", "1.90"]
