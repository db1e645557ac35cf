"""Column types: money as integer fen, measures as integer hundredths, UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.types import TypeDecorator

from app.domain.money import from_fen, to_fen


class Money(TypeDecorator[Decimal]):
    """Yuan as Decimal in Python, integer fen in the database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else to_fen(value)

    def process_result_value(self, value, dialect):
        return None if value is None else from_fen(value)


class Hundredths(TypeDecorator[Decimal]):
    """A two-decimal measure (area in m²) stored exactly as an integer count of 0.01."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else to_fen(value)

    def process_result_value(self, value, dialect):
        return None if value is None else from_fen(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Always timezone-aware UTC in Python, whatever the database keeps."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; store times in UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
