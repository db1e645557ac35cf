"""Printed receipts (收据) and reminder letters (催缴通知书): HTML for one renderer that
feeds the print preview, the printer and the PDF (``ui.widgets.printing``).

A receipt prints on A4 or on the common three-part receipt paper (241 × 93 mm, 针式打印机
三联), the desk's choice in Settings (``receipt_paper``); it shows the total in capital
numerals (大写) beside the figures and each line's quantity × rate and period."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.domain.fees import AREA_MONTH, AREA_ONCE, DEFAULT_SCHEDULE, SHARED_BY_AREA
from app.domain.money import format_rate
from app.services.fees.account import ReceiptLine, ReceiptView
from app.services.fees.parking import StayRow
from app.services.fees.reports import ArrearsRow
from ui import formats
from ui.fees.labels import word
from ui.i18n import app_settings
from ui.widgets.printing import document, print_preview, write_pdf

__all__ = [
    "PAPERS",
    "print_preview",
    "receipt_html",
    "receipt_paper",
    "receipt_preview",
    "reminder_letters_html",
    "set_receipt_paper",
    "stay_receipt_html",
    "write_pdf",
    "write_receipt_pdf",
]

# ---- paper ----

A4 = "a4"
THREE_PART = "three_part"  # 241 × 93 mm continuous paper of a dot-matrix printer
PAPERS = (A4, THREE_PART)
PAPER_KEY = "fees/receipt_paper"  # a desk setting: the printer is this computer's
THREE_PART_MM = QSizeF(241, 93)


def receipt_paper() -> str:
    chosen = app_settings().value(PAPER_KEY, A4)
    return chosen if chosen in PAPERS else A4


def set_receipt_paper(paper: str) -> None:
    settings = app_settings()
    settings.setValue(PAPER_KEY, paper if paper in PAPERS else A4)
    settings.sync()


def paper_name(paper: str) -> str:
    if paper == THREE_PART:
        return QCoreApplication.translate(
            "FeePrint", "Three-part receipt paper 241 × 93 mm (dot-matrix)"
        )
    return QCoreApplication.translate("FeePrint", "A4")


def page_layout(paper: str) -> QPageLayout:
    if paper == THREE_PART:
        return QPageLayout(
            QPageSize(THREE_PART_MM, QPageSize.Unit.Millimeter, "241x93", QPageSize.ExactMatch),
            QPageLayout.Orientation.Portrait,
            QMarginsF(8, 5, 8, 5),
            QPageLayout.Unit.Millimeter,
        )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15),
        QPageLayout.Unit.Millimeter,
    )


def _printer(paper: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(paper))
    return printer


def _receipt_document(html: str, printer: QPrinter) -> QTextDocument:
    """Laid out on the page inside the paper's margins: no extra margin of the document's
    own and no page number, so a receipt fits the 93 mm of the three-part paper."""
    doc = document(html)
    doc.setDocumentMargin(0)
    doc.setPageSize(printer.pageRect(QPrinter.Unit.Point).size())
    return doc


def write_receipt_pdf(html: str, path: Path | str, paper: str) -> Path:
    """The receipt as the printer prints it on ``paper``, to a PDF file."""
    printer = _printer(paper)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(page_layout(paper))
    _receipt_document(html, printer).print_(printer)
    return Path(path)


def receipt_preview(
    parent: QWidget | None, html: str, title: str, paper: str
) -> QPrintPreviewDialog:
    """Qt's print dialog with preview, set to the receipt paper chosen in Settings."""
    printer = _printer(paper)
    doc = _receipt_document(html, printer)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(doc.print_)
    dialog._document = doc  # kept alive as long as the dialog
    return dialog


# ---- HTML ----

