"""The shared water and electricity prepayment of seed 003 (公摊水电费:预收500元/户,按实际
面积据实分摊): taken per household at the counter, spent on the unit's shared-utility
lines only, oldest first, and what is left per unit with when a top-up is due.

Nothing is written at billing: a prepayment is a payment of kind ``prepayment`` taken
through the counter's own path (``counter.take_payment_in``, one receipt numbering), and
what it paid is derived from the logs at read time (``app.domain.ledger``), so desks that
billed or took money offline show the same remaining amount once synced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.errors import FieldErrors
from app.domain.fees import PREPAYMENT_OK, FeeRules, prepayment_top_up, rate_on
from app.domain.ledger import PREPAID_CODES, PREPAYMENT, Ledger
from app.domain.money import ZERO, from_fen
from app.domain.units import unit_code
from app.services.fees.common import get_live, now_or, typed_payment
from app.services.fees.counter import Receipt, take_payment_in
from app.services.fees.schedule import rules_in, schedule_in
from app.services.permissions import require
from app.store.fee_ledger import ensure_derived, load_ledgers
from app.store.models import Unit

if TYPE_CHECKING:
    from app.store.db import Database

SHARED_CODE = "utilities_shared"
SEED_PREPAYMENT = Decimal("500.00")  # seed 003, for an estate whose schedule lacks the item


@dataclass(frozen=True)
class PrepaymentState:
    """One unit's shared-utilities prepayment, derived from its logs."""

    unit_id: str
    collected: Decimal  # prepayments taken and not reversed
    remaining: Decimal  # what is left after the shared-utility lines it paid
    last_share: Decimal  # the latest month's apportioned shared-utility amount
    last_period: str  # that month ("" before the first apportionment)
    open_shared: Decimal  # shared-utility amounts still owed (the prepayment ran out)
    status: str  # not_collected / top_up / ok (app.domain.fees)
    suggested: Decimal  # brings the prepayment back to the estate's amount

    @property
    def top_up_due(self) -> bool:
        return self.status != PREPAYMENT_OK


@dataclass(frozen=True)
class Terms:
    """What a household prepays (the schedule's ``utilities_shared`` rate in force, 500 by
    seed 003) and the estate's rules (the floor below which a top-up is due)."""

    household: Decimal
    rules: FeeRules


def terms_in(session: Session, estate_id: str, today: date | None = None) -> Terms:
    day = today or now_or(None).date()
    item = rate_on(schedule_in(session, estate_id), SHARED_CODE, day)
    household = item.rate if item is not None else SEED_PREPAYMENT
    return Terms(household, rules_in(session, estate_id))


def state_of(unit_id: str, ledger: Ledger, periods: dict[str, str], terms: Terms):
    """The prepayment of a unit from its derived ledger; ``periods``: line id -> period."""
    shared = [ln for ln in ledger.lines.values() if ln.fee_code in PREPAID_CODES]
    last = max(shared, key=lambda ln: (periods.get(ln.id, ""), ln.due_date, ln.id), default=None)
    open_shared = sum((max(ln.open, ZERO) for ln in shared), ZERO)
    last_share = max(last.due, ZERO) if last is not None else ZERO
    status, suggested = prepayment_top_up(
        ledger.prepaid_in, ledger.prepaid, last_share, open_shared, terms.household, terms.rules
    )
    return PrepaymentState(
        unit_id,
        ledger.prepaid_in,
        ledger.prepaid,
        last_share,
        periods.get(last.id, "") if last is not None else "",
        open_shared,
        status,
        suggested,
    )


