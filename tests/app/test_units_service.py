"""Units and residents: search in every form a desk clerk types, and the list order."""

import uuid
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.domain.errors import DomainError, FieldErrors
from app.domain.units import UnitInput
from app.services.units import (
    UnitQuery,
    add_resident,
    building_tree,
    count_units,
    create_unit,
    delete_resident,
    delete_unit,
    page_units,
    residents_of,
    unit_input,
    update_resident,
    update_unit,
)
from app.store.ids import natural_id
from app.store.models import Unit
from app.store.unit_search import search_index_deferred


@pytest.fixture
def estate(db, estate_id):
    """A small estate: 3栋 (two entrances), 13栋, 2栋, 12号楼, with owners."""
    people = {
        ("3栋", "1", "1502"): [("张伟", "13800138001")],
        ("3栋", "2", "1502"): [("李娜", "13900139002"), ("王晓东", "13700137003")],
        ("3栋", "1", "201"): [("欧阳娜娜", "13600136004")],
        ("13栋", "1", "1502"): [("王芳", "13500135005")],
        ("2栋", "", "101"): [("陈强", "0755-12345678")],
        ("12号楼", "1", "0801"): [("赵敏", "")],
    }
    with db.session() as s:
        for (building, entrance, room), owners in people.items():
            unit = create_unit(
                s,
                estate_id,
                UnitInput(building=building, entrance=entrance, room=room, area_m2="89.50"),
            )
            for name, phone in owners:
                add_resident(s, unit, name=name, phone=phone)
    return estate_id


def _found(db, estate_id, typed):
    with db.session() as s:
        rows = page_units(s, UnitQuery(estate_id, text=typed), 0, 50)
        assert count_units(s, UnitQuery(estate_id, text=typed)) == len(rows)
        return [r.short_code for r in rows]


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("3-1-1502", ["3-1-1502"]),
        ("3-1502", ["3-1-1502", "3-2-1502"]),  # not 13-1-1502
        ("3栋1502", ["3-1-1502", "3-2-1502"]),
        ("3栋 2单元 1502", ["3-2-1502"]),
        ("3栋2单元1502室", ["3-2-1502"]),
        ("３－１５０２", ["3-1-1502", "3-2-1502"]),  # full-width
        ("13-1502", ["13-1-1502"]),
        ("1502", ["3-1-1502", "3-2-1502", "13-1-1502"]),
        ("12-1-0801", ["12-1-0801"]),
        ("3", ["3-1-201", "3-1-1502", "3-2-1502"]),  # a building number alone
    ],
)
def test_search_by_room_code_in_any_common_form(db, estate, typed, expected):
    assert _found(db, estate, typed) == expected


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("张伟", ["3-1-1502"]),
        ("王晓东", ["3-2-1502"]),
        ("晓东", ["3-2-1502"]),  # the given name alone
        ("王", ["3-2-1502", "13-1-1502"]),  # a surname: co-owners count too
        ("欧阳", ["3-1-201"]),
        ("娜娜", ["3-1-201"]),
        ("李娜 1502", ["3-2-1502"]),  # every word must match
        ("1380013", ["3-1-1502"]),  # a phone fragment
        ("8001", ["3-1-1502"]),
        ("12345678", ["2-101"]),
        ("孙悟空", []),
        ("  ", ["2-101", "3-1-201", "3-1-1502", "3-2-1502", "12-1-0801", "13-1-1502"]),
        ('"3"-', []),  # FTS syntax characters are just text
    ],
)
def test_search_by_name_and_phone(db, estate, typed, expected):
    assert _found(db, estate, typed) == expected


def test_list_order_building_number_entrance_room(db, estate_id):
    with db.session() as s:
        for building, room in [("10栋", "101"), ("2栋", "1001"), ("2栋", "201"), ("A座", "101")]:
            create_unit(s, estate_id, UnitInput(building=building, room=room, area_m2="50"))
        rows = page_units(s, UnitQuery(estate_id), 0, 10)
        assert [r.code for r in rows] == ["2栋 201", "2栋 1001", "10栋 101", "A座 101"]
        assert [r.code for r in page_units(s, UnitQuery(estate_id), 1, 2)] == [
            "2栋 1001",
            "10栋 101",
        ]


def test_deleted_units_vanish_from_list_and_search(db, estate):
    with db.session() as s:
        unit = s.scalar(select(Unit).where(Unit.room == "201"))
        delete_unit(s, unit)
    assert _found(db, estate, "欧阳娜娜") == []
    assert _found(db, estate, "3-1-201") == []
    assert _found(db, estate, "欧") == []
    with db.session() as s:
        assert count_units(s, UnitQuery(estate)) == 5
        tree = {node.name: node.unit_count for node in building_tree(s, estate)}
        assert tree["3栋"] == 2


