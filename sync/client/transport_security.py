"""Plain HTTP only where nobody else can listen: the desk sends its token and residents'
data to the sync server, so an ``http://`` URL is refused unless the host is this computer
(loopback) or a name reserved for testing (RFC 6761: ``.test``, ``.localhost``), or the
administrator explicitly allows it with ``PROPDESK_ALLOW_PLAIN_HTTP=1`` (a trusted LAN
with a TLS proxy in front is the better way: docs/deploy.md).

A desk enrolling over HTTPS may pin the server's certificate: the administrator gives its
SHA-256 fingerprint with the enrolment code. The desk reads the certificate in a handshake
that sends nothing, refuses a mismatch before the code is spent, keeps the certificate with
its identity and from then on trusts that certificate only.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import ipaddress
import os
import re
import ssl
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


# ---- certificate pinning: the enrolment code comes with the server certificate's SHA-256 ----

PIN = "server_cert_pin"  # sync_state: the fingerprint the administrator gave (hex)
PINNED_CERT = "server_cert_der"  # sync_state: that certificate (DER, base64)
_PIN_PREFIXES = ("sha256 fingerprint=", "sha256:", "sha256=")
CONNECT_TIMEOUT_S = 15.0


def normalise_pin(text: str) -> str:
    """The fingerprint as 64 lower-case hex digits, however it was written (``AB:CD:…`` as
    ``openssl x509 -fingerprint -sha256`` prints it, with or without colons or a prefix)."""
    pin = text.strip().lower()
    for prefix in _PIN_PREFIXES:
        pin = pin.removeprefix(prefix)
    pin = pin.replace(":", "").replace(" ", "")
    if not re.fullmatch(r"[0-9a-f]{64}", pin):
        raise SyncFailure("sync.pin_invalid", pin=text.strip()[:120])
    return pin


def fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def shown(pin: str) -> str:
    """``AB:CD:…``, as the server's command prints it."""
    return ":".join(pin[i : i + 2] for i in range(0, len(pin), 2)).upper()


async def server_certificate(url: str, timeout: float = CONNECT_TIMEOUT_S) -> bytes:
    """The certificate the server at ``url`` presents (DER), read in a TLS handshake that
    sends nothing else: it is judged by its fingerprint, not by a certificate authority."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # only looked at: nothing is sent on this connection
    try:
        _reader, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port, ssl=context, server_hostname=host), timeout
        )
    except (OSError, TimeoutError, ssl.SSLError) as exc:
        detail = str(exc) or type(exc).__name__
        raise SyncFailure("sync.unreachable", url=url, detail=detail) from exc
    try:
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError):
            await writer.wait_closed()
    return der


async def pinned_certificate(url: str, pin: str) -> bytes:
    """The server's certificate if its SHA-256 is ``pin``; else ``sync.pin_mismatch``
    before anything (the enrolment code) is sent."""
    expected = normalise_pin(pin)
    if urlsplit(url).scheme != "https":
        raise SyncFailure("sync.pin_needs_https", url=url)
    der = await server_certificate(url)
    found = fingerprint(der)
    if found != expected:
        raise SyncFailure(
            "sync.pin_mismatch", url=url, expected=shown(expected), found=shown(found)
        )
    return der


def pinned_context(der: bytes) -> ssl.SSLContext:
    """TLS that trusts this one certificate and nothing else: a server presenting another
    fails the handshake, so no token or data reaches it. The pin names the server
    whatever address reaches it, so the host name is not compared."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_REQUIRED
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # the leaf itself is the anchor
    context.load_verify_locations(cadata=der)
    return context


def certificate_refused(error: BaseException) -> bool:
    """Whether a failed request failed on the server's certificate (another certificate
    than the pinned one, or one no authority vouches for)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(error)


def stored_pin(db) -> bytes | None:
    """The certificate this desk pinned at enrolment, or None (then the system's CAs)."""
    from app.store.recorder import get_state

    with db.session() as s:
        text = get_state(s, PINNED_CERT)
    return base64.b64decode(text) if text else None


def tls_verify(db, url: str, pinned: bytes | None = None) -> ssl.SSLContext | bool:
    """httpx's ``verify`` for a request to ``url``: the pinned certificate's context (the
    one given, else the one kept at enrolment), else the usual CA check."""
    if urlsplit(url).scheme != "https":
        return True
    der = stored_pin(db) if pinned is None else pinned
    return pinned_context(der) if der else True