_STYLE = """
<style>
 body { font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif; font-size: 10pt; }
 h1 { font-size: 16pt; text-align: center; margin: 4px 0; }
 .head { color: #444; font-size: 9pt; }
 table { border-collapse: collapse; width: 100%; }
 td, th { border: 1px solid #333; padding: 4px 6px; }
 th { background: #eef1f4; text-align: left; }
 .num { text-align: right; }
 .big { font-size: 13pt; font-weight: bold; }
</style>
"""
# the three-part paper is 83 mm high inside its margins: smaller type, tighter cells
_STYLE_THREE_PART = """
<style>
 body { font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif; font-size: 8pt; }
 h1 { font-size: 11pt; text-align: center; margin: 0; }
 .head { color: #444; font-size: 7pt; }
 table { border-collapse: collapse; width: 100%; }
 td, th { border: 1px solid #333; padding: 1px 3px; }
 th { text-align: left; }
 .num { text-align: right; }
 .big { font-size: 9pt; font-weight: bold; }
 p { margin: 2px 0; }
</style>
"""


def _style(paper: str) -> str:
    return _STYLE_THREE_PART if paper == THREE_PART else _STYLE


def _header(estate_name: str, title: str, right: str = "") -> str:
    return (
        f"<table width='100%' style='border:none'><tr><td style='border:none' class='head'>{escape(estate_name)}"
        f"</td><td style='border:none;text-align:right' class='head'>{escape(right)}</td></tr>"
        f"</table><h1>{escape(title)}</h1>"
    )


def _words() -> dict[str, str]:
    """Words used inside f-strings, as literal calls so lupdate finds them."""
    return {
        "receipt": QCoreApplication.translate("FeePrint", "Receipt"),
        "no": QCoreApplication.translate("FeePrint", "No."),
        "period": QCoreApplication.translate("FeePrint", "Period"),
        "item": QCoreApplication.translate("FeePrint", "Item"),
        "quantity_rate": QCoreApplication.translate("FeePrint", "Quantity × rate"),
        "amount": QCoreApplication.translate("FeePrint", "Amount"),
        "advance_payment_credit": QCoreApplication.translate(
            "FeePrint", "Advance payment (credit)"
        ),
        "total": QCoreApplication.translate("FeePrint", "Total"),
        "in_words": QCoreApplication.translate("FeePrint", "Total in capital numerals"),
        "tendered": QCoreApplication.translate("FeePrint", "Cash tendered"),
        "entered": QCoreApplication.translate("FeePrint", "Entered"),
        "left": QCoreApplication.translate("FeePrint", "Left"),
        "change": QCoreApplication.translate("FeePrint", "Change"),
        "cashier_signature": QCoreApplication.translate("FeePrint", "Cashier signature"),
        "days": QCoreApplication.translate("FeePrint", "days"),
        "payment_reminder": QCoreApplication.translate("FeePrint", "Payment reminder"),
        "overdue": QCoreApplication.translate("FeePrint", "Overdue"),
    }


_BASIS = {item.code: item.basis for item in DEFAULT_SCHEDULE}


def quantity_rate(line: ReceiptLine) -> str:
    """89.50 ㎡ × 1.90 (by area), 1 × 260.00 (a space), 89.50 ㎡ (a share of a cost)."""
    if line.quantity is None:
        return ""
    by_area = _BASIS.get(line.fee_code) in (AREA_MONTH, AREA_ONCE, SHARED_BY_AREA)
    quantity = f"{line.quantity:,.2f} ㎡" if by_area else f"{line.quantity.normalize():f}"
    if not line.rate:
        return quantity if by_area else ""
    return f"{quantity} × {format_rate(line.rate)}"  # 1.90, or 1.2345 as the schedule states


def _money_rows(w: dict[str, str], amount: Decimal, words: str, tendered, change) -> list[str]:
    """The total in figures and in capital numerals (大写) on one row, then the cash."""
    rows = [
        f"<tr><th>{escape(w['in_words'])}</th><td colspan='2' class='big'>{escape(words)}</td>"
        f"<td class='num big'>{escape(formats.money(amount))}</td></tr>"
    ]
    if tendered is not None:
        rows.append(
            f"<tr><th>{escape(w['tendered'])}</th><td>{escape(formats.money(tendered))}</td>"
            f"<th>{escape(w['change'])}</th>"
            f"<td class='num'>{escape(formats.money(change))}</td></tr>"
        )
    return rows


