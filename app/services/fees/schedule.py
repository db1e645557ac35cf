"""The estate's fee schedule (rates from a date on), its billing rules, and the parking
spaces units rent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import (
    AREA_MONTH,
    AREA_ONCE,
    DEFAULT_SCHEDULE,
    PARKING_CODES,
    FeeItemSpec,
    FeeRules,
    LateFeeRule,
)
from app.domain.money import MONEY_LIMIT, parse_number, parse_rate, rate_value
from app.services.fees.common import get_live, money
from app.services.permissions import require
from app.store.fee_models import FeeItem, ParkingSpace
from app.store.ids import natural_id
from app.store.models import Setting, Unit
from app.store.recorder import recorder

if TYPE_CHECKING:
    from app.store.db import Database

RULES_KEY = "fees.rules"
# bases whose rate is multiplied by a quantity (m²): up to four decimals; the line's
# amount is rounded once to the fen
RATE_BASES = frozenset({AREA_MONTH, AREA_ONCE})


# ---- the rules ----


def rules_in(session: Session, estate_id: str) -> FeeRules:
    row = session.get(Setting, natural_id(estate_id, "setting", RULES_KEY))
    return FeeRules() if row is None or row.deleted else FeeRules.from_json(row.value)


def save_rules_in(session: Session, estate_id: str, rules: FeeRules) -> None:
    value = FeeRules.from_json(rules.to_json()).to_json()
    setting_id = natural_id(estate_id, "setting", RULES_KEY)
    row = session.get(Setting, setting_id)
    if row is None:
        recorder(session).create(
            Setting, id=setting_id, estate_id=estate_id, key=RULES_KEY, value=value
        )
    else:
        recorder(session).update(row, value=value, deleted=False)


def load_rules(db: Database, estate_id: str) -> FeeRules:
    with db.session() as s:
        return rules_in(s, estate_id)


def _fraction(text: str, places: int, high: Decimal, code: str) -> Decimal | DomainError:
    try:
        number = parse_number(text, places)
    except DomainError as error:
        if error.code == "number.too_many_decimals":
            return error
        return DomainError(code)
    return number if Decimal(0) <= number <= high else DomainError(code)


def update_rules(
    db: Database,
    estate_id: str,
    *,
    due_day: int,
    vacancy_ratio: str,
    vacancy_months: int,
    late_enabled: bool,
    late_rate_per_day: str,
    grace_days: int,
    cap_ratio: str,
    prepayment_floor: str | None = None,
) -> FeeRules:
    """Save the estate's billing rules from form text; every field is checked first
    (``FieldErrors`` by field name), the vacancy fee codes are kept as they were, and so
    is the floor of the shared-utilities prepayment when not given."""
    values = {
        "vacancy_ratio": _fraction(vacancy_ratio, 4, Decimal(1), "fees.rules.vacancy_ratio"),
        "late_rate_per_day": _fraction(
            late_rate_per_day, 6, Decimal("0.01"), "fees.rules.late_rate"
        ),
        "cap_ratio": _fraction(cap_ratio, 4, Decimal(10), "fees.rules.cap_ratio"),
    }
    errors = {name: v for name, v in values.items() if isinstance(v, DomainError)}
    if not 1 <= due_day <= 28:
        errors["due_day"] = DomainError("fees.rules.due_day")
    if not 1 <= vacancy_months <= 36:
        errors["vacancy_months"] = DomainError("fees.rules.vacancy_months")
    if not 0 <= grace_days <= 365:
        errors["grace_days"] = DomainError("fees.rules.grace_days")
    floor = _yuan(prepayment_floor) if prepayment_floor is not None else None
    if isinstance(floor, DomainError):
        errors["prepayment_floor"] = floor
    if errors:
        raise FieldErrors(errors)
    with db.session() as s:
        require(s, None, "fees.schedule")
        before = rules_in(s, estate_id)
        rules = FeeRules(
            due_day=due_day,
            vacancy_ratio=values["vacancy_ratio"],
            vacancy_months=vacancy_months,
            late_fee=LateFeeRule(
                late_enabled, values["late_rate_per_day"], grace_days, values["cap_ratio"]
            ),
            vacancy_codes=before.vacancy_codes,
            prepayment_floor=before.prepayment_floor if floor is None else floor,
        )
        save_rules_in(s, estate_id, rules)
    return rules


def _yuan(typed: str) -> Decimal | DomainError:
    """An amount of the rules in yuan: two decimals at most, not negative."""
    try:
        value = money(typed)
    except DomainError as error:
        return error
    if value < 0 or value >= MONEY_LIMIT:
        return DomainError("fees.rules.prepayment")
    return value


def set_vacancy_codes(db: Database, estate_id: str, codes: Iterable[str]) -> FeeRules:
    """The monthly area fees the vacancy ratio applies to. Seed 003 writes the clause in
    the residential entry, so ``mgmt_residential`` alone is the default; any other code
    of the schedule billed per m² a month may be added, one that is not is refused."""
    chosen = frozenset(codes)
    with db.session() as s:
        require(s, None, "fees.schedule")
        area_codes = {item.code for item in schedule_in(s, estate_id) if item.basis == AREA_MONTH}
        unknown = sorted(chosen - area_codes)
        if unknown:
            raise DomainError("fees.rules.vacancy_code", code=unknown[0])
        rules = replace(rules_in(s, estate_id), vacancy_codes=chosen)
        save_rules_in(s, estate_id, rules)
    return rules


# ---- the schedule ----


def fee_item_id(estate_id: str, code: str, effective_from: date) -> str:
    return natural_id(estate_id, "fee_item", code, effective_from.isoformat())


def ensure_default_schedule_in(session: Session, estate_id: str) -> None:
    """Give an estate the DOMAIN.md schedule unless it already has items."""
    exists = session.scalar(
        select(FeeItem.id).where(FeeItem.estate_id == estate_id, FeeItem.live()).limit(1)
    )
    if exists:
        return
    rec = recorder(session)
    for spec in DEFAULT_SCHEDULE:
        rec.create(
            FeeItem,
            id=fee_item_id(estate_id, spec.code, spec.effective_from),
            estate_id=estate_id,
            code=spec.code,
            name=spec.name,
            rate=spec.rate,
            basis=spec.basis,
            effective_from=spec.effective_from,
        )


def ensure_default_schedule(db: Database, estate_id: str) -> None:
    with db.session() as s:
        ensure_default_schedule_in(s, estate_id)


def schedule_in(session: Session, estate_id: str) -> list[FeeItemSpec]:
    """Every rate of the estate with its effective date (defaults where none is set)."""
    rows = session.scalars(
        select(FeeItem)
        .where(FeeItem.estate_id == estate_id, FeeItem.live())
        .order_by(FeeItem.code, FeeItem.effective_from)
    ).all()
    if not rows:
        return list(DEFAULT_SCHEDULE)
    return [FeeItemSpec(r.code, r.name, r.rate, r.basis, r.effective_from) for r in rows]


def schedule(db: Database, estate_id: str) -> list[FeeItemSpec]:
    with db.session() as s:
        return schedule_in(s, estate_id)


def set_rate(
    db: Database, estate_id: str, code: str, rate: Decimal | str, effective: date | str
) -> FeeItemSpec:
    """A new rate for ``code`` from a date on; earlier bills keep the rate they were issued
    at. A rate keeps the decimals typed, four at most (1.9 is 1.90, 1.2345 stays), never
    rounded; a rate charged as it is (per space, per stay, a deposit) is money, in fen."""
    errors: dict[str, DomainError] = {}
    value = Decimal(0)
    try:
        value = parse_rate(rate) if isinstance(rate, str) else rate_value(rate)
        if value < 0:
            errors["rate"] = DomainError("fees.rate.negative")
    except DomainError as error:
        errors["rate"] = error
    if isinstance(effective, str):
        try:
            effective = date.fromisoformat(effective.strip())
        except ValueError:
            errors["effective_from"] = DomainError("fees.date.invalid")
    with db.session() as s:
        require(s, None, "fees.schedule")
        ensure_default_schedule_in(s, estate_id)
        known = {spec.code: spec for spec in schedule_in(s, estate_id)}
        if code not in known:
            errors["code"] = DomainError("fees.rate.item_unknown", code=str(code))
        elif (
            "rate" not in errors
            and known[code].basis not in RATE_BASES
            and value != value.quantize(Decimal("0.01"))
        ):
            errors["rate"] = DomainError("fees.rate_not_in_fen", rate=str(value))
        if errors:
            raise FieldErrors(errors)
        item_id = fee_item_id(estate_id, code, effective)
        spec = known[code]
        row = s.get(FeeItem, item_id)
        if row is not None:
            recorder(s).update(row, rate=value, deleted=False)
        else:
            recorder(s).create(
                FeeItem,
                id=item_id,
                estate_id=estate_id,
                code=code,
                name=spec.name,
                rate=value,
                basis=spec.basis,
                effective_from=effective,
            )
    return FeeItemSpec(code, spec.name, value, spec.basis, effective)


# ---- parking spaces ----


@dataclass(frozen=True)
class ParkingRow:
    id: str
    unit_id: str
    fee_code: str
    space_no: str
    plate: str
    active: bool


def _parking_row(p: ParkingSpace) -> ParkingRow:
    return ParkingRow(p.id, p.unit_id, p.fee_code, p.space_no, p.plate, bool(p.active))


def add_parking_space(
    db: Database, unit_id: str, fee_code: str, space_no: str, plate: str = ""
) -> ParkingRow:
    errors = {}
    if fee_code not in PARKING_CODES:
        errors["fee_code"] = DomainError("fees.parking.kind_unknown")
    if not space_no.strip():
        errors["space_no"] = DomainError("fees.parking.space_required")
    if errors:
        raise FieldErrors(errors)
    with db.session() as s:
        return _parking_row(
            add_parking_space_in(s, get_live(s, Unit, unit_id), fee_code, space_no, plate)
        )


def add_parking_space_in(
    session: Session, unit: Unit, fee_code: str, space_no: str, plate: str = ""
) -> ParkingSpace:
    return recorder(session).create(
        ParkingSpace,
        estate_id=unit.estate_id,
        unit_id=unit.id,
        fee_code=fee_code,
        space_no=space_no.strip(),
        plate=plate.strip().upper(),
        active=True,
    )


def parking_spaces_of(db: Database, unit_id: str) -> list[ParkingRow]:
    with db.session() as s:
        return [
            _parking_row(p)
            for p in s.scalars(
                select(ParkingSpace)
                .where(ParkingSpace.unit_id == unit_id, ParkingSpace.live())
                .order_by(ParkingSpace.space_no)
            )
        ]


def end_parking_space(db: Database, space_id: str) -> ParkingRow:
    """Stop billing a space (the row stays, inactive)."""
    with db.session() as s:
        space = get_live(s, ParkingSpace, space_id)
        recorder(s).update(space, active=False)
        return _parking_row(space)
