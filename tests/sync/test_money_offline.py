"""Money under offline work, through the real sync server: an issued bill is one document
everywhere, an advance is spent once, receipt numbers never repeat (docs/money-rules.md §6)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.units import UnitInput
from app.services.fees import account, billing_run, counter
from app.services.fees import schedule as fee_schedule
from app.services.fees.common import bill_line_id
from app.services.units import create_unit
from app.store.fee_models import BillLine, Payment
from app.store.models import SyncConflict, SyncRejected, Unit
from app.store.recorder import recorder
from tests.sync.conftest import Device

D = Decimal
NOW = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)


def _unit(s, estate_id, room="102", area="100.00"):
    fee_schedule.ensure_default_schedule_in(s, estate_id)
    return create_unit(
        s,
        estate_id,
        UnitInput(
            building="1栋",
            entrance="1",
            room=room,
            area_m2=area,
            handover_date="2020-01-01",
        ),
    ).id


def _line_amount(db, line_id):
    with db.session() as s:
        line = s.get(BillLine, line_id)
        return None if line is None else line.amount


def _server_line_amount(server, line_id):
    from sync.server import crud

    with crud.new_session(server.engine) as s:
        line = s.get(BillLine, line_id)
        return None if line is None else line.amount


def _full_sync(*desks):
    for _ in range(2):
        for desk in desks:
            desk.sync()


def test_a_bill_issued_twice_offline_is_the_servers_copy_everywhere(server, make_device):
    """A changed unit 102's area to 120 m² and billed (228.00); B billed with the old
    area (190.00) and took 190.00 against its copy. The copy the server accepted first
    stands on every desk; B keeps the difference as a conflict; B's 190.00 still counts."""
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        unit_id = _unit(s, estate)
    a.sync()
    b = make_device("b", [estate])
    b.sync()
    with a.db.session() as s:
        recorder(s).update(s.get(Unit, unit_id), area_m2=D("120.00"))
    billing_run.run_billing(a.db, estate, "2026-01", "a", now=NOW)
    billing_run.run_billing(b.db, estate, "2026-01", "b", now=NOW)
    line_id = bill_line_id(estate, unit_id, "mgmt_residential", "2026-01")
    assert _line_amount(b.db, line_id) == D("190.00")
    counter.take_payment(b.db, unit_id, "190.00", "cash", "张三", "b", [line_id], now=NOW)

    a.sync()  # A's copy reaches the server first
    b.sync()
    _full_sync(a, b)

    assert _server_line_amount(server, line_id) == D("228.00")
    assert _line_amount(a.db, line_id) == D("228.00")
    assert _line_amount(b.db, line_id) == D("228.00")
    with b.db.session() as s:
        kept = s.scalars(select(SyncConflict).where(SyncConflict.row_id == line_id)).all()
    amounts = [(c.kept_value, c.lost_value) for c in kept if c.field == "amount"]
    assert amounts == [("228.00", "190.00")], [(c.field, c.kept_value) for c in kept]
    # the 190.00 taken against B's copy still counts: 38.00 open on both desks
    for desk in (a, b):
        lines = account.account_lines(desk.db, unit_id, only_open=False)
        assert [(ln.amount, ln.paid, ln.open_amount) for ln in lines] == [
            (D("228.00"), D("190.00"), D("38.00"))
        ]
        assert account.unit_account(desk.db, unit_id).balance == D("38.00")
    # the bill shows both copies
    shown = account.line_conflicts(b.db, unit_id)
    assert shown == {line_id: (D("228.00"), D("190.00"))}
    assert [ln.other_amount for ln in account.account_lines(b.db, unit_id, False)] == [D("190.00")]
    # finance corrects it with an adjustment, a new row: the bill itself never changes
    counter.adjust(b.db, line_id, "-38.00", "area was 100 m² in January", "finance", now=NOW)
    _full_sync(a, b)
    for desk in (a, b):
        assert account.unit_account(desk.db, unit_id).balance == D("0.00")
        assert _line_amount(desk.db, line_id) == D("228.00")


