"""Translated words for fee codes, payment methods and the fee services' messages."""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.labels import message as shared_message
from ui.labels import translated_message

_WORDS = {
    "mgmt_residential": QT_TRANSLATE_NOOP("FeeWords", "Residential management fee"),
    "mgmt_commercial": QT_TRANSLATE_NOOP("FeeWords", "Commercial management fee"),
    "utilities_shared": QT_TRANSLATE_NOOP("FeeWords", "Shared water and electricity"),
    "renovation": QT_TRANSLATE_NOOP("FeeWords", "Renovation management fee"),
    "parking_shared": QT_TRANSLATE_NOOP("FeeWords", "Shared parking space"),
    "parking_dedicated": QT_TRANSLATE_NOOP("FeeWords", "Dedicated parking space"),
    "parking_open": QT_TRANSLATE_NOOP("FeeWords", "Open-air parking"),
    "parking_temporary": QT_TRANSLATE_NOOP("FeeWords", "Temporary parking"),
    "late_fee": QT_TRANSLATE_NOOP("FeeWords", "Late fee"),
    "deposit_renovation": QT_TRANSLATE_NOOP("FeeWords", "Renovation deposit"),
    "deposit_pass": QT_TRANSLATE_NOOP("FeeWords", "Pass deposit"),
    "deposit_ic_card": QT_TRANSLATE_NOOP("FeeWords", "IC card deposit"),
    # payment methods
    "cash": QT_TRANSLATE_NOOP("FeeWords", "Cash"),
    "wechat": QT_TRANSLATE_NOOP("FeeWords", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("FeeWords", "Alipay"),
    "bank_card": QT_TRANSLATE_NOOP("FeeWords", "Bank card"),
    "bank_transfer": QT_TRANSLATE_NOOP("FeeWords", "Bank transfer"),
    # payment kinds
    "payment": QT_TRANSLATE_NOOP("FeeWords", "Payment"),
    "refund": QT_TRANSLATE_NOOP("FeeWords", "Refund"),
    "reversal": QT_TRANSLATE_NOOP("FeeWords", "Reversal"),
    # reminder methods
    "phone": QT_TRANSLATE_NOOP("FeeWords", "Phone"),
    "letter": QT_TRANSLATE_NOOP("FeeWords", "Letter"),
    "notice": QT_TRANSLATE_NOOP("FeeWords", "Notice"),
    # bases
    "area_month": QT_TRANSLATE_NOOP("FeeWords", "per m² per month"),
    "space_month": QT_TRANSLATE_NOOP("FeeWords", "per space per month"),
    "area_once": QT_TRANSLATE_NOOP("FeeWords", "per m², once"),
    "per_stay": QT_TRANSLATE_NOOP("FeeWords", "per stay of 1–12 h"),
    "shared_by_area": QT_TRANSLATE_NOOP("FeeWords", "actual cost shared by area"),
    "deposit": QT_TRANSLATE_NOOP("FeeWords", "refundable deposit"),
}


# the domain's rounding rule, shown in the fee rules box (context "FeeRules")
_RULES = [
    QT_TRANSLATE_NOOP(
        "FeeRules",
        "Every bill line is computed exactly and rounded once, half up (ROUND_HALF_UP) to "
        "0.01 yuan. Shared costs are split by floor area with the largest-remainder method, "
        "so the parts always add up exactly to the total.",
    ),
]


def word(code: str) -> str:
    text = _WORDS.get(code)
    return QCoreApplication.translate("FeeWords", text) if text else code


_MESSAGES = [
    QT_TRANSLATE_NOOP("FeeMessages", "Enter the amount in yuan, e.g. 170.05"),
    QT_TRANSLATE_NOOP("FeeMessages", "The amount must be more than 0"),
    QT_TRANSLATE_NOOP("FeeMessages", "Use at most two decimals (fen)"),
    QT_TRANSLATE_NOOP("FeeMessages", "The amount is too large for one payment"),
    QT_TRANSLATE_NOOP("FeeMessages", "Choose how the resident pays"),
    QT_TRANSLATE_NOOP("FeeMessages", "Say why the payment is reversed"),
    QT_TRANSLATE_NOOP("FeeMessages", "Only a payment can be reversed"),
    QT_TRANSLATE_NOOP("FeeMessages", "Say why the credit is refunded"),
    QT_TRANSLATE_NOOP("FeeMessages", "Choose the kind of deposit"),
    QT_TRANSLATE_NOOP("FeeMessages", "Choose phone, letter or notice"),
    QT_TRANSLATE_NOOP("FeeMessages", "Enter the rate in yuan, e.g. 1.90"),
    QT_TRANSLATE_NOOP("FeeMessages", "The rate cannot be negative"),
    QT_TRANSLATE_NOOP("FeeMessages", "Enter the date as YYYY-MM-DD, e.g. 2026-07-01"),
    QT_TRANSLATE_NOOP("FeeMessages", "Enter the month's shared cost in yuan, e.g. 10000.00"),
    QT_TRANSLATE_NOOP("FeeMessages", "The shared cost must be more than 0"),
    QT_TRANSLATE_NOOP("FeeMessages", "No handed-over units to share the cost over"),
    QT_TRANSLATE_NOOP("FeeMessages", "Enter a non-zero amount; negative lowers the bill"),
    QT_TRANSLATE_NOOP("FeeMessages", "Enter the amount in yuan, e.g. -20.00"),
    QT_TRANSLATE_NOOP("FeeMessages", "Say why the bill is corrected"),
    QT_TRANSLATE_NOOP("FeeMessages", "Choose shared, dedicated or open-air parking"),
    QT_TRANSLATE_NOOP("FeeMessages", "Enter the space number, e.g. B1-023"),
    QT_TRANSLATE_NOOP("FeeMessages", "Enter the share paid as a number from 0 to 1, e.g. 0.70"),
    QT_TRANSLATE_NOOP(
        "FeeMessages", "Enter the daily rate as a number from 0 to 0.01, e.g. 0.0003"
    ),
    QT_TRANSLATE_NOOP("FeeMessages", "Enter the cap as a number from 0 to 10, e.g. 1"),
    QT_TRANSLATE_NOOP("FeeMessages", "The due day is between 1 and 28"),
    QT_TRANSLATE_NOOP("FeeMessages", "The renovation fee of this unit is already charged"),
]

_PATTERNS = [
    (
        re.compile(r"^Shared costs of (?P<x>.+) are already billed$"),
        QT_TRANSLATE_NOOP("FeeMessages", "Shared costs of %1 are already billed"),
    ),
    (
        re.compile(r"^Receipt (?P<x>.+) is already reversed$"),
        QT_TRANSLATE_NOOP("FeeMessages", "Receipt %1 is already reversed"),
    ),
    (
        re.compile(r"^The unit's credit is only (?P<x>.+)$"),
        QT_TRANSLATE_NOOP("FeeMessages", "The unit's credit is only %1"),
    ),
    (
        re.compile(r"^Deposit (?P<x>.+) has nothing left to refund$"),
        QT_TRANSLATE_NOOP("FeeMessages", "Deposit %1 has nothing left to refund"),
    ),
    (
        re.compile(r"^Period '(?P<x>.+)' must look like 2026-03 \(year-month\)$"),
        QT_TRANSLATE_NOOP("FeeMessages", "Period %1 must look like 2026-03 (year-month)"),
    ),
]


def message(text: str) -> str:
    """A fee service's English message in the user's language."""
    return translated_message("FeeMessages", _PATTERNS, text) or shared_message(text)


def bill_note(note: str) -> str:
    """A bill line's note (codes and parameters, or an older line's English) in the
    user's language."""
    from app.domain import fee_notes
    from app.domain.money import format_yuan
    from ui import messages

    parts = []
    for part in fee_notes.decode(note):
        params = dict(part.params)
        if part.code == fee_notes.SHARE_OF and "total" in params:
            with contextlib.suppress(ArithmeticError):
                params["total"] = format_yuan(Decimal(params["total"]))
        parts.append(messages.message(part.code, params))
    return "; ".join(parts)