def _periods(session: Session, unit_ids: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for start in range(0, len(unit_ids), 500):
        chunk = unit_ids[start : start + 500]
        marks = ", ".join(f":u{i}" for i in range(len(chunk)))
        result.update(
            session.execute(
                text(
                    "SELECT id, period FROM bill_lines WHERE fee_code = :c "  # noqa: S608
                    f"AND unit_id IN ({marks})"
                ),
                {"c": SHARED_CODE, **{f"u{i}": uid for i, uid in enumerate(chunk)}},
            ).all()
        )
    return result


def prepayment_in(session: Session, unit: Unit, today: date | None = None) -> PrepaymentState:
    ledger = load_ledgers(session, [unit.id])[unit.id]
    terms = terms_in(session, unit.estate_id, today)
    return state_of(unit.id, ledger, _periods(session, [unit.id]), terms)


def prepayment_of(db: Database, unit_id: str, today: date | None = None) -> PrepaymentState:
    """What is left of the unit's prepayment, and whether a top-up is due (the amount per
    household is the schedule's rate in force ``today``)."""
    with db.session() as s:
        return prepayment_in(s, get_live(s, Unit, unit_id), today)


def collect_prepayment(
    db: Database,
    unit_id: str,
    amount: Decimal | str,
    method: str,
    payer: str,
    cashier: str,
    now: datetime | None = None,
) -> Receipt:
    """Take a household's prepayment (or top-up) at the counter, with a receipt. It pays
    no line now: each month's apportioned share is settled from it when read."""
    value, errors = typed_payment(amount, method)
    if errors:
        raise FieldErrors(errors)
    with db.session() as s:
        require(s, None, "payments.take")
        unit = get_live(s, Unit, unit_id)
        return take_payment_in(
            s, unit, value, method, payer, cashier, None, "", now_or(now), kind=PREPAYMENT
        )


@dataclass(frozen=True)
class TopUpRow:
    unit_id: str
    unit_code: str
    owner: str
    state: PrepaymentState

    @property
    def id(self) -> str:
        return self.unit_id


_UNITS_SQL = """
    SELECT u.id, bd.name, u.entrance, u.room,
           (SELECT r.name FROM residents r WHERE r.unit_id = u.id AND r.deleted = 0
             AND r.role = 'owner' ORDER BY r.name LIMIT 1)
      FROM buildings bd JOIN units u ON u.building_id = bd.id
     WHERE bd.estate_id = :e AND u.deleted = 0 AND u.handover_date IS NOT NULL
     ORDER BY bd.sort_key, bd.name, u.entrance, length(u.room), u.room
"""


# per unit without a prepayment: its latest shared-utility share and what its shares
# still owe, from the reports' cache of the derivation (app.store.fee_ledger)
_SHARES_SQL = """
    SELECT b.unit_id, b.period, b.amount + coalesce(
               (SELECT sum(a.amount) FROM fee_adjustments a WHERE a.bill_line_id = b.id), 0),
           coalesce(o.open_fen, 0)
      FROM bill_lines b LEFT JOIN fee_open_lines o ON o.line_id = b.id
     WHERE b.estate_id = :e AND b.fee_code = :c
"""


# per unit that took a prepayment, in fen: what the derivation's identity needs to say what
# is left of it without deriving the unit again (the desk's cache holds the derivation):
#   balance = billed + adjusted - paid + refunded = open total - money on no line, and
#   money on no line = what is left of the prepayments + fee_unit_money.off_line_fen,
# so what is left = open total - balance - off_line_fen. Opening entries (期初) count as
# app.store.fee_ledger counts them: arrears as lines, a prepayment as a payment.
_LEFT_SQL = """
    WITH reversed AS MATERIALIZED (
        SELECT DISTINCT reverses_id AS id FROM payments
         WHERE estate_id = :e AND kind = 'reversal' AND reverses_id IS NOT NULL),
    money AS MATERIALIZED (
        SELECT p.unit_id,
               sum(CASE WHEN p.kind IN ('payment', :k) AND r.id IS NULL
                        THEN p.amount ELSE 0 END) AS paid,
               sum(CASE WHEN p.kind = 'refund' THEN -p.amount ELSE 0 END) AS refunded,
               sum(CASE WHEN p.kind = :k AND r.id IS NULL THEN p.amount ELSE 0 END) AS taken
          FROM payments p LEFT JOIN reversed r ON r.id = p.id
         WHERE p.estate_id = :e GROUP BY p.unit_id HAVING sum(p.kind = :k) > 0),
    open_total AS (
        SELECT unit_id, sum(open_fen) AS fen FROM fee_open_lines
         WHERE estate_id = :e AND open_fen <> 0 GROUP BY unit_id),
    billed AS (
        SELECT unit_id, sum(amount) AS fen FROM bill_lines WHERE estate_id = :e
         GROUP BY unit_id),
    adjusted AS (
        SELECT unit_id, sum(amount) AS fen FROM fee_adjustments WHERE estate_id = :e
         GROUP BY unit_id),
    opening AS ({opening})
    SELECT m.unit_id, m.taken,
           coalesce(o.fen, 0)
           - (coalesce(b.fen, 0) + coalesce(a.fen, 0) + coalesce(x.arrears, 0)
              - m.paid - coalesce(x.prepaid, 0) + m.refunded)
           - coalesce(u.off_line_fen, 0)
      FROM money m
      LEFT JOIN open_total o ON o.unit_id = m.unit_id
      LEFT JOIN billed b ON b.unit_id = m.unit_id
      LEFT JOIN adjusted a ON a.unit_id = m.unit_id
      LEFT JOIN opening x ON x.unit_id = m.unit_id
      LEFT JOIN fee_unit_money u ON u.unit_id = m.unit_id
"""
_OPENING = """
    SELECT unit_id, sum(CASE WHEN kind = 'arrears' THEN amount ELSE 0 END) AS arrears,
           sum(CASE WHEN kind = 'prepayment' THEN amount ELSE 0 END) AS prepaid
      FROM fee_opening_entries WHERE estate_id = :e AND deleted = 0 GROUP BY unit_id
"""
_NO_OPENING = "SELECT NULL AS unit_id, 0 AS arrears, 0 AS prepaid"


def prepaid_left(session: Session, estate_id: str) -> dict[str, tuple[Decimal, Decimal]]:
    """Unit id -> (prepayments taken, what is left of them) for every unit of the estate
    that took one, read from the desk's cache of the derivation (SQLite desks); equal to
    ``Ledger.prepaid_in`` and ``Ledger.prepaid`` (tests/sync/test_money_invariants.py)."""
    ensure_derived(session)
    has_opening = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fee_opening_entries'")
    ).first()
    sql = _LEFT_SQL.format(opening=_OPENING if has_opening else _NO_OPENING)
    return {
        uid: (from_fen(taken), from_fen(left))
        for uid, taken, left in session.execute(text(sql), {"e": estate_id, "k": PREPAYMENT})
    }


