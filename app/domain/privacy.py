"""Masking personal data: phone numbers and ID numbers in lists, exports and printouts.

A mobile number keeps its first three and last four digits (138****8001); a mainland ID
number keeps its first four and last four characters (4401**********1234). Shorter values
keep proportionally less so that a short number never shows whole. Unmasked values are
shown one record at a time to a user allowed to reveal them, and each reveal is logged
(app.services.audit).
"""

from __future__ import annotations

MASK = "*"


def _keep(text: str, head: int, tail: int) -> str:
    if len(text) <= head + tail:
        # too short to keep both ends: keep at most the last quarter
        tail = len(text) // 4
        head = 0
    return text[:head] + MASK * (len(text) - head - tail) + (text[-tail:] if tail else "")


def mask_phone(phone: str | None) -> str:
    """138****8001; a landline 020-****5678 keeps its area code and last four digits."""
    text = (phone or "").strip()
    if not text:
        return ""
    if "-" in text:
        area, _, rest = text.partition("-")
        return f"{area}-{_keep(rest, 0, 4)}"
    return _keep(text, 3, 4)


def mask_id_number(number: str | None) -> str:
    """4401**********1234 (18 characters stay 18)."""
    text = (number or "").strip()
    if not text:
        return ""
    return _keep(text, 4, 4)


def is_masked(text: str) -> bool:
    return MASK in (text or "")
