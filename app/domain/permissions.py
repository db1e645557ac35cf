"""Who may do what: the staff roles, the permission names and the default matrix.

The defaults follow the desk's jobs (DOMAIN.md "Who uses it"): receptionists and cashiers
take payments; only finance leads and directors change fee schedules or make adjustments,
reversals and refunds; a complaint's overdue extension is approved by the roles the
complaint rules name (minor: the supervisor/assistant or the director; important and
major: the director); inspectors edit inspections, not bills; receptionists do not see
arrears reports; the administrator manages accounts and the matrix. An estate's matrix
overrides single (role, permission) cells; everything else keeps these defaults.
"""

from __future__ import annotations

from collections.abc import Mapping

ROLES = (
    "receptionist",
    "team_lead",
    "supervisor",
    "director",
    "engineer",
    "inspector",
    "cashier",
    "finance_lead",
    "auditor",
    "archivist",
    "admin",
)

# permission name -> roles allowed by default
DEFAULTS: dict[str, frozenset[str]] = {
    # money at the counter
    "payments.take": frozenset({"receptionist", "cashier", "finance_lead", "director"}),
    "deposits.take": frozenset({"receptionist", "cashier", "finance_lead", "director"}),
    "payments.reverse": frozenset({"finance_lead", "director"}),
    "fees.refund": frozenset({"finance_lead", "director"}),
    # day-end closing (日结): each cashier closes their own day; a reversal of a payment of
    # a closed day needs a supervisor's approval (docs/money-rules.md "Day-end closing")
    "fees.close_day": frozenset({"receptionist", "cashier", "finance_lead", "director"}),
    "fees.reverse_closed_day": frozenset({"finance_lead", "director"}),
    "fees.adjust": frozenset({"finance_lead", "director"}),
    "fees.schedule": frozenset({"finance_lead", "director"}),
    "fees.bill": frozenset({"cashier", "finance_lead", "director"}),
    # an estate's opening balances (期初余额), imported once
    "fees.opening": frozenset({"finance_lead", "director"}),
    "fees.reminders": frozenset({"team_lead", "cashier", "finance_lead", "director"}),
    "fees.arrears.view": frozenset(
        {"team_lead", "supervisor", "director", "cashier", "finance_lead", "auditor"}
    ),
    # complaints: approving an overdue extension, by severity
    "complaints.extend.minor": frozenset({"supervisor", "director"}),
    "complaints.extend.important": frozenset({"director"}),
    "complaints.extend.major": frozenset({"director"}),
    # inspections
    "inspections.edit": frozenset({"inspector", "engineer", "team_lead", "supervisor", "director"}),
    # personal data: reveal one masked phone or ID number at a time (each reveal is logged)
    "personal.reveal": frozenset(
        {"receptionist", "team_lead", "supervisor", "director", "cashier", "archivist"}
    ),
    # administration
    "accounts.manage": frozenset({"admin"}),
    "permissions.manage": frozenset({"admin"}),
    "audit.view": frozenset({"auditor", "director"}),
}

PERMISSIONS = tuple(DEFAULTS)

# the extension permission for a complaint's severity
EXTEND_BY_LEVEL = {
    "minor": "complaints.extend.minor",
    "important": "complaints.extend.important",
    "major": "complaints.extend.major",
}


def allowed_by_default(role: str, permission: str) -> bool:
    return role in DEFAULTS.get(permission, frozenset())


def effective(
    role: str, permission: str, overrides: Mapping[tuple[str, str], bool] | None = None
) -> bool:
    """Whether ``role`` holds ``permission``: an estate's override of that one cell, else the
    default. A permission nobody defined is held by nobody."""
    if permission not in DEFAULTS:
        return False
    if overrides and (role, permission) in overrides:
        return bool(overrides[(role, permission)])
    return allowed_by_default(role, permission)


def matrix(
    overrides: Mapping[tuple[str, str], bool] | None = None,
) -> dict[str, dict[str, bool]]:
    """permission -> role -> allowed, for every known permission and role."""
    return {p: {r: effective(r, p, overrides) for r in ROLES} for p in PERMISSIONS}


def granted(role: str, overrides: Mapping[tuple[str, str], bool] | None = None) -> frozenset[str]:
    """Every permission ``role`` holds."""
    return frozenset(p for p in PERMISSIONS if effective(role, p, overrides))


# ---- which permission a synced change needs (a pushed change is checked by its author) ----

_BY_TABLE = {
    "fee_adjustments": "fees.adjust",
    "fee_items": "fees.schedule",
    "bill_lines": "fees.bill",
    "fee_reminders": "fees.reminders",
    "fee_day_closings": "fees.close_day",
    "fee_opening_entries": "fees.opening",
    "temporary_stays": "payments.take",
    "inspection_schedules": "inspections.edit",  # a plan: when and what is inspected
    "inspections": "inspections.edit",
    "inspection_answers": "inspections.edit",
    "inspection_photos": "inspections.edit",
    "inspection_signatures": "inspections.edit",
}
_PAYMENT_KINDS = {
    "payment": "payments.take",
    "reversal": "payments.reverse",
    "refund": "fees.refund",
}
# settings whose change is a fee-schedule change
FEE_SETTING_KEYS = frozenset({"fees.rules", "fees.counter"})


def permission_for_change(table: str, fields: Mapping, level: str = "") -> str | None:
    """The permission the author of a change to ``table`` with ``fields`` needs, or None.
    ``fields`` is the row as it will be (a setting's ``key`` included); ``level`` is a
    complaint's severity for an extension approval."""
    if table == "payments":
        return _PAYMENT_KINDS.get(str(fields.get("kind", "payment")), "payments.take")
    if table == "fee_deposits":
        return "fees.refund" if fields.get("refund_of") else "deposits.take"
    if table == "settings":
        return "fees.schedule" if fields.get("key") in FEE_SETTING_KEYS else None
    if table == "complaint_events":
        if fields.get("kind") == "extension_approved":
            return EXTEND_BY_LEVEL.get(level, "complaints.extend.major")
        return None
    return _BY_TABLE.get(table)
