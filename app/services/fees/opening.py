"""Opening balances (期初余额), reading: an estate's file of each unit's arrears,
prepayment and deposits when it starts with PropDesk, checked row by row for a preview.

The file is read by the units importer's infrastructure (size and zip-bomb limits, CSV
encodings, XLSX values not formulas: ``app.services.importer``). Units are named as the
estate writes them, one code column (``3-1-1302``, ``3栋1单元1302``) or the units file's
building / entrance / room columns, and matched to the estate's existing units; an
opening balance never creates a unit. Every problem is listed with its line: an unknown
unit, a third decimal, a negative amount, an unknown fee or deposit kind, a bad period,
the same unit's same entry twice. Writing is ``app.services.fees.opening_import``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.fees import DEPOSIT_CODES, PeriodError, due_date, parse_period, period_of
from app.domain.money import ZERO, parse_money
from app.domain.units import normalise_search, unit_short_code
from app.services import importer
from app.store.ids import natural_id
from app.store.opening_models import ARREARS, DEPOSIT, PREPAYMENT

# field -> accepted headers (compared as the units importer compares them)
HEADERS: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "unit_code", "房屋编号", "房屋编码", "房屋", "房号编码"),
    "building": importer.HEADERS["building"],
    "entrance": importer.HEADERS["entrance"],
    "room": importer.HEADERS["room"],
    "arrears": ("arrears", "期初欠费", "欠费", "欠费金额"),
    "arrears_fee": ("arrears_fee", "欠费项目", "收费项目", "费用类型"),
    "arrears_period": ("arrears_period", "欠费账期", "账期", "所属期间"),
    "prepayment": ("prepayment", "期初预收", "预收", "预收金额", "预存"),
    "deposit": ("deposit", "期初押金", "押金", "押金金额"),
    "deposit_kind": ("deposit_kind", "押金类别", "押金类型"),
}
AMOUNT_FIELDS = {"arrears": ARREARS, "prepayment": PREPAYMENT, "deposit": DEPOSIT}
# the template's header row (English then Chinese, so either reads back)
TEMPLATE_HEADER = (
    "房屋编号",
    "期初欠费",
    "欠费项目",
    "欠费账期",
    "期初预收",
    "期初押金",
    "押金类别",
)
TEMPLATE_EXAMPLE = ("3-1-1302", "380.00", "物业管理服务费", "2026-10", "", "500.00", "装修押金")

# fee kinds an opening arrears may name ("" when the estate's books do not say)
FEE_CODES = {
    "": "",
    "物业管理服务费": "mgmt_residential",
    "物业费": "mgmt_residential",
    "住宅物业管理服务费": "mgmt_residential",
    "商业管理服务费": "mgmt_commercial",
    "公摊水电费": "utilities_shared",
    "装修管理服务费": "renovation",
    "共用车位": "parking_shared",
    "专用车位": "parking_dedicated",
    "露天车位": "parking_open",
    "滞纳金": "late_fee",
    **{code: code for code in (
        "mgmt_residential", "mgmt_commercial", "utilities_shared", "renovation",
        "parking_shared", "parking_dedicated", "parking_open", "late_fee",
    )},
}  # fmt: skip
DEPOSIT_KINDS = {
    "装修押金": "deposit_renovation",
    "出入证押金": "deposit_pass",
    "通行证押金": "deposit_pass",
    "ic卡押金": "deposit_ic_card",
    **{code: code for code in DEPOSIT_CODES},
}
_PERIOD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


@dataclass(frozen=True)
class OpeningDraft:
    """One entry a row will write (kind: arrears / prepayment / deposit)."""

    id: str
    unit_id: str
    kind: str
    fee_code: str
    period: str
    amount: Decimal
    due_date: date
    line: int


@dataclass
class OpeningRow:
    """One data row as the file has it (the preview's cells) and what it will write."""

    line: int
    unit: str = ""
    building: str = ""
    entrance: str = ""
    room: str = ""
    arrears: str = ""
    arrears_fee: str = ""
    arrears_period: str = ""
    prepayment: str = ""
    deposit: str = ""
    deposit_kind: str = ""
    unit_code: str = ""  # the unit matched, in its short form
    drafts: tuple[OpeningDraft, ...] = ()


@dataclass
class OpeningPreview:
    path: Path
    as_of: date  # the opening day: the balances are what stood at its start
    rows: list[OpeningRow] = field(default_factory=list)
    errors: list[importer.RowError] = field(default_factory=list)
    encoding: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and any(r.drafts for r in self.rows)

    @property
    def drafts(self) -> list[OpeningDraft]:
        return [d for r in self.rows for d in r.drafts]

    def total(self, kind: str) -> Decimal:
        return sum((d.amount for d in self.drafts if d.kind == kind), ZERO)


def opening_entry_id(estate_id: str, unit_id: str, kind: str, fee_code: str, period: str) -> str:
    """Deterministic: the same file imported on two desks writes the same rows."""
    return natural_id(estate_id, "opening", unit_id, kind, fee_code, period)


def write_template(target: Path) -> None:
    """An empty template (XLSX or CSV by the name) with one example row."""
    from app.services.fees.reports import write_table

    write_table(target, TEMPLATE_HEADER, [TEMPLATE_EXAMPLE])


def unit_codes_in(session: Session, estate_id: str) -> dict[str, str]:
    """The estate's live units by short code ("3-1-1302"), as the units importer and the
    unit search write it."""
    rows = session.execute(
        text(
            "SELECT u.id, b.name, u.entrance, u.room FROM units u "
            "JOIN buildings b ON b.id = u.building_id "
            "WHERE u.estate_id = :e AND u.deleted = 0"
        ),
        {"e": estate_id},
    )
    return {unit_short_code(b, e, r): uid for uid, b, e, r in rows}


def read_opening_file(
    path: Path | str, estate_id: str, units: dict[str, str], as_of: date, due_day: int = 5
) -> OpeningPreview:
    """Read and check a file of opening balances against ``units`` (short code -> id).
    Never raises for bad content: every problem is in ``errors`` with its line."""
    path = Path(path)
    preview = OpeningPreview(path=path, as_of=as_of)
    try:
        importer.check_file_size(path)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            importer.check_zip(path)
            table = importer._xlsx_rows(path)
        else:
            table, preview.encoding = importer._csv_rows(path.read_bytes())
    except DomainError as error:
        preview.errors.append(importer.RowError(0, "", error))
        return preview
    except Exception as error:  # OSError, csv.Error; openpyxl raises assorted errors
        detail = str(error) or type(error).__name__
        error = DomainError("import.file.unreadable", detail=detail)
        preview.errors.append(importer.RowError(0, "", error))
        return preview
    _check(table, preview, estate_id, units, due_day)
    return preview


def _header_columns(header: list, preview: OpeningPreview) -> tuple[dict, dict]:
    by_header = {
        importer._header_key(h): name for name, headers in HEADERS.items() for h in headers
    }
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    for index, cell in enumerate(header):
        name = by_header.get(importer._header_key(cell))
        if name and name not in columns:
            columns[name] = index
            labels[name] = importer._cell_text(cell)
    return columns, labels


def _check(table, preview: OpeningPreview, estate_id, units, due_day) -> None:
    table = [(line, cells) for line, cells in table if any(importer._cell_text(c) for c in cells)]
    if not table:
        preview.errors.append(importer.RowError(1, "", DomainError("import.file.empty")))
        return
    header_line, header = table[0]
    columns, labels = _header_columns(header, preview)
    problems = []
    if "unit" not in columns and not {"building", "room"} <= set(columns):
        problems.append(DomainError("import.column.missing", column="房屋编号 / 楼栋+房号"))
    if not set(AMOUNT_FIELDS) & set(columns):
        problems.append(
            DomainError("import.column.missing", column="期初欠费 / 期初预收 / 期初押金")
        )
    for problem in problems:
        preview.errors.append(importer.RowError(header_line, "", problem))
    if problems:
        return
    seen: dict[str, int] = {}
    for line, cells in table[1:]:
        row = OpeningRow(line=line)
        for name, index in columns.items():
            setattr(row, name, importer._cell_text(cells[index]) if index < len(cells) else "")
        errors, drafts = _check_row(row, preview.as_of, estate_id, units, due_day)
        for draft in drafts:
            if draft.id in seen:
                column = {ARREARS: "arrears", PREPAYMENT: "prepayment"}.get(draft.kind, "deposit")
                errors.setdefault(column, DomainError("opening.row.duplicate", line=seen[draft.id]))
            else:
                seen[draft.id] = line
        for name, error in sorted(errors.items(), key=lambda e: columns.get(e[0], -1)):
            preview.errors.append(importer.RowError(line, labels.get(name, name), error))
        if not errors:
            row.drafts = tuple(drafts)
        preview.rows.append(row)
    if not preview.rows:
        preview.errors.append(
            importer.RowError(header_line, "", DomainError("import.file.no_rows"))
        )


def _unit_of(row: OpeningRow, units: dict[str, str]) -> tuple[str | None, str]:
    if row.unit:
        code = normalise_search(row.unit)
    else:
        building = importer._clean_building(row.building)
        room = re.sub(r"[室号]$", "", row.room)
        code = unit_short_code(building, row.entrance.removesuffix("单元"), room)
    return units.get(code), code


def _amount(text: str) -> Decimal | None:
    """None for an empty cell or zero (estates list every unit, most with 0)."""
    if not text.strip():
        return None
    value = parse_money(text)
    if value < 0:
        raise DomainError("opening.amount.negative")
    return value or None


def _period(text: str, as_of: date) -> str:
    if not text:
        return ""
    match = _PERIOD.match(text.strip())
    period = f"{match[1]}-{int(match[2]):02d}" if match else text.strip()[:7]
    parse_period(period)  # PeriodError: fees.period.invalid
    if period > period_of(as_of):
        raise DomainError("opening.period.after_opening", period=period)
    return period


def _check_row(row: OpeningRow, as_of: date, estate_id, units, due_day):
    errors: dict[str, DomainError] = {}
    unit_id, code = _unit_of(row, units)
    row.unit_code = code
    if unit_id is None:
        errors["unit" if row.unit else "room"] = DomainError("opening.unit.unknown", unit=code)
    amounts: dict[str, Decimal | None] = {}
    for name in AMOUNT_FIELDS:
        try:
            amounts[name] = _amount(getattr(row, name))
        except DomainError as error:
            errors[name] = error
    fee_code = FEE_CODES.get(
        row.arrears_fee.lower() if row.arrears_fee.isascii() else row.arrears_fee
    )
    if fee_code is None:
        errors["arrears_fee"] = DomainError("opening.fee.unknown", fee=row.arrears_fee)
    try:
        period = _period(row.arrears_period, as_of)
    except (PeriodError, DomainError) as error:
        errors["arrears_period"] = error
        period = ""
    deposit_kind = DEPOSIT_KINDS.get(row.deposit_kind.lower())
    if amounts.get("deposit") and not deposit_kind:
        errors["deposit_kind"] = DomainError("opening.deposit.kind_unknown", kind=row.deposit_kind)
    if (
        (row.arrears_fee or row.arrears_period)
        and not amounts.get("arrears")
        and "arrears" not in errors
    ):
        errors["arrears"] = DomainError("opening.arrears.missing")
    if errors or unit_id is None:
        return errors, []
    drafts = []
    # arrears of a known month fall due as that month's bill would have; arrears of no
    # stated month are overdue from the opening day (they are debts already)
    arrears_due = due_date(period, due_day) if period else as_of - timedelta(days=1)
    for name, kind in AMOUNT_FIELDS.items():
        amount = amounts.get(name)
        if amount is None:
            continue
        code_ = {ARREARS: fee_code or "", DEPOSIT: deposit_kind or ""}.get(kind, "")
        per = period if kind == ARREARS else ""
        drafts.append(
            OpeningDraft(
                id=opening_entry_id(estate_id, unit_id, kind, code_, per),
                unit_id=unit_id,
                kind=kind,
                fee_code=code_,
                period=per,
                amount=amount,
                due_date=arrears_due if kind == ARREARS else as_of,
                line=row.line,
            )
        )
    return errors, drafts