def _info_table(rows: list[tuple[str, str, str, str]], paper: str = A4) -> str:
    """Label and value pairs, two a row on A4; on the three-part paper's 83 mm, three."""
    pairs = [pair for a, b, c, d in rows for pair in ((a, b), (c, d))]
    per_row = 3 if paper == THREE_PART else 2
    body = ["<table width='100%' cellspacing='0'>"]
    for start in range(0, len(pairs), per_row):
        cells = "".join(
            f"<th>{escape(label)}</th><td>{escape(value)}</td>"
            for label, value in pairs[start : start + per_row]
        )
        body.append(f"<tr>{cells}</tr>")
    body.append("</table>")
    return "".join(body)


def receipt_html(receipt: ReceiptView, tz: str = "Asia/Shanghai", paper: str = A4) -> str:
    w = _words()
    title = (
        QCoreApplication.translate("FeePrint", "Receipt")
        if receipt.kind == "payment"
        else f"{w['receipt']} ({word(receipt.kind)})"
    )
    rows = [
        (
            QCoreApplication.translate("FeePrint", "Receipt No."),
            receipt.receipt_no,
            QCoreApplication.translate("FeePrint", "Date"),
            formats.local_time(receipt.paid_at, tz),
        ),
        (
            QCoreApplication.translate("FeePrint", "Unit"),
            receipt.unit_code,
            QCoreApplication.translate("FeePrint", "Payer"),
            receipt.payer or "—",
        ),
        (
            QCoreApplication.translate("FeePrint", "Method"),
            word(receipt.method),
            QCoreApplication.translate("FeePrint", "Cashier"),
            receipt.cashier,
        ),
    ]
    body = [
        _style(paper),
        _header(receipt.estate_name, title, f"{w['no']} {receipt.receipt_no}"),
        _info_table(rows, paper),
        "<table width='100%' cellspacing='0'>",
        f"<tr><th>{escape(w['period'])}</th><th>{escape(w['item'])}</th>"
        f"<th>{escape(w['quantity_rate'])}</th><th class='num'>{escape(w['amount'])}</th></tr>",
    ]
    for line in receipt.lines:
        body.append(
            f"<tr><td>{escape(line.period)}</td><td>{escape(word(line.fee_code))}</td>"
            f"<td>{escape(quantity_rate(line))}</td>"
            f"<td class='num'>{escape(formats.money(line.amount))}</td></tr>"
        )
    applied = sum((line.amount for line in receipt.lines), receipt.amount * 0)
    if receipt.amount - applied:
        body.append(
            f"<tr><td></td><td colspan='2'>{escape(w['advance_payment_credit'])}</td>"
            f"<td class='num'>{escape(formats.money(receipt.amount - applied))}</td></tr>"
        )
    body.extend(
        _money_rows(w, receipt.amount, receipt.amount_in_words, receipt.tendered, receipt.change)
    )
    body.append("</table>")
    balance = receipt.balance_after
    state = (
        QCoreApplication.translate("FeePrint", "Balance still owed")
        if balance > 0
        else QCoreApplication.translate("FeePrint", "Credit balance")
    )
    body.append(
        f"<p>{escape(state)}: {escape(formats.money(abs(balance)))}&nbsp;&nbsp;&nbsp;"
        f"<span class='head'>{escape(w['cashier_signature'])}: ________________</span></p>"
    )
    return "".join(body)


