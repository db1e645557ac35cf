"""A desk restored from a local backup takes back what it synced after the backup was
made: the server leaves a device's own changes out of its pulls, so the desk pulls once
from the cursor the backup had, its own changes included (issue 15, "Changes not yet
synced are re-sent after a restore")."""

from __future__ import annotations

from sqlalchemy import select

from app.services import backups
from app.store.db import Database
from app.store.models import Building, SyncOutbox
from app.store.recorder import get_state, recorder
from sync.server import crud


def _names(db: Database) -> dict[str, str]:
    with db.session() as s:
        return {
            b.id: b.name for b in s.scalars(select(Building).where(Building.deleted.is_(False)))
        }


def _restore(desk, made: backups.BackupFile) -> None:
    """What Settings' restore does: the database closed, the copy put back, reopened."""
    desk.db.close()
    backups.restore_backup(desk.db.path, made)
    desk.db = Database(desk.db.path)
    desk.client = desk.server.client(desk.db)


def test_after_a_local_restore_the_desk_takes_back_what_it_synced_since(server, make_device):
    estate = server.add_estate("阳光花园")
    desk, other = make_device("desk", [estate]), make_device("other", [estate])
    with desk.db.session() as s:
        kept = recorder(s).create(Building, estate_id=estate, name="1栋", sort_key=1).id
    desk.sync()
    with desk.db.session() as s:  # waiting when the backup is made: comes back with it
        waiting = recorder(s).create(Building, estate_id=estate, name="2栋", sort_key=2).id
    made = backups.make_backup(desk.db.path)

    # After the backup: this desk renames one, adds one and syncs; another desk adds one.
    with desk.db.session() as s:
        recorder(s).update(s.get(Building, kept), name="1栋（东）")
        added = recorder(s).create(Building, estate_id=estate, name="3栋", sort_key=3).id
    desk.sync()
    with other.db.session() as s:
        theirs = recorder(s).create(Building, estate_id=estate, name="5栋", sort_key=5).id
    other.sync()
    expected = {kept: "1栋（东）", waiting: "2栋", added: "3栋", theirs: "5栋"}

    _restore(desk, made)
    assert _names(desk.db) == {kept: "1栋", waiting: "2栋"}  # as the backup had it
    desk.sync()
    assert _names(desk.db) == expected
    with desk.db.session() as s:
        assert s.scalar(select(SyncOutbox.change_id)) is None
        assert not get_state(s, backups.RESTORED_FROM_CURSOR)  # done once
    with crud.new_session(server.engine) as s:
        on_server = {b.id: b.name for b in s.scalars(select(Building))}
    assert on_server == expected  # nothing lost on the server either

    # Work goes on as before, both ways.
    with desk.db.session() as s:
        recorder(s).update(s.get(Building, added), name="3栋（新）")
    desk.sync()
    other.sync()
    assert _names(other.db) == {**expected, added: "3栋（新）"}
    assert desk.sync().pulled == 0
