"""Demo complaints in every state, written through the complaint services (`propdesk demo`)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.complaints import ComplaintInput
from app.services.complaints import (
    add_event,
    create_complaint,
    load_rules,
    refresh_status,
    run_escalations,
)
from app.store.models import Resident, StaffUser

# (category, department, about, content, request, severity)
_CASES = (
    (
        "repair",
        "engineering",
        "工程部",
        "楼上卫生间漏水，天花板已经发霉",
        "尽快维修并赔偿",
        "important",
    ),
    ("repair", "engineering", "维修班", "报修三天了电梯按钮还是不灵", "今天之内修好", "minor"),
    ("cleaning", "cleaning", "保洁部", "楼道垃圾两天没有清理，气味很大", "每天按时清理", "minor"),
    ("security", "security", "保安部", "晚上有陌生人随意进出小区", "加强门岗登记", "important"),
    ("noise", "security", "邻居装修", "早上七点就开始装修噪音扰民", "按规定时间施工", "minor"),
    ("parking", "security", "秩序维护部", "我的固定车位被人占用多次", "处理占位车辆", "important"),
    ("fees", "finance", "财务部", "物业费账单金额和面积不符", "重新核算费用", "minor"),
    (
        "attitude",
        "customer_service",
        "前台客服",
        "客服态度恶劣，挂断电话",
        "道歉并改进服务",
        "important",
    ),
    ("landscaping", "landscaping", "绿化部", "楼下树枝遮挡窗户影响采光", "修剪树枝", "minor"),
    ("facilities", "engineering", "工程部", "地下车库照明多处损坏", "更换灯具", "minor"),
    (
        "builder_defect",
        "estate_office",
        "开发商",
        "外墙渗水多次报修未解决，家具受损",
        "彻底维修并赔偿损失",
        "major",
    ),
    (
        "repair",
        "engineering",
        "维修班",
        "多次报修水管爆裂无人处理，导致老人滑倒受伤",
        "赔偿医药费",
        "major",
    ),
)
# Where the event happened, by category (the form's "place" field).
_PLACES = {
    "repair": "户内卫生间",
    "cleaning": "单元楼道",
    "security": "小区南门",
    "noise": "楼上住户",
    "parking": "地下车库B区",
    "fees": "客服中心",
    "attitude": "客服热线",
    "landscaping": "楼前绿化带",
    "facilities": "地下车库",
    "builder_defect": "外墙",
}
# How far each demo complaint gets: every state of the workflow appears.
_STAGES = (
    "received",
    "dispatched",
    "processing",
    "resolved",
    "informed",
    "visited",
    "closed",
    "closed",
    "processing",
    "overdue",
    "extension",
    "reopened",
    "invalid",
)


def add_demo_complaints(
    session: Session, estate_id: str, rng: random.Random, count: int = 60
) -> None:
    people = session.execute(
        select(Resident.id, Resident.unit_id, Resident.name, Resident.phone)
        .where(Resident.estate_id == estate_id, Resident.live())
        .order_by(Resident.id)
        .limit(400)
    ).all()
    now = datetime.now(UTC).replace(microsecond=0)
    tz = ZoneInfo(load_rules(session, estate_id).timezone)
    # The demo account (when there is one) records every step, so timelines name someone.
    staff = session.execute(select(StaffUser.id, StaffUser.role).limit(1)).first()
    staff_id, staff_role = staff if staff else ("", "")
    for index in range(count):
        category, department, about, content, request, severity = rng.choice(_CASES)
        stage = _STAGES[index % len(_STAGES)]
        person = rng.choice(people) if people else None
        # Most complaints in the last three weeks; a few older ones for the month escalation.
        age = timedelta(minutes=rng.randint(5, 60 * 24 * 21))
        if stage == "overdue":
            age = timedelta(days=rng.randint(4, 40))
        if stage == "received":
            age = timedelta(minutes=rng.randint(1, 12))
        received = now - age
        happened = received - timedelta(minutes=rng.randint(10, 60 * 24))
        data = ComplaintInput(
            unit_id=person.unit_id if person else None,
            resident_id=person.id if person else None,
            complainant_name=person.name if person else "匿名业主",
            complainant_phone=person.phone if person else "",
            channel=rng.choice(("phone", "phone", "in_person", "letter", "other")),
            about=about,
            content=content,
            request=request,
            category=category,
            severity="minor" if stage == "extension" else severity,
            suggested_severity=severity,
            department=department,
            valid=stage != "invalid",
            # Builder defects are not the property company's service (DOMAIN.md).
            scope="non_property" if category == "builder_defect" else "property",
            event_time=happened.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            event_place=_PLACES.get(category, "小区内"),
        )
        complaint = create_complaint(
            session, estate_id, data, staff_id=staff_id, staff_role=staff_role, received_at=received
        )
        _advance(session, complaint, stage, received, now, department, rng, staff_id, staff_role)
    run_escalations(session, estate_id, now)
    refresh_status(session)


def _advance(session, complaint, stage, received, now, department, rng, staff_id, role) -> None:
    span = now - received
    step = [0]

    def record(kind: str, **values) -> None:
        values.setdefault("actor_role", role)
        values.setdefault("actor_id", staff_id)
        add_event(session, complaint.id, kind, **values)

    def at(fraction: float) -> datetime:
        step[0] += 1
        return received + span * fraction + timedelta(seconds=step[0])

    if stage in ("received", "invalid"):
        if stage == "invalid":
            record("closed", at=at(0.5), note="无理要求，已解释")
        return
    on_time = rng.random() < 0.8
    dispatch_at = received + timedelta(minutes=rng.randint(3, 14) if on_time else 40)
    dispatch_at = min(dispatch_at, now - timedelta(seconds=30))
    record("dispatched", at=dispatch_at, data={"department": department})
    if stage == "dispatched":
        return
    record("signed", at=dispatch_at + timedelta(seconds=20))
    if complaint.severity in ("important", "major"):
        to = "director" if complaint.severity == "major" else "supervisor"
        record("escalated", at=at(0.05), data={"to": to})
    record("progress", at=at(0.1), note="已安排人员上门查看", data={"answer": True})
    if stage in ("processing", "overdue"):
        return
    if stage == "extension":
        record("extension_requested", at=at(0.2), note="需等待配件到货")
        record(
            "extension_approved",
            at=at(0.25),
            actor_role="supervisor",
            actor_id="",  # the demo's staff member may not approve; no one is named
            data={"due": (now + timedelta(days=2)).isoformat()},
        )
        return
    record("resolved", at=at(0.4), note="已处理完毕")
    if stage == "resolved":
        return
    record("informed", at=at(0.45), note="电话告知业主")
    if stage == "reopened":
        record("reopened", at=at(0.6), note="业主反映问题再次出现")
        return
    if stage == "informed":
        return
    satisfaction = rng.choice(
        ("very_satisfied", "satisfied", "satisfied", "neutral", "dissatisfied")
    )
    record("return_visit", at=at(0.6), data={"satisfaction": satisfaction})
    if stage == "visited":
        return
    record("closed", at=at(0.7), note="回访满意，结案")
