"""Money in yuan as Decimal, stored as integer fen. Every rounding is explicit."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def to_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):
        raise TypeError("money must never be a float; pass a str or Decimal")
    return value if isinstance(value, Decimal) else Decimal(value)


def round_yuan(value: Decimal | int | str, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Round to 0.01 yuan, ROUND_HALF_UP unless the estate's setting says otherwise."""
    return to_decimal(value).quantize(CENT, rounding=rounding)


def to_fen(value: Decimal | int | str) -> int:
    rounded = to_decimal(value).quantize(CENT)
    if rounded != to_decimal(value):
        raise ValueError(f"{value} has more than two decimals; round it first")
    return int(rounded * 100)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def apportion(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split ``total`` by ``weights`` to the fen with the largest-remainder method.

    The parts always sum exactly to ``total``; ties in the remainder go to the earlier item,
    so the result is deterministic.
    """
    total_fen = to_fen(total)
    weight_sum = sum(weights, Decimal(0))
    if not weights:
        return []
    if weight_sum <= 0:
        raise ValueError("weights must sum to more than zero")
    exact = [Decimal(total_fen) * w / weight_sum for w in weights]
    floors = [int(e.to_integral_value(rounding="ROUND_FLOOR")) for e in exact]
    left = total_fen - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [from_fen(f) for f in floors]


def format_yuan(value: Decimal) -> str:
    """¥1,234.56 with a leading minus for negatives (UI.md "Formats")."""
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(round_yuan(value)):,.2f}"
