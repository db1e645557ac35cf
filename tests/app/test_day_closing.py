"""Day-end closing (日结 / 交班) on a real SQLite database: totals by payment method, the
cash check, the handover, and the lock a closed day puts on reversals.

Issue 11: "Each cashier closes the day: totals by payment method; cash expected against
cash counted, with the difference explained; handover to the next shift. A closed day is
locked: a reversal after closing needs a supervisor's approval and lands on the next day."
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain import permissions as rules
from app.domain.errors import DomainError, FieldErrors
from app.domain.units import UnitInput
from app.services import accounts, permissions
from app.services.fees import billing_run, closing, counter, deposits, parking
from app.services.fees import schedule as fee_schedule
from app.services.units import create_unit
from app.store.audit_models import AuditEntry
from app.store.closing_models import DayClosing
from app.store.models import SyncOutbox

D = Decimal
DAY = date(2026, 3, 2)  # Shanghai, UTC+8


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """A moment of the estate's local day, in UTC."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


@pytest.fixture
def desk(db, estate_id):
    """Two units billed for March, a cashier, another cashier and a finance lead."""
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        units = [
            create_unit(
                s,
                estate_id,
                UnitInput(
                    building="3栋",
                    entrance="1",
                    room=room,
                    area_m2="100",
                    handover_date="2020-01-01",
                ),
            ).id
            for room in ("1501", "1502")
        ]
        staff = {
            login: accounts.create_staff(
                s,
                login=login,
                display_name=name,
                role=role,
                password="s3cret-pass",
                estate_ids=[estate_id],
            ).id
            for login, name, role in (
                ("wang", "王收银", "cashier"),
                ("li", "李收银", "cashier"),
                ("zhao", "赵主管", "finance_lead"),
            )
        }
    billing_run.run_billing(db, estate_id, "2026-03", "system", now=at(8))
    return db, estate_id, units, staff


def take(db, unit, amount, method, cashier="王收银", when=None):
    return counter.take_payment(db, unit, amount, method, "业主", cashier, now=when or at(10))


def test_the_day_is_totalled_by_payment_method_exactly(desk):
    db, estate_id, (a, b), _staff = desk
    take(db, a, "170.05", "cash", when=at(0, 0))  # the first minute of the local day
    take(db, a, "0.10", "wechat", when=at(9))
    take(db, b, "0.20", "wechat", when=at(9, 5))
    take(db, b, "300.00", "alipay")
    take(db, b, "88.88", "bank_card")
    take(db, a, "1000.00", "bank_transfer")
    wrong = take(db, b, "50.00", "cash", when=at(11))
    counter.reverse_payment(db, wrong.payment.id, "王收银", "wrong unit", now=at(11, 5))
    counter.refund_credit(db, a, "20.00", "cash", "王收银", "moving out", now=at(12))
    deposits.take_deposit(db, a, "deposit_renovation", "2000.00", "cash", "业主", "王收银", at(13))
    parking.charge_temporary_stay(
        db, estate_id, "粤B12345", at(12), at(14), "wechat", "王收银", now=at(14)
    )
    # not this cashier's day: the evening before (23:59 local), another cashier, tomorrow
    take(db, a, "7.00", "cash", when=at(23, 59, DAY - timedelta(days=1)))
    take(db, a, "9.00", "cash", cashier="李收银")
    take(db, a, "11.00", "cash", when=at(0, 0, DAY + timedelta(days=1)))

    day = closing.day_summary(db, estate_id, "王收银", DAY, opening_float="500.00")
    by = {m.method: m for m in day.methods}
    assert [m.method for m in day.methods][:5] == [
        "cash",
        "wechat",
        "alipay",
        "bank_card",
        "bank_transfer",
    ]
    cash = by["cash"]
    assert (cash.taken, cash.reversed, cash.refunded, cash.deposits_in) == (
        D("220.05"),
        D("50.00"),
        D("20.00"),
        D("2000.00"),
    )
    assert cash.net == D("2150.05")
    assert by["wechat"].taken == D("0.30")  # 0.1 + 0.2 exactly, never 0.30000000000000004
    assert by["wechat"].parking == D("5.00") and by["wechat"].net == D("5.30")
    assert by["alipay"].net == D("300.00")
    assert by["bank_card"].net == D("88.88")
    assert by["bank_transfer"].net == D("1000.00")
    assert day.total_in == D("3614.23")
    assert day.total_out == D("70.00")
    assert day.net == D("3544.23")
    assert day.cash_expected == D("2650.05")  # float 500 + cash in 2220.05 - cash out 70
    assert (day.payments, day.reversals, day.refunds, day.deposits, day.stays) == (7, 1, 1, 1, 1)
    assert day.first_receipt.endswith("-000001")
    assert day.last_receipt == day.receipts[-1] and len(day.receipts) == 11
    assert all(isinstance(m.net, Decimal) for m in day.methods)


