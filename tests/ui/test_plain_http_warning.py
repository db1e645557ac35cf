"""A desk the administrator allowed to sync over plain HTTP with another computer warns
in the status bar, in words and for as long as it lasts (English and Chinese); https or
this computer's own server shows no warning.

Issue 16: "A desk refuses plain HTTP to anything but loopback unless the administrator
explicitly allows it, with a warning in the status bar."
"""

from __future__ import annotations

import pytest

from app.store.recorder import set_state
from sync import client as sync_client
from sync.client.transport_security import ALLOW_ENV
from tests.ui.test_sync_refusal_words import chinese


def enrolled_with(db, url: str) -> None:
    with db.session() as s:
        set_state(s, sync_client.SERVER_URL, url)
        set_state(s, sync_client.TOKEN, "t")
        set_state(s, sync_client.SERVER_DEVICE_ID, "d1")


def status_bar(qtbot, ctx):
    from ui.shell.status import StatusBar

    bar = StatusBar(ctx)
    qtbot.addWidget(bar)
    qtbot.waitUntil(lambda: bar.sync.text() != "")
    return bar


def test_plain_http_to_another_computer_shows_a_warning_that_stays(qtbot, ctx, monkeypatch):
    monkeypatch.setenv(ALLOW_ENV, "1")
    enrolled_with(ctx.db, "http://192.168.1.10:8470")
    bar = status_bar(qtbot, ctx)
    qtbot.waitUntil(lambda: "NOT ENCRYPTED" in bar.sync.text())
    assert bar.sync.property("role") == "error"
    assert "PROPDESK_ALLOW_PLAIN_HTTP=1" in bar.sync.toolTip()
    with ctx.db.session() as s:  # any later change (a sync) refreshes it: still there
        set_state(s, sync_client.LAST_SYNC, "2026-03-02T02:00:00+00:00")
    bar.refresh_sync()
    qtbot.waitUntil(lambda: "last sync" in bar.sync.text())
    assert "NOT ENCRYPTED" in bar.sync.text()


def test_the_warning_in_chinese(qtbot, app, ctx, monkeypatch):
    monkeypatch.setenv(ALLOW_ENV, "1")
    enrolled_with(ctx.db, "http://192.168.1.10:8470")
    with chinese(app):
        bar = status_bar(qtbot, ctx)
        qtbot.waitUntil(lambda: "未加密" in bar.sync.text())
        assert "PROPDESK_ALLOW_PLAIN_HTTP=1" in bar.sync.toolTip()


@pytest.mark.parametrize(
    "url", ["https://192.168.1.10:8470", "http://127.0.0.1:8470", "http://localhost:8470"]
)
def test_no_warning_over_https_or_on_this_computer(qtbot, ctx, monkeypatch, url):
    monkeypatch.setenv(ALLOW_ENV, "1")
    enrolled_with(ctx.db, url)
    bar = status_bar(qtbot, ctx)
    qtbot.waitUntil(lambda: "waiting" in bar.sync.text())
    assert "NOT ENCRYPTED" not in bar.sync.text()
