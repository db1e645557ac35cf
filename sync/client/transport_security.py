"""Plain HTTP only where nobody else can listen: the desk sends its token and residents'
data to the sync server, so an ``http://`` URL is refused unless the host is this computer
(loopback) or a name reserved for testing (RFC 6761: ``.test``, ``.localhost``), or the
administrator explicitly allows it with ``PROPDESK_ALLOW_PLAIN_HTTP=1`` (a trusted LAN
with a TLS proxy in front is the better way: docs/deploy.md).
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from sync.client.errors import SyncFailure

ALLOW_ENV = "PROPDESK_ALLOW_PLAIN_HTTP"
_RESERVED = (".test", ".localhost")


def plain_http_allowed() -> bool:
    return os.environ.get(ALLOW_ENV, "") == "1"


def _local(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(_RESERVED):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_allowed_off_loopback(url: str) -> bool:
    """True when ``url`` is plain HTTP to another computer and that was allowed: the status
    bar then warns for as long as it lasts."""
    parts = urlsplit(url or "")
    return parts.scheme == "http" and not _local(parts.hostname or "") and plain_http_allowed()


def check_server_url(url: str) -> None:
    """Raise ``sync.plain_http`` for plain HTTP to another computer, unless allowed."""
    parts = urlsplit(url)
    if parts.scheme == "http" and not _local(parts.hostname or "") and not plain_http_allowed():
        raise SyncFailure("sync.plain_http", url=url)
