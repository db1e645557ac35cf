"""Import units and their owners from a CSV or XLSX file: preview first, then all or nothing.

The file is read and every row checked before anything is written (`read_units_file`), so
the user sees each bad row with its line and reason; `apply_units_import` then writes the
whole file in the caller's transaction, or refuses a preview that has errors. Rows match
existing units on building + entrance + room (the unit's deterministic id), and only fields
whose value changed are recorded, so importing the same file again changes nothing.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, FieldErrors
from app.domain.units import (
    UnitInput,
    UnitValues,
    unit_short_code,
    validate_resident,
    validate_unit,
)
from app.progress import Progress
from app.services.units.records import ensure_building, unit_fields, unit_id_for
from app.store.base import new_id
from app.store.db import mark_changed
from app.store.models import Building, Resident, Unit
from app.store.recorder import bulk_create, recorder
from app.store.unit_search import search_index_deferred

if TYPE_CHECKING:
    from app.store.db import Database

# field -> accepted headers (compared after NFKC, trimming and lower-casing)
HEADERS: dict[str, tuple[str, ...]] = {
    "building": ("building", "楼栋", "楼号", "栋"),
    "entrance": ("entrance", "单元"),
    "room": ("room", "房号", "房间号", "室号"),
    "floor": ("floor", "楼层"),
    "area_m2": ("area_m2", "建筑面积", "area", "面积"),
    "kind": ("kind", "类型", "房屋类型"),
    "owner_name": ("owner_name", "业主姓名", "业主"),
    "owner_phone": ("owner_phone", "联系电话", "电话", "手机"),
    "handover_date": ("handover_date", "交房日期"),
    "vacant_since": ("vacant_since", "空置起始", "空置日期"),
    "vacancy_approved": ("vacancy_approved", "空置减免"),
}
REQUIRED = ("building", "room", "area_m2")
KINDS = {
    "residential": "residential",
    "住宅": "residential",
    "commercial": "commercial",
    "商业": "commercial",
    "商铺": "commercial",
    "": "residential",
}
YES_NO = {
    "yes": True, "y": True, "true": True, "1": True, "是": True,
    "no": False, "n": False, "false": False, "0": False, "否": False, "": False,
}  # fmt: skip
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]00:00(:00)?$")
MAX_ROWS = 200_000
# 200,000 rows of a units list are about 20 MB as CSV: a larger file is not one
MAX_FILE_BYTES = 40 * 2**20
MAX_UNPACKED_BYTES = 400 * 2**20
MAX_ZIP_RATIO = 200  # spreadsheets compress 5-20 times; bombs thousands of times
BATCH = 2000  # rows between two progress reports (and chances to cancel)


@dataclass
class ImportRow:
    """One data row: the cells as text (for the preview table) and, when valid, the values."""

    line: int
    building: str = ""
    entrance: str = ""
    room: str = ""
    floor: str = ""
    area_m2: str = ""
    kind: str = ""
    owner_name: str = ""
    owner_phone: str = ""
    handover_date: str = ""
    vacant_since: str = ""
    vacancy_approved: str = ""
    # the parsed unit when the row is valid; kept out of the dataclass fields, which are the
    # file's columns as text (what a preview table shows)
    _values = None  # not annotated: not a field

    @property
    def values(self) -> UnitValues | None:
        return self._values

    @property
    def short_code(self) -> str:
        return unit_short_code(self.building, self.entrance, self.room)


@dataclass(frozen=True)
class RowError:
    line: int  # 1-based line (CSV) or row (XLSX) of the file; 1 is the header
    column: str  # the column's header as written in the file, or the field name
    error: DomainError  # what is wrong, as a code the UI words


@dataclass
class ImportPreview:
    path: Path
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    encoding: str = ""  # what a CSV was read as ("" for XLSX)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


class ImportRefused(DomainError):
    """apply_units_import was given a preview with errors; nothing was written."""

    def __init__(self, problems: int, file: str) -> None:
        super().__init__("import.refused", problems=problems, file=file)


# ---- reading ----


def read_units_file(path: Path | str) -> ImportPreview:
    """Read and check a CSV or XLSX file of units. Never raises for bad content: a file that
    cannot be read at all is reported as an error on line 0."""
    path = Path(path)
    preview = ImportPreview(path=path)
    try:
        check_file_size(path)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            check_zip(path)
            table = _xlsx_rows(path)
        else:
            table, preview.encoding = _csv_rows(path.read_bytes())
    except DomainError as error:
        preview.errors.append(RowError(0, "", error))
        return preview
    except Exception as error:  # OSError, csv.Error; openpyxl raises assorted errors
        detail = str(error) or type(error).__name__
        preview.errors.append(RowError(0, "", DomainError("import.file.unreadable", detail=detail)))
        return preview
    _check(table, preview)
    return preview


def check_file_size(path: Path) -> None:
    """A file larger than any estate's units list is refused before it is read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DomainError("import.file.too_large", max_mb=MAX_FILE_BYTES // 2**20)


