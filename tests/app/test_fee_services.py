"""Billing runs, payments, receipts, arrears and collection on a real SQLite database."""

import random
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import FeeRules, LateFeeRule
from app.domain.units import UnitInput
from app.services.fees import account, billing_run, counter, deposits, reminders, reports
from app.services.fees import schedule as fee_schedule
from app.services.fees.common import bill_line_id
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
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        a = make_unit(s, estate_id, "1501", "89.50")
        b = make_unit(s, estate_id, "1502", "120.00", kind="commercial")
        c = make_unit(s, estate_id, "1503", "65.25", building="5栋")
        fee_schedule.add_parking_space_in(s, a, "parking_shared", "B1-001", "粤A12345")
        fee_schedule.add_parking_space_in(s, a, "parking_open", "P-17")
    return estate_id, a.id, b.id, c.id


def test_billing_run_issues_every_line_once_and_records_changes(db, estate):
    estate_id, a, b, c = estate
    published = []
    db.events.subscribe(published.append)
    result = billing_run.run_billing(db, estate_id, "2026-03", "cashier")
    assert result.created == 5
    assert result.total == D("170.05") + D("300.00") + D("123.98") + D("410.00")
    assert published and published[-1].touches("bill_lines")  # open lists hear of it
    again = billing_run.run_billing(db, estate_id, "2026-03", "cashier")
    assert (again.created, again.already_issued) == (0, 5)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(BillLine)) == 5
        outbox = s.scalar(select(func.count()).where(SyncOutbox.table_name == "bill_lines"))
        assert outbox == 5
    rows = reports.export_rows(db, estate_id, "2026-03")
    assert ("3栋", "1", "1501", "mgmt_residential", "2026-03", "89.50", "1.90", "170.05") in rows


def test_a_cancelled_billing_run_keeps_nothing(db, estate):
    """The run checks its Progress between units and once more before its commit."""
    from app.domain.errors import Cancelled
    from app.progress import Progress

    estate_id = estate[0]
    seen = []
    progress = Progress(lambda done, total: seen.append((done, total)))
    with pytest.raises(Cancelled):
        billing_run.run_billing(
            db, estate_id, "2026-03", "cashier", _CancelAfterDrafts(progress, seen)
        )
    assert seen[-1] == (3, 3)  # every unit drafted, then cancelled before the commit
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(BillLine)) == 0
    assert billing_run.run_billing(db, estate_id, "2026-03", "cashier").created == 5


class _CancelAfterDrafts:
    """A Progress whose user presses Cancel once every unit is drafted."""

    def __init__(self, progress, seen):
        self.progress, self.seen = progress, seen

    def step(self, done, total):
        self.progress.step(done, total)
        if done == total:
            self.progress.cancel()

    def check(self):
        self.progress.check()


def test_two_offline_workstations_issue_the_same_bill_ids(tmp_path, estate_id, db):
    ids = []
    for name in ("desk1", "desk2"):
        other = Database(tmp_path / f"{name}.sqlite3")
        with other.session() as s:
            from app.services.units import create_estate

            eid = create_estate(s, "阳光花园").id
            make_unit(s, eid, "1501")
        billing_run.run_billing(other, eid, "2026-03")
        with other.session() as s:
            ids.append(set(s.scalars(select(BillLine.id))))
        other.close()
    assert ids[0] == ids[1] and len(ids[0]) == 1


def test_shared_utilities_apportion_exactly_and_only_once(db, estate):
    estate_id, a, b, c = estate
    result = billing_run.bill_shared_utilities(db, estate_id, "2026-03", "10,000.00")
    assert result.total == D("10000.00") and result.created == 3
    with pytest.raises(FieldErrors) as twice:
        billing_run.bill_shared_utilities(db, estate_id, "2026-03", "10000")
    assert twice.value.errors["total"] == DomainError(
        "fees.shared.already_billed", period="2026-03"
    )
    for typed, code in [
        ("ten thousand", "amount.not_a_number"),
        ("10000.005", "amount.too_many_decimals"),  # never billed as 10000.01
        ("-5", "amount.not_positive"),
    ]:
        with pytest.raises(FieldErrors) as bad:
            billing_run.bill_shared_utilities(db, estate_id, "2026-04", typed)
        assert bad.value.errors["total"].code == code
    assert reports.bill_summary(db, reports.BillsQuery(estate_id, "2026-04")).lines == 0


