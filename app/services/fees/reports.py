"""Reports of the fees desk: the arrears table with its ageing buckets, the monthly
collection rate, the bills of a month (paged, and their export), the estate's buildings.
Reads only; each opens its own unit of work."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.collection import (
    CollectionLine,
    CollectionRates,
    collection_rate,
    collection_rates,
    meets_target,
)
from app.domain.fees import AGEING_BUCKETS, shift_period
from app.domain.money import ZERO, format_rate, from_fen, from_ten_thousandths
from app.domain.spreadsheet import safe_row
from app.domain.units import mask_phone, unit_code
from app.memory import collector_paused
from app.services.permissions import require
from app.services.units import building_tree
from app.store.fee_ledger import ensure_derived

if TYPE_CHECKING:
    from app.store.db import Database


@dataclass(frozen=True)
class Building:
    id: str
    name: str


def buildings(db: Database, estate_id: str) -> list[Building]:
    """The estate's buildings in display order (for a building filter)."""
    with db.session() as s:
        return [Building(node.id, node.name) for node in building_tree(s, estate_id)]


# ---- arrears ----


class ArrearsRow(NamedTuple):
    """One debtor's line of the arrears report. A named tuple: a frozen dataclass took
    2.8 µs to build, 50 ms of a 20,000-debtor report."""

    unit_id: str
    building: str
    entrance: str
    room: str
    owner: str
    phone_masked: str
    buckets: dict[str, Decimal]
    overdue: Decimal
    credit: Decimal

    @property
    def unit_code(self) -> str:
        return unit_code(self.building, self.entrance, self.room)

    @property
    def net(self) -> Decimal:
        return self.overdue - self.credit

    @property
    def id(self) -> str:
        return self.unit_id


# Per unit with anything overdue, read from the covering index ix_fee_open_lines_ageing
# alone: what fell due before as_of and before each bucket's start (cumulative: one date
# test per sum; the buckets are their differences), all it has open, and its owner (the
# first live one by name, from ix_residents_owner alone; looked up for debtors only, so a
# normal month reads a seventh of the owners). "+due_date" drops the column's NUMERIC
# affinity, which SQLite would apply to the text parameter at every comparison.
_DEBTS_SQL = """
    SELECT unit_id,
           sum(open_fen) FILTER (WHERE +due_date < :as_of AND open_fen > 0) AS overdue,
           coalesce(sum(open_fen) FILTER (WHERE +due_date < :d30 AND open_fen > 0), 0),
           coalesce(sum(open_fen) FILTER (WHERE +due_date < :d90 AND open_fen > 0), 0),
           coalesce(sum(open_fen) FILTER (WHERE +due_date < :d180 AND open_fen > 0), 0),
           sum(open_fen),
           (SELECT min(r.name || char(31) || r.phone) FROM residents r
             WHERE r.estate_id = :e AND r.unit_id = fee_open_lines.unit_id
               AND r.deleted = 0 AND r.role = 'owner')
      FROM fee_open_lines
     WHERE estate_id = :e AND open_fen <> 0{in_building}
     GROUP BY unit_id
    HAVING overdue > 0
"""

# The estate's units (deleted ones too: a debt outlives its unit) in display order: buildings
# in ix_buildings_order, each building's units from ix_units_location. Joined to the debts
# in Python: looking each debtor up in units and sorting the result took about twice as
# long at 20,000 debtors (random reads of units by id, and a sort of them all).
_UNITS_IN_ORDER_SQL = """
    SELECT u.id, bd.name, u.entrance, u.room
      FROM buildings bd JOIN units u ON u.building_id = bd.id
     WHERE bd.estate_id = :e{in_building}
     ORDER BY bd.sort_key, bd.name, u.entrance, length(u.room), u.room
"""

# money of each unit not on any bill line: payments - allocations - adjustments to no line
# (fee_unit_money, derived by app.store.fee_ledger); only units where it is not zero
_OFF_LINE_SQL = (
    "SELECT unit_id, off_line_fen FROM fee_unit_money WHERE estate_id = :e AND off_line_fen <> 0"
)

# a building's report seeks its units' lines in the same index instead of the estate's
_UNIT_IN_BUILDING = " AND unit_id IN (SELECT id FROM units WHERE building_id = :b)"


class _Yuan(dict):
    """Fen to exact yuan, each value converted once (a report repeats most amounts): a
    plain lookup on a hit, from_fen without its quantize step on a miss."""

    def __missing__(self, fen: int) -> Decimal:
        value = self[fen] = Decimal(fen).scaleb(-2)
        return value


def arrears(
    db: Database, estate_id: str, as_of: date, building_id: str | None = None
) -> list[ArrearsRow]:
    """The arrears report (see ``arrears_in``) in a unit of work of its own."""
    with db.session() as s:
        require(s, None, "fees.arrears.view")
        return arrears_in(s, estate_id, as_of, building_id)


