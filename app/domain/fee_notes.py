"""Notes on bill lines as codes with parameters, never sentences.

A bill line is synced to every desk, so its note is stored as data: a JSON list of
``[code, {name: text}]`` pairs, e.g. ``[["bill_note.vacancy", {"percent": "70"}]]``; the
UI words each code in the user's language (``ui.messages.fees``). Lines issued before
notes were codes hold English; ``decode`` reads those too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import NamedTuple

FROM_HANDOVER = "bill_note.from_handover"  # date, days, month_days
VACANCY = "bill_note.vacancy"  # percent
SHARE_OF = "bill_note.share_of"  # total (yuan, two decimals)
LATE_FEE = "bill_note.late_fee"  # rate (per day)
ONCE = "bill_note.once"
PAID_REPAIR = "bill_note.paid_repair"  # number (the work order's), content
OTHER = "bill_note.text"  # text: a note this version does not know, shown as written


class NotePart(NamedTuple):
    code: str
    params: dict[str, str]


def encode(parts: Iterable[tuple[str, dict[str, object]]]) -> str:
    """The stored form of a note ("" when there is nothing to say)."""
    data = [[code, {k: str(v) for k, v in params.items()}] for code, params in parts]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) if data else ""


def note(code: str, **params: object) -> str:
    """A note of one part."""
    return encode([(code, params)])


def decode(stored: str | None) -> tuple[NotePart, ...]:
    """The parts of a stored note, from the JSON form or a line's older English text."""
    if not stored:
        return ()
    if stored.startswith("["):
        try:
            data = json.loads(stored)
            return tuple(NotePart(str(code), dict(params)) for code, params in data)
        except (ValueError, TypeError):
            pass
    return tuple(_legacy(part) for part in stored.split("; "))


_LEGACY = (
    (
        re.compile(r"^from handover (?P<date>\S+): (?P<days>\d+)/(?P<month_days>\d+) days$"),
        FROM_HANDOVER,
    ),
    (re.compile(r"^vacancy (?P<percent>\d+)%$"), VACANCY),
    (re.compile(r"^share of (?P<total>\S+)$"), SHARE_OF),
    (re.compile(r"^(?P<rate>\S+)/day on overdue amounts$"), LATE_FEE),
    (re.compile(r"^once$"), ONCE),
)


def _legacy(text: str) -> NotePart:
    for pattern, code in _LEGACY:
        match = pattern.match(text)
        if match:
            return NotePart(code, match.groupdict())
    return NotePart(OTHER, {"text": text})
