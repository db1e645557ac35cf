"""Sync in words: a sync's failure (a code, through ``ui.messages``, with the server's own
reason inside it translated where it is a known sentence), durations, and the synced
tables and fields by the names the office uses."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.errors import DomainError
from sync.client import duration_parts
from ui import messages

CONTEXT = "SyncMessages"
LONGEST = 400  # a web server's error page is no message for the desk
_CODED = re.compile(r"\[(\w+)\] ")

# the server's sentences a clerk may see inside a refusal, kept whole
_SERVER_SENTENCES = [
    QT_TRANSLATE_NOOP("SyncMessages", "Unknown enrolment code: check it or ask for a new one"),
    QT_TRANSLATE_NOOP("SyncMessages", "This enrolment code was used already; ask for a new one"),
    QT_TRANSLATE_NOOP("SyncMessages", "This enrolment code has expired; ask for a new one"),
]

_DURATION_UNITS = {
    "d": QT_TRANSLATE_NOOP("SyncMessages", "%1 d"),
    "h": QT_TRANSLATE_NOOP("SyncMessages", "%1 h"),
    "min": QT_TRANSLATE_NOOP("SyncMessages", "%1 min"),
    "s": QT_TRANSLATE_NOOP("SyncMessages", "%1 s"),
}


def duration_text(ms: int) -> str:
    """ "1 d 2 h" in English, "1 天 2 小时" in Chinese."""
    return " ".join(
        QCoreApplication.translate(CONTEXT, _DURATION_UNITS[unit]).replace("%1", str(n))
        for n, unit in duration_parts(ms)
    )


def server_reason(text: str) -> str:
    """Why a change was set aside, in words: a reason kept as ``[code] particulars``
    (sync.client.push) is the catalogue's ``server.<code>``; another sentence of the
    server's is translated where known, shortened when it is a page."""
    found = _CODED.match(text)
    if found and f"server.{found[1]}" in messages.CATALOGUE:
        return messages.message(f"server.{found[1]}")
    if len(text) > LONGEST:
        text = text[:LONGEST].rstrip() + "…"
    return QCoreApplication.translate(CONTEXT, text)


def describe_sync(error: BaseException) -> str:
    """A sync failure or clock warning in the user's language."""
    if not isinstance(error, DomainError):
        return messages.describe(error)
    params = dict(error.params)
    refusal = f"server.{params.get('error')}"
    if error.code == "sync.refused" and refusal in messages.CATALOGUE:
        params["reason"] = messages.message(refusal)  # the server's code, in the user's words
        return messages.message(error.code, params)
    if "ms" in params:
        params["duration"] = duration_text(int(params["ms"]))
    if isinstance(params.get("reason"), str):
        params["reason"] = server_reason(params["reason"])
    return messages.message(error.code, params)


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
    "fee_day_closings": QT_TRANSLATE_NOOP("SyncTables", "Day-end closing"),
    "fee_opening_entries": QT_TRANSLATE_NOOP("SyncTables", "Opening balance"),
    "temporary_stays": QT_TRANSLATE_NOOP("SyncTables", "Temporary parking"),
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
    "amount": QT_TRANSLATE_NOOP("SyncFields", "Amount"),
}


def field_label(field: str) -> str:
    """ "area_m2" -> "Area (m²)" (面积); other fields keep their stored name."""
    source = _FIELDS.get(field)
    return QCoreApplication.translate("SyncFields", source) if source else field
