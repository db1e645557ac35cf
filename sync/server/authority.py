"""May the author of each pushed change make it? Checked before anything is written.

A desk names the staff account that made each change (``WireChange.author``, from its
outbox). A change that needs a permission (``app.domain.permissions.permission_for_change``:
payments, refunds, adjustments, the fee schedule, bills, an extension approval,
inspections) is refused whole, with the reason, when its author is not an active account
of the server or their role may not make it in that estate (the estate's matrix: defaults
and the server's ``role_permissions``). The desk sets such a change aside and pushes the
rest again (docs/sync.md). A change with no author was made by the desk's system work
(demo data, maintenance) and needs none.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import permissions as rules
from app.services.permissions import overrides_in
from app.store.complaint_models import Complaint
from app.store.models import Setting, StaffUser
from sync import protocol
from sync.server.closed_days import check_closed_days
from sync.server.errors import SyncError


def _refuse(change: protocol.WireChange, why: str) -> SyncError:
    return SyncError(
        403,
        "permission_denied",
        f"change {change.change_id} ({change.table}): {why}",
        change.change_id,
        permanent=True,
    )


def _level(session: Session, change: protocol.WireChange, batch) -> str:
    complaint_id = change.fields.get("complaint_id")
    if not complaint_id:
        return ""
    for other in batch:
        same = other.table == "complaints" and other.row_id == complaint_id
        if same and "severity" in other.fields:
            return str(other.fields["severity"])
    severity = session.scalar(select(Complaint.severity).where(Complaint.id == complaint_id))
    return severity or ""


def _row_as_it_will_be(session: Session, change: protocol.WireChange) -> dict:
    fields = dict(change.fields)
    if change.table == "settings" and "key" not in fields:
        fields["key"] = session.scalar(select(Setting.key).where(Setting.id == change.row_id))
    return fields


def needed(session: Session, change: protocol.WireChange, batch) -> str | None:
    level = _level(session, change, batch) if change.table == "complaint_events" else ""
    return rules.permission_for_change(change.table, _row_as_it_will_be(session, change), level)


def check_authors(session: Session, changes: Sequence[protocol.WireChange]) -> None:
    """Raise for the first change whose author may not make it (nothing is written then)."""
    accounts: dict[str, StaffUser | None] = {}
    matrices: dict[str, dict] = {}
    for change in changes:
        permission = needed(session, change, changes)
        author = getattr(change, "author", "") or ""
        if permission is None or not author:
            continue
        if author not in accounts:
            accounts[author] = session.get(StaffUser, author)
        user = accounts[author]
        if user is None or user.deleted or not user.active:
            raise _refuse(change, f"its author {author} is not an active staff account here")
        if change.estate_id not in (user.estate_ids or [user.estate_id]):
            raise _refuse(change, f"its author {user.login} does not work in that estate")
        if change.estate_id not in matrices:
            matrices[change.estate_id] = overrides_in(session, change.estate_id)
        if not rules.effective(user.role, permission, matrices[change.estate_id]):
            raise _refuse(
                change,
                f"{user.login} ({user.role}) may not make it: it needs {permission}",
            )
    # a reversal of a closed day's payment also needs a supervisor's approval (日结)
    check_closed_days(session, changes)
