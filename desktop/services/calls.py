"""Extrato de Ligação: the subscriber's rated calls, keyset-paged, with totals in SQL.

This is the *relatório detalhado* of ANATEL's RGC (Res. 765/2023, Art. 47): chronological,
and calls flagged ``hidden`` (disque-denúncia lines such as 181) never appear in a list or
a total.  Periods are São Paulo calendar days, queried as UTC ranges on the index
``(terminal_id, started_at, id)``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    bindparam,
    func,
    or_,
    select,
    true,
)

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import local_period_bounds, utcnow
from desktop.domain.enums import CallType
from desktop.domain.periods import Period
from desktop.errors import InvalidInput, NotFound
from desktop.models import Call, Contract, Terminal
from desktop.models.base import SQLITE_MONEY_MEMO, ValueReader, money_reader, utc_reader
from desktop.services.access import require_subscriber
from desktop.services.company import CompanyInfo, company_info
from desktop.services.statement_common import (
    Executor,
    SubscriberHeader,
    checked_period,
    default_period,
    driver_rows,
    merged_keyset,
    money_sum,
    money_value,
    require_subscriber_row,
    subscriber_header,
)

ZERO = Decimal("0.00")
MAX_PAGE = 5000
NO_VOICE = "calls.sem_plano_de_voz"


@dataclass(frozen=True)
class CallFilter:
    subscriber_id: int
    period: Period = field(default_factory=default_period)
    terminal: str | None = None  # DDD + number; None: every terminal of the subscriber
    call_type: CallType | None = None


class CallItem(NamedTuple):
    """One line of the statement (a named tuple: pages build hundreds per scroll, and a
    frozen dataclass costs five times as much to construct)."""

    id: int
    started_at: dt.datetime  # UTC
    terminal: str
    destination: str
    call_type: CallType
    duration_s: int
    billed_s: int
    amount: Decimal

    @property
    def sort_key(self) -> tuple[dt.datetime, int]:
        return (self.started_at, self.id)


@dataclass(frozen=True)
class TypeTotal:
    count: int = 0
    duration_s: int = 0
    billed_s: int = 0
    amount: Decimal = ZERO


@dataclass(frozen=True)
class CallTotals:
    count: int
    duration_s: int
    billed_s: int
    amount: Decimal
    by_type: dict[CallType, TypeTotal]


@dataclass(frozen=True)
class CallStatement:
    """Everything an export (PDF, JSON, CSV) of the statement needs."""

    company: CompanyInfo
    subscriber: SubscriberHeader
    period: Period
    terminals: tuple[str, ...]  # the terminals covered (the filter's one, or all)
    call_type: CallType | None
    items: tuple[CallItem, ...]
    totals: CallTotals
    generated_at: dt.datetime  # UTC


# Statements are built once per shape (number of terminals, cursor, type filter) with bound
# parameters and reused: building and hashing a fresh UNION per call cost more than the query.
_START = bindparam("start", type_=Call.started_at.type)
_END = bindparam("end", type_=Call.started_at.type)
_AT = bindparam("at", type_=Call.started_at.type)
_LAST_ID = bindparam("last_id", type_=Integer)
_TYPE = bindparam("call_type", type_=Call.call_type.type)
_LIMIT = bindparam("limit", type_=Integer)
_SUBSCRIBER = bindparam("subscriber_id", type_=Integer)
_TERMINALS = (
    select(Terminal.id, Terminal.number)
    .join(Contract, Contract.id == Terminal.contract_id)
    .where(Contract.subscriber_id == _SUBSCRIBER)
    .order_by(Terminal.id)
)


def _terminals(session: Executor, flt: CallFilter) -> dict[int, str]:
    """The subscriber's terminals covered by the filter, id -> number (oldest first)."""
    rows = session.execute(_TERMINALS, {"subscriber_id": flt.subscriber_id}).all()
    if not rows:
        # Only now tell "no such subscriber" from "no voice plan" (one query less per page).
        require_subscriber_row(session, flt.subscriber_id)
        raise InvalidInput(NO_VOICE)
    terminals = {tid: number for tid, number in rows}
    if flt.terminal is None:
        return terminals
    wanted = re.sub(r"\D", "", flt.terminal)
    chosen = {tid: number for tid, number in terminals.items() if number == wanted}
    if not chosen:
        raise NotFound("calls.terminal_nao_encontrado_entre", terminal=flt.terminal)
    return chosen


