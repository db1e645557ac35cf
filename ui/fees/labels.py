"""Translated words for fee codes, payment methods and kinds, and bill-line notes in the
user's language."""

from __future__ import annotations

import contextlib
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
    "paid_repair": QT_TRANSLATE_NOOP("FeeWords", "Paid repair"),
    "deposit_renovation": QT_TRANSLATE_NOOP("FeeWords", "Renovation deposit"),
    "deposit_pass": QT_TRANSLATE_NOOP("FeeWords", "Pass deposit"),
    "deposit_ic_card": QT_TRANSLATE_NOOP("FeeWords", "IC card deposit"),
    # kinds of fees in the collection rates
    "management": QT_TRANSLATE_NOOP("FeeWords", "Management fee"),
    "parking": QT_TRANSLATE_NOOP("FeeWords", "Parking"),
    "utilities": QT_TRANSLATE_NOOP("FeeWords", "Shared utilities"),
    "other": QT_TRANSLATE_NOOP("FeeWords", "Other fees"),
    "all": QT_TRANSLATE_NOOP("FeeWords", "All fees"),
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
    "prepayment": QT_TRANSLATE_NOOP("FeeWords", "Shared utilities prepayment"),
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
    if text is None and code in _OPENING:  # 期初欠费 in a unit's account lines
        from ui.messages import message

        return message(_OPENING[code])
    return QCoreApplication.translate("FeeWords", text) if text else code


# opening balances' words are the catalogue's (ui/messages/fees_opening.py)
_OPENING = {
    "opening_arrears": "opening.kind.arrears",
    "opening_deposit": "opening.kind.deposit",
    "opening_prepayment": "opening.kind.prepayment",
}


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
