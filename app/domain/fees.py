"""Fee rules (DOMAIN.md "Fees"): schedule, bill lines, proration, vacancy, late fees,
payment allocation, balances and ageing (collection rates: ``app.domain.collection``).
Pure functions, no I/O.

Rounding rule (shown to users by ``ROUNDING_RULE``): every bill line is computed exactly
and rounded once, ROUND_HALF_UP to 0.01 yuan; shared costs are split with the
largest-remainder method so the parts sum exactly to the total.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import NamedTuple

from app.domain import fee_notes

# the collection rate lives in app.domain.collection; its names stay importable from here
from app.domain.collection import COLLECTION_TARGET as COLLECTION_TARGET
from app.domain.collection import collection_rate as collection_rate
from app.domain.errors import DomainError
from app.domain.money import ZERO, apportion, round_yuan, to_decimal

ROUNDING_RULE = (
    "Every bill line is computed exactly and rounded once, half up (ROUND_HALF_UP) to "
    "0.01 yuan. Shared costs are split by floor area with the largest-remainder method, "
    "so the parts always add up exactly to the total."
)

# Bases: how a fee item turns into a quantity on a bill line.
AREA_MONTH = "area_month"  # rate × m² per month, by the unit's kind
SPACE_MONTH = "space_month"  # rate per parking space per month
AREA_ONCE = "area_once"  # rate × m², charged once (renovation)
PER_STAY = "per_stay"  # temporary parking, per stay of 1-12 h
SHARED_BY_AREA = "shared_by_area"  # a month's actual cost apportioned by area
DEPOSIT = "deposit"  # refundable, never part of the balance

PAYMENT_METHODS = ("cash", "wechat", "alipay", "bank_card", "bank_transfer")
REMINDER_METHODS = ("phone", "letter", "notice")
PARKING_CODES = ("parking_shared", "parking_dedicated", "parking_open")
DEPOSIT_CODES = ("deposit_renovation", "deposit_pass", "deposit_ic_card")
AGEING_BUCKETS = ("0-30", "31-90", "91-180", "180+")
# Seed 003 writes the vacancy clause in the residential management-fee entry only.
DEFAULT_VACANCY_CODES = frozenset({"mgmt_residential"})
REMINDER_DAYS = (10, 25)


@dataclass(frozen=True)
class FeeItemSpec:
    code: str
    name: str  # English source text; the UI translates it
    rate: Decimal
    basis: str
    effective_from: date


EPOCH = date(2000, 1, 1)

DEFAULT_SCHEDULE: tuple[FeeItemSpec, ...] = (
    FeeItemSpec(
        "mgmt_residential", "Residential management fee", Decimal("1.90"), AREA_MONTH, EPOCH
    ),
    FeeItemSpec("mgmt_commercial", "Commercial management fee", Decimal("2.50"), AREA_MONTH, EPOCH),
    FeeItemSpec(
        "utilities_shared", "Shared water and electricity", Decimal("500.00"), SHARED_BY_AREA, EPOCH
    ),
    FeeItemSpec("renovation", "Renovation management fee", Decimal("3.50"), AREA_ONCE, EPOCH),
    FeeItemSpec("parking_shared", "Shared parking space", Decimal("260.00"), SPACE_MONTH, EPOCH),
    FeeItemSpec(
        "parking_dedicated", "Dedicated parking space", Decimal("80.00"), SPACE_MONTH, EPOCH
    ),
    FeeItemSpec("parking_open", "Open-air parking", Decimal("150.00"), SPACE_MONTH, EPOCH),
    FeeItemSpec("parking_temporary", "Temporary parking", Decimal("5.00"), PER_STAY, EPOCH),
    FeeItemSpec("deposit_renovation", "Renovation deposit", Decimal("2000.00"), DEPOSIT, EPOCH),
    FeeItemSpec("deposit_pass", "Pass deposit", Decimal("20.00"), DEPOSIT, EPOCH),
    FeeItemSpec("deposit_ic_card", "IC card deposit", Decimal("50.00"), DEPOSIT, EPOCH),
)

MGMT_CODE_BY_KIND = {"residential": "mgmt_residential", "commercial": "mgmt_commercial"}


@dataclass(frozen=True)
class LateFeeRule:
    enabled: bool = False
    rate_per_day: Decimal = Decimal("0.0003")  # of the overdue amount, per day
    grace_days: int = 0
    cap_ratio: Decimal = Decimal("1")  # late fees never exceed this share of the arrears


@dataclass(frozen=True)
class FeeRules:
    """Estate settings of billing (all editable; DOMAIN.md gives the defaults)."""

    due_day: int = 5
    vacancy_ratio: Decimal = Decimal("0.70")
    vacancy_months: int = 6
    late_fee: LateFeeRule = field(default_factory=LateFeeRule)
    # fee codes the vacancy ratio applies to (rules saved before it existed get the default)
    vacancy_codes: frozenset[str] = DEFAULT_VACANCY_CODES
    # seed 003 公摊水电费:预收500元/户: the least a household's prepayment should keep (a
    # top-up is also due below the latest month's share); the 500 is the schedule's rate
    # of utilities_shared
    prepayment_floor: Decimal = ZERO

    def to_json(self) -> dict:
        return {
            "due_day": self.due_day,
            "vacancy_ratio": str(self.vacancy_ratio),
            "vacancy_months": self.vacancy_months,
            "vacancy_codes": sorted(self.vacancy_codes),
            "prepayment_floor": str(self.prepayment_floor),
            "late_fee": {
                "enabled": self.late_fee.enabled,
                "rate_per_day": str(self.late_fee.rate_per_day),
                "grace_days": self.late_fee.grace_days,
                "cap_ratio": str(self.late_fee.cap_ratio),
            },
        }

    @classmethod
    def from_json(cls, value: dict | None) -> FeeRules:
        value = value or {}
        late = value.get("late_fee") or {}
        default = LateFeeRule()
        return cls(
            due_day=int(value.get("due_day", 5)),
            vacancy_ratio=Decimal(str(value.get("vacancy_ratio", "0.70"))),
            vacancy_months=int(value.get("vacancy_months", 6)),
            vacancy_codes=frozenset(value.get("vacancy_codes", DEFAULT_VACANCY_CODES)),
            prepayment_floor=Decimal(str(value.get("prepayment_floor", ZERO))),
            late_fee=LateFeeRule(
                enabled=bool(late.get("enabled", False)),
                rate_per_day=Decimal(str(late.get("rate_per_day", default.rate_per_day))),
                grace_days=int(late.get("grace_days", default.grace_days)),
                cap_ratio=Decimal(str(late.get("cap_ratio", default.cap_ratio))),
            ),
        )


# ---- periods ----


class PeriodError(DomainError):
    """A period not written as YYYY-MM (code ``fees.period.invalid``)."""


def parse_period(text: str) -> tuple[int, int]:
    """ "2026-03" -> (2026, 3); raises PeriodError (``fees.period.invalid``) otherwise."""
    try:
        year_text, month_text = text.strip().split("-")
        year, month = int(year_text), int(month_text)
    except ValueError:
        raise PeriodError("fees.period.invalid", period=str(text)) from None
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise PeriodError("fees.period.invalid", period=str(text))
    return year, month


def period_start(period: str) -> date:
    return _month_bounds(period)[0]


def period_end(period: str) -> date:
    return _month_bounds(period)[1]


@lru_cache(maxsize=256)
def _month_bounds(period: str) -> tuple[date, date]:
    # asked once per unit in a billing run
    year, month = parse_period(period)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def period_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift_period(period: str, months: int) -> str:
    year, month = parse_period(period)
    index = year * 12 + (month - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def due_date(period: str, due_day: int) -> date:
    end = period_end(period)
    return end.replace(day=min(max(due_day, 1), end.day))


def whole_months(start: date, end: date) -> int:
    """Whole calendar months from ``start`` up to ``end`` (a month counts once fully past)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


