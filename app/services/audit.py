"""The audit trail: reading it (filtered, paged), exporting it, and revealing masked data.

Entries are written by the change recorder for every audited table and deletion
(:mod:`app.store.audit_models`); this module adds the entries no row change makes (a
reveal of a masked phone or ID number) and the auditor's view. Reading the trail needs
``audit.view``; revealing needs ``personal.reveal``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.spreadsheet import safe_row
from app.services.permissions import check_in
from app.store.audit_models import AuditEntry, write_entry
from app.store.models import Resident, StaffUser

if TYPE_CHECKING:
    from app.store.db import Database

REVEALABLE = ("phone", "id_number")


@dataclass(frozen=True)
class AuditQuery:
    estate_id: str
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    actor_id: str = ""
    action: str = ""  # exact code, or a prefix ending in "." ("payments.")
    table_name: str = ""
    row_id: str = ""


@dataclass(frozen=True)
class AuditRow:
    id: str
    at: datetime
    actor_id: str
    actor_name: str
    actor_role: str
    device_id: str
    action: str
    table_name: str
    row_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    changed: tuple[str, ...] = field(default=())


def _conditions(query: AuditQuery) -> list:
    where = [AuditEntry.estate_id == query.estate_id]
    if query.since is not None:
        where.append(AuditEntry.at >= query.since)
    if query.until is not None:
        where.append(AuditEntry.at < query.until)
    if query.actor_id:
        where.append(AuditEntry.actor_id == query.actor_id)
    if query.action.endswith("."):
        where.append(AuditEntry.action.startswith(query.action, autoescape=True))
    elif query.action:
        where.append(AuditEntry.action == query.action)
    if query.table_name:
        where.append(AuditEntry.table_name == query.table_name)
    if query.row_id:
        where.append(AuditEntry.row_id == query.row_id)
    return where


def _rows(session: Session, entries) -> list[AuditRow]:
    ids = {e.actor_id for e in entries if e.actor_id}
    names = (
        dict(
            session.execute(
                select(StaffUser.id, StaffUser.display_name).where(StaffUser.id.in_(ids))
            ).all()
        )
        if ids
        else {}
    )
    return [
        AuditRow(
            e.id,
            e.at,
            e.actor_id,
            names.get(e.actor_id, ""),
            e.actor_role,
            e.device_id,
            e.action,
            e.table_name,
            e.row_id,
            e.before,
            e.after,
            tuple(sorted(set(e.before or {}) | set(e.after or {}))),
        )
        for e in entries
    ]


def read_page(
    db: Database, query: AuditQuery, offset: int = 0, limit: int = 200, user_id: str | None = None
) -> list[AuditRow]:
    """Entries matching ``query``, newest first."""
    with db.session() as s:
        check_in(s, user_id or db.actor, "audit.view")
        entries = s.scalars(
            select(AuditEntry)
            .where(*_conditions(query))
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .offset(offset)
            .limit(limit)
        ).all()
        return _rows(s, entries)


def count(db: Database, query: AuditQuery, user_id: str | None = None) -> int:
    with db.session() as s:
        check_in(s, user_id or db.actor, "audit.view")
        return (
            s.scalar(select(func.count()).select_from(AuditEntry).where(*_conditions(query))) or 0
        )


def actions(db: Database, estate_id: str) -> list[str]:
    """The action codes present (for the filter)."""
    with db.session() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.estate_id == estate_id)
                .distinct()
                .order_by(AuditEntry.action)
            )
        )


def _text(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    return "; ".join(f"{k}={v}" for k, v in sorted(values.items()))


def export_xlsx(
    db: Database,
    query: AuditQuery,
    path: Path | str,
    headers: tuple[str, ...],
    labels: dict[str, str] | None = None,
    user_id: str | None = None,
) -> int:
    """Every matching entry to an XLSX file (cells neutralised against formulas); returns
    how many were written. ``labels`` words the action codes in the user's language."""
    from openpyxl import Workbook

    labels = labels or {}
    rows: list[AuditRow] = []
    offset = 0
    while page := read_page(db, query, offset, 1000, user_id):
        rows.extend(page)
        offset += len(page)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("audit")
    sheet.append(safe_row(headers))
    for r in rows:
        sheet.append(
            safe_row(
                (
                    r.at.replace(tzinfo=None),
                    r.actor_name or r.actor_id,
                    r.actor_role,
                    r.device_id,
                    labels.get(r.action, r.action),
                    r.table_name,
                    r.row_id,
                    _text(r.before),
                    _text(r.after),
                )
            )
        )
    book.save(Path(path))
    return len(rows)


# ---- personal data ----


def reveal_fields(
    db: Database,
    resident_id: str,
    fields: tuple[str, ...] = REVEALABLE,
    user_id: str | None = None,
    now: datetime | None = None,
) -> dict[str, str]:
    """The unmasked phone and/or ID number of one resident, for a user allowed to see them;
    each non-empty field shown is logged (who, when, which record and field; never the
    value itself)."""
    unknown = [f for f in fields if f not in REVEALABLE]
    if unknown:
        raise DomainError("privacy.field_unknown", field=unknown[0])
    with db.session() as s:
        check_in(s, user_id or db.actor, "personal.reveal")
        resident = s.get(Resident, resident_id)
        if resident is None or resident.deleted:
            raise DomainError("privacy.record_gone")
        shown = {what: getattr(resident, what) or "" for what in fields}
        for what, value in shown.items():
            if value:
                write_entry(
                    s,
                    estate_id=resident.estate_id,
                    action=f"personal.reveal.{what}",
                    table_name="residents",
                    row_id=resident.id,
                    after={"field": what},
                    at=now,
                )
        return shown


def reveal(
    db: Database,
    resident_id: str,
    what: str,
    user_id: str | None = None,
    now: datetime | None = None,
) -> str:
    """One field of ``reveal_fields``: the unmasked phone or ID number, logged."""
    return reveal_fields(db, resident_id, (what,), user_id, now)[what]