def _conditions(typed: bool) -> list[ColumnElement[bool]]:
    conditions = [Call.started_at >= _START, Call.started_at < _END, Call.hidden.is_(False)]
    if typed:
        conditions.append(Call.call_type == _TYPE)
    return conditions


def _params(flt: CallFilter) -> dict[str, Any]:
    start, end = local_period_bounds(flt.period.start, flt.period.end)
    params: dict[str, Any] = {"start": start, "end": end}
    if flt.call_type is not None:
        params["call_type"] = flt.call_type
    return params


_CALL_TYPES = {t.value: t for t in CallType}

# A line from a tuple of its eight fields, in one C call: ``CallItem._make`` adds a
# Python-level length check per line, a tenth of a page's conversion time.
_item = functools.partial(tuple.__new__, CallItem)


def _readers(conn: Connection) -> tuple[ValueReader, ValueReader]:
    """Timestamp and money readers for the driver rows of ``conn``'s database."""
    name = conn.dialect.name
    return utc_reader(name), money_reader(name)


def _check(actor: Actor, flt: CallFilter) -> None:
    require_subscriber(actor, flt.subscriber_id)
    checked_period(flt.period)


@functools.lru_cache(maxsize=128)
def _page_stmt(branches: int, keyset: bool, typed: bool) -> Select[*tuple[Any, ...]]:
    columns = (
        Call.id,
        Call.started_at,
        Call.terminal_id,
        Call.destination,
        Call.call_type,
        Call.duration_s,
        Call.billed_s,
        Call.amount,
    )
    conditions = _conditions(typed)
    if keyset:
        # ``started_at >= at`` lets the index range start at the cursor; the OR is exact.
        conditions += [
            Call.started_at >= _AT,
            or_(Call.started_at > _AT, (Call.started_at == _AT) & (Call.id > _LAST_ID)),
        ]
    selects = [
        select(*columns)
        .where(Call.terminal_id == bindparam(f"t{i}", type_=Integer), *conditions)
        .order_by(Call.started_at, Call.id)
        .limit(_LIMIT)
        for i in range(branches)
    ]
    return merged_keyset(selects, ("started_at", "id"), _LIMIT)


def _page(
    conn: Connection,
    terminals: dict[int, str],
    flt: CallFilter,
    after: tuple[dt.datetime, int] | None,
    limit: int,
) -> list[CallItem]:
    params = _params(flt)
    params["limit"] = limit
    for i, terminal_id in enumerate(terminals):
        params[f"t{i}"] = terminal_id
    if after is not None:
        params["at"], params["last_id"] = after
    stmt = _page_stmt(len(terminals), after is not None, flt.call_type is not None)
    rows = driver_rows(conn, stmt, params)
    if conn.dialect.name == "sqlite":
        try:
            return _sqlite_lines(rows, terminals)
        except (TypeError, ValueError):
            pass  # a timestamp not written by the app: read each one with the general reader
    to_time, to_money = _readers(conn)
    # Positional construction from the driver's rows: a page is a few hundred lines, built
    # on every scroll.
    return [
        _item((cid, to_time(at), terminals[tid], dest, _CALL_TYPES[ct], dur, billed, to_money(am)))
        for cid, at, tid, dest, ct, dur, billed, am in rows
    ]


