"""Units' fee accounts derived from their logs (``app.domain.ledger``), read from the
desk's tables, and the desk's cache of the result for reports.

``fee_open_lines`` (each line's open amount) and ``fee_unit_money`` (each unit's money on
no line: credit left, or owed on no line) are local-only. Their insert triggers keep plain
sums as rows arrive; the derivation (parts capped, reversals, credit applied oldest
first) is written over them for every unit whose rows changed: by the fee operations in
their own transaction, and after each pulled page (``refresh_after_apply``, called by
``app.store.apply``). Counter screens derive a unit's account from its rows directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, time

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.ledger import Ledger, LedgerAdjustment, LedgerLine, LedgerPayment, derive
from app.domain.money import from_fen

FEE_TABLES = (
    "bill_lines",
    "fee_adjustments",
    "payments",
    "payment_allocations",
    "fee_opening_entries",
)
# Opening balances (期初, app.store.opening_models) enter the derivation as what they are
# to it: opening arrears are lines owed from their due date (never bill lines: the
# collection rate reads bill_lines only), an opening prepayment is credit that arose on
# the opening day, before any payment, so it is spent first. Deposits are not fees.
_OPENING_SQL = (
    "SELECT id, unit_id, kind, amount, due_date FROM fee_opening_entries "
    "WHERE deleted = 0 AND kind IN ('arrears', 'prepayment') AND unit_id IN ({marks})"
)
_CHUNK = 500


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _in(ids: list[str]) -> tuple[str, dict[str, str]]:
    names = {f"u{i}": uid for i, uid in enumerate(ids)}
    return ", ".join(f":{n}" for n in names), names


def load_ledgers(session: Session, unit_ids: Iterable[str]) -> dict[str, Ledger]:
    """Unit id -> its derived ledger (units without any fee row get an empty one)."""
    ids = sorted(set(unit_ids))
    lines: dict[str, list[LedgerLine]] = defaultdict(list)
    adjustments: dict[str, list[LedgerAdjustment]] = defaultdict(list)
    payments: dict[str, list[tuple]] = defaultdict(list)
    parts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    due_of: dict[str, tuple] = {}
    for chunk in _chunks(ids):
        marks, params = _in(chunk)
        for lid, uid, due, amount, code in session.execute(
            text(
                "SELECT id, unit_id, due_date, amount, fee_code FROM bill_lines "  # noqa: S608
                f"WHERE unit_id IN ({marks})"
            ),
            params,
        ):
            day = due if isinstance(due, date) else date.fromisoformat(due)
            lines[uid].append(LedgerLine(lid, day, from_fen(amount), code))
            due_of[lid] = (day, lid)
        for aid, uid, line_id, amount in session.execute(
            text(
                "SELECT id, unit_id, bill_line_id, amount FROM fee_adjustments "  # noqa: S608
                f"WHERE unit_id IN ({marks})"
            ),
            params,
        ):
            adjustments[uid].append(LedgerAdjustment(aid, line_id, from_fen(amount)))
        for row in session.execute(
            text(
                "SELECT id, unit_id, kind, amount, paid_at, reverses_id FROM payments "  # noqa: S608
                f"WHERE unit_id IN ({marks})"
            ),
            params,
        ):
            payments[row[1]].append(row)
        for pid, line_id, amount in session.execute(
            text(
                "SELECT payment_id, bill_line_id, amount FROM payment_allocations "  # noqa: S608
                f"WHERE unit_id IN ({marks})"
            ),
            params,
        ):
            parts[pid][line_id] += amount
        for oid, uid, kind, amount, due in session.execute(
            text(_OPENING_SQL.format(marks=marks)), params
        ):
            day = due if isinstance(due, date) else date.fromisoformat(due)
            if kind == "arrears":
                lines[uid].append(LedgerLine(oid, day, from_fen(amount)))
                due_of[oid] = (day, oid)
            else:
                payments[uid].append((oid, uid, "payment", amount, _day_start(session, day), None))
    result = {}
    for uid in ids:
        ledger_payments = []
        for pid, _, kind, amount, paid_at, reverses_id in payments.get(uid, ()):
            recorded = parts.get(pid, {})
            ordered = sorted(
                ((lid, fen) for lid, fen in recorded.items() if fen > 0),
                key=lambda item: due_of.get(item[0], (date.max, item[0])),
            )
            ledger_payments.append(
                LedgerPayment(
                    pid,
                    kind,
                    from_fen(amount),
                    paid_at,
                    reverses_id,
                    tuple((lid, from_fen(fen)) for lid, fen in ordered),
                )
            )
        result[uid] = derive(lines.get(uid, ()), adjustments.get(uid, ()), ledger_payments)
    return result


def _day_start(session: Session, day: date):
    """Midnight of ``day`` as the driver returns payments.paid_at to a text query (SQLite:
    SQLAlchemy's text form), so it sorts among the payments."""
    start = datetime.combine(day, time.min, tzinfo=UTC)
    if session.get_bind().dialect.name == "sqlite":
        return start.strftime("%Y-%m-%d %H:%M:%S.%f")
    return start


def unit_ledger(session: Session, unit_id: str) -> Ledger:
    return load_ledgers(session, [unit_id])[unit_id]


def _fen(value) -> int:
    return int(value.scaleb(2))


def refresh_units(session: Session, unit_ids: Iterable[str]) -> None:
    """Write the derived open amounts and unapplied money of these units into the cache."""
    ids = sorted(set(unit_ids))
    if not ids or not _has_cache(session):
        return
    connection = session.connection()
    for chunk in _chunks(ids):
        ledgers = load_ledgers(session, chunk)
        marks, params = _in(chunk)
        estates = dict(
            session.execute(
                text(f"SELECT id, estate_id FROM units WHERE id IN ({marks})"),  # noqa: S608
                params,
            ).all()
        )
        lines_estate = dict(
            session.execute(
                text(
                    f"SELECT id, estate_id FROM bill_lines WHERE unit_id IN ({marks}) "  # noqa: S608
                    "UNION ALL SELECT id, estate_id FROM fee_opening_entries "
                    f"WHERE unit_id IN ({marks}) AND kind = 'arrears'"
                ),
                params,
            ).all()
        )
        session.execute(text(f"DELETE FROM fee_open_lines WHERE unit_id IN ({marks})"), params)  # noqa: S608
        open_rows, money_rows = [], []
        for uid, ledger in ledgers.items():
            for line in ledger.lines.values():
                open_rows.append(
                    (
                        line.id,
                        lines_estate[line.id],
                        uid,
                        line.due_date.isoformat(),
                        _fen(line.open),
                    )
                )
            estate = estates.get(uid) or next(iter(lines_estate.values()), None)
            if estate is not None:
                # a prepayment left is not credit for other fees: the arrears report
                # nets only money that could pay them
                money_rows.append((uid, estate, _fen(ledger.unapplied - ledger.prepaid)))
        if open_rows:
            connection.exec_driver_sql(
                "INSERT OR REPLACE INTO fee_open_lines (line_id, estate_id, unit_id, due_date, "
                "open_fen) VALUES (?, ?, ?, ?, ?)",
                open_rows,
            )
        if money_rows:
            connection.exec_driver_sql(
                "INSERT INTO fee_unit_money (unit_id, estate_id, off_line_fen) VALUES (?, ?, ?) "
                "ON CONFLICT (unit_id) DO UPDATE SET off_line_fen = excluded.off_line_fen",
                money_rows,
            )


def _has_cache(session: Session) -> bool:
    """A desk database (the server's has no local-only tables)."""
    return session.get_bind().dialect.name == "sqlite" and bool(
        session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fee_open_lines'")
        ).first()
    )


