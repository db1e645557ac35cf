"""The collection tab (收缴率): the management fee's rate labelled 管理费收费率 and judged
against the 95% target unrounded, each other kind and all fees beside it, labelled.

Seed 001: "管理費收費率(實收應收)達 95%以上".
"""

from datetime import UTC, datetime

from PySide6.QtCore import QDate

from app.clock import ManualClock
from app.domain.units import UnitInput
from app.services.fees import account, billing_run, counter, schedule
from app.services.units import create_unit

NOW = datetime(2026, 3, 20, 2, 0, tzinfo=UTC)


def test_94_995_percent_reads_below_target_and_each_kind_is_labelled(qtbot, ctx, db, estate_id):
    """800 m² commercial × 2.50 = 2,000.00 of management fee, 1,899.90 paid: 94.995%,
    which rounded to four places was 95.00% and read "target met"."""
    with db.session() as s:
        shop = create_unit(
            s,
            estate_id,
            UnitInput(
                building="5栋",
                room="101",
                area_m2="800.00",
                kind="commercial",
                handover_date="2020-01-01",
            ),
        ).id
    schedule.add_parking_space(db, shop, "parking_shared", "B1-001")
    billing_run.run_billing(db, estate_id, "2026-03", "test", now=NOW)
    [mgmt] = [ln for ln in account.account_lines(db, shop) if ln.fee_code == "mgmt_commercial"]
    counter.take_payment(db, shop, "1899.90", "cash", "", "x", [mgmt.line_id], now=NOW)

    from ui.fees.collection import CollectionTab

    ctx.clock = ManualClock(NOW)
    tab = CollectionTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.month.setDate(QDate(2026, 3, 1))
    qtbot.waitUntil(lambda: "2026-03" in tab.figure.text())
    figure = tab.figure.text()
    assert figure == "2026-03 management fee collection rate 94.9% (target 95%, below target)"
    assert "Management fee: collected ¥1,899.90 of ¥2,000.00" in tab.detail.text()
    assert tab.kinds.text() == (
        "Parking 0.0% (¥0.00 of ¥260.00) · All fees 84.0% (¥1,899.90 of ¥2,260.00)"
    )
