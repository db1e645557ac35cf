"""Text people type: what a single-line field may hold.

Control characters (a NUL, a bell, an escape...), unpaired surrogates and the invisible
bidirectional controls (left-to-right / right-to-left marks, embeddings, overrides and
isolates, which can make "1502" display as "2051") are refused with a clear message, as
is text longer than its column. Emoji and every script are welcome.
"""

from __future__ import annotations

import unicodedata

from app.domain.errors import DomainError

BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def text_problem(text: str, max_length: int) -> DomainError | None:
    """Why ``text`` cannot be saved in a single-line field of ``max_length``, or None."""
    if len(text) > max_length:
        return DomainError("text.too_long", max=max_length)
    for char in text:
        category = unicodedata.category(char)
        if category == "Cc":
            return DomainError("text.control_character", code=f"U+{ord(char):04X}")
        if category == "Cs":
            return DomainError("text.invalid")
        if char in BIDI_CONTROLS:
            return DomainError("text.direction_mark", code=f"U+{ord(char):04X}")
    return None


MULTILINE_ALLOWED = frozenset("\n\r\t")


def multiline_problem(text: str, max_length: int | None = None) -> DomainError | None:
    """Why ``text`` cannot be saved in a note (several lines, tabs allowed), or None:
    other control characters (a NUL above all, which PostgreSQL cannot store) and
    unpaired surrogates are refused, as is text longer than its column when it has one."""
    if max_length is not None and len(text) > max_length:
        return DomainError("text.too_long", max=max_length)
    for char in text:
        category = unicodedata.category(char)
        if category == "Cc" and char not in MULTILINE_ALLOWED:
            return DomainError("text.control_character", code=f"U+{ord(char):04X}")
        if category == "Cs":
            return DomainError("text.invalid")
    return None
