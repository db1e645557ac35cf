"""Billing runs, payments, receipts, arrears and collection on a real SQLite database."""

import random
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.fees import FeeRules, LateFeeRule
from app.domain.units import UnitInput, ValidationError
from app.services import billing, payments
from app.services.units import create_unit
from app.store.db import Database
from app.store.fee_models import BillLine, FeeAdjustment, Payment, PaymentAllocation
from app.store.models import SyncOutbox, Unit

D = Decimal


def make_unit(s, estate_id, room, area="89.50", building="3栋", entrance="1", **extra):
    data = UnitInput(
        building=building,
        entrance=entrance,
        room=room,
        area_m2=area,
        handover_date="2020-01-01",
        **extra,
    )
    return create_unit(s, estate_id, data)


@pytest.fixture
def estate(db, estate_id):
    with db.session() as s:
        billing.ensure_default_schedule(s, estate_id)
        a = make_unit(s, estate_id, "1501", "89.50")
        b = make_unit(s, estate_id, "1502", "120.00", kind="commercial")
        c = make_unit(s, estate_id, "1503", "65.25", building="5栋")
        billing.add_parking_space(s, a, "parking_shared", "B1-001", "粤A12345")
        billing.add_parking_space(s, a, "parking_open", "P-17")
    return estate_id, a.id, b.id, c.id


