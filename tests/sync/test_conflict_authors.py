"""Who made each value of a conflict found while pulling, kept on the conflict: a pulled
change names its author and desk; a value still in this desk's outbox, the signed-in
user who made it here (desk migration 0015; the server's notices: test_two_devices)."""

from __future__ import annotations

import time

from sqlalchemy import select

from app.domain.hlc import Timestamp
from app.domain.units import UnitInput
from app.services.accounts import create_staff
from app.services.units import create_unit
from app.store.apply import Change
from app.store.models import SyncConflict
from app.store.recorder import set_state
from sync.client.base import DEVICE_NAME
from sync.client.pull import Pull


def test_a_pulled_change_over_a_value_not_yet_pushed_names_both_clerks(db, estate_id):
    with db.session() as s:
        zhang, li = (
            create_staff(
                s,
                login=login,
                display_name=name,
                role="receptionist",
                password="correct horse",
                estate_ids=[estate_id],
            ).id
            for login, name in (("zhang", "张前台"), ("li", "李前台"))
        )
        set_state(s, DEVICE_NAME, "一号前台")
    db.actor = zhang  # signed in here: the unit waits in the outbox under her name
    with db.session() as s:
        unit_id = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="1", room="1302", area_m2="80")
        ).id
    later = Timestamp(int(time.time() * 1000) + 60_000, 0, "desk-b").encode()
    pulled = Change("c-b", "units", unit_id, estate_id, "upsert", {"area_m2": "82.00"}, later)
    with db.session() as s:
        kept, _aside, _clock = Pull._merge_pulled(s, [pulled], [], {"c-b": (li, "二号前台")})
    assert kept == 1
    with db.session() as s:
        c = s.scalars(select(SyncConflict)).one()
        assert (c.field, c.kept_value) == ("area_m2", "82.00")
        assert (c.kept_by, c.kept_desk, c.lost_by, c.lost_desk) == (
            "李前台",
            "二号前台",
            "张前台",
            "一号前台",
        )


def test_a_pulled_value_that_loses_names_its_author_and_desk(db, estate_id):
    with db.session() as s:
        li = create_staff(
            s,
            login="li",
            display_name="李前台",
            role="receptionist",
            password="correct horse",
            estate_ids=[estate_id],
        ).id
        unit_id = create_unit(
            s, estate_id, UnitInput(building="3栋", entrance="1", room="1302", area_m2="80")
        ).id
    older = Timestamp(1_000_000_000_000, 0, "desk-b").encode()
    pulled = Change("c-b", "units", unit_id, estate_id, "upsert", {"area_m2": "82.00"}, older)
    with db.session() as s:
        assert Pull._merge_pulled(s, [pulled], [], {"c-b": (li, "二号前台")})[0] == 1
    with db.session() as s:
        c = s.scalars(select(SyncConflict)).one()
        assert (c.lost_value, c.lost_by, c.lost_desk) == ("82.00", "李前台", "二号前台")
        # made here by no signed-in user, on a desk never enrolled (no name)
        assert c.kept_by == "" and c.kept_desk == ""
