"""The audit trail and an estate's permission matrix, as synced tables.

``audit_entries`` is a log (insert-only): who, when, on which device, what (an action code,
the table and row) and the values before and after. ``role_permissions`` is a register the
server writes (a desk's push of it is refused): one row per (estate, role, permission)
that differs from the defaults of :mod:`app.domain.permissions`.

:func:`audit_change` is called by the change recorder for every write to a table in
``AUDITED`` and for every tombstone of any register, so the trail does not depend on each
operation remembering to write it.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.domain.privacy import mask_id_number, mask_phone
from app.store.base import Base, Synced, register_synced
from app.store.types import UTCDateTime

ACTOR_KEY = "propdesk.actor"
SOURCE_KEY = "propdesk.change_source"  # app.store.db.SOURCE_KEY: a pulled change is not re-audited


@register_synced
class AuditEntry(Synced, Base):
    sync_kind = "log"
    __tablename__ = "audit_entries"
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    actor_role: Mapped[str] = mapped_column(String(20), default="")
    device_id: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    table_name: Mapped[str] = mapped_column(String(64), default="")
    row_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    __table_args__ = (Index("ix_audit_entries_estate_at", "estate_id", "at"),)


@register_synced
class RolePermission(Synced, Base):
    """One cell of an estate's matrix that differs from the default."""

    __tablename__ = "role_permissions"
    role: Mapped[str] = mapped_column(String(20))
    permission: Mapped[str] = mapped_column(String(60))
    allowed: Mapped[bool] = mapped_column(Boolean, default=True)


def role_permission_id(estate_id: str, role: str, permission: str) -> str:
    """Deterministic: two writers of the same cell write the same row."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"propdesk:perm:{estate_id}:{role}:{permission}"))


# table -> action code of a new row (by payment kind for payments); an update is "<table>.update"
AUDITED = {
    "fee_items": "fee_schedule.create",
    "bill_lines": "bills.issue",
    "fee_adjustments": "fees.adjust",
    "payments": "payments.take",
    "fee_deposits": "deposits.take",
    "fee_day_closings": "fees.close_day",
    "fee_opening_entries": "fees.opening_import",
    "temporary_stays": "parking.charge",
    "staff": "accounts.create",
    "role_permissions": "permissions.change",
    "settings": "settings.create",
}
PAYMENT_ACTIONS = {
    "payment": "payments.take",
    "reversal": "payments.reverse",
    "refund": "fees.refund",
}
# values never copied into the trail
SECRET_FIELDS = frozenset({"password_hash", "token"})
# personal data kept masked in the trail (an export of it stays masked too)
MASKED_FIELDS = {
    "phone": mask_phone,
    "complainant_phone": mask_phone,
    "owner_phone": mask_phone,
    "id_number": mask_id_number,
}
# summary of a bulk insert: these tables' amounts are added up
AMOUNT_FIELD = "amount"


def _plain(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """Values as the trail keeps them: secrets never, phones and ID numbers masked."""
    if values is None:
        return None
    kept: dict[str, Any] = {}
    for key, value in values.items():
        if key in SECRET_FIELDS:
            value = "***"
        elif key in MASKED_FIELDS and isinstance(value, str):
            value = MASKED_FIELDS[key](value)
        kept[key] = value
    return kept


def _action(table: str, kind: str, fields: dict[str, Any]) -> str:
    if kind == "delete":
        return "record.delete"
    if kind == "update":
        if table == "staff":
            return "accounts.change"
        if table == "role_permissions":
            return "permissions.change"
        return f"{AUDITED[table].split('.')[0]}.change"
    if table == "payments":
        return PAYMENT_ACTIONS.get(fields.get("kind", "payment"), "payments.take")
    if table == "fee_deposits" and fields.get("refund_of"):
        return "deposits.refund"
    return AUDITED[table]


def wants_audit(session: Session, table: str, kind: str) -> bool:
    if session.info.get(SOURCE_KEY) == "sync" or table == "audit_entries":
        return False
    return kind == "delete" or table in AUDITED


def audit_change(
    session: Session,
    kind: str,
    obj: Synced,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Append the entry for one recorded write (``kind``: create, update or delete)."""
    table = obj.__tablename__
    if not wants_audit(session, table, kind):
        return
    if kind == "delete":  # the whole row as it was, so a deletion can be understood later
        from app.store.codec import encode_fields, field_types

        before = {**encode_fields(obj, list(field_types(type(obj)))), **(before or {})}
    write_entry(
        session,
        estate_id=obj.estate_id,
        action=_action(table, kind, after or {}),
        table_name=table,
        row_id=obj.id,
        before=_plain(before),
        after=_plain(after),
    )


def audit_bulk(session: Session, table: str, rows: list[dict[str, Any]]) -> None:
    """One entry for a bulk insert (a billing run's thousands of lines): count and total."""
    if not rows or not wants_audit(session, table, "create"):
        return
    total = sum((r.get(AMOUNT_FIELD) or 0 for r in rows), start=0)
    periods = sorted({str(r["period"]) for r in rows if r.get("period")})
    write_entry(
        session,
        estate_id=rows[0]["estate_id"],
        action=_action(table, "create", rows[0]) + "_bulk",
        table_name=table,
        row_id="",
        before=None,
        after={"rows": len(rows), "total": str(total), "periods": periods},
    )


def write_entry(
    session: Session,
    *,
    estate_id: str,
    action: str,
    table_name: str = "",
    row_id: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Append one audit entry through the change recorder (so it syncs) as the session's
    actor (``ACTOR_KEY`` in ``session.info``; "" when the system acts)."""
    from app.store.models import StaffUser
    from app.store.recorder import device_id, recorder

    actor = session.info.get(ACTOR_KEY) or ""
    role = ""
    if actor:
        user = session.get(StaffUser, actor)
        role = user.role if user is not None else ""
    return recorder(session).create(
        AuditEntry,
        estate_id=estate_id,
        at=at or datetime.now(UTC),
        actor_id=actor,
        actor_role=role,
        device_id=device_id(session),
        action=action,
        table_name=table_name,
        row_id=row_id,
        before=before,
        after=after,
    )
