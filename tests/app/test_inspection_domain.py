"""Inspection rules: scoring (weights, N/A, critical), versions and export columns, the due
list (on time, late, missed, make-up, edits from the next occurrence), repeat failures,
the content hash and the move-in fold."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from app.domain.errors import DomainError
from app.domain.inspection_schedule import Completion, ScheduleSpec, apply_edit, due_list
from app.domain.inspections import (
    Answer,
    PastResult,
    check_editable,
    content_from_json,
    content_hash,
    export_cell,
    export_columns,
    missing_evidence,
    repeat_failures,
    score,
)
from app.domain.movein import STEP_KEYS, StepEvent, check_step, fold

CONTENT = {
    "sections": [
        {
            "id": "clean",
            "name_zh": "保洁",
            "items": [
                {"id": "c1", "type": "pass_fail", "name_zh": "主干道", "weight": 2},
                {"id": "c2", "type": "pass_fail", "name_zh": "楼梯", "photo_on_fail": True},
                {
                    "id": "c3",
                    "type": "choice",
                    "name_zh": "天台",
                    "options": [
                        {"id": "good", "name_zh": "好", "score": 5},
                        {"id": "fair", "name_zh": "一般", "score": 3},
                        {"id": "bad", "name_zh": "差", "score": 0, "failed": True},
                    ],
                },
            ],
        },
        {
            "id": "safe",
            "name_zh": "安全",
            "items": [
                {"id": "s1", "type": "pass_fail", "name_zh": "消防通道", "critical": True},
                {"id": "m1", "type": "number", "name_zh": "水表", "unit": "m³", "low": 0},
                {"id": "t1", "type": "text", "name_zh": "备注", "required": False},
            ],
        },
    ]
}


def answers(**values):
    return {k: Answer(k, v) for k, v in values.items()}


def test_score_weights_na_and_critical():
    content = content_from_json(CONTENT)
    result = score(content, answers(c1="pass", c2="fail", c3="fair", s1="pass", m1="12.5"))
    # clean: c1 2/2, c2 0/1, c3 3/5 -> 5/8 = 62.5 ; safe: s1 1/1, m1 1/1
    assert result.sections == {"clean": Decimal("62.5"), "safe": Decimal("100.0")}
    assert result.total == Decimal("70.0")  # 7/10
    assert result.passed and result.failed_items == ("c2",)
    na = score(content, answers(c1="pass", c2="na", c3="na", s1="pass", m1="3"))
    assert na.sections["clean"] == Decimal("100.0") and na.maximum == Decimal(4)
    crit = score(content, answers(c1="pass", c2="pass", c3="good", s1="fail", m1="1"))
    assert crit.total == Decimal("90.0") and not crit.passed and crit.critical_failed == ("s1",)
    # a meter reading below its lower limit fails; all N/A leaves no score
    assert "m1" in score(content, answers(m1="-1")).failed_items
    assert score(content, answers(c1="na", c2="na", c3="na", s1="na")).total is None


def test_finalise_needs_evidence_and_answers():
    content = content_from_json(CONTENT)
    got = missing_evidence(content, answers(c1="pass", c2="fail", c3="bad", s1="pass"))
    codes = {(e.code, e.params["item"]) for e in got}
    assert codes == {("inspection.photo_required", "c2"), ("inspection.unanswered", "m1")}
    with_photo = {
        **answers(c1="pass", c3="bad", s1="pass", m1="1"),
        "c2": Answer("c2", "fail", photos=1),
    }
    assert missing_evidence(content, with_photo) == []


def test_template_checks():
    with pytest.raises(DomainError) as bad:
        content_from_json({"sections": [{"id": "a", "items": [{"id": "a", "type": "pass_fail"}]}]})
    assert bad.value.code == "inspection.template.bad_id"
    with pytest.raises(DomainError):
        content_from_json({"sections": [{"id": "a", "items": [{"id": "x", "type": "choice"}]}]})
    with pytest.raises(DomainError) as immutable:
        check_editable(published=True)
    assert immutable.value.code == "inspection.template.published_immutable"


def test_removing_an_option_changes_no_past_result_or_column():
    v1 = content_from_json(CONTENT)
    raw = {**CONTENT, "sections": [dict(s) for s in CONTENT["sections"]]}
    items = [dict(i) for i in raw["sections"][0]["items"]]
    items[2] = {**items[2], "options": items[2]["options"][:2]}  # "bad" removed
    items.insert(0, {"id": "c0", "type": "pass_fail", "name_zh": "新项"})
    raw["sections"][0] = {**raw["sections"][0], "items": items}
    v2 = content_from_json(raw)
    past = answers(c1="pass", c2="pass", c3="bad", s1="pass", m1="1")
    assert score(v1, past) == score(v1, past)  # read through its own version
    assert score(v1, past).failed_items == ("c3",)
    assert export_cell(v1, past["c3"]) == "差"
    old_columns = [c for c, _ in export_columns([v1])]
    both = [c for c, _ in export_columns([v1, v2])]
    assert both[: len(old_columns)] == old_columns and both[-1] == "c0"


def test_repeat_failures_two_consecutive_of_one_target():
    t = datetime(2026, 1, 1, tzinfo=UTC)
    history = [
        PastResult("i1", "unit:A", "tpl", t, frozenset({"x", "y"})),
        PastResult("i2", "unit:B", "tpl", t + timedelta(days=1), frozenset({"x"})),
        PastResult("i3", "unit:A", "tpl", t + timedelta(days=2), frozenset({"x"})),
        PastResult("i4", "unit:A", "tpl", t + timedelta(days=3), frozenset({"y"})),
    ]
    marks = repeat_failures(history)
    assert marks == {"i1": frozenset(), "i2": frozenset(), "i3": {"x"}, "i4": frozenset()}


def test_content_hash_changes_with_any_answer():
    a = content_hash({"id": "i"}, [Answer("x", "pass")], ["p"])
    assert a == content_hash({"id": "i"}, [Answer("x", "pass")], ["p"])
    assert a != content_hash({"id": "i"}, [Answer("x", "fail")], ["p"])
    assert a != content_hash({"id": "i"}, [Answer("x", "pass", "note")], ["p"])


MON = date(2026, 3, 2)  # a Monday


def test_due_list_daily_on_time_late_missed_and_makeup():
    spec = ScheduleSpec("daily", MON, window_days=1)
    done = [
        Completion(MON, MON),  # on time
        Completion(MON + timedelta(days=1), MON + timedelta(days=2)),  # done late
        Completion(MON + timedelta(days=3), MON + timedelta(days=5), make_up=True),
    ]
    today = MON + timedelta(days=5)
    got = {o.due_on: o.status for o in due_list([spec], done, today)}
    assert got[MON] == "on_time"
    assert got[MON + timedelta(days=1)] == "late"
    assert got[MON + timedelta(days=2)] == "missed"
    assert got[MON + timedelta(days=3)] == "made_up"
    assert got[MON + timedelta(days=4)] == "missed"
    assert got[today] == "due"
    assert got[today + timedelta(days=1)] == "upcoming"


def test_due_list_weekly_window_and_overdue():
    spec = ScheduleSpec("weekly", MON, weekdays=(0,), window_days=3)
    states = {o.due_on: o.status for o in due_list([spec], [], MON + timedelta(days=2))}
    assert states[MON] == "due"
    states = {o.due_on: o.status for o in due_list([spec], [], MON + timedelta(days=4))}
    assert states[MON] == "overdue"  # window closed, the next not yet due
    states = {o.due_on: o.status for o in due_list([spec], [], MON + timedelta(days=8))}
    assert states[MON] == "missed" and states[MON + timedelta(days=7)] == "due"


def test_next_due_from_completion_and_monthly():
    spec = ScheduleSpec("weekly", MON, anchor="completion", window_days=2)
    done = [Completion(MON, MON + timedelta(days=3))]
    days = [o.due_on for o in due_list([spec], done, MON + timedelta(days=12))]
    assert days[:2] == [MON, MON + timedelta(days=10)]  # 7 days after the completion
    monthly = ScheduleSpec("monthly", date(2026, 1, 1), day_of_month=31, window_days=5)
    days = [o.due_on for o in due_list([monthly], [], date(2026, 3, 31))]
    assert days[:3] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]


def test_custom_weekdays_and_edit_from_next_occurrence():
    spec = ScheduleSpec("weekdays", MON, weekdays=(0, 3))  # Monday and Thursday
    days = [o.due_on for o in due_list([spec], [], MON + timedelta(days=7))]
    assert days[:3] == [MON, MON + timedelta(days=3), MON + timedelta(days=7)]
    edited = apply_edit([spec], ScheduleSpec("daily", MON), MON + timedelta(days=1))
    assert edited[-1].effective_from == MON + timedelta(days=3)  # the next Thursday
    days = [o.due_on for o in due_list(edited, [], MON + timedelta(days=5))]
    assert days[:4] == [
        MON,
        MON + timedelta(days=3),
        MON + timedelta(days=4),
        MON + timedelta(days=5),
    ]


T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def ev(i, kind, minutes, step="", **data):
    return StepEvent(f"e{i:02}", kind, T0 + timedelta(minutes=minutes), "staff", step, data)


def test_movein_timer_excludes_pauses_and_steps_in_order():
    events = [ev(0, "started", 0), ev(1, "step", 5, "documents"), ev(2, "paused", 10)]
    state = fold(events, T0 + timedelta(hours=5))
    assert state.elapsed == timedelta(minutes=10) and state.paused
    with pytest.raises(DomainError) as paused:
        check_step(state, "balance", {})
    assert paused.value.code == "movein.paused"
    events.append(ev(3, "resumed", 200))
    state = fold(events, T0 + timedelta(minutes=225))
    assert state.elapsed == timedelta(minutes=35) and state.over_target
    assert state.current == "balance"
    with pytest.raises(DomainError) as order:
        check_step(state, "keys", {})
    assert order.value.code == "movein.step_order"
    assert len(STEP_KEYS) == 8
