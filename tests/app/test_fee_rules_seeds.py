"""The fee rules as the seeds write them: temporary parking's both ends, the vacancy clause
of the residential entry, and seed 001's management-fee collection rate compared unrounded.
Each test quotes the seed line it reads (shared/seeds beside the repository)."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.collection import (
    COLLECTION_TARGET,
    CollectionLine,
    collection_rate,
    collection_rates,
    meets_target,
    percent_shown,
)
from app.domain.errors import DomainError
from app.domain.fees import (
    DEFAULT_SCHEDULE,
    FeeRules,
    UnitFacts,
    monthly_lines,
    temporary_parking_fee,
    temporary_stay_fee,
    vacancy_applies,
)

D = Decimal
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

# seed 003 (the fee schedule of 服务中心的收费), verbatim
SEED_003_PARKING = "临时停放管理服务费:1小时以上12 小时以内5元/辆/次"
SEED_003_RESIDENTIAL = "物业管理服务费:1.9元/平方米/月; (应于每月5日之前缴纳);连续空置6 个月以上需业主申请可按70%收取。"
SEED_003_COMMERCIAL = "商业管理服务费:2.5元/平方米/月。"
# seed 001 (written in traditional characters; the seed's text has no sign between 實收 and 應收)
SEED_001_RATE = "管理費收費率(實收應收)達 95%以上"


def seed_text(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("shared/seeds is not beside the repository")
    return found[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("prefix", "quote"),
    [
        ("003", SEED_003_PARKING),
        ("003", SEED_003_RESIDENTIAL),
        ("003", SEED_003_COMMERCIAL),
        ("001", SEED_001_RATE),
    ],
)
def test_the_quoted_lines_are_the_seeds_own(prefix, quote):
    assert quote in seed_text(prefix)


# ---- temporary parking: 以上 / 以内 include the number ----


@pytest.mark.parametrize(
    ("hours", "fee"),
    [
        ("0", "0.00"),
        ("0.99", "0.00"),
        ("1", "5.00"),  # 1小时以上: exactly one hour is charged
        ("1.01", "5.00"),
        ("6", "5.00"),
        ("12", "5.00"),  # 12小时以内: exactly twelve hours is still one stay
    ],
)
def test_temporary_parking_includes_both_ends(hours, fee):
    # seed 003: "临时停放管理服务费:1小时以上12 小时以内5元/辆/次"
    assert temporary_parking_fee(D(hours), D("5.00")) == D(fee)


def test_a_stay_is_measured_exactly_from_entry_to_exit():
    # seed 003: "临时停放管理服务费:1小时以上12 小时以内5元/辆/次"
    entered = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    rate = D("5.00")
    assert temporary_stay_fee(entered, entered + timedelta(minutes=59, seconds=59), rate) == D(
        "0.00"
    )
    assert temporary_stay_fee(entered, entered + timedelta(hours=1), rate) == D("5.00")
    assert temporary_stay_fee(entered, entered + timedelta(hours=12), rate) == D("5.00")
    with pytest.raises(DomainError) as caught:
        temporary_stay_fee(entered, entered + timedelta(hours=12, seconds=1), rate)
    assert caught.value.code == "parking.stay_too_long"
    assert caught.value.params == {"hours": "12.00", "limit": 12}
    with pytest.raises(DomainError) as caught:
        temporary_stay_fee(entered, entered - timedelta(minutes=30), rate)
    assert caught.value.code == "parking.stay_negative"


def test_temporary_parking_refuses_what_the_seed_does_not_price():
    with pytest.raises(DomainError) as caught:
        temporary_parking_fee(D("12.5"), D("5.00"))
    assert caught.value.code == "parking.stay_too_long"
    with pytest.raises(DomainError) as caught:
        temporary_parking_fee(D("-1"), D("5.00"))
    assert caught.value.code == "parking.stay_negative"
    with pytest.raises(DomainError) as caught:
        temporary_parking_fee(D("2"), D("5.005"))  # never rounded to 5.01
    assert caught.value.code == "fees.rate_not_in_fen"


# ---- vacancy 70%: the residential entry's clause ----


def vacant(kind: str) -> UnitFacts:
    return UnitFacts(
        "u1",
        kind,
        D("100.00"),
        date(2020, 1, 1),
        vacant_since=date(2025, 1, 1),
        vacancy_approved=True,
    )


def mgmt_amount(facts: UnitFacts, rules: FeeRules) -> Decimal:
    lines = monthly_lines(facts, "2026-03", DEFAULT_SCHEDULE, rules)
    return next(line.amount for line in lines if line.fee_code.startswith("mgmt_"))


def test_vacancy_applies_to_residential_by_default():
    # seed 003: "物业管理服务费:1.9元/平方米/月; (应于每月5日之前缴纳);连续空置6 个月以上需业主申请可按70%收取。"
    assert mgmt_amount(vacant("residential"), FeeRules()) == D("133.00")  # 100 × 1.90 × 70%


def test_vacancy_does_not_apply_to_commercial_by_default():
    # seed 003: "商业管理服务费:2.5元/平方米/月。" (no vacancy clause in the commercial entry)
    assert mgmt_amount(vacant("commercial"), FeeRules()) == D("250.00")
    assert not vacancy_applies(vacant("commercial"), "2026-03", FeeRules())


def test_vacancy_is_configurable_per_fee_code():
    both = FeeRules(vacancy_codes=frozenset({"mgmt_residential", "mgmt_commercial"}))
    assert mgmt_amount(vacant("commercial"), both) == D("175.00")  # 100 × 2.50 × 70%
    neither = FeeRules(vacancy_codes=frozenset())
    assert mgmt_amount(vacant("residential"), neither) == D("190.00")
    assert vacancy_applies(vacant("residential"), "2026-03", both, "mgmt_commercial")


def test_vacancy_codes_survive_the_settings_round_trip_and_old_settings_get_the_seed():
    rules = FeeRules(vacancy_codes=frozenset({"mgmt_commercial"}))
    assert FeeRules.from_json(rules.to_json()).vacancy_codes == frozenset({"mgmt_commercial"})
    saved_before = {"due_day": 5, "vacancy_ratio": "0.70", "vacancy_months": 6}
    assert FeeRules.from_json(saved_before).vacancy_codes == frozenset({"mgmt_residential"})


# ---- seed 001: 管理费收费率 = 实收 ÷ 应收 of the management fee, target ≥ 95% ----


def test_the_rate_is_the_management_fees_and_other_kinds_are_labelled_apart():
    # seed 001: "管理費收費率(實收應收)達 95%以上"
    rates = collection_rates(
        [
            CollectionLine("mgmt_residential", D("190.00"), D("190.00")),
            CollectionLine("parking_shared", D("260.00"), D("0.00")),
        ]
    )
    assert rates.management.rate == D(1)  # was 42.22% with parking mixed in
    assert rates.target_met is True
    assert [(r.kind, r.rate) for r in rates.by_kind] == [("management", 1), ("parking", 0)]
    assert rates.all_fees.kind == "all"
    assert (rates.all_fees.receivable, rates.all_fees.collected) == (D("450.00"), D("190.00"))
    assert rates.all_fees.target_met is False


def test_the_rate_is_compared_unrounded():
    # seed 001: "管理費收費率(實收應收)達 95%以上": 94.995% is not 95%
    assert collection_rate(D("94995"), D("100000")) < COLLECTION_TARGET
    assert meets_target(D("94995.00"), D("100000.00")) is False
    assert meets_target(D("95000.00"), D("100000.00")) is True
    rates = collection_rates([CollectionLine("mgmt_residential", D("100000.00"), D("94995.00"))])
    assert rates.target_met is False
    assert percent_shown(rates.management.rate) == D("94.99")  # shown down, never up to 95


def test_lines_count_what_they_owe_and_no_more():
    rates = collection_rates(
        [
            CollectionLine("mgmt_commercial", D("300.00"), D("350.00")),  # overpaid: credit
            CollectionLine("mgmt_residential", D("-10.00"), D("0.00")),  # adjusted below zero
            CollectionLine("late_fee", D("3.00"), D("0.00")),
            CollectionLine("custom_code", D("10.00"), D("5.00")),
        ]
    )
    assert (rates.management.receivable, rates.management.collected) == (D("300.00"), D("300.00"))
    assert [r.kind for r in rates.by_kind] == ["management", "late_fee", "other"]


def test_nothing_receivable_has_no_rate():
    rates = collection_rates([CollectionLine("parking_open", D("150.00"), D("150.00"))])
    assert rates.management.rate is None and rates.target_met is None
    assert collection_rate(D("1"), D("0")) is None


# ---- the service layer calls these rules ----


@pytest.fixture
def billed_estate(db, estate_id):
    """One residential unit of 100 m² (190.00 a month) with a shared space (260.00),
    billed for January 2026."""
    from app.domain.units import UnitInput
    from app.services.fees import billing_run
    from app.services.fees import schedule as fee_schedule
    from app.services.units import create_unit

    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        data = UnitInput(
            building="3栋", entrance="1", room="102", area_m2="100.00", handover_date="2020-01-01"
        )
        unit = create_unit(s, estate_id, data)
        fee_schedule.add_parking_space_in(s, unit, "parking_shared", "B1-001", "粤A12345")
        unit_id = unit.id
    billing_run.run_billing(db, estate_id, "2026-01", "cashier")
    return estate_id, unit_id


def test_the_collection_report_gives_the_management_fees_rate(db, billed_estate):
    # seed 001: "管理費收費率(實收應收)達 95%以上"
    from app.services.fees import account, counter, reports

    estate_id, unit_id = billed_estate
    lines = {ln.fee_code: ln.line_id for ln in account.account_lines(db, unit_id)}
    counter.take_payment(
        db, unit_id, "190.00", "cash", "张伟", "cashier", picked=[lines["mgmt_residential"]]
    )
    jan = reports.collection(db, estate_id, "2026-01", months=1)[-1]
    assert (jan.receivable, jan.collected) == (D("190.00"), D("190.00"))
    assert jan.rate == 1 and jan.target_met is True  # read 42.22% with parking mixed in
    assert [(r.kind, r.rate) for r in jan.rates.by_kind] == [("management", 1), ("parking", 0)]
    assert jan.rates.all_fees.rate == D("190.00") / D("450.00")


def test_the_vacancy_codes_are_set_per_estate_and_checked(db, billed_estate):
    from app.services.fees import schedule as fee_schedule

    estate_id, _unit = billed_estate
    assert fee_schedule.load_rules(db, estate_id).vacancy_codes == frozenset({"mgmt_residential"})
    rules = fee_schedule.set_vacancy_codes(db, estate_id, ["mgmt_residential", "mgmt_commercial"])
    assert fee_schedule.load_rules(db, estate_id) == rules
    with pytest.raises(DomainError) as caught:
        fee_schedule.set_vacancy_codes(db, estate_id, ["parking_shared"])
    assert (caught.value.code, caught.value.params) == (
        "fees.rules.vacancy_code",
        {"code": "parking_shared"},
    )
    assert fee_schedule.load_rules(db, estate_id) == rules  # nothing saved
    # saving the rules form keeps the codes
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
    assert fee_schedule.load_rules(db, estate_id).vacancy_codes == rules.vacancy_codes


def test_a_receipt_carries_its_total_in_capital_numerals(db, billed_estate):
    from app.services.fees import account, counter

    _estate, unit_id = billed_estate
    receipt = counter.take_payment(db, unit_id, "450.00", "cash", "张伟", "cashier")
    view = account.receipt_view(db, receipt.payment.id)
    assert view.amount_in_words == "肆佰伍拾元整"