def test_payment_allocates_oldest_first_and_keeps_the_rest_as_credit(db, estate):
    estate_id, a, b, c = estate
    billing_run.run_billing(db, estate_id, "2026-02")
    billing_run.run_billing(db, estate_id, "2026-03")
    # 65.25 m² -> 123.98 a month
    receipt = counter.take_payment(db, c, "¥300.00", "wechat", "李娜", "cashier")
    assert [amt for _, amt in receipt.allocations] == [D("123.98"), D("123.98")]
    assert receipt.credit == D("52.04")
    assert account.unit_account(db, c).balance == D("-52.04")
    assert account.account_lines(db, c) == []
    # the next month's bills use the credit
    result = billing_run.run_billing(db, estate_id, "2026-04")
    assert result.credits_applied == D("52.04")
    (line,) = account.account_lines(db, c)
    assert line.open_amount == D("71.94")


def test_receipt_numbers_are_unique_and_never_reused(db, estate):
    estate_id, a, b, c = estate
    billing_run.run_billing(db, estate_id, "2026-03")
    numbers = [
        counter.take_payment(db, a, "10", "cash", "", "x").payment.receipt_no for _ in range(3)
    ]
    with pytest.raises(FieldErrors) as refused:
        counter.take_payment(db, a, "-5", "cash", "", "x")
    assert refused.value.errors == {"amount": DomainError("amount.not_positive")}
    numbers.append(counter.take_payment(db, a, "10", "cash", "", "x").payment.receipt_no)
    assert len(set(numbers)) == 4
    assert [n.split("-")[1] for n in numbers] == ["000001", "000002", "000003", "000004"]


def test_a_payment_with_a_third_decimal_or_no_method_is_refused_whole(db, estate):
    estate_id, a, b, c = estate
    with pytest.raises(FieldErrors) as refused:
        counter.take_payment(db, a, "100.005", "bitcoin", "", "x")
    assert refused.value.errors == {
        "amount": DomainError("amount.too_many_decimals", places=3),
        "method": DomainError("fees.method.unknown"),
    }
    with pytest.raises(DomainError) as gone:
        counter.take_payment(db, "no-such-unit", "10", "cash", "", "x")
    assert gone.value.code == "fees.not_found"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Payment)) == 0


def test_two_cashiers_paying_the_same_bill_leave_a_visible_credit(tmp_path, db, estate):
    """Desk 2 works offline from a copy; both take the full bill; after sync both payments
    exist and the unit shows a credit."""
    estate_id, a, b, c = estate
    billing_run.run_billing(db, estate_id, "2026-03")
    copy = tmp_path / "desk2.sqlite3"
    import sqlite3

    with sqlite3.connect(db.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    desk2 = Database(copy)
    with desk2.session() as s:
        s.execute(SyncOutbox.__table__.delete())
        from app.store.models import SyncState

        s.execute(SyncState.__table__.delete())  # a different device
    r2 = counter.take_payment(desk2, c, "123.98", "cash", "王伟", "desk2")
    with desk2.session() as s:
        rows2 = [
            (type(o), {c.key: getattr(o, c.key) for c in o.__table__.columns})
            for o in (s.get(Payment, r2.payment.id), *s.scalars(select(PaymentAllocation)))
        ]
    r1 = counter.take_payment(db, c, "123.98", "wechat", "王伟", "desk1")
    assert r1.payment.receipt_no != r2.payment.receipt_no
    with db.session() as s:
        for model, values in rows2:  # what sync would insert
            s.execute(model.__table__.insert(), [values])
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Payment.unit_id == c)) == 2
    assert account.unit_account(db, c).balance == D("-123.98")
    desk2.close()


def test_reversal_and_refund_are_new_entries(db, estate):
    estate_id, a, b, c = estate
    billing_run.run_billing(db, estate_id, "2026-03")
    receipt = counter.take_payment(db, b, "300.00", "cash", "", "x")
    with pytest.raises(FieldErrors):
        counter.reverse_payment(db, receipt.payment.id, "lead", " ")
    reversal = counter.reverse_payment(db, receipt.payment.id, "lead", "wrong unit")
    assert (reversal.kind, reversal.amount, reversal.reverses_id) == (
        "reversal",
        D("-300.00"),
        receipt.payment.id,
    )
    with pytest.raises(DomainError) as again:
        counter.reverse_payment(db, receipt.payment.id, "lead", "again")
    assert again.value == DomainError(
        "fees.payment.already_reversed", receipt=receipt.payment.receipt_no
    )
    with pytest.raises(DomainError) as not_a_payment:
        counter.reverse_payment(db, reversal.id, "lead", "again")
    assert not_a_payment.value.code == "fees.payment.not_reversible"
    assert account.unit_account(db, b).balance == D("300.00")
    assert account.account_lines(db, b)[0].open_amount == D("300.00")
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Payment.unit_id == b)) == 2


