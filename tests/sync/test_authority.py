"""A pushed change whose author's role may not make it is refused whole, with the reason;
the desk sets it aside and the rest flows. On the real server app (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select

from app.domain.units import UnitInput
from app.services.fees import counter
from app.services.permissions import set_cell_in
from app.services.units import create_unit
from app.store.audit_models import ACTOR_KEY
from app.store.fee_models import FeeAdjustment, Payment
from app.store.models import SyncOutbox, SyncRejected
from app.store.recorder import recorder
from sync.server import crud

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def adjustment_by(db, unit_id: str, estate_id: str, author: str) -> str:
    """What an old or tampered desk would write: an adjustment made as ``author``."""
    with db.session() as s:
        s.info[ACTOR_KEY] = author
        return (
            recorder(s)
            .create(
                FeeAdjustment,
                estate_id=estate_id,
                unit_id=unit_id,
                amount=Decimal("-50.00"),
                reason="goodwill",
                made_by=author,
                made_at=NOW,
            )
            .id
        )


def test_a_change_the_author_may_not_make_is_refused_and_the_rest_flows(server, make_device):
    estate = server.add_estate("阳光花园")
    cashier = server.add_user("cashier", [estate], role="cashier")
    lead = server.add_user("lead", [estate], role="finance_lead")
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        unit = create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90")).id
    desk.sync()  # the unit goes up; the staff accounts come down
    refused = adjustment_by(desk.db, unit, estate, cashier)
    allowed = adjustment_by(desk.db, unit, estate, lead)
    desk.db.actor = cashier
    paid = counter.take_payment(desk.db, unit, "100.00", "cash", "王伟", "c", now=NOW).payment.id
    report = desk.sync()
    assert [change for change, _ in report.rejected] == _change_ids(desk, refused)
    reason = report.rejected[0][1]
    assert "cashier" in reason and "fees.adjust" in reason
    with desk.db.session() as s:
        kept = s.scalars(select(SyncRejected.row_id)).all()
        assert kept == [refused]
        assert s.scalar(select(SyncOutbox.change_id).limit(1)) is None  # the rest went up
    with crud.new_session(server.engine) as s:
        assert s.get(FeeAdjustment, refused) is None
        assert s.get(FeeAdjustment, allowed) is not None
        assert s.get(Payment, paid) is not None  # a cashier takes payments


def _change_ids(desk, row_id):
    with desk.db.session() as s:
        return s.scalars(select(SyncRejected.change_id).where(SyncRejected.row_id == row_id)).all()


def test_the_estate_s_matrix_on_the_server_decides(server, make_device):
    estate = server.add_estate("阳光花园")
    cashier = server.add_user("cashier", [estate], role="cashier")
    with crud.new_session(server.engine) as s, s.begin(), crud.server_writes(s):
        set_cell_in(s, estate, "cashier", "fees.adjust", True)  # this estate lets cashiers
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        unit = create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90")).id
    desk.sync()
    made = adjustment_by(desk.db, unit, estate, cashier)
    assert desk.sync().rejected == []
    with crud.new_session(server.engine) as s:
        assert s.get(FeeAdjustment, made) is not None


def test_an_author_unknown_to_the_server_is_refused(server, make_device):
    estate = server.add_estate("阳光花园")
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        unit = create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90")).id
    desk.sync()
    adjustment_by(desk.db, unit, estate, "01900000-0000-7000-8000-000000000000")
    report = desk.sync()
    assert len(report.rejected) == 1 and "not an active staff account" in report.rejected[0][1]


def test_an_inspection_plan_by_a_role_without_inspections_edit_is_refused(server, make_device):
    """Issue 14: inspections "from a schedule" — a plan is an inspections edit, so the server
    checks its author as it checks the inspections themselves."""
    from app.store.inspection_models import InspectionSchedule

    estate = server.add_estate("阳光花园")
    cashier = server.add_user("cashier", [estate], role="cashier")
    inspector = server.add_user("inspector", [estate], role="inspector")
    desk = make_device("desk", [estate])
    desk.sync()  # the staff accounts come down

    def plan_by(author: str) -> str:
        with desk.db.session() as s:
            s.info[ACTOR_KEY] = author
            return (
                recorder(s)
                .create(
                    InspectionSchedule,
                    estate_id=estate,
                    template_id="01900000-0000-7000-8000-0000000000aa",
                    target_kind="area",
                    target_label="1栋 大堂",
                    revisions=[{"from": "2026-03-02", "every": "daily"}],
                )
                .id
            )

    refused, allowed = plan_by(cashier), plan_by(inspector)
    report = desk.sync()
    assert [change for change, _ in report.rejected] == _change_ids(desk, refused)
    reason = report.rejected[0][1]
    assert "cashier" in reason and "inspections.edit" in reason
    with crud.new_session(server.engine) as s:
        assert s.get(InspectionSchedule, refused) is None
        assert s.get(InspectionSchedule, allowed) is not None
