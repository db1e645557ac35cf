"""What the fee operations share: ids of bill lines, lookups that refuse a missing row,
the clock, the check of typed money and of a payment method."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.fees import PAYMENT_METHODS
from app.domain.money import MONEY_LIMIT, check_storable, decimal_places, parse_money
from app.store.ids import natural_id


def now_or(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def bill_line_id(
    estate_id: str, unit_id: str, fee_code: str, period: str, space_id: str = ""
) -> str:
    parts = [estate_id, "bill", unit_id, fee_code, period]
    if space_id:
        parts.append(space_id)
    return natural_id(*parts)


def renovation_line_id(estate_id: str, unit_id: str) -> str:
    return natural_id(estate_id, "bill", unit_id, "renovation", "once")


def money(value: Decimal | str) -> Decimal:
    """Typed text through the one parser; a Decimal checked the same way (two decimals at
    most, never rounded)."""
    if isinstance(value, str):
        return parse_money(value)
    if not isinstance(value, Decimal) or not value.is_finite():
        raise DomainError("amount.not_a_number")
    check_storable(value)
    if decimal_places(value) > 2:
        raise DomainError("amount.too_many_decimals", places=decimal_places(value))
    return value.quantize(Decimal("0.01"))


def positive_money(value: Decimal | str) -> Decimal:
    """An amount taken or paid out: more than zero and below the limit of one entry."""
    amount = money(value)
    if amount <= 0:
        raise DomainError("amount.not_positive")
    if amount >= MONEY_LIMIT:
        raise DomainError("amount.too_large")
    return amount


def check_method(method: str) -> DomainError | None:
    return None if method in PAYMENT_METHODS else DomainError("fees.method.unknown")


def typed_payment(amount: Decimal | str, method: str) -> tuple[Decimal | None, dict]:
    """A payment's amount and method as typed at the counter: the amount (None when it is
    refused) and every problem found, by field, for the form to mark all at once."""
    errors: dict[str, DomainError] = {}
    try:
        value = positive_money(amount)
    except DomainError as error:
        errors["amount"] = error
        value = None
    if (bad_method := check_method(method)) is not None:
        errors["method"] = bad_method
    return value, errors


def get_live(session: Session, model, row_id: str | None):
    """The row, or ``fees.not_found`` (a record deleted or never synced here)."""
    row = session.get(model, row_id) if row_id else None
    if row is None or getattr(row, "deleted", False):
        raise DomainError("fees.not_found")
    return row
