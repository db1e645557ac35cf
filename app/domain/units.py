"""Unit codes, masking and validation of unit and resident input. Pure functions.

Validation answers with ``DomainError`` codes per field (``FieldErrors``); ``ui.messages``
holds the sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from app.domain.errors import DomainError, FieldErrors
from app.domain.limits import INT32
from app.domain.text import multiline_problem, text_problem

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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
    """Field name -> English message: the older form of ``FieldErrors`` that other areas
    still raise until they move to codes. Units, residents and accounts raise
    ``FieldErrors`` of ``DomainError`` codes."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


# the lengths of the columns (buildings.name, units.entrance, units.room): a test holds
# them to the models
MAX_BUILDING = 50
MAX_ENTRANCE = 20
MAX_ROOM = 20
MAX_AREA = 100000


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    return date.fromisoformat(text)


def unit_errors(data: UnitInput) -> dict[str, DomainError]:
    """Field -> the error for it; empty when the unit may be saved."""
    errors: dict[str, DomainError] = {}
    if not data.building.strip():
        errors["building"] = DomainError("unit.building.required")
    elif problem := text_problem(data.building.strip(), MAX_BUILDING):
        errors["building"] = problem
    if problem := text_problem(data.entrance.strip(), MAX_ENTRANCE):
        errors["entrance"] = problem
    if not data.room.strip():
        errors["room"] = DomainError("unit.room.required")
    elif len(data.room.strip()) > MAX_ROOM:
        errors["room"] = DomainError("unit.room.too_long", max=MAX_ROOM)
    elif problem := text_problem(data.room.strip(), MAX_ROOM):
        errors["room"] = problem
    if problem := _floor_problem(data.floor):
        errors["floor"] = problem
    try:
        area = Decimal(data.area_m2.strip())
        if area.is_nan() or area <= 0:
            errors["area_m2"] = DomainError("unit.area.not_positive")
        elif area > MAX_AREA:  # before quantize: 1e30 or Infinity cannot be quantized
            errors["area_m2"] = DomainError("unit.area.too_large", max=MAX_AREA)
        elif area != area.quantize(Decimal("0.01")):
            errors["area_m2"] = DomainError("unit.area.too_many_decimals")
    except InvalidOperation:
        errors["area_m2"] = DomainError("unit.area.not_a_number")
    if data.kind not in ("residential", "commercial"):
        errors["kind"] = DomainError("unit.kind.unknown")
    for name in ("handover_date", "vacant_since"):
        try:
            parse_date(getattr(data, name))
        except ValueError:
            errors[name] = DomainError("date.invalid")
    return errors


def _floor_problem(text: str) -> DomainError | None:
    text = text.strip()
    if not text:
        return None
    try:
        floor = int(text)
    except ValueError:
        return DomainError("unit.floor.not_whole")
    if not INT32[0] <= floor <= INT32[1]:  # units.floor is an Integer column
        return DomainError("unit.floor.out_of_range", low=INT32[0], high=INT32[1])
    return None


def validate_unit(data: UnitInput) -> UnitValues:
    """The accepted values, or ``FieldErrors`` naming every bad field."""
    errors = unit_errors(data)
    if errors:
        raise FieldErrors(errors)
    floor = data.floor.strip()
    return UnitValues(
        building=data.building.strip(),
        entrance=data.entrance.strip(),
        room=data.room.strip(),
        floor=int(floor) if floor else None,
        area_m2=Decimal(data.area_m2.strip()).quantize(Decimal("0.01")),
        kind=data.kind,
        handover_date=parse_date(data.handover_date),
        vacant_since=parse_date(data.vacant_since),
        vacancy_approved=data.vacancy_approved,
    )


RESIDENT_ROLES = ("owner", "co_owner", "tenant", "family")


NAME_MAX = 100  # residents.name is String(100)


def validate_resident(
    name: str, phone: str, role: str, id_number: str = "", note: str = ""
) -> dict[str, DomainError]:
    """Errors by field; empty when the resident may be saved."""
    errors: dict[str, DomainError] = {}
    if not name.strip():
        errors["name"] = DomainError("resident.name.required")
    elif (problem := text_problem(name, NAME_MAX)) is not None:
        errors["name"] = problem
    if phone.strip() and not PHONE.match(phone.strip()):
        errors["phone"] = DomainError("resident.phone.invalid")
    if role not in RESIDENT_ROLES:
        errors["role"] = DomainError("resident.role.unknown")
    if id_number.strip() and not re.fullmatch(r"[0-9A-Za-z]{6,20}", id_number.strip()):
        errors["id_number"] = DomainError("resident.id_number.invalid")
    if problem := multiline_problem(note):
        errors["note"] = problem
    return errors
