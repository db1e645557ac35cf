"""An inspection with 10 photos, the upload cut after 3, against the real server app: the
server never holds the inspection without its photos; after the retry every photo is there
once and a second desk gets the inspection whole."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from PIL import Image
from sqlalchemy import func, select

from app.services.inspections import photos, run, templates
from app.services.inspections.common import Target
from app.services.inspections.sync_state import files_waiting
from app.store.blobs import BlobStore
from app.store.inspection_models import Inspection, InspectionPhoto
from sync.server import crud
from sync.server.models import Blob

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


class CutAfter(httpx.AsyncBaseTransport):
    """The network goes away after ``puts`` blob uploads (a lid closed, a cable pulled)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, puts: int) -> None:
        self.inner = inner
        self.left = puts

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT" and "/blobs/" in request.url.path:
            if self.left <= 0:
                raise httpx.ConnectError("network gone", request=request)
            self.left -= 1
        return await self.inner.handle_async_request(request)


def server_counts(server, shas):
    with crud.new_session(server.engine) as s:
        stored = s.scalar(select(func.count()).select_from(Blob).where(Blob.sha256.in_(shas)))
        rows = s.scalar(select(func.count()).select_from(Inspection))
        photo_rows = s.scalar(select(func.count()).select_from(InspectionPhoto))
    return stored, rows, photo_rows


def test_photos_cut_after_three_then_retried(server, make_device, tmp_path):
    estate = server.add_estate("阳光花园")
    a = make_device("a", [estate])
    with a.db.session() as s:
        staff_id = ""
        templates.ensure_default_templates_in(s, estate, NOW)
    tpl = next(t for t in templates.list_templates(a.db, estate) if t.code == "handover")
    iid = run.start(a.db, tpl.id, Target("unit", "", "3栋 2单元 1502"), staff_id, NOW)
    blobs = BlobStore(a.client.blob_dir)
    items = [i.id for i in run.run_view(a.db, iid).content.items()][:5]
    for n in range(10):
        source = tmp_path / f"p{n}.jpg"
        Image.new("RGB", (800, 600), (20 * n, 100, 200 - 10 * n)).save(source, "JPEG")
        photos.add_photo(a.db, iid, items[n % 5], source, staff_id, NOW, blobs)
    shas = [p.sha256 for p in run.run_view(a.db, iid).photos]
    assert len(set(shas)) == 10

    inner = a.client.transport
    a.client.transport = CutAfter(inner, puts=3)
    with pytest.raises(Exception):  # noqa: B017 (whatever the client raises for a lost network)
        a.sync()
    stored, rows, photo_rows = server_counts(server, shas)
    assert stored == 3  # three went up...
    assert rows == 0 and photo_rows == 0  # ...and no row naming them: never "complete"
    assert [(w.inspection_id, w.files) for w in files_waiting(a.db, estate)] == [(iid, 10)]
    assert all(blobs.has(sha) for sha in shas)  # the local copies stay

    a.client.transport = inner
    a.sync()
    stored, rows, photo_rows = server_counts(server, shas)
    assert (stored, rows, photo_rows) == (10, 1, 10)  # each photo once
    assert files_waiting(a.db, estate) == []
    a.sync()  # a repeat sends nothing twice
    assert server_counts(server, shas) == (10, 1, 10)

    b = make_device("b", [estate])
    b.sync()
    got = run.run_view(b.db, iid)
    assert sorted(p.sha256 for p in got.photos) == sorted(shas)
    assert all(BlobStore(b.client.blob_dir).has(sha) for sha in shas)
