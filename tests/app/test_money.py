"""Money: explicit half-up rounding, fen storage, exact apportionment."""

from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.money import apportion, format_yuan, from_fen, round_yuan, to_fen


def test_round_yuan_is_half_up_unless_told_otherwise():
    assert round_yuan(Decimal("1.005")) == Decimal("1.01")
    assert round_yuan(Decimal("1.015")) == Decimal("1.02")
    assert round_yuan(Decimal("-1.005")) == Decimal("-1.01")
    assert round_yuan(Decimal("2.675")) == Decimal("2.68")  # a float would give 2.67
    assert round_yuan(Decimal("1.005"), ROUND_HALF_EVEN) == Decimal("1.00")
    assert round_yuan("3") == Decimal("3.00")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        round_yuan(1.005)


def test_fen_round_trip_and_no_silent_rounding():
    assert to_fen(Decimal("1234.56")) == 123456
    assert from_fen(123456) == Decimal("1234.56")
    with pytest.raises(ValueError):
        to_fen(Decimal("0.001"))


def test_format_yuan():
    assert format_yuan(Decimal("1234.5")) == "¥1,234.50"
    assert format_yuan(Decimal("-1240")) == "-¥1,240.00"
    assert format_yuan(Decimal("0")) == "¥0.00"


def test_apportion_known_case():
    # 100.00 yuan shared by three equal areas: one fen goes to the first
    assert apportion(Decimal("100.00"), [Decimal(1)] * 3) == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]
    assert apportion(Decimal("500"), [Decimal("89.50"), Decimal("120.25")]) == [
        Decimal("213.35"),
        Decimal("286.65"),
    ]


fen = st.integers(min_value=-(10**9), max_value=10**9).map(from_fen)
areas = st.lists(
    st.integers(min_value=1, max_value=10**6).map(lambda h: Decimal(h) / 100),
    min_size=1,
    max_size=60,
)


@given(fen, areas)
def test_apportion_parts_sum_exactly_and_stay_within_a_fen_of_the_share(total, weights):
    parts = apportion(total, weights)
    assert sum(parts, Decimal(0)) == total
    assert len(parts) == len(weights)
    whole = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        assert part == part.quantize(Decimal("0.01"))
        assert abs(part - total * weight / whole) < Decimal("0.01")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("170.05", "170.05"),
        ("  12 ", "12.00"),
        ("¥1,234.56", "1234.56"),
        ("￥1,234.5", "1234.50"),
        ("1,234,567.00元", "1234567.00"),
        ("１２３４．５６", "1234.56"),  # full-width, as an input method types them
        ("１，２３４．５", "1234.50"),
        ("-20", "-20.00"),
        ("-¥20.00", "-20.00"),
        ("12.", "12.00"),
        (".5", "0.50"),
        ("100.00", "100.00"),
    ],
)
def test_parse_money_reads_what_people_type(typed, expected):
    from app.domain.money import parse_money

    value = parse_money(typed)
    assert value == Decimal(expected) and str(value) == expected


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("100.005", DomainError("amount.too_many_decimals", places=3)),
        ("1.2345", DomainError("amount.too_many_decimals", places=4)),
        ("１．００５", DomainError("amount.too_many_decimals", places=3)),
        ("", DomainError("amount.required")),
        ("¥", DomainError("amount.required")),
        ("ten", DomainError("amount.not_a_number")),
        ("2,10", DomainError("amount.not_a_number")),  # a decimal comma is not guessed at
        ("1,23,456", DomainError("amount.not_a_number")),
        ("1e3", DomainError("amount.not_a_number")),
        ("NaN", DomainError("amount.not_a_number")),
        ("1.2.3", DomainError("amount.not_a_number")),
        ("--5", DomainError("amount.not_a_number")),
    ],
)
def test_parse_money_refuses_and_never_rounds(typed, error):
    from app.domain.money import parse_money

    with pytest.raises(DomainError) as raised:
        parse_money(typed)
    assert raised.value == error


def test_parse_number_keeps_its_places():
    from app.domain.money import parse_number

    assert parse_number("0.0003", 4) == Decimal("0.0003")
    assert parse_number("０．７", 2) == Decimal("0.70")
    with pytest.raises(DomainError) as raised:
        parse_number("0.00035", 4)
    assert raised.value == DomainError("number.too_many_decimals", places=5, most=4)


def test_to_fen_refuses_a_third_decimal_with_a_code():
    with pytest.raises(DomainError) as raised:
        to_fen(Decimal("100.005"))
    assert raised.value == DomainError("amount.too_many_decimals", places=3)