def check_zip(path: Path) -> None:
    """An XLSX is a zip: refuse one that would unpack to far more than it holds (a zip
    bomb) before openpyxl inflates it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as error:
        raise DomainError("import.file.unreadable", detail=str(error)) from error
    unpacked = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_ZIP_RATIO:
        raise DomainError("import.file.zip_bomb", max_mb=MAX_UNPACKED_BYTES // 2**20)


def _csv_rows(data: bytes) -> tuple[list[tuple[int, list]], str]:
    text, encoding = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    for cells in reader:
        rows.append((line, cells))
        line = reader.line_num + 1
        if len(rows) > MAX_ROWS + 1:
            raise DomainError("import.file.too_many_rows", max=MAX_ROWS)
    return rows, encoding


def _decode(data: bytes) -> tuple[str, str]:
    """Office spreadsheets save CSV as UTF-8 (with or without BOM), GBK/GB18030 or UTF-16."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK and GB2312, what Excel saves on a Chinese Windows
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DomainError("import.file.encoding_unknown")
    return str(best), best.encoding


def _xlsx_rows(path: Path) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, list(cells)))
            if len(rows) > MAX_ROWS + 1:
                raise DomainError("import.file.too_many_rows", max=MAX_ROWS)
        return rows
    finally:
        workbook.close()