def test_a_cash_difference_needs_an_explanation_and_a_day_closes_once(desk):
    db, estate_id, (a, _b), _staff = desk
    take(db, a, "170.05", "cash")
    with pytest.raises(FieldErrors) as refused:
        closing.close_day(db, estate_id, "王收银", DAY, "170.00", "  ", "李收银", now=at(18))
    assert refused.value.errors["explanation"].code == "fees.closing.explanation_required"
    with pytest.raises(FieldErrors) as refused:
        closing.close_day(db, estate_id, "王收银", DAY, "170.05", "", "", now=at(18))
    assert refused.value.errors["taken_over_by"].code == "fees.closing.handover_required"
    with pytest.raises(FieldErrors) as refused:
        closing.close_day(db, estate_id, "王收银", DAY, "170.055", "", "李收银", now=at(18))
    assert refused.value.errors["counted"].code == "amount.too_many_decimals"

    closed = closing.close_day(
        db, estate_id, "王收银", DAY, "170.00", "short 5 fen: change given", "李收银", now=at(18)
    )
    assert (closed.cash_expected, closed.cash_counted, closed.difference) == (
        D("170.05"),
        D("170.00"),
        D("-0.05"),
    )
    assert (closed.handed_over_by, closed.taken_over_by) == ("王收银", "李收银")
    assert closed.closed_at == at(18)
    with pytest.raises(DomainError) as twice:
        closing.close_day(db, estate_id, "王收银", DAY, "170.05", "", "李收银", now=at(19))
    assert twice.value.code == "fees.closing.already_closed"
    with db.session() as s:  # recorded for sync, once
        assert s.scalar(
            select(SyncOutbox.row_id).where(SyncOutbox.table_name == "fee_day_closings")
        )
        assert len(s.scalars(select(DayClosing)).all()) == 1


def test_an_exact_count_needs_no_explanation_and_a_future_day_cannot_close(desk):
    db, estate_id, (a, _b), _staff = desk
    take(db, a, "100.00", "cash")
    closed = closing.close_day(
        db, estate_id, "王收银", DAY, "600.00", "", "李收银", opening_float="500.00", now=at(18)
    )
    assert closed.difference == D("0.00") and closed.opening_float == D("500.00")
    with pytest.raises(DomainError) as future:
        closing.close_day(
            db, estate_id, "王收银", DAY + timedelta(days=1), "0", "", "李收银", now=at(18)
        )
    assert future.value.code == "fees.closing.future_day"


def _cashier_may_reverse(db, estate_id):
    """The estate lets cashiers reverse (a matrix override); closed days stay locked."""
    with db.session() as s:
        permissions.set_cell_in(s, estate_id, "cashier", "payments.reverse", True)


def test_a_closed_day_refuses_a_reversal_without_a_supervisor(desk):
    db, estate_id, (a, _b), staff = desk
    _cashier_may_reverse(db, estate_id)
    paid = take(db, a, "170.05", "cash")
    closing.close_day(db, estate_id, "王收银", DAY, "170.05", "", "李收银", now=at(18))
    db.actor = staff["wang"]
    with pytest.raises(DomainError) as refused:
        counter.reverse_payment(db, paid.payment.id, "王收银", "wrong unit", now=at(19))
    assert refused.value.code == "fees.closing.day_closed"
    assert refused.value.params["day"] == "2026-03-02"
    wrong_password = closing.Approval("zhao", "not-it")
    with pytest.raises(FieldErrors) as refused:
        counter.reverse_payment(db, paid.payment.id, "王收银", "x", at(19), wrong_password)
    assert refused.value.errors["approver_password"].code == "fees.closing.approval_failed"
    another_cashier = closing.Approval("li", "s3cret-pass")
    with pytest.raises(FieldErrors) as refused:
        counter.reverse_payment(db, paid.payment.id, "王收银", "x", at(19), another_cashier)
    assert refused.value.errors["approver_login"].code == "fees.closing.approver_not_allowed"
    db.actor = None
    assert closing.day_summary(db, estate_id, "王收银", DAY + timedelta(days=1)).reversals == 0