def test_an_advance_is_spent_once_when_two_desks_bill_offline(server, make_device):
    """An advance of 500 on both desks; each bills January offline. After sync 190.00 of
    it paid January, never 380.00, and February's 190.00 takes the next 190.00."""
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        unit_id = _unit(s, estate)
    counter.take_payment(a.db, unit_id, "500.00", "cash", "张三", "a", now=NOW)
    a.sync()
    b = make_device("b", [estate])
    b.sync()
    billing_run.run_billing(a.db, estate, "2026-01", "a", now=NOW)
    billing_run.run_billing(b.db, estate, "2026-01", "b", now=NOW)
    _full_sync(a, b)
    billing_run.run_billing(a.db, estate, "2026-02", "a", now=NOW)
    _full_sync(a, b)
    for desk in (a, b):
        lines = account.account_lines(desk.db, unit_id, only_open=False)
        assert [(ln.period, ln.paid, ln.open_amount) for ln in lines] == [
            ("2026-01", D("190.00"), D("0.00")),
            ("2026-02", D("190.00"), D("0.00")),
        ]
        acct = account.unit_account(desk.db, unit_id)
        assert (acct.balance, acct.credit) == (D("-120.00"), D("120.00"))


def test_receipt_numbers_use_the_servers_short_device_number(server, make_device, tmp_path):
    """A desk set up from a copy of another desk's database enrols as a device of its own
    and numbers its receipts from its own short number (e.g. 02-000001)."""
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        unit_id = _unit(s, estate)
    first = counter.take_payment(a.db, unit_id, "10.00", "cash", "", "a", now=NOW)
    assert first.payment.receipt_no == "01-000001"
    a.sync()
    a.db.close()
    shutil.copy(tmp_path / "a.sqlite3", tmp_path / "copy.sqlite3")
    from app.store.db import Database

    a.db = Database(tmp_path / "a.sqlite3")
    a.client = server.client(a.db)
    copy = Device(server, tmp_path / "copy.sqlite3", [estate])
    try:
        again = counter.take_payment(a.db, unit_id, "10.00", "cash", "", "a", now=NOW)
        other = counter.take_payment(copy.db, unit_id, "10.00", "cash", "", "c", now=NOW)
        assert again.payment.receipt_no == "01-000002"
        assert other.payment.receipt_no.startswith("02-")
        _full_sync(a, copy)
        with a.db.session() as s:
            numbers = sorted(s.scalars(select(Payment.receipt_no)))
        assert len(numbers) == len(set(numbers)) == 3
    finally:
        copy.close()


def test_the_server_refuses_a_second_receipt_with_the_same_number(server, make_device):
    """A receipt number already used in the estate is refused as a conflict: the change
    is set aside on the desk with the server's reason, never taken silently."""
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    b = make_device("b", [estate])
    with a.db.session() as s:
        unit_id = _unit(s, estate)
    a.sync()
    b.sync()
    counter.take_payment(a.db, unit_id, "10.00", "cash", "", "a", now=NOW)
    with b.db.session() as s:  # a desk whose numbering repeats another's (a copied file)
        from app.store.recorder import set_state

        set_state(s, counter.RECEIPT_SEQ_KEY, "0")
        set_state(s, "device_number", "1")
    counter.take_payment(b.db, unit_id, "20.00", "cash", "", "b", now=NOW)
    a.sync()
    report = b.sync()
    assert report.rejected, "the duplicate receipt was taken silently"
    with b.db.session() as s:
        aside = s.scalars(select(SyncRejected)).all()
    assert [r.table_name for r in aside] == ["payments"]
    assert "receipt" in aside[0].reason


@pytest.mark.parametrize("number, expected", [(3, "03-000001"), (127, "127-000001")])
def test_receipt_number_format(number, expected):
    from app.domain.fees import receipt_number

    assert receipt_number(f"{number:02d}", 1) == expected
