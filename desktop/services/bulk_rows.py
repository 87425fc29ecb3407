"""Thousands of rows per statement inside the caller's transaction (the ERP imports' writes).

Why not the ORM or Core ``insert(table), [dicts]``: a parameter dict and an object per row
cost more than the database does at a million rows.  Values go straight to the driver:
PostgreSQL's ``COPY ... FROM STDIN`` (psycopg's ``executemany`` is one INSERT round trip
per row) and SQLite's ``executemany``, with the few conversions SQLAlchemy's column types
make written out (UTC timestamps as text, money as a float, dates ISO, enums as values) —
the same as ``desktop.demo.writer`` does, whose test compares the stored bytes with Core's.

Ids are taken before the insert (PostgreSQL: from the column's sequence; SQLite: after the
current maximum, safe because the import's transaction holds SQLite's write lock from its
first statement), so child rows can point at their parents in the same batch.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, Table, any_, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

KEYS_PER_QUERY = 2_000  # SQLite's IN (...) stays far under its 32 766 parameters


def rows_by_keys(session: Session, stmt: Any, column: Any, keys: Sequence[Any]) -> list[Any]:
    """``stmt`` restricted to ``column`` in ``keys``: on PostgreSQL one array parameter
    (``= ANY(:keys)``; a list of thousands of separate parameters is several times slower
    to send and plan), on SQLite ``IN (...)`` in chunks."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        return []
    if session.get_bind().dialect.name == "postgresql":
        item = Integer() if isinstance(unique[0], int) else String()
        clause = column == any_(bindparam("keys", unique, type_=ARRAY(item)))
        return list(session.execute(stmt.where(clause)))
    rows: list[Any] = []
    for start in range(0, len(unique), KEYS_PER_QUERY):
        rows.extend(session.execute(stmt.where(column.in_(unique[start : start + KEYS_PER_QUERY]))))
    return rows


SQLITE_IMPORT_CACHE_KIB = 128 * 1024
SQLITE_DEFAULT_CACHE = -2000  # SQLite's own default (2 MB)


def begin_write(session: Session, lock_key: int) -> None:
    """Take the write lock first: on SQLite every writing unit of work already began with
    ``BEGIN IMMEDIATE`` (``desktop.db``); on PostgreSQL a transaction-scoped
    advisory lock per kind of import, so two stations importing at once take turns per batch
    instead of failing on each other's new rows.

    SQLite also gets a big page cache on this connection while importing: the indexes of a
    million subscribers (document, name, the word index) take random inserts, and the default
    2 MB cache turns each into disk reads (the first 1M-row run took 18 minutes so); the
    pooled connection keeps it from batch to batch, :func:`normal_cache` gives it back."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"PRAGMA cache_size=-{SQLITE_IMPORT_CACHE_KIB}"))
    else:
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key})


def normal_cache(session: Session) -> None:
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"PRAGMA cache_size={SQLITE_DEFAULT_CACHE}"))


def allocate_ids(session: Session, table: Table, count: int) -> list[int]:
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        rows = session.execute(
            text(
                f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "
                "FROM generate_series(1, :n)"
            ),
            {"n": count},
        )
        return sorted(int(r[0]) for r in rows)
    current = session.execute(text(f'SELECT max(id) FROM "{table.name}"')).scalar()
    start = int(current or 0) + 1
    return list(range(start, start + count))


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _pg_value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _needs(value: Any, dialect: str) -> bool:
    if isinstance(value, enum.Enum):
        return True
    return dialect == "sqlite" and isinstance(value, dt.date | Decimal | bool)


def _driver_values(dialect: str, records: Sequence[Sequence[Any]]) -> Sequence[Sequence[Any]]:
    """``records`` as the driver takes them.  Only the columns whose values need converting
    (found from their first non-null value: a column holds one type) go through the
    converter: at a million rows a type test on every value cost more than the COPY."""
    convert = _sqlite_value if dialect == "sqlite" else _pg_value
    width = len(records[0])
    pending = set(range(width))
    converted: list[int] = []
    for record in records:
        for i in [i for i in pending if record[i] is not None]:
            pending.discard(i)
            if _needs(record[i], dialect):
                converted.append(i)
        if not pending:
            break
    if not converted:
        return records
    out = []
    for record in records:
        row = list(record)
        for i in converted:
            value = row[i]
            if value is not None:
                row[i] = convert(value)
        out.append(row)
    return out


def _with_defaults(
    table: Table, columns: Sequence[str], records: Sequence[Sequence[Any]]
) -> tuple[Sequence[str], Sequence[Sequence[Any]]]:
    """Columns left out get their model's scalar default, as Core would give them."""
    extra = [
        c
        for c in table.columns
        if c.name not in columns
        and c.default is not None
        and not callable(getattr(c.default, "arg", None))
        and c.server_default is None
    ]
    if not extra:
        return columns, records
    defaults = tuple(c.default.arg for c in extra)  # type: ignore[union-attr]
    return (*columns, *(c.name for c in extra)), [(*r, *defaults) for r in records]


def insert_rows(
    session: Session, table: Table, columns: Sequence[str], records: Sequence[Sequence[Any]]
) -> None:
    """Insert ``records`` (tuples in the order of ``columns``) in the session's transaction."""
    if not records:
        return
    columns, records = _with_defaults(table, columns, records)
    conn = session.connection()
    names = ", ".join(f'"{c}"' for c in columns)
    if conn.dialect.name == "postgresql":
        sql = f'COPY "{table.name}" ({names}) FROM STDIN'
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        dbapi_error = conn.dialect.loaded_dbapi.Error
        try:
            with cursor.copy(sql) as copy:
                for record in _driver_values("postgresql", records):
                    copy.write_row(record)
        except dbapi_error as exc:
            # The bare driver's error, as SQLAlchemy would have raised it (IntegrityError for a
            # unique clash): callers tell a row written by another station from a real fault.
            raise DBAPIError.instance(sql, None, exc, dbapi_error) from exc
        return
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(
        f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
        [tuple(r) for r in _driver_values("sqlite", records)],
    )


def update_rows(
    session: Session, table: Table, columns: Sequence[str], records: Sequence[Sequence[Any]]
) -> None:
    """``UPDATE table SET columns... WHERE id = ?`` for each record (its last value is the id)."""
    if not records:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        sets = ", ".join(f'"{c}" = %s' for c in columns)
        sql = f'UPDATE "{table.name}" SET {sets} WHERE id = %s'
    else:
        sets = ", ".join(f'"{c}" = ?' for c in columns)
        sql = f'UPDATE "{table.name}" SET {sets} WHERE id = ?'
    values = [tuple(r) for r in _driver_values(conn.dialect.name, records)]
    conn.exec_driver_sql(sql, values)
