"""A paid repair taken in cash at reception asks for the cash handed over and shows the
change (找零) before it is recorded, as the fee counter does; the payment keeps what was
tendered and counts on the cashier's day-end closing.

Issue 11: "Cash. A cash payment asks for the amount tendered and shows the change (找零)
before it is recorded."
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from app.clock import ManualClock
from app.domain.units import UnitInput
from app.services import accounts
from app.services.fees.closing import day_summary
from app.services.reception import queries, workorders
from app.services.reception.workorders import WorkOrderInput
from app.services.units import add_resident, create_unit
from app.store.fee_models import Payment

SH = ZoneInfo("Asia/Shanghai")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=SH).astimezone(UTC)


@pytest.fixture
def billed(db, estate_id, ctx):
    """A cashier at reception and a repair of 120.50 done and billed to unit 3-2-1502."""
    from ui.shell.signin import context_for

    slot = (local(2026, 12, 1, 14, 0), local(2026, 12, 1, 16, 0))
    with db.session() as s:
        unit = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.5")
        )
        add_resident(s, unit, name="张伟", phone="13800138000")
        unit_id = unit.id
        cashier = accounts.create_staff(
            s,
            login="wang",
            display_name="王收银",
            role="cashier",
            password="s3cret-pass",
            estate_ids=[estate_id],
        )
    data = WorkOrderInput(
        unit_id=unit_id,
        content="更换马桶水箱配件",
        category="plumbing",
        slot_start=slot[0],
        slot_end=slot[1],
        paid=True,
        price=Decimal("120.50"),
    )
    order = workorders.open_order(db, estate_id, data, "desk", local(2026, 12, 1, 9), "w1")
    workorders.act(db, order, "start", "w1", slot[0])
    workorders.act(db, order, "done", "w1", slot[0] + timedelta(hours=1), "已更换")
    db.actor = cashier.id
    context = context_for(db, cashier, estate_id, runner=ctx.runner)
    context.clock = ManualClock(slot[0] + timedelta(hours=2))
    return context, order


def test_cash_for_a_paid_repair_asks_the_tendered_amount_and_shows_the_change(
    qtbot, db, estate_id, billed, monkeypatch
):
    from ui.reception.actions import Actions
    from ui.reception.labels import word
    from ui.reception.workorders import WorkOrdersTab

    context, order = billed
    tab = WorkOrdersTab(Actions(context))
    qtbot.addWidget(tab)
    tab.detail = queries.read_order(db, order)
    asked: list[str] = []
    typed = iter(["100.00", "200"])  # short first: asked again with the reason

    def get_text(_parent, _title, label, *args, **kwargs):
        asked.append(label)
        return next(typed), True

    questions: list[str] = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (word("cash"), True))
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a, **k: questions.append(text) or QMessageBox.StandardButton.Yes,
    )
    tab.take_payment()

    def paid() -> list[Payment]:
        with db.session() as s:
            return list(s.scalars(select(Payment).where(Payment.kind == "payment")))

    qtbot.waitUntil(lambda: len(paid()) == 1)
    assert "120.50" in asked[0]
    assert "100.00" in asked[1] and "120.50" in asked[1]  # the short amount said
    assert len(questions) == 1 and "79.50" in questions[0]  # the change, before recording
    (payment,) = paid()
    assert (payment.method, payment.amount, payment.tendered) == (
        "cash",
        Decimal("120.50"),
        Decimal("200.00"),
    )
    summary = day_summary(db, estate_id, "王收银", local(2026, 12, 1, 12).astimezone(SH).date())
    assert summary.cash.taken == Decimal("120.50")  # on the cashier's own day-end closing


def test_the_reception_operation_refuses_cash_tendered_below_the_amount(db, estate_id, billed):
    from app.domain.errors import FieldErrors
    from app.services.reception import paid

    context, order = billed
    with pytest.raises(FieldErrors) as refused:
        paid.take_payment(db, order, "cash", "张伟", "王收银", context.clock.now(), "100")
    assert refused.value.errors["tendered"].code == "fees.cash.tendered_short"
