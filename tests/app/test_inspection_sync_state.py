"""Files waiting per inspection: counted against the server's confirmations by hash, and
the upgrade that starts files already pushed out as confirmed.

Issue 14: "An inspection counts as synced only when every blob it references is confirmed.
The Sync page shows the files still waiting per inspection. Local copies are never deleted
before confirmation."
"""

from datetime import UTC, datetime

from alembic import command
from PIL import Image
from sqlalchemy import delete, select

from app.services.inspections import photos, run, templates
from app.services.inspections.common import Target
from app.services.inspections.sync_state import (
    confirm_blobs,
    files_waiting,
    inspection_synced,
)
from app.store.blobs import BlobStore
from app.store.db import Database, alembic_config, make_engine
from app.store.inspection_models import InspectionPhoto
from app.store.models import SyncOutbox
from app.store.recorder import set_state

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def inspection_with_photos(db, estate_id, tmp_path, count=3):
    templates.ensure_default_templates(db, estate_id, NOW)
    tpl = next(t for t in templates.list_templates(db, estate_id) if t.code == "handover")
    iid = run.start(db, tpl.id, Target("unit", "", "3栋 1502"), "", NOW)
    blobs = BlobStore(tmp_path / "blobs")
    item = run.run_view(db, iid).content.items()[0].id
    for n in range(count):
        source = tmp_path / f"p{n}.jpg"
        Image.new("RGB", (640, 480), (30 * n, 90, 160)).save(source, "JPEG")
        photos.add_photo(db, iid, item, source, "", NOW, blobs)
    return iid, [p.sha256 for p in run.run_view(db, iid).photos], blobs


def test_files_wait_until_the_server_confirms_each_by_hash(db, estate_id, tmp_path):
    iid, shas, blobs = inspection_with_photos(db, estate_id, tmp_path)
    [waiting] = files_waiting(db, estate_id)
    assert (waiting.inspection_id, waiting.files, waiting.target_label) == (iid, 3, "3栋 1502")
    with db.session() as s:  # every row landed, but a landed row is not a confirmed file
        s.execute(delete(SyncOutbox))
    assert files_waiting(db, estate_id)[0].files == 3 and not inspection_synced(db, iid)
    confirm_blobs(db, shas[:2], NOW)
    confirm_blobs(db, shas[:1], NOW)  # said twice: counted once
    assert files_waiting(db, estate_id)[0].files == 1
    confirm_blobs(db, [shas[2].upper()], NOW)
    assert files_waiting(db, estate_id) == [] and inspection_synced(db, iid)
    assert all(blobs.has(sha) for sha in shas)  # nothing deleted


def test_upgrade_confirms_files_of_rows_already_pushed(tmp_path, estate_id, db):
    iid, shas, _blobs = inspection_with_photos(db, estate_id, tmp_path)
    with db.session() as s:
        pushed = shas[0]
        photo_id = s.scalar(select(InspectionPhoto.id).where(InspectionPhoto.sha256 == pushed))
        s.execute(delete(SyncOutbox).where(SyncOutbox.row_id == photo_id))
        set_state(s, "device_token", "t")
    path = db.path
    db.close()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "0010")
    command.upgrade(alembic_config(engine), "0012")
    engine.dispose()
    again = Database(path)
    try:
        assert files_waiting(again, estate_id)[0].files == 2
    finally:
        again.close()