def test_resident_edits_update_the_search(db, estate):
    with db.session() as s:
        unit = s.scalar(select(Unit).where(Unit.room == "0801"))
        owner = residents_of(s, unit.id)[0]
        update_resident(s, owner, name="赵雅芝", phone="18612345678")
        add_resident(s, unit, name="周杰", phone="13312345678", role="tenant")
    assert _found(db, estate, "赵敏") == []
    assert _found(db, estate, "赵雅芝") == ["12-1-0801"]
    assert _found(db, estate, "周杰") == ["12-1-0801"]
    assert _found(db, estate, "86123") == ["12-1-0801"]
    with db.session() as s:
        tenant = next(r for r in residents_of(s, unit.id) if r.role == "tenant")
        delete_resident(s, tenant)
    assert _found(db, estate, "周杰") == []


def test_list_row_shows_owner_with_masked_phone_and_area(db, estate):
    with db.session() as s:
        (row,) = page_units(s, UnitQuery(estate, text="3-1-1502"), 0, 5)
    assert (row.code, row.owner, row.phone_masked) == ("3栋 1单元 1502", "张伟", "138****8001")
    assert str(row.area_m2) == "89.50" and row.vacant is False


def test_filters_by_building_and_entrance(db, estate):
    with db.session() as s:
        node = next(n for n in building_tree(s, estate) if n.name == "3栋")
        assert node.entrances == ("1", "2") and node.unit_count == 3
        by_building = UnitQuery(estate, building_id=node.id)
        assert count_units(s, by_building) == 3
        only_2 = UnitQuery(estate, building_id=node.id, entrance="2")
        assert [r.short_code for r in page_units(s, only_2, 0, 10)] == ["3-2-1502"]
        searched = UnitQuery(estate, building_id=node.id, text="王")
        assert [r.short_code for r in page_units(s, searched, 0, 10)] == ["3-2-1502"]
        assert count_units(s, searched) == 1


def test_unit_edit_round_trip_and_refusals(db, estate):
    with db.session() as s:
        unit = s.scalar(select(Unit).where(Unit.room == "0801"))
        data = unit_input(s, unit)
        assert (data.building, data.entrance, data.room, data.area_m2) == (
            "12号楼",
            "1",
            "0801",
            "89.50",
        )
        data = replace(data, area_m2="101.25", vacant_since="2024-01-01")
        assert sorted(update_unit(s, unit, data)) == ["area_m2", "vacant_since"]
        assert update_unit(s, unit, data) == []  # nothing changed, nothing recorded
        with pytest.raises(FieldErrors) as refused:
            create_unit(
                s, estate, UnitInput(building="3栋", entrance="1", room="1502", area_m2="9")
            )
        assert refused.value.errors == {"room": DomainError("unit.exists", unit="3栋 1单元 1502")}
    assert _found(db, estate, "12-1-0801") == ["12-1-0801"]


def test_search_index_deferred_rebuilds_touched_and_new_units(db, estate):
    with db.session() as s, search_index_deferred(s) as deferred:
        unit = s.scalar(select(Unit).where(Unit.room == "0801"))
        owner = residents_of(s, unit.id)[0]
        update_resident(s, owner, name="赵雅芝")
        deferred.touch([unit.id])
        created = create_unit(s, estate, UnitInput(building="8栋", room="808", area_m2="80"))
        add_resident(s, created, name="吴彦祖")
    assert _found(db, estate, "赵雅芝") == ["12-1-0801"]
    assert _found(db, estate, "吴彦祖") == ["8-808"]
    with db.session() as s:  # the triggers are back: an ordinary edit is indexed again
        unit = s.scalar(select(Unit).where(Unit.room == "808"))
        add_resident(s, unit, name="郑秀文")
    assert _found(db, estate, "郑秀文") == ["8-808"]


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_natural_ids_are_the_standard_uuid5_of_the_parts(parts):
    # ids already synced between offices must never change with the implementation
    namespace = uuid.UUID("6f1c1d1e-8f43-4d0e-9c1a-5f2b6b1f0a11")
    assert natural_id(*parts) == str(uuid.uuid5(namespace, "\x1f".join(parts)))


def test_a_natural_id_is_the_same_in_every_release():
    bill = natural_id("e1", "bill", "u1", "mgmt_residential", "2026-03")
    assert bill == "47afbdc1-b6fd-501a-93a8-5f653f6b4665"
