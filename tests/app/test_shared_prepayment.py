"""Seed 003's shared utilities prepayment: collected per household at the counter, each
month's apportioned share settled from it first, what is left shown with when a top-up
is due (docs/money-rules.md §1)."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.domain.errors import FieldErrors
from app.domain.fees import (
    PREPAYMENT_NOT_COLLECTED,
    PREPAYMENT_OK,
    PREPAYMENT_TOP_UP,
    FeeRules,
    prepayment_top_up,
)
from app.domain.ledger import LedgerLine, LedgerPayment, derive
from app.domain.units import UnitInput
from app.services.fees import account, billing_run, counter, prepayment
from app.services.fees import schedule as fee_schedule
from app.services.fees.common import bill_line_id
from app.services.units import create_unit

D = Decimal
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MARCH, APRIL = date(2026, 3, 2), date(2026, 4, 2)


@pytest.fixture
def units(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        made = [
            create_unit(
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
            for room, area in (("101", "100.00"), ("102", "50.00"))
        ]
    return estate_id, *made


def _open(db, unit_id):
    return {ln.fee_code: ln.open_amount for ln in account.account_lines(db, unit_id, False)}


def test_a_prepayment_is_taken_at_the_counter_with_a_receipt_and_pays_no_other_fee(db, units):
    """公摊水电费:预收500元/户,按实际面积据实分摊。 — 500 taken per household; the
    management fee it cannot pay stays owed, and it is not credit to refund."""
    estate_id, a, b = units
    receipt = prepayment.collect_prepayment(db, a, "500.00", "cash", "张三", "cashier", now=NOW)
    assert receipt.payment.kind == "prepayment" and receipt.allocations == ()
    following = counter.take_payment(db, b, "10.00", "cash", "", "cashier", now=NOW)
    # one numbering with the counter's payments
    assert int(following.payment.receipt_no[-6:]) == int(receipt.payment.receipt_no[-6:]) + 1
    assert account.receipt_view(db, receipt.payment.id).kind == "prepayment"
    state = prepayment.prepayment_of(db, a)
    assert (state.collected, state.remaining, state.status) == (D("500.00"), D("500.00"), "ok")

    billing_run.run_billing(db, estate_id, "2026-03", "cashier", now=NOW)  # 100 m² × 1.90
    assert _open(db, a) == {"mgmt_residential": D("190.00")}
    shown = account.unit_account(db, a)
    assert shown.balance == D("190.00") and shown.credit == D("0.00")  # not a credit of 310
    assert prepayment.prepayment_of(db, a).remaining == D("500.00")


def test_each_months_share_is_settled_from_the_prepayment_oldest_first(db, units):
    """公摊水电费:预收500元/户,按实际面积据实分摊。 — 300 a month over 100 m² and 50 m²:
    200 and 100. Unit 101's 500 pays March and April; in May 100 of its 200 stays open
    and a top-up of 600 brings it back to 500."""
    estate_id, a, b = units
    prepayment.collect_prepayment(db, a, "500", "wechat", "张三", "cashier", now=NOW)
    billing_run.bill_shared_utilities(db, estate_id, "2026-03", "300.00", now=NOW)
    assert _open(db, a) == {"utilities_shared": D("0.00")}
    assert _open(db, b) == {"utilities_shared": D("100.00")}
    state = prepayment.prepayment_of(db, a)
    assert (state.remaining, state.last_share, state.status) == (D("300.00"), D("200.00"), "ok")

    billing_run.bill_shared_utilities(db, estate_id, "2026-04", "300.00", now=NOW)
    state = prepayment.prepayment_of(db, a)
    assert (state.remaining, state.status, state.suggested) == (D("100.00"), "top_up", D("400.00"))

    billing_run.bill_shared_utilities(db, estate_id, "2026-05", "300.00", now=NOW)
    may = bill_line_id(estate_id, a, "utilities_shared", "2026-05")
    lines = {ln.line_id: ln for ln in account.account_lines(db, a, False)}
    assert (lines[may].paid, lines[may].open_amount) == (D("100.00"), D("100.00"))
    state = prepayment.prepayment_of(db, a)
    assert (state.remaining, state.open_shared, state.suggested) == (
        D("0.00"),
        D("100.00"),
        D("600.00"),
    )
    assert account.unit_account(db, a).balance == D("100.00")

    top_up = prepayment.collect_prepayment(db, a, "600.00", "cash", "张三", "cashier", now=NOW)
    state = prepayment.prepayment_of(db, a)
    assert (state.remaining, state.open_shared, state.status) == (D("500.00"), D("0.00"), "ok")
    assert account.unit_account(db, a).balance == D("0.00")
    # a reversed top-up counts for nothing
    counter.reverse_payment(db, top_up.payment.id, "cashier", "wrong unit", now=NOW)
    assert prepayment.prepayment_of(db, a).remaining == D("0.00")
    assert _open(db, a)["utilities_shared"] == D("100.00")


def test_units_needing_a_top_up_are_listed_and_the_amounts_are_the_estates(db, units):
    """公摊水电费:预收500元/户 — 500 is the schedule's rate of shared water and electricity,
    changed there from a date on; the fee rules add a floor below which a top-up is due."""
    estate_id, a, b = units
    prepayment.collect_prepayment(db, a, "500", "cash", "", "cashier", now=NOW)
    billing_run.bill_shared_utilities(db, estate_id, "2026-03", "300.00", now=NOW)
    listed = {row.unit_id: row.state for row in prepayment.units_to_top_up(db, estate_id)}
    assert set(listed) == {b}
    fee_schedule.set_rate(db, estate_id, "utilities_shared", "800.00", "2026-04-01")
    before = {r.unit_id: r.state for r in prepayment.units_to_top_up(db, estate_id, MARCH)}
    assert before[b].suggested == D("600.00")  # February's amount still
    assert (listed[b].status, listed[b].suggested) == (PREPAYMENT_NOT_COLLECTED, D("600.00"))

    fee_schedule.update_rules(
        db,
        estate_id,
        due_day=5,
        vacancy_ratio="0.70",
        vacancy_months=6,
        late_enabled=False,
        late_rate_per_day="0.0003",
        grace_days=0,
        cap_ratio="1",
        prepayment_floor="350.00",
    )
    listed = {row.unit_id: row.state for row in prepayment.units_to_top_up(db, estate_id, APRIL)}
    assert (listed[a].status, listed[a].remaining, listed[a].suggested) == (
        PREPAYMENT_TOP_UP,
        D("300.00"),
        D("500.00"),
    )
    assert listed[b].suggested == D("900.00")
    with pytest.raises(FieldErrors) as refused:
        fee_schedule.update_rules(
            db,
            estate_id,
            due_day=5,
            vacancy_ratio="0.70",
            vacancy_months=6,
            late_enabled=False,
            late_rate_per_day="0.0003",
            grace_days=0,
            cap_ratio="1",
            prepayment_floor="-1",
        )
    assert refused.value.errors["prepayment_floor"].code == "fees.rules.prepayment"
    with pytest.raises(FieldErrors) as fen:
        fee_schedule.set_rate(db, estate_id, "utilities_shared", "500.005", "2026-05-01")
    assert fen.value.errors["rate"].code == "fees.rate_not_in_fen"
    # the form of rules that does not show these fields keeps them
    fee_schedule.update_rules(
        db,
        estate_id,
        due_day=5,
        vacancy_ratio="0.70",
        vacancy_months=6,
        late_enabled=False,
        late_rate_per_day="0.0003",
        grace_days=0,
        cap_ratio="1",
    )
    assert fee_schedule.load_rules(db, estate_id).prepayment_floor == D("350.00")


def test_the_derivation_keeps_a_prepayment_for_shared_utilities_and_refunds_take_it_last():
    """A prepayment pays shared-utility lines only, before an advance does; the advance
    pays the management fee; a refund takes the advance before the prepayment."""
    t = datetime(2026, 1, 1, tzinfo=UTC)
    lines = [
        LedgerLine("mgmt", date(2026, 1, 5), D("190.00"), "mgmt_residential"),
        LedgerLine("shared", date(2026, 1, 5), D("200.00"), "utilities_shared"),
    ]
    payments = [
        LedgerPayment("pre", "prepayment", D("500.00"), t),
        LedgerPayment("adv", "payment", D("100.00"), t),
        LedgerPayment("ref", "refund", D("-150.00"), t),
    ]
    ledger = derive(lines, [], payments)
    assert ledger.lines["shared"].paid == D("200.00")
    assert ledger.lines["mgmt"].paid == D("0.00")  # the advance went to the refund first
    assert ledger.prepaid == D("250.00")  # 500 - 200 - the 50 the advance did not cover
    assert ledger.balance == ledger.open_total - ledger.unapplied
    assert sum(ledger.applied.values()) == D("200.00")


def test_a_top_up_is_due_below_the_last_share_or_the_floor():
    rules, household = FeeRules(prepayment_floor=D("50.00")), D("500.00")
    assert prepayment_top_up(D(0), D(0), D(0), D(0), household, rules) == (
        PREPAYMENT_NOT_COLLECTED,
        D("500.00"),
    )
    due = prepayment_top_up(D(500), D("200.00"), D("200.00"), D(0), household, rules)
    assert due[0] == PREPAYMENT_OK
    assert prepayment_top_up(D(500), D("199.99"), D("200.00"), D(0), household, rules) == (
        PREPAYMENT_TOP_UP,
        D("300.01"),
    )
    low = prepayment_top_up(D(500), D("49.99"), D(0), D(0), household, rules)
    assert low[0] == PREPAYMENT_TOP_UP
