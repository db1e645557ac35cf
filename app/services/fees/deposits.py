"""Deposits (押金): taken, held, and refunded with the refund recorded against the
original. Deposits are not fees: they never count in a unit's balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.domain.fees import DEPOSIT_CODES
from app.domain.money import from_fen
from app.services.fees.common import check_method, get_live, now_or, positive_money
from app.services.fees.counter import next_receipt_no
from app.services.permissions import require
from app.store.fee_models import Deposit
from app.store.models import Unit
from app.store.opening_models import DEPOSIT, OpeningEntry
from app.store.recorder import recorder

if TYPE_CHECKING:
    from app.store.db import Database


@dataclass(frozen=True)
class DepositRow:
    id: str
    unit_id: str
    receipt_no: str
    fee_code: str
    amount: Decimal  # taken (a refund: negative)
    held: Decimal  # what is still held of it (for a refund row: 0)
    method: str
    payer: str
    at: datetime
    refund_of: str | None
    opening: bool = False  # an opening deposit (期初押金): held since before PropDesk, no receipt


def _held(session: Session, deposit: Deposit) -> Decimal:
    refunded = session.scalar(
        text("SELECT coalesce(sum(amount), 0) FROM fee_deposits WHERE refund_of = :d"),
        {"d": deposit.id},
    )
    return deposit.amount + from_fen(refunded)


def _row(deposit: Deposit, held: Decimal) -> DepositRow:
    return DepositRow(
        deposit.id,
        deposit.unit_id,
        deposit.receipt_no,
        deposit.fee_code,
        deposit.amount,
        held,
        deposit.method,
        deposit.payer,
        deposit.at,
        deposit.refund_of,
        deposit.receipt_no == "" and deposit.refund_of is None,
    )


def take_deposit(
    db: Database,
    unit_id: str,
    fee_code: str,
    amount: Decimal | str,
    method: str,
    payer: str,
    cashier: str,
    now: datetime | None = None,
) -> DepositRow:
    errors: dict[str, DomainError] = {}
    if fee_code not in DEPOSIT_CODES:
        errors["fee_code"] = DomainError("fees.deposit.kind_unknown")
    if (bad_method := check_method(method)) is not None:
        errors["method"] = bad_method
    try:
        value = positive_money(amount)
    except DomainError as error:
        errors["amount"] = error
    if errors:
        raise FieldErrors(errors)
    with db.session() as s:
        require(s, None, "deposits.take")
        unit = get_live(s, Unit, unit_id)
        deposit = recorder(s).create(
            Deposit,
            estate_id=unit.estate_id,
            unit_id=unit.id,
            fee_code=fee_code,
            amount=value,
            receipt_no=next_receipt_no(s),
            method=method,
            payer=payer.strip(),
            cashier=cashier,
            at=now_or(now),
        )
        return _row(deposit, value)


def refund_deposit(
    db: Database, deposit_id: str, cashier: str, note: str = "", now: datetime | None = None
) -> DepositRow:
    """Give back what is still held of a deposit, recorded against the original."""
    with db.session() as s:
        require(s, None, "fees.refund")
        deposit = s.get(Deposit, deposit_id) or _opening_deposit(s, deposit_id)
        if deposit is None or deposit.deleted:
            raise DomainError("fees.not_found")
        held = _held(s, deposit)
        if deposit.refund_of is not None or held <= 0:
            raise DomainError("fees.deposit.nothing_held", receipt=deposit.receipt_no)
        refund = recorder(s).create(
            Deposit,
            estate_id=deposit.estate_id,
            unit_id=deposit.unit_id,
            fee_code=deposit.fee_code,
            amount=-held,
            receipt_no=next_receipt_no(s),
            method=deposit.method,
            payer=deposit.payer,
            cashier=cashier,
            at=now_or(now),
            refund_of=deposit.id,
            note=note,
        )
        return _row(refund, Decimal("0.00"))


def deposits_of(db: Database, unit_id: str) -> list[DepositRow]:
    """Deposits taken for the unit, oldest first, with what is still held of each."""
    with db.session() as s:
        taken = s.scalars(
            select(Deposit)
            .where(Deposit.unit_id == unit_id, Deposit.refund_of.is_(None))
            .order_by(Deposit.at)
        ).all()
        opening = s.scalars(
            select(OpeningEntry)
            .where(OpeningEntry.unit_id == unit_id, OpeningEntry.kind == DEPOSIT)
            .where(OpeningEntry.live())
            .order_by(OpeningEntry.id)
        ).all()
        rows = [_row(d, _held(s, d)) for d in (_as_deposit(o) for o in opening)]
        return rows + [_row(d, _held(s, d)) for d in taken]


def _as_deposit(entry: OpeningEntry) -> Deposit:
    """An opening deposit read as a deposit taken on the opening day, with no receipt (it
    was taken before PropDesk); a refund of it is a deposit row naming it (refund_of)."""
    return Deposit(
        id=entry.id,
        estate_id=entry.estate_id,
        unit_id=entry.unit_id,
        fee_code=entry.fee_code,
        amount=entry.amount,
        receipt_no="",
        method="",
        payer="",
        cashier=entry.imported_by,
        at=datetime.combine(entry.due_date, time.min, tzinfo=UTC),
        refund_of=None,
        note=entry.source,
        deleted=False,
    )


def _opening_deposit(session: Session, entry_id: str) -> Deposit | None:
    entry = session.get(OpeningEntry, entry_id)
    if entry is None or entry.kind != DEPOSIT:
        return None
    return _as_deposit(entry)