def _duration(entered: datetime, left: datetime) -> str:
    minutes = int((left - entered).total_seconds() // 60)
    return (
        QCoreApplication.translate("FeePrint", "%1 h %2 min")
        .replace("%1", str(minutes // 60))
        .replace("%2", f"{minutes % 60:02d}")
    )


def stay_receipt_html(stay: StayRow, tz: str = "Asia/Shanghai", paper: str = A4) -> str:
    """The receipt of a temporary parking stay (临时停车收据)."""
    w = _words()
    rows = [
        (
            QCoreApplication.translate("FeePrint", "Receipt No."),
            stay.receipt_no,
            QCoreApplication.translate("FeePrint", "Date"),
            formats.local_time(stay.taken_at, tz),
        ),
        (
            QCoreApplication.translate("FeePrint", "Plate"),
            stay.plate,
            QCoreApplication.translate("FeePrint", "Method"),
            word(stay.method),
        ),
    ]
    body = [
        _style(paper),
        _header(
            stay.estate_name,
            QCoreApplication.translate("FeePrint", "Temporary parking receipt"),
            f"{w['no']} {stay.receipt_no}",
        ),
        _info_table(rows, paper),
        "<table width='100%' cellspacing='0'>",
        f"<tr><th>{escape(w['entered'])}</th><th>{escape(w['left'])}</th>"
        f"<th>{escape(w['quantity_rate'])}</th><th class='num'>{escape(w['amount'])}</th></tr>",
        f"<tr><td>{escape(formats.local_time(stay.entered, tz))}</td>"
        f"<td>{escape(formats.local_time(stay.left, tz))}</td>"
        f"<td>{escape(_duration(stay.entered, stay.left))}: 1 × {stay.rate:,.2f}</td>"
        f"<td class='num'>{escape(formats.money(stay.amount))}</td></tr>",
    ]
    body.extend(_money_rows(w, stay.amount, stay.amount_in_words, stay.tendered, stay.change))
    body.append("</table>")
    body.append(
        f"<p class='head'>{escape(QCoreApplication.translate('FeePrint', 'Cashier'))}: "
        f"{escape(stay.cashier)}&nbsp;&nbsp;&nbsp;{escape(w['cashier_signature'])}: "
        "________________</p>"
    )
    return "".join(body)


# ---- saving a PDF ----


def pdf_file_name(receipt_no: str) -> str:
    """收据-03-000127.pdf in Chinese, receipt-03-000127.pdf in English."""
    stem = QCoreApplication.translate("FeePrint", "receipt")
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in receipt_no)
    return f"{stem}-{safe}.pdf"


def suggested_pdf_path(receipt_no: str) -> Path:
    """Where a receipt's PDF is offered: the user's documents folder, named by its number
    (never the program's working directory)."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / pdf_file_name(receipt_no)


def reminder_letters_html(estate_name: str, rows: list[ArrearsRow], on: date) -> str:
    """One letter per debtor, each on its own page."""
    w = _words()
    pages = []
    for row in rows:
        owner = row.owner or QCoreApplication.translate("FeePrint", "Owner")
        text = (
            QCoreApplication.translate(
                "FeePrint",
                "Dear %1, our records show that unit %2 owes overdue property fees "
                "of %3. Please pay at the customer service centre, or by WeChat "
                "Pay or bank transfer, within 7 days. If you have already paid, please ignore this "
                "letter. Thank you for your support.",
            )
            .replace("%1", owner)
            .replace("%2", row.unit_code)
            .replace("%3", formats.money(row.net))
        )
        lines = "".join(
            f"<tr><td>{escape(bucket)} {escape(w['days'])}</td>"
            f"<td class='num'>{escape(formats.money(amount))}</td></tr>"
            for bucket, amount in row.buckets.items()
            if amount
        )
        pages.append(
            f"{_header(estate_name, w['payment_reminder'], on.isoformat())}"
            f"<p>{escape(text)}</p><table width='100%' cellspacing='0'><tr><th>{escape(w['overdue'])}</th>"
            f"<th class='num'>{escape(w['amount'])}</th></tr>{lines}</table>"
            f"<p style='text-align:right'>{escape(estate_name)}<br>{on.isoformat()}</p>"
        )
    separator = "<p style='page-break-after: always'></p>"
    return _STYLE + separator.join(pages)
