"""Bill lines two desks issued differently (docs/money-rules.md §6): the units holding one,
for finance to find and adjust, and the demo's one: a bill line of the demo estate as
another desk issued it with the unit's older area, so `propdesk snapshot fees-conflicts`
shows the kept amount and the other desk's at the counter (and the Sync page counts it).
``add_demo_bill_conflict`` is a step of ``app.services.demo``, inside its unit of work."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.hlc import Timestamp
from app.domain.money import round_yuan
from app.store.db import mark_changed
from app.store.fee_models import BillLine, FeeOpenLine
from app.store.ids import natural_id
from app.store.models import StaffUser, SyncConflict

if TYPE_CHECKING:
    from app.store.db import Database

# the other desk, as its clock names it in the losing copy's timestamp, and by its name
OTHER_DESK = natural_id("propdesk-demo", "device", "desk-b")
OTHER_DESK_NAME = "二号工作站"
OLDER_AREA_BY = 20  # m²: the other desk billed before the unit's area was corrected


def add_demo_bill_conflict(session: Session, estate_id: str, _rng: random.Random) -> None:
    """The newest residential management line still open, of the lowest such unit: kept
    as issued, the other desk's copy 20 m² smaller. The bill stands as kept."""
    line = session.scalars(
        select(BillLine)
        .join(FeeOpenLine, FeeOpenLine.line_id == BillLine.id)
        .where(BillLine.estate_id == estate_id, BillLine.fee_code == "mgmt_residential")
        .where(FeeOpenLine.open_fen > 0, BillLine.quantity > OLDER_AREA_BY)
        .order_by(BillLine.period.desc(), BillLine.unit_id)
        .limit(1)
    ).first()
    if line is None:
        return
    # read through the model: the column types say how quantity and rate are stored
    other = round_yuan((line.quantity - OLDER_AREA_BY) * line.rate)
    kept_hlc = line.updated_hlc
    kept = Timestamp.decode(kept_hlc)
    lost_hlc = Timestamp(kept.physical_ms - 60_000, 0, OTHER_DESK).encode()
    # who issued it here: the account named on the line, else the demo's administrator
    # (the demo's billing run names no account)
    issuer = session.scalar(
        select(StaffUser.display_name)
        .where(StaffUser.estate_id == estate_id)
        .where((StaffUser.login == line.issued_by) | (StaffUser.role == "admin"))
        .order_by((StaffUser.login == line.issued_by).desc(), StaffUser.login)
        .limit(1)
    )
    session.add(
        SyncConflict(
            table_name="bill_lines",
            row_id=line.id,
            field="amount",
            kept_value=f"{line.amount:.2f}",
            kept_hlc=kept_hlc,
            lost_value=f"{other:.2f}",
            lost_hlc=lost_hlc,
            detected_at=datetime.fromtimestamp(kept.physical_ms / 1000, UTC),
            kept_by=issuer or "",  # issued here, by the demo's billing run
            lost_desk=OTHER_DESK_NAME,
        )
    )
    mark_changed(session, "sync_conflicts", None)


def units_with_bill_conflicts(db: Database, estate_id: str) -> list[str]:
    """Units of the estate with a bill line whose amount another desk issued differently
    and that nobody settled yet, in unit order (ids)."""
    with db.session() as s:
        return list(
            s.scalars(
                select(BillLine.unit_id)
                .join(SyncConflict, SyncConflict.row_id == BillLine.id)
                .where(
                    BillLine.estate_id == estate_id,
                    SyncConflict.table_name == "bill_lines",
                    SyncConflict.field == "amount",
                    ~SyncConflict.acknowledged,
                )
                .distinct()
                .order_by(BillLine.unit_id)
            )
        )
