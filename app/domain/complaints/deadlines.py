"""The deadline engine: the status, effective severity and deadlines of one complaint,
folded from its insert-only events, and the deadline state of a due time at a given
moment (the one place that decides "overdue", "due within 2 h" or "on time").

The events are sorted by (at, id) before folding, so the same events give the same status
and deadlines whatever order they arrived in from several offices. Pure; no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from app.domain.calendar import end_of_day
from app.domain.complaints.rules import (
    APPROVERS,
    DEADLINE_KINDS,
    DUE_SOON,
    OPEN_STATUSES,
    SEVERITY_LEVEL,
    ComplaintRules,
)
from app.domain.errors import DomainError

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
    valid: bool = True

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
                # seed 000 §4.10.3, counted from the escalation: a clear answer within
                # 2 days, resolved within 10
                open_("answer", rules.days(at, rules.major_answer_days))
                if status in OPEN_STATUSES:
                    open_("resolve", rules.days(at, rules.major_resolve_days))
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
            # A close that the rules refuse (a valid major or important complaint not
            # yet visited) changes nothing, whichever desk recorded it: its deadlines
            # keep counting, so a missed one is never settled away.
            if status != "closed" and not _close_needs_visit(facts.valid, level, status):
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
        valid=facts.valid,
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


def due_state(due: datetime | None, now: datetime) -> str:
    """ "done" (nothing due), "overdue", "due_soon" (within 2 hours) or "on_time": the
    word and colour every view shows for a due time (UI.md: colour + word)."""
    if due is None:
        return "done"
    if due < now:
        return "overdue"
    if due - now <= DUE_SOON:
        return "due_soon"
    return "on_time"


def deadline_state(state: ComplaintState, now: datetime) -> str:
    """The state of a complaint's next deadline at ``now``."""
    upcoming = state.next_deadline
    return due_state(upcoming.due if upcoming else None, now)


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


def check_approver(level: str, role: str) -> None:
    """Refuses an extension approved by a role the severity does not allow."""
    if role not in APPROVERS[level]:
        if level == "minor":
            raise DomainError("complaint.extension_approver.minor")
        raise DomainError("complaint.extension_approver.director")


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
    if "closed" in steps and close_needs_visit(state):
        steps.remove("closed")  # handling and the return visit come first (seed 000 §4.7)
    return tuple(steps)


def close_needs_visit(state: ComplaintState) -> bool:
    """A valid major or important complaint is closed only after its return visit."""
    return _close_needs_visit(state.valid, state.level, state.status)


def _close_needs_visit(valid: bool, level: str, status: str) -> bool:
    return valid and level in ("major", "important") and status != "visited"
