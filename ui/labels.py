"""Translated words shared by screens: roles, unit kinds, resident roles, and the English
messages app.services raises (ValidationError / AccountError), looked up in "Messages"."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def staff_role(role: str) -> str:
    return {
        "receptionist": QCoreApplication.translate("Roles", "Receptionist"),
        "team_lead": QCoreApplication.translate("Roles", "Team lead"),
        "supervisor": QCoreApplication.translate("Roles", "Supervisor"),
        "director": QCoreApplication.translate("Roles", "Director"),
        "engineer": QCoreApplication.translate("Roles", "Engineer"),
        "inspector": QCoreApplication.translate("Roles", "Inspector"),
        "cashier": QCoreApplication.translate("Roles", "Cashier"),
        "archivist": QCoreApplication.translate("Roles", "Archivist"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }.get(role, role)


def unit_kind(kind: str) -> str:
    return {
        "residential": QCoreApplication.translate("Units", "Residential"),
        "commercial": QCoreApplication.translate("Units", "Commercial"),
    }.get(kind, kind)


RESIDENT_ROLES = ("owner", "co_owner", "tenant", "family")


def resident_role(role: str) -> str:
    return {
        "owner": QCoreApplication.translate("Residents", "Owner"),
        "co_owner": QCoreApplication.translate("Residents", "Co-owner"),
        "tenant": QCoreApplication.translate("Residents", "Tenant"),
        "family": QCoreApplication.translate("Residents", "Family member"),
    }.get(role, role)


# The fixed messages of app.domain.units and app.services.accounts, so lupdate offers them
# for translation; message() looks them up at run time.
_MESSAGES = [
    QT_TRANSLATE_NOOP("Messages", "Estate name is required"),
    QT_TRANSLATE_NOOP("Messages", "Building is required"),
    QT_TRANSLATE_NOOP("Messages", "Room number is required"),
    QT_TRANSLATE_NOOP("Messages", "Room number is at most 20 characters"),
    QT_TRANSLATE_NOOP("Messages", "Floor must be a whole number, e.g. 15 or -1"),
    QT_TRANSLATE_NOOP("Messages", "Area must be greater than 0"),
    QT_TRANSLATE_NOOP("Messages", "Area has at most two decimals, e.g. 89.50"),
    QT_TRANSLATE_NOOP("Messages", "Area is too large (at most 100000 m²)"),
    QT_TRANSLATE_NOOP("Messages", "Area must be a number of m², e.g. 89.50"),
    QT_TRANSLATE_NOOP("Messages", "Kind is residential or commercial"),
    QT_TRANSLATE_NOOP("Messages", "Date must be YYYY-MM-DD, e.g. 2024-06-30"),
    QT_TRANSLATE_NOOP("Messages", "Name is required"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Phone must be a mobile number (11 digits, e.g. 13800138000) or 0755-12345678",
    ),
    QT_TRANSLATE_NOOP("Messages", "Role is owner, co-owner, tenant or family member"),
    QT_TRANSLATE_NOOP("Messages", "ID number is 6 to 20 letters or digits"),
    QT_TRANSLATE_NOOP("Messages", "Login name is required"),
    QT_TRANSLATE_NOOP("Messages", "Password must have at least 8 characters"),
    QT_TRANSLATE_NOOP("Messages", "A staff account belongs to at least one estate"),
    # app.services.importer
    QT_TRANSLATE_NOOP("Messages", "The file is empty; the first row must be the headers"),
    QT_TRANSLATE_NOOP("Messages", "The file has headers but no rows"),
    QT_TRANSLATE_NOOP("Messages", "Kind is residential or commercial (住宅 or 商业)"),
    QT_TRANSLATE_NOOP("Messages", "Vacancy discount is yes or no (是 or 否)"),
    QT_TRANSLATE_NOOP("Messages", "Vacant-since date is in the future"),
    QT_TRANSLATE_NOOP("Messages", "Owner name is required when a phone is given"),
]

_PATTERNS = [
    (re.compile(r"^(?P<x>.+) already exists$"), QT_TRANSLATE_NOOP("Messages", "%1 already exists")),
    (
        re.compile(r"^Login '(?P<x>.+)' is taken$"),
        QT_TRANSLATE_NOOP("Messages", "Login %1 is taken"),
    ),
    (
        re.compile(r"^Same unit as line (?P<x>\d+)$"),
        QT_TRANSLATE_NOOP("Messages", "Same unit as line %1"),
    ),
    (
        re.compile(r"^Cannot read the file: (?P<x>.+)$"),
        QT_TRANSLATE_NOOP("Messages", "Cannot read the file: %1"),
    ),
    (
        re.compile(r"^Missing column (?P<x>.+); the first row must name it$"),
        QT_TRANSLATE_NOOP("Messages", "Missing column %1; the first row must name it"),
    ),
]


def translated_message(context: str, patterns, text: str) -> str | None:
    """A service's English ``text`` in the user's language, looked up in ``context`` as it
    is, then by ``patterns`` (regex with a group "x", template with %1); None if unknown."""
    translated = _t(context, text)
    if translated != text:
        return translated
    for pattern, template in patterns:
        match = pattern.match(text)
        if match:
            return _t(context, template).replace("%1", match["x"])
    return None


def message(text: str) -> str:
    """A service's English message in the user's language (unknown ones stay English)."""
    return translated_message("Messages", _PATTERNS, text) or text