def arrears_in(
    session: Session, estate_id: str, as_of: date, building_id: str | None = None
) -> list[ArrearsRow]:
    """Units with overdue amounts, by ageing bucket (days past the due date: 1-30, 31-90,
    91-180, over 180), summed in SQL over the unsettled lines of ``fee_open_lines``; the
    unit's balance (bills + adjustments - payments) is that open total minus its money on
    no line (``fee_unit_money``), both derived from the logs (``app.store.fee_ledger``). Ordered as the unit list: building
    (sort key, name), entrance, room.

    ``credit`` is money the unit has paid but that is not applied to these overdue lines
    (an advance, or two cashiers taking the same bill), so ``net`` never counts a payment
    twice: net = min(overdue, what the account says is owed overall).

    A desk report, SQLite only (nothing on the server calls it): it reads plain tuples
    from the driver's cursor, as SQLAlchemy's rows cost tens of milliseconds at 20,000.
    """
    unit_in_building = _UNIT_IN_BUILDING if building_id else ""
    ensure_derived(session)
    session.flush()  # the driver's cursor does not autoflush as session.execute does
    cursor = session.connection().connection.cursor()
    # up to 20,000 rows read and as many built: tuples and dicts, no reference cycles
    with closing(cursor), collector_paused():
        cursor.execute(
            _DEBTS_SQL.format(in_building=unit_in_building),
            {
                "e": estate_id,
                "b": building_id,
                "as_of": as_of.isoformat(),
                "d30": (as_of - timedelta(days=30)).isoformat(),
                "d90": (as_of - timedelta(days=90)).isoformat(),
                "d180": (as_of - timedelta(days=180)).isoformat(),
            },
        )
        debts = {row[0]: row for row in cursor}
        if not debts:
            return []
        estate = {"e": estate_id, "b": building_id}
        off_line = dict(cursor.execute(_OFF_LINE_SQL, estate))
        cursor.execute(
            _UNITS_IN_ORDER_SQL.format(in_building=" AND bd.id = :b" if building_id else ""),
            estate,
        )
        return _arrears_rows(cursor, debts, off_line)


def _arrears_rows(
    units: Iterable[tuple[str, str, str, str]],
    debts: dict[str, tuple[str, int, int, int, int, int, str | None]],
    off_line: dict[str, int],
) -> list[ArrearsRow]:
    """The debtors among ``units`` (id, building, entrance, room, in display order, walked
    as the cursor reads them) as report rows; up to one per unit, hence the lean loop."""
    yuan = _Yuan()
    bucket_1, bucket_2, bucket_3, bucket_4 = AGEING_BUCKETS
    new_row = tuple.__new__  # ArrearsRow's own __new__ is a Python call per row
    result = []
    for uid, building, entrance, room in units:
        debt = debts.get(uid)
        if debt is None:
            continue
        _, overdue, over_30, over_90, over_180, open_total, owner = debt
        balance = open_total - off_line.get(uid, 0)
        credit = overdue if balance <= 0 else overdue - balance if balance < overdue else 0
        name, _, phone = (owner or "").partition("\x1f")
        result.append(
            new_row(
                ArrearsRow,
                (
                    uid,
                    building,
                    entrance,
                    room,
                    name,
                    mask_phone(phone),
                    {
                        bucket_1: yuan[overdue - over_30],
                        bucket_2: yuan[over_30 - over_90],
                        bucket_3: yuan[over_90 - over_180],
                        bucket_4: yuan[over_180],
                    },
                    yuan[overdue],
                    yuan[credit],
                ),
            )
        )
    return result


def arrears_totals(rows: list[ArrearsRow]) -> dict[str, Decimal]:
    totals = {b: ZERO for b in AGEING_BUCKETS}
    for row in rows:
        for bucket, amount in row.buckets.items():
            totals[bucket] += amount
    return totals


# ---- collection rate ----


@dataclass(frozen=True)
class CollectionPoint:
    """One month. ``receivable``, ``collected``, ``rate`` and ``target_met`` are the
    management fee's (seed 001: 管理费收费率 = 实收 ÷ 应收, target 95%, compared unrounded);
    ``rates`` has each other kind and all fees, labelled."""

    period: str
    receivable: Decimal
    collected: Decimal
    rates: CollectionRates

    @property
    def rate(self) -> Decimal | None:
        return collection_rate(self.collected, self.receivable)

    @property
    def target_met(self) -> bool | None:
        return meets_target(self.collected, self.receivable)


