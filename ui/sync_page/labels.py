"""The sync client's and server's English sentences in the user's language, and the
synced tables by the names the office uses."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.labels import translated_message

CONTEXT = "SyncMessages"
LONGEST = 400  # a web server's error page is no message for the desk

# sentences of sync/client.py and sync/server that a clerk may see, kept whole
_MESSAGES = [
    QT_TRANSLATE_NOOP(
        "SyncMessages",
        "The sync was cancelled; what it had pulled is kept, the rest comes next time.",
    ),
    QT_TRANSLATE_NOOP(
        "SyncMessages",
        "The database is busy (a billing run or import?); sync again in a moment.",
    ),
    QT_TRANSLATE_NOOP("SyncMessages", "Unknown enrolment code: check it or ask for a new one"),
    QT_TRANSLATE_NOOP("SyncMessages", "This enrolment code was used already; ask for a new one"),
    QT_TRANSLATE_NOOP("SyncMessages", "This enrolment code has expired; ask for a new one"),
]

_PATTERNS = [
    (
        re.compile(
            r"^Cannot reach the sync server at (?P<x>\S+): .*Work goes on offline; "
            r"sync again when the network is back\.$",
            re.DOTALL,
        ),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "Cannot reach the sync server at %1. Work goes on offline; sync again when the "
            "network is back.",
        ),
    ),
    (
        re.compile(r"^The server refused the request: (?P<x>.+)$", re.DOTALL),
        QT_TRANSLATE_NOOP("SyncMessages", "The server refused: %1"),
    ),
    (
        re.compile(
            r"^The server refused this device: (?P<x>.+) Ask the administrator for a new "
            r"enrolment code\.$",
            re.DOTALL,
        ),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "The server refused this computer: %1 Ask the administrator for a new enrolment "
            "code and connect again.",
        ),
    ),
    (
        re.compile(r"^The server needs a newer PropDesk: (?P<x>.+)$", re.DOTALL),
        QT_TRANSLATE_NOOP("SyncMessages", "The server needs a newer PropDesk: %1"),
    ),
    (
        re.compile(r"^The server refused changes stamped in the future: (?P<x>.+)$", re.DOTALL),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "The server refused changes stamped in the future: %1 Correct this computer's "
            "date and time.",
        ),
    ),
    (
        re.compile(r"^This computer's clock is (?P<x>.+) ahead of the server's\..*$", re.DOTALL),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "This computer's clock is %1 ahead of the server's. Correct the date and time "
            "settings; meanwhile changes are stamped with the server's time.",
        ),
    ),
    (
        re.compile(r"^This computer's clock is (?P<x>.+) behind the server's\..*$", re.DOTALL),
        QT_TRANSLATE_NOOP(
            "SyncMessages",
            "This computer's clock is %1 behind the server's. Correct the date and time "
            "settings; meanwhile changes are stamped with the server's time.",
        ),
    ),
]


def sync_message(text: str) -> str:
    """A sentence of the sync client (or the server's reason inside it), translated where
    known; an over-long one (a proxy's HTML page) shortened."""
    if len(text) > LONGEST:
        text = text[:LONGEST].rstrip() + "…"
    shown = translated_message(CONTEXT, _PATTERNS, text)
    if shown is None:
        return text
    # the server's own reason inside a sentence ("The server refused: Unknown code…"), or
    # the clock's offset ("1 d 2 h" -> "1 天 2 小时")
    for _pattern, _template in _PATTERNS:
        match = _pattern.match(text)
        if match:
            inner = QCoreApplication.translate(CONTEXT, match["x"])
            if inner == match["x"] and _DURATION.fullmatch(inner):
                inner = _DURATION_PART.sub(_duration_part_words, inner)
            if inner != match["x"]:
                return QCoreApplication.translate(CONTEXT, _template).replace("%1", inner)
    return shown


# sync.client's durations for a person: "45 s", "3 h 5 min", "1 d 2 h"
_DURATION = re.compile(r"\d+ (d|h|min|s)( \d+ (h|min))?")
_DURATION_PART = re.compile(r"(\d+) (d|h|min|s)\b")
_DURATION_UNITS = {
    "d": QT_TRANSLATE_NOOP("SyncMessages", "%1 d"),
    "h": QT_TRANSLATE_NOOP("SyncMessages", "%1 h"),
    "min": QT_TRANSLATE_NOOP("SyncMessages", "%1 min"),
    "s": QT_TRANSLATE_NOOP("SyncMessages", "%1 s"),
}


def _duration_part_words(part: re.Match) -> str:
    unit = QCoreApplication.translate(CONTEXT, _DURATION_UNITS[part[2]])
    return unit.replace("%1", part[1])


_TABLES = {
    "estates": QT_TRANSLATE_NOOP("SyncTables", "Estate"),
    "buildings": QT_TRANSLATE_NOOP("SyncTables", "Building"),
    "units": QT_TRANSLATE_NOOP("SyncTables", "Unit"),
    "residents": QT_TRANSLATE_NOOP("SyncTables", "Resident"),
    "staff": QT_TRANSLATE_NOOP("SyncTables", "Staff account"),
    "settings": QT_TRANSLATE_NOOP("SyncTables", "Setting"),
    "complaints": QT_TRANSLATE_NOOP("SyncTables", "Complaint"),
    "complaint_events": QT_TRANSLATE_NOOP("SyncTables", "Complaint record"),
    "complaint_attachments": QT_TRANSLATE_NOOP("SyncTables", "Complaint attachment"),
    "fee_items": QT_TRANSLATE_NOOP("SyncTables", "Fee item"),
    "parking_spaces": QT_TRANSLATE_NOOP("SyncTables", "Parking space"),
    "bill_lines": QT_TRANSLATE_NOOP("SyncTables", "Bill line"),
    "fee_adjustments": QT_TRANSLATE_NOOP("SyncTables", "Fee adjustment"),
    "payments": QT_TRANSLATE_NOOP("SyncTables", "Payment"),
    "payment_allocations": QT_TRANSLATE_NOOP("SyncTables", "Payment allocation"),
    "fee_deposits": QT_TRANSLATE_NOOP("SyncTables", "Deposit"),
    "fee_reminders": QT_TRANSLATE_NOOP("SyncTables", "Payment reminder"),
}


def table_label(table: str) -> str:
    """ "units" -> "Unit" (房屋); an unknown table keeps its name."""
    source = _TABLES.get(table)
    return QCoreApplication.translate("SyncTables", source) if source else table


_FIELDS = {
    "name": QT_TRANSLATE_NOOP("SyncFields", "Name"),
    "display_name": QT_TRANSLATE_NOOP("SyncFields", "Name"),
    "phone": QT_TRANSLATE_NOOP("SyncFields", "Phone"),
    "note": QT_TRANSLATE_NOOP("SyncFields", "Note"),
    "role": QT_TRANSLATE_NOOP("SyncFields", "Role"),
    "id_number": QT_TRANSLATE_NOOP("SyncFields", "ID number"),
    "room": QT_TRANSLATE_NOOP("SyncFields", "Room"),
    "entrance": QT_TRANSLATE_NOOP("SyncFields", "Entrance"),
    "floor": QT_TRANSLATE_NOOP("SyncFields", "Floor"),
    "area_m2": QT_TRANSLATE_NOOP("SyncFields", "Area (m²)"),
    "kind": QT_TRANSLATE_NOOP("SyncFields", "Kind"),
    "handover_date": QT_TRANSLATE_NOOP("SyncFields", "Handover date"),
    "vacant_since": QT_TRANSLATE_NOOP("SyncFields", "Vacant since"),
    "deleted": QT_TRANSLATE_NOOP("SyncFields", "Deleted"),
    "rate": QT_TRANSLATE_NOOP("SyncFields", "Rate"),
    "plate": QT_TRANSLATE_NOOP("SyncFields", "Plate number"),
    "value": QT_TRANSLATE_NOOP("SyncFields", "Value"),
    "active": QT_TRANSLATE_NOOP("SyncFields", "Active"),
}


def field_label(field: str) -> str:
    """ "area_m2" -> "Area (m²)" (面积); other fields keep their stored name."""
    source = _FIELDS.get(field)
    return QCoreApplication.translate("SyncFields", source) if source else field
