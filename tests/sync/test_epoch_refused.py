"""After the server's epoch changes (a restore), a desk sends again what the server lacks,
but never what the server had refused: that stays set aside, once, and is not slipped
past the checks as a re-send (which carries no author)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain.units import UnitInput
from app.services.units import create_unit
from app.store.fee_models import FeeAdjustment
from app.store.models import Building, SyncOutbox, SyncRejected
from app.store.recorder import recorder
from sync.server import crud
from sync.server.identity import new_epoch
from tests.sync.older_desk import unchecked_recorder
from tests.sync.test_authority import adjustment_by


def test_refused_changes_are_not_sent_again_after_a_new_epoch(server, make_device):
    estate = server.add_estate("阳光花园")
    cashier = server.add_user("cashier", [estate], role="cashier")
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        unit = create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90")).id
    with desk.db.session() as s, unchecked_recorder():  # queued by an older desk
        too_long = recorder(s).create(Building, estate_id=estate, name="楼" * 72, sort_key=9).id
    desk.sync()
    with desk.db.session() as s:
        recorder(s).update(s.get(Building, too_long), sort_key=10)  # an edit of it, refused too
    not_allowed = adjustment_by(desk.db, unit, estate, cashier)  # a cashier may not adjust
    desk.sync()
    with desk.db.session() as s:
        aside = sorted(s.scalars(select(SyncRejected.row_id)))
    assert aside == sorted([too_long, too_long, not_allowed])

    with crud.new_session(server.engine) as s:  # the server is restored: a new epoch
        new_epoch(s)
        s.commit()
    report = desk.sync()
    with crud.new_session(server.engine) as s:
        # before: the adjustment went up as a re-send with no author, and was taken
        assert s.get(FeeAdjustment, not_allowed) is None
        assert s.get(Building, too_long) is None
    assert report.rejected == []  # before: the building queued again, refused again
    with desk.db.session() as s:
        assert sorted(s.scalars(select(SyncRejected.row_id))) == aside
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