def units_of(session: Session, touched: dict[str, set[str]]) -> set[str]:
    """The units whose fee rows are among ``touched`` (table -> row ids)."""
    units: set[str] = set()
    for table in FEE_TABLES:
        ids = sorted(touched.get(table, ()))
        for chunk in _chunks(ids):
            marks, params = _in(chunk)
            units.update(
                session.scalars(
                    text(f"SELECT unit_id FROM {table} WHERE id IN ({marks})"),  # noqa: S608
                    params,
                )
            )
    return units


def refresh_after_apply(session: Session, touched: dict[str, set[str]]) -> None:
    """After a pulled page (or a document replaced): the touched units' cache, on a desk."""
    if not any(t in touched for t in FEE_TABLES) or not _has_cache(session):
        return
    refresh_units(session, units_of(session, touched))


# A row of the cache itself says it holds derived values: a database whose cache was
# filled by plain sums (before the derivation, or rebuilt by migration 0003m) is derived
# whole once, on its first read.
_DERIVED_MARK = "~derived-v1"


def ensure_derived(session: Session) -> None:
    if not _has_cache(session):
        return
    marked = session.execute(
        text("SELECT 1 FROM fee_unit_money WHERE unit_id = :m"), {"m": _DERIVED_MARK}
    ).first()
    if marked:
        return
    units = session.scalars(text("SELECT DISTINCT unit_id FROM bill_lines"))
    everyone = set(units) | set(session.scalars(text("SELECT DISTINCT unit_id FROM payments")))
    everyone |= set(session.scalars(text("SELECT DISTINCT unit_id FROM fee_opening_entries")))
    refresh_units(session, everyone)
    session.execute(
        text(
            "INSERT OR REPLACE INTO fee_unit_money (unit_id, estate_id, off_line_fen) "
            "VALUES (:m, '', 0)"
        ),
        {"m": _DERIVED_MARK},
    )
