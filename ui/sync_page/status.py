"""The sync state in one line for the status bar: online or offline, changes and files
waiting, the last successful sync, and what went wrong, in words."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.errors import DomainError
from sync.client.transport_security import plain_http_allowed_off_loopback
from sync.overview import SyncOverview
from ui import formats, messages
from ui.sync_page.labels import describe_sync


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("SyncStatus", text, "", n)


# the sentences, spelled out for lupdate (it reads literal calls only)
_SOURCES = (
    QT_TRANSLATE_NOOP("SyncStatus", "Sync not set up"),
    QT_TRANSLATE_NOOP("SyncStatus", "%n change(s) waiting"),
    QT_TRANSLATE_NOOP("SyncStatus", "%n file(s) waiting"),
    QT_TRANSLATE_NOOP("SyncStatus", "last sync %1"),
    QT_TRANSLATE_NOOP("SyncStatus", "never synced"),
    QT_TRANSLATE_NOOP("SyncStatus", "online"),
    QT_TRANSLATE_NOOP("SyncStatus", "offline"),
    QT_TRANSLATE_NOOP("SyncStatus", "NOT ENCRYPTED (plain HTTP)"),
    QT_TRANSLATE_NOOP(
        "SyncStatus",
        "The connection to the sync server is not encrypted: anyone on the network can read "
        "residents' data and this desk's token. The administrator allowed it "
        "(PROPDESK_ALLOW_PLAIN_HTTP=1); serve the server over https instead (docs/deploy.md).",
    ),
)


def status_text(o: SyncOverview) -> tuple[str, str, str]:
    """(the line, its tooltip, a role: "" or "error")."""
    if not o.enrolled:
        return _tr("Sync not set up"), "", ""
    parts = [_tr("%n change(s) waiting", o.waiting), _tr("%n file(s) waiting", o.files_waiting)]
    if o.last_sync_at:
        parts.append(_tr("last sync %1").replace("%1", formats.local_time(o.last_sync_at)))
    else:
        parts.append(_tr("never synced"))
    tips = [o.server_url or ""]
    if o.rejected:  # the sync went on without them; the Sync page lists them in words
        sentence = messages.message("sync.changes_set_aside", {"count": o.rejected})
        tips.append(sentence)
        parts.append(_first_clause(sentence))
    parts.append(_tr("online") if o.online else _tr("offline"))
    role = ""
    problem = o.clock_problem()
    if o.last_error is not None and o.last_error.code != "sync.cancelled":
        sentence = describe_sync(o.last_error)
        tips.append(sentence)
        # offline too, why in words (the server down, the address wrong...): short, the
        # tooltip has it all
        parts.append(_short(_first_clause(describe_sync(_by_host(o.last_error)))))
        if o.online:  # offline, the line says it already: not in red for days
            role = "error"
    if plain_http_allowed_off_loopback(o.server_url or ""):  # as long as it lasts
        parts.insert(0, _tr("NOT ENCRYPTED (plain HTTP)"))
        tips.append(_tr(_SOURCES[-1]))
        role = "error"
    if problem is not None:
        sentence = describe_sync(problem)
        tips.append(sentence)
        parts.append(_first_clause(sentence))
        role = "error"
    return " · ".join(parts), "\n".join(t for t in tips if t), role


def _by_host(error):
    """The error with the server named by its host alone (the line has little room)."""
    url = getattr(error, "params", {}).get("url")
    if not isinstance(error, DomainError) or not isinstance(url, str):
        return error
    return DomainError(error.code, **{**error.params, "url": urlsplit(url).hostname or url})


ERROR_CHARS = 48  # the error's part of the line, so the rest stays in the status bar


def _short(text: str, limit: int = ERROR_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,，、：:") + "…"


def _first_clause(sentence: str) -> str:
    """The first sentence, for a line that must stay short (the tooltip has it all)."""
    for stop in ("。", ". ", "；", "; "):
        head, found, _rest = sentence.partition(stop)
        if found:
            return head + ("。" if stop == "。" else "")
    return sentence
