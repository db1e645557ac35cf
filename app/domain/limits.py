"""What a synced column can store, on SQLite and PostgreSQL alike: the one set of limits
the desk's services and the server's push validation both apply.

A value the server cannot store would be refused at push (422, permanent) and set aside
after the desk had already kept it; so the desk refuses it when it is typed instead.
The limits of each column are read from its type in the models (``app.store.limits``
turns a column into a :class:`Limit`); this module holds the rules themselves, pure:

- text fits its ``String(n)`` and holds no NUL and no lone surrogate (PostgreSQL stores
  neither; a lone surrogate cannot even be encoded as UTF-8);
- integers fit their column: ``Integer`` 32 bits, ``BigInteger`` 64 bits;
- decimals are finite; one kept as an integer count of its smallest unit (money in fen,
  areas in hundredths, rates in ten-thousandths) has no more decimals than that unit
  and fits the column's integer range once scaled;
- JSON values are bounded in depth and size and hold only storable text and finite
  numbers.

``sync.server.validate`` takes its constants and its text rule from here.
Refusals are ``DomainError("value.<what>", field=<column>, ...)``; ``ui.messages`` holds
the sentences, naming the field.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.errors import DomainError

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
MAX_JSON_DEPTH = 32
MAX_JSON_ITEMS = 10_000  # values inside one JSON field, all levels together

TEXT = "text"  # a String(n) or Text column: str values
INTEGER = "integer"  # Integer / BigInteger with int values
SCALED = "scaled"  # a Decimal kept as an integer count of 1/scale (Money, Hundredths, Rate)
DECIMAL = "decimal"  # any other Decimal column
JSON = "json"  # a JSON column: any JSON value
OTHER = "other"  # dates, times, booleans: their own types check them


def storable_text(text: str) -> bool:
    """No NUL and no unpaired surrogate: text every database can store."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True


@dataclass(frozen=True)
class Limit:
    """What one column takes. ``length`` for text (None: unbounded ``Text``); ``low`` and
    ``high`` the integer range of the stored value; ``scale`` how many stored units make
    one (100 for fen)."""

    kind: str
    length: int | None = None
    low: int = INT64[0]
    high: int = INT64[1]
    scale: int = 1

    @property
    def places(self) -> int:
        return len(str(self.scale)) - 1


# Decimals kept as BigInteger counts of their smallest unit (app.store.types): money in
# fen and measures in hundredths (Money, Hundredths), rates in ten-thousandths (Rate).
# tests/app/test_value_limits.py holds them to the columns' types.
HUNDREDTHS = Limit(SCALED, scale=100)
TEN_THOUSANDTHS = Limit(SCALED, scale=10_000)


def largest(limit: Limit) -> Decimal:
    """The largest magnitude a scaled decimal column stores (92,233,720,368,547,758.07
    yuan in fen)."""
    return Decimal(limit.high).scaleb(-limit.places)


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def value_problem(limit: Limit, value: Any, field: str) -> DomainError | None:
    """Why ``value`` cannot be stored in a column of ``limit`` named ``field``, or None.

    ``value`` is the Python value a service writes (str, int, Decimal, a JSON value...);
    None is left to the column's own nullability."""
    if value is None:
        return None
    if isinstance(value, str) and limit.kind in (TEXT, JSON, OTHER):
        if not storable_text(value):
            return DomainError("value.invalid_text", field=field)
        if limit.kind == TEXT and limit.length is not None and len(value) > limit.length:
            return DomainError("value.too_long", field=field, max=limit.length, length=len(value))
        return None
    if limit.kind == INTEGER:
        if isinstance(value, float) and not math.isfinite(value):
            return DomainError("value.not_finite", field=field)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and not limit.low <= value <= limit.high:
            return DomainError(
                "value.out_of_range", field=field, value=value, low=limit.low, high=limit.high
            )
        return None
    if limit.kind in (SCALED, DECIMAL):
        number = _decimal(value)
        if number is None:
            return DomainError("value.not_a_number", field=field)
        if not number.is_finite():
            return DomainError("value.not_finite", field=field)
        if limit.kind == DECIMAL:
            return None
        scaled = number * limit.scale
        if not limit.low <= scaled <= limit.high:
            low, high = -(-limit.low // limit.scale), limit.high // limit.scale
            return DomainError("value.out_of_range", field=field, value=value, low=low, high=high)
        if scaled != scaled.to_integral_value():
            return DomainError("value.too_many_decimals", field=field, places=limit.places)
        return None
    if limit.kind == JSON and (problem := json_problem(value)):
        kind, params = problem
        if kind == "json_too_deep":
            return DomainError("value.json_too_deep", field=field, max=params["max"])
        if kind == "json_too_large":
            return DomainError("value.json_too_large", field=field, max=params["max"])
        if kind == "invalid_text":
            return DomainError("value.invalid_text", field=field)
        if kind == "not_finite":
            return DomainError("value.not_finite", field=field)
        return DomainError(
            "value.out_of_range", field=field, value=params["value"], low=INT64[0], high=INT64[1]
        )
    return None


def _finite(number: float | Decimal) -> bool:
    return number.is_finite() if isinstance(number, Decimal) else math.isfinite(number)


def json_problem(value: Any) -> tuple[str, dict[str, Any]] | None:
    """What is wrong with a JSON value: ``("json_too_deep", {"max": 32})`` and the like.
    Walked without recursion (it may be deep)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    items = 0
    while stack:
        node, depth = stack.pop()
        items += 1
        if items > MAX_JSON_ITEMS:
            return "json_too_large", {"max": MAX_JSON_ITEMS}
        if depth > MAX_JSON_DEPTH:
            return "json_too_deep", {"max": MAX_JSON_DEPTH}
        if isinstance(node, dict):
            for key, child in node.items():
                if not isinstance(key, str) or not storable_text(key):
                    return "invalid_text", {}
                stack.append((child, depth + 1))
        elif isinstance(node, list | tuple):
            stack.extend((child, depth + 1) for child in node)
        elif isinstance(node, str):
            if not storable_text(node):
                return "invalid_text", {}
        elif isinstance(node, float | Decimal) and not _finite(node):
            return "not_finite", {}
        elif (
            isinstance(node, int)
            and not isinstance(node, bool)
            and not INT64[0] <= node <= INT64[1]
        ):
            return "out_of_range", {"value": node, "low": INT64[0], "high": INT64[1]}
    return None


def check_values(limits: dict[str, Limit], values: dict[str, Any]) -> dict[str, DomainError]:
    """Field -> the problem of each value that its column cannot store."""
    errors: dict[str, DomainError] = {}
    for name, value in values.items():
        limit = limits.get(name)
        if limit is not None and (problem := value_problem(limit, value, name)) is not None:
            errors[name] = problem
    return errors
