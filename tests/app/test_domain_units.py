"""Unit codes, masking and the messages a user sees for bad unit or resident input."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import FieldErrors
from app.domain.units import (
    UnitInput,
    building_short,
    mask_id_number,
    mask_phone,
    normalise_search,
    unit_code,
    unit_short_code,
    validate_resident,
    validate_unit,
)


@pytest.mark.parametrize(
    "building, entrance, room, full, short",
    [
        ("3栋", "2", "1502", "3栋 2单元 1502", "3-2-1502"),
        ("3栋", "", "1502", "3栋 1502", "3-1502"),
        ("12号楼", "1", "0801", "12栋 1单元 0801", "12-1-0801"),
        ("A座", "", "101", "A座 101", "A-101"),
    ],
)
def test_unit_codes(building, entrance, room, full, short):
    assert unit_code(building, entrance, room) == full
    assert unit_short_code(building, entrance, room) == short


@pytest.mark.parametrize(
    "typed, normalised",
    [
        ("3-1502", "3-1502"),
        ("3栋1502", "3-1502"),
        ("3栋 2单元 1502", "3-2-1502"),
        ("3号楼2单元1502室", "3-2-1502"),
        ("３栋１５０２", "3-1502"),
        ("  张伟  ", "张伟"),
        ("张伟   1502", "张伟 1502"),
        ("1502", "1502"),
    ],
)
def test_search_text_is_normalised_to_the_indexed_form(typed, normalised):
    assert normalise_search(typed) == normalised


def test_building_short():
    assert [building_short(b) for b in ("3栋", "12号楼", "A座", "5幢", "7")] == [
        "3",
        "12",
        "A",
        "5",
        "7",
    ]


def test_masking():
    assert mask_phone("13800138001") == "138****8001"
    assert mask_phone("123") == "123"
    assert mask_id_number("440301199001011234") == "4403**********1234"
    assert mask_id_number("12345") == "*****"


@given(st.text(alphabet="0123456789X", min_size=8, max_size=20))
def test_masked_id_keeps_length_and_hides_the_middle(id_number):
    masked = mask_id_number(id_number)
    assert len(masked) == len(id_number)
    assert masked[:4] == id_number[:4] and masked[-4:] == id_number[-4:]
    assert set(masked[4:-4]) <= {"*"}


def _words(errors):
    from ui.messages import describe

    return {name: describe(error, "en") for name, error in errors.items()}


def _errors(**typed):
    with pytest.raises(FieldErrors) as refused:
        validate_unit(UnitInput(**{"building": "3栋", "room": "1502", "area_m2": "89.5", **typed}))
    return _words(refused.value.errors)


def test_valid_unit_is_parsed():
    values = validate_unit(
        UnitInput(
            building=" 3栋 ",
            entrance="2",
            room="1502",
            floor="15",
            area_m2="89.5",
            handover_date="2019-06-30",
        )
    )
    assert values.building == "3栋" and values.floor == 15
    assert values.area_m2 == Decimal("89.50") and values.handover_date == date(2019, 6, 30)


def test_unit_validation_messages():
    assert _errors(area_m2="-5") == {"area_m2": "Area must be greater than 0"}
    assert _errors(area_m2="0") == {"area_m2": "Area must be greater than 0"}
    assert _errors(area_m2="abc") == {"area_m2": "Area must be a number of m², e.g. 89.50"}
    assert _errors(area_m2="89.555") == {"area_m2": "Area has at most two decimals, e.g. 89.50"}
    assert _errors(area_m2="100000.01") == {"area_m2": "Area is too large (at most 100000 m²)"}
    assert _errors(room="1" * 21) == {"room": "Room number is at most 20 characters"}
    assert _errors(area_m2="NaN") == {"area_m2": "Area must be greater than 0"}
    assert _errors(room="") == {"room": "Room number is required"}
    assert _errors(building="  ") == {"building": "Building is required"}
    assert _errors(floor="15F") == {"floor": "Floor must be a whole number, e.g. 15 or -1"}
    assert _errors(kind="villa") == {"kind": "Kind is residential or commercial"}
    assert _errors(handover_date="2019/13/45") == {
        "handover_date": "Date must be YYYY-MM-DD, e.g. 2024-06-30"
    }
    both = _errors(room="", area_m2="-1")
    assert set(both) == {"room", "area_m2"}  # every problem at once, not one at a time


def test_resident_validation_messages():
    assert validate_resident("张伟", "13800138001", "owner") == {}
    assert validate_resident("张伟", "0755-12345678", "tenant") == {}
    assert _words(validate_resident(" ", "", "owner")) == {"name": "Name is required"}
    assert validate_resident("张伟", "12345", "owner")["phone"].code == "resident.phone.invalid"
    assert "mobile number" in _words(validate_resident("张伟", "12345", "owner"))["phone"]
    assert "co-owner" in _words(validate_resident("张伟", "", "boss"))["role"]
    assert "6 to 20" in _words(validate_resident("张伟", "", "owner", "12-34"))["id_number"]
