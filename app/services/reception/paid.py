"""Paid repairs (有偿服务): the agreed price goes to the unit's account as a bill line, and
a payment taken at the desk gets a receipt.

NOTE for the fees area: the bill line and the payment are written here with the fee models
(``app.store.fee_models``) through the change recorder, not through the fees services,
which are being split into ``app/services/fees/``. The line's fee code is
``PAID_REPAIR_CODE`` (its period the month the work was done, its id a natural id of the
order, so two desks billing the same order make one line). The receipt number uses the
same per-device sequence as the fees desk (sync_state keys ``fees.receipt_prefix`` and
``fees.receipt_seq``), so the numbers never collide. Once the fees operations are settled,
this module should call them instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import fee_notes
from app.domain.errors import DomainError
from app.domain.fees import PAYMENT_METHODS  # the counter's methods: one day-end total each
from app.services.fees.counter import check_tendered, take_payment_in
from app.services.permissions import require
from app.services.reception.common import get_live, local_day, tz_of
from app.store.db import Database
from app.store.fee_models import BillLine, Payment, PaymentAllocation
from app.store.ids import natural_id
from app.store.models import Unit
from app.store.reception_models import WorkOrder
from app.store.recorder import recorder

PAID_REPAIR_CODE = "paid_repair"


def bill_line_id(order: WorkOrder) -> str:
    return natural_id(order.estate_id, "paid-repair", order.id)


def bill_paid_order(session: Session, order: WorkOrder, actor_id: str, now: datetime) -> BillLine:
    """Charge the agreed price of a done paid order to its unit (once)."""
    if not order.paid or order.price is None:
        raise DomainError("workorder.not_paid")
    if not order.unit_id:
        raise DomainError("workorder.paid_needs_unit")
    existing = session.get(BillLine, bill_line_id(order))
    if existing is not None:
        return existing
    day = local_day(now, tz_of(session, order.estate_id))
    return recorder(session).create(
        BillLine,
        id=bill_line_id(order),
        estate_id=order.estate_id,
        unit_id=order.unit_id,
        fee_code=PAID_REPAIR_CODE,
        period=f"{day:%Y-%m}",
        quantity=Decimal("1.00"),
        rate=order.price,
        amount=order.price,
        due_date=day,
        # shown as written by the fees desk; a code of its own once fees words it
        note=fee_notes.note(fee_notes.OTHER, text=f"{order.number} {order.content[:80]}"),
        issued_at=now,
        issued_by=actor_id,
    )


@dataclass(frozen=True)
class PaidReceipt:
    receipt_no: str
    amount: Decimal
    order_number: str
    paid_at: datetime
    method: str
    payer: str
    tendered: Decimal | None = None  # cash handed over; the change is tendered - amount


def take_payment(
    db: Database,
    order_id: str,
    method: str,
    payer: str,
    cashier: str,
    now: datetime,
    tendered: Decimal | str | None = None,
) -> PaidReceipt:
    """The resident pays the billed repair at the desk: a payment applied to its line.
    For cash, ``tendered`` is what was handed over (the counter's rule: at least the
    amount), recorded with the payment so its receipt prints the change."""
    if method not in PAYMENT_METHODS:
        raise DomainError("workorder.payment_method")
    with db.session() as s:
        require(s, None, "payments.take")
        order = get_live(s, WorkOrder, order_id, "workorder.gone")
        line = s.get(BillLine, bill_line_id(order))
        if line is None:
            raise DomainError("workorder.not_billed", number=order.number)
        paid = s.scalar(
            select(func.coalesce(func.sum(PaymentAllocation.amount), 0)).where(
                PaymentAllocation.bill_line_id == line.id
            )
        )
        open_amount = line.amount - Decimal(paid or 0)
        if open_amount <= 0:
            raise DomainError("workorder.already_paid", number=order.number)
        # the counter's own payment: its receipt numbering, allocations and report cache
        cash = check_tendered(open_amount, method, tendered)
        unit = get_live(s, Unit, line.unit_id, "unit.gone")
        receipt = take_payment_in(
            s, unit, open_amount, method, payer, cashier, [line.id], order.number, now, cash
        )
        return PaidReceipt(
            receipt.payment.receipt_no, open_amount, order.number, now, method, payer, cash
        )


@dataclass(frozen=True)
class Billing:
    billed: Decimal | None
    paid: Decimal
    receipt_nos: tuple[str, ...]


def billing_of(db: Database, order_id: str) -> Billing:
    with db.session() as s:
        order = get_live(s, WorkOrder, order_id, "workorder.gone")
        line = s.get(BillLine, bill_line_id(order))
        if line is None:
            return Billing(None, Decimal("0.00"), ())
        rows = s.execute(
            select(Payment.receipt_no, PaymentAllocation.amount)
            .join(Payment, Payment.id == PaymentAllocation.payment_id)
            .where(PaymentAllocation.bill_line_id == line.id)
        ).all()
        paid = sum((amount for _, amount in rows), Decimal("0.00"))
        return Billing(line.amount, paid, tuple(r for r, _ in rows))
