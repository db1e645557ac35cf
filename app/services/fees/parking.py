"""Temporary parking at the counter (临时停放): charge a stay, give its receipt, and the
day's takings by payment method for the day-end closing.

A stay is not a bill of any unit: it is a row of its own log (``temporary_stays``), out
of unit balances and out of the collection rates (they have no 应收 for it). Its fee is
the schedule's ``parking_temporary`` rate in force on the day the vehicle entered,
charged by ``app.domain.fees.temporary_stay_fee`` (seed 003: 1小时以上12小时以内5元/辆/次,
both ends included). Its receipt number comes from the counter's one numbering.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import rate_on, temporary_stay_fee
from app.domain.numerals import capital_amount
from app.services.fees.common import check_method, get_live, now_or
from app.services.fees.counter import check_tendered, next_receipt_no
from app.services.fees.schedule import schedule_in
from app.services.permissions import require
from app.services.reception.common import local_day_bounds, tz_of
from app.store.fee_models import TemporaryStay
from app.store.models import Estate
from app.store.recorder import recorder

if TYPE_CHECKING:
    from app.store.db import Database

TEMPORARY_CODE = "parking_temporary"
PLATE_MAX = 20


@dataclass(frozen=True)
class StayQuote:
    """What a stay costs, shown live as the cashier types the times."""

    rate: Decimal
    amount: Decimal


@dataclass(frozen=True)
class StayRow:
    id: str
    estate_name: str
    plate: str
    entered: datetime
    left: datetime
    rate: Decimal
    amount: Decimal
    method: str
    tendered: Decimal | None
    receipt_no: str
    cashier: str
    taken_at: datetime

    @property
    def change(self) -> Decimal | None:
        return None if self.tendered is None else self.tendered - self.amount

    @property
    def amount_in_words(self) -> str:
        return capital_amount(self.amount)


def _row(session: Session, stay: TemporaryStay) -> StayRow:
    estate = session.get(Estate, stay.estate_id)
    return StayRow(
        stay.id,
        estate.name if estate else "",
        stay.plate,
        stay.entered,
        stay.left,
        stay.rate,
        stay.amount,
        stay.method,
        stay.tendered,
        stay.receipt_no,
        stay.cashier,
        stay.taken_at,
    )


def _rate_in(session: Session, estate_id: str, entered: datetime) -> Decimal:
    """The temporary-parking rate in force on the day the vehicle entered (estate time)."""
    day = entered.astimezone(ZoneInfo(tz_of(session, estate_id))).date()
    item = rate_on(schedule_in(session, estate_id), TEMPORARY_CODE, day)
    if item is None:
        raise DomainError("fees.rate.item_unknown", code=TEMPORARY_CODE)
    return item.rate


def _stay_fee(rate: Decimal, entered: datetime, left: datetime) -> Decimal:
    try:
        return temporary_stay_fee(entered, left, rate)
    except DomainError as error:
        raise FieldErrors({"left": error}) from None


def quote_stay(db: Database, estate_id: str, entered: datetime, left: datetime) -> StayQuote:
    """The fee of a stay before it is charged (a stay over 12 h is refused the same way)."""
    with db.session() as s:
        rate = _rate_in(s, estate_id, entered)
    return StayQuote(rate, _stay_fee(rate, entered, left))


def charge_temporary_stay(
    db: Database,
    estate_id: str,
    plate: str,
    entered: datetime,
    left: datetime,
    method: str,
    cashier: str,
    tendered: Decimal | str | None = None,
    now: datetime | None = None,
) -> StayRow:
    """Record a temporary stay and its payment under the counter's next receipt number.
    A free stay (under an hour) needs no payment and is refused here: nothing to take."""
    errors: dict[str, DomainError] = {}
    plate = plate.strip().upper()
    if not plate:
        errors["plate"] = DomainError("fees.stay.plate_required")
    elif len(plate) > PLATE_MAX:
        errors["plate"] = DomainError("fees.stay.plate_too_long", limit=PLATE_MAX)
    if (bad_method := check_method(method)) is not None:
        errors["method"] = bad_method
    if errors:
        raise FieldErrors(errors)
    with db.session() as s:
        require(s, None, "payments.take")
        rate = _rate_in(s, estate_id, entered)
        amount = _stay_fee(rate, entered, left)
        if amount <= 0:
            raise FieldErrors({"left": DomainError("fees.stay.free")})
        cash = check_tendered(amount, method, tendered)
        stay = recorder(s).create(
            TemporaryStay,
            estate_id=estate_id,
            plate=plate,
            entered=entered,
            left=left,
            rate=rate,
            amount=amount,
            method=method,
            tendered=cash,
            receipt_no=next_receipt_no(s),
            cashier=cashier,
            taken_at=now_or(now),
        )
        s.flush()
        return _row(s, stay)


def stay(db: Database, stay_id: str) -> StayRow:
    """One stay, for its receipt."""
    with db.session() as s:
        return _row(s, get_live(s, TemporaryStay, stay_id))


def _on_day(session: Session, estate_id: str, day: date) -> list[TemporaryStay]:
    start, end = local_day_bounds(day, tz_of(session, estate_id))
    return list(
        session.scalars(
            select(TemporaryStay)
            .where(
                TemporaryStay.estate_id == estate_id,
                TemporaryStay.live(),
                TemporaryStay.taken_at >= start,
                TemporaryStay.taken_at < end,
            )
            .order_by(TemporaryStay.taken_at, TemporaryStay.id)
        )
    )


def stays_on(db: Database, estate_id: str, day: date) -> list[StayRow]:
    """The stays charged on ``day`` (the estate's local day), in the order taken."""
    with db.session() as s:
        return [_row(s, each) for each in _on_day(s, estate_id, day)]


def takings_on(
    db: Database, estate_id: str, day: date, cashier: str | None = None
) -> dict[str, Decimal]:
    """Payment method -> what temporary stays took on ``day`` (the estate's local day),
    for the day-end closing's totals by method; only ``cashier``'s when given. Methods
    with nothing taken are absent."""
    totals: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    with db.session() as s:
        for each in _on_day(s, estate_id, day):
            if cashier is None or each.cashier == cashier:
                totals[each.method] += each.amount
    return dict(totals)
