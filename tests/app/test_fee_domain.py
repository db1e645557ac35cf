"""The fee rules with DOMAIN.md figures, plus properties of apportionment and allocation."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import fee_notes
from app.domain.fees import (
    DEFAULT_SCHEDULE,
    FeeItemSpec,
    FeeRules,
    LateFeeRule,
    OpenLine,
    PeriodError,
    UnitFacts,
    ageing_bucket,
    allocate,
    balance,
    collection_rate,
    late_fee,
    management_fee,
    monthly_lines,
    parse_period,
    rate_on,
    shared_cost_lines,
    temporary_parking_fee,
    whole_months,
)
from app.domain.money import apportion

D = Decimal
RULES = FeeRules()


def unit(area="89.50", kind="residential", handover=date(2020, 1, 1), **extra):
    return UnitFacts("u1", kind, D(area), handover, **extra)


def amounts(lines):
    return {ln.fee_code: ln.amount for ln in lines}


@pytest.mark.parametrize(
    ("facts", "period", "expected"),
    [
        (unit("89.50"), "2026-03", {"mgmt_residential": D("170.05")}),
        (
            unit("89.50", vacant_since=date(2025, 8, 1), vacancy_approved=True),
            "2026-03",
            {"mgmt_residential": D("119.04")},  # 7 whole months vacant, approved: 70%
        ),
        (
            unit("89.50", vacant_since=date(2025, 8, 1), vacancy_approved=False),
            "2026-03",
            {"mgmt_residential": D("170.05")},  # vacant but not approved: full fee
        ),
        (
            unit("89.50", vacant_since=date(2025, 10, 1), vacancy_approved=True),
            "2026-03",
            {"mgmt_residential": D("170.05")},  # only 5 whole months vacant
        ),
        (unit("120.00", kind="commercial"), "2026-03", {"mgmt_commercial": D("300.00")}),
        (unit("89.50", handover=date(2026, 4, 16)), "2026-04", {"mgmt_residential": D("85.03")}),
        (unit("89.50", handover=date(2026, 5, 1)), "2026-04", {}),  # not handed over yet
        (unit("89.50", handover=None), "2026-04", {}),
    ],
)
def test_management_fee_figures(facts, period, expected):
    assert amounts(monthly_lines(facts, period, DEFAULT_SCHEDULE, RULES)) == expected


def test_handover_on_the_16th_of_a_30_day_month_prorates_15_of_30():
    lines = monthly_lines(
        unit("100.00", handover=date(2026, 4, 16)), "2026-04", DEFAULT_SCHEDULE, RULES
    )
    assert lines[0].amount == management_fee(D("100.00"), D("1.90")) * 15 / 30  # 95.00
    assert lines[0].amount == D("95.00")
    assert fee_notes.decode(lines[0].note) == (
        (fee_notes.FROM_HANDOVER, {"date": "2026-04-16", "days": "15", "month_days": "30"}),
    )


def test_parking_shared_and_open_for_one_unit_is_410():
    facts = unit(parking=(("s1", "parking_shared"), ("s2", "parking_open")))
    lines = monthly_lines(facts, "2026-03", DEFAULT_SCHEDULE, RULES)
    parking = [ln.amount for ln in lines if ln.fee_code.startswith("parking")]
    assert sum(parking) == D("410.00")


def test_shared_cost_10000_over_three_units_sums_exactly():
    lines = shared_cost_lines(
        D("10000.00"), [("a", D("89.5")), ("b", D("120.3")), ("c", D("65.25"))]
    )
    assert sum(ln.amount for ln in lines) == D("10000.00")
    assert [ln.amount for ln in lines] == [D("3253.95"), D("4373.75"), D("2372.30")]


def test_rate_change_applies_from_its_date_and_never_to_earlier_periods():
    items = [
        *DEFAULT_SCHEDULE,
        FeeItemSpec("mgmt_residential", "x", D("2.10"), "area_month", date(2026, 7, 1)),
    ]
    assert amounts(monthly_lines(unit("100.00"), "2026-06", items, RULES)) == {
        "mgmt_residential": D("190.00")
    }
    assert amounts(monthly_lines(unit("100.00"), "2026-07", items, RULES)) == {
        "mgmt_residential": D("210.00")
    }
    assert rate_on(items, "mgmt_residential", date(2026, 6, 30)).rate == D("1.90")


def test_temporary_parking_is_charged_between_1_and_12_hours():
    assert temporary_parking_fee(D("0.5"), D("5")) == D("0.00")
    assert temporary_parking_fee(D("3"), D("5")) == D("5.00")
    with pytest.raises(ValueError):
        temporary_parking_fee(D("13"), D("5"))


def test_late_fee_is_off_by_default_and_capped():
    open_lines = [(date(2026, 1, 5), D("100.00"))]
    assert late_fee(open_lines, "2026-03", LateFeeRule()) == D("0.00")
    rule = LateFeeRule(enabled=True, rate_per_day=D("0.001"), grace_days=0, cap_ratio=D("0.10"))
    # February: 28 days overdue -> 100 × 0.001 × 28 = 2.80
    assert late_fee(open_lines, "2026-03", rule) == D("2.80")
    assert late_fee(open_lines, "2026-03", rule, already_charged=D("9.00")) == D("1.00")


def test_ageing_buckets_and_whole_months():
    as_of = date(2026, 12, 31)
    assert ageing_bucket(date(2026, 12, 31), as_of) is None
    assert ageing_bucket(date(2026, 12, 1), as_of) == "0-30"
    assert ageing_bucket(date(2026, 10, 15), as_of) == "31-90"
    assert ageing_bucket(date(2026, 7, 5), as_of) == "91-180"
    assert ageing_bucket(date(2025, 1, 5), as_of) == "180+"
    assert whole_months(date(2025, 8, 15), date(2026, 3, 1)) == 6
    assert collection_rate(D("95"), D("100")) == D("0.9500")
    assert collection_rate(D("1"), D("0")) is None


def test_bad_period_is_a_code_naming_what_was_typed():
    with pytest.raises(PeriodError) as raised:
        parse_period("March")
    assert (raised.value.code, raised.value.params) == ("fees.period.invalid", {"period": "March"})
    assert parse_period("2026-03") == (2026, 3)


def test_notes_are_stored_as_codes_and_old_english_notes_still_read():
    """A bill line is synced: its note holds codes and parameters, never a sentence."""
    vacant = unit("89.50", vacant_since=date(2025, 8, 1), vacancy_approved=True)
    (line,) = monthly_lines(vacant, "2026-03", DEFAULT_SCHEDULE, RULES)
    assert not any(word in line.note for word in ("vacancy ", "days", "%"))
    assert fee_notes.decode(line.note) == ((fee_notes.VACANCY, {"percent": "70"}),)
    shared = shared_cost_lines(D("1000"), [("u1", D("10")), ("u2", D("30"))])
    assert fee_notes.decode(shared[0].note) == ((fee_notes.SHARE_OF, {"total": "1000.00"}),)
    old = "from handover 2026-04-16: 15/30 days; vacancy 70%; something else"
    assert fee_notes.decode(old) == (
        (fee_notes.FROM_HANDOVER, {"date": "2026-04-16", "days": "15", "month_days": "30"}),
        (fee_notes.VACANCY, {"percent": "70"}),
        (fee_notes.OTHER, {"text": "something else"}),
    )
    assert fee_notes.decode("") == ()


money = st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2)
areas = st.decimals(min_value=D("0.01"), max_value=D("999.99"), places=2)


@given(total=money, weights=st.lists(areas, min_size=1, max_size=40))
def test_apportionment_always_sums_to_the_total(total, weights):
    parts = apportion(total, weights)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)


@given(
    payment=st.decimals(min_value=D("0"), max_value=D("5000"), places=2),
    opens=st.lists(money, max_size=12),
    pick=st.booleans(),
)
def test_allocations_never_exceed_the_payment_or_a_line(payment, opens, pick):
    lines = [OpenLine(f"l{i}", date(2026, 1 + i % 12, 5), amount) for i, amount in enumerate(opens)]
    picked = [ln.line_id for ln in lines[::2]] if pick else None
    parts, credit = allocate(payment, lines, picked)
    assert sum(a for _, a in parts) + credit == payment
    assert sum(a for _, a in parts) <= payment
    by_id = {ln.line_id: ln.open_amount for ln in lines}
    assert all(0 < a <= by_id[i] for i, a in parts)


@given(st.lists(st.tuples(st.sampled_from("bap"), money), max_size=30), st.randoms())
def test_balance_is_independent_of_arrival_order(rows, rnd):
    def bal(rs):
        return balance(
            [a for k, a in rs if k == "b"],
            [-a for k, a in rs if k == "a"],
            [a for k, a in rs if k == "p"],
        )

    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert bal(rows) == bal(shuffled)
