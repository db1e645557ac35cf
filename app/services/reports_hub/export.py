"""A hub report to XLSX: one sheet per estate, the report's title, estate and period
above its table; numbers stay numbers (money with two decimals), times in the estate's
time zone. A text cell that a spreadsheet would run as a formula is written as plain text
(``app.domain.spreadsheet``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from app.domain.spreadsheet import safe_cell as neutralise
from app.services.reports_hub import DAY, INT, MONEY, PERCENT, SCORE, TIME, Report

FORMATS = {
    MONEY: "#,##0.00",
    PERCENT: "0.00",
    SCORE: "0.0",
    DAY: "yyyy-mm-dd",
    TIME: "yyyy-mm-dd hh:mm",
    INT: "#,##0",
}


def _sheet_title(name: str, taken: set[str]) -> str:
    base = "".join("_" if c in "[]:*?/\\" else c for c in name)[:28] or "Sheet"
    title, n = base, 1
    while title in taken:
        n += 1
        title = f"{base[:26]}-{n}"
    taken.add(title)
    return title


def cell_value(kind: str, value, words: Callable[[str], str], zone: ZoneInfo):
    if value is None:
        return None
    if kind == "code":
        return neutralise(words(value)) if value else ""
    if kind == TIME and isinstance(value, datetime):
        return value.astimezone(zone).replace(tzinfo=None)
    if isinstance(value, (int, Decimal, date, datetime, float)) and not isinstance(value, bool):
        return value
    return neutralise(str(value))


def write_xlsx(
    report: Report,
    path: Path | str,
    words: Callable[[str], str],
    title: str,
    tz: str = "Asia/Shanghai",
) -> Path:
    """``words`` turns a message code (column titles, coded cells) into the user's words."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    zone = ZoneInfo(tz)
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    period = f"{report.period.start.isoformat()} – {report.period.end.isoformat()}"
    for part in report.parts:
        sheet = book.create_sheet(_sheet_title(part.estate_name or part.estate_id, taken))
        sheet.append([neutralise(title)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([neutralise(part.estate_name), period])
        sheet.append([])
        sheet.append([neutralise(words(c.code)) for c in part.columns])
        for cell in sheet[4]:
            cell.font = Font(bold=True)
        for row in part.rows:
            sheet.append(
                [cell_value(c.kind, v, words, zone) for c, v in zip(part.columns, row, strict=True)]
            )
        for index, column in enumerate(part.columns, start=1):
            fmt = FORMATS.get(column.kind)
            letter = sheet.cell(row=4, column=index).column_letter
            sheet.column_dimensions[letter].width = max(10, min(40, len(words(column.code)) + 6))
            if fmt:
                for (cell,) in sheet.iter_rows(min_row=5, min_col=index, max_col=index):
                    cell.number_format = fmt
        sheet.freeze_panes = "A5"
    target = Path(path)
    book.save(target)
    return target