def test_a_credit_is_refunded_up_to_what_the_unit_holds(db, estate):
    estate_id, a, b, c = estate
    counter.take_payment(db, c, "500.00", "cash", "", "x")  # all of it an advance
    with pytest.raises(FieldErrors) as too_much:
        counter.refund_credit(db, c, "500.01", "cash", "x", "moving out")
    assert too_much.value.errors == {
        "amount": DomainError("fees.credit.too_small", credit="¥500.00")
    }
    with pytest.raises(FieldErrors) as no_reason:
        counter.refund_credit(db, c, "100.00", "cash", "x", "")
    assert set(no_reason.value.errors) == {"reason"}
    refund = counter.refund_credit(db, c, "120.00", "cash", "x", "moving out")
    assert (refund.kind, refund.amount, refund.note) == ("refund", D("-120.00"), "moving out")
    assert account.unit_account(db, c).balance == D("-380.00")
    assert account.counter_account(db, c).payments[0].id == refund.id


def test_adjustment_needs_a_reason_and_leaves_the_bill_unchanged(db, estate):
    estate_id, a, b, c = estate
    billing_run.run_billing(db, estate_id, "2026-03")
    with db.session() as s:
        line_id = s.scalar(select(BillLine.id).where(BillLine.unit_id == b))
    with pytest.raises(FieldErrors) as error:
        counter.adjust(db, line_id, "-20.001", " ", "lead")
    assert error.value.errors == {
        "amount": DomainError("amount.too_many_decimals", places=3),
        "reason": DomainError("fees.reason.required"),
    }
    assert counter.adjust(db, line_id, "-20.00", "water leak compensation", "lead") == D("-20.00")
    with db.session() as s:
        assert s.get(BillLine, line_id).amount == D("300.00")
    assert account.unit_account(db, b).balance == D("280.00")


def test_deposit_taken_held_and_refunded_against_the_original(db, estate):
    estate_id, a, b, c = estate
    deposit = deposits.take_deposit(db, a, "deposit_renovation", "2,000", "cash", "张强", "x")
    assert deposit.held == D("2000.00")
    refund = deposits.refund_deposit(db, deposit.id, "x")
    assert refund.refund_of == deposit.id and refund.amount == D("-2000.00")
    assert deposits.deposits_of(db, a)[0].held == D("0.00")
    with pytest.raises(DomainError) as nothing:
        deposits.refund_deposit(db, deposit.id, "x")
    assert nothing.value == DomainError("fees.deposit.nothing_held", receipt=deposit.receipt_no)
    assert account.unit_account(db, a).balance == D("0.00")  # deposits are not fees


def test_arrears_ageing_collection_and_reminders(db, estate):
    estate_id, a, b, c = estate
    for period in ("2026-01", "2026-02", "2026-03"):
        billing_run.run_billing(db, estate_id, period)
    counter.take_payment(db, b, "900.00", "alipay", "", "x")  # b pays all
    counter.take_payment(db, c, "123.98", "cash", "", "x")  # c pays January
    rows = {r.unit_id: r for r in reports.arrears(db, estate_id, date(2026, 4, 20))}
    assert set(rows) == {a, c}
    assert rows[c].buckets == {
        "0-30": D("0.00"),
        "31-90": D("247.96"),
        "91-180": D("0.00"),
        "180+": D("0.00"),
    }
    assert rows[a].overdue == D("580.05") * 3
    with db.session() as s:
        building_5 = s.get(Unit, c).building_id
    only_5 = reports.arrears(db, estate_id, date(2026, 4, 20), building_5)
    assert [r.unit_id for r in only_5] == [c]
    assert [b.name for b in reports.buildings(db, estate_id)] == ["3栋", "5栋"]
    points = reports.collection(db, estate_id, "2026-03", months=12)
    assert len(points) == 12 and points[-1].period == "2026-03"
    jan = points[-3]
    # the point's rate is the management fee's (seed 001); parking is a kind of its own
    assert jan.receivable == D("170.05") + D("300.00") + D("123.98")
    assert jan.collected == D("300.00") + D("123.98")
    assert [(r.kind, r.receivable) for r in jan.rates.by_kind] == [
        ("management", jan.receivable),
        ("parking", D("410.00")),
    ]
    assert jan.rates.all_fees.receivable == D("580.05") + D("300.00") + D("123.98")
    view = reminders.reminders_view(db, estate_id, date(2026, 4, 11))
    assert view.since == date(2026, 4, 10)
    assert {r.unit_id for r in view.due} == {a, c}
    with pytest.raises(FieldErrors):
        reminders.record_reminders(db, estate_id, [(a, rows[a].net)], "fax", date(2026, 4, 11), "x")
    reminders.record_reminders(
        db, estate_id, [(a, rows[a].net)], "phone", date(2026, 4, 11), "lead", "will pay Friday"
    )
    assert {r.unit_id for r in reminders.reminders_view(db, estate_id, date(2026, 4, 12)).due} == {
        c
    }
    later = reminders.reminders_view(db, estate_id, date(2026, 4, 25))
    assert {r.unit_id for r in later.due} == {a, c}
    assert later.log[0].outcome == "will pay Friday" and later.log[0].unit_code == "3栋 1单元 1501"


