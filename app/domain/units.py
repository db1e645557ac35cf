"""Unit codes, masking and validation of unit and resident input. Pure functions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

_BUILDING_SUFFIX = re.compile(r"(号楼|栋|幢|座|楼)$")
# "3-1502", "3-2-1502", "3栋1502", "3栋2单元1502", "3栋 2单元 1502", "A座-1502"
_CODE = re.compile(
    r"^\s*(?P<b>[0-9A-Za-z]+)\s*(?:号楼|栋|幢|座|-|\s)\s*"
    r"(?:(?P<e>[0-9A-Za-z]+)\s*(?:单元|-)\s*)?(?P<r>[0-9A-Za-z]+)\s*(?:室|号)?\s*$"
)
PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


def building_short(name: str) -> str:
    """ "3栋" -> "3", "12号楼" -> "12", "A座" -> "A"."""
    return _BUILDING_SUFFIX.sub("", name.strip())


def unit_code(building: str, entrance: str, room: str) -> str:
    """The full form: "3栋 2单元 1502" (UI.md "Formats")."""
    short = building_short(building)
    head = f"{short}栋" if short.isdigit() else building
    parts = [head, f"{entrance}单元" if entrance else "", room]
    return " ".join(p for p in parts if p)


def unit_short_code(building: str, entrance: str, room: str) -> str:
    """The dense form: "3-2-1502" (or "3-1502" without an entrance)."""
    return "-".join(p for p in (building_short(building), entrance, room) if p)


def normalise_search(text: str) -> str:
    """Turn a room code typed in any common form into the short form the index holds.

    Full-width digits and letters (３栋１５０２) become ASCII first."""
    text = unicodedata.normalize("NFKC", text)
    match = _CODE.match(text)
    if not match:
        return " ".join(text.split())
    return "-".join(p for p in (match["b"], match["e"], match["r"]) if p)


def mask_phone(phone: str) -> str:
    digits = phone.strip()
    if len(digits) < 7:
        return digits
    return f"{digits[:3]}****{digits[-4:]}"


def mask_id_number(id_number: str) -> str:
    text = id_number.strip()
    if len(text) < 8:
        return "*" * len(text)
    return f"{text[:4]}{'*' * (len(text) - 8)}{text[-4:]}"


@dataclass
class UnitInput:
    """What a user typed for a unit, as text, before it is accepted."""

    building: str = ""
    entrance: str = ""
    room: str = ""
    floor: str = ""
    area_m2: str = ""
    kind: str = "residential"
    handover_date: str = ""
    vacant_since: str = ""
    vacancy_approved: bool = False


@dataclass
class UnitValues:
    building: str
    entrance: str
    room: str
    floor: int | None
    area_m2: Decimal
    kind: str
    handover_date: date | None
    vacant_since: date | None
    vacancy_approved: bool


class ValidationError(ValueError):
    """Field name -> message for the user (English source strings, translated by the UI)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    return date.fromisoformat(text)


def validate_unit(data: UnitInput) -> UnitValues:
    errors: dict[str, str] = {}
    if not data.building.strip():
        errors["building"] = "Building is required"
    if not data.room.strip():
        errors["room"] = "Room number is required"
    elif len(data.room.strip()) > 20:
        errors["room"] = "Room number is at most 20 characters"
    floor = None
    if data.floor.strip():
        try:
            floor = int(data.floor.strip())
        except ValueError:
            errors["floor"] = "Floor must be a whole number, e.g. 15 or -1"
    area = Decimal(0)
    try:
        area = Decimal(data.area_m2.strip())
        if not area.is_finite() or area <= 0:
            errors["area_m2"] = "Area must be greater than 0"
        elif area != area.quantize(Decimal("0.01")):
            errors["area_m2"] = "Area has at most two decimals, e.g. 89.50"
        elif area > 100000:
            errors["area_m2"] = "Area is too large (at most 100000 m²)"
    except InvalidOperation:
        errors["area_m2"] = "Area must be a number of m², e.g. 89.50"
    if data.kind not in ("residential", "commercial"):
        errors["kind"] = "Kind is residential or commercial"
    dates: dict[str, date | None] = {}
    for name in ("handover_date", "vacant_since"):
        try:
            dates[name] = parse_date(getattr(data, name))
        except ValueError:
            errors[name] = "Date must be YYYY-MM-DD, e.g. 2024-06-30"
    if errors:
        raise ValidationError(errors)
    return UnitValues(
        building=data.building.strip(),
        entrance=data.entrance.strip(),
        room=data.room.strip(),
        floor=floor,
        area_m2=area.quantize(Decimal("0.01")),
        kind=data.kind,
        handover_date=dates["handover_date"],
        vacant_since=dates["vacant_since"],
        vacancy_approved=data.vacancy_approved,
    )


def validate_resident(name: str, phone: str, role: str, id_number: str = "") -> dict[str, str]:
    """Messages by field; empty when the resident may be saved."""
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "Name is required"
    if phone.strip() and not PHONE.match(phone.strip()):
        errors["phone"] = (
            "Phone must be a mobile number (11 digits, e.g. 13800138000) or 0755-12345678"
        )
    if role not in ("owner", "co_owner", "tenant", "family"):
        errors["role"] = "Role is owner, co-owner, tenant or family member"
    if id_number.strip() and not re.fullmatch(r"[0-9A-Za-z]{6,20}", id_number.strip()):
        errors["id_number"] = "ID number is 6 to 20 letters or digits"
    return errors
