"""Complaint rules (DOMAIN.md "Complaints"): the deadline engine and the status derived
from the insert-only events. Pure functions, no I/O.

The events of a complaint are sorted by (at, id) before folding, so the same events give
the same status and deadlines whatever order they arrived in from several offices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from app.domain.calendar import DEFAULT_TIMEZONE, WorkingCalendar, add_days, end_of_day

SEVERITIES = ("major", "important", "minor", "A", "B")
# Class A is beyond the assistant's authority (handled like important), class B is handled
# by the assistant (like minor).
SEVERITY_LEVEL = {
    "major": "major",
    "important": "important",
    "minor": "minor",
    "A": "important",
    "B": "minor",
}
CHANNELS = ("in_person", "phone", "letter", "other")
SCOPES = ("property", "non_property")
CATEGORIES = (
    "repair",
    "cleaning",
    "security",
    "noise",
    "parking",
    "fees",
    "attitude",
    "landscaping",
    "facilities",
    "builder_defect",
    "other",
)
DEPARTMENTS = (
    "customer_service",
    "engineering",
    "security",
    "cleaning",
    "landscaping",
    "control_room",
    "finance",
    "estate_office",
)
EVENT_KINDS = (
    "received",
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
)
STATUSES = ("received", "dispatched", "processing", "resolved", "informed", "visited", "closed")
OPEN_STATUSES = ("received", "dispatched", "processing")
DEADLINE_KINDS = (
    "dispatch",
    "report_director",
    "handover_supervisor",
    "answer",
    "resolve",
    "inform",
    "return_visit",
)
SATISFACTION = ("very_satisfied", "satisfied", "neutral", "dissatisfied")
# Who may approve an overdue extension, by severity level (DOMAIN.md): the assistant
# (主管/助理, the "supervisor" role) for minor, the director for important and major.
APPROVERS = {
    "minor": ("supervisor", "director"),
    "important": ("director",),
    "major": ("director",),
}
DUE_SOON = timedelta(hours=2)
PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


class WorkflowError(ValueError):
    """A step that the complaint's state or the user's role does not allow."""


# ---- the estate's rules ----


@dataclass(frozen=True)
class ComplaintRules:
    """Estate settings with DOMAIN.md's defaults (setting key "complaints.rules")."""

    dispatch_minutes: int = 15
    important_handover_hours: int = 2
    major_answer_days: int = 2
    major_resolve_days: int = 10
    important_resolve_days: int = 3
    minor_resolve_days: int = 2
    return_visit_days: int = 2
    working_days: bool = False
    escalate_after_months: int = 1
    repeat_window_days: int = 30
    severity_scheme: str = "standard"  # or "ab": class A / class B
    timezone: str = DEFAULT_TIMEZONE
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)

    def to_json(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "calendar"}
        data["calendar"] = self.calendar.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ComplaintRules:
        data = dict(data or {})
        calendar = WorkingCalendar.from_json(data.pop("calendar", None))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        rules = cls(calendar=calendar, **known)
        errors = validate_rules(rules)
        if errors:
            raise ValueError("; ".join(errors))
        return rules

    def days(self, start: datetime, count: int) -> datetime:
        return add_days(
            start, count, working=self.working_days, calendar=self.calendar, tz=self.timezone
        )

    def resolve_days(self, level: str) -> int:
        return {
            "major": self.major_resolve_days,
            "important": self.important_resolve_days,
            "minor": self.minor_resolve_days,
        }[level]


def validate_rules(rules: ComplaintRules) -> list[str]:
    errors = []
    if rules.important_handover_hours not in (1, 2):
        errors.append("Hand-over of important complaints is within 1 or 2 hours")
    for name in (
        "dispatch_minutes",
        "major_answer_days",
        "major_resolve_days",
        "important_resolve_days",
        "minor_resolve_days",
        "return_visit_days",
        "escalate_after_months",
        "repeat_window_days",
    ):
        if int(getattr(rules, name)) <= 0:
            errors.append(f"{name} must be greater than 0")
    if rules.severity_scheme not in ("standard", "ab"):
        errors.append("Severity scheme is standard or ab")
    return errors


def severities_for(rules: ComplaintRules) -> tuple[str, ...]:
    return ("A", "B") if rules.severity_scheme == "ab" else ("major", "important", "minor")


# ---- inputs: the header's facts and the events ----


