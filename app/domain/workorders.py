"""Work orders (派工单): the transition table, the SLA clock and the return-visit rules.

Pure functions over a work order's facts and its insert-only events. The same engine
serves repair orders taken at the desk and corrective actions of inspections (``kind``).

The clock is derived from the events every time it is read:
- it starts at registration, or at the booked slot when the resident chose one;
- it runs only in the running states; it stops in the states marked ``paused`` (waiting
  for parts, waiting for the owner) and between "done" and a reopen, so a reopened order
  continues with what was left of its budget;
- normal orders count business hours (08:30-17:30 every day, optionally skipping the
  estate's holidays); emergencies count around the clock;
- the budget comes from the order's category x priority *as of now* (the last
  re-categorisation), applied over the same running intervals, so a change of category or
  priority never forgets a pause.
Events are sorted by (at, id) before folding, so any arrival order gives the same state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.domain.errors import DomainError
from app.domain.workorder_clock import (  # noqa: F401  (re-exported: one import for callers)
    Clock,
    Target,
    WorkOrderRules,
    check_rules,
)

KINDS = ("repair", "corrective")
PRIORITIES = ("emergency", "normal")
CATEGORIES = (
    "water_leak",
    "power_cut",
    "lift_entrapment",
    "gas",
    "plumbing",
    "electrical",
    "doors_windows",
    "walls_floors",
    "fire_safety",
    "public_facilities",
    "appliance",
    "cleaning",
    "landscaping",
    "security",
    "other",
)
EMERGENCY_CATEGORIES = frozenset({"water_leak", "power_cut", "lift_entrapment", "gas"})
# return visit within 2 days (DOMAIN.md "safety-facility repairs")
SAFETY_CATEGORIES = frozenset({"fire_safety", "gas", "lift_entrapment", "power_cut"})
DEPARTMENTS = (
    "engineering",
    "cleaning",
    "landscaping",
    "security",
    "customer_service",
    "control_room",
)
PAUSE_REASONS = {"parts": "waiting_parts", "owner": "waiting_owner"}
VISIT_OUTCOMES = ("satisfied", "not_satisfied", "unreachable")
VISIT_ATTEMPTS = 3
PROGRESS_EVERY = timedelta(hours=4)

# ---- the transition table ----


@dataclass(frozen=True)
class StateSpec:
    running: bool  # the SLA clock runs in this state
    paused: bool = False  # a pause: the clock stops until resumed
    open: bool = True  # work still to do (overdue may be shown)


STATES: dict[str, StateSpec] = {
    "registered": StateSpec(running=True),
    "dispatched": StateSpec(running=True),
    "accepted": StateSpec(running=True),
    "in_progress": StateSpec(running=True),
    "waiting_parts": StateSpec(running=False, paused=True),
    "waiting_owner": StateSpec(running=False, paused=True),
    "returned": StateSpec(running=True),  # handed back to the desk by the repairer
    "done": StateSpec(running=False, open=False),
    "visited": StateSpec(running=False, open=False),
    "closed": StateSpec(running=False, open=False),
    "declined": StateSpec(running=False, open=False),
}
PAUSED_STATES = frozenset(s for s, spec in STATES.items() if spec.paused)
OPEN_STATES = frozenset(s for s, spec in STATES.items() if spec.open)
ACTIVE = ("dispatched", "accepted", "in_progress", "waiting_parts", "waiting_owner")

# action -> (states it is allowed from, the state it leads to; None = stays, "*" = derived)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "dispatch": (frozenset({"registered", "returned"}), "dispatched"),
    "transfer": (frozenset({"dispatched", "accepted", "in_progress"}), "dispatched"),
    "accept": (frozenset({"dispatched"}), "accepted"),
    "start": (frozenset({"accepted", "dispatched"}), "in_progress"),
    "pause": (frozenset({"accepted", "in_progress"}), "*"),
    "resume": (PAUSED_STATES, "in_progress"),
    "return_to_desk": (frozenset(ACTIVE), "returned"),
    "decline": (frozenset({"registered", "returned"}), "declined"),
    "progress": (OPEN_STATES, None),
    "recategorise": (OPEN_STATES | {"done"}, None),
    "done": (frozenset({"in_progress", "accepted"}), "done"),
    "return_visit": (frozenset({"done"}), "*"),
    "close": (frozenset({"visited"}), "closed"),
    "reopen": (frozenset({"done", "visited", "closed"}), "dispatched"),
}
NEEDS_REASON = frozenset({"pause", "transfer", "return_to_desk", "decline", "reopen"})
ACTIONS = tuple(TRANSITIONS)
EVENT_KINDS = ("registered", *ACTIONS)


def allowed_actions(status: str) -> list[str]:
    return [a for a, (sources, _) in TRANSITIONS.items() if status in sources]


# ---- facts and events ----


@dataclass(frozen=True)
class Facts:
    created_at: datetime
    category: str
    priority: str
    paid: bool = False
    slot_start: datetime | None = None
    slot_end: datetime | None = None
    assignee_id: str = ""


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    at: datetime
    actor_id: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Deadline:
    kind: str  # "respond" (on site) or "resolve"
    due: datetime | None  # None: the clock is stopped with time left
    met_at: datetime | None
    late: bool  # met after its due, or still open past it at ``now`` of the derivation


@dataclass(frozen=True)
class WorkOrderState:
    status: str
    category: str
    priority: str
    department: str
    assignee_id: str
    started_at: datetime  # when the clock started
    deadlines: tuple[Deadline, ...]
    next_due: datetime | None  # the earliest unmet deadline (None when stopped or all met)
    paused_since: datetime | None
    remaining: timedelta | None  # clock left on the resolve target while paused
    done_at: datetime | None
    closed_at: datetime | None
    completed_late: bool
    reopen_count: int
    visit_attempts: int
    visit_due: datetime | None
    visit_outcome: str
    worker_ids: frozenset[str]
    last_activity_at: datetime
    pause_count: int

    @property
    def open(self) -> bool:
        return STATES[self.status].open

    def overdue(self, now: datetime) -> bool:
        """Shown overdue: still open and an unmet deadline has passed (never when closed)."""
        return self.open and self.next_due is not None and now >= self.next_due

    def deadline_state(self, now: datetime, warn: timedelta) -> str:
        """ "overdue", "due_soon", "on_time", "paused" or "" (nothing due)."""
        if not self.open:
            return ""
        if self.overdue(now):
            return "overdue"
        if self.status in PAUSED_STATES:
            return "paused"
        if self.next_due is None:
            return ""
        return "due_soon" if now >= self.next_due - warn else "on_time"

    def needs_chasing(self, now: datetime, every: timedelta = PROGRESS_EVERY) -> bool:
        return self.status in ACTIVE and now - self.last_activity_at >= every

    def visit_overdue(self, now: datetime) -> bool:
        return self.status == "done" and self.visit_due is not None and now >= self.visit_due


def sort_events(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.at, e.id))


def _next_status(status: str, event: Event) -> str:
    if event.kind == "pause":
        return PAUSE_REASONS.get(event.data.get("reason", ""), "waiting_parts")
    if event.kind == "return_visit":
        return "visited"  # reopening outcomes are handled by the caller
    target = TRANSITIONS[event.kind][1]
    return status if target is None else target


def derive(facts: Facts, events: Iterable[Event], rules: WorkOrderRules) -> WorkOrderState:
    """The order's state, deadlines and counters from its facts and events."""
    ordered = sort_events(events)
    status = "registered"
    category, priority = facts.category, facts.priority
    department, assignee = "", facts.assignee_id
    start = facts.created_at
    if facts.slot_start is not None and facts.slot_start > start:
        start = facts.slot_start
    stops: list[tuple[datetime, datetime | None]] = []  # intervals when the clock stood still
    stopped_at: datetime | None = None
    first_start = done_at = closed_at = paused_since = None
    reopen_count = attempts = pause_count = 0
    outcome = ""
    workers: set[str] = set()
    last_activity = facts.created_at
    fixed_due: datetime | None = None  # a deadline the order's source set
    for event in ordered:
        if event.kind == "registered":
            category = event.data.get("category", category)
            priority = event.data.get("priority", priority)
            department = event.data.get("department", department)
            fixed_due = _fixed_due(event.data.get("due_at"))
            continue
        if event.kind not in TRANSITIONS:
            continue  # an event kind of a later version: kept, ignored here
        sources, _ = TRANSITIONS[event.kind]
        if status not in sources:
            continue  # offline desks may both act: the first by (at, id) wins
        new = _next_status(status, event)
        data = event.data
        if event.kind == "reopen":
            reopen_count += 1
        if event.kind in ("dispatch", "transfer", "reopen"):
            assignee = data.get("assignee_id", assignee) or assignee
            department = data.get("department", department) or department
        elif event.kind == "recategorise":
            category = data.get("category", category)
            priority = data.get("priority", priority)
        elif event.kind == "start" and first_start is None:
            first_start = event.at
        elif event.kind == "pause":
            pause_count += 1
            paused_since = event.at
        elif event.kind == "resume":
            paused_since = None
        elif event.kind == "done":
            done_at = event.at
            # who did the work: the assignee (the desk may record "done" for them)
            workers.add(event.data.get("by") or assignee)
        elif event.kind == "return_visit":
            outcome = data.get("outcome", "")
            if outcome == "unreachable":
                attempts += 1
                new = "visited" if attempts >= VISIT_ATTEMPTS else "done"
            elif outcome == "not_satisfied":
                new = "dispatched"
                reopen_count += 1
            else:
                attempts += 1
        elif event.kind == "close":
            closed_at = event.at
        if new in ("dispatched",) and status in ("done", "visited", "closed"):
            done_at = closed_at = None  # reopened: the order is open again
            attempts = 0
            outcome = "" if event.kind == "reopen" else outcome
        if event.kind not in ("recategorise", "return_visit", "close") or new == "dispatched":
            last_activity = max(last_activity, event.at)  # the 4-hourly report restarts
        was_running, now_running = STATES[status].running, STATES[new].running
        if was_running and not now_running:
            stopped_at = event.at
        elif not was_running and now_running and stopped_at is not None:
            stops.append((stopped_at, event.at))
            stopped_at = None
        status = new
    if stopped_at is not None:
        stops.append((stopped_at, None))
    if assignee:
        workers.add(assignee)
    workers.discard("")

    target = rules.target(category, priority, facts.paid, facts.slot_end is not None)
    clock = Clock(rules, business=priority != "emergency")
    if fixed_due is not None:
        # A corrective action's due by severity (app.domain.inspections.corrective_due):
        # calendar time, so the order and the action share one deadline; pauses extend it.
        clock = Clock(rules, business=False)
        minutes = max(1, int((fixed_due - start).total_seconds() // 60))
        target = Target(resolve=minutes, respond=target.respond)
    resolve_budget = _budget(target.resolve, clock, start, facts)
    deadlines = []
    if target.respond is not None:
        due, _left = _due(clock, start, timedelta(minutes=int(target.respond)), stops)
        deadlines.append(_deadline("respond", due, first_start))
    due, left = _due(clock, start, resolve_budget, stops)
    deadlines.append(_deadline("resolve", due, done_at))
    unmet = [d for d in deadlines if d.met_at is None]
    # a known due of an unmet deadline while the clock stands still lies before the stop
    known = [d.due for d in unmet if d.due is not None]
    next_due = min(known) if known else None
    completed_late = any(d.late for d in deadlines if d.kind == "resolve" and d.met_at)
    visit_due = None
    if status == "done" and done_at is not None:
        visit_due = done_at + timedelta(days=_visit_days(category, rules))
    return WorkOrderState(
        status=status,
        category=category,
        priority=priority,
        department=department,
        assignee_id=assignee,
        started_at=start,
        deadlines=tuple(deadlines),
        next_due=next_due if STATES[status].open else None,
        paused_since=paused_since if status in PAUSED_STATES else None,
        remaining=left if due is None else None,
        done_at=done_at,
        closed_at=closed_at,
        completed_late=completed_late,
        reopen_count=reopen_count,
        visit_attempts=attempts,
        visit_due=visit_due,
        visit_outcome=outcome,
        worker_ids=frozenset(workers),
        last_activity_at=last_activity,
        pause_count=pause_count,
    )


def _visit_days(category: str, rules: WorkOrderRules) -> int:
    if category == "water_leak":
        return rules.visit_days_leak
    if category in SAFETY_CATEGORIES:
        return rules.visit_days_safety
    return rules.visit_days


def _fixed_due(value: Any) -> datetime | None:
    """The ``due_at`` a registered event carries (ISO text), if any and readable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        due = datetime.fromisoformat(value)
    except ValueError:
        return None
    return due if due.tzinfo is not None else None


def _budget(resolve: str | int, clock: Clock, start: datetime, facts: Facts) -> timedelta:
    if resolve == "appointment" and facts.slot_end is not None:
        return max(clock.counted(start, facts.slot_end), timedelta(minutes=1))
    if resolve in ("same_day", "appointment"):
        return max(clock.counted(start, clock.end_of_day(start)), timedelta(minutes=1))
    return timedelta(minutes=int(resolve))


def _due(
    clock: Clock,
    start: datetime,
    budget: timedelta,
    stops: list[tuple[datetime, datetime | None]],
) -> tuple[datetime | None, timedelta]:
    """When ``budget`` of running clock time has passed since ``start``, skipping the
    stops; (None, time left) when the clock is stopped now with time left."""
    left = budget
    cursor = start
    for stop_start, stop_end in sorted(stops, key=lambda s: s[0]):
        if stop_end is not None and stop_end <= cursor:
            continue
        if stop_start > cursor:
            run = clock.counted(cursor, stop_start)
            if run >= left:
                return clock.add(cursor, left), timedelta(0)
            left -= run
        if stop_end is None:
            return None, left
        cursor = max(cursor, stop_end)
    return clock.add(cursor, left), timedelta(0)


def _deadline(kind: str, due: datetime | None, met_at: datetime | None) -> Deadline:
    late = due is not None and met_at is not None and met_at > due
    return Deadline(kind, due, met_at, late)


# ---- checks before an event is appended ----


def check_action(
    state: WorkOrderState, action: str, actor_id: str, data: dict[str, Any], reason: str
) -> None:
    """Raise a DomainError when ``action`` is not allowed now or lacks what it needs."""
    if action not in TRANSITIONS:
        raise DomainError("workorder.unknown_action", action=action)
    if state.status not in TRANSITIONS[action][0]:
        raise DomainError("workorder.not_allowed", action=action, status=state.status)
    if action in NEEDS_REASON and not reason.strip():
        raise DomainError("workorder.reason_required", action=action)
    if action == "pause" and data.get("reason") not in PAUSE_REASONS:
        raise DomainError("workorder.pause_reason")
    if action in ("dispatch", "transfer") and not (data.get("assignee_id") or data.get("pool")):
        raise DomainError("workorder.assignee_required")
    if action == "recategorise" and (
        data.get("category") not in CATEGORIES or data.get("priority") not in PRIORITIES
    ):
        raise DomainError("workorder.category_required")
    if action == "progress" and not reason.strip():
        raise DomainError("workorder.note_required")
    if action == "return_visit":
        if data.get("outcome") not in VISIT_OUTCOMES:
            raise DomainError("workorder.visit_outcome")
        if actor_id and actor_id in state.worker_ids:
            raise DomainError("workorder.visitor_did_the_work")
