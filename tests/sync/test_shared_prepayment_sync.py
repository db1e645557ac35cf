"""The shared utilities prepayment under offline work, through the real sync server
(SQLite and PostgreSQL): what it paid is derived from the synced logs, so two desks that
apportioned months and took top-ups offline show the same amounts once synced."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import text

from app.domain.units import UnitInput
from app.services.fees import account, billing_run, prepayment
from app.services.fees import schedule as fee_schedule
from app.services.units import create_unit

D = Decimal
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _cache(db, unit_id):
    with db.session() as s:
        return (
            sorted(
                s.execute(
                    text("SELECT line_id, open_fen FROM fee_open_lines WHERE unit_id = :u"),
                    {"u": unit_id},
                ).all()
            ),
            s.execute(
                text("SELECT off_line_fen FROM fee_unit_money WHERE unit_id = :u"),
                {"u": unit_id},
            ).scalar(),
        )


def test_two_desks_offline_agree_on_what_the_prepayment_paid(server, make_device):
    """公摊水电费:预收500元/户,按实际面积据实分摊。 — A takes 101's 500 and syncs. Offline,
    both desks apportion March's 300 (200 to 101's 100 m², 100 to 102's 50 m²), B takes a
    top-up of 100 and A apportions April. After sync both desks show 200 left of 600,
    both shares paid from it, and the same cache for the reports."""
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate)
        unit_ids = [
            create_unit(
                s,
                estate,
                UnitInput(
                    building="1栋",
                    entrance="1",
                    room=room,
                    area_m2=area,
                    handover_date="2020-01-01",
                ),
            ).id
            for room, area in (("101", "100.00"), ("102", "50.00"))
        ]
    unit = unit_ids[0]
    prepayment.collect_prepayment(a.db, unit, "500.00", "cash", "张三", "a", now=NOW)
    a.sync()
    b = make_device("b", [estate])
    b.sync()

    billing_run.bill_shared_utilities(a.db, estate, "2026-03", "300.00", "a", now=NOW)
    billing_run.bill_shared_utilities(b.db, estate, "2026-03", "300.00", "b", now=NOW)
    prepayment.collect_prepayment(b.db, unit, "100.00", "wechat", "张三", "b", now=NOW)
    billing_run.bill_shared_utilities(a.db, estate, "2026-04", "300.00", "a", now=NOW)
    for _ in range(2):
        b.sync()
        a.sync()

    seen = []
    for desk in (a, b):
        state = prepayment.prepayment_of(desk.db, unit)
        assert (state.collected, state.remaining, state.last_share, state.status) == (
            D("600.00"),
            D("200.00"),
            D("200.00"),
            "ok",
        )
        lines = account.account_lines(desk.db, unit, only_open=False)
        assert [(ln.period, ln.paid, ln.open_amount) for ln in lines] == [
            ("2026-03", D("200.00"), D("0.00")),
            ("2026-04", D("200.00"), D("0.00")),
        ]
        assert account.unit_account(desk.db, unit).balance == D("0.00")
        seen.append((_cache(desk.db, unit), _cache(desk.db, unit_ids[1])))
    assert seen[0] == seen[1]
    assert seen[0][0][1] == 0  # the prepayment left is not credit for other fees
