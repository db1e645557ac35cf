"""Values the server cannot store are refused on the desk, through the services a user
calls, with a message naming the field; nothing is saved and nothing is queued.

Issue 12 "Never wedged": a floor of 3,000,000,000, a 72-character building name, a NUL,
NaN / Infinity / 1e30 as an area or an amount, integers beyond 64 bits and lone
surrogates were each kept by the desk, refused by the server (or a 500 before) and sat
at the head of the outbox. The desk and the server now apply one set of limits
(app.domain.limits, read per column from the models by app.store.limits); the last
tests hold the desk's answers to the server's push validation for every synced column.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain import limits
from app.domain.complaints import ComplaintInput
from app.domain.errors import DomainError, FieldErrors
from app.domain.money import parse_money, parse_rate
from app.domain.reception import EntryInput, VisitorInput
from app.domain.units import (
    MAX_BUILDING,
    MAX_ENTRANCE,
    MAX_ROOM,
    NAME_MAX,
    UnitInput,
    unit_errors,
)
from app.services import complaints as cs
from app.services.fees import counter
from app.services.reception import register, visitors, workorders
from app.services.reception.workorders import WorkOrderInput
from app.services.units import add_resident, create_unit, update_resident, update_unit
from app.services.units.operations import save_resident, save_unit
from app.store.base import SYNCED_TABLES
from app.store.complaint_models import Complaint
from app.store.fee_models import Payment
from app.store.limits import model_limits
from app.store.models import Building, Resident, SyncOutbox, Unit
from app.store.reception_models import ReceptionEntry, Visitor, WorkOrder
from app.store.recorder import recorder

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
LONE = "\ud800"  # a lone surrogate: what a broken paste or a bad file can hand a field


def counts(db, *models) -> tuple[int, ...]:
    """Rows of each model and the changes waiting to go up."""
    with db.session() as s:
        rows = [s.scalar(select(func.count()).select_from(m)) for m in models]
        return (*rows, s.scalar(select(func.count()).select_from(SyncOutbox)))


@pytest.fixture
def unit_id(db, estate_id):
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.50")
        )
        add_resident(s, unit, name="张伟", phone="13800138000")
        return unit.id


def good_unit(**typed) -> UnitInput:
    return UnitInput(**{"building": "5栋", "entrance": "1", "room": "301", "area_m2": "70"} | typed)


# ---- units and buildings ----

BAD_UNITS = [
    ("floor", {"floor": "3000000000"}, "unit.floor.out_of_range"),
    ("floor", {"floor": str(2**64)}, "unit.floor.out_of_range"),
    ("floor", {"floor": str(-(2**31) - 1)}, "unit.floor.out_of_range"),
    ("building", {"building": "楼" * 72}, "text.too_long"),
    ("building", {"building": "A" * (MAX_BUILDING + 1)}, "text.too_long"),
    ("building", {"building": "3栋" + LONE}, "text.invalid"),
    ("building", {"building": "3\x00栋"}, "text.control_character"),
    ("entrance", {"entrance": "1" * (MAX_ENTRANCE + 1)}, "text.too_long"),
    ("entrance", {"entrance": "1\x00"}, "text.control_character"),
    ("room", {"room": "15\x0002"}, "text.control_character"),
    ("room", {"room": LONE}, "text.invalid"),
    ("room", {"room": "1" * (MAX_ROOM + 1)}, "unit.room.too_long"),
    ("area_m2", {"area_m2": "NaN"}, "unit.area.not_positive"),
    ("area_m2", {"area_m2": "sNaN"}, "unit.area.not_positive"),
    ("area_m2", {"area_m2": "Infinity"}, "unit.area.too_large"),
    ("area_m2", {"area_m2": "-Infinity"}, "unit.area.not_positive"),
    ("area_m2", {"area_m2": "1e30"}, "unit.area.too_large"),
]


@pytest.mark.parametrize(("field", "typed", "code"), BAD_UNITS)
def test_a_new_unit_the_server_cannot_store_is_refused_and_nothing_is_kept(
    db, estate_id, unit_id, field, typed, code
):
    assert unit_errors(good_unit(**typed))[field].code == code  # the form says it as typed
    before = counts(db, Unit, Building)
    with db.session() as s, pytest.raises(FieldErrors) as refused:
        create_unit(s, estate_id, good_unit(**typed))
    assert refused.value.errors[field].code == code
    with pytest.raises(FieldErrors):  # the operation the unit page calls
        save_unit(db, estate_id, None, good_unit(**typed))
    assert counts(db, Unit, Building) == before  # no unit, no building, nothing queued


@pytest.mark.parametrize(("field", "typed", "code"), BAD_UNITS)
def test_an_edit_the_server_cannot_store_is_refused_and_the_unit_is_unchanged(
    db, estate_id, unit_id, field, typed, code
):
    before = counts(db, Unit, Building)
    with pytest.raises(FieldErrors) as refused:
        save_unit(db, estate_id, unit_id, good_unit(**typed))
    assert refused.value.errors[field].code == code
    with db.session() as s, pytest.raises(FieldErrors):
        update_unit(s, s.get(Unit, unit_id), good_unit(**typed))
    assert counts(db, Unit, Building) == before
    with db.session() as s:
        assert s.get(Unit, unit_id).room == "1502"


def test_the_limits_themselves_are_accepted(db, estate_id):
    edge = good_unit(
        building="B" * MAX_BUILDING,
        entrance="9" * MAX_ENTRANCE,
        room="1" * MAX_ROOM,
        floor=str(2**31 - 1),
        area_m2="100000.00",
    )
    assert unit_errors(edge) == {}
    with db.session() as s:
        unit = create_unit(s, estate_id, edge)
        assert unit.floor == 2**31 - 1 and unit.area_m2 == Decimal("100000.00")
    assert unit_errors(good_unit(floor=str(-(2**31)))) == {}


# ---- residents ----


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"name": "张" * (NAME_MAX + 1)}, "name", "text.too_long"),
        ({"name": "张\x00伟"}, "name", "text.control_character"),
        ({"name": LONE}, "name", "text.invalid"),
        ({"name": "李娜", "note": "钥匙在\x00物业"}, "note", "text.control_character"),
        ({"name": "李娜", "note": "备注" + LONE}, "note", "text.invalid"),
    ],
)
def test_a_resident_the_server_cannot_store_is_refused(db, unit_id, values, field, code):
    before = counts(db, Resident)
    with pytest.raises(FieldErrors) as refused:
        save_resident(db, unit_id, None, {"role": "tenant", **values})
    assert refused.value.errors[field].code == code
    assert counts(db, Resident) == before
    with db.session() as s:
        owner = s.scalars(select(Resident).where(Resident.unit_id == unit_id)).one()
        with pytest.raises(FieldErrors):
            update_resident(s, owner, **values)
    assert counts(db, Resident) == before


def test_a_note_keeps_its_lines_and_tabs(db, unit_id):
    row = save_resident(db, unit_id, None, {"name": "李娜", "note": "第一行\n第二行\t完"})
    assert row.note == "第一行\n第二行\t完"


# ---- reception: register entries, visitors, work orders ----


def consult(**values) -> EntryInput:
    values.setdefault("content", "请问停车卡怎么办理")
    values.setdefault("answer", "带行驶证到前台办理")
    return EntryInput(channel="phone", category="consultation", **values)


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"content": "漏水\x00"}, "content", "value.invalid_text"),
        ({"answer": "好的" + LONE}, "answer", "value.invalid_text"),
        ({"caller_name": "王" * 101}, "caller_name", "value.too_long"),
    ],
)
def test_a_register_entry_the_server_cannot_store_is_refused(db, estate_id, values, field, code):
    before = counts(db, ReceptionEntry)
    with pytest.raises(FieldErrors) as refused:
        register.save_entry(db, estate_id, consult(**values), "s1", NOW)
    assert refused.value.errors[field].code == code
    assert refused.value.errors[field].params["field"] == field
    assert counts(db, ReceptionEntry) == before


def test_a_visitor_the_server_cannot_store_is_refused(db, estate_id):
    before = counts(db, Visitor)
    with pytest.raises(FieldErrors) as refused:
        visitors.check_in(db, estate_id, VisitorInput(name="刘洋", purpose="探" * 201), "d", NOW)
    assert refused.value.errors["purpose"] == DomainError(
        "value.too_long", field="purpose", max=200, length=201
    )
    with pytest.raises(FieldErrors) as refused:
        visitors.check_in(db, estate_id, VisitorInput(name="刘\x00洋", purpose="探亲"), "d", NOW)
    assert refused.value.errors["name"].code == "value.invalid_text"
    assert counts(db, Visitor) == before


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"paid": True, "price": Decimal("NaN")}, "price", "value.not_finite"),
        ({"paid": True, "price": Decimal("Infinity")}, "price", "value.not_finite"),
        ({"paid": True, "price": Decimal("1e30")}, "price", "value.out_of_range"),
        ({"location": "地" * 201}, "location", "value.too_long"),
        ({"content": "水管\x00爆裂"}, "content", "value.invalid_text"),
        ({"contact_name": LONE}, "contact_name", "value.invalid_text"),
    ],
)
def test_a_work_order_the_server_cannot_store_is_refused(
    db, estate_id, unit_id, values, field, code
):
    if values.get("paid"):
        values |= {"slot_start": NOW, "slot_end": NOW.replace(hour=4)}
    data = replace(
        WorkOrderInput(unit_id=unit_id, content="厨房漏水", category="plumbing"), **values
    )
    before = counts(db, WorkOrder)
    with pytest.raises(FieldErrors) as refused:
        workorders.open_order(db, estate_id, data, "desk", NOW)
    assert refused.value.errors[field].code == code
    assert counts(db, WorkOrder) == before


# ---- complaints ----


def complaint(**overrides) -> ComplaintInput:
    values = dict(
        complainant_name="王秀英",
        complainant_phone="13800138000",
        content="楼上卫生间漏水",
        request="尽快维修",
        category="repair",
        severity="minor",
        department="engineering",
    )
    return ComplaintInput(**(values | overrides))


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"content": "漏水\x00"}, "content", "value.invalid_text"),
        ({"request": LONE}, "request", "value.invalid_text"),
        ({"about": "关于" * 101}, "about", "value.too_long"),
        ({"complainant_name": "王" * 101}, "complainant_name", "value.too_long"),
    ],
)
def test_a_complaint_the_server_cannot_store_is_refused(db, estate_id, values, field, code):
    before = counts(db, Complaint)
    with db.session() as s, pytest.raises(FieldErrors) as refused:
        cs.create_complaint(s, estate_id, complaint(**values), received_at=NOW, staff_id="u1")
    assert refused.value.errors[field].code == code
    assert counts(db, Complaint) == before


def test_a_complaint_step_note_the_server_cannot_store_is_refused(db, estate_id):
    with db.session() as s:
        cid = cs.create_complaint(s, estate_id, complaint(), received_at=NOW, staff_id="u1").id
    before = counts(db, Complaint)
    with db.session() as s, pytest.raises(FieldErrors) as refused:
        cs.add_event(
            s, cid, "dispatched", at=NOW, note="派\x00单", data={"department": "engineering"}
        )
    assert refused.value.errors["note"].code == "value.invalid_text"
    assert counts(db, Complaint) == before


# ---- inspections ----


def test_an_inspection_note_the_server_cannot_store_is_refused(db, estate_id):
    from app.services.accounts import create_staff
    from app.services.inspections import run, templates
    from app.services.inspections.common import Target
    from app.store.inspection_models import InspectionAnswer

    with db.session() as s:
        inspector = create_staff(
            s,
            login="zhou",
            display_name="周主管",
            role="admin",
            password="correct horse",
            estate_ids=[estate_id],
        ).id
    templates.ensure_default_templates(db, estate_id, NOW)
    tpl = {t.code: t for t in templates.list_templates(db, estate_id)}["quality.cleaning"]
    iid = run.start(db, tpl.id, Target("area", "", "南区"), inspector, NOW)
    before = counts(db, InspectionAnswer)
    for note in ("垃圾\x00", "垃圾" + LONE):
        with pytest.raises(FieldErrors) as refused:
            run.answer(db, iid, "lanes", inspector, NOW, note=note)
        assert refused.value.errors["note"].code == "value.invalid_text"
    assert counts(db, InspectionAnswer) == before
    run.answer(db, iid, "lanes", inspector, NOW, note="垃圾")  # and a good one is kept
    assert counts(db, InspectionAnswer)[0] == before[0] + 1


# ---- fees ----


@pytest.mark.parametrize("typed", ["9" * 30, "1e30", "NaN", "Infinity", Decimal("1e30")])
def test_a_payment_the_server_cannot_store_is_refused(db, unit_id, typed):
    before = counts(db, Payment)
    with pytest.raises(DomainError) as refused:
        counter.take_payment(db, unit_id, typed, "cash", "", "x")
    assert refused.value.code != "error.unexpected"
    assert counts(db, Payment) == before


def test_a_payer_the_server_cannot_store_is_refused(db, unit_id):
    before = counts(db, Payment)
    with pytest.raises(FieldErrors) as refused:
        counter.take_payment(db, unit_id, "10", "wechat", "李" * 101, "x")
    assert refused.value.errors["payer"].code == "value.too_long"
    with pytest.raises(FieldErrors) as refused:
        counter.take_payment(db, unit_id, "10", "wechat", "李娜", "x", note="备\x00注")
    assert refused.value.errors["note"].code == "value.invalid_text"
    assert counts(db, Payment) == before


def test_typed_numbers_too_large_for_any_column_are_refused_in_words():
    for parse in (parse_money, parse_rate):
        with pytest.raises(DomainError) as refused:
            parse("9" * 30)
        assert refused.value.code == "number.too_large"
    assert parse_money("92233720368547758.07") == Decimal("92233720368547758.07")
    with pytest.raises(DomainError):
        parse_money("92233720368547758.08")


# ---- the recorder: nothing reaches the outbox that the server would refuse ----


@pytest.mark.parametrize(
    ("model", "values", "field", "code"),
    [
        (Building, {"name": "楼" * 72}, "name", "value.too_long"),
        (Building, {"name": "3栋", "sort_key": 3_000_000_000}, "sort_key", "value.out_of_range"),
        (Building, {"name": "3\x00栋"}, "name", "value.invalid_text"),
        (Unit, {"area_m2": Decimal("NaN")}, "area_m2", "value.not_finite"),
        (Unit, {"area_m2": Decimal("1e30")}, "area_m2", "value.out_of_range"),
        (Unit, {"area_m2": Decimal("1.005")}, "area_m2", "value.too_many_decimals"),
        (Unit, {"floor": 2**64}, "floor", "value.out_of_range"),
        (Unit, {"room": LONE}, "room", "value.invalid_text"),
    ],
)
def test_the_recorder_refuses_what_the_server_cannot_store(
    db, estate_id, unit_id, model, values, field, code
):
    before = counts(db, Unit, Building)
    with db.session() as s, pytest.raises(FieldErrors) as refused:
        if model is Unit:
            recorder(s).update(s.get(Unit, unit_id), **values)
        else:
            recorder(s).create(model, estate_id=estate_id, **values)
    assert refused.value.errors[field].code == code
    assert counts(db, Unit, Building) == before


def test_messages_name_the_field_in_both_languages():
    pytest.importorskip("PySide6")
    from ui.messages import describe

    error = FieldErrors(
        {"caller_name": DomainError("value.too_long", field="caller_name", max=100, length=101)}
    )
    assert describe(error, "en") == "Caller: at most 100 characters (this has 101)"
    assert describe(error, "zh_CN") == "来电人：最多 100 个字符（现有 101 个）"
    odd = DomainError("value.invalid_text", field="some_column")
    assert describe(odd, "en").startswith("some_column: ")


# ---- one set of limits: the desk's and the server's answers agree for every column ----


def test_the_forms_lengths_are_the_columns_lengths():
    assert model_limits(Building)["name"].length == MAX_BUILDING
    assert model_limits(Unit)["entrance"].length == MAX_ENTRANCE
    assert model_limits(Unit)["room"].length == MAX_ROOM
    assert model_limits(Resident)["name"].length == NAME_MAX
    assert model_limits(Unit)["area_m2"] == limits.HUNDREDTHS
    assert model_limits(Payment)["amount"] == limits.HUNDREDTHS
    from app.store.fee_models import FeeItem

    assert model_limits(FeeItem)["rate"] == limits.TEN_THOUSANDTHS
    assert model_limits(Unit)["floor"] == limits.Limit(limits.INTEGER, low=-(2**31), high=2**31 - 1)


def _samples(limit: limits.Limit) -> list:
    """Values at and just past a column's limits, as a change carries them."""
    if limit.kind == limits.TEXT:
        fits = "字" * (limit.length or 500)
        return ["", fits, fits + "字" if limit.length else fits, "a\x00", LONE, "ok"]
    if limit.kind == limits.INTEGER:
        return [0, limit.low, limit.high, limit.low - 1, limit.high + 1, 2**64, -(2**64)]
    if limit.kind == limits.SCALED:
        most = limits.largest(limit)
        step = Decimal(1).scaleb(-limit.places)
        return [
            "0",
            str(most),
            str(-most),
            str(most + step),
            "NaN",
            "Infinity",
            "-Infinity",
            "1e30",
            str(step / 10 + 1),
        ]
    if limit.kind == limits.JSON:
        deep: list = []
        for _ in range(40):
            deep = [deep]
        return [{"a": 1}, deep, {"a": float("nan")}, [2**64], {"k": "\x00"}, {LONE: 1}, "x"]
    return []


def test_the_desk_refuses_exactly_what_the_servers_push_validation_refuses():
    from app.store.apply import wire_types
    from sync.server.validate import _value_problem

    compared = 0
    for table, model in sorted(SYNCED_TABLES.items()):
        types = wire_types(model)
        columns = model.__table__.c
        for name, limit in model_limits(model).items():
            if name in ("id", "estate_id"):
                continue
            for wire in _samples(limit):
                desk_value = Decimal(wire) if limit.kind == limits.SCALED else wire
                desk = limits.value_problem(limit, desk_value, name)
                server = _value_problem(columns[name].type, types[name], wire)
                assert (desk is None) == (server is None), (
                    table,
                    name,
                    repr(wire)[:40],
                    desk,
                    server,
                )
                compared += 1
    assert compared > 1000
