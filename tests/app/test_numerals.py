"""Chinese capital numerals (大写金额) of amounts, table-driven: 零 placement, 角 and 分, 整,
zero, large amounts, and what is refused. Expected spellings follow the rules for filling
in bills and settlement vouchers (their own examples are marked)."""

from decimal import Decimal

import pytest

from app.domain.errors import DomainError
from app.domain.numerals import capital_amount

CASES = [
    # the example: 角 without 分 ends in 整
    ("1269.60", "壹仟贰佰陆拾玖元陆角整"),
    # 整 after 元
    ("1.00", "壹元整"),
    ("190.00", "壹佰玖拾元整"),
    ("5", "伍元整"),
    # zero
    ("0", "零元整"),
    ("0.00", "零元整"),
    # under one yuan: no 元, no leading 零
    ("0.50", "伍角整"),
    ("0.05", "伍分"),
    ("0.65", "陆角伍分"),
    # 分 present: no 整
    ("170.05", "壹佰柒拾元零伍分"),
    ("89.51", "捌拾玖元伍角壹分"),
    # 壹 before 拾
    ("10.00", "壹拾元整"),
    ("16.00", "壹拾陆元整"),  # the rules' example ¥16.00
    ("110000.00", "壹拾壹万元整"),
    ("100010.00", "壹拾万零壹拾元整"),
    # 零 for a zero in the middle (the rules' example ¥1409.50)
    ("1409.50", "壹仟肆佰零玖元伍角整"),
    # one 零 for a run of zeros (the rules' example ¥6007.14)
    ("6007.14", "陆仟零柒元壹角肆分"),
    # 角 zero, 分 not: 零 after 元 (the rules' examples ¥16409.02 and ¥325.04)
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    # 元 digit zero before 角: the shorter of the two allowed forms (rules' example ¥1680.32)
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    # 万 digit zero, 千 not: one 零 in all (the rules' example ¥107000.53, its second form)
    ("107000.53", "壹拾万零柒仟元伍角叁分"),
    # zeros across a group
    ("10700.00", "壹万零柒佰元整"),
    ("1007000.00", "壹佰万零柒仟元整"),
    ("10000.00", "壹万元整"),
    ("20000.10", "贰万元壹角整"),
    # large amounts: 亿, a whole group skipped, the largest accepted
    ("100000000.00", "壹亿元整"),
    ("100000001.00", "壹亿零壹元整"),
    ("100010000.00", "壹亿零壹万元整"),
    ("1000000000.00", "壹拾亿元整"),
    ("1150000.00", "壹佰壹拾伍万元整"),  # seed 001: 每月应收管理费 115 万元
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("amount", "words"), CASES)
def test_capital_numerals(amount, words):
    assert capital_amount(Decimal(amount)) == words


def test_an_int_and_a_string_read_like_the_decimal():
    assert capital_amount(1269) == "壹仟贰佰陆拾玖元整"
    assert capital_amount("1269.6") == "壹仟贰佰陆拾玖元陆角整"


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("-0.01", "numerals.negative"),
        ("-190.00", "numerals.negative"),
        ("100.005", "numerals.too_many_decimals"),  # never rounded to 100.01
        ("1000000000000.00", "numerals.too_large"),
        ("NaN", "numerals.not_a_number"),
        ("Infinity", "numerals.not_a_number"),
    ],
)
def test_refused(amount, code):
    with pytest.raises(DomainError) as caught:
        capital_amount(Decimal(amount))
    assert caught.value.code == code
    assert caught.value.params == {"amount": amount}


def test_a_float_is_refused():
    with pytest.raises(TypeError):
        capital_amount(12.5)  # type: ignore[arg-type]
