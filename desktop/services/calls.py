"""Extrato de Ligação: the subscriber's rated calls, keyset-paged, with totals in SQL.

This is the *relatório detalhado* of ANATEL's RGC (Res. 765/2023, Art. 47): chronological,
and calls flagged ``hidden`` (disque-denúncia lines such as 181) never appear in a list or
a total.  Periods are São Paulo calendar days, queried as UTC ranges on the index
``(terminal_id, started_at, id)``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.errors import InvalidInput, NotFound
from desktop.models import Call, Contract, Terminal
from desktop.models.enums import CallType
from desktop.services.access import require_subscriber
from desktop.services.actors import Actor
from desktop.services.clock import local_period_bounds, utcnow
from desktop.services.company import CompanyInfo, company_info
from desktop.services.periods import Period
from desktop.services.statement_common import (
    SubscriberHeader,
    checked_period,
    default_period,
    merged_keyset,
    money_sum,
    money_value,
    subscriber_header,
)

ZERO = Decimal("0.00")
MAX_PAGE = 5000
NO_VOICE = "Este assinante não possui plano com terminal de voz."


@dataclass(frozen=True)
class CallFilter:
    subscriber_id: int
    period: Period = field(default_factory=default_period)
    terminal: str | None = None  # DDD + number; None: every terminal of the subscriber
    call_type: CallType | None = None


@dataclass(frozen=True)
class CallItem:
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


def _terminals(session: Session, flt: CallFilter) -> dict[int, str]:
    """The subscriber's terminals covered by the filter, id -> number (oldest first)."""
    rows = session.execute(
        select(Terminal.id, Terminal.number)
        .join(Contract, Contract.id == Terminal.contract_id)
        .where(Contract.subscriber_id == flt.subscriber_id)
        .order_by(Terminal.id)
    ).all()
    if not rows:
        # Only now tell "no such subscriber" from "no voice plan" (one query less per page).
        subscriber_header(session, flt.subscriber_id)
        raise InvalidInput(NO_VOICE)
    terminals = {row.id: row.number for row in rows}
    if flt.terminal is None:
        return terminals
    wanted = re.sub(r"\D", "", flt.terminal)
    chosen = {tid: number for tid, number in terminals.items() if number == wanted}
    if not chosen:
        raise NotFound(f"Terminal {flt.terminal} não encontrado entre os deste assinante.")
    return chosen


def _conditions(flt: CallFilter) -> list[ColumnElement[bool]]:
    start, end = local_period_bounds(flt.period.start, flt.period.end)
    conditions = [Call.started_at >= start, Call.started_at < end, Call.hidden.is_(False)]
    if flt.call_type is not None:
        conditions.append(Call.call_type == flt.call_type)
    return conditions


def _check(actor: Actor, flt: CallFilter) -> None:
    require_subscriber(actor, flt.subscriber_id)
    checked_period(flt.period)


def _page(
    session: Session,
    terminals: dict[int, str],
    flt: CallFilter,
    after: tuple[dt.datetime, int] | None,
    limit: int,
) -> list[CallItem]:
    columns = (
        Call.id,
        Call.terminal_id,
        Call.started_at,
        Call.destination,
        Call.call_type,
        Call.duration_s,
        Call.billed_s,
        Call.amount,
    )
    conditions = _conditions(flt)
    if after is not None:
        at, last_id = after
        # ``started_at >= at`` lets the index range start at the cursor; the OR is exact.
        conditions += [
            Call.started_at >= at,
            or_(Call.started_at > at, (Call.started_at == at) & (Call.id > last_id)),
        ]
    branches = [
        select(*columns)
        .where(Call.terminal_id == terminal_id, *conditions)
        .order_by(Call.started_at, Call.id)
        .limit(limit)
        for terminal_id in terminals
    ]
    stmt = merged_keyset(branches, ("started_at", "id"), limit)
    return [
        CallItem(
            row.id,
            row.started_at,
            terminals[row.terminal_id],
            row.destination,
            CallType(row.call_type),
            row.duration_s,
            row.billed_s,
            row.amount,
        )
        for row in session.execute(stmt)
    ]


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
    with db.session() as session:
        return _page(session, _terminals(session, flt), flt, after, limit)


def _totals(session: Session, dialect: str, ids: list[int], flt: CallFilter) -> CallTotals:
    stmt = (
        select(
            Call.call_type,
            func.count(),
            func.coalesce(func.sum(Call.duration_s), 0),
            func.coalesce(func.sum(Call.billed_s), 0),
            money_sum(Call.amount, dialect),
        )
        .where(Call.terminal_id.in_(ids), *_conditions(flt))
        .group_by(Call.call_type)
    )
    by_type: dict[CallType, TypeTotal] = {}
    for call_type, count, duration, billed, amount in session.execute(stmt):
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
    with db.session() as session:
        ids = list(_terminals(session, flt))
        return _totals(session, db.dialect, ids, flt)


def statement(db: Database, actor: Actor, flt: CallFilter) -> CallStatement:
    """The whole statement (all items and totals) for printing and export, in one snapshot."""
    _check(actor, flt)
    with db.session() as session:
        header = subscriber_header(session, flt.subscriber_id)
        terminals = _terminals(session, flt)
        items: list[CallItem] = []
        after: tuple[dt.datetime, int] | None = None
        while True:
            chunk = _page(session, terminals, flt, after, MAX_PAGE)
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
