"""Field values to and from JSON for the outbox and the wire, by the column's Python type."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import inspect

from app.store.base import Synced


@cache
def field_types(model: type[Synced]) -> dict[str, type | None]:
    """Column name -> Python type for the fields a change may carry."""
    types: dict[str, type | None] = {}
    for column in inspect(model).columns:
        if column.key in Synced.SYNC_META:
            continue
        try:
            types[column.key] = column.type.python_type
        except NotImplementedError:
            types[column.key] = None
    return types


def encode_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode_value(python_type: type | None, value: Any) -> Any:
    if value is None or python_type is None:
        return value
    if python_type is Decimal:
        return Decimal(str(value))
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is bool:
        if not isinstance(value, bool):
            raise ValueError(f"expected true/false, got {value!r}")
        return value
    if python_type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected an integer, got {value!r}")
        return value
    if python_type is str and not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value


def encode_fields(obj: Synced, names: list[str] | None = None) -> dict[str, Any]:
    types = field_types(type(obj))
    return {name: encode_value(getattr(obj, name)) for name in (names or list(types))}


def decode_fields(model: type[Synced], fields: dict[str, Any]) -> dict[str, Any]:
    """Decode wire values; raises KeyError for an unknown field, ValueError for a bad one."""
    types = field_types(model)
    decoded = {}
    for name, value in fields.items():
        if name not in types:
            raise KeyError(name)
        decoded[name] = decode_value(types[name], value)
    return decoded
