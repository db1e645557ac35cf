"""The day-end closing sheet (日结交班单): HTML for the fee desk's one renderer, so the
preview, the printer and the PDF show the same page (``ui.fees.printing``)."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from app.domain.money import ZERO
from app.services.fees.closing import DaySummary, MethodTotals
from ui import formats
from ui.fees.labels import word
from ui.fees.printing import _STYLE, _header, print_preview, write_pdf

__all__ = ["closing_sheet_html", "print_preview", "suggested_sheet_path", "write_pdf"]

translate = QCoreApplication.translate  # literal calls, so lupdate finds them


def _words() -> dict[str, str]:
    return {
        "title": translate("ClosingSheet", "Day-end closing sheet"),
        "draft": translate("ClosingSheet", "Not closed yet: draft"),
        "cashier": translate("ClosingSheet", "Cashier (handing over)"),
        "taken_over": translate("ClosingSheet", "Taken over by"),
        "day": translate("ClosingSheet", "Day"),
        "closed_at": translate("ClosingSheet", "Closed at"),
        "receipts": translate("ClosingSheet", "Receipt numbers"),
        "entries": translate("ClosingSheet", "Entries"),
        "method": translate("ClosingSheet", "Method"),
        "taken": translate("ClosingSheet", "Taken"),
        "refunded": translate("ClosingSheet", "Refunded"),
        "reversed": translate("ClosingSheet", "Reversed"),
        "deposits_in": translate("ClosingSheet", "Deposits taken"),
        "deposits_out": translate("ClosingSheet", "Deposits refunded"),
        "parking": translate("ClosingSheet", "Temporary parking"),
        "net": translate("ClosingSheet", "Net"),
        "total": translate("ClosingSheet", "Total"),
        "cash": translate("ClosingSheet", "Cash"),
        "float": translate("ClosingSheet", "Opening float"),
        "cash_net": translate("ClosingSheet", "Cash in less cash out"),
        "expected": translate("ClosingSheet", "Cash expected"),
        "counted": translate("ClosingSheet", "Cash counted"),
        "difference": translate("ClosingSheet", "Difference"),
        "surplus": translate("ClosingSheet", "surplus"),
        "shortage": translate("ClosingSheet", "shortage"),
        "explanation": translate("ClosingSheet", "Explanation"),
        "sign_out": translate("ClosingSheet", "Handed over (signature)"),
        "sign_in": translate("ClosingSheet", "Taken over (signature)"),
        "sign_lead": translate("ClosingSheet", "Finance lead (signature)"),
    }


def difference_text(difference: Decimal) -> str:
    """ "+0.50 (surplus)", "-0.05 (shortage)" or "0.00" (长款 / 短款)."""
    w = _words()
    if difference > 0:
        return f"+{formats.money(difference)} ({w['surplus']})"
    if difference < 0:
        return f"{formats.money(difference)} ({w['shortage']})"
    return formats.money(ZERO)


def _row(cells: list[str], head: bool = False, numbers_from: int = 1) -> str:
    tag = "th" if head else "td"
    parts = []
    for i, cell in enumerate(cells):
        css = " class='num'" if i >= numbers_from else ""
        parts.append(f"<{tag}{css}>{escape(cell)}</{tag}>")
    return "<tr>" + "".join(parts) + "</tr>"


def _method_rows(methods: tuple[MethodTotals, ...], w: dict[str, str]) -> list[str]:
    fields = ("taken", "refunded", "reversed", "deposits_in", "deposits_out", "parking")
    rows = [_row([w["method"], *(w[f] for f in fields), w["net"]], head=True)]
    for m in methods:
        rows.append(
            _row(
                [
                    word(m.method),
                    *(formats.money(getattr(m, f)) for f in fields),
                    formats.money(m.net),
                ]
            )
        )
    totals = [sum((getattr(m, f) for m in methods), ZERO) for f in fields]
    net = sum((m.net for m in methods), ZERO)
    rows.append(
        _row([w["total"], *(formats.money(t) for t in totals), formats.money(net)], head=True)
    )
    return rows


def closing_sheet_html(estate_name: str, summary: DaySummary, tz: str = "Asia/Shanghai") -> str:
    """The sheet of a closed day shows the figures recorded when it was closed; a day not
    closed yet prints as a draft of its figures so far."""
    w = _words()
    closed = summary.closing
    methods = closed.methods if closed else summary.methods
    first = closed.first_receipt if closed else summary.first_receipt
    last = closed.last_receipt if closed else summary.last_receipt
    receipts = f"{first} – {last}" if first else "—"
    info = [
        (w["day"], summary.day.isoformat(), w["cashier"], summary.cashier),
        (
            w["closed_at"],
            formats.local_time(closed.closed_at, tz) if closed else w["draft"],
            w["taken_over"],
            closed.taken_over_by if closed else "",
        ),
        (
            w["receipts"],
            receipts,
            w["entries"],
            str(closed.entries if closed else summary.entries),
        ),
    ]
    body = [_STYLE, _header(estate_name, w["title"], summary.day.isoformat())]
    body.append("<table width='100%' cellspacing='0'>")
    for a, b, c, d in info:
        body.append(
            f"<tr><th>{escape(a)}</th><td>{escape(b)}</td>"
            f"<th>{escape(c)}</th><td>{escape(d)}</td></tr>"
        )
    body.append("</table><br><table width='100%' cellspacing='0'>")
    body.extend(_method_rows(methods, w))
    body.append("</table><br><table width='100%' cellspacing='0'>")
    cash = next((m for m in methods if m.method == "cash"), MethodTotals("cash"))
    opening = closed.opening_float if closed else summary.opening_float
    expected = closed.cash_expected if closed else summary.cash_expected
    cash_rows = [
        (w["float"], formats.money(opening)),
        (w["cash_net"], formats.money(cash.net)),
        (w["expected"], formats.money(expected)),
        (w["counted"], formats.money(closed.cash_counted) if closed else ""),
        (w["difference"], difference_text(closed.difference) if closed else ""),
    ]
    for label, value in cash_rows:
        body.append(f"<tr><th>{escape(label)}</th><td class='num big'>{escape(value)}</td></tr>")
    if closed and closed.explanation:
        body.append(
            f"<tr><th>{escape(w['explanation'])}</th><td>{escape(closed.explanation)}</td></tr>"
        )
    body.append("</table><br>")
    body.append(
        "<table width='100%' style='border:none'><tr>"
        + "".join(
            f"<td style='border:none' class='head'>{escape(w[k])}: ____________</td>"
            for k in ("sign_out", "sign_in", "sign_lead")
        )
        + "</tr></table>"
    )
    return "".join(body)


def suggested_sheet_path(cashier: str, day) -> Path:
    """Where the user keeps documents, named by the day and cashier (never the program's
    working directory)."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    name = translate("ClosingSheet", "Day-end %1 %2.pdf").replace("%1", day.isoformat())
    return Path(folder) / name.replace("%2", "".join(c for c in cashier if c not in '\\/:*?"<>|'))
