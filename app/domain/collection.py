"""Collection rates (收费率): 实收 ÷ 应收 per fee kind, the management fee's being the one
seed 001 sets a target for (管理费收费率 ≥ 95% a month). Pure; nothing is rounded before a
target is decided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

from app.domain.money import ZERO, to_decimal

COLLECTION_TARGET = Decimal("0.95")  # compared unrounded: 94.995% does not meet it

# Seed 001: 管理费收费率 = 实收 ÷ 应收 of the management fee, target ≥ 95% a month. Other
# kinds have their own rates, labelled, and "all fees" is one more, never the seed's rate.

MANAGEMENT = "management"
ALL_FEES = "all"
FEE_KINDS = (MANAGEMENT, "parking", "utilities", "renovation", "late_fee", "other")


def fee_kind(fee_code: str) -> str:
    """The kind a fee code's collection is reported under (management: mgmt_*)."""
    if fee_code.startswith("mgmt_"):
        return MANAGEMENT
    if fee_code.startswith("parking_"):
        return "parking"
    if fee_code.startswith("utilities_"):
        return "utilities"
    if fee_code in ("renovation", "late_fee"):
        return fee_code
    return "other"


def collection_rate(collected: Decimal, receivable: Decimal) -> Decimal | None:
    """collected ÷ receivable as a fraction, never rounded (the quotient of two amounts in
    fen is far inside Decimal's 28 digits); None when nothing was receivable. Decide a
    target with ``meets_target``, show it with ``percent_shown``."""
    if receivable <= 0:
        return None
    return to_decimal(collected) / to_decimal(receivable)


def meets_target(collected: Decimal, receivable: Decimal, target: Decimal = COLLECTION_TARGET):
    """实收 ≥ target × 应收, exactly (94.995% is below 95%); None when nothing was receivable."""
    if receivable <= 0:
        return None
    return to_decimal(collected) >= to_decimal(receivable) * target


def percent_shown(rate: Decimal, places: int = 2) -> Decimal:
    """A rate as a percentage for display, rounded DOWN so a figure shown never reaches a
    target the rate missed (0.94995 -> 94.99)."""
    return (rate * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


class CollectionLine(NamedTuple):
    """One bill line for the rate: 应收 is its amount after adjustments, 实收 what payments
    applied to it."""

    fee_code: str
    receivable: Decimal
    collected: Decimal


@dataclass(frozen=True)
class CollectionRate:
    kind: str  # one of FEE_KINDS, or ALL_FEES
    receivable: Decimal
    collected: Decimal

    @property
    def rate(self) -> Decimal | None:
        return collection_rate(self.collected, self.receivable)

    @property
    def target_met(self) -> bool | None:
        return meets_target(self.collected, self.receivable)


@dataclass(frozen=True)
class CollectionRates:
    """The seed's rate (management fee), each other kind billed, and all fees together."""

    management: CollectionRate
    by_kind: tuple[CollectionRate, ...]  # kinds with lines, in FEE_KINDS order
    all_fees: CollectionRate

    @property
    def target_met(self) -> bool | None:
        """Seed 001's target, on the management fee only."""
        return self.management.target_met


def collection_rates(lines: Iterable[CollectionLine]) -> CollectionRates:
    """Rates by kind over bill lines. Per line, 应收 below zero counts as zero and 实收
    counts up to 应收 (money beyond it is credit, not collection of this line)."""
    totals: dict[str, list[Decimal]] = {}
    for line in lines:
        receivable = max(to_decimal(line.receivable), ZERO)
        collected = min(max(to_decimal(line.collected), ZERO), receivable)
        for kind in (fee_kind(line.fee_code), ALL_FEES):
            pair = totals.setdefault(kind, [ZERO, ZERO])
            pair[0] += receivable
            pair[1] += collected

    def rate_of(kind: str) -> CollectionRate:
        receivable, collected = totals.get(kind, (ZERO, ZERO))
        return CollectionRate(kind, receivable, collected)

    return CollectionRates(
        management=rate_of(MANAGEMENT),
        by_kind=tuple(rate_of(kind) for kind in FEE_KINDS if kind in totals),
        all_fees=rate_of(ALL_FEES),
    )
