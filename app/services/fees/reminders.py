"""Reminders to debtors (催缴): who is due one on the 10th and the 25th, recording each
reminder (phone, letter or notice; the day, who, the outcome), and the reminder log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import REMINDER_DAYS, REMINDER_METHODS, period_end, shift_period
from app.domain.money import round_yuan
from app.domain.units import unit_code
from app.services.fees.reports import ArrearsRow, arrears_in
from app.services.permissions import require
from app.store.fee_models import FeeReminder
from app.store.models import Building, Unit
from app.store.recorder import recorder

if TYPE_CHECKING:
    from app.store.db import Database


def last_reminder_day(today: date) -> date:
    """The latest reminder day (10th or 25th) on or before today, in this month or the last."""
    for day in sorted(REMINDER_DAYS, reverse=True):
        if today.day >= day:
            return today.replace(day=day)
    previous = period_end(shift_period(f"{today.year:04d}-{today.month:02d}", -1))
    return previous.replace(day=max(REMINDER_DAYS))


def due_reminders_in(
    session: Session, estate_id: str, today: date, building_id: str | None = None
) -> list[ArrearsRow]:
    since = last_reminder_day(today)
    reminded = set(
        session.scalars(
            select(FeeReminder.unit_id).where(
                FeeReminder.estate_id == estate_id, FeeReminder.reminded_on >= since
            )
        )
    )
    return [
        r
        for r in arrears_in(session, estate_id, today, building_id)
        if r.net > 0 and r.unit_id not in reminded
    ]


@dataclass(frozen=True)
class ReminderRow:
    reminded_on: date
    unit_code: str
    method: str
    amount_due: Decimal
    made_by: str
    outcome: str


@dataclass(frozen=True)
class RemindersView:
    """What the reminders tab shows: who is due one, since when, and the latest log."""

    since: date
    due: tuple[ArrearsRow, ...]
    log: tuple[ReminderRow, ...]


def _log_in(session: Session, estate_id: str, limit: int) -> list[ReminderRow]:
    rows = session.execute(
        select(FeeReminder, Building.name, Unit.entrance, Unit.room)
        .join(Unit, Unit.id == FeeReminder.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(FeeReminder.estate_id == estate_id)
        .order_by(FeeReminder.reminded_on.desc(), FeeReminder.updated_hlc.desc())
        .limit(limit)
    ).all()
    return [
        ReminderRow(
            r.reminded_on, unit_code(b, e, room), r.method, r.amount_due, r.made_by, r.outcome
        )
        for r, b, e, room in rows
    ]


def reminders_view(
    db: Database, estate_id: str, today: date, building_id: str | None = None, limit: int = 500
) -> RemindersView:
    """Debtors not reminded since the last reminder day (the 10th or the 25th), and the log."""
    with db.session() as s:
        require(s, None, "fees.arrears.view")  # the list of debtors is an arrears report
        due = due_reminders_in(s, estate_id, today, building_id)
        log = _log_in(s, estate_id, limit)
    return RemindersView(last_reminder_day(today), tuple(due), tuple(log))


def record_reminders(
    db: Database,
    estate_id: str,
    reminded: Sequence[tuple[str, Decimal]],
    method: str,
    reminded_on: date,
    made_by: str,
    outcome: str = "",
) -> int:
    """One reminder per (unit id, amount due), all in one unit of work; returns how many."""
    if method not in REMINDER_METHODS:
        raise FieldErrors({"method": DomainError("fees.reminder.method_unknown")})
    with db.session() as s:
        require(s, None, "fees.reminders")
        rec = recorder(s)
        for unit_id, amount_due in reminded:
            rec.create(
                FeeReminder,
                estate_id=estate_id,
                unit_id=unit_id,
                method=method,
                reminded_on=reminded_on,
                amount_due=round_yuan(amount_due),
                made_by=made_by,
                outcome=outcome.strip(),
            )
    return len(reminded)