def _cell_text(value) -> str:
    """A cell as text: Excel numbers without a spurious ".0", dates as YYYY-MM-DD,
    full-width digits and letters as ASCII."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def _header_key(text: str) -> str:
    return _cell_text(text).lower().replace(" ", "").replace("(m2)", "")


_BY_HEADER = {_header_key(h): name for name, headers in HEADERS.items() for h in headers}


def _check(table: list[tuple[int, list]], preview: ImportPreview) -> None:
    table = [(line, cells) for line, cells in table if any(_cell_text(c) for c in cells)]
    if not table:
        preview.errors.append(RowError(1, "", DomainError("import.file.empty")))
        return
    header_line, header = table[0]
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    for index, cell in enumerate(header):
        name = _BY_HEADER.get(_header_key(cell))
        if name and name not in columns:
            columns[name] = index
            labels[name] = _cell_text(cell)
    missing = [name for name in REQUIRED if name not in columns]
    for name in missing:
        accepted = " / ".join(HEADERS[name][:2])
        preview.errors.append(
            RowError(header_line, name, DomainError("import.column.missing", column=accepted))
        )
    if missing:
        return
    seen: dict[tuple[str, str, str], int] = {}
    for line, cells in table[1:]:
        row = ImportRow(line=line)
        for name, index in columns.items():
            setattr(row, name, _cell_text(cells[index]) if index < len(cells) else "")
        errors = _check_row(row)
        for name, error in sorted(errors.items(), key=lambda e: columns.get(e[0], 99)):
            preview.errors.append(RowError(line, labels.get(name, name), error))
        if row.values is not None:
            key = (row.values.building, row.values.entrance, row.values.room)
            if key in seen:
                preview.errors.append(
                    RowError(
                        line, labels["room"], DomainError("import.row.duplicate", line=seen[key])
                    )
                )
            else:
                seen[key] = line
        preview.rows.append(row)
    if not preview.rows:
        preview.errors.append(RowError(header_line, "", DomainError("import.file.no_rows")))


def _clean_building(text: str) -> str:
    return f"{text}栋" if text.isdigit() else text  # "3" is written 3栋 everywhere else


def _clean_date(text: str) -> str:
    match = _DATE.match(text)
    if match:
        year, month, day = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    match = _DATE_TIME.match(text)
    return match.group(1) if match else text


def _check_row(row: ImportRow) -> dict[str, DomainError]:
    errors: dict[str, DomainError] = {}
    kind = KINDS.get(row.kind.lower())
    if kind is None:
        errors["kind"] = DomainError("import.kind.unknown")
    approved = YES_NO.get(row.vacancy_approved.lower())
    if approved is None:
        errors["vacancy_approved"] = DomainError("import.vacancy.unknown")
    data = UnitInput(
        building=_clean_building(row.building),
        entrance=row.entrance.removesuffix("单元"),
        room=re.sub(r"[室号]$", "", row.room),
        floor=row.floor.removesuffix("层").removesuffix("F"),
        area_m2=row.area_m2.removesuffix("m2").strip(),
        kind=kind or "residential",
        handover_date=_clean_date(row.handover_date),
        vacant_since=_clean_date(row.vacant_since),
        vacancy_approved=bool(approved),
    )
    values = None
    try:
        values = validate_unit(data)
    except FieldErrors as error:
        errors.update(error.errors)
    if values and values.vacant_since and values.vacant_since > date.today():
        errors["vacant_since"] = DomainError("import.vacant_since.future")
    phone = row.owner_phone.replace(" ", "")
    if row.owner_name or phone:
        owner_errors = validate_resident(row.owner_name, phone, "owner")
        if "name" in owner_errors:
            errors["owner_name"] = DomainError("import.owner.name_required")
        if "phone" in owner_errors:
            errors["owner_phone"] = owner_errors["phone"]
    row.owner_phone = phone
    if not errors:
        row._values = values
    return errors


# ---- writing ----


def apply_units_import(
    session: Session, estate_id: str, preview: ImportPreview, progress: Progress | None = None
) -> ImportResult:
    """Write a checked file in the caller's transaction: all rows or, on any error, none.

    ``progress`` hears of every batch of rows and may cancel between them (``Cancelled``):
    the caller's transaction then rolls back and nothing is written."""
    if not preview.ok:
        raise ImportRefused(len(preview.errors), preview.path.name)
    progress = progress or Progress()
    steps = 2 * len(preview.rows)  # comparing the rows, then writing the new ones
    progress.step(0, steps)
    rec = recorder(session)
    created = updated = unchanged = 0
    with search_index_deferred(session) as search:
        buildings: dict[str, Building] = {}
        for name in sorted({row.values.building for row in preview.rows}):
            buildings[name] = ensure_building(session, estate_id, name)
        ids = {
            unit_id_for(estate_id, r.values.building, r.values.entrance, r.values.room): r
            for r in preview.rows
        }
        existing = _load(session, Unit, Unit.id, list(ids))
        owners: dict[str, dict[str, Resident]] = {}
        for resident in _load(session, Resident, Resident.unit_id, list(existing)).values():
            if not resident.deleted:
                owners.setdefault(resident.unit_id, {})[resident.name] = resident
        new_units, new_residents = [], []
        for done, (unit_id, row) in enumerate(ids.items()):
            if done % BATCH == 0:
                progress.step(done, steps)
            fields = unit_fields(row.values, buildings[row.values.building].id)
            unit = existing.get(unit_id)
            changed = False
            if unit is None:
                new_units.append({"id": unit_id, "estate_id": estate_id, **fields})
                created += 1
            else:
                if unit.deleted:
                    fields["deleted"] = False
                changed = bool(rec.update(unit, **fields))
            if row.owner_name:
                resident = owners.get(unit_id, {}).get(row.owner_name)
                if resident is None:
                    new_residents.append(_owner_row(estate_id, unit_id, row))
                    changed = True
                elif row.owner_phone and rec.update(resident, phone=row.owner_phone):
                    changed = True
            if unit is not None:
                if changed:
                    updated += 1
                    search.touch([unit_id])
                else:
                    unchanged += 1
        done, steps = len(ids), len(ids) + len(new_units) + len(new_residents)
        for model, rows in ((Unit, new_units), (Resident, new_residents)):
            for start in range(0, len(rows), BATCH):
                progress.step(done, steps)
                batch = rows[start : start + BATCH]
                bulk_create(session, model, batch)
                mark_changed(session, model.__tablename__, [r["id"] for r in batch])
                done += len(batch)
        progress.step(steps, steps)
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


def import_units(
    db: Database, estate_id: str, preview: ImportPreview, progress: Progress | None = None
) -> ImportResult:
    """Operation: write a checked file in a unit of work of its own (all or nothing)."""
    with db.session() as session:
        return apply_units_import(session, estate_id, preview, progress)


def _owner_row(estate_id: str, unit_id: str, row: ImportRow) -> dict:
    return {
        "id": new_id(),
        "estate_id": estate_id,
        "unit_id": unit_id,
        "role": "owner",
        "name": row.owner_name,
        "phone": row.owner_phone,
        "id_number": "",
        "note": "",
    }


def _load(session: Session, model, column, keys: list[str]) -> dict:
    """Rows whose ``column`` is in ``keys``, by id, in chunks SQLite accepts."""
    found = {}
    for start in range(0, len(keys), 900):
        for obj in session.scalars(select(model).where(column.in_(keys[start : start + 900]))):
            found[obj.id] = obj
    return found
