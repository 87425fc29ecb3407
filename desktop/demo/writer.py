"""Bulk writing: rows buffered per table, inserted parents first, thousands per statement.

IDs are given here (after each table's current maximum), so rows can point at each other
before anything reaches the database and the ORM's one-row-at-a-time flush is avoided.

How rows reach the database (measured on this 2-core machine, 5 000 subscribers):

* Core ``conn.execute(insert(table), rows)`` spends about half its time building a
  parameter dict per row.  So the values go through the columns' own SQLAlchemy bind
  processors here, once per value, and the tuples are handed to the driver: SQLite's
  ``executemany`` (a third faster) or PostgreSQL's ``COPY ... FROM STDIN`` (psycopg's
  ``executemany`` sends one INSERT per row: ~14 000 rows/s against ~40 000 with COPY).
* On SQLite the three commonest types get a direct converter that writes exactly what their
  SQLAlchemy processors write (UTC timestamps as ``YYYY-MM-DD HH:MM:SS.ffffff``, dates in ISO
  form, money as a float); ``tests/test_demo.py`` compares the stored bytes with Core's.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Date, Integer, Table, func, select, text

from desktop.models import Base
from desktop.models.base import Money, UTCDateTime

CHUNK_ROWS = 10_000
CENT = Decimal("0.01")
Processor = Callable[[Any], Any] | None


def _sqlite_timestamp(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _sqlite_date(value: dt.date) -> str:
    return value.isoformat()


def _sqlite_money(value: Decimal) -> float:
    if isinstance(value, float):
        raise TypeError("money must be Decimal, never float")
    return float(Decimal(value).quantize(CENT))  # SQLAlchemy's Numeric stores floats in SQLite


class BulkWriter:
    def __init__(self, conn: Connection, chunk_rows: int = CHUNK_ROWS) -> None:
        self.conn = conn
        self.chunk_rows = chunk_rows
        # sorted_tables: parents before children, the order the foreign keys need.
        self.tables: list[Table] = list(Base.metadata.sorted_tables)
        self._by_name = {t.name: t for t in self.tables}
        self._rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in self.tables}
        self._next: dict[str, int] = {}
        self.counts: Counter[str] = Counter()
        self._sqlite_cache: int | None = None
        if conn.dialect.name == "sqlite":
            # A big page cache: the random keys of the radacct indexes otherwise thrash
            # SQLite's default 2 MB cache and the load becomes I/O bound.
            self._sqlite_cache = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
            conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB

    def close(self) -> None:
        """Give the pooled connection its usual cache size back."""
        if self._sqlite_cache is not None:
            self.conn.exec_driver_sql(f"PRAGMA cache_size={self._sqlite_cache}")

    def next_id(self, table: str) -> int:
        """The id the next row of ``table`` gets (read from the database once)."""
        if table not in self._next:
            column = self._id_column(self._by_name[table])
            current = self.conn.scalar(select(func.max(column)))
            self._next[table] = int(current or 0) + 1
        value = self._next[table]
        self._next[table] = value + 1
        return value

    def add(self, table: str, row: dict[str, Any]) -> None:
        self._rows[table].append(row)

    def flush(self) -> None:
        """Insert everything buffered, parents first, ``chunk_rows`` rows per statement."""
        for table in self.tables:
            rows = self._rows[table.name]
            if not rows:
                continue
            self._write(table, rows)
            self.counts[table.name] += len(rows)
            self._rows[table.name] = []

    def _write(self, table: Table, rows: list[dict[str, Any]]) -> None:
        keys = set(rows[0])
        unknown = keys - set(table.columns.keys())
        if unknown:  # a typo in a generator: fail loudly
            raise KeyError(f"demo: {table.name} has no column {', '.join(sorted(unknown))}")
        dialect = self.conn.dialect
        columns = [c for c in table.columns if c.key in keys or c.server_default is None]
        for column in columns:
            if column.key not in keys:
                # Added to the model after this was written: its Python default, as Core
                # would give it, or NULL.
                default = getattr(column.default, "arg", None)
                for row in rows:
                    row[column.key] = default(None) if callable(default) else default
        get = itemgetter(*(c.key for c in columns))
        converters = [(i, self._processor(c.type)) for i, c in enumerate(columns)]
        converting = [(i, p) for i, p in converters if p is not None]
        records: list[tuple[Any, ...]] = []
        for row in rows:
            values = list(get(row))
            for i, processor in converting:
                value = values[i]
                if value is not None:
                    values[i] = processor(value)
            records.append(tuple(values))
        quote = dialect.identifier_preparer.quote
        names = ", ".join(quote(c.name) for c in columns)
        if dialect.name == "postgresql":
            cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as copy:
                for record in records:
                    copy.write_row(record)
            return
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
        for start in range(0, len(records), self.chunk_rows):
            self.conn.exec_driver_sql(sql, records[start : start + self.chunk_rows])

    def _processor(self, column_type: Any) -> Processor:
        if self.conn.dialect.name == "sqlite":
            if isinstance(column_type, UTCDateTime):
                return _sqlite_timestamp
            if isinstance(column_type, Money):
                return _sqlite_money
            if isinstance(column_type, Date):
                return _sqlite_date
        processor: Processor = column_type.bind_processor(self.conn.dialect)
        return processor

    def reset_sequences(self) -> None:
        """PostgreSQL: move each serial sequence past the ids given here."""
        if self.conn.dialect.name != "postgresql":
            return
        for name in self._next:
            column = self._id_column(self._by_name[name])
            self.conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', '{column.name}'), "
                    f'(SELECT max("{column.name}") FROM "{name}"))'
                )
            )

    @staticmethod
    def _id_column(table: Table) -> Any:
        (column,) = table.primary_key.columns
        if not isinstance(column.type, Integer):  # BigIntPK is an Integer subclass
            raise TypeError(f"{table.name} has no integer id")
        return column
