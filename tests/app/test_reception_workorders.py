"""Work orders: the transition table, the SLA clock derived from events (pauses,
re-categorisation, reopen), dispatch, progress chasing, return visits, paid repairs."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError, FieldErrors
from app.domain.units import UnitInput
from app.domain.workorders import Event, Facts, WorkOrderRules, derive
from app.services.reception import paid, queries, workorders
from app.services.reception.workorders import WorkOrderInput
from app.services.units import add_resident, create_unit
from app.store.fee_models import BillLine
from app.store.reception_models import WorkOrderEvent

SH = ZoneInfo("Asia/Shanghai")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=SH).astimezone(UTC)


@pytest.fixture
def unit_id(db, estate_id):
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.5")
        )
        add_resident(s, unit, name="张伟", phone="13800138000")
        return unit.id


def new_order(db, estate_id, unit_id, at, **values):
    values.setdefault("content", "厨房水龙头漏水")
    values.setdefault("category", "plumbing")
    data = WorkOrderInput(unit_id=unit_id, **values)
    return workorders.open_order(db, estate_id, data, "desk", at, assignee_id="w1")


def test_paused_twice_and_recategorised_due_counts_neither_pause(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)  # same day: due 17:30, 8.5 business hours
    order = new_order(db, estate_id, unit_id, t0)
    assert queries.read_order(db, order).row.next_due == local(2026, 12, 1, 17, 30)
    workorders.act(db, order, "start", "w1", t0 + timedelta(minutes=10))
    workorders.act(
        db, order, "pause", "w1", local(2026, 12, 1, 10, 0), "等配件", {"reason": "parts"}
    )
    workorders.act(db, order, "resume", "w1", local(2026, 12, 1, 11, 0))  # 1 h stopped
    workorders.act(
        db, order, "pause", "w1", local(2026, 12, 1, 13, 0), "业主不在", {"reason": "owner"}
    )
    paused = queries.read_order(db, order)
    assert paused.row.status == "waiting_owner"
    assert paused.row.next_due is None  # the clock stands still with time left
    assert paused.state.remaining == timedelta(hours=5, minutes=30)
    assert paused.row.deadline_state(local(2026, 12, 1, 23, 0), timedelta(minutes=30)) == "paused"
    workorders.act(db, order, "resume", "w1", local(2026, 12, 1, 15, 0))  # 2 h stopped
    # re-categorised after both pauses: the new budget is applied over the same intervals
    workorders.act(
        db,
        order,
        "recategorise",
        "desk",
        local(2026, 12, 1, 15, 5),
        "实为电路问题",
        {"category": "electrical", "priority": "normal"},
    )
    detail = queries.read_order(db, order)
    assert detail.row.category == "electrical"
    # 8.5 h of business time from 09:00 plus the 3 h stopped: 17:30 + 3 h -> next day 11:30
    assert detail.row.next_due == local(2026, 12, 2, 11, 30)
    assert detail.state.pause_count == 2
    # re-categorised as an emergency: 24 h around the clock, both pauses still excluded
    workorders.act(
        db,
        order,
        "recategorise",
        "desk",
        local(2026, 12, 1, 15, 6),
        "漏电",
        {"category": "electrical", "priority": "emergency"},
    )
    detail = queries.read_order(db, order)
    assert detail.row.next_due == t0 + timedelta(hours=24 + 3)


def test_emergency_runs_around_the_clock_with_on_site_deadline(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 22, 0)
    order = new_order(db, estate_id, unit_id, t0, category="water_leak", content="水管爆裂")
    detail = queries.read_order(db, order)
    assert detail.row.priority == "emergency"  # a leak is an emergency whatever was chosen
    assert [d.kind for d in detail.deadlines] == ["respond", "resolve"]
    assert detail.row.next_due == t0 + timedelta(minutes=30)
    assert [
        r.id for r in queries.list_orders(db, estate_id, "overdue", t0 + timedelta(minutes=31))
    ] == [order]
    workorders.act(db, order, "start", "w1", t0 + timedelta(minutes=40))
    detail = queries.read_order(db, order)
    assert detail.deadlines[0].late and detail.row.next_due == t0 + timedelta(hours=24)
    assert queries.list_orders(db, estate_id, "overdue", t0 + timedelta(hours=2)) == []


def test_normal_order_after_hours_and_booked_slot(db, estate_id, unit_id):
    evening = local(2026, 12, 1, 19, 0)
    order = new_order(db, estate_id, unit_id, evening)
    assert queries.read_order(db, order).row.next_due == local(2026, 12, 2, 17, 30)
    slot = (local(2026, 12, 3, 14, 0), local(2026, 12, 3, 16, 0))
    booked = new_order(
        db,
        estate_id,
        unit_id,
        evening,
        slot_start=slot[0],
        slot_end=slot[1],
        paid=True,
        price=Decimal("80.00"),
    )
    detail = queries.read_order(db, booked)
    assert detail.state.started_at == slot[0]  # the clock starts at the booked slot
    assert detail.row.next_due == slot[1]  # paid: by the agreed appointment


def test_warning_lead_and_closed_orders_never_overdue(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    warn = timedelta(minutes=30)
    row = queries.read_order(db, order).row
    assert row.deadline_state(local(2026, 12, 1, 17, 1), warn) == "due_soon"
    assert row.deadline_state(local(2026, 12, 1, 16, 0), warn) == "on_time"
    assert [
        r.id for r in queries.list_orders(db, estate_id, "due_soon", local(2026, 12, 1, 17, 10))
    ] == [order]
    workorders.act(db, order, "start", "w1", t0 + timedelta(minutes=5))
    workorders.act(db, order, "done", "w1", local(2026, 12, 1, 18, 0), "已修好")
    row = queries.read_order(db, order).row
    assert row.completed_late  # recorded on the order
    assert row.deadline_state(local(2026, 12, 5, 9, 0), warn) == ""
    assert queries.list_orders(db, estate_id, "overdue", local(2026, 12, 5, 9, 0)) == []


def test_reopened_order_not_overdue_when_its_adjusted_clock_is_not(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    workorders.act(db, order, "start", "w1", t0)
    workorders.act(db, order, "done", "w1", local(2026, 12, 1, 11, 0), "已修好")  # 2 h used
    queries.return_visit(db, order, "visitor", "satisfied", local(2026, 12, 2, 10, 0))
    reopen_at = local(2026, 12, 4, 10, 0)  # days after the first deadline
    workorders.act(db, order, "reopen", "desk", reopen_at, "问题复发")
    detail = queries.read_order(db, order)
    assert detail.row.status == "dispatched" and detail.row.reopen_count == 1
    # 6.5 h left of the same-day budget, counted from the reopen: 10:00 + 6.5 h = 16:30
    assert detail.row.next_due == local(2026, 12, 4, 16, 30)
    now = local(2026, 12, 4, 12, 0)
    assert detail.row.deadline_state(now, timedelta(minutes=30)) == "on_time"
    assert queries.list_orders(db, estate_id, "overdue", now) == []
    assert [
        r.id for r in queries.list_orders(db, estate_id, "overdue", local(2026, 12, 4, 16, 31))
    ] == [order]


def test_unsatisfied_return_visit_reopens_and_visitor_is_not_the_worker(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    workorders.act(db, order, "accept", "w1", t0)
    workorders.act(db, order, "start", "w1", t0 + timedelta(minutes=5))
    with pytest.raises(DomainError) as refused:
        workorders.act(db, order, "close", "desk", t0 + timedelta(hours=1))
    assert refused.value.code == "workorder.not_allowed"
    workorders.act(db, order, "done", "w1", t0 + timedelta(hours=2), "已修好")
    detail = queries.read_order(db, order)
    assert detail.row.visit_due == t0 + timedelta(hours=2, days=2)
    with pytest.raises(DomainError) as own:
        queries.return_visit(db, order, "w1", "satisfied", t0 + timedelta(days=1))
    assert own.value.code == "workorder.visitor_did_the_work"
    with pytest.raises(DomainError):  # a done order cannot close without a visit
        workorders.act(db, order, "close", "desk", t0 + timedelta(days=1))
    status = queries.return_visit(
        db, order, "desk", "not_satisfied", t0 + timedelta(days=1), "仍漏水"
    )
    assert status == "dispatched"
    detail = queries.read_order(db, order)
    assert detail.row.reopen_count == 1 and detail.row.assignee_name == ""
    assert detail.assignee_id == "w1"  # back to the repairer


def test_unreachable_three_times_completes_the_visit(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0, category="water_leak")
    workorders.act(db, order, "start", "w1", t0)
    workorders.act(db, order, "done", "w1", t0 + timedelta(hours=1), "已修好")
    assert queries.read_order(db, order).row.visit_due == t0 + timedelta(hours=1, days=3)
    for attempt in range(1, 4):
        status = queries.return_visit(
            db, order, "desk", "unreachable", t0 + timedelta(days=1, hours=attempt)
        )
        assert status == ("closed" if attempt == 3 else "done")
    stats = queries.visit_stats(db, estate_id, t0 - timedelta(days=1), t0 + timedelta(days=5))
    assert (stats.done, stats.visited, stats.rate) == (1, 1, 1.0)


def test_overdue_visits_counted(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    workorders.act(db, order, "start", "w1", t0)
    workorders.act(db, order, "done", "w1", t0 + timedelta(hours=1), "已修好")
    stats = queries.visit_stats(db, estate_id, t0 - timedelta(days=1), t0 + timedelta(days=3))
    assert (stats.done, stats.visited, stats.overdue, stats.rate) == (1, 0, 1, 0.0)


def test_reasons_required_and_transition_table_enforced(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    for action, data in (
        ("pause", {"reason": "parts"}),
        ("return_to_desk", {}),
        ("transfer", {"assignee_id": "w2"}),
    ):
        with pytest.raises(DomainError) as error:
            workorders.act(db, order, action, "w1", t0, "", data)
        assert error.value.code in ("workorder.reason_required", "workorder.not_allowed")
    workorders.act(db, order, "return_to_desk", "w1", t0 + timedelta(minutes=1), "不是我的范围")
    assert queries.read_order(db, order).row.status == "returned"
    workorders.act(db, order, "decline", "desk", t0 + timedelta(minutes=2), "业主自行处理")
    row = queries.read_order(db, order).row
    assert row.status == "declined" and not row.is_open
    with pytest.raises(FieldErrors) as form:
        workorders.open_order(db, estate_id, WorkOrderInput(content="", paid=True), "desk", t0)
    assert {"content", "unit_id", "price", "slot_start"} <= set(form.value.errors)


def test_progress_every_four_hours_flags_orders_to_chase(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    workorders.act(db, order, "accept", "w1", t0 + timedelta(minutes=5))
    assert queries.list_orders(db, estate_id, "chase", t0 + timedelta(hours=4)) == []
    chased = queries.list_orders(db, estate_id, "chase", t0 + timedelta(hours=4, minutes=6))
    assert [r.id for r in chased] == [order]
    workorders.act(db, order, "progress", "w1", t0 + timedelta(hours=4, minutes=10), "配件已到")
    assert queries.list_orders(db, estate_id, "chase", t0 + timedelta(hours=5)) == []


def test_round_robin_pool_dispatch(db, estate_id, unit_id):
    workorders.save_dispatch_rule(db, estate_id, "plumbing", "pool", ["a", "b", "c"])
    t0 = local(2026, 12, 1, 9, 0)
    got = []
    for i in range(4):
        data = WorkOrderInput(unit_id=unit_id, content=f"漏水{i}", category="plumbing")
        order = workorders.open_order(db, estate_id, data, "desk", t0 + timedelta(minutes=i))
        got.append(queries.read_order(db, order).assignee_id)
    assert got == ["a", "b", "c", "a"]


def test_status_follows_events_arriving_by_sync(db, estate_id, unit_id):
    """An event written by another desk (no service call) queues the order for refresh."""
    from app.store.recorder import recorder

    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    with db.session() as s:
        recorder(s).create(
            WorkOrderEvent,
            estate_id=estate_id,
            work_order_id=order,
            kind="accept",
            at=t0 + timedelta(minutes=3),
            actor_id="w1",
        )
    assert queries.list_orders(db, estate_id, "open", t0)[0].status == "accepted"


def test_paid_repair_appears_on_the_units_bill_with_a_receipt(db, estate_id, unit_id):
    t0 = local(2026, 12, 1, 9, 0)
    slot = (local(2026, 12, 1, 14, 0), local(2026, 12, 1, 16, 0))
    order = new_order(
        db,
        estate_id,
        unit_id,
        t0,
        content="更换马桶水箱配件",
        slot_start=slot[0],
        slot_end=slot[1],
        paid=True,
        price=Decimal("120.50"),
    )
    workorders.act(db, order, "start", "w1", slot[0])
    workorders.act(db, order, "done", "w1", slot[0] + timedelta(hours=1), "已更换")
    with db.session() as s:
        lines = s.scalars(select(BillLine).where(BillLine.unit_id == unit_id)).all()
    assert [(ln.fee_code, ln.amount, ln.period) for ln in lines] == [
        ("paid_repair", Decimal("120.50"), "2026-12")
    ]
    from app.services.fees.account import account_lines  # the fees desk's own view

    assert [ln.open_amount for ln in account_lines(db, unit_id)] == [Decimal("120.50")]
    receipt = paid.take_payment(db, order, "wechat", "张伟", "desk", slot[0] + timedelta(hours=2))
    assert receipt.amount == Decimal("120.50") and receipt.receipt_no
    billing = paid.billing_of(db, order)
    assert (billing.billed, billing.paid, billing.receipt_nos) == (
        Decimal("120.50"),
        Decimal("120.50"),
        (receipt.receipt_no,),
    )
    assert account_lines(db, unit_id) == []
    with pytest.raises(DomainError):
        paid.take_payment(db, order, "cash", "张伟", "desk", slot[0] + timedelta(hours=3))


def test_a_paid_repair_takes_the_counters_payment_methods(db, estate_id, unit_id):
    """A repair paid by bank card is counted on the day-end closing's bank-card row, with
    the counter's takings: reception wrote "card" and "transfer" where the counter writes
    bank_card and bank_transfer, so the closing showed them as methods of their own."""
    from app.domain.fees import PAYMENT_METHODS
    from app.services.fees.closing import day_summary

    assert paid.PAYMENT_METHODS == PAYMENT_METHODS
    t0 = local(2026, 12, 1, 9, 0)
    slot = (local(2026, 12, 1, 14, 0), local(2026, 12, 1, 16, 0))
    order = new_order(
        db,
        estate_id,
        unit_id,
        t0,
        paid=True,
        price=Decimal("80.00"),
        slot_start=slot[0],
        slot_end=slot[1],
    )
    workorders.act(db, order, "start", "w1", slot[0])
    workorders.act(db, order, "done", "w1", slot[0] + timedelta(hours=1), "已更换")
    paid.take_payment(db, order, "bank_card", "张伟", "desk", slot[0] + timedelta(hours=2))
    summary = day_summary(db, estate_id, "desk", t0.date())
    by_method = {m.method: m.taken for m in summary.methods if m.taken}
    assert by_method == {"bank_card": Decimal("80.00")}


def test_events_in_any_order_give_the_same_state():
    rules = WorkOrderRules()
    t0 = local(2026, 12, 1, 9, 0)
    facts = Facts(created_at=t0, category="plumbing", priority="normal")
    events = [
        Event("1", "dispatch", t0 + timedelta(minutes=1), "d", {"assignee_id": "w"}),
        Event("2", "start", t0 + timedelta(minutes=2), "w"),
        Event("3", "pause", t0 + timedelta(hours=1), "w", {"reason": "parts"}),
        Event("4", "resume", t0 + timedelta(hours=2), "w"),
    ]
    assert derive(facts, events, rules) == derive(facts, list(reversed(events)), rules)


def test_an_order_pulled_by_sync_gets_its_derived_status(db, estate_id, unit_id, tmp_path):
    """Another desk's order arrives as outbox changes applied by the sync's merge."""
    from app.store.apply import Change, apply_changes
    from app.store.db import Database
    from app.store.models import SyncOutbox

    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    workorders.act(db, order, "start", "w1", t0 + timedelta(minutes=5))
    with db.session() as s:
        changes = [
            Change(c.change_id, c.table_name, c.row_id, c.estate_id, c.kind, c.fields, c.hlc)
            for c in s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq))
        ]
    other = Database(tmp_path / "other.sqlite3")
    try:
        with other.session() as s:
            apply_changes(s, changes)
        rows = queries.list_orders(other, estate_id, "open", t0)
        assert [(r.id, r.status, r.unit) for r in rows] == [
            (order, "in_progress", "3栋 2单元 1502")
        ]
        assert rows[0].next_due == local(2026, 12, 1, 17, 30)
    finally:
        other.close()


def test_edited_targets_move_every_orders_deadline(db, estate_id, unit_id):
    from dataclasses import replace

    from app.domain.workorders import Target

    t0 = local(2026, 12, 1, 9, 0)
    order = new_order(db, estate_id, unit_id, t0)
    rules = workorders.read_rules(db, estate_id)
    assert rules.warn_minutes == 30 and rules.day_start.isoformat() == "08:30:00"
    targets = dict(rules.targets)
    targets["plumbing:normal"] = Target(resolve=120)  # two business hours
    workorders.save_rules(db, estate_id, replace(rules, targets=targets, warn_minutes=15))
    assert queries.read_order(db, order).row.next_due == local(2026, 12, 1, 11, 0)
    assert [
        r.id for r in queries.list_orders(db, estate_id, "overdue", local(2026, 12, 1, 11, 1))
    ] == [order]
    with pytest.raises(DomainError):
        workorders.save_rules(
            db, estate_id, replace(rules, targets={"*:normal": Target(resolve=0)})
        )


def test_photos_kept_in_the_blob_store_and_named_on_the_order(db, estate_id, unit_id, tmp_path):
    from app.store.blobs import BlobStore

    picture = tmp_path / "leak.jpg"
    picture.write_bytes(b"\xff\xd8\xff" + b"leak" * 100)
    store = BlobStore(tmp_path / "blobs")
    order = new_order(db, estate_id, unit_id, local(2026, 12, 1, 9, 0))
    sha = workorders.attach_photo(db, order, picture, local(2026, 12, 1, 9, 5), blobs=store)
    assert store.has(sha) and workorders.photos_of(db, order) == [("leak.jpg", sha)]
    from app.store.base import SYNCED_TABLES
    from sync.client.blobs import is_blob_field  # the sync uploads the files rows name

    assert SYNCED_TABLES["work_order_photos"].sync_kind == "log" and is_blob_field("sha256")


def test_business_hours_may_skip_the_national_holidays():
    from dataclasses import replace

    from app.domain.workorders import Target

    facts = Facts(created_at=local(2026, 9, 30, 17, 20), category="plumbing", priority="normal")
    rules = replace(WorkOrderRules(), targets={"*:normal": Target(resolve=60)})
    every_day = derive(facts, [], rules)
    assert every_day.next_due == local(2026, 10, 1, 9, 20)  # the desk is staffed every day
    skipping = derive(facts, [], replace(rules, skip_holidays=True))
    assert skipping.next_due == local(2026, 10, 8, 9, 20)  # National Day week skipped
    weekend = Facts(created_at=local(2026, 12, 4, 17, 20), category="plumbing", priority="normal")
    assert derive(weekend, [], replace(rules, skip_holidays=True)).next_due == local(
        2026, 12, 5, 9, 20
    )