def units_to_top_up(db: Database, estate_id: str, today: date | None = None) -> list[TopUpRow]:
    """The handed-over units whose prepayment was never taken or needs topping up, in the
    unit list's order: what is left of each unit's prepayment, its latest share and the
    shares it still owes, all read from the desk's cache of the derivation in a few
    statements (no unit is derived again here)."""
    with db.session() as s:
        require(s, None, "fees.arrears.view")
        ensure_derived(s)
        terms = terms_in(s, estate_id, today)
        units = s.execute(text(_UNITS_SQL), {"e": estate_id}).all()
        left = prepaid_left(s, estate_id)
        shares: dict[str, tuple[str, Decimal, Decimal]] = {}  # unit -> (period, share, open)
        for uid, period, due_fen, open_fen in s.execute(
            text(_SHARES_SQL), {"e": estate_id, "c": SHARED_CODE}
        ):
            period_, share, owed = shares.get(uid, ("", ZERO, ZERO))
            if period > period_:
                period_, share = period, max(from_fen(due_fen), ZERO)
            shares[uid] = (period_, share, owed + max(from_fen(open_fen), ZERO))
        rows = []
        for uid, building, entrance, room, owner in units:
            taken, remaining = left.get(uid, (ZERO, ZERO))
            period, share, owed = shares.get(uid, ("", ZERO, ZERO))
            status, suggested = prepayment_top_up(
                taken, remaining, share, owed, terms.household, terms.rules
            )
            state = PrepaymentState(uid, taken, remaining, share, period, owed, status, suggested)
            if state.top_up_due:
                rows.append(TopUpRow(uid, unit_code(building, entrance, room), owner or "", state))
        return rows