def test_arrears_rows_follow_the_unit_list_with_each_units_first_owner(db, estate_id):
    """Buildings by number, then entrance, then room by length (901 before 1001); the
    owner is the live owner first by name; a deleted unit's debt stays on the report."""
    from app.services.units import add_resident, delete_resident, delete_unit

    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
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
        billing_run.run_billing(db, estate_id, period)
    balance = account.unit_account(db, units["3-1-101"]).balance
    counter.take_payment(db, units["3-1-101"], str(balance), "cash", "", "x")
    with db.session() as s:
        delete_unit(s, s.get(Unit, units["3-1-102"]))
        building_2_id = s.get(Unit, units["2-2-901"]).building_id
    rows = reports.arrears(db, estate_id, date(2026, 4, 20))
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
        assert row.net == account.unit_account(db, row.unit_id).balance
    assert {r.owner for r in rows[1:]} == {""}
    building_2 = reports.arrears(db, estate_id, date(2026, 4, 20), building_2_id)
    assert building_2 == rows[:3]


def test_late_fee_when_enabled(db, estate):
    estate_id, a, b, c = estate
    with db.session() as s:
        fee_schedule.save_rules_in(
            s, estate_id, FeeRules(late_fee=LateFeeRule(True, D("0.001"), 0, D("0.5")))
        )
    billing_run.run_billing(db, estate_id, "2026-01")
    billing_run.run_billing(db, estate_id, "2026-02")
    with db.session() as s:
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
                            "issued_at": datetime.now(UTC),
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
                            "made_at": datetime.now(UTC),
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
                            "paid_at": datetime.now(UTC),
                            "reverses_id": None,
                            "note": "",
                        },
                    )
                )
        rnd.shuffle(records)
        for model, values in records:
            s.execute(model.__table__.insert(), [values])
        expected = sum((D(f) / 100) * (1 if k == "bill" else -1) for k, f in rows)
        expected_balance = expected
    assert account.unit_account(db, uid).balance == expected_balance
    db.close()


def test_advance_payments_of_several_units_are_used_by_the_next_run(db, estate):
    estate_id, a, b, c = estate
    for unit_id in (a, b, c):
        counter.take_payment(db, unit_id, "1000.00", "bank_transfer", "", "x")
    result = billing_run.run_billing(db, estate_id, "2026-05")
    assert result.credits_applied == result.total
    with db.session() as s:  # applied when read, by no row a second desk could also write
        assert s.scalar(select(func.count()).select_from(PaymentAllocation)) == 0
    for unit_id in (a, b, c):
        assert account.account_lines(db, unit_id) == []


def test_fee_demo_fills_bills_payments_arrears_and_reminders(db, estate_id):
    from app.services.fees.demo import fill_fee_demo

    with db.session() as s:
        for n in range(60):
            make_unit(s, estate_id, f"{n // 4 + 1:02d}{n % 4 + 1:02d}", f"{60 + n}.25")
        fill_fee_demo(s, estate_id, random.Random(4), today=date(2026, 4, 20))
    points = reports.collection(db, estate_id, "2026-04", months=6)
    assert all(p.receivable > 0 for p in points)
    assert all(p.collected <= p.receivable for p in points)
    assert reports.arrears(db, estate_id, date(2026, 4, 20))
    assert reminders.reminders_view(db, estate_id, date(2026, 4, 20)).log


