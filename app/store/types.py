"""Column types: money as integer fen, rates as integer ten-thousandths, measures as integer
hundredths, UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.types import TypeDecorator

from app.domain.money import from_fen, from_ten_thousandths, to_fen, to_ten_thousandths


class Money(TypeDecorator[Decimal]):
    """Yuan as Decimal in Python, integer fen in the database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else to_fen(value)

    def process_result_value(self, value, dialect):
        return None if value is None else from_fen(value)


class Rate(TypeDecorator[Decimal]):
    """A rate of the schedule (yuan per m² a month, per space, per stay) as Decimal in
    Python, an integer count of 0.0001 yuan in the database: up to four decimals kept
    exactly, a fifth refused (``rate.too_many_decimals``), never rounded (migration 0013
    turned the fen stored before into ten-thousandths)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else to_ten_thousandths(value)

    def process_result_value(self, value, dialect):
        return None if value is None else from_ten_thousandths(value)


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