# ---- the schedule ----


def rate_on(items: Iterable[FeeItemSpec], code: str, day: date) -> FeeItemSpec | None:
    """The item of ``code`` in effect on ``day``: the latest effective_from not after it."""
    best = None
    for item in items:
        eligible = item.code == code and item.effective_from <= day
        if eligible and (best is None or item.effective_from > best.effective_from):
            best = item
    return best


# ---- bill lines ----


class UnitFacts(NamedTuple):
    """What billing needs to know about a unit (a tuple: a run makes one per unit)."""

    unit_id: str
    kind: str
    area_m2: Decimal
    handover_date: date | None
    vacant_since: date | None = None
    vacancy_approved: bool = False
    parking: tuple[tuple[str, str], ...] = ()  # (space id, fee code)


class LineDraft(NamedTuple):
    unit_id: str
    fee_code: str
    quantity: Decimal
    rate: Decimal
    amount: Decimal
    note: str = ""
    space_id: str = ""


def management_fee(
    area_m2: Decimal,
    rate: Decimal,
    *,
    billed_days: int | None = None,
    days_in_month: int | None = None,
    vacancy_ratio: Decimal | None = None,
) -> Decimal:
    """area × rate, times billed_days ÷ days_in_month for a first month, times the vacancy
    ratio; computed exactly and rounded once (ROUND_HALF_UP)."""
    exact = to_decimal(area_m2) * to_decimal(rate)
    if billed_days is not None and days_in_month:
        exact = exact * billed_days / days_in_month
    if vacancy_ratio is not None:
        exact = exact * vacancy_ratio
    return round_yuan(exact)


