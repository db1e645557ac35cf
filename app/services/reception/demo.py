"""Demo rows for every list of the reception desk (`propdesk demo`): register entries of
today and the days before (some open, one past its promise), building notices, work
orders in every state (paid ones billed), visitors (some still in), release slips, keys
(some lent, one overdue), a cabinet count and a reviewed work log."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.reception import EntryInput
from app.services.reception.common import local_day, tz_of
from app.services.reception.paid import bill_paid_order
from app.services.reception.register import create_entry
from app.services.reception.workorders import WorkOrderInput, append_step, create_order
from app.services.units import natural_id
from app.store.models import Building, Resident, StaffUser
from app.store.reception_models import (
    BuildingNotice,
    CustodyKey,
    KeyCount,
    KeyMovement,
    ReleaseSlip,
    Signature,
    Visitor,
    WorkLogDay,
)
from app.store.recorder import recorder

_QUESTIONS = (
    ("consultation", "停车月卡怎么办理？", "携带行驶证和身份证到前台办理，月卡150元"),
    ("consultation", "快递柜在哪里？", "南门保安亭旁，凭取件码取件"),
    ("consultation", "装修需要办理什么手续？", "到前台办理装修备案，需提供施工图纸"),
    ("suggestion", "建议在儿童游乐区加装遮阳棚", "已记录，转管理处研究"),
    ("key", "借用钥匙给家政进屋打扫", "已核实业主身份，登记借出"),
    ("goods_release", "搬家需要开放行条", "已开具放行条"),
    ("paid_service", "想请师傅上门疏通下水道", "有偿服务80元，已预约"),
    ("other", "捡到一个钱包", "已登记，放前台招领"),
)
_REPAIRS = (
    ("plumbing", "厨房水龙头一直滴水"),
    ("electrical", "客厅插座没有电"),
    ("doors_windows", "入户门锁芯卡住打不开"),
    ("water_leak", "楼上漏水，卫生间天花板滴水"),
    ("public_facilities", "单元门禁刷卡没反应"),
    ("lift_entrapment", "3号电梯困人"),
    ("walls_floors", "阳台墙面起皮脱落"),
    ("appliance", "公共走廊灯不亮"),
)
_STAGES = (
    "registered",
    "dispatched",
    "accepted",
    "in_progress",
    "waiting_parts",
    "waiting_owner",
    "overdue",
    "done",
    "done",
    "closed",
    "reopened",
    "chase",
)
_VISITORS = ("刘洋", "陈静", "周杰", "吴敏", "郑强", "孙丽", "马超", "朱婷")
_PLATES = ("粤B12345", "粤B8K216", "", "粤A66D88", "", "湘C23Q91", "", "粤B3Z5L7")


def add_reception_demo(session: Session, estate_id: str, rng: random.Random) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    people = session.execute(
        select(Resident.unit_id, Resident.id, Resident.name, Resident.phone)
        .where(Resident.estate_id == estate_id, Resident.live(), Resident.role == "owner")
        .order_by(Resident.id)
        .limit(200)
    ).all()
    if not people:
        return
    rec = recorder(session)
    staff = session.scalars(
        select(StaffUser.id)
        .where(StaffUser.login.not_like("demo-%"))
        .order_by(StaffUser.id)
        .limit(1)
    ).all()
    desk = staff[0] if staff else ""
    workers, lead = _demo_staff(session, estate_id)
    visitor_id = lead  # the return-visit caller is never the repairer
    tz = tz_of(session, estate_id)
    # ---- the register: today and the last week
    for i in range(36):
        unit_id, resident_id, name, phone = rng.choice(people)
        category, content, answer = rng.choice(_QUESTIONS)
        at = (
            now - timedelta(minutes=rng.randint(5, 60 * 24 * 7))
            if i >= 12
            else now - timedelta(minutes=15 * i + 3)
        )
        is_open = i % 7 == 3
        create_entry(
            session,
            estate_id,
            EntryInput(
                channel=rng.choice(("phone", "phone", "in_person", "wechat", "letter")),
                category="consultation" if is_open else category,
                caller_name=name,
                caller_phone=phone,
                unit_id=unit_id,
                resident_id=resident_id,
                content="房产证什么时候可以领取？" if is_open else content,
                answer="" if is_open else answer,
                open=is_open,
                promised_at=(at + timedelta(hours=3 if i != 3 else 1)) if is_open else None,
                referred_to="estate_office" if is_open else "",
            ),
            desk,
            at,
        )
    # ---- notices
    buildings = session.scalars(
        select(Building.id)
        .where(Building.estate_id == estate_id)
        .order_by(Building.sort_key)
        .limit(3)
    ).all()
    for kind, title, script, where, start, hours in (
        (
            "water_cut",
            "1栋计划停水",
            "1栋今天14:00至18:00二次供水检修停水，请提前储水，给您带来不便敬请谅解。",
            buildings[:1],
            now - timedelta(hours=2),
            8,
        ),
        (
            "lift_out",
            "2栋2号电梯维保",
            "2栋2号电梯今天全天维保，请使用1号电梯。",
            buildings[1:2],
            now - timedelta(hours=1),
            10,
        ),
        (
            "power_cut",
            "全小区计划停电",
            "本周六8:00至12:00供电局线路检修，全小区停电。",
            [],
            now + timedelta(days=3),
            4,
        ),
    ):
        rec.create(
            BuildingNotice,
            estate_id=estate_id,
            kind=kind,
            title=title,
            script=script,
            building_ids=list(where),
            starts_at=start,
            ends_at=start + timedelta(hours=hours),
            created_by=desk,
        )
    # ---- work orders in every state
    for i, stage in enumerate(_STAGES * 2):
        unit_id, _rid, name, phone = people[(i * 7) % len(people)]
        category, content = _REPAIRS[i % len(_REPAIRS)]
        hours_ago = {"overdue": 30, "chase": 6, "registered": 0.2}.get(stage, rng.randint(1, 20))
        created = now - timedelta(hours=hours_ago)
        paid = i % 5 == 2 and stage in ("done", "closed", "accepted")
        slot = (
            (created + timedelta(hours=1), created + timedelta(hours=3)) if paid else (None, None)
        )
        order = create_order(
            session,
            estate_id,
            WorkOrderInput(
                content=content,
                category=category,
                unit_id=unit_id,
                contact_name=name,
                contact_phone=phone,
                paid=paid,
                price=Decimal(rng.choice(("50.00", "80.00", "120.00"))) if paid else None,
                slot_start=slot[0],
                slot_end=slot[1],
            ),
            desk,
            created,
        )
        worker = workers[i % len(workers)]
        _advance(session, order, stage, created, now, desk, worker, visitor_id)
    # ---- visitors and release slips
    for i, name in enumerate(_VISITORS):
        unit_id = people[i * 3 % len(people)][0]
        time_in = now - timedelta(minutes=20 + 45 * i)
        rec.create(
            Visitor,
            estate_id=estate_id,
            name=name,
            id_type="id_card",
            id_number=f"4403{rng.randint(10**12, 10**13 - 1)}{rng.randint(0, 9)}",
            unit_id=unit_id,
            purpose=rng.choice(("探亲", "送货", "装修量房", "访友")),
            plate=_PLATES[i],
            time_in=time_in,
            time_out=None if i % 3 == 0 else time_in + timedelta(minutes=30),
            registered_by=desk,
        )
    for i, items in enumerate(("旧沙发一套、冰箱一台", "装修垃圾两袋", "电脑一台（维修）")):
        rec.create(
            ReleaseSlip,
            estate_id=estate_id,
            number=f"FX{local_day(now, tz):%y%m%d}-{i + 1:05d}",
            unit_id=people[i * 5][0],
            items=items,
            taken_by=rng.choice(("搬家公司王师傅", "业主本人", "快递员")),
            checked_by="保安李",
            issued_at=now - timedelta(hours=i + 1),
            issued_by=desk,
        )
    # ---- keys
    sign = [[[0.1, 0.6], [0.25, 0.3], [0.4, 0.7], [0.55, 0.35], [0.7, 0.6]]]
    key_ids = []
    first = session.scalar(select(func.count()).select_from(CustodyKey)) or 0
    for i in range(16):
        unit_id, _rid, owner, _phone = people[i * 4 % len(people)]
        key = rec.create(
            CustodyKey,
            estate_id=estate_id,
            unit_id=unit_id,
            tag=f"K-{first + i + 1:04d}",
            description=rng.choice(("入户门钥匙", "入户门备用钥匙", "信箱钥匙")),
            hook=f"A{i // 8 + 1}-{i % 8 + 1:02d}",
            undertaking_ref=f"托管承诺书 {i + 1:03d}",
            allowed_people=[owner[0] + "先生家政", "物业维修"],
            valid_from=local_day(now, tz) - timedelta(days=200),
            valid_until=local_day(now, tz) + timedelta(days=165),
        )
        key_ids.append(key.id)
        rec.create(
            KeyMovement,
            estate_id=estate_id,
            key_id=key.id,
            kind="deposited",
            at=now - timedelta(days=200),
            actor_id=desk,
        )
        if i in (2, 5, 9):
            signature = rec.create(
                Signature,
                estate_id=estate_id,
                signer="装修队" if i == 9 else owner,
                role="borrower",
                strokes=sign,
                signed_at=now - timedelta(hours=5),
            )
            rec.create(
                KeyMovement,
                estate_id=estate_id,
                key_id=key.id,
                kind="lent",
                at=now - timedelta(hours=5),
                actor_id=desk,
                borrower="装修队" if i == 9 else owner,
                borrower_kind="contractor" if i == 9 else "owner",
                id_check="site_lead" if i == 9 else "id_card",
                site_lead="工长刘" if i == 9 else "",
                purpose="入户维修" if i == 9 else "忘带钥匙",
                expected_back=now - timedelta(hours=1) if i == 2 else now + timedelta(hours=3),
                signature_id=signature.id,
                batch=signature.id,
            )
        if i == 12:
            rec.create(
                KeyMovement,
                estate_id=estate_id,
                key_id=key.id,
                kind="lost",
                at=now - timedelta(days=3),
                actor_id=desk,
                note="业主报失",
            )
    last_month = (local_day(now, tz).replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    rec.create(
        KeyCount,
        estate_id=estate_id,
        month=last_month,
        counted_at=now - timedelta(days=local_day(now, tz).day + 1),
        counted_by=desk,
        present=key_ids[:15],
        missing=[key_ids[15]],
        unexpected=[],
    )
    # ---- yesterday's work log, reviewed
    yesterday = local_day(now, tz) - timedelta(days=1)
    if session.get(WorkLogDay, natural_id(estate_id, "worklog", desk, yesterday.isoformat())):
        return  # a second demo fill: the day is written already
    rec.create(
        WorkLogDay,
        id=natural_id(estate_id, "worklog", desk, yesterday.isoformat()),
        estate_id=estate_id,
        staff_id=desk,
        day=yesterday,
        notes="上午接待业主咨询12人次，受理报修5单；下午巡查各楼栋公告栏，跟进2单逾期工单。",
        reviewed_by=lead,
        reviewed_at=now - timedelta(hours=14),
        review_remark="记录完整，逾期工单明天上午前跟进完毕。",
    )


def _advance(session, order, stage, created, now, desk, worker, visitor) -> None:
    span = max(now - created, timedelta(minutes=10))

    def step(action: str, fraction: float, note: str = "", **data) -> None:
        append_step(
            session,
            order,
            action,
            worker if action not in ("dispatch", "reopen", "close") else desk,
            created + span * fraction,
            note,
            data,
        )

    if stage == "registered":
        return
    step("dispatch", 0.05, assignee_id=worker)
    if stage == "dispatched":
        return
    step("accept", 0.1)
    if stage in ("accepted", "chase"):
        return
    step("start", 0.2)
    if stage == "overdue" or stage == "in_progress":
        step("progress", 0.25, "已到现场查看，正在维修")
        return
    if stage in ("waiting_parts", "waiting_owner"):
        reason = "parts" if stage == "waiting_parts" else "owner"
        step(
            "pause", 0.3, "等配件到货" if reason == "parts" else "业主不在家，约明天", reason=reason
        )
        return
    step("done", 0.5, "已维修完毕，业主确认")
    if order.paid:
        bill_paid_order(session, order, worker, created + span * 0.5)
    if stage == "done":
        return
    append_step(
        session,
        order,
        "return_visit",
        visitor,
        created + span * 0.7,
        "电话回访",
        {"outcome": "satisfied"},
    )
    append_step(session, order, "close", desk, created + span * 0.72)
    if stage == "reopened":
        append_step(session, order, "reopen", desk, created + span * 0.9, "业主反映问题复发")


def _demo_staff(session: Session, estate_id: str) -> tuple[list[str], str]:
    """Two repairers and a team lead for the demo's orders and review. They cannot log in
    (no password is set): they only name who did what."""
    people = (
        ("demo-repair-1", "李师傅", "engineer"),
        ("demo-repair-2", "张师傅", "engineer"),
        ("demo-lead", "刘领班", "team_lead"),
    )
    ids = []
    for login, name, role in people:
        staff_id = natural_id("demo-staff", login)
        if session.get(StaffUser, staff_id) is None:
            recorder(session).create(
                StaffUser,
                id=staff_id,
                estate_id=estate_id,
                login=login,
                display_name=name,
                role=role,
                estate_ids=[estate_id],
                password_hash="!",  # no password: never matches, so no log-in
            )
        ids.append(staff_id)
    return ids[:2], ids[2]