@settings(max_examples=10)
@given(st.permutations(range(7)))
def test_open_amounts_are_right_whatever_order_sync_inserts_rows(tmp_path_factory, order):
    """A payment's allocation or an adjustment may arrive before its bill line."""
    db = Database(tmp_path_factory.mktemp("open") / "x.sqlite3")
    from app.services.units import create_estate
    from app.store.fee_models import FeeOpenLine

    now = datetime.now(UTC)
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
    # derived when read (app.domain.ledger): a2's payment p2 has not arrived, so it pays
    # nothing yet; p1 paid 30 on l1 and its other 70 and the advance p3 are credit,
    # applied oldest first: l1 settled, l2 25.00 open, nothing left over
    (row,) = reports.arrears(db, eid, date(2026, 3, 1))
    assert row.overdue == D("25.00") and row.credit == D("0.00") and row.net == D("25.00")
    assert account.unit_account(db, uid).balance == row.net
    db.close()


def test_upgrading_to_0003m_fills_unit_money_from_the_payments_already_taken(tmp_path):
    """A database with payments from before 0003m gets the same arrears after upgrading."""
    from alembic import command

    from app.services.units import create_estate
    from app.store.db import alembic_config, make_engine
    from app.store.fee_ledger import refresh_units
    from app.store.recorder import recorder

    path = tmp_path / "older.sqlite3"
    db = Database(path)
    with db.session() as s:
        eid = create_estate(s, "e").id
        fee_schedule.ensure_default_schedule_in(s, eid)
        unit_id = make_unit(s, eid, "101").id
    billing_run.run_billing(db, eid, "2026-01")
    counter.take_payment(db, unit_id, "200.00", "cash", "", "x")  # 170.05 + 29.95 credit
    billing_run.run_billing(db, eid, "2026-02")  # uses the 29.95: 140.10 open
    with db.session() as s:
        # a second cashier's payment, synced in with no allocation: a visible credit
        recorder(s).create(
            Payment,
            estate_id=eid,
            unit_id=unit_id,
            receipt_no="B-000001",
            kind="payment",
            method="cash",
            amount=D("40.00"),
            payer="",
            cashier="y",
            paid_at=datetime.now(UTC),
            note="",
        )
        refresh_units(s, [unit_id])  # as a pulled page does
    before = reports.arrears(db, eid, date(2026, 4, 1))
    db.close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0003m@0003")
    command.upgrade(alembic_config(engine), "heads")
    engine.dispose()
    db = Database(path)
    after = reports.arrears(db, eid, date(2026, 4, 1))
    # the cache rebuilt from plain sums by 0003m is derived again on its first read: the
    # 40.00 with no recorded part is credit, applied to the oldest open line
    assert after == before and after[0].credit == D("0.00")
    assert after[0].overdue == after[0].net == D("100.10")
    assert account.unit_account(db, unit_id).balance == D("100.10")
    db.close()


def test_shared_cost_lines_reach_the_outbox_with_the_fields_sync_decodes(db, estate):
    """Their rate is 0.00, which equals False: the outbox must still say deleted: false."""
    import json

    from app.store.codec import decode_value, field_types

    estate_id = estate[0]
    billing_run.bill_shared_utilities(db, estate_id, "2026-03", "10000.00")
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
            monkeypatch.setattr(billing_run, "open_amounts_written_once", lambda s: nullcontext())
        else:
            monkeypatch.undo()
        db = Database(path)
        with db.session() as s:
            eid = create_estate(s, "阳光花园").id
            fee_schedule.ensure_default_schedule_in(s, eid)
            units = [make_unit(s, eid, f"{1500 + n}", f"{80 + n}.25") for n in range(1, 6)]
            early = bill_line_id(eid, units[0].id, "mgmt_residential", "2026-03")
            recorder(s).create(
                FeeAdjustment,
                estate_id=eid,
                unit_id=units[0].id,
                bill_line_id=early,
                amount=D("-20.00"),
                reason="物业减免",
                made_by="主管",
                made_at=datetime.now(UTC),
            )
        billing_run.run_billing(db, eid, "2026-03", "前台")
        billing_run.run_billing(db, eid, "2026-04", "前台")
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


