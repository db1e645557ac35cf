"""The sync's failure codes in English: the command line prints these, and they are the
English column of the desk's catalogue (``ui/messages/sync.py`` adds the Chinese), so the
two never drift apart. No imports: the desk reads it at start-up.
"""

from __future__ import annotations

from typing import Any

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
    "sync.plain_http": (
        "{url} is plain HTTP to another computer: the token and residents' data would cross "
        "the network readable. Use https:// (docs/deploy.md), or have the administrator "
        "allow plain HTTP on this computer (PROPDESK_ALLOW_PLAIN_HTTP=1)."
    ),
    "sync.pin_invalid": (
        "{pin} is not a certificate fingerprint: it is 64 hexadecimal digits (pairs may be "
        "separated by colons), as `propdesk-server enroll-code --certfile` prints it."
    ),
    "sync.pin_needs_https": (
        "A certificate fingerprint was given but {url} is not https://: pinning checks the "
        "server's TLS certificate. Use the server's https:// address."
    ),
    "sync.pin_mismatch": (
        "The server at {url} is not the one the administrator named: its certificate's "
        "fingerprint is {found}, not {expected}. Nothing was sent and the code is still "
        "valid. Check the address and the fingerprint with the administrator."
    ),
    "sync.certificate_refused": (
        "The server at {url} presented a certificate this computer does not trust: the "
        "certificate pinned at enrolment (or one a certificate authority vouches for) is "
        "not the one it shows, so another computer may be answering. Nothing was sent. "
        "Ask the administrator; after a genuine certificate change, enrol again with the "
        "new fingerprint."
    ),
    "sync.upgrade_needed": "The server needs a newer PropDesk: {reason}",
    "sync.device_refused": (
        "The server refused this computer: {reason} Ask the administrator for a new "
        "enrolment code and connect again."
    ),
    "sync.refused": "The server refused: {reason}",
    "sync.changes_set_aside": (
        "{count} change(s) set aside; the server will not take them as they are (see the "
        "Sync page)."
    ),
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
    "sync.conflict_gone": "This conflict was settled already, or its record is gone.",
    "sync.conflict_signed_inspection": (
        "Inspection {number} is signed, so the signed value stays and this one cannot be "
        "written again. To change it, make an amendment from the inspection (a new revision "
        "that needs signing again); choose Keep theirs to mark this conflict reviewed."
    ),
    "sync.conflict_value_unusable": (
        "The value that lost ({field}) cannot be written again as it was kept; enter it by hand."
    ),
    "sync.copied_device": (
        "This database was copied from another computer that syncs as the same device. "
        "Enrol this computer with a new enrolment code on the Sync page: it then becomes a "
        "device of its own and keeps its data."
    ),
    "sync.server_clock_wrong": (
        "The sync server's clock is wrong (most desks find it so); this computer's clock "
        "is not to blame. Tell the administrator."
    ),
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
