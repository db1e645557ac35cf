"""Whose day a supervisor may close: the cashiers who moved money at the desk on a day."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.services.reception.common import local_day_bounds, tz_of
from app.store.closing_models import DayClosing
from app.store.fee_models import Deposit, Payment, TemporaryStay

if TYPE_CHECKING:
    from app.store.db import Database


def cashiers_on(db: Database, estate_id: str, day: date) -> list[str]:
    """The cashiers with a payment, deposit or parking stay in the estate's calendar
    ``day``, or a closing of it, by name. Money taken after its cashier closed the day
    before counts on the next day but is listed under its calendar day: the dialog's
    list is editable for such a cashier."""
    names: set[str] = set()
    with db.session() as s:
        start, end = local_day_bounds(day, tz_of(s, estate_id))
        for model, at in (
            (Payment, Payment.paid_at),
            (Deposit, Deposit.at),
            (TemporaryStay, TemporaryStay.taken_at),
        ):
            names.update(
                s.scalars(
                    select(model.cashier)
                    .distinct()
                    .where(model.estate_id == estate_id, at >= start, at < end, model.live())
                )
            )
        names.update(
            s.scalars(
                select(DayClosing.cashier).where(
                    DayClosing.estate_id == estate_id, DayClosing.day == day, DayClosing.live()
                )
            )
        )
    return sorted(name for name in names if name)
