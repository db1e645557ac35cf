"""The server's refusals reach the clerk in words from the catalogue (``server.<error>``),
in the user's language: the set-aside list, the status bar and a sync that stopped."""

from __future__ import annotations

import asyncio
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QLocale, Qt

from app.store.models import Building
from app.store.recorder import recorder
from sync import overview as sync_overview
from sync.client import SyncClient, SyncFailure
from sync.server.db import make_engine, migrate
from tests.sync.conftest import Server
from tests.sync.older_desk import unchecked_recorder
from ui.sync_page.labels import describe_sync
from ui.sync_page.model import RejectedModel
from ui.sync_page.status import status_text


@contextmanager
def chinese(app):
    from ui.i18n import install_translators

    locale = QLocale()
    translators = install_translators(app, "zh_CN")
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)


@pytest.fixture
def server(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    migrate(engine)
    yield Server(engine)
    engine.dispose()


def test_a_set_aside_change_is_told_in_words_on_the_sync_page_and_status_bar(
    app, db, server, tmp_path
):
    estate = server.add_estate("阳光花园")
    client = SyncClient(db, transport=server.transport(), blob_dir=tmp_path / "blobs")
    asyncio.run(client.enroll(server.url, server.code([estate]), "desk"))
    # past the form and the recorder (queued by an older desk): a name longer than the
    # server keeps
    with db.session() as s, unchecked_recorder():
        recorder(s).create(Building, estate_id=estate, name="楼" * 72, sort_key=1)
    report = asyncio.run(client.sync())
    assert len(report.rejected) == 1 and report.rejected[0][1].startswith("[value_too_long]")

    with chinese(app):
        line, tip, _role = status_text(sync_overview.read_overview(db))
        model = RejectedModel()
        model.set_rows(sync_overview.rejected_changes(db))
        reason = model.index(0, 2)
        shown = model.data(reason, Qt.ItemDataRole.DisplayRole)
        particulars = model.data(reason, Qt.ItemDataRole.ToolTipRole)
    assert "1 项更改已搁置" in line  # a fact, not an error: the sync goes on
    assert "服务器不接受" in tip
    assert shown == "某个值超出服务器可保存的长度；请缩短后重新保存。"  # before: the English
    assert "72 characters" in particulars  # which value, for whoever looks closer


def test_a_refused_enrolment_or_sync_is_worded_from_the_servers_code(app, db, server, tmp_path):
    estate = server.add_estate("阳光花园")
    code = server.code([estate])
    client = SyncClient(db, transport=server.transport(), blob_dir=tmp_path / "blobs")
    asyncio.run(client.enroll(server.url, code, "desk"))
    with pytest.raises(SyncFailure) as refused:
        asyncio.run(SyncClient(db, transport=server.transport()).enroll(server.url, code))
    assert refused.value.params["error"] == "code_used"
    with chinese(app):
        shown = describe_sync(refused.value)
        stopped = describe_sync(
            SyncFailure("sync.refused", reason="internal", status=500, error="server_error")
        )
    assert shown == "服务器拒绝：此登记码已被使用；请索取新的登记码。"
    assert stopped.startswith("服务器拒绝：") and "internal" not in stopped
