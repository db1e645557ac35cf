"""The server's change log records who made each change: the staff account a desk names
as a pushed change's author, the administrator behind a server-side write. Pulled changes
carry it (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.units import UnitInput
from app.services.units import create_unit
from app.store.audit_models import ACTOR_KEY
from sync.server import crud
from sync.server.models import ChangeLog
from tests.sync.test_server_validation import call, enroll


def test_the_change_log_keeps_each_change_s_author_and_pulls_carry_it(server, make_device):
    estate = server.add_estate("阳光花园")
    wang = server.add_user("wang", [estate], role="receptionist")
    desk = make_device("desk", [estate])
    with desk.db.session() as s:
        system_unit = create_unit(s, estate, UnitInput(building="1栋", room="101", area_m2="90")).id
    with desk.db.session() as s:
        s.info[ACTOR_KEY] = wang
        wang_unit = create_unit(s, estate, UnitInput(building="1栋", room="102", area_m2="80")).id
    desk.sync()
    with crud.new_session(server.engine) as s:
        authors = dict(
            s.execute(
                select(ChangeLog.row_id, ChangeLog.author).where(ChangeLog.table_name == "units")
            ).all()
        )
    assert authors == {system_unit: "", wang_unit: wang}
    with crud.new_session(server.engine) as s:
        logged = s.scalars(select(ChangeLog).where(ChangeLog.row_id == wang)).all()
    assert logged and {row.author for row in logged} == {""}  # the server's command wrote it
    pulled = call(server, "GET", "/sync/pull", token=enroll(server, [estate])).json()["changes"]
    by_row = {c["row_id"]: c["author"] for c in pulled if c["table"] == "units"}
    assert by_row == {system_unit: "", wang_unit: wang}
