"""A change that commits while another device is pulling is never skipped by it."""

from __future__ import annotations

from sqlalchemy import event, select

from app.domain.units import UnitInput
from app.services.units import create_unit
from app.store.models import SyncOutbox, Unit
from sync import protocol
from sync.client import SERVER_DEVICE_ID
from sync.server import crud
from sync.server.models import Device as ServerDevice


def test_a_push_committing_in_the_middle_of_a_pull_reaches_the_puller(server, make_device):
    estate = server.add_estate("阳光花园")
    a, b = make_device("a", [estate]), make_device("b", [estate])
    b.sync()
    with a.db.session() as s:
        create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="88"))
    with a.db.session() as s:
        waiting = [
            protocol.WireChange(
                change_id=o.change_id,
                table=o.table_name,
                row_id=o.row_id,
                estate_id=o.estate_id,
                kind=o.kind,
                fields=o.fields,
                hlc=o.hlc,
            )
            for o in s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq))
        ]
    a_id = a.client.state(SERVER_DEVICE_ID)
    pending = [True]

    def push_of_a_meanwhile(_conn, _cursor, statement, *_args):
        # Right after b's pull read its page of the log: a's push commits.
        if pending and "FROM server_changes" in statement and "LIMIT" in statement:
            pending.clear()
            with crud.new_session(server.engine) as s:
                device = s.get(ServerDevice, a_id)
                crud.push(s, device, waiting, 0, server.app.state.clock)
                s.commit()

    event.listen(server.engine, "after_cursor_execute", push_of_a_meanwhile)
    try:
        b.sync()
    finally:
        event.remove(server.engine, "after_cursor_execute", push_of_a_meanwhile)
    assert not pending, "the push did not happen during the pull"
    b.sync()
    with b.db.session() as s:
        assert s.scalar(select(Unit.room)) == "101"
    assert a.sync().pushed == len(waiting)  # its repeat is a no-op on the server
    with a.db.session() as s:
        assert s.scalar(select(SyncOutbox.change_id)) is None
