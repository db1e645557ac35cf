"""The desk refuses plain HTTP to anything but this computer unless the administrator
allows it: the token and residents' data never cross a network readable."""

from __future__ import annotations

import asyncio

import pytest

from sync.client import SyncClient
from sync.client.errors import SyncFailure
from sync.client.transport_security import ALLOW_ENV, check_server_url
from ui.messages import CATALOGUE


@pytest.mark.parametrize(
    "url", ["http://192.168.1.10:8765", "http://propdesk.hq.example", "http://10.0.0.5"]
)
def test_plain_http_to_another_computer_is_refused(url, monkeypatch):
    monkeypatch.delenv(ALLOW_ENV, raising=False)
    with pytest.raises(SyncFailure) as refused:
        check_server_url(url)
    assert refused.value.code == "sync.plain_http" and "https://" in str(refused.value)
    assert "sync.plain_http" in CATALOGUE
    monkeypatch.setenv(ALLOW_ENV, "1")  # the administrator's explicit choice
    check_server_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://propdesk.hq.example",
        "http://127.0.0.1:8765",
        "http://localhost:8765",
        "http://[::1]:8765",
        "http://propdesk.test",
    ],
)
def test_https_and_this_computer_are_fine(url, monkeypatch):
    monkeypatch.delenv(ALLOW_ENV, raising=False)
    check_server_url(url)


def test_enrolling_over_plain_http_sends_nothing(db, monkeypatch):
    monkeypatch.delenv(ALLOW_ENV, raising=False)
    client = SyncClient(db)
    with pytest.raises(SyncFailure) as refused:
        asyncio.run(client.enroll("http://192.168.1.10:8765", "ABCD-EFGH-JKLM"))
    assert refused.value.code == "sync.plain_http"
    assert client.state("server_url") is None
