"""The one catalogue of messages for error codes: code -> sentence, in English and Chinese.

``app`` and ``sync`` raise ``DomainError(code, **params)``; this turns it into words for
the user. Placeholders are ``{name}``, filled from the error's parameters (money and
dates already formatted by the caller where it matters). Each area keeps its entries in
a module of this package (listed in the tuple below); ``CATALOGUE`` joins them, and tests/ui/test_messages.py fails
if a code raised anywhere in ``app/`` or ``sync/`` has no entry in both languages.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale

from app.domain.errors import DomainError, FieldErrors
from ui.messages import (
    backups,
    common,
    complaints,
    dashboard,
    fees,
    fees_opening,
    fees_rules,
    inspections,
    limits,
    reception,
    security,
    server,
    sync,
    units,
)

log = logging.getLogger(__name__)

Entry = tuple[str, str]  # (English, Simplified Chinese)

CATALOGUE: dict[str, Entry] = {}
for _part in (
    common,
    fees_rules,
    units,
    complaints,
    sync,
    fees,
    fees_opening,
    reception,
    inspections,
    server,
    dashboard,
    security,
    backups,
    limits,
):
    for _code, _entry in _part.MESSAGES.items():
        if _code in CATALOGUE:
            raise RuntimeError(f"message code {_code!r} defined twice")
        CATALOGUE[_code] = _entry


def current_language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def message(code: str, params: dict[str, Any] | None = None, lang: str | None = None) -> str:
    """The sentence for ``code`` in ``lang`` (default: the UI's language)."""
    entry = CATALOGUE.get(code)
    if entry is None:
        log.error("no message for code %r", code)
        entry = CATALOGUE["error.unknown_code"]
        params = {"code": code}
    chinese = (lang or current_language()) == "zh_CN"
    text = entry[1] if chinese else entry[0]
    field = (params or {}).get("field")
    if isinstance(field, str) and (label := CATALOGUE.get(f"field.{field}")) is not None:
        params = {**(params or {}), "field": label[1] if chinese else label[0]}
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        log.error("message %r lacks parameters: %r", code, params)
        return text


def describe(error: BaseException, lang: str | None = None) -> str:
    """Words for any error a screen may meet: a domain error's code, else a plain sentence."""
    if isinstance(error, FieldErrors):
        return "\n".join(describe(e, lang) for e in error.errors.values())
    if isinstance(error, DomainError):
        return message(error.code, error.params, lang)
    return message("error.unexpected", {"detail": type(error).__name__}, lang)


def field_messages(error: FieldErrors, lang: str | None = None) -> dict[str, str]:
    """Field name -> sentence, for a form that marks each field."""
    return {name: describe(e, lang) for name, e in error.errors.items()}