def _sqlite_lines(rows: list[Any], terminals: dict[int, str]) -> list[CallItem]:
    """SQLite's page lines with the value readers written inline, a third faster than a
    reader call per value (SQLite's first page is held to twice the raw SQL time): the
    UTC text SQLAlchemy stores ("YYYY-MM-DD HH:MM:SS.ffffff") goes straight to the C parser
    with its offset, and amounts come from the money memo.  A value in another shape raises
    ``ValueError`` or ``TypeError``; the caller then reads the page with the readers."""
    parse = dt.datetime.fromisoformat
    memo = SQLITE_MONEY_MEMO.get
    to_money = money_reader("sqlite")
    return [
        _item(
            (
                cid,
                parse(at + "+00:00"),
                terminals[tid],
                dest,
                _CALL_TYPES[ct],
                dur,
                billed,
                memo(am) or to_money(am),  # or: first seen, not a float, or R$ 0,00
            )
        )
        for cid, at, tid, dest, ct, dur, billed, am in rows
    ]


@functools.lru_cache(maxsize=16)
def _lateral_page_stmt(keyset: bool, typed: bool, numbered: bool) -> Select[*tuple[Any, ...]]:
    """PostgreSQL: the subscriber's terminals and their page in one statement, one keyset
    branch per terminal (``LATERAL``), merged like :func:`merged_keyset`."""
    terminals = _subscriber_terminal_ids(numbered).add_columns(Terminal.number).subquery("t")
    conditions = _conditions(typed)
    if keyset:
        conditions += [
            Call.started_at >= _AT,
            or_(Call.started_at > _AT, (Call.started_at == _AT) & (Call.id > _LAST_ID)),
        ]
    branch = (
        select(
            Call.id,
            Call.started_at,
            Call.destination,
            Call.call_type,
            Call.duration_s,
            Call.billed_s,
            Call.amount,
        )
        .where(Call.terminal_id == terminals.c.id, *conditions)
        .order_by(Call.started_at, Call.id)
        .limit(_LIMIT)
        .lateral("c")
    )
    c = branch.c
    return (
        select(c.id, c.started_at, terminals.c.number, c.destination, c.call_type)
        .add_columns(c.duration_s, c.billed_s, c.amount)
        .select_from(terminals.join(branch, true()))
        .order_by(c.started_at, c.id)
        .limit(_LIMIT)
    )


def _lateral_page(
    conn: Connection, flt: CallFilter, after: tuple[dt.datetime, int] | None, limit: int
) -> list[CallItem]:
    params = _params(flt)
    params["limit"] = limit
    params["subscriber_id"] = flt.subscriber_id
    if flt.terminal is not None:
        params["number"] = re.sub(r"\D", "", flt.terminal)
    if after is not None:
        params["at"], params["last_id"] = after
    numbered = flt.terminal is not None
    stmt = _lateral_page_stmt(after is not None, flt.call_type is not None, numbered)
    to_time, to_money = _readers(conn)
    items = [
        _item((cid, to_time(at), number, dest, _CALL_TYPES[ct], dur, billed, to_money(am)))
        for cid, at, number, dest, ct, dur, billed, am in driver_rows(conn, stmt, params)
    ]
    if not items:
        _terminals(conn, flt)  # raises unless the terminals exist (and had no calls)
    return items


def page(
    db: Database,
    actor: Actor,
    flt: CallFilter,
    *,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = 200,
) -> list[CallItem]:
    """One page of calls in chronological order, after the ``(started_at, id)`` cursor."""
    _check(actor, flt)
    limit = max(1, min(limit, MAX_PAGE))
    with db.read_session() as conn:
        if db.dialect == "postgresql":  # one round trip (SQLite has no LATERAL)
            return _lateral_page(conn, flt, after, limit)
        return _page(conn, _terminals(conn, flt), flt, after, limit)