def test_billing_run_issues_every_line_once_and_records_changes(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        result = billing.run_billing(s, estate_id, "2026-03", "cashier")
    assert result.created == 5
    assert result.total == D("170.05") + D("300.00") + D("123.98") + D("410.00")
    with db.session() as s:
        again = billing.run_billing(s, estate_id, "2026-03", "cashier")
        assert (again.created, again.already_issued) == (0, 5)
        assert s.scalar(select(func.count()).select_from(BillLine)) == 5
        outbox = s.scalar(select(func.count()).where(SyncOutbox.table_name == "bill_lines"))
        assert outbox == 5
        rows = billing.export_rows(s, estate_id, "2026-03")
    assert ("3栋", "1", "1501", "mgmt_residential", "2026-03", "89.50", "1.90", "170.05") in rows


def test_two_offline_workstations_issue_the_same_bill_ids(tmp_path, estate_id, db):
    ids = []
    for name in ("desk1", "desk2"):
        other = Database(tmp_path / f"{name}.sqlite3")
        with other.session() as s:
            from app.services.units import create_estate

            eid = create_estate(s, "阳光花园").id
            make_unit(s, eid, "1501")
            billing.run_billing(s, eid, "2026-03")
            ids.append(set(s.scalars(select(BillLine.id))))
        other.close()
    assert ids[0] == ids[1] and len(ids[0]) == 1


def test_shared_utilities_apportion_exactly_and_only_once(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        result = billing.bill_shared_utilities(s, estate_id, "2026-03", "10,000.00")
    assert result.total == D("10000.00") and result.created == 3
    with db.session() as s, pytest.raises(ValidationError, match="already billed"):
        billing.bill_shared_utilities(s, estate_id, "2026-03", "10000")
    with db.session() as s, pytest.raises(ValidationError) as bad:
        billing.bill_shared_utilities(s, estate_id, "2026-04", "ten thousand")
    assert "10000.00" in bad.value.errors["total"]


def test_payment_allocates_oldest_first_and_keeps_the_rest_as_credit(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        billing.run_billing(s, estate_id, "2026-02")
        billing.run_billing(s, estate_id, "2026-03")
    with db.session() as s:
        unit = s.get(Unit, c)  # 65.25 m² -> 123.98 a month
        receipt = payments.take_payment(s, unit, "300.00", "wechat", "李娜", "cashier")
        assert [amt for _, amt in receipt.allocations] == [D("123.98"), D("123.98")]
        assert receipt.credit == D("52.04")
        assert payments.unit_account(s, c).balance == D("-52.04")
        assert payments.account_lines(s, c) == []
    # the next month's bills use the credit
    with db.session() as s:
        result = billing.run_billing(s, estate_id, "2026-04")
        assert result.credits_applied == D("52.04")
        (line,) = payments.account_lines(s, c)
        assert line.open_amount == D("71.94")


def test_receipt_numbers_are_unique_and_never_reused(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        billing.run_billing(s, estate_id, "2026-03")
    numbers = []
    for _ in range(3):
        with db.session() as s:
            numbers.append(
                payments.take_payment(s, s.get(Unit, a), "10", "cash", "", "x").payment.receipt_no
            )
    with pytest.raises(ValidationError), db.session() as s:
        payments.take_payment(s, s.get(Unit, a), "-5", "cash", "", "x")
    with db.session() as s:
        numbers.append(
            payments.take_payment(s, s.get(Unit, a), "10", "cash", "", "x").payment.receipt_no
        )
    assert len(set(numbers)) == 4
    assert [n.split("-")[1] for n in numbers] == ["000001", "000002", "000003", "000004"]


def test_two_cashiers_paying_the_same_bill_leave_a_visible_credit(tmp_path, db, estate):
    """Desk 2 works offline from a copy; both take the full bill; after sync both payments
    exist and the unit shows a credit."""
    estate_id, a, b, c = estate
    with db.session() as s:
        billing.run_billing(s, estate_id, "2026-03")
    copy = tmp_path / "desk2.sqlite3"
    import sqlite3

    with sqlite3.connect(db.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    desk2 = Database(copy)
    with desk2.session() as s:
        s.execute(SyncOutbox.__table__.delete())
        from app.store.models import SyncState

        s.execute(SyncState.__table__.delete())  # a different device
        r2 = payments.take_payment(s, s.get(Unit, c), "123.98", "cash", "王伟", "desk2")
        rows2 = [
            (type(o), {c.key: getattr(o, c.key) for c in o.__table__.columns})
            for o in (r2.payment, *s.scalars(select(PaymentAllocation)))
        ]
    with db.session() as s:
        r1 = payments.take_payment(s, s.get(Unit, c), "123.98", "wechat", "王伟", "desk1")
        assert r1.payment.receipt_no != r2.payment.receipt_no
        for model, values in rows2:  # what sync would insert
            s.execute(model.__table__.insert(), [values])
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Payment.unit_id == c)) == 2
        assert payments.unit_account(s, c).balance == D("-123.98")
    desk2.close()


def test_reversal_and_refund_are_new_entries(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        billing.run_billing(s, estate_id, "2026-03")
        receipt = payments.take_payment(s, s.get(Unit, b), "300.00", "cash", "", "x")
    with db.session() as s:
        payment = s.get(Payment, receipt.payment.id)
        payments.reverse_payment(s, payment, "lead", "wrong unit")
        with pytest.raises(ValidationError, match="already reversed"):
            payments.reverse_payment(s, payment, "lead", "again")
    with db.session() as s:
        assert payments.unit_account(s, b).balance == D("300.00")
        assert payments.account_lines(s, b)[0].open_amount == D("300.00")
        assert s.scalar(select(func.count()).where(Payment.unit_id == b)) == 2


def test_adjustment_needs_a_reason_and_leaves_the_bill_unchanged(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        billing.run_billing(s, estate_id, "2026-03")
        line = s.scalar(select(BillLine).where(BillLine.unit_id == b))
        with pytest.raises(ValidationError) as error:
            billing.adjust(s, line, "-20", " ", "lead")
        assert "reason" in error.value.errors
        billing.adjust(s, line, "-20.00", "water leak compensation", "lead")
    with db.session() as s:
        assert s.get(BillLine, line.id).amount == D("300.00")
        assert payments.unit_account(s, b).balance == D("280.00")


def test_deposit_taken_held_and_refunded_against_the_original(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        deposit = payments.take_deposit(
            s, s.get(Unit, a), "deposit_renovation", "2000", "cash", "张强", "x"
        )
    with db.session() as s:
        refund = payments.refund_deposit(s, deposit, "x")
        assert refund.refund_of == deposit.id and refund.amount == D("-2000.00")
        assert payments.deposits_of(s, a)[0][1] == D("0.00")
        with pytest.raises(ValidationError):
            payments.refund_deposit(s, deposit, "x")
        assert payments.unit_account(s, a).balance == D("0.00")  # deposits are not fees


def test_arrears_ageing_collection_and_reminders(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        for period in ("2026-01", "2026-02", "2026-03"):
            billing.run_billing(s, estate_id, period)
        payments.take_payment(s, s.get(Unit, b), "900.00", "alipay", "", "x")  # b pays all
        payments.take_payment(s, s.get(Unit, c), "123.98", "cash", "", "x")  # c pays January
    with db.session() as s:
        rows = {r.unit_id: r for r in payments.arrears(s, estate_id, date(2026, 4, 20))}
        assert set(rows) == {a, c}
        assert rows[c].buckets == {
            "0-30": D("0.00"),
            "31-90": D("247.96"),
            "91-180": D("0.00"),
            "180+": D("0.00"),
        }
        assert rows[a].overdue == D("580.05") * 3
        only_5 = payments.arrears(s, estate_id, date(2026, 4, 20), billing_building(s, c))
        assert [r.unit_id for r in only_5] == [c]
        points = payments.collection(s, estate_id, "2026-03", months=12)
        assert len(points) == 12 and points[-1].period == "2026-03"
        jan = points[-3]
        assert jan.receivable == D("580.05") + D("300.00") + D("123.98")
        assert jan.collected == D("300.00") + D("123.98")
        due = payments.due_reminders(s, estate_id, date(2026, 4, 11))
        assert {r.unit_id for r in due} == {a, c}
        payments.record_reminder(
            s, s.get(Unit, a), "phone", date(2026, 4, 11), rows[a].net, "lead", "will pay Friday"
        )
    with db.session() as s:
        assert {r.unit_id for r in payments.due_reminders(s, estate_id, date(2026, 4, 12))} == {c}
        assert {r.unit_id for r in payments.due_reminders(s, estate_id, date(2026, 4, 25))} == {
            a,
            c,
        }
        log = payments.reminder_log(s, estate_id)
        assert log[0].outcome == "will pay Friday" and log[0].unit_code == "3栋 1单元 1501"


def billing_building(s, unit_id):
    return s.get(Unit, unit_id).building_id


def test_arrears_rows_follow_the_unit_list_with_each_units_first_owner(db, estate_id):
    """Buildings by number, then entrance, then room by length (901 before 1001); the
    owner is the live owner first by name; a deleted unit's debt stays on the report."""
    from app.services.units import add_resident, delete_resident, delete_unit

    with db.session() as s:
        billing.ensure_default_schedule(s, estate_id)
        units = {
            code: make_unit(s, estate_id, room, building=building, entrance=entrance).id
            for code, building, entrance, room in [
                ("10-1-101", "10栋", "1", "101"),
                ("2-2-1001", "2栋", "2", "1001"),
                ("3-1-101", "3栋", "1", "101"),
                ("2-2-901", "2栋", "2", "901"),
                ("3-1-102", "3栋", "1", "102"),
                ("2-1-1201", "2栋", "1", "1201"),
            ]
        }
        unit = s.get(Unit, units["2-1-1201"])
        add_resident(s, unit, name="赵六", phone="13900001111")
        add_resident(s, unit, name="李四", phone="13800002222")
        add_resident(s, unit, name="一一", phone="13700003333", role="tenant")
        delete_resident(s, add_resident(s, unit, name="丁一", phone="13600004444"))
        for period in ("2025-10", "2026-01", "2026-03", "2026-04"):  # one per ageing bucket
            billing.run_billing(s, estate_id, period)
        paid_up = s.get(Unit, units["3-1-101"])
        balance = payments.unit_account(s, paid_up.id).balance
        payments.take_payment(s, paid_up, str(balance), "cash", "", "x")
        delete_unit(s, s.get(Unit, units["3-1-102"]))
    with db.session() as s:
        rows = payments.arrears(s, estate_id, date(2026, 4, 20))
        assert [r.unit_id for r in rows] == [
            units[code] for code in ("2-1-1201", "2-2-901", "2-2-1001", "3-1-102", "10-1-101")
        ]
        first = rows[0]
        assert (first.owner, first.phone_masked) == ("李四", "138****2222")
        assert first.unit_code == "2栋 1单元 1201"
        month = D("170.05")  # 89.50 m2 at 1.90
        assert first.buckets == {"0-30": month, "31-90": month, "91-180": month, "180+": month}
        for row in rows:
            assert sum(row.buckets.values()) == row.overdue == 4 * month
            assert row.credit == D("0.00") and row.net == row.overdue
            assert row.net == payments.unit_account(s, row.unit_id).balance
        assert {r.owner for r in rows[1:]} == {""}
        building_2 = payments.arrears(
            s, estate_id, date(2026, 4, 20), billing_building(s, units["2-2-901"])
        )
        assert building_2 == rows[:3]


def test_late_fee_when_enabled(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        billing.save_rules(
            s, estate_id, FeeRules(late_fee=LateFeeRule(True, D("0.001"), 0, D("0.5")))
        )
        billing.run_billing(s, estate_id, "2026-01")
        billing.run_billing(s, estate_id, "2026-02")
        fees = s.scalars(
            select(BillLine.amount).where(BillLine.fee_code == "late_fee", BillLine.unit_id == b)
        ).all()
    # January's 300.00 due on the 5th, overdue 26 days of January: 300 × 0.001 × 26
    assert fees == [D("7.80")]


@settings(max_examples=15)
@given(
    st.lists(
        st.tuples(st.sampled_from(["bill", "adj", "pay"]), st.integers(1, 50000)), max_size=25
    ),
    st.randoms(),
)
def test_balance_is_bills_plus_adjustments_minus_payments_in_any_arrival_order(
    tmp_path_factory, rows, rnd
):
    path = tmp_path_factory.mktemp("order") / "x.sqlite3"
    db = Database(path)
    from app.services.units import create_estate

    with db.session() as s:
        eid = create_estate(s, "e").id
        uid = make_unit(s, eid, "101").id
        records = []
        for i, (kind, fen) in enumerate(rows):
            amount = D(fen) / 100
            base = {
                "id": f"{kind}-{i}",
                "estate_id": eid,
                "unit_id": uid,
                "updated_hlc": "",
                "field_clocks": {},
                "deleted": False,
            }
            if kind == "bill":
                records.append(
                    (
                        BillLine,
                        {
                            **base,
                            "fee_code": "x",
                            "period": "2026-01",
                            "quantity": D(1),
                            "rate": amount,
                            "amount": amount,
                            "due_date": date(2026, 1, 5),
                            "note": "",
                            "issued_at": payments._now(),
                            "issued_by": "",
                        },
                    )
                )
            elif kind == "adj":
                records.append(
                    (
                        FeeAdjustment,
                        {
                            **base,
                            "bill_line_id": None,
                            "amount": -amount,
                            "reason": "r",
                            "made_by": "m",
                            "made_at": payments._now(),
                        },
                    )
                )
            else:
                records.append(
                    (
                        Payment,
                        {
                            **base,
                            "receipt_no": str(i),
                            "kind": "payment",
                            "method": "cash",
                            "amount": amount,
                            "payer": "",
                            "cashier": "",
                            "paid_at": payments._now(),
                            "reverses_id": None,
                            "note": "",
                        },
                    )
                )
        rnd.shuffle(records)
        for model, values in records:
            s.execute(model.__table__.insert(), [values])
        expected = sum((D(f) / 100) * (1 if k == "bill" else -1) for k, f in rows)
        assert payments.unit_account(s, uid).balance == expected
    db.close()


def test_advance_payments_of_several_units_are_used_by_the_next_run(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        for unit_id in (a, b, c):
            payments.take_payment(s, s.get(Unit, unit_id), "1000.00", "bank_transfer", "", "x")
    with db.session() as s:
        result = billing.run_billing(s, estate_id, "2026-05")
        assert result.credits_applied == result.total
        assert s.scalar(select(func.count()).select_from(PaymentAllocation)) == 5
        for unit_id in (a, b, c):
            assert payments.account_lines(s, unit_id) == []


def test_fee_demo_fills_bills_payments_arrears_and_reminders(db, estate_id):
    from app.services.fee_demo import fill_fee_demo

    with db.session() as s:
        for n in range(60):
            make_unit(s, estate_id, f"{n // 4 + 1:02d}{n % 4 + 1:02d}", f"{60 + n}.25")
        fill_fee_demo(s, estate_id, random.Random(4), today=date(2026, 4, 20))
    with db.session() as s:
        points = payments.collection(s, estate_id, "2026-04", months=6)
        assert all(p.receivable > 0 for p in points)
        assert all(p.collected <= p.receivable for p in points)
        assert payments.arrears(s, estate_id, date(2026, 4, 20))
        assert payments.reminder_log(s, estate_id)


@settings(max_examples=10)
@given(st.permutations(range(7)))
def test_open_amounts_are_right_whatever_order_sync_inserts_rows(tmp_path_factory, order):
    """A payment's allocation or an adjustment may arrive before its bill line."""
    db = Database(tmp_path_factory.mktemp("open") / "x.sqlite3")
    from app.services.units import create_estate
    from app.store.fee_models import FeeOpenLine

    now = payments._now()
    with db.session() as s:
        eid = create_estate(s, "e").id
        uid = make_unit(s, eid, "101").id
        meta = {"estate_id": eid, "updated_hlc": "", "field_clocks": {}, "deleted": False}
        line = {
            "unit_id": uid,
            "fee_code": "x",
            "quantity": D(1),
            "note": "",
            "issued_at": now,
            "issued_by": "",
        }
        rows = [
            (
                BillLine,
                {
                    **meta,
                    **line,
                    "id": "l1",
                    "period": "2026-01",
                    "rate": D(100),
                    "amount": D(100),
                    "due_date": date(2026, 1, 5),
                },
            ),
            (
                BillLine,
                {
                    **meta,
                    **line,
                    "id": "l2",
                    "period": "2026-02",
                    "rate": D(50),
                    "amount": D(50),
                    "due_date": date(2026, 2, 5),
                },
            ),
            (
                PaymentAllocation,
                {
                    **meta,
                    "id": "a1",
                    "payment_id": "p1",
                    "bill_line_id": "l1",
                    "unit_id": uid,
                    "amount": D(30),
                    "allocated_at": now,
                },
            ),
            (
                PaymentAllocation,
                {
                    **meta,
                    "id": "a2",
                    "payment_id": "p2",
                    "bill_line_id": "l1",
                    "unit_id": uid,
                    "amount": D(70),
                    "allocated_at": now,
                },
            ),
            (
                FeeAdjustment,
                {
                    **meta,
                    "id": "j1",
                    "unit_id": uid,
                    "bill_line_id": "l2",
                    "amount": D(-10),
                    "reason": "r",
                    "made_by": "m",
                    "made_at": now,
                },
            ),
            (
                Payment,
                {
                    **meta,
                    "id": "p1",
                    "unit_id": uid,
                    "receipt_no": "A-1",
                    "kind": "payment",
                    "method": "cash",
                    "amount": D(100),
                    "payer": "",
                    "cashier": "",
                    "paid_at": now,
                    "reverses_id": None,
                    "note": "",
                },
            ),
            (  # an advance, applied to no line: the arrears table shows it as credit
                Payment,
                {
                    **meta,
                    "id": "p3",
                    "unit_id": uid,
                    "receipt_no": "A-2",
                    "kind": "payment",
                    "method": "cash",
                    "amount": D(15),
                    "payer": "",
                    "cashier": "",
                    "paid_at": now,
                    "reverses_id": None,
                    "note": "",
                },
            ),
        ]
        for i in order:
            model, values = rows[i]
            s.execute(model.__table__.insert(), [values])
    with db.session() as s:
        opened = dict(s.execute(select(FeeOpenLine.line_id, FeeOpenLine.open_fen)).all())
        assert opened == {"l1": 0, "l2": 4000}
        (row,) = payments.arrears(s, eid, date(2026, 3, 1))
        assert row.overdue == D("40.00") and row.credit == D("15.00") and row.net == D("25.00")
        assert payments.unit_account(s, uid).balance == row.net
    db.close()


def test_upgrading_to_0003m_fills_unit_money_from_the_payments_already_taken(tmp_path):
    """A database with payments from before 0003m gets the same arrears after upgrading."""
    from alembic import command

    from app.services.units import create_estate
    from app.store.db import alembic_config, make_engine
    from app.store.recorder import recorder

    path = tmp_path / "older.sqlite3"
    db = Database(path)
    with db.session() as s:
        eid = create_estate(s, "e").id
        billing.ensure_default_schedule(s, eid)
        unit = make_unit(s, eid, "101")
        billing.run_billing(s, eid, "2026-01")
        payments.take_payment(s, unit, "200.00", "cash", "", "x")  # 170.05 + 29.95 credit
        billing.run_billing(s, eid, "2026-02")  # uses the 29.95: 140.10 open
        # a second cashier's payment, synced in with no allocation: a visible credit
        recorder(s).create(
            Payment,
            estate_id=eid,
            unit_id=unit.id,
            receipt_no="B-000001",
            kind="payment",
            method="cash",
            amount=D("40.00"),
            payer="",
            cashier="y",
            paid_at=payments._now(),
            note="",
        )
        unit_id = unit.id
    with db.session() as s:
        before = payments.arrears(s, eid, date(2026, 4, 1))
    db.close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0003m@0003")
    command.upgrade(alembic_config(engine), "heads")
    engine.dispose()
    db = Database(path)
    with db.session() as s:
        after = payments.arrears(s, eid, date(2026, 4, 1))
        assert after == before and after[0].credit == D("40.00")
        assert after[0].net == payments.unit_account(s, unit_id).balance == D("100.10")
    db.close()


def test_shared_cost_lines_reach_the_outbox_with_the_fields_sync_decodes(db, estate):
    """Their rate is 0.00, which equals False: the outbox must still say deleted: false."""
    import json

    from app.store.codec import decode_value, field_types

    estate_id = estate[0]
    with db.session() as s:
        billing.bill_shared_utilities(s, estate_id, "2026-03", "10000.00")
    with db.session() as s:
        changes = s.scalars(select(SyncOutbox).where(SyncOutbox.table_name == "bill_lines")).all()
        assert len(changes) == 3
        types = field_types(BillLine)
        for change in changes:
            fields = change.fields if isinstance(change.fields, dict) else json.loads(change.fields)
            assert fields["deleted"] is False and fields["rate"] == "0.00"
            assert {name: decode_value(types[name], v) for name, v in fields.items()}


def test_billing_run_records_open_amounts_as_the_per_line_trigger_does(tmp_path, monkeypatch):
    """The run writes the open amounts in one statement; they equal the trigger's, also for
    a line whose adjustment arrived (by sync) before the line itself."""
    from contextlib import nullcontext

    from app.services.units import create_estate
    from app.store.fee_models import FeeOpenLine
    from app.store.recorder import recorder

    def run(path, per_line_trigger):
        if per_line_trigger:
            monkeypatch.setattr(billing, "open_amounts_written_once", lambda s: nullcontext())
        else:
            monkeypatch.undo()
        db = Database(path)
        with db.session() as s:
            eid = create_estate(s, "阳光花园").id
            billing.ensure_default_schedule(s, eid)
            units = [make_unit(s, eid, f"{1500 + n}", f"{80 + n}.25") for n in range(1, 6)]
            early = billing.bill_line_id(eid, units[0].id, "mgmt_residential", "2026-03")
            recorder(s).create(
                FeeAdjustment,
                estate_id=eid,
                unit_id=units[0].id,
                bill_line_id=early,
                amount=D("-20.00"),
                reason="物业减免",
                made_by="主管",
                made_at=payments._now(),
            )
        with db.session() as s:
            billing.run_billing(s, eid, "2026-03", "前台")
            billing.run_billing(s, eid, "2026-04", "前台")
        with db.session() as s:
            opened = sorted(
                (o.line_id, o.unit_id, o.due_date, o.open_fen)
                for o in s.scalars(select(FeeOpenLine))
            )
            trigger = (
                s.connection()
                .exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'fee_open_bill_ai'"
                )
                .scalar()
            )
            early_open = s.get(FeeOpenLine, early).open_fen
            line = s.get(BillLine, early)
        db.close()
        return opened, trigger, early_open, line

    deferred = run(tmp_path / "deferred.sqlite3", per_line_trigger=False)
    per_line = run(tmp_path / "per-line.sqlite3", per_line_trigger=True)
    assert deferred[0] == per_line[0] and len(deferred[0]) >= 10
    assert deferred[1] == 1  # the trigger is back for payments and sync
    assert deferred[2] == int((deferred[3].amount - D("20.00")) * 100)  # fen
