"""Declarative base, naming convention and the column types every aggregate shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Integer, MetaData, Numeric, String
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


CENT = Decimal("0.01")
ValueReader = Callable[[Any], Any]


# --------------------------------------------------------------------------- value readers
# What a driver returns for a UTC timestamp or a money column, turned into the app's values.
# The column types below use them as their result processors, and the statement pages apply
# them directly to the driver's rows (``statement_common.driver_rows``): one definition.


def _utc_from_any(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    moment: dt.datetime = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:  # SQLite: stored as UTC without an offset
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _utc_from_sqlite(value: Any) -> dt.datetime | None:
    # SQLAlchemy stores "YYYY-MM-DD HH:MM:SS.ffffff" in UTC: parse it as UTC in one step.
    if value.__class__ is str and len(value) == 26:
        return dt.datetime.fromisoformat(value + "+00:00")
    return _utc_from_any(value)


def _utc_from_postgresql(value: Any) -> dt.datetime | None:
    # The app's connections run with TimeZone=UTC, so psycopg already returns UTC datetimes.
    if value is not None and value.tzinfo is dt.UTC:
        return value  # type: ignore[no-any-return]
    return _utc_from_any(value)


def _money_from_any(value: Any) -> Decimal | None:
    if value is None:
        return None
    if value.__class__ is Decimal:  # psycopg's numeric(12, 2): two places already
        return value.quantize(CENT)
    if isinstance(value, float):  # SQLite REAL: rounding to cents gives the stored amount
        return Decimal(f"{value:.2f}")
    return Decimal(str(value)).quantize(CENT)


# float -> Decimal of the amounts read from SQLite (see ``_money_from_sqlite``).
SQLITE_MONEY_MEMO: dict[float, Decimal] = {}


def _money_from_sqlite(value: Any) -> Decimal | None:
    # Amounts repeat (tariffs, plan prices): remember each float's Decimal (immutable, so
    # shared safely) instead of formatting and parsing it again; the memo stays bounded.
    if value.__class__ is float:
        found = SQLITE_MONEY_MEMO.get(value)
        if found is None:
            if len(SQLITE_MONEY_MEMO) >= 65536:
                SQLITE_MONEY_MEMO.clear()
            found = SQLITE_MONEY_MEMO[value] = Decimal(f"{value:.2f}")
        return found
    return _money_from_any(value)


def utc_reader(dialect_name: str) -> ValueReader:
    """The function that reads a UTC timestamp as ``dialect_name``'s driver returns it."""
    if dialect_name == "sqlite":
        return _utc_from_sqlite
    if dialect_name == "postgresql":
        return _utc_from_postgresql
    return _utc_from_any


def money_reader(dialect_name: str) -> ValueReader:
    """The function that reads a money value as ``dialect_name``'s driver returns it."""
    return _money_from_sqlite if dialect_name == "sqlite" else _money_from_any


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC timestamps on every backend.

    PostgreSQL keeps ``timestamptz``; SQLite has no time zones, so values are normalised to
    UTC on the way in and marked UTC on the way out.  Naive datetimes are refused: a naive
    time is a bug waiting to show the wrong hour at the counter.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return utc_reader(dialect.name)(value)  # type: ignore[no-any-return]

    def result_processor(self, dialect: Dialect, coltype: object) -> ValueReader:
        # One function per value instead of the impl's processor followed by
        # ``process_result_value``: pages read hundreds of timestamps per scroll.
        return utc_reader(dialect.name)


class Money(TypeDecorator[Decimal]):
    """``Numeric(12, 2)`` that always comes back as a ``Decimal`` (SQLite included)."""

    impl = Numeric(12, 2, asdecimal=True)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must be Decimal, never float")
        return Decimal(value).quantize(CENT)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return money_reader(dialect.name)(value)  # type: ignore[no-any-return]

    def result_processor(self, dialect: Dialect, coltype: object) -> ValueReader:
        return money_reader(dialect.name)  # one step, as for ``UTCDateTime``


# BIGSERIAL on PostgreSQL, INTEGER PRIMARY KEY (rowid alias) on SQLite.
BigIntPK = BigInteger().with_variant(Integer(), "sqlite")
# FreeRADIUS declares its address columns as ``inet``; SQLite stores the text.
Inet = String(64).with_variant(postgresql.INET(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads this class attribute)
        dt.datetime: UTCDateTime(),
        Decimal: Money(),
    }


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
