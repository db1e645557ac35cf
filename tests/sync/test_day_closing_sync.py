"""A cashier's day-end closing (日结) reaches the server and the other desks, and the
server keeps a closed day locked: a reversal of its payment is taken only with a
supervisor's approval (real server app, SQLite and PostgreSQL).

Issue 11: "A closed day is locked: a reversal after closing needs a supervisor's approval
and lands on the next day."
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.domain.units import UnitInput
from app.services.fees import closing, counter
from app.services.permissions import set_cell_in
from app.services.units import create_unit
from app.store.closing_models import DayClosing
from app.store.fee_models import Payment
from app.store.models import SyncRejected
from sync.server import crud

DAY = date(2026, 3, 2)


def at(hour: int) -> datetime:
    """An hour of the estate's local day (Shanghai), in UTC."""
    return datetime(2026, 3, 2, hour, tzinfo=UTC) - timedelta(hours=8)


def _estate_with_staff(server):
    estate = server.add_estate("阳光花园")
    staff = {
        "cashier": server.add_user("wang", [estate], password="s3cret-pass", role="cashier"),
        "lead": server.add_user("zhao", [estate], password="s3cret-pass", role="finance_lead"),
    }
    with crud.new_session(server.engine) as s, s.begin(), crud.server_writes(s):
        set_cell_in(s, estate, "cashier", "payments.reverse", True)  # this estate lets them
    return estate, staff


def _unit(desk, estate):
    with desk.db.session() as s:
        return create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90")).id


def test_a_closing_syncs_to_the_server_and_the_other_desk(server, make_device):
    estate, staff = _estate_with_staff(server)
    a, b = make_device("a", [estate]), make_device("b", [estate])
    unit = _unit(a, estate)
    a.sync()
    a.db.actor = staff["cashier"]
    counter.take_payment(a.db, unit, "170.05", "cash", "王伟", "wang", now=at(10))
    counter.take_payment(a.db, unit, "300.00", "wechat", "王伟", "wang", now=at(11))
    closed = closing.close_day(
        a.db, estate, "wang", DAY, "170.00", "short 5 fen", "li", opening_float="0", now=at(18)
    )
    assert a.sync().rejected == []
    with crud.new_session(server.engine) as s:
        row = s.get(DayClosing, closed.id)
        assert (row.cash_expected, row.cash_counted, row.difference, row.explanation) == (
            Decimal("170.05"),
            Decimal("170.00"),
            Decimal("-0.05"),
            "short 5 fen",
        )
        assert (row.handed_over_by, row.taken_over_by, row.closed_at) == ("wang", "li", at(18))
    b.sync()
    seen = closing.day_summary(b.db, estate, "wang", DAY)
    assert seen.closing == closed
    assert {m.method: m.net for m in seen.closing.methods}["wechat"] == Decimal("300.00")
    b.db.actor = staff["cashier"]
    refused = None
    try:
        closing.close_day(b.db, estate, "wang", DAY, "170.05", "", "li", now=at(19))
    except Exception as error:  # noqa: BLE001 - the code is what matters
        refused = getattr(error, "code", None)
    assert refused == "fees.closing.already_closed"


def test_the_server_refuses_a_closed_days_reversal_no_supervisor_approved(server, make_device):
    estate, staff = _estate_with_staff(server)
    a, b = make_device("a", [estate]), make_device("b", [estate])
    unit = _unit(a, estate)
    a.sync()
    a.db.actor = staff["cashier"]
    paid = counter.take_payment(a.db, unit, "170.05", "cash", "王伟", "wang", now=at(10))
    a.sync()
    b.sync()  # b has the payment, not yet the closing
    closing.close_day(a.db, estate, "wang", DAY, "170.05", "", "li", now=at(18))
    a.sync()
    # b, offline, does not know the day is closed: its reversal goes up unapproved
    b.db.actor = staff["cashier"]
    unapproved = counter.reverse_payment(b.db, paid.payment.id, "wang", "wrong unit", at(19))
    report = b.sync()
    assert len(report.rejected) == 1
    assert report.rejected[0][1].startswith("[closed_day_needs_approval]")
    assert "closed" in report.rejected[0][1]
    with b.db.session() as s:
        assert s.scalars(select(SyncRejected.row_id)).all() == [unapproved.id]
    with crud.new_session(server.engine) as s:
        assert s.get(Payment, unapproved.id) is None


def test_a_supervisor_approved_reversal_of_a_closed_day_is_taken(server, make_device):
    estate, staff = _estate_with_staff(server)
    a = make_device("a", [estate])
    unit = _unit(a, estate)
    a.sync()
    a.db.actor = staff["cashier"]
    paid = counter.take_payment(a.db, unit, "170.05", "cash", "王伟", "wang", now=at(10))
    closing.close_day(a.db, estate, "wang", DAY, "170.05", "", "li", now=at(18))
    approval = closing.Approval("zhao", "s3cret-pass")
    reversal = counter.reverse_payment(a.db, paid.payment.id, "wang", "wrong", at(19), approval)
    assert a.sync().rejected == []
    with crud.new_session(server.engine) as s:
        assert s.get(Payment, reversal.id).amount == Decimal("-170.05")
    # counted on the next day, the closed day's totals unchanged
    assert closing.day_summary(a.db, estate, "wang", DAY).cash.reversed == Decimal("0.00")
    nxt = closing.day_summary(a.db, estate, "wang", DAY + timedelta(days=1))
    assert nxt.cash.reversed == Decimal("170.05")
