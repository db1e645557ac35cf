"""The Sync page lists, per inspection, the files the server has not confirmed yet.

Issue 14: "An inspection counts as synced only when every blob it references is confirmed.
The Sync page shows the files still waiting per inspection." (The server's confirmations
themselves are tested against the real server: tests/sync/test_inspection_photos_sync.py.)
"""

from __future__ import annotations

from datetime import UTC, datetime

from PIL import Image

from app.services.inspections import photos, run, templates
from app.services.inspections.common import Target
from app.services.inspections.sync_state import confirm_blobs
from app.store.blobs import BlobStore

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def test_files_waiting_are_listed_per_inspection_until_confirmed(ctx, qtbot, tmp_path, monkeypatch):
    from ui.sync_page.page import SyncPage

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))
    templates.ensure_default_templates(ctx.db, ctx.estate_id, NOW)
    tpl = next(t for t in templates.list_templates(ctx.db, ctx.estate_id) if t.code == "handover")
    iid = run.start(ctx.db, tpl.id, Target("unit", "", "3栋 2单元 1502"), "", NOW)
    number = run.run_view(ctx.db, iid).header.number
    item = run.run_view(ctx.db, iid).content.items()[0].id
    blobs = BlobStore(tmp_path / "blobs")
    for n in range(3):
        source = tmp_path / f"p{n}.jpg"
        Image.new("RGB", (640, 480), (40 * n, 90, 160)).save(source, "JPEG")
        photos.add_photo(ctx.db, iid, item, source, "", NOW, blobs)
    shas = [p.sha256 for p in run.run_view(ctx.db, iid).photos]

    page = SyncPage(ctx, None)
    qtbot.addWidget(page)
    page.show()
    waiting = page.files_waiting
    qtbot.waitUntil(lambda: len(waiting.rows) == 1, timeout=10_000)
    model = waiting.model
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == [number, "3栋 2单元 1502", "In progress", "3"]
    assert not waiting.box.isHidden()
    assert waiting.box.title() == "Inspection files not yet confirmed by the server (3)"

    confirm_blobs(ctx.db, shas[:2], NOW)  # what the sync client records from the server
    qtbot.waitUntil(lambda: bool(waiting.rows) and waiting.rows[0].files == 1, timeout=10_000)
    confirm_blobs(ctx.db, shas[2:], NOW)
    qtbot.waitUntil(lambda: waiting.rows == [], timeout=10_000)
    assert waiting.box.isHidden()


def test_the_files_figure_and_the_list_agree_after_an_interrupted_upload(
    ctx, qtbot, tmp_path, monkeypatch
):
    """Issue 14: "An inspection counts as synced only when every blob it references is
    confirmed. The Sync page shows the files still waiting per inspection." An upload cut
    after 2 of 3 photos: the rows still wait in the outbox, 2 files are confirmed, and the
    page's "Files waiting" figure says 1 like the list beside it (it said 3 before)."""
    from app.store.recorder import set_state
    from sync import client as sync_client
    from ui.sync_page.page import SyncPage

    monkeypatch.setenv("PROPDESK_DATA_DIR", str(tmp_path / "data"))
    with ctx.db.session() as s:  # enrolled, as far as the page can tell
        set_state(s, sync_client.SERVER_URL, "http://127.0.0.1:9")
        set_state(s, sync_client.TOKEN, "t")
        set_state(s, sync_client.SERVER_DEVICE_ID, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
    templates.ensure_default_templates(ctx.db, ctx.estate_id, NOW)
    tpl = next(t for t in templates.list_templates(ctx.db, ctx.estate_id) if t.code == "handover")
    iid = run.start(ctx.db, tpl.id, Target("unit", "", "3栋 2单元 1502"), "", NOW)
    item = run.run_view(ctx.db, iid).content.items()[0].id
    blobs = BlobStore(tmp_path / "blobs")
    for n in range(3):
        source = tmp_path / f"p{n}.jpg"
        Image.new("RGB", (640, 480), (40 * n, 90, 160)).save(source, "JPEG")
        photos.add_photo(ctx.db, iid, item, source, "", NOW, blobs)
    shas = [p.sha256 for p in run.run_view(ctx.db, iid).photos]

    page = SyncPage(ctx, None)
    qtbot.addWidget(page)
    page.show()
    waiting = page.files_waiting
    qtbot.waitUntil(lambda: page.files_label.text() == "3 file(s)", timeout=10_000)
    qtbot.waitUntil(lambda: sum(r.files for r in waiting.rows) == 3, timeout=10_000)

    confirm_blobs(ctx.db, shas[:2], NOW)  # the server answered 2 uploads, then the line broke
    qtbot.waitUntil(lambda: sum(r.files for r in waiting.rows) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: page.files_label.text() == "1 file(s)", timeout=10_000)
    assert waiting.box.title() == "Inspection files not yet confirmed by the server (1)"
    assert page.overview.waiting > 0  # the photos' rows are still to push

    confirm_blobs(ctx.db, shas[2:], NOW)
    qtbot.waitUntil(lambda: page.files_label.text() == "0 file(s)", timeout=10_000)
    qtbot.waitUntil(lambda: waiting.rows == [], timeout=10_000)
