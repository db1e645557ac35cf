"""Why a sync stopped, as codes with parameters, and their English wording.

The desk's screens translate the codes through ``ui.messages`` (``ui/messages/sync.py``);
the command line, which has no Qt, prints the English of :data:`ENGLISH`, and that table
is also the English column of the desk's catalogue, so the two never drift apart.
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import DomainError

# code -> English sentence; placeholders {name} are filled from the error's parameters
ENGLISH: dict[str, str] = {
    "sync.not_enrolled": (
        "This computer is not enrolled with a sync server: enrol it on the Sync page "
        "(or run `propdesk enroll --server URL --code CODE`)."
    ),
    "sync.unreachable": (
        "Cannot reach the sync server at {url}. Work goes on offline; sync again when the "
        "network is back."
    ),
    "sync.upgrade_needed": "The server needs a newer PropDesk: {reason}",
    "sync.device_refused": (
        "The server refused this computer: {reason} Ask the administrator for a new "
        "enrolment code and connect again."
    ),
    "sync.refused": "The server refused: {reason}",
    "sync.clock_ahead_refused": (
        "The server refused changes stamped in the future: {reason} Correct this "
        "computer's date and time."
    ),
    "sync.database_busy": (
        "The database is busy (a billing run or import?); sync again in a moment."
    ),
    "sync.cancelled": (
        "The sync was cancelled; what it had pulled is kept, the rest comes next time."
    ),
    "sync.unexpected": "The sync stopped on an unexpected error: {detail}",
    "sync.clock_ahead": (
        "This computer's clock is {duration} ahead of the server's. Correct the date and "
        "time settings; meanwhile changes are stamped with the server's time."
    ),
    "sync.clock_behind": (
        "This computer's clock is {duration} behind the server's. Correct the date and "
        "time settings; meanwhile changes are stamped with the server's time."
    ),
}


def english(code: str, params: dict[str, Any] | None = None) -> str:
    """The English sentence for a sync code (the code itself if unknown)."""
    text = ENGLISH.get(code)
    if text is None:
        return code
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return text


class SyncFailure(DomainError):
    """A sync or enrolment that could not finish; ``code`` and ``params`` say why.

    ``str()`` is the English sentence (the command line and the log); screens translate
    the code."""

    def __str__(self) -> str:
        return english(self.code, self.params)


def encode(error: DomainError) -> str:
    """An outcome as stored in the sync state: the code and parameters, never prose."""
    import json

    return json.dumps({"code": error.code, "params": error.params}, ensure_ascii=False)


def decode(text: str | None) -> DomainError | None:
    """The stored outcome back as an error; None when the last sync finished."""
    import json

    if not text:
        return None
    try:
        value = json.loads(text)
        return DomainError(value["code"], **dict(value.get("params") or {}))
    except (ValueError, KeyError, TypeError):
        # written by an older PropDesk as an English sentence
        return DomainError("sync.unexpected", detail=text)
