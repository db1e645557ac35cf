"""Chinese capital numerals for amounts of money (大写金额), as receipts and other financial
documents in China write the total beside the figures: 1269.60 -> 壹仟贰佰陆拾玖元陆角整.

The rules followed (those for filling in bills and settlement vouchers):
- digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside each group of four digits, groups 万 and 亿;
- 壹 is always written before 拾 (10 -> 壹拾元整, 110 000 -> 壹拾壹万元整);
- one 零 stands for each run of zeros between two written digits of the yuan, also across
  万 and 亿, as the number is read aloud (6007.14 -> 陆仟零柒元壹角肆分, 107 000.53 ->
  壹拾万零柒仟元伍角叁分, 100 000 001 -> 壹亿零壹元整); trailing zeros get none;
- a zero 元 digit before a written 角 gets no 零, the 元 marks the place (1680.32 ->
  壹仟陆佰捌拾元叁角贰分). The rules allow one 零 there as well; this module always writes
  the form above, so an amount has exactly one spelling;
- 角 zero with 分 not zero writes 零 after 元 (16409.02 -> 壹万陆仟肆佰零玖元零贰分);
- 整 ends an amount without 分 (after 元 or 角); an amount with 分 has no 整;
- under one yuan the 元 is left out (0.50 -> 伍角整, 0.05 -> 伍分); zero is 零元整.

The amount must already be in yuan and fen: a third decimal, a negative amount or one of
a trillion yuan or more is refused, never rounded.
"""

from __future__ import annotations

from decimal import Decimal

from app.domain.errors import DomainError
from app.domain.money import to_decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_GROUP = ("", "拾", "佰", "仟")  # units inside a group of four digits, lowest first
_GROUPS = ("", "万", "亿")  # one group of four digits each, lowest first
LIMIT = Decimal("1000000000000")  # 万亿: beyond what a receipt of an estate carries


def capital_amount(amount: Decimal | int | str) -> str:
    """The amount in Chinese capital numerals, e.g. ``Decimal("1269.60")`` -> 壹仟贰佰陆拾玖元陆角整."""
    value = to_decimal(amount)
    if not value.is_finite():
        raise DomainError("numerals.not_a_number", amount=str(value))
    if value < 0:
        raise DomainError("numerals.negative", amount=str(value))
    if value != value.quantize(Decimal("0.01")):
        raise DomainError("numerals.too_many_decimals", amount=str(value))
    if value >= LIMIT:
        raise DomainError("numerals.too_large", amount=str(value))
    fen_total = int(value * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    if fen_total == 0:
        return "零元整"
    text = _integer(yuan) + "元" if yuan else ""
    if jiao:
        text += DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"  # 角 zero between 元 and 分
    if fen:
        return text + DIGITS[fen] + "分"
    return text + "整"


def _integer(number: int) -> str:
    """A positive whole number of yuan, without the 元."""
    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    out = ""
    zero_pending = False  # zeros seen since the last written digit
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(out)
            continue
        for place in range(3, -1, -1):
            digit = group // 10**place % 10
            if digit == 0:
                zero_pending = zero_pending or bool(out)
                continue
            if zero_pending:
                out += "零"
                zero_pending = False
            out += DIGITS[digit] + _IN_GROUP[place]
        out += _GROUPS[index]
        # zeros below this group's lowest written digit are pending for the next group
        zero_pending = group % 10 == 0
    return out