@dataclass(frozen=True)
class Facts:
    """What the derivation needs from the complaint header."""

    received_at: datetime
    valid: bool = True
    severity: str = "minor"
    resident_deadline: datetime | None = None  # minor only, when the user chose it


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    at: datetime
    actor_id: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def add_months(moment: datetime, months: int) -> datetime:
    """Same day-of-month ``months`` later, clamped to the month's end (Jan 31 -> Feb 28)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


# ---- outputs ----


@dataclass(frozen=True)
class Deadline:
    kind: str
    due: datetime
    done_at: datetime | None = None
    extended: bool = False

    @property
    def met(self) -> bool | None:
        """True/False once done (on time or late); None while open."""
        return None if self.done_at is None else self.done_at <= self.due


@dataclass(frozen=True)
class ComplaintState:
    status: str
    severity: str  # effective: "major" after the automatic escalation
    level: str  # major / important / minor (class A/B mapped)
    deadlines: tuple[Deadline, ...]
    received_at: datetime
    resolved_at: datetime | None = None
    informed_at: datetime | None = None
    closed_at: datetime | None = None
    first_resolved_at: datetime | None = None
    satisfaction: str | None = None
    auto_major_at: datetime | None = None
    escalate_at: datetime | None = None  # when it becomes major if still unresolved
    pending_extension: str | None = None  # a deadline kind awaiting approval
    department: str | None = None  # last department dispatched to

    @property
    def open_deadlines(self) -> list[Deadline]:
        return [d for d in self.deadlines if d.done_at is None]

    @property
    def next_deadline(self) -> Deadline | None:
        if self.status == "closed":
            return None
        return min(self.open_deadlines, key=lambda d: (d.due, d.kind), default=None)

    def deadline(self, kind: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.kind == kind), None)


def sort_events(events: Iterable[Event]) -> list[Event]:
    # Same id twice (a repeated sync) counts once.
    unique = {e.id: e for e in events}
    return sorted(unique.values(), key=lambda e: (e.at, e.id))


def derive(facts: Facts, events: Iterable[Event], rules: ComplaintRules) -> ComplaintState:
    """Status, effective severity and every deadline of one complaint."""
    ordered = sort_events(events)
    received = facts.received_at
    level = SEVERITY_LEVEL.get(facts.severity, "minor")
    due: dict[str, Deadline] = {}

    def open_(kind: str, when: datetime) -> None:
        due[kind] = Deadline(kind, when)

    def done(kind: str, at: datetime) -> None:
        if kind in due and due[kind].done_at is None:
            due[kind] = replace(due[kind], done_at=at)

    if facts.valid:
        open_("dispatch", received + timedelta(minutes=rules.dispatch_minutes))
        _open_level_deadlines(open_, level, received, facts, rules)

    status = "received"
    resolved_at = informed_at = closed_at = first_resolved = None
    satisfaction = auto_major_at = pending = department = None
    severity = facts.severity
    for event in ordered:
        kind, at = event.kind, event.at
        if kind == "dispatched":
            done("dispatch", at)
            department = event.data.get("department", department)
            if status == "received":
                status = "dispatched"
        elif kind in (
            "signed",
            "progress",
            "escalated",
            "extension_requested",
            "extension_approved",
        ):
            if status in ("received", "dispatched"):
                status = "processing"
            if kind == "progress" and event.data.get("answer"):
                done("answer", at)
            if kind == "escalated":
                to = event.data.get("to", "")
                if to == "director":
                    done("report_director", at)
                if to in ("team_lead", "supervisor", "director"):
                    done("handover_supervisor", at)
            if kind == "extension_requested":
                pending = event.data.get("deadline", "resolve")
            if kind == "extension_approved":
                target = event.data.get("deadline", "resolve")
                new_due = _parse_time(event.data.get("due"))
                if target in due and new_due is not None:
                    due[target] = replace(due[target], due=new_due, extended=True)
                pending = None
        elif kind == "auto_major":
            if auto_major_at is None and severity != "major":
                auto_major_at = at
                severity, level = "major", "major"
                if "report_director" not in due:
                    open_("report_director", end_of_day(at, rules.timezone))
        elif kind == "resolved":
            if status in OPEN_STATUSES:
                status, resolved_at = "resolved", at
                first_resolved = first_resolved or at
                done("answer", at)
                done("resolve", at)
                open_("inform", end_of_day(at, rules.timezone))
                if facts.valid and level in ("major", "important"):
                    open_("return_visit", rules.days(at, rules.return_visit_days))
        elif kind == "informed":
            if status == "resolved":
                status, informed_at = "informed", at
                done("inform", at)
        elif kind == "return_visit":
            if status in ("resolved", "informed"):
                status = "visited"
                satisfaction = event.data.get("satisfaction", satisfaction)
                done("return_visit", at)
                done("inform", at)
        elif kind == "closed":
            if status != "closed":
                status, closed_at = "closed", at
        elif kind == "reopened" and status not in OPEN_STATUSES:
            status, resolved_at, informed_at, closed_at = "processing", None, None, None
            due.pop("inform", None)
            due.pop("return_visit", None)
            if facts.valid:
                open_("resolve", rules.days(at, rules.resolve_days(level)))
    if closed_at is not None:
        # Closing settles whatever was still open; it is not a missed deadline.
        for kind, deadline in list(due.items()):
            if deadline.done_at is None:
                due.pop(kind)
    escalate_at = None
    if facts.valid and level != "major" and resolved_at is None and closed_at is None:
        escalate_at = add_months(received, rules.escalate_after_months)
    ordered_deadlines = tuple(sorted(due.values(), key=lambda d: DEADLINE_KINDS.index(d.kind)))
    return ComplaintState(
        status=status,
        severity=severity,
        level=level,
        deadlines=ordered_deadlines,
        received_at=received,
        resolved_at=resolved_at,
        informed_at=informed_at,
        closed_at=closed_at,
        first_resolved_at=first_resolved,
        satisfaction=satisfaction,
        auto_major_at=auto_major_at,
        escalate_at=escalate_at,
        pending_extension=pending,
        department=department,
    )


def _open_level_deadlines(open_, level: str, received: datetime, facts: Facts, rules) -> None:
    if level == "major":
        open_("report_director", end_of_day(received, rules.timezone))
        open_("answer", rules.days(received, rules.major_answer_days))
        open_("resolve", rules.days(received, rules.major_resolve_days))
    elif level == "important":
        open_("handover_supervisor", received + timedelta(hours=rules.important_handover_hours))
        open_("resolve", rules.days(received, rules.important_resolve_days))
    elif facts.resident_deadline is not None:
        open_("resolve", facts.resident_deadline)
    else:
        open_("resolve", rules.days(received, rules.minor_resolve_days))


def _parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        return datetime.fromisoformat(value)
    return None


def deadline_state(state: ComplaintState, now: datetime) -> str:
    """ "done", "overdue", "due_soon" (within 2 hours) or "on_time" (UI.md: colour + word)."""
    upcoming = state.next_deadline
    if upcoming is None:
        return "done"
    if upcoming.due < now:
        return "overdue"
    if upcoming.due - now <= DUE_SOON:
        return "due_soon"
    return "on_time"


def needs_auto_major(state: ComplaintState, now: datetime) -> bool:
    """A valid complaint unresolved ``escalate_after_months`` after receipt becomes major."""
    return state.escalate_at is not None and state.escalate_at <= now


# ---- what to do next, and who does it ("my work") ----


def next_action(state: ComplaintState) -> tuple[str, str]:
    """(action, role) of the next step; ("", "") when nothing is left."""
    if state.status == "closed":
        return "", ""
    if state.pending_extension:
        return "approve_extension", APPROVERS[state.level][0]
    open_kinds = {d.kind for d in state.open_deadlines}
    if state.status == "received" or "dispatch" in open_kinds:
        return "dispatch", "receptionist"
    if "report_director" in open_kinds:
        return "report_director", "team_lead"
    if "handover_supervisor" in open_kinds:
        return "handover_supervisor", "team_lead"
    if state.status in ("dispatched", "processing"):
        return "resolve", "department"
    if state.status == "resolved":
        return "inform", "receptionist"
    if state.status == "informed":
        if state.level in ("major", "important"):
            return "return_visit", "supervisor"
        return "close", "receptionist"
    return "close", "supervisor"


APPROVER_MESSAGES = {
    "minor": "An extension for a minor complaint must be approved by the supervisor or director",
    "important": "An extension for an important complaint must be approved by the director",
    "major": "An extension for a major complaint must be approved by the director",
}


def check_approver(level: str, role: str) -> None:
    if role not in APPROVERS[level]:
        raise WorkflowError(APPROVER_MESSAGES[level])


def allowed_steps(state: ComplaintState) -> tuple[str, ...]:
    """The event kinds a user may add now (the UI enables these actions)."""
    by_status = {
        "received": ("dispatched", "progress", "escalated", "closed"),
        "dispatched": ("signed", "dispatched", "progress", "escalated", "resolved"),
        "processing": ("dispatched", "signed", "progress", "escalated", "resolved"),
        "resolved": ("informed", "return_visit", "reopened", "progress"),
        "informed": ("return_visit", "closed", "reopened", "progress"),
        "visited": ("closed", "reopened", "progress"),
        "closed": ("reopened",),
    }
    steps = list(by_status[state.status])
    if state.status in OPEN_STATUSES and state.open_deadlines:
        steps.append("extension_approved" if state.pending_extension else "extension_requested")
    if state.status == "informed" and state.level in ("major", "important"):
        steps.remove("closed")  # the return visit is mandatory first
    return tuple(steps)


# ---- intake: validation and the suggested severity ----


@dataclass
class ComplaintInput:
    """What the receptionist typed, as text, before it is accepted."""

    event_time: str = ""  # "YYYY-MM-DD HH:MM", local time
    event_place: str = ""
    unit_id: str | None = None
    resident_id: str | None = None
    complainant_name: str = ""
    complainant_phone: str = ""
    channel: str = "phone"
    about: str = ""
    content: str = ""
    request: str = ""
    contact: str = ""
    reply_wanted: bool = True
    category: str = "other"
    valid: bool = True
    scope: str = "property"
    severity: str = ""
    suggested_severity: str = ""
    department: str = ""
    resident_deadline: str = ""  # "YYYY-MM-DD HH:MM", minor only
    reception_id: str | None = None


def validate_input(data: ComplaintInput, rules: ComplaintRules) -> dict[str, str]:
    """Messages by field; empty when the complaint may be saved."""
    errors: dict[str, str] = {}
    if not data.content.strip():
        errors["content"] = "Describe what happened"
    if not data.complainant_name.strip():
        errors["complainant_name"] = "Complainant name is required"
    phone = data.complainant_phone.strip()
    if phone and not PHONE.match(phone):
        errors["complainant_phone"] = (
            "Phone must be a mobile number (11 digits, e.g. 13800138000) or 0755-12345678"
        )
    if data.channel not in CHANNELS:
        errors["channel"] = "Channel is in person, phone, letter or other"
    if data.category not in CATEGORIES:
        errors["category"] = "Choose a category"
    if data.scope not in SCOPES:
        errors["scope"] = "Scope is property service or non-property"
    if data.severity not in severities_for(rules):
        errors["severity"] = "Confirm the severity"
    if data.department and data.department not in DEPARTMENTS:
        errors["department"] = "Choose a department from the list"
    for name in ("event_time", "resident_deadline"):
        value = getattr(data, name).strip()
        if value:
            try:
                parse_local(value)
            except ValueError:
                errors[name] = "Time must be YYYY-MM-DD HH:MM, e.g. 2024-06-30 14:30"
    if data.resident_deadline.strip() and SEVERITY_LEVEL.get(data.severity) != "minor":
        errors["resident_deadline"] = "A resident's deadline applies to minor complaints only"
    return errors


def parse_local(text: str) -> datetime:
    """ "YYYY-MM-DD HH:MM" (or a date) as a naive local datetime."""
    text = text.strip()
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


_MAJOR_WORDS = ("受伤", "伤害", "重大损失", "多次", "屡次", "合同", "承诺", "injur", "repeated")
_IMPORTANT_WORDS = ("态度", "未处理", "没人管", "拖延", "服务差", "attitude", "ignored")


def suggest_severity(data: ComplaintInput, rules: ComplaintRules, *, repeat: bool = False) -> str:
    """The severity the rules suggest; the user confirms or changes it."""
    text = f"{data.about} {data.content} {data.request}".lower()
    if repeat or any(w in text for w in _MAJOR_WORDS):
        level = "major"
    elif data.category == "attitude" or any(w in text for w in _IMPORTANT_WORDS):
        level = "important"
    else:
        level = "minor"
    if rules.severity_scheme == "ab":
        return "B" if level == "minor" else "A"
    return level
