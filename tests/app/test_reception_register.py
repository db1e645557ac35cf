"""The register: entries, open items closed by anyone, referrals, caller context with
notices, fees, keys and open work, conversions that keep a link back, the work log."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from app.domain.errors import DomainError, FieldErrors
from app.domain.reception import EntryInput, NoticeInput
from app.domain.units import UnitInput
from app.services.reception import context, notices, queries, register, workorders
from app.services.units import add_resident, create_unit
from app.store.fee_models import BillLine
from app.store.recorder import recorder

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=SH).astimezone(UTC)


@pytest.fixture
def unit(db, estate_id):
    with db.session() as s:
        u = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.5")
        )
        add_resident(s, u, name="张伟", phone="13800138000")
        other = create_unit(
            s, estate_id, UnitInput(building="5栋", entrance="1", room="301", area_m2="70")
        )
        return u.id, u.building_id, other.id


def consult(**values):
    values.setdefault("content", "请问停车卡怎么办理")
    values.setdefault("answer", "带行驶证到前台办理")
    return EntryInput(channel="phone", category="consultation", **values)


def test_entry_saved_and_listed_for_the_day(db, estate_id, unit):
    row = register.save_entry(
        db, estate_id, consult(caller_phone="13800138000", unit_id=unit[0]), "s1", NOW
    )
    assert row.number.startswith("KF261201-") and row.unit == "3栋 2单元 1502"
    assert [r.id for r in register.day_entries(db, estate_id, date(2026, 12, 1))] == [row.id]
    assert register.day_entries(db, estate_id, date(2026, 12, 2)) == []


def test_form_errors_name_each_field_and_nothing_is_saved(db, estate_id):
    with pytest.raises(FieldErrors) as error:
        register.save_entry(
            db,
            estate_id,
            EntryInput(channel="fax", content="", caller_phone="123", open=True),
            "s1",
            NOW,
        )
    assert set(error.value.errors) == {"channel", "content", "caller_phone", "promised_at"}
    with pytest.raises(FieldErrors) as answered:
        register.save_entry(db, estate_id, EntryInput(content="问题"), "s1", NOW)
    assert set(answered.value.errors) == {"answer"}  # answered at once needs the answer
    assert register.day_entries(db, estate_id, date(2026, 12, 1)) == []


def test_referral_stays_open_for_its_taker_and_is_closed_by_another_user(db, estate_id, unit):
    promised = NOW + timedelta(hours=3)
    entry = register.save_entry(
        db,
        estate_id,
        EntryInput(
            category="consultation", content="房产证办理进度？", open=True, promised_at=promised
        ),
        "taker",
        NOW,
    )
    register.refer(db, entry.id, "estate_office", promised, NOW + timedelta(minutes=1))
    mine = register.open_items(db, estate_id, "taker")
    assert [r.id for r in mine] == [entry.id] and mine[0].referred_to == "estate_office"
    assert register.open_items(db, estate_id, "someone_else") == []
    assert register.count_open(db, estate_id, "taker") == 1
    assert mine[0].overdue(promised + timedelta(minutes=1))
    with pytest.raises(FieldErrors):
        register.close_item(db, entry.id, "other_user", "  ", NOW + timedelta(hours=1))
    closed = register.close_item(
        db, entry.id, "other_user", "管理处答复：下周可领取", NOW + timedelta(hours=2)
    )
    assert not closed.is_open and closed.closed_at == NOW + timedelta(hours=2)
    assert closed.answer.endswith("下周可领取")
    assert register.open_items(db, estate_id, "taker") == []
    with db.session() as s:
        from app.store.reception_models import ReceptionEntry

        assert s.get(ReceptionEntry, entry.id).closed_by == "other_user"
        assert s.get(ReceptionEntry, entry.id).received_by == "taker"
    with pytest.raises(DomainError):
        register.close_item(db, entry.id, "other_user", "再次", NOW + timedelta(hours=3))


def test_caller_context_by_phone_and_room_code(db, estate_id, unit):
    unit_id, building_id, other_unit = unit
    with db.session() as s:  # an overdue bill line on the unit
        recorder(s).create(
            BillLine,
            estate_id=estate_id,
            unit_id=unit_id,
            fee_code="management",
            period="2026-10",
            quantity=Decimal("89.50"),
            rate=Decimal("1.90"),
            amount=Decimal("170.05"),
            due_date=date(2026, 10, 5),
            issued_at=NOW - timedelta(days=60),
        )
    notices.save_notice(
        db,
        estate_id,
        NoticeInput(
            "water_cut",
            "3栋停水",
            "3栋今天14:00-18:00停水检修，请提前储水",
            (building_id,),
            NOW - timedelta(hours=1),
            NOW + timedelta(hours=8),
        ),
        "s1",
    )
    notices.save_notice(
        db,
        estate_id,
        NoticeInput(
            "lift_out",
            "5栋电梯维保",
            "5栋电梯维保",
            ("other-building",),
            NOW - timedelta(hours=1),
            NOW + timedelta(hours=8),
        ),
        "s1",
    )
    order = workorders.open_order(
        db,
        estate_id,
        workorders.WorkOrderInput(content="灯坏了", category="electrical", unit_id=unit_id),
        "s1",
        NOW,
    )
    from app.services.reception import keys

    keys.register_key(db, estate_id, unit_id, "K-0001", "s1", NOW, allowed_people=["李四"])
    for typed in ("13800138000", "3-2-1502", "3栋2单元1502", "张伟"):
        found = context.caller_context(db, estate_id, typed, NOW)
        assert found.unit_id == unit_id, typed
        assert found.people[0].name == "张伟"
        assert [t.id for t in found.open_things] == [order]
        assert found.overdue_fees == Decimal("170.05")
        assert [(k.tag, k.state) for k in found.keys] == [("K-0001", "in_cabinet")]
        assert [n.title for n in found.notices] == ["3栋停水"]
        assert "请提前储水" in found.notices[0].script
    later = context.caller_context(db, estate_id, "13800138000", NOW + timedelta(hours=9))
    assert later.notices == ()  # ended
    unknown = context.caller_context(db, estate_id, "13912345678", NOW)
    assert unknown.unit_id is None and unknown.people == ()


def test_entry_becomes_a_work_order_and_a_complaint_with_links_back(db, estate_id, unit):
    entry = register.save_entry(
        db,
        estate_id,
        EntryInput(
            channel="in_person",
            category="repair",
            caller_name="张伟",
            caller_phone="13800138000",
            unit_id=unit[0],
            content="卫生间漏水到楼下，上次修过又漏",
            answer="已派维修并登记投诉",
        ),
        "s1",
        NOW,
    )
    order_id = workorders.order_from_entry(
        db, entry.id, "s1", NOW, category="plumbing", assignee_id="w1"
    )
    complaint_id = register.convert_to_complaint(db, entry.id, "s1", "receptionist", NOW)
    detail = queries.read_order(db, order_id)
    assert detail.reception_id == entry.id
    assert detail.row.content == entry.content and detail.row.contact_phone == "13800138000"
    linked = register.read_entry(db, entry.id)
    assert linked.work_order_ids == (order_id,) and linked.complaint_ids == (complaint_id,)
    assert linked.content == "卫生间漏水到楼下，上次修过又漏"  # nothing typed is lost
    with db.session() as s:
        from app.store.complaint_models import Complaint

        complaint = s.get(Complaint, complaint_id)
        assert complaint.reception_id == entry.id and complaint.content == entry.content


def test_work_log_day_reviewed_by_the_team_lead(db, estate_id):
    day = date(2026, 12, 1)
    register.save_entry(db, estate_id, consult(), "s1", NOW)
    register.save_entry(db, estate_id, consult(content="快递放哪里"), "s2", NOW)
    notices.save_notes(db, estate_id, "s1", day, "上午接待8人，下午巡楼")
    page = notices.work_log(db, estate_id, "s1", day)
    assert len(page.entries) == 1 and page.notes == "上午接待8人，下午巡楼"
    with pytest.raises(DomainError):
        notices.review_day(db, estate_id, "s1", day, "s9", "receptionist", "好", NOW)
    with pytest.raises(DomainError):
        notices.review_day(db, estate_id, "s1", day, "s1", "team_lead", "好", NOW)
    reviewed = notices.review_day(
        db, estate_id, "s1", day, "lead", "team_lead", "记录完整", NOW + timedelta(hours=8)
    )
    assert reviewed.reviewed_at == NOW + timedelta(hours=8) and reviewed.review_remark == "记录完整"


def test_notice_checks_and_list(db, estate_id):
    with pytest.raises(FieldErrors) as error:
        notices.save_notice(db, estate_id, NoticeInput("x", "", "", (), NOW, NOW), "s1")
    assert set(error.value.errors) == {"kind", "title", "script", "ends_at"}
    n = notices.save_notice(
        db,
        estate_id,
        NoticeInput(
            "power_cut", "全小区停电", "今晚22点至24点停电", (), NOW, NOW + timedelta(hours=14)
        ),
        "s1",
    )
    rows = notices.notices(db, estate_id, NOW + timedelta(minutes=1))
    assert [(r.notice.id, r.active, r.buildings) for r in rows] == [(n.id, True, ())]
    notices.end_notice(db, n.id)
    assert notices.notices(db, estate_id, NOW) == []
