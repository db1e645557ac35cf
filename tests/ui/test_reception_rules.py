"""The work-order targets in Settings: edited, saved, and every order's deadline follows."""

from datetime import UTC, datetime

from app.domain.units import UnitInput
from app.services.reception import queries, workorders
from app.services.units import create_unit


def test_targets_and_dispatch_rule_saved_from_settings(qtbot, ctx, db, estate_id, admin):
    from ui.reception.rules import workorder_rules_box

    with db.session() as s:
        unit_id = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="2", room="1502", area_m2="89.5")
        ).id
    start = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    order = workorders.open_order(
        db,
        estate_id,
        workorders.WorkOrderInput(content="漏水", category="plumbing", unit_id=unit_id),
        ctx.user_id,
        start,
    )
    box = workorder_rules_box(ctx)
    qtbot.addWidget(box)
    qtbot.waitUntil(lambda: box.rules is not None and box.targets.rowCount() == 3, timeout=5000)
    row = box.targets.rowCount()
    box.targets.insertRow(row)
    from PySide6.QtWidgets import QTableWidgetItem

    for column, value in enumerate(("plumbing:normal", "120", "")):
        box.targets.setItem(row, column, QTableWidgetItem(value))
    box.warn.setValue(15)
    box.save()
    qtbot.waitUntil(lambda: box.message.isVisibleTo(box), timeout=5000)
    assert workorders.read_rules(db, estate_id).warn_minutes == 15
    assert queries.read_order(db, order).row.next_due == datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    # a wrong target is refused with its message, nothing saved
    box.targets.setItem(row, 1, QTableWidgetItem("soon"))
    box.save()
    qtbot.waitUntil(lambda: "plumbing:normal" in box.message.text(), timeout=5000)
    # a round-robin pool for plumbing
    qtbot.waitUntil(lambda: box.staff.count() >= 1, timeout=5000)
    box.category.setCurrentIndex(box.category.findData("plumbing"))
    box.mode.setCurrentIndex(box.mode.findData("pool"))
    from PySide6.QtCore import Qt

    box.staff.item(0).setCheckState(Qt.CheckState.Checked)
    box.save_dispatch()
    qtbot.waitUntil(
        lambda: workorders.dispatch_rules(db, estate_id).get("plumbing") is not None, timeout=5000
    )
    assert workorders.dispatch_rules(db, estate_id)["plumbing"] == {
        "mode": "pool",
        "staff": [admin.id],
    }
