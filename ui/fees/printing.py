"""Printed receipts (收据) and reminder letters (催缴通知书): HTML for one renderer that
feeds the print preview, the printer and the PDF (``ui.widgets.printing``)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication

from app.services.fees.account import ReceiptView
from app.services.fees.reports import ArrearsRow
from ui import formats
from ui.fees.labels import word
from ui.widgets.printing import print_preview, write_pdf

__all__ = ["print_preview", "receipt_html", "reminder_letters_html", "write_pdf"]

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
        "amount": QCoreApplication.translate("FeePrint", "Amount"),
        "advance_payment_credit": QCoreApplication.translate(
            "FeePrint", "Advance payment (credit)"
        ),
        "total": QCoreApplication.translate("FeePrint", "Total"),
        "in_words": QCoreApplication.translate("FeePrint", "Total in capital numerals"),
        "cashier_signature": QCoreApplication.translate("FeePrint", "Cashier signature"),
        "days": QCoreApplication.translate("FeePrint", "days"),
        "payment_reminder": QCoreApplication.translate("FeePrint", "Payment reminder"),
        "overdue": QCoreApplication.translate("FeePrint", "Overdue"),
    }


def receipt_html(receipt: ReceiptView, tz: str = "Asia/Shanghai") -> str:
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
        _STYLE,
        _header(
            receipt.estate_name,
            title,
            f"{w['no']} {receipt.receipt_no}",
        ),
        "<table width='100%' cellspacing='0'>",
    ]
    for a, b, c, d in rows:
        body.append(
            f"<tr><th>{escape(a)}</th><td>{escape(b)}</td><th>{escape(c)}</th><td>{escape(d)}</td></tr>"
        )
    body.append("</table><br><table width='100%' cellspacing='0'>")
    body.append(
        f"<tr><th>{escape(w['period'])}</th><th>{escape(w['item'])}</th>"
        f"<th class='num'>{escape(w['amount'])}</th></tr>"
    )
    for period, code, amount in receipt.lines:
        body.append(
            f"<tr><td>{escape(period)}</td><td>{escape(word(code))}</td>"
            f"<td class='num'>{escape(formats.money(amount))}</td></tr>"
        )
    applied = sum((a for _, _, a in receipt.lines), receipt.amount * 0)
    if receipt.amount - applied:
        body.append(
            f"<tr><td></td><td>{escape(w['advance_payment_credit'])}</td>"
            f"<td class='num'>{escape(formats.money(receipt.amount - applied))}</td></tr>"
        )
    body.append(
        f"<tr><th colspan='2'>{escape(w['total'])}</th>"
        f"<td class='num big'>{escape(formats.money(receipt.amount))}</td></tr>"
        f"<tr><th colspan='2'>{escape(w['in_words'])}</th>"
        f"<td class='num'>{escape(receipt.amount_in_words)}</td></tr></table>"
    )
    balance = receipt.balance_after
    state = (
        QCoreApplication.translate("FeePrint", "Balance still owed")
        if balance > 0
        else QCoreApplication.translate("FeePrint", "Credit balance")
    )
    body.append(f"<p>{escape(state)}: {escape(formats.money(abs(balance)))}</p>")
    body.append(f"<p class='head'>{escape(w['cashier_signature'])}: ________________</p>")
    return "".join(body)


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
