"""Translated words shared by screens: staff roles, unit kinds, resident roles.

``translated_message`` / ``message`` look up an English sentence a service still raises
(the fee and sync screens' older messages) in the Qt catalogue; errors with codes are
worded by ``ui.messages``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
        "finance_lead": QCoreApplication.translate("Roles", "Finance lead"),
        "auditor": QCoreApplication.translate("Roles", "Auditor"),
        "archivist": QCoreApplication.translate("Roles", "Archivist"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }.get(role, role)


def unit_kind(kind: str) -> str:
    return {
        "residential": QCoreApplication.translate("Units", "Residential"),
        "commercial": QCoreApplication.translate("Units", "Commercial"),
    }.get(kind, kind)


def resident_role(role: str) -> str:
    return {
        "owner": QCoreApplication.translate("Residents", "Owner"),
        "co_owner": QCoreApplication.translate("Residents", "Co-owner"),
        "tenant": QCoreApplication.translate("Residents", "Tenant"),
        "family": QCoreApplication.translate("Residents", "Family member"),
    }.get(role, role)


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
    return translated_message("Messages", (), text) or text
