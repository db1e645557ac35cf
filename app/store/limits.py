"""Each synced column's limits, read from its type in the models (``String(50)``,
``Integer``, ``Money``...), for the rules of ``app.domain.limits``.

The change recorder checks every value a service writes against these before anything
is kept or queued, so a value the server would refuse at push never reaches the outbox;
the server's push validation reads the same column types (``sync.server.validate``), and
tests/app/test_value_limits.py holds the two to the same answers for every column.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String
from sqlalchemy.types import TypeDecorator

from app.domain import limits
from app.domain.errors import FieldErrors
from app.domain.limits import INT32, INT64, Limit
from app.store.base import Synced


def column_limit(column_type, python_type: type | None) -> Limit:
    """The limit of a column of ``column_type`` whose values are ``python_type``."""
    impl = column_type.impl_instance if isinstance(column_type, TypeDecorator) else column_type
    low, high = INT64 if isinstance(impl, BigInteger) else INT32
    if isinstance(impl, JSON) or python_type is None:
        return Limit(limits.JSON)
    if python_type is Decimal and isinstance(impl, Integer):
        scale = int(column_type.process_bind_param(Decimal(1), None))  # 100 for fen
        return Limit(limits.SCALED, low=low, high=high, scale=scale)
    if python_type is int and isinstance(impl, Integer):
        return Limit(limits.INTEGER, low=low, high=high)
    if python_type is Decimal:
        return Limit(limits.DECIMAL)
    if python_type is str and isinstance(impl, String):
        return Limit(limits.TEXT, length=impl.length or None)
    return Limit(limits.OTHER)


@cache
def model_limits(model: type[Synced]) -> dict[str, Limit]:
    """Column name -> its limit, for every column a service may write (and the ids)."""
    from app.store.apply import wire_types  # here: apply imports every model, and they the recorder

    types = wire_types(model)
    columns = model.__table__.c
    out = {
        name: column_limit(columns[name].type, python_type) for name, python_type in types.items()
    }
    for name in ("id", "estate_id"):
        out[name] = column_limit(columns[name].type, str)
    return out


def check_row(model: type[Synced], values: dict[str, Any]) -> None:
    """``FieldErrors`` naming each value its column cannot store; nothing when all fit."""
    errors = limits.check_values(model_limits(model), values)
    if errors:
        raise FieldErrors(errors)
