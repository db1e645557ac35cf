"""The reception register (客户服务登记表, KH-21-R01), visitors and release slips: the
values an entry may take and the checks of a form before it is saved. Pure; no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import DomainError, FieldErrors

CHANNELS = ("in_person", "phone", "letter", "wechat", "other")
CATEGORIES = (
    "consultation",
    "repair",
    "complaint",
    "suggestion",
    "key",
    "goods_release",
    "paid_service",
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
NOTICE_KINDS = ("water_cut", "power_cut", "lift_out", "gas_cut", "works", "other")
ID_TYPES = ("id_card", "passport", "driving_licence", "other")
FORM_CODE = "KH-21-R01"
MAX_TEXT = 2000
PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
PLATE = re.compile(r"^[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}$")


@dataclass(frozen=True)
class EntryInput:
    """What the quick-entry form holds."""

    channel: str = "phone"
    category: str = "consultation"
    caller_name: str = ""
    caller_phone: str = ""
    unit_id: str | None = None
    resident_id: str | None = None
    content: str = ""
    answer: str = ""
    open: bool = False  # not answered at once: stays an open item
    promised_at: datetime | None = None
    referred_to: str = ""  # a department, when referred


def check_entry(data: EntryInput, now: datetime) -> None:
    """Raise FieldErrors naming every field that needs attention (nothing is saved)."""
    errors: dict[str, DomainError] = {}
    if data.channel not in CHANNELS:
        errors["channel"] = DomainError("reception.channel_required")
    if data.category not in CATEGORIES:
        errors["category"] = DomainError("reception.category_required")
    if not data.content.strip():
        errors["content"] = DomainError("reception.content_required")
    elif len(data.content) > MAX_TEXT:
        errors["content"] = DomainError("reception.too_long", limit=MAX_TEXT)
    if len(data.answer) > MAX_TEXT:
        errors["answer"] = DomainError("reception.too_long", limit=MAX_TEXT)
    phone = data.caller_phone.strip()
    if phone and not PHONE.match(phone):
        errors["caller_phone"] = DomainError("reception.phone_invalid")
    if data.open:
        if data.promised_at is None:
            errors["promised_at"] = DomainError("reception.promise_required")
        elif data.promised_at <= now:
            errors["promised_at"] = DomainError("reception.promise_past")
    elif not data.answer.strip():
        errors["answer"] = DomainError("reception.answer_required")
    if data.referred_to and data.referred_to not in DEPARTMENTS:
        errors["referred_to"] = DomainError("reception.department_unknown")
    if errors:
        raise FieldErrors(errors)


def check_close(answer: str) -> None:
    if not answer.strip():
        raise FieldErrors({"answer": DomainError("reception.answer_required")})


@dataclass(frozen=True)
class NoticeInput:
    kind: str
    title: str
    script: str  # the sentence staff should say
    building_ids: tuple[str, ...]  # empty: the whole estate
    starts_at: datetime
    ends_at: datetime


def check_notice(data: NoticeInput) -> None:
    errors: dict[str, DomainError] = {}
    if data.kind not in NOTICE_KINDS:
        errors["kind"] = DomainError("notice.kind_required")
    if not data.title.strip():
        errors["title"] = DomainError("notice.title_required")
    if not data.script.strip():
        errors["script"] = DomainError("notice.script_required")
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = DomainError("notice.period_invalid")
    if errors:
        raise FieldErrors(errors)


@dataclass(frozen=True)
class VisitorInput:
    name: str
    id_type: str = "id_card"
    id_number: str = ""
    unit_id: str | None = None
    purpose: str = ""
    plate: str = ""


def check_visitor(data: VisitorInput) -> None:
    errors: dict[str, DomainError] = {}
    if not data.name.strip():
        errors["name"] = DomainError("visitor.name_required")
    if data.id_type not in ID_TYPES:
        errors["id_type"] = DomainError("visitor.id_type_required")
    number = data.id_number.strip()
    if data.id_type == "id_card" and number and not re.match(r"^\d{17}[\dXx]$", number):
        errors["id_number"] = DomainError("visitor.id_number_invalid")
    if not data.purpose.strip():
        errors["purpose"] = DomainError("visitor.purpose_required")
    plate = data.plate.strip().upper().replace(" ", "")
    if plate and not PLATE.match(plate):
        errors["plate"] = DomainError("visitor.plate_invalid")
    if errors:
        raise FieldErrors(errors)


@dataclass(frozen=True)
class SlipInput:
    unit_id: str | None
    items: str
    taken_by: str
    checked_by: str = ""


def check_slip(data: SlipInput) -> None:
    errors: dict[str, DomainError] = {}
    if not data.unit_id:
        errors["unit_id"] = DomainError("slip.unit_required")
    if not data.items.strip():
        errors["items"] = DomainError("slip.items_required")
    if not data.taken_by.strip():
        errors["taken_by"] = DomainError("slip.taken_by_required")
    if errors:
        raise FieldErrors(errors)
