"""Pieces shared by the call and connection statements: header, period, SQL helpers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeAlias

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Integer,
    Numeric,
    Select,
    cast,
    func,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from desktop.domain.clock import today_local
from desktop.domain.periods import Period, current_month
from desktop.errors import NotFound
from desktop.models import Subscriber

CENT = Decimal("0.01")
# Pages and totals read on a Core connection (``Database.read_session``); statements on a
# session.  Both run the same ``select`` objects.
Executor: TypeAlias = Session | Connection


@dataclass(frozen=True)
class SubscriberHeader:
    """Who the statement is about (shown at the top of the PDF, ``subscriber`` in JSON)."""

    id: int
    name: str
    document: str  # bare digits/characters, as stored
    address: str


def default_period() -> Period:
    """The current calendar month in São Paulo (the statements' default filter)."""
    return current_month(today_local())


def checked_period(period: Period) -> Period:
    """Refuse periods longer than 366 days (``InvalidInput``)."""
    return period.limited()


def subscriber_header(session: Session, subscriber_id: int) -> SubscriberHeader:
    sub = session.get(Subscriber, subscriber_id)
    if sub is None:
        raise NotFound("comum.assinante_nao_encontrado")
    street = ", ".join(p for p in (sub.street, sub.number) if p)
    city = "/".join(p for p in (sub.city, sub.state) if p)
    parts = [street, sub.complement, sub.district, city]
    if len(sub.cep) == 8:
        parts.append(f"CEP {sub.cep[:5]}-{sub.cep[5:]}")
    return SubscriberHeader(sub.id, sub.name, sub.document, " - ".join(p for p in parts if p))


def require_subscriber_row(executor: Executor, subscriber_id: int) -> None:
    """``NotFound`` unless the subscriber exists."""
    found = executor.execute(select(Subscriber.id).where(Subscriber.id == subscriber_id)).first()
    if found is None:
        raise NotFound("comum.assinante_nao_encontrado")


def merged_keyset(
    stmts: Sequence[Select[*tuple[Any, ...]]], order: Sequence[str], limit: int | ColumnElement[int]
) -> Select[*tuple[Any, ...]]:
    """Merge per-key keyset pages into one ordered page.

    Each statement reads one key of a composite index (one terminal, one RADIUS login) in
    index order with its own LIMIT, so every branch is a short index range scan; the
    UNION ALL of those few branches is then sorted and cut.  A plain ``IN (...)`` would make
    PostgreSQL read and sort every row of the period before the first page.
    """
    if len(stmts) == 1:
        return stmts[0]
    merged = union_all(*(select(s.subquery()) for s in stmts)).subquery()
    return select(merged).order_by(*(merged.c[name] for name in order)).limit(limit)


def driver_rows(
    conn: Connection, stmt: Select[*tuple[Any, ...]], params: dict[str, Any]
) -> list[Any]:
    """The rows of ``stmt`` as the database driver returns them, for pages that convert each
    value themselves with ``models.base``'s readers.

    SQLAlchemy compiles (cached), binds and runs the statement as usual; only its ``Row``
    objects and per-value processors are skipped.  On a page of a few hundred lines they
    cost more than the query itself, and the statements must stay within twice the raw SQL
    time (``benchmarks/statements.py``).
    """
    result = conn.execute(stmt, params)
    try:
        return list(result.cursor.fetchall())  # already a list: list() only copies pointers
    finally:
        result.close()


def money_sum(column: Any, dialect: str) -> ColumnElement[Any]:
    """An exact SQL sum of a money column.

    PostgreSQL sums ``numeric`` exactly.  SQLite keeps ``Numeric`` as REAL, so the sum is done
    on whole cents (integers are exact) and divided back in Python by :func:`money_value`.
    """
    if dialect == "sqlite":
        return func.coalesce(func.sum(cast(func.round(column * 100), Integer)), 0)
    return func.coalesce(func.sum(type_coerce(column, Numeric(14, 2))), 0)


def money_value(raw: Any, dialect: str) -> Decimal:
    if dialect == "sqlite":
        return (Decimal(int(raw)) / 100).quantize(CENT)
    return Decimal(str(raw)).quantize(CENT)


def int_sum(column: Any) -> ColumnElement[Any]:
    """``SUM`` of a BIGINT column; PostgreSQL returns ``numeric`` (no overflow), read as int."""
    return func.coalesce(func.sum(type_coerce(column, BigInteger)), 0)


def epoch_seconds(column: Any, dialect: str) -> ColumnElement[Any]:
    """Seconds since 1970 of a UTC timestamp column, on both backends."""
    if dialect == "sqlite":
        # Stored as naive UTC text ("2026-05-01 12:00:00.000000"); strftime reads it as UTC.
        return cast(func.strftime("%s", column), Integer)
    return func.extract("epoch", column)