def vacancy_applies(
    unit: UnitFacts, period: str, rules: FeeRules, fee_code: str | None = None
) -> bool:
    """The fee code (default: the unit's management fee) is one the estate applies the
    vacancy ratio to, and the unit was approved and vacant ``vacancy_months`` whole months
    before the period starts."""
    code = fee_code or MGMT_CODE_BY_KIND.get(unit.kind, "mgmt_residential")
    if code not in rules.vacancy_codes:
        return False
    if not unit.vacancy_approved or unit.vacant_since is None:
        return False
    return whole_months(unit.vacant_since, period_start(period)) >= rules.vacancy_months


def monthly_lines(
    unit: UnitFacts, period: str, schedule: Sequence[FeeItemSpec], rules: FeeRules
) -> list[LineDraft]:
    """The management fee and parking lines of one unit for one month."""
    start, end = period_start(period), period_end(period)
    if unit.handover_date is None or unit.handover_date > end:
        return []  # not handed over yet: the fee counts from the handover date
    lines: list[LineDraft] = []
    code = MGMT_CODE_BY_KIND.get(unit.kind, "mgmt_residential")
    item = rate_on(schedule, code, start)
    if item is not None and unit.area_m2 > 0:
        days_in_month = end.day
        billed_days = None
        notes = []
        if unit.handover_date > start:
            billed_days = (end - unit.handover_date).days + 1
            notes.append(
                (
                    fee_notes.FROM_HANDOVER,
                    {
                        "date": unit.handover_date.isoformat(),
                        "days": billed_days,
                        "month_days": days_in_month,
                    },
                )
            )
        ratio = None
        if vacancy_applies(unit, period, rules, code):
            ratio = rules.vacancy_ratio
            notes.append((fee_notes.VACANCY, {"percent": f"{(ratio * 100).normalize():f}"}))
        amount = management_fee(
            unit.area_m2,
            item.rate,
            billed_days=billed_days,
            days_in_month=days_in_month,
            vacancy_ratio=ratio,
        )
        lines.append(
            LineDraft(
                unit.unit_id,
                code,
                unit.area_m2,
                item.rate,
                amount,
                fee_notes.encode(notes) if notes else "",
            )
        )
    for space_id, space_code in unit.parking:
        space_item = rate_on(schedule, space_code, start)
        if space_item is not None:
            lines.append(
                LineDraft(
                    unit.unit_id,
                    space_code,
                    Decimal("1.00"),
                    space_item.rate,
                    round_yuan(space_item.rate),
                    space_id=space_id,
                )
            )
    return lines


def shared_cost_lines(total: Decimal, units: Sequence[tuple[str, Decimal]]) -> list[LineDraft]:
    """A month's shared cost over (unit id, area) by area, largest remainder."""
    billable = [(uid, area) for uid, area in units if area > 0]
    share_note = fee_notes.note(fee_notes.SHARE_OF, total=round_yuan(total))
    parts = apportion(round_yuan(total), [area for _, area in billable])
    return [
        LineDraft(uid, "utilities_shared", area, ZERO, part, note=share_note)
        for (uid, area), part in zip(billable, parts, strict=True)
    ]


# ---- the shared utilities prepayment ----

PREPAYMENT_NOT_COLLECTED = "not_collected"
PREPAYMENT_TOP_UP = "top_up"
PREPAYMENT_OK = "ok"


def prepayment_top_up(
    collected: Decimal,
    remaining: Decimal,
    last_share: Decimal,
    open_shared: Decimal,
    household: Decimal,
    rules: FeeRules,
) -> tuple[str, Decimal]:
    """Whether a household's shared-utilities prepayment needs topping up, and by how
    much. A top-up is due when what is left is below the latest month's share or the
    estate's floor, or shares are open because it ran out; the suggested amount brings it
    back to the prepayment per household (``household``, the schedule's 500) after paying
    those open shares."""
    suggested = max(household + open_shared - remaining, ZERO)
    if collected <= 0 and remaining <= 0:
        return PREPAYMENT_NOT_COLLECTED, suggested
    if open_shared > 0 or remaining < max(last_share, rules.prepayment_floor):
        return PREPAYMENT_TOP_UP, suggested
    return PREPAYMENT_OK, ZERO


