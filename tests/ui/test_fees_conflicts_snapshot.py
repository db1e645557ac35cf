"""`propdesk snapshot fees-conflicts`: the Sync page's conflicts with the demo's bill line
that two desks issued differently, the kept (server's) amount and the other desk's.

Issue 11: "`propdesk snapshot fees-conflicts` (or the Sync page with a demo bill
conflict) renders the kept amount and the other one."
"""

import random
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.services.fees import billing_run
from app.services.fees import schedule as fee_schedule
from app.services.fees.bill_conflicts import add_demo_bill_conflict
from tests.app.test_fee_services import make_unit
from tests.ui.test_snapshot_and_layers import propdesk


def _demo_conflict(db, estate_id):
    with db.session() as s:
        fee_schedule.ensure_default_schedule_in(s, estate_id)
        make_unit(s, estate_id, "101", "100.00")
    now = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    billing_run.run_billing(db, estate_id, "2026-12", "demo", now=now)
    with db.session() as s:
        add_demo_bill_conflict(s, estate_id, random.Random(0))


def test_the_snapshot_shows_the_kept_amount_and_the_other_desks(
    qtbot, ctx, db, estate_id, tmp_path
):
    from sync.overview import kept_conflicts
    from ui.main_window import MainWindow
    from ui.pages import SNAPSHOT_VIEWS
    from ui.sync_page.model import ConflictsModel

    _demo_conflict(db, estate_id)
    assert SNAPSHOT_VIEWS["fees-conflicts"] == ("fees", "conflicts")
    out = tmp_path / "fees-conflicts.png"
    done = propdesk(
        "snapshot", "fees-conflicts", "--db", str(db.path), "--out", str(out), "--lang", "zh_CN"
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)

    # the view the snapshot shows: the counter on the unit, its line with both amounts
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_snapshot("fees-conflicts")
    window.show()
    counter = page.counter
    qtbot.waitUntil(lambda: counter.shown is not None and counter.lines_model.rowCount() == 1)
    amount = counter.lines_model.data(counter.lines_model.index(0, 3), Qt.ItemDataRole.DisplayRole)
    # 100 m² × 1.90 kept; the other desk billed 80 m² × 1.90
    assert amount == "190.00 (another desk issued 152.00: adjust)"

    # the Sync page's list of the same conflict (an enrolled desk shows it)
    model = ConflictsModel()
    model.set_rows(kept_conflicts(db))
    shown = [
        model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole)
        for column in range(model.columnCount())
    ]
    assert shown[1] == "3栋 1单元 101 · 2026-12 · Amount"
    # who issued each copy, and on which desk (the demo's administrator here)
    assert shown[2] == "190.00" and shown[3].startswith("王经理 · this computer · ")
    assert shown[4] == "152.00" and shown[5].startswith("二号工作站 · ")