def _subscriber_terminal_ids(numbered: bool) -> Select[int]:
    """The ids of the subscriber's terminals (``numbered``: only the one numbered ``:number``),
    for totals that find the terminals and sum their calls in one statement."""
    stmt = (
        select(Terminal.id)
        .join(Contract, Contract.id == Terminal.contract_id)
        .where(Contract.subscriber_id == _SUBSCRIBER)
    )
    if numbered:
        stmt = stmt.where(Terminal.number == bindparam("number", type_=Terminal.number.type))
    return stmt


@functools.lru_cache(maxsize=16)
def _totals_stmt(dialect: str, typed: bool, scope: str) -> Select[*tuple[Any, ...]]:
    """Totals over the terminal ids ``:ids`` (scope "ids"), or over the subscriber's terminals
    found by a subquery: all of them ("subscriber") or the one numbered ``:number``."""
    if scope == "ids":
        terminal_ids: Any = bindparam("ids", expanding=True)
    else:
        terminal_ids = _subscriber_terminal_ids(scope == "number")
    return (
        select(
            Call.call_type,
            func.count(),
            func.coalesce(func.sum(Call.duration_s), 0),
            func.coalesce(func.sum(Call.billed_s), 0),
            money_sum(Call.amount, dialect),
        )
        .where(Call.terminal_id.in_(terminal_ids), *_conditions(typed))
        .group_by(Call.call_type)
    )


def _totals(session: Executor, dialect: str, ids: list[int] | None, flt: CallFilter) -> CallTotals:
    """The totals over ``ids``, or (``None``) over the filter's terminals of the subscriber,
    looked up inside the same statement; a lookup query runs only if nothing was found, to
    raise the right error (no such subscriber, no voice plan, no such terminal)."""
    params = _params(flt)
    if ids is not None:
        params["ids"] = ids
        scope = "ids"
    else:
        params["subscriber_id"] = flt.subscriber_id
        scope = "subscriber"
        if flt.terminal is not None:
            params["number"] = re.sub(r"\D", "", flt.terminal)
            scope = "number"
    by_type: dict[CallType, TypeTotal] = {}
    stmt = _totals_stmt(dialect, flt.call_type is not None, scope)
    rows = session.execute(stmt, params).all()
    if not rows and ids is None:
        _terminals(session, flt)  # raises unless the terminals exist (and had no calls)
    for call_type, count, duration, billed, amount in rows:
        by_type[CallType(call_type)] = TypeTotal(
            int(count), int(duration), int(billed), money_value(amount, dialect)
        )
    ordered = {t: by_type[t] for t in CallType if t in by_type}
    return CallTotals(
        count=sum(t.count for t in ordered.values()),
        duration_s=sum(t.duration_s for t in ordered.values()),
        billed_s=sum(t.billed_s for t in ordered.values()),
        amount=sum((t.amount for t in ordered.values()), ZERO),
        by_type=ordered,
    )


def totals(db: Database, actor: Actor, flt: CallFilter) -> CallTotals:
    """Count, durations and amount per call type and overall, summed by the database."""
    _check(actor, flt)
    with db.read_session() as conn:
        return _totals(conn, db.dialect, None, flt)


def statement(db: Database, actor: Actor, flt: CallFilter) -> CallStatement:
    """The whole statement (all items and totals) for printing and export, in one snapshot."""
    _check(actor, flt)
    with db.session() as session:
        header = subscriber_header(session, flt.subscriber_id)
        terminals = _terminals(session, flt)
        conn = session.connection()
        items: list[CallItem] = []
        after: tuple[dt.datetime, int] | None = None
        while True:
            chunk = _page(conn, terminals, flt, after, MAX_PAGE)
            items.extend(chunk)
            if len(chunk) < MAX_PAGE:
                break
            after = chunk[-1].sort_key
        return CallStatement(
            company=company_info(session),
            subscriber=header,
            period=flt.period,
            terminals=tuple(terminals.values()),
            call_type=flt.call_type,
            items=tuple(items),
            totals=_totals(session, db.dialect, list(terminals), flt),
            generated_at=utcnow(),
        )
