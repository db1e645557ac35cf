"""Two fee reports' totals without their rows, for the home dashboard's fee tile: this
month's management-fee collection (``reports.collection``'s point) and the arrears
report's number of debtors and what they owe net (``reports.arrears``). Each is counted
from the same derived tables with the same rules as its report, reading only what the
total needs (indexes of migration 0014), so the tile equals the report it opens."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import text

from app.domain.collection import CollectionLine, CollectionRate, collection_rates
from app.domain.money import from_fen
from app.services.permissions import require
from app.store.fee_ledger import ensure_derived

if TYPE_CHECKING:
    from app.store.db import Database

# Fee codes whose collection counts as the management fee's (``fee_kind``: "mgmt_" and
# anything after), as a range of ix_bill_lines_month_lines ("`" follows "_").
_MANAGEMENT_CODES = "b.fee_code >= 'mgmt_' AND b.fee_code < 'mgmt`'"

# ``reports.collection``'s sums for one month's management lines: by fee code, each code's
# lines in id order from ix_bill_lines_month_lines, each line's open amount looked up in
# ix_fee_open_lines_line in that same order (so its pages are read once, not at random;
# named, as SQLite prefers the primary key's index, which then reads each row at random).
_MONTH_SQL = f"""
    SELECT b.fee_code,
           sum(max(b.amount + coalesce(adj.total, 0), 0)),
           sum(max(b.amount + coalesce(adj.total, 0), 0)
               - coalesce(o.open_fen, max(b.amount + coalesce(adj.total, 0), 0)))
      FROM bill_lines b
      LEFT JOIN (SELECT bill_line_id, sum(amount) AS total FROM fee_adjustments
                  WHERE estate_id = :e GROUP BY bill_line_id) adj ON adj.bill_line_id = b.id
      LEFT JOIN fee_open_lines o INDEXED BY ix_fee_open_lines_line ON o.line_id = b.id
     WHERE b.estate_id = :e AND b.period = :p AND {_MANAGEMENT_CODES}
     GROUP BY b.fee_code
"""  # noqa: S608 (constants only)


def month_management_collection(db: Database, estate_id: str, period: str) -> CollectionRate:
    """The management fee's 应收/实收 of one month: ``reports.collection``'s point for that
    month (per fee code summed, then ``collection_rates``), reading that month's
    management lines only."""
    with db.session() as session:
        ensure_derived(session)
        rows = session.execute(text(_MONTH_SQL), {"e": estate_id, "p": period}).all()
    lines = [CollectionLine(code, from_fen(due), from_fen(paid)) for code, due, paid in rows]
    return collection_rates(lines).management


# ``reports.arrears``' debtors counted with their net: per unit the sums of its _DEBTS_SQL
# (from ix_fee_open_lines_ageing); net = overdue less credit = max(0, min(overdue,
# balance)), balance = open total - money on no line; only units in the estate's buildings
# (the rows the report shows), looked up in ix_units_building in the grouping's unit order
# (named: SQLite would take the primary key's index and read each unit's row for its
# building); money on no line read once from its partial index (few units have any), not
# looked up per debtor.
_DEBTORS_SQL = """
    WITH money AS MATERIALIZED (
        SELECT unit_id, off_line_fen FROM fee_unit_money
         WHERE estate_id = :e AND off_line_fen <> 0)
    SELECT count(*),
           coalesce(sum(max(0, min(d.overdue, d.open_total - coalesce(m.off_line_fen, 0)))), 0)
      FROM (SELECT unit_id,
                   sum(open_fen) FILTER (WHERE +due_date < :as_of AND open_fen > 0) AS overdue,
                   sum(open_fen) AS open_total
              FROM fee_open_lines
             WHERE estate_id = :e AND open_fen <> 0
             GROUP BY unit_id
            HAVING overdue > 0) d
      LEFT JOIN money m ON m.unit_id = d.unit_id
     WHERE EXISTS (SELECT 1 FROM units u INDEXED BY ix_units_building
                    WHERE u.id = d.unit_id
                      AND +u.building_id IN (SELECT id FROM buildings WHERE estate_id = :e))
"""


class ArrearsSummary(NamedTuple):
    debtors: int  # the arrears report's rows
    net_owed: Decimal  # the sum of their ``net``


def arrears_summary(db: Database, estate_id: str, as_of: date) -> ArrearsSummary:
    """How many rows the estate's arrears report has on ``as_of`` and the sum of their
    ``net``, counted in SQL (no row built)."""
    with db.session() as s:
        require(s, None, "fees.arrears.view")
        ensure_derived(s)
        debtors, net_fen = s.execute(
            text(_DEBTORS_SQL), {"e": estate_id, "as_of": as_of.isoformat()}
        ).one()
    return ArrearsSummary(debtors, from_fen(net_fen))
