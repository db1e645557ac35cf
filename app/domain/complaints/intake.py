"""Intake of a complaint: what the receptionist typed, its validation (codes by field),
the severity the rules suggest, and the window in which a complaint counts as a repeat.
Pure; no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.complaints.deadlines import add_months
from app.domain.complaints.rules import (
    CATEGORIES,
    CHANNELS,
    DEPARTMENTS,
    SCOPES,
    SEVERITY_LEVEL,
    ComplaintRules,
    severities_for,
)
from app.domain.errors import DomainError

PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


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


def validate_input(data: ComplaintInput, rules: ComplaintRules) -> dict[str, DomainError]:
    """Errors by field; empty when the complaint may be saved."""
    errors: dict[str, DomainError] = {}
    if not data.content.strip():
        errors["content"] = DomainError("complaint.content_required")
    if not data.complainant_name.strip():
        errors["complainant_name"] = DomainError("complaint.name_required")
    phone = data.complainant_phone.strip()
    if phone and not PHONE.match(phone):
        errors["complainant_phone"] = DomainError("complaint.phone_invalid")
    if data.channel not in CHANNELS:
        errors["channel"] = DomainError("complaint.channel_invalid")
    if data.category not in CATEGORIES:
        errors["category"] = DomainError("complaint.category_required")
    if data.scope not in SCOPES:
        errors["scope"] = DomainError("complaint.scope_invalid")
    if data.severity not in severities_for(rules):
        errors["severity"] = DomainError("complaint.severity_required")
    if data.department and data.department not in DEPARTMENTS:
        errors["department"] = DomainError("complaint.department_invalid")
    for name in ("event_time", "resident_deadline"):
        value = getattr(data, name).strip()
        if value:
            try:
                parse_local(value)
            except ValueError:
                errors[name] = DomainError("complaint.time_invalid", typed=value)
    if data.resident_deadline.strip() and SEVERITY_LEVEL.get(data.severity) != "minor":
        errors["resident_deadline"] = DomainError("complaint.resident_deadline_minor_only")
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


def repeat_window_start(received_at: datetime, rules: ComplaintRules) -> datetime:
    """An earlier complaint closed at or after this moment makes a new one on the same unit
    and category a repeat (二次投诉); one still open always does."""
    return add_months(received_at, -rules.repeat_window_months)
