"""Complaint rules (DOMAIN.md "Complaints"), pure and without I/O:

- ``rules``: the vocabulary and an estate's settings (``ComplaintRules``);
- ``deadlines``: status and deadlines folded from the events, and the deadline state of a
  due time at a moment (``due_state``), the one place that decides it;
- ``intake``: validation of what was typed, the suggested severity, the repeat window.
"""

from app.domain.complaints.deadlines import (
    ComplaintState,
    Deadline,
    Event,
    Facts,
    add_months,
    allowed_steps,
    check_approver,
    close_needs_visit,
    deadline_state,
    derive,
    due_state,
    needs_auto_major,
    next_action,
    sort_events,
)
from app.domain.complaints.intake import (
    PHONE,
    ComplaintInput,
    parse_local,
    repeat_window_start,
    suggest_severity,
    validate_input,
)
from app.domain.complaints.rules import (
    APPROVERS,
    CATEGORIES,
    CHANNELS,
    DEADLINE_KINDS,
    DEPARTMENTS,
    DUE_SOON,
    EVENT_KINDS,
    OPEN_STATUSES,
    SATISFACTION,
    SCOPES,
    SEVERITIES,
    SEVERITY_LEVEL,
    STATUSES,
    ComplaintRules,
    severities_for,
    validate_rules,
)

__all__ = [
    "APPROVERS",
    "CATEGORIES",
    "CHANNELS",
    "DEADLINE_KINDS",
    "DEPARTMENTS",
    "DUE_SOON",
    "EVENT_KINDS",
    "OPEN_STATUSES",
    "PHONE",
    "SATISFACTION",
    "SCOPES",
    "SEVERITIES",
    "SEVERITY_LEVEL",
    "STATUSES",
    "ComplaintInput",
    "ComplaintRules",
    "ComplaintState",
    "Deadline",
    "Event",
    "Facts",
    "add_months",
    "allowed_steps",
    "check_approver",
    "close_needs_visit",
    "deadline_state",
    "derive",
    "due_state",
    "needs_auto_major",
    "next_action",
    "parse_local",
    "repeat_window_start",
    "severities_for",
    "sort_events",
    "suggest_severity",
    "validate_input",
    "validate_rules",
]
