"""The complaint deadline engine (app.domain.complaints), table-driven."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar import WorkingCalendar, add_days
from app.domain.complaints import (
    ComplaintInput,
    ComplaintRules,
    Event,
    Facts,
    allowed_steps,
    check_approver,
    deadline_state,
    derive,
    needs_auto_major,
    next_action,
    suggest_severity,
    validate_input,
)
from app.domain.errors import DomainError

SH = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=SH).astimezone(UTC)


def show(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(SH).strftime("%Y-%m-%d %H:%M")


def ev(kind: str, at: str, n: int = 0, **data) -> Event:
    return Event(id=f"e{n:03d}-{kind}", kind=kind, at=local(at), data=data)


# 2026-11-20 is a Friday.
RECEIVED = "2026-11-20 10:00"
NATIONAL_DAY = WorkingCalendar(holidays=frozenset({date(2026, 11, 23)}))  # a Monday off


@pytest.mark.parametrize(
    ("severity", "rules", "kind", "due"),
    [
        # dispatch to the department within 15 minutes, whatever the severity
        ("minor", ComplaintRules(), "dispatch", "2026-11-20 10:15"),
        ("major", ComplaintRules(), "dispatch", "2026-11-20 10:15"),
        ("minor", ComplaintRules(dispatch_minutes=10), "dispatch", "2026-11-20 10:10"),
        # major: to the director the same day, answer in 2 days, resolved in 10 days
        ("major", ComplaintRules(), "report_director", "2026-11-21 00:00"),
        ("major", ComplaintRules(), "answer", "2026-11-22 10:00"),
        ("major", ComplaintRules(), "resolve", "2026-11-30 10:00"),
        # important: supervisor within 2 hours (1 hour where set), resolved in 3 days
        ("important", ComplaintRules(), "handover_supervisor", "2026-11-20 12:00"),
        (
            "important",
            ComplaintRules(important_handover_hours=1),
            "handover_supervisor",
            "2026-11-20 11:00",
        ),
        ("important", ComplaintRules(), "resolve", "2026-11-23 10:00"),
        # minor: resolved in 2 days
        ("minor", ComplaintRules(), "resolve", "2026-11-22 10:00"),
        # working days: Friday + 2 working days skips the weekend -> Tuesday
        ("minor", ComplaintRules(working_days=True), "resolve", "2026-11-24 10:00"),
        # ... and a public holiday on Monday -> Wednesday
        (
            "minor",
            ComplaintRules(working_days=True, calendar=NATIONAL_DAY),
            "resolve",
            "2026-11-25 10:00",
        ),
        (
            "important",
            ComplaintRules(working_days=True, calendar=NATIONAL_DAY),
            "resolve",
            "2026-11-26 10:00",
        ),
        ("major", ComplaintRules(working_days=True), "answer", "2026-11-24 10:00"),
        # class A is handled like important, class B like minor
        ("A", ComplaintRules(severity_scheme="ab"), "handover_supervisor", "2026-11-20 12:00"),
        ("B", ComplaintRules(severity_scheme="ab"), "resolve", "2026-11-22 10:00"),
    ],
)
def test_deadline_from_receipt(severity, rules, kind, due):
    state = derive(Facts(local(RECEIVED), severity=severity), [], rules)
    assert show(state.deadline(kind).due) == due


@pytest.mark.parametrize(
    ("severity", "kinds"),
    [
        ("major", {"dispatch", "report_director", "answer", "resolve"}),
        ("important", {"dispatch", "handover_supervisor", "resolve"}),
        ("minor", {"dispatch", "resolve"}),
    ],
)
def test_each_severity_has_exactly_its_deadlines(severity, kinds):
    state = derive(Facts(local(RECEIVED), severity=severity), [], ComplaintRules())
    assert {d.kind for d in state.deadlines} == kinds


def test_minor_by_residents_reasonable_deadline():
    facts = Facts(local(RECEIVED), severity="minor", resident_deadline=local("2026-11-21 18:00"))
    assert show(derive(facts, [], ComplaintRules()).deadline("resolve").due) == "2026-11-21 18:00"


def test_invalid_complaint_has_no_deadlines_and_never_escalates():
    state = derive(Facts(local(RECEIVED), valid=False), [], ComplaintRules())
    assert state.deadlines == ()
    assert state.escalate_at is None


def test_working_day_start_on_weekend_counts_from_monday():
    saturday = local("2026-11-21 15:00")
    end = add_days(saturday, 1, working=True, calendar=WorkingCalendar())
    assert show(end) == "2026-11-24 00:00"  # by the end of Monday


def test_make_up_working_day_counts():
    calendar = WorkingCalendar(extra_workdays=frozenset({date(2026, 11, 21)}))
    assert show(add_days(local(RECEIVED), 1, working=True, calendar=calendar)) == "2026-11-21 10:00"


def test_full_workflow_meets_every_deadline():
    events = [
        ev("received", "2026-11-20 10:00", 1),
        ev("dispatched", "2026-11-20 10:05", 2, department="engineering"),
        ev("signed", "2026-11-20 10:10", 3),
        ev("escalated", "2026-11-20 11:00", 4, to="supervisor"),
        ev("progress", "2026-11-21 09:00", 5),
        ev("resolved", "2026-11-22 16:00", 6),
        ev("informed", "2026-11-22 17:00", 7),
        ev("return_visit", "2026-11-23 10:00", 8, satisfaction="satisfied"),
        ev("closed", "2026-11-23 10:30", 9),
    ]
    state = derive(Facts(local(RECEIVED), severity="important"), events, ComplaintRules())
    assert state.status == "closed"
    assert all(d.met for d in state.deadlines)
    assert {d.kind for d in state.deadlines} == {
        "dispatch",
        "handover_supervisor",
        "resolve",
        "inform",
        "return_visit",
    }
    assert state.satisfaction == "satisfied"
    assert deadline_state(state, local("2026-12-01 00:00")) == "done"
    assert next_action(state) == ("", "")


@pytest.mark.parametrize(
    ("events", "status", "action"),
    [
        ([], "received", "dispatch"),
        ([ev("dispatched", "2026-11-20 10:05", department="cleaning")], "dispatched", "resolve"),
        ([ev("signed", "2026-11-20 10:10")], "processing", "dispatch"),
        (
            [ev("dispatched", "2026-11-20 10:05", 1), ev("resolved", "2026-11-20 15:00", 2)],
            "resolved",
            "inform",
        ),
        (
            [
                ev("dispatched", "2026-11-20 10:05", 1),
                ev("resolved", "2026-11-20 15:00", 2),
                ev("informed", "2026-11-20 16:00", 3),
            ],
            "informed",
            "close",
        ),
        (
            [
                ev("dispatched", "2026-11-20 10:05", 1),
                ev("resolved", "2026-11-20 15:00", 2),
                ev("closed", "2026-11-20 16:00", 3),
                ev("reopened", "2026-11-21 09:00", 4),
            ],
            "processing",
            "resolve",
        ),
    ],
)
def test_status_and_next_action(events, status, action):
    state = derive(Facts(local(RECEIVED), severity="minor"), events, ComplaintRules())
    assert state.status == status
    assert next_action(state)[0] == action


def test_late_step_is_recorded_as_missed():
    events = [ev("dispatched", "2026-11-20 10:40", 1)]
    state = derive(Facts(local(RECEIVED)), events, ComplaintRules())
    assert state.deadline("dispatch").met is False


@pytest.mark.parametrize(
    ("now", "word"),
    [
        ("2026-11-20 11:00", "on_time"),
        ("2026-11-22 08:30", "due_soon"),  # resolve due 2026-11-22 10:00
        ("2026-11-22 10:01", "overdue"),
    ],
)
def test_deadline_state_words(now, word):
    events = [ev("dispatched", "2026-11-20 10:05", 1)]
    state = derive(Facts(local(RECEIVED)), events, ComplaintRules())
    assert deadline_state(state, local(now)) == word


def test_reopen_gives_a_fresh_resolution_period():
    events = [
        ev("dispatched", "2026-11-20 10:05", 1),
        ev("resolved", "2026-11-20 15:00", 2),
        ev("reopened", "2026-11-25 09:00", 3),
    ]
    state = derive(Facts(local(RECEIVED)), events, ComplaintRules())
    assert show(state.deadline("resolve").due) == "2026-11-27 09:00"
    assert state.deadline("inform") is None


# ---- one-month escalation ----


def test_unresolved_after_one_month_becomes_major():
    facts = Facts(local("2026-01-31 10:00"), severity="minor")
    state = derive(facts, [ev("dispatched", "2026-01-31 10:05", 1)], ComplaintRules())
    assert show(state.escalate_at) == "2026-02-28 10:00"  # clamped to the month's end
    assert not needs_auto_major(state, local("2026-02-28 09:59"))
    assert needs_auto_major(state, local("2026-02-28 10:00"))
    events = [
        ev("dispatched", "2026-01-31 10:05", 1),
        Event("auto", "auto_major", state.escalate_at),
    ]
    escalated = derive(facts, events, ComplaintRules())
    assert escalated.severity == "major" and escalated.level == "major"
    assert show(escalated.deadline("report_director").due) == "2026-03-01 00:00"
    assert escalated.escalate_at is None
    assert next_action(escalated) == ("report_director", "team_lead")


def test_escalated_to_major_gets_the_major_deadlines_counted_from_the_escalation():
    """Seed 000 §4.10.3: "重大投诉一般在2日给投诉人明确答复,解决时间不宜超过10日。" A
    complaint that becomes major after a month gets a clear answer due 2 days and its
    resolution 10 days after the escalation (before: only the same-day report)."""
    facts = Facts(local(RECEIVED), severity="minor")
    before = derive(facts, [ev("dispatched", "2026-11-20 10:05", 1)], ComplaintRules())
    assert show(before.escalate_at) == "2026-12-20 10:00"
    events = [
        ev("dispatched", "2026-11-20 10:05", 1),
        Event("auto", "auto_major", before.escalate_at),
    ]
    escalated = derive(facts, events, ComplaintRules())
    assert {d.kind: show(d.due) for d in escalated.open_deadlines} == {
        "report_director": "2026-12-21 00:00",
        "answer": "2026-12-22 10:00",
        "resolve": "2026-12-30 10:00",
    }
    # an answer after the escalation meets it; resolving meets the new resolution deadline
    events += [
        ev("progress", "2026-12-21 09:00", 2, answer=True),
        ev("resolved", "2026-12-29 17:00", 3),
    ]
    handled = derive(facts, events, ComplaintRules())
    assert handled.deadline("answer").met is True
    assert handled.deadline("resolve").met is True
    assert show(handled.deadline("resolve").due) == "2026-12-30 10:00"
    # working days count from the escalation too: 2026-12-20 is a Sunday, so by the end
    # of the 2nd and the 10th working day from Monday (1 January a public holiday)
    working = derive(facts, events[:2], ComplaintRules(working_days=True))
    assert show(working.deadline("answer").due) == "2026-12-23 00:00"
    assert show(working.deadline("resolve").due) == "2027-01-05 00:00"


@pytest.mark.parametrize("severity", ["major", "important", "A"])
def test_major_and_important_close_only_after_handling_and_a_return_visit(severity):
    """Seed 000 §4.7: "对重要投诉和重大投诉处理完毕后,根据情况安排合适人员进行上门回访。"
    A valid major or important complaint is closed only once handled (resolved, resident
    informed) and visited; before, it could be closed straight from "received", which
    settled its deadlines so none ever counted as missed."""
    facts = Facts(local(RECEIVED), severity=severity)
    steps = [
        ev("dispatched", "2026-11-20 10:05", 1),
        ev("resolved", "2026-11-20 15:00", 2),
        ev("informed", "2026-11-20 16:00", 3),
        ev("return_visit", "2026-11-21 10:00", 4, satisfaction="satisfied"),
    ]
    for done in range(len(steps)):
        state = derive(facts, steps[:done], ComplaintRules())
        assert "closed" not in allowed_steps(state), state.status
    visited = derive(facts, steps, ComplaintRules())
    assert "closed" in allowed_steps(visited)
    # a close recorded anyway (an older desk, by sync) does not settle the deadlines
    early = derive(facts, [ev("closed", "2026-11-20 10:30", 9)], ComplaintRules())
    assert early.status == "received"
    assert early.deadline("dispatch").done_at is None
    assert deadline_state(early, local("2026-11-20 10:20")) == "overdue"
    # invalid (unreasonable demands) and minor complaints may still be closed at once
    invalid = derive(Facts(local(RECEIVED), valid=False, severity=severity), [], ComplaintRules())
    assert "closed" in allowed_steps(invalid)
    minor = derive(Facts(local(RECEIVED), severity="minor"), [], ComplaintRules())
    assert "closed" in allowed_steps(minor)


def test_resolved_or_major_complaints_do_not_escalate():
    resolved = derive(
        Facts(local(RECEIVED)),
        [ev("dispatched", "2026-11-20 10:05", 1), ev("resolved", "2026-11-21 10:00", 2)],
        ComplaintRules(),
    )
    assert resolved.escalate_at is None
    assert (
        derive(Facts(local(RECEIVED), severity="major"), [], ComplaintRules()).escalate_at is None
    )


# ---- extensions and approvals ----


@pytest.mark.parametrize(
    ("level", "role", "allowed"),
    [
        ("minor", "supervisor", True),
        ("minor", "director", True),
        ("minor", "receptionist", False),
        ("minor", "team_lead", False),
        ("important", "director", True),
        ("important", "supervisor", False),
        ("major", "director", True),
        ("major", "receptionist", False),
    ],
)
def test_extension_approver_by_role(level, role, allowed):
    if allowed:
        check_approver(level, role)
    else:
        with pytest.raises(DomainError) as refused:
            check_approver(level, role)
        who = "minor" if level == "minor" else "director"
        assert refused.value == DomainError(f"complaint.extension_approver.{who}")


def test_approved_extension_moves_the_deadline():
    events = [
        ev("dispatched", "2026-11-20 10:05", 1),
        ev("extension_requested", "2026-11-21 09:00", 2, deadline="resolve"),
    ]
    pending = derive(Facts(local(RECEIVED)), events, ComplaintRules())
    assert pending.pending_extension == "resolve"
    assert next_action(pending) == ("approve_extension", "supervisor")
    events.append(
        ev(
            "extension_approved",
            "2026-11-21 10:00",
            3,
            deadline="resolve",
            due=local("2026-11-25 18:00").isoformat(),
        )
    )
    state = derive(Facts(local(RECEIVED)), events, ComplaintRules())
    resolve = state.deadline("resolve")
    assert show(resolve.due) == "2026-11-25 18:00" and resolve.extended
    assert state.pending_extension is None
    assert deadline_state(state, local("2026-11-24 10:00")) == "on_time"


def test_return_visit_is_mandatory_before_closing_important():
    events = [
        ev("dispatched", "2026-11-20 10:05", 1),
        ev("resolved", "2026-11-20 15:00", 2),
        ev("informed", "2026-11-20 16:00", 3),
    ]
    important = derive(Facts(local(RECEIVED), severity="important"), events, ComplaintRules())
    assert "closed" not in allowed_steps(important)
    assert show(important.deadline("return_visit").due) == "2026-11-22 15:00"
    minor = derive(Facts(local(RECEIVED), severity="minor"), events, ComplaintRules())
    assert "closed" in allowed_steps(minor)
    assert minor.deadline("return_visit") is None


# ---- intake ----


def test_bad_input_is_refused_with_messages():
    errors = validate_input(
        ComplaintInput(complainant_name="", complainant_phone="12345", severity=""),
        ComplaintRules(),
    )
    assert errors == {
        "content": DomainError("complaint.content_required"),
        "complainant_name": DomainError("complaint.name_required"),
        "complainant_phone": DomainError("complaint.phone_invalid"),
        "severity": DomainError("complaint.severity_required"),
    }


@pytest.mark.parametrize(
    ("content", "category", "scheme", "suggested"),
    [
        ("电梯按钮不灵", "facilities", "standard", "minor"),
        ("保安态度恶劣", "attitude", "standard", "important"),
        ("多次报修无人处理导致受伤", "repair", "standard", "major"),
        ("多次报修无人处理导致受伤", "repair", "ab", "A"),
        ("路灯不亮", "facilities", "ab", "B"),
    ],
)
def test_severity_suggestion(content, category, scheme, suggested):
    data = ComplaintInput(content=content, category=category)
    assert suggest_severity(data, ComplaintRules(severity_scheme=scheme)) == suggested


def test_rules_round_trip_and_validation():
    rules = ComplaintRules(working_days=True, calendar=NATIONAL_DAY, important_handover_hours=1)
    assert ComplaintRules.from_json(rules.to_json()) == rules
    with pytest.raises(DomainError) as refused:
        ComplaintRules.from_json({"important_handover_hours": 3})
    assert refused.value == DomainError("complaint.rules.handover_hours")
    # a stored day-based repeat window of an older version falls back to 3 months
    assert ComplaintRules.from_json({"repeat_window_days": 30}).repeat_window_months == 3


# ---- order independence (property) ----

KINDS = [
    "dispatched",
    "signed",
    "progress",
    "escalated",
    "extension_requested",
    "extension_approved",
    "resolved",
    "informed",
    "return_visit",
    "closed",
    "reopened",
    "auto_major",
]


@st.composite
def event_sets(draw):
    n = draw(st.integers(0, 12))
    events = []
    base = local(RECEIVED)
    for i in range(n):
        kind = draw(st.sampled_from(KINDS))
        minutes = draw(st.integers(0, 60 * 24 * 40))
        data = {}
        if kind == "dispatched":
            data["department"] = draw(st.sampled_from(["engineering", "cleaning"]))
        if kind == "escalated":
            data["to"] = draw(st.sampled_from(["supervisor", "director"]))
        if kind == "return_visit":
            data["satisfaction"] = draw(st.sampled_from(["satisfied", "dissatisfied"]))
        if kind == "extension_approved":
            data["due"] = (base + timedelta(days=draw(st.integers(1, 20)))).isoformat()
        # equal times on purpose: ties are broken by id
        events.append(
            Event(f"id{i:02d}", kind, base + timedelta(minutes=minutes // 7 * 7), data=data)
        )
    return events


@given(
    events=event_sets(),
    severity=st.sampled_from(["major", "important", "minor"]),
    valid=st.booleans(),
    data=st.data(),
)
def test_derived_state_does_not_depend_on_arrival_order(events, severity, valid, data):
    facts = Facts(local(RECEIVED), valid=valid, severity=severity)
    rules = ComplaintRules(working_days=True, calendar=NATIONAL_DAY)
    shuffled = data.draw(st.permutations(events))
    repeated = (
        shuffled + data.draw(st.lists(st.sampled_from(events), max_size=3)) if events else shuffled
    )
    assert derive(facts, repeated, rules) == derive(facts, events, rules)
