"""Opening balances (期初余额), writing and reading back: the checked file written all or
nothing as opening entries, once per estate; each unit's opening entries for its account.

Decisions (docs/money-rules.md §7):
- An estate's opening balances are imported **once**. A second import is refused
  (``opening.already_imported``, naming when and by whom): the opening day is one day. A
  wrong amount is corrected afterwards as any balance is, by an adjustment (finance), never
  by importing again, so the trail shows both the estate's books and the correction.
- The rows are opening entries, never bills nor payments: no bill line is invented, no
  receipt number is spent. Arrears are owed from their due date (ageing, balance,
  payable); a prepayment is credit applied oldest first at read time like an advance; a
  deposit is held like a deposit taken. None of them is in a month's 应收, so the
  collection rate of the months PropDesk bills is not changed by debts from before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.domain.errors import DomainError
from app.services.fees.common import now_or
from app.services.fees.opening import (
    OpeningPreview,
    read_opening_file,
    unit_codes_in,
)
from app.services.fees.schedule import rules_in
from app.services.importer import ImportRefused
from app.services.permissions import require
from app.store.audit_models import write_entry
from app.store.fee_ledger import refresh_units
from app.store.ids import natural_id
from app.store.opening_models import ARREARS, DEPOSIT, PREPAYMENT, OpeningEntry
from app.store.recorder import recorder

if TYPE_CHECKING:
    from app.store.db import Database


@dataclass(frozen=True)
class OpeningImportResult:
    batch_id: str
    entries: int
    units: int
    arrears: Decimal
    prepayments: Decimal
    deposits: Decimal


@dataclass(frozen=True)
class PreviousImport:
    """The estate's opening balances already imported: when, by whom, how many entries."""

    batch_id: str
    imported_at: datetime
    imported_by: str
    entries: int


def previous_import(db: Database, estate_id: str) -> PreviousImport | None:
    with db.session() as s:
        return _previous_in(s, estate_id)


def _previous_in(session, estate_id: str) -> PreviousImport | None:
    row = session.execute(
        select(
            OpeningEntry.batch_id,
            func.min(OpeningEntry.imported_at),
            func.min(OpeningEntry.imported_by),
            func.count(),
        )
        .where(OpeningEntry.estate_id == estate_id, OpeningEntry.live())
        .group_by(OpeningEntry.batch_id)
        .order_by(func.min(OpeningEntry.imported_at))
        .limit(1)
    ).first()
    if row is None:
        return None
    batch_id, at, by, count = row
    if at is not None and at.tzinfo is None:  # func.min returns the stored text's datetime
        from datetime import UTC

        at = at.replace(tzinfo=UTC)
    return PreviousImport(batch_id, at, by or "", count)


def preview_opening_file(
    db: Database, estate_id: str, path: Path | str, as_of: date
) -> OpeningPreview:
    """Read and check a file against the estate's units and billing rules (its due day);
    writes nothing. A second import is told here already, before the user reads the rows."""
    with db.session() as s:
        units = unit_codes_in(s, estate_id)
        due_day = rules_in(s, estate_id).due_day
        previous = _previous_in(s, estate_id)
    preview = read_opening_file(path, estate_id, units, as_of, due_day)
    if previous is not None:
        from app.services.importer import RowError

        preview.errors.insert(0, RowError(0, "", _already(previous)))
    return preview


def _already(previous: PreviousImport) -> DomainError:
    return DomainError(
        "opening.already_imported",
        date=previous.imported_at.date().isoformat() if previous.imported_at else "",
        by=previous.imported_by,
        entries=previous.entries,
    )


def import_opening_balances(
    db: Database,
    estate_id: str,
    preview: OpeningPreview,
    imported_by: str,
    now: datetime | None = None,
) -> OpeningImportResult:
    """Write a checked file's entries in one unit of work: all of them or, on any problem
    in the file or an earlier import of the estate, none. Finance lead or director only."""
    if not preview.ok:
        raise ImportRefused(len(preview.errors), preview.path.name)
    at = now_or(now)
    with db.session() as s:
        require(s, None, "fees.opening")
        previous = _previous_in(s, estate_id)
        if previous is not None:
            raise _already(previous)
        # one import per estate: the same id on every desk that imports its file
        batch_id = natural_id(estate_id, "opening-import")
        rec = recorder(s)
        drafts = preview.drafts
        for draft in drafts:
            rec.create(
                OpeningEntry,
                id=draft.id,
                estate_id=estate_id,
                unit_id=draft.unit_id,
                kind=draft.kind,
                fee_code=draft.fee_code,
                period=draft.period,
                amount=draft.amount,
                due_date=draft.due_date,
                batch_id=batch_id,
                source=f"{preview.path.name}:{draft.line}",
                imported_by=imported_by,
                imported_at=at,
            )
        result = OpeningImportResult(
            batch_id,
            len(drafts),
            len({d.unit_id for d in drafts}),
            preview.total(ARREARS),
            preview.total(PREPAYMENT),
            preview.total(DEPOSIT),
        )
        write_entry(
            s,
            estate_id=estate_id,
            action="fees.opening_import_file",
            table_name=OpeningEntry.__tablename__,
            row_id=batch_id,
            after={
                "file": preview.path.name,
                "as_of": preview.as_of.isoformat(),
                "entries": result.entries,
                "units": result.units,
                "arrears": str(result.arrears),
                "prepayments": str(result.prepayments),
                "deposits": str(result.deposits),
            },
        )
        s.flush()
        refresh_units(s, {d.unit_id for d in drafts})
        return result


# ---- a unit's opening entries ----


@dataclass(frozen=True)
class OpeningLine:
    """One opening entry of a unit as its account shows it (labelled by ``kind``:
    期初欠费 / 期初预收 / 期初押金)."""

    id: str
    kind: str
    fee_code: str
    period: str
    amount: Decimal
    due_date: date
    source: str


def opening_lines(db: Database, unit_id: str) -> list[OpeningLine]:
    with db.session() as s:
        return opening_lines_in(s, unit_id)


def opening_lines_in(session, unit_id: str) -> list[OpeningLine]:
    rows = session.scalars(
        select(OpeningEntry)
        .where(OpeningEntry.unit_id == unit_id, OpeningEntry.live())
        .order_by(OpeningEntry.kind, OpeningEntry.due_date, OpeningEntry.id)
    )
    return [
        OpeningLine(r.id, r.kind, r.fee_code, r.period, r.amount, r.due_date, r.source)
        for r in rows
    ]
