"""A reversal of a payment of a closed day (日结后冲正) is taken only with a supervisor's
approval, on the server as on the desk (``app.services.fees.closing``).

The desk writes the approval to the audit trail (action ``payments.reverse_closed_day``,
naming the reversal, ``after.approved_by`` the supervisor) before the reversal, so it is
pushed first. A pushed reversal whose payment counts on a day the server knows is closed
(a stored closing or one earlier in the same batch) is refused, permanently, unless such
an approval is stored or in the batch and its supervisor may approve in that estate. The
desk then sets the reversal aside where people see it (docs/sync.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.fees.closing import APPROVAL_ACTION, closed_day_of, may_approve
from app.store.audit_models import AuditEntry
from app.store.fee_models import Payment
from app.store.models import StaffUser
from sync import protocol
from sync.server.errors import SyncError


def _refuse(change: protocol.WireChange, why: str) -> SyncError:
    return SyncError(
        403,
        "closed_day_needs_approval",
        f"change {change.change_id} ({change.table}): {why}",
        change.change_id,
        permanent=True,
    )


def _original(session: Session, payment_id: str, batch) -> tuple[str, str, datetime] | None:
    """(estate, cashier, paid at) of the reversed payment, stored or pushed with it."""
    row = session.get(Payment, payment_id)
    if row is not None:
        return row.estate_id, row.cashier, row.paid_at
    for other in batch:
        if other.table == "payments" and other.row_id == payment_id:
            fields = other.fields
            if isinstance(fields.get("paid_at"), str):
                return other.estate_id, fields.get("cashier", ""), _moment(fields["paid_at"])
    return None


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _batch_closings(batch, estate_id: str, cashier: str) -> dict[date, datetime]:
    found = {}
    for other in batch:
        fields = other.fields
        if (
            other.table == "fee_day_closings"
            and other.estate_id == estate_id
            and fields.get("cashier") == cashier
            and isinstance(fields.get("day"), str)
            and isinstance(fields.get("closed_at"), str)
        ):
            found[date.fromisoformat(fields["day"])] = _moment(fields["closed_at"])
    return found


def _approvers(session: Session, reversal_id: str, batch) -> list[str]:
    named = [
        (other.fields.get("after") or {}).get("approved_by", "")
        for other in batch
        if other.table == "audit_entries"
        and other.fields.get("action") == APPROVAL_ACTION
        and other.fields.get("row_id") == reversal_id
    ]
    stored = session.scalars(
        select(AuditEntry.after).where(
            AuditEntry.action == APPROVAL_ACTION, AuditEntry.row_id == reversal_id
        )
    )
    named += [(after or {}).get("approved_by", "") for after in stored]
    return [n for n in named if isinstance(n, str) and n]


def check_closed_days(session: Session, changes: Sequence[protocol.WireChange]) -> None:
    """Raise for the first reversal of a closed day's payment that has no valid approval."""
    for change in changes:
        fields = change.fields
        if change.table != "payments" or fields.get("kind") != "reversal":
            continue
        if not (getattr(change, "author", "") or ""):
            continue  # the desk's system work, as in authority.check_authors
        original = _original(session, str(fields.get("reverses_id") or ""), changes)
        if original is None:
            continue
        estate_id, cashier, paid_at = original
        extra = _batch_closings(changes, estate_id, cashier)
        day = closed_day_of(session, estate_id, cashier, paid_at, extra)
        if day is None:
            continue
        approvers = [session.get(StaffUser, a) for a in _approvers(session, change.row_id, changes)]
        if not any(may_approve(session, user, estate_id) for user in approvers):
            raise _refuse(
                change,
                f"it reverses a payment of {cashier}'s day {day.isoformat()}, which is closed, "
                "and no supervisor who may approve it did",
            )