def test_rates_and_rules_from_form_text_are_refused_by_field_never_rounded(db, estate):
    estate_id = estate[0]
    with pytest.raises(FieldErrors) as bad:
        fee_schedule.set_rate(db, estate_id, "mgmt_residential", "1.90005", "2026-13-01")
    assert bad.value.errors == {
        "rate": DomainError("rate.too_many_decimals", places=5, most=4),  # never rounded
        "effective_from": DomainError("fees.date.invalid"),
    }
    with pytest.raises(FieldErrors) as unknown:
        fee_schedule.set_rate(db, estate_id, "nope", "1.00", "2026-07-01")
    assert set(unknown.value.errors) == {"code"}
    item = fee_schedule.set_rate(db, estate_id, "mgmt_residential", "２.１０", "2026-07-01")
    assert (item.rate, item.effective_from) == (D("2.10"), date(2026, 7, 1))
    assert any(
        i.rate == D("2.10") and i.effective_from == date(2026, 7, 1)
        for i in fee_schedule.schedule(db, estate_id)
    )

    with pytest.raises(FieldErrors) as rules:
        fee_schedule.update_rules(
            db,
            estate_id,
            due_day=29,
            vacancy_ratio="1.5",
            vacancy_months=6,
            late_enabled=True,
            late_rate_per_day="0.5",
            grace_days=0,
            cap_ratio="x",
        )
    assert set(rules.value.errors) == {"due_day", "vacancy_ratio", "late_rate_per_day", "cap_ratio"}
    saved = fee_schedule.update_rules(
        db,
        estate_id,
        due_day=10,
        vacancy_ratio="0.6",
        vacancy_months=6,
        late_enabled=True,
        late_rate_per_day="0.0005",
        grace_days=3,
        cap_ratio="1",
    )
    assert fee_schedule.load_rules(db, estate_id) == saved
    assert saved.late_fee.rate_per_day == D("0.0005") and saved.due_day == 10


def test_parking_spaces_are_added_listed_and_stopped_by_id(db, estate):
    estate_id, a, b, c = estate
    with pytest.raises(FieldErrors) as bad:
        fee_schedule.add_parking_space(db, b, "parking_moon", " ")
    assert set(bad.value.errors) == {"fee_code", "space_no"}
    space = fee_schedule.add_parking_space(db, b, "parking_open", "P-18", "粤b99999")
    assert space.plate == "粤B99999" and space.active
    assert [p.space_no for p in fee_schedule.parking_spaces_of(db, b)] == ["P-18"]
    assert not fee_schedule.end_parking_space(db, space.id).active
    assert billing_run.run_billing(db, estate_id, "2026-03").created == 5  # b's space not billed


def test_bill_notes_are_codes_in_the_synced_rows(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        unit_id = create_unit(
            s,
            estate_id,
            UnitInput(
                building="7栋",
                entrance="1",
                room="0301",
                area_m2="100.00",
                handover_date="2026-04-16",
            ),
        ).id
    billing_run.run_billing(db, estate_id, "2026-04")
    renovation = billing_run.charge_renovation(db, unit_id, "2026-04", "x")
    assert renovation.amount == D("350.00")
    with pytest.raises(DomainError) as twice:
        billing_run.charge_renovation(db, unit_id, "2026-04", "x")
    assert twice.value.code == "fees.renovation.already_charged"
    with db.session() as s:
        notes = {line.fee_code: line.note for line in s.scalars(select(BillLine))}
        outbox = [
            c.fields["note"] for c in s.scalars(select(SyncOutbox)) if c.table_name == "bill_lines"
        ]
    assert notes == {
        "mgmt_residential": '[["bill_note.from_handover",{"date":"2026-04-16","days":"15","month_days":"30"}]]',
        "renovation": '[["bill_note.once",{}]]',
    }
    assert sorted(outbox) == sorted(notes.values())


def test_an_adjustment_larger_than_its_line_is_refused(db, estate):
    """Issue 11: an adjustment larger than its line is refused, never a hidden credit."""
    estate_id, a, _, _ = estate
    billing_run.run_billing(db, estate_id, "2026-03", "cashier")
    line_id = bill_line_id(estate_id, a, "mgmt_residential", "2026-03")  # 170.05
    with pytest.raises(FieldErrors) as refused:
        counter.adjust(db, line_id, "-170.06", "too much", "finance")
    assert refused.value.errors["amount"].code == "fees.adjustment.too_large"
    counter.adjust(db, line_id, "-70.05", "part", "finance")
    with pytest.raises(FieldErrors):
        counter.adjust(db, line_id, "-100.01", "the rest and a fen", "finance")
    counter.adjust(db, line_id, "-100.00", "the rest", "finance")
    assert [ln.line_id for ln in account.account_lines(db, a)].count(line_id) == 0
