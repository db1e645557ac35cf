"""The vocabulary of complaints (severities, channels, categories, departments, steps) and
an estate's complaint rules with DOMAIN.md's defaults. Pure; no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.domain.calendar import DEFAULT_TIMEZONE, WorkingCalendar, add_days
from app.domain.errors import DomainError

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

# Whole numbers of the rules that must be above zero.
_POSITIVE = (
    "dispatch_minutes",
    "major_answer_days",
    "major_resolve_days",
    "important_resolve_days",
    "minor_resolve_days",
    "return_visit_days",
    "escalate_after_months",
    "repeat_window_months",
)


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
    # seed 001: 确保3个月内不出现二次投诉
    repeat_window_months: int = 3
    severity_scheme: str = "standard"  # or "ab": class A / class B
    timezone: str = DEFAULT_TIMEZONE
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)

    def to_json(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "calendar"}
        data["calendar"] = self.calendar.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ComplaintRules:
        """Rules from their stored form; unknown keys (e.g. a former day-based repeat
        window) are ignored. Raises the first DomainError of ``validate_rules``."""
        data = dict(data or {})
        calendar = WorkingCalendar.from_json(data.pop("calendar", None))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        rules = cls(calendar=calendar, **known)
        errors = validate_rules(rules)
        if errors:
            raise errors[0]
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


def validate_rules(rules: ComplaintRules) -> list[DomainError]:
    errors = []
    if rules.important_handover_hours not in (1, 2):
        errors.append(DomainError("complaint.rules.handover_hours"))
    for name in _POSITIVE:
        if int(getattr(rules, name)) <= 0:
            errors.append(DomainError("complaint.rules.not_positive", rule=name))
    if rules.severity_scheme not in ("standard", "ab"):
        errors.append(DomainError("complaint.rules.severity_scheme"))
    return errors


def severities_for(rules: ComplaintRules) -> tuple[str, ...]:
    return ("A", "B") if rules.severity_scheme == "ab" else ("major", "important", "minor")
