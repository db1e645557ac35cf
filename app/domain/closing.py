"""Day-end closing (日结 / 交班): which cashier's day money counts on, and the cash check.

A cashier's day is the estate's local calendar day. Once the cashier has closed a day,
the day is locked: money that cashier takes or pays out after the closing counts on the
next day that is not closed yet (the next shift's), never on the closed one, so a closed
day's totals never change. This holds for payments, refunds, reversals and deposits
alike, on every desk and on the server, because it is computed from the closing times.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal

from app.domain.errors import DomainError, FieldErrors


def business_day(local_day: date, at: datetime, closed: Mapping[date, datetime]) -> date:
    """The day an entry made at ``at`` (on ``local_day`` at the estate) counts on, given
    the cashier's closings (day -> closed at): its own day unless that day was closed
    before it, then the next day not closed before it."""
    day = local_day
    while day in closed and closed[day] <= at:
        day += timedelta(days=1)
    return day


def closed_run_start(day: date, closed: Mapping[date, datetime]) -> date:
    """The first day of the run of closed days just before ``day``: entries made on those
    days after their closing may count on ``day``."""
    start = day
    while start - timedelta(days=1) in closed:
        start -= timedelta(days=1)
    return start


def cash_difference(expected: Decimal, counted: Decimal, explanation: str) -> Decimal:
    """Counted minus expected (a surplus is positive, 长款; a shortage negative, 短款).
    A difference other than zero must be explained."""
    difference = counted - expected
    if difference != 0 and not explanation.strip():
        raise FieldErrors({"explanation": DomainError("fees.closing.explanation_required")})
    return difference
