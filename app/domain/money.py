"""Money in yuan as Decimal, stored as integer fen. Every rounding is explicit.

``parse_money`` is the one reader of money typed into a form (or given on the command
line): it accepts ¥ and thousands separators, full-width characters included, and
refuses what it cannot take exactly; it never rounds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from app.domain.errors import DomainError
from app.domain.limits import HUNDREDTHS, TEN_THOUSANDTHS, largest

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# the most one form takes (a payment, a month's shared cost): far above any real amount,
# below what fen in a 64-bit integer could hold
MONEY_LIMIT = Decimal("100000000")


def to_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):
        raise TypeError("money must never be a float; pass a str or Decimal")
    return value if isinstance(value, Decimal) else Decimal(value)


def round_yuan(value: Decimal | int | str, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Round to 0.01 yuan, ROUND_HALF_UP unless the estate's setting says otherwise."""
    return to_decimal(value).quantize(CENT, rounding=rounding)


def decimal_places(value: Decimal) -> int:
    """How many decimals ``value`` carries beyond its last non-zero digit (1.50 -> 1)."""
    exponent = value.normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def to_fen(value: Decimal | int | str) -> int:
    exact = to_decimal(value)
    rounded = exact.quantize(CENT)
    if rounded != exact:
        raise DomainError("amount.too_many_decimals", places=decimal_places(exact))
    return int(rounded * 100)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


# full-width digits and signs an input method may type (０-９ ． ， － ＋ ￥)
_FULL_WIDTH = str.maketrans(
    {**{chr(0xFF10 + d): str(d) for d in range(10)}, "．": ".", "，": ",", "－": "-", "＋": "+"}
)
_CURRENCY = ("¥", "￥", "元", "RMB", "CNY")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^[+-]?\.\d+$")


def _plain_number(text: str, places: int, money: bool) -> Decimal:
    cleaned = (text or "").translate(_FULL_WIDTH).replace("\u3000", " ").replace(" ", "")
    if money:
        sign = cleaned[:1] if cleaned[:1] in ("+", "-") else ""
        cleaned = cleaned[len(sign) :]
        for mark in _CURRENCY:
            cleaned = cleaned.removeprefix(mark).removesuffix(mark)
        cleaned = sign + cleaned if cleaned else ""
    if not cleaned:
        raise DomainError("amount.required") if money else DomainError("number.required")
    if not _NUMBER.match(cleaned):
        raise DomainError("amount.not_a_number") if money else DomainError("number.not_a_number")
    typed = len(cleaned.partition(".")[2])
    if typed > places:
        if money:
            raise DomainError("amount.too_many_decimals", places=typed)
        raise DomainError("number.too_many_decimals", places=typed, most=places)
    number = Decimal(cleaned.replace(",", ""))
    check_storable(number, places)
    return number.quantize(Decimal(1).scaleb(-places))


def check_storable(number: Decimal, places: int = 2) -> None:
    """A number a column of ``places`` decimals cannot hold is refused (kept as a 64-bit
    count of its smallest unit: at most 92,233,720,368,547,758.07 with two decimals)."""
    limit = TEN_THOUSANDTHS if places > 2 else HUNDREDTHS
    most = largest(limit)
    if not number.is_finite():
        raise DomainError("number.not_finite")
    if abs(number) > most:
        raise DomainError("number.too_large", max=f"{most:,}")


def parse_money(text: str) -> Decimal:
    """Yuan typed into a form: ``¥1,234.56``, ``１２３４．５``, ``-20``, ``170.05元``.

    Two decimals come back (``Decimal("170.05")``, ``Decimal("12.00")``); a third decimal
    is refused with ``DomainError("amount.too_many_decimals", places=3)``, never rounded;
    thousands separators must group by three (``2,10`` is refused, not read as 2.10 or
    210). The sign is kept: callers say whether a negative amount makes sense.
    """
    return _plain_number(text, 2, money=True)


def parse_number(text: str, places: int) -> Decimal:
    """A plain number typed into a form (a ratio, a daily rate) with at most ``places``
    decimals, read exactly as ``parse_money`` reads yuan (no currency marks)."""
    return _plain_number(text, places, money=False)


# ---- rates ----
# A rate keeps the decimals the schedule states, up to four (1.9 is 1.90, 1.2345 stays
# 1.2345); it is stored as an integer count of ten-thousandths of a yuan
# (app.store.types.Rate). A line's amount is quantity × rate, rounded once to the fen.

RATE_PLACES = 4
RATE_STEP = Decimal("0.0001")


def rate_value(value: Decimal | int | str) -> Decimal:
    """A rate as the schedule states it: two decimals at least, four at most; a fifth
    decimal is refused (``rate.too_many_decimals``), never rounded."""
    exact = to_decimal(value)
    if not exact.is_finite():
        raise DomainError("amount.not_a_number")
    check_storable(exact, RATE_PLACES)
    stepped = exact.quantize(RATE_STEP)
    if stepped != exact:
        raise DomainError("rate.too_many_decimals", places=decimal_places(exact), most=4)
    in_fen = stepped.quantize(CENT)
    return in_fen if in_fen == stepped else stepped.normalize()


def to_ten_thousandths(value: Decimal | int | str) -> int:
    return int(rate_value(value).scaleb(RATE_PLACES))


def from_ten_thousandths(count: int) -> Decimal:
    return rate_value(Decimal(count).scaleb(-RATE_PLACES))


def parse_rate(text: str) -> Decimal:
    """A rate typed into a form (``1.9``, ``¥1.2345``, full-width digits): four decimals
    at most, read exactly as ``parse_money`` reads yuan; 1.9 comes back as 1.90."""
    try:
        return rate_value(_plain_number(text, RATE_PLACES, money=True))
    except DomainError as error:
        if error.code == "amount.too_many_decimals":
            raise DomainError("rate.too_many_decimals", most=4, **error.params) from None
        raise


def format_rate(value: Decimal) -> str:
    """A rate for display: 1.90, 1.2345, 2,000.00 (the decimals it keeps, two at least)."""
    shown = rate_value(value)
    places = max(decimal_places(shown), 2)
    return f"{shown:,.{places}f}"


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