TEMPORARY_STAY_MIN = timedelta(hours=1)
TEMPORARY_STAY_MAX = timedelta(hours=12)


def temporary_parking_fee(hours: Decimal, rate: Decimal) -> Decimal:
    """One rate per stay of 1 hour up to 12 hours, both ends included (seed 003:
    1小时以上12小时以内; 以上 and 以内 include the number); a shorter stay is free; a longer
    one is refused (a monthly space is the fee for it)."""
    hours = to_decimal(hours)
    if hours < 0:
        raise DomainError("parking.stay_negative", hours=str(hours))
    if hours > 12:
        raise DomainError("parking.stay_too_long", hours=str(hours), limit=12)
    return _stay_rate(rate) if hours >= 1 else ZERO


def temporary_stay_fee(entered: datetime, left: datetime, rate: Decimal) -> Decimal:
    """The fee of a stay from ``entered`` to ``left``, by the same rule, compared exactly
    (no rounding of the duration: 59 min 59 s is free, 60 min is charged)."""
    stay = left - entered
    if stay < timedelta(0):
        raise DomainError("parking.stay_negative", hours=str(_hours(stay)))
    if stay > TEMPORARY_STAY_MAX:
        raise DomainError("parking.stay_too_long", hours=str(_hours(stay)), limit=12)
    return _stay_rate(rate) if stay >= TEMPORARY_STAY_MIN else ZERO


def _hours(stay: timedelta) -> Decimal:
    return (Decimal(stay // timedelta(seconds=1)) / 3600).quantize(Decimal("0.01"), ROUND_DOWN)


def _stay_rate(rate: Decimal) -> Decimal:
    rate = to_decimal(rate)
    if rate != rate.quantize(Decimal("0.01")):
        raise DomainError("fees.rate_not_in_fen", rate=str(rate))
    return rate.quantize(Decimal("0.01"))


def late_fee(
    open_lines: Iterable[tuple[date, Decimal]],
    period: str,
    rule: LateFeeRule,
    already_charged: Decimal = ZERO,
) -> Decimal:
    """Late fee billed in ``period`` for the days of the previous month that each open
    amount was overdue beyond the grace days; all late fees stay within the cap."""
    if not rule.enabled:
        return ZERO
    window_start = period_start(shift_period(period, -1))
    window_end = period_start(period)  # exclusive
    exact = Decimal(0)
    principal = Decimal(0)
    for due, amount in open_lines:
        if amount <= 0:
            continue
        principal += amount
        late_from = max(due + timedelta(days=rule.grace_days + 1), window_start)
        days = (window_end - late_from).days
        if days > 0:
            exact += amount * rule.rate_per_day * days
    cap = round_yuan(principal * rule.cap_ratio) - already_charged
    return max(min(round_yuan(exact), cap), ZERO)


# ---- payments, allocation, balances ----


@dataclass(frozen=True)
class OpenLine:
    line_id: str
    due: date
    open_amount: Decimal


def allocate(amount: Decimal, lines: Sequence[OpenLine], picked: Sequence[str] | None = None):
    """Split a payment over open lines: only the picked ones (in the order given) when the
    cashier picks, else the oldest due first. Returns ([(line id, amount)], credit left
    over); the credit is used by the next bills."""
    left = round_yuan(amount)
    if left < 0:
        raise ValueError("a payment amount cannot be negative")
    by_id = {line.line_id: line for line in lines}
    order = [by_id[i] for i in (picked or []) if i in by_id]
    if not picked:
        order = sorted(lines, key=lambda line: (line.due, line.line_id))
    result = []
    for line in order:
        if left <= 0:
            break
        if line.open_amount <= 0:
            continue
        take = min(left, line.open_amount)
        result.append((line.line_id, take))
        left -= take
    return result, left


def balance(bills: Iterable[Decimal], adjustments: Iterable[Decimal], payments: Iterable[Decimal]):
    """What the unit owes (negative: a credit). Sums only, so arrival order never matters."""
    return sum(bills, ZERO) + sum(adjustments, ZERO) - sum(payments, ZERO)


def ageing_bucket(due: date, as_of: date) -> str | None:
    """The ageing bucket of an amount due on ``due``; None while not yet overdue."""
    days = (as_of - due).days
    if days <= 0:
        return None
    if days <= 30:
        return "0-30"
    if days <= 90:
        return "31-90"
    if days <= 180:
        return "91-180"
    return "180+"


def receipt_number(prefix: str, sequence: int) -> str:
    return f"{prefix}-{sequence:06d}"