def test_a_supervisors_approval_is_recorded_and_the_reversal_lands_on_the_next_day(desk):
    db, estate_id, (a, b), staff = desk
    _cashier_may_reverse(db, estate_id)
    paid = take(db, a, "170.05", "cash")
    take(db, b, "300.00", "wechat")
    closed = closing.close_day(db, estate_id, "王收银", DAY, "170.05", "", "李收银", now=at(18))
    before = closing.day_summary(db, estate_id, "王收银", DAY)

    db.actor = staff["wang"]
    approval = closing.Approval("zhao", "s3cret-pass")
    reversal = counter.reverse_payment(
        db, paid.payment.id, "王收银", "wrong unit", now=at(19), approval=approval
    )
    # and a payment taken after closing belongs to the next shift too
    take(db, b, "12.00", "cash", when=at(20))
    db.actor = None

    after = closing.day_summary(db, estate_id, "王收银", DAY)
    assert after.methods == before.methods == closed.methods
    assert after.cash_expected == before.cash_expected == D("170.05")
    assert after.closing == closed
    tomorrow = closing.day_summary(db, estate_id, "王收银", DAY + timedelta(days=1))
    cash = tomorrow.cash
    assert (cash.reversed, cash.taken, tomorrow.reversals, tomorrow.payments) == (
        D("170.05"),
        D("12.00"),
        1,
        1,
    )
    assert tomorrow.cash_expected == D("-158.05")
    with db.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == closing.APPROVAL_ACTION)
        ).one()
        assert entry.row_id == reversal.id
        assert entry.actor_id == staff["wang"]
        assert entry.after["approved_by"] == staff["zhao"]
        assert entry.after["closed_day"] == "2026-03-02"


def test_a_finance_lead_approves_their_own_reversal_of_a_closed_day(desk):
    db, estate_id, (a, _b), staff = desk
    paid = take(db, a, "170.05", "cash")
    closing.close_day(db, estate_id, "王收银", DAY, "170.05", "", "李收银", now=at(18))
    db.actor = staff["zhao"]
    counter.reverse_payment(db, paid.payment.id, "赵主管", "wrong unit", now=at(19))
    db.actor = None
    # the reversal is the finance lead's money out; the cashier's closed day is unchanged
    assert closing.day_summary(db, estate_id, "王收银", DAY).cash.reversed == D("0.00")
    assert closing.day_summary(db, estate_id, "赵主管", DAY).cash.reversed == D("170.05")
    with db.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == closing.APPROVAL_ACTION)
        ).one()
        assert entry.after["approved_by"] == staff["zhao"]


def test_an_open_day_reverses_without_approval(desk):
    db, estate_id, (a, _b), staff = desk
    paid = take(db, a, "170.05", "cash")
    db.actor = staff["zhao"]
    counter.reverse_payment(db, paid.payment.id, "赵主管", "wrong unit", now=at(12))
    db.actor = None
    with db.session() as s:
        assert not s.scalars(
            select(AuditEntry).where(AuditEntry.action == closing.APPROVAL_ACTION)
        ).all()


def test_closing_the_day_and_approving_have_their_defaults():
    assert rules.DEFAULTS["fees.close_day"] == rules.DEFAULTS["payments.take"]
    assert rules.DEFAULTS["fees.reverse_closed_day"] == frozenset({"finance_lead", "director"})
    assert rules.permission_for_change("fee_day_closings", {}) == "fees.close_day"


def test_an_auditor_cannot_close_a_day(desk):
    db, estate_id, _units, _staff = desk
    with db.session() as s:
        auditor = accounts.create_staff(
            s,
            login="sun",
            display_name="孙审计",
            role="auditor",
            password="s3cret-pass",
            estate_ids=[estate_id],
        ).id
    db.actor = auditor
    with pytest.raises(DomainError) as refused:
        closing.close_day(db, estate_id, "孙审计", DAY, "0", "", "李收银", now=at(18))
    assert refused.value.code == "permission.denied"


def test_a_cashier_closes_their_own_day_and_a_supervisor_closes_anothers(desk):
    """Issue 11: "Each cashier closes the day" — another cashier's day is closed by a
    supervisor (finance lead or director), never by a fellow cashier."""
    db, estate_id, (a, _b), staff = desk
    take(db, a, "190.00", "cash", cashier="王收银")
    take(db, a, "50.00", "cash", cashier="李收银")
    db.actor = staff["li"]
    with pytest.raises(DomainError) as refused:
        closing.close_day(db, estate_id, "王收银", DAY, "190.00", "", "李收银", now=at(18))
    assert refused.value.code == "fees.closing.not_own_day"
    assert refused.value.params["cashier"] == "王收银"
    closing.close_day(db, estate_id, "李收银", DAY, "50.00", "", "王收银", now=at(18))
    db.actor = staff["zhao"]
    row = closing.close_day(db, estate_id, "王收银", DAY, "190.00", "", "李收银", now=at(18))
    db.actor = None
    assert row.cashier == "王收银" and row.cash_counted == D("190.00")
    with db.session() as s:
        closers = dict(s.execute(select(DayClosing.cashier, DayClosing.closed_by)).all())
    assert closers == {"李收银": staff["li"], "王收银": staff["zhao"]}
