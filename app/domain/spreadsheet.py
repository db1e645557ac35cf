"""Cells that are safe to open in Excel or LibreOffice (formula injection).

A text cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some programs strip before looking) is read as a formula by spreadsheet programs, so a
resident's name typed as ``=HYPERLINK(...)`` would run when the export is opened. Such a
cell is written with a leading apostrophe, which the program shows as plain text (OWASP's
advice for CSV injection). Numbers, dates and money stay typed values: only text is
changed, and a signed number written as text ("-20.00") is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# a signed plain number ("-20.00", an amount written as text) computes nothing: kept as it is
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value: Any) -> Any:
    """The value as it may be written to a spreadsheet cell."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


def neutralise_sheet(sheet) -> None:
    """Every text cell of a filled worksheet (openpyxl) made safe, just before saving."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = safe_cell(cell.value)