def collection(
    db: Database,
    estate_id: str,
    last_period: str,
    months: int = 12,
    building_id: str | None = None,
) -> list[CollectionPoint]:
    """Per month and fee kind: receivable = that month's bills after adjustments;
    collected = what payments and credit paid on them so far, as derived
    (``app.domain.ledger``: never more than each line owes).
    The point's own figures are the management fee's."""
    first = shift_period(last_period, -(months - 1))
    # paid per line = what it owes less what is open, derived from the logs (parts
    # capped, credit oldest first) and looked up by line in fee_open_lines' key; units
    # joined only to filter a building
    in_building = (
        "JOIN units u ON u.id = b.unit_id AND u.building_id = :building" if building_id else ""
    )
    sql = f"""
        SELECT b.period, b.fee_code,
               sum(max(b.amount + coalesce(adj.total, 0), 0)),
               sum(max(b.amount + coalesce(adj.total, 0), 0)
                   - coalesce((SELECT o.open_fen FROM fee_open_lines o WHERE o.line_id = b.id),
                              max(b.amount + coalesce(adj.total, 0), 0)))
        FROM bill_lines b {in_building}
        LEFT JOIN (SELECT bill_line_id, sum(amount) AS total FROM fee_adjustments
                   WHERE estate_id = :e GROUP BY bill_line_id) adj ON adj.bill_line_id = b.id
        WHERE b.estate_id = :e AND b.period BETWEEN :first AND :last
        GROUP BY b.period, b.fee_code
    """
    with db.session() as session:
        ensure_derived(session)
        rows = session.execute(
            text(sql),
            {"e": estate_id, "first": first, "last": last_period, "building": building_id},
        ).all()
    by_period: dict[str, list[CollectionLine]] = {}
    for period, fee_code, receivable, collected in rows:
        line = CollectionLine(fee_code, from_fen(receivable), from_fen(collected))
        by_period.setdefault(period, []).append(line)
    points = []
    for i in range(months):
        period = shift_period(first, i)
        rates = collection_rates(by_period.get(period, ()))
        mgmt = rates.management
        points.append(CollectionPoint(period, mgmt.receivable, mgmt.collected, rates))
    return points


@dataclass(frozen=True)
class BillRow:
    line_id: str
    unit_id: str
    building: str
    entrance: str
    room: str
    fee_code: str
    period: str
    quantity: Decimal
    rate: Decimal
    amount: Decimal
    note: str

    @property
    def id(self) -> str:
        return self.line_id

    @property
    def unit_code(self) -> str:
        return unit_code(self.building, self.entrance, self.room)


_BILL_SQL = """
    SELECT b.id, b.unit_id, bd.name, u.entrance, u.room, b.fee_code, b.period, b.quantity, b.rate,
           b.amount, b.note
    FROM bill_lines b JOIN units u ON u.id = b.unit_id JOIN buildings bd ON bd.id = u.building_id
    WHERE b.estate_id = :e AND b.period = :p AND (:building IS NULL OR u.building_id = :building)
    ORDER BY bd.sort_key, bd.name, u.entrance, length(u.room), u.room, b.fee_code, b.id
"""


def _bill_rows(session: Session, estate_id: str, period: str, building_id, offset, limit):
    sql = _BILL_SQL + (" LIMIT :limit OFFSET :offset" if limit is not None else "")
    params = {
        "e": estate_id,
        "p": period,
        "building": building_id,
        "limit": limit,
        "offset": offset,
    }
    return [
        BillRow(
            lid,
            uid,
            b,
            e,
            r,
            code,
            per,
            from_fen(q),
            from_ten_thousandths(rate),
            from_fen(amt),
            note,
        )
        for lid, uid, b, e, r, code, per, q, rate, amt, note in session.execute(text(sql), params)
    ]


@dataclass(frozen=True)
class BillsQuery:
    """The bills of one month, of one building or all."""

    estate_id: str
    period: str
    building_id: str | None = None


def bill_page(db: Database, query: BillsQuery, offset: int, limit: int) -> list[BillRow]:
    """One page of the month's bill lines in unit-list order."""
    with db.session() as s:
        return _bill_rows(s, query.estate_id, query.period, query.building_id, offset, limit)


class BillsSummary(NamedTuple):
    lines: int
    total: Decimal


def bill_summary(db: Database, query: BillsQuery) -> BillsSummary:
    """How many lines the month has and what they add up to."""
    with db.session() as s:
        count, total = s.execute(
            text(
                "SELECT count(*), coalesce(sum(b.amount), 0) FROM bill_lines b "
                "JOIN units u ON u.id = b.unit_id WHERE b.estate_id = :e AND b.period = :p "
                "AND (:building IS NULL OR u.building_id = :building)"
            ),
            {"e": query.estate_id, "p": query.period, "building": query.building_id},
        ).one()
    return BillsSummary(count, from_fen(total))


EXPORT_COLUMNS = (
    "building",
    "entrance",
    "room",
    "fee_code",
    "period",
    "quantity",
    "rate",
    "amount",
)


def export_rows(db: Database, estate_id: str, period: str) -> list[tuple[str, ...]]:
    """One row per bill line, amounts as text with two decimals (the export format)."""
    with db.session() as s:
        rows = _bill_rows(s, estate_id, period, None, 0, None)
    return [
        (
            r.building,
            r.entrance,
            r.room,
            r.fee_code,
            r.period,
            f"{r.quantity:.2f}",
            format_rate(r.rate),
            f"{r.amount:.2f}",
        )
        for r in rows
    ]


def write_table(target: Path, header, rows) -> None:
    """CSV (UTF-8 with BOM so Excel reads Chinese) or XLSX with amounts as text."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(safe_row(header))
        for row in rows:
            sheet.append(safe_row(row))
        book.save(target)
        return
    with target.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(safe_row(header))
        writer.writerows(safe_row(row) for row in rows)
