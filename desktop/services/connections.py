"""Extrato de Conexões: the subscriber's sessions from FreeRADIUS's accounting table ``radacct``.

The table is FreeRADIUS's own (same column names as its ``schema.sql``), in the Central's
database or a separate FreeRADIUS one (:mod:`desktop.services.radacct_source` says where).
This module holds the filter, the statement's lines and their keyset pages (the list the tab
scrolls); the period's sums and the day-by-day traffic are in
:mod:`desktop.services.connection_totals`, the whole statement for export or print in
:mod:`desktop.services.connection_statement`.

Connection records are confidential (Marco Civil da Internet, Art. 13): a kiosk sees only its
own subscriber, and every read is covered by an entry in the audit log, one per view (the
rule and its reasons: :mod:`desktop.services.connection_audit`); every print has its own.  A
session belongs to the period in which it *started* (``acctstarttime``, the indexed column);
its traffic is counted on that São Paulo day, because ``radacct`` keeps only the running
totals of a session, not a per-day history.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection, Integer, Select, Text, bindparam, func, or_, select, true

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import local_period_bounds, utcnow
from desktop.domain.periods import Period
from desktop.errors import InvalidInput
from desktop.models import RadAcct
from desktop.models.base import utc_reader
from desktop.services import audit, connection_audit
from desktop.services.access import require_subscriber
from desktop.services.radacct_source import (
    APP_PG,
    RADIUS_URL,
    SUBSCRIBER_LOGINS,
    Source,
    radacct_session,
    url_value,
)
from desktop.services.statement_common import (
    Executor,
    checked_period,
    default_period,
    driver_rows,
    merged_keyset,
    require_subscriber_row,
)

MAX_PAGE = 5000
NO_LOGIN = "connections.sem_login_radius"
ACTION_VIEWED = "extrato_conexoes.consultado"
ACTION_PRINTED = "extrato_conexoes.impresso"


@dataclass(frozen=True)
class ConnectionFilter:
    subscriber_id: int
    period: Period = field(default_factory=default_period)
    login: str | None = None  # one of the subscriber's logins; None: all of them


class ConnectionItem(NamedTuple):
    """One line of the statement (a named tuple: pages build hundreds per scroll, and a
    frozen dataclass costs five times as much to construct)."""

    id: int  # radacctid
    login: str
    started_at: dt.datetime  # UTC
    stopped_at: dt.datetime | None  # None: em andamento
    duration_s: int  # open session: now - start
    ip: str | None
    ipv6_prefix: str | None  # delegated prefix (PD), else the framed one
    mac: str | None  # Calling-Station-Id
    nas_ip: str
    download_bytes: int  # acctoutputoctets: NAS -> user
    upload_bytes: int  # acctinputoctets: user -> NAS
    terminate_cause: str | None

    @property
    def sort_key(self) -> tuple[dt.datetime, int]:
        return (self.started_at, self.id)


def check(actor: Actor, flt: ConnectionFilter) -> None:
    """What every read of the statement checks first (lines, sums, export): rights, period."""
    require_subscriber(actor, flt.subscriber_id)
    checked_period(flt.period)


_LOGINS_AND_URL = SUBSCRIBER_LOGINS.add_columns(RADIUS_URL.scalar_subquery())


def logins_and_url(executor: Executor, flt: ConnectionFilter) -> tuple[tuple[str, ...], str]:
    """The subscriber's RADIUS usernames and ``radius.database_url`` (read on every call:
    an administrator may change it), in one query on the app's database."""
    rows = executor.execute(_LOGINS_AND_URL, {"subscriber_id": flt.subscriber_id}).all()
    if not rows:
        require_subscriber_row(executor, flt.subscriber_id)  # NotFound: unknown subscriber
        raise InvalidInput(NO_LOGIN)
    logins = tuple(login for login, _url in rows)
    if flt.login is not None:  # the login filter: only a login of this subscriber
        if flt.login not in logins:
            raise InvalidInput("connections.login_nao_deste_assinante", login=flt.login)
        logins = (flt.login,)
    return logins, url_value(rows[0][1])


# The period's bounds, shared with the sums' statements (desktop.services.connection_totals).
START = bindparam("start", type_=RadAcct.acctstarttime.type)
END = bindparam("end", type_=RadAcct.acctstarttime.type)
_AT = bindparam("at", type_=RadAcct.acctstarttime.type)
_LAST_ID = bindparam("last_id", type_=Integer)
_LIMIT = bindparam("limit", type_=Integer)


def _inet_text(column: Any, dialect: str) -> Any:
    """An ``inet`` column as PostgreSQL displays it (``abbrev`` is the inet output format):
    read as text, psycopg does not build an ``ipaddress`` object per value."""
    return func.abbrev(column, type_=Text) if dialect == "postgresql" else column


def _page_columns(src: Source) -> tuple[Any, ...]:
    r, dialect = src.table, src.dialect
    return (
        r.radacctid,
        r.username,
        r.acctstarttime,
        r.acctstoptime,
        r.acctsessiontime,
        _inet_text(r.framedipaddress, dialect).label("framedipaddress"),
        _inet_text(r.delegatedipv6prefix, dialect).label("delegatedipv6prefix"),
        _inet_text(r.framedipv6prefix, dialect).label("framedipv6prefix"),
        r.callingstationid,
        _inet_text(r.nasipaddress, dialect).label("nasipaddress"),
        r.acctoutputoctets,
        r.acctinputoctets,
        r.acctterminatecause,
    )


def _page_conditions(keyset: bool, r: Any) -> list[Any]:
    conditions = [r.acctstarttime >= START, r.acctstarttime < END]
    if keyset:
        conditions += [
            r.acctstarttime >= _AT,
            or_(r.acctstarttime > _AT, (r.acctstarttime == _AT) & (r.radacctid > _LAST_ID)),
        ]
    return conditions


@functools.lru_cache(maxsize=64)
def _page_stmt(src: Source, branches: int, keyset: bool) -> Select[*tuple[Any, ...]]:
    """The page query for ``branches`` logins, built once per shape with bound parameters
    (building and hashing a fresh UNION on every call cost more than running it)."""
    r = src.table
    # One branch per login on the index (username, acctstarttime, radacctid).
    selects = [
        select(*_page_columns(src))
        .where(
            r.username == bindparam(f"u{i}", type_=r.username.type),
            *_page_conditions(keyset, r),
        )
        .order_by(r.acctstarttime, r.radacctid)
        .limit(_LIMIT)
        for i in range(branches)
    ]
    return merged_keyset(selects, ("acctstarttime", "radacctid"), _LIMIT)


@functools.lru_cache(maxsize=4)
def _lateral_page_stmt(keyset: bool) -> Select[*tuple[Any, ...]]:
    """PostgreSQL: the subscriber's logins and their page in one statement (one keyset
    branch per login, ``LATERAL``, merged like :func:`merged_keyset`), with
    ``radius.database_url`` as the last column: the rows count only when it is empty,
    i.e. when ``radacct`` is the app's own table."""
    r = APP_PG.table
    logins = SUBSCRIBER_LOGINS.order_by(None).subquery("l")
    branch = (
        select(*_page_columns(APP_PG))
        .where(r.username == logins.c.username, *_page_conditions(keyset, r))
        .order_by(r.acctstarttime, r.radacctid)
        .limit(_LIMIT)
        .lateral("s")
    )
    c = branch.c
    return (
        select(*c, RADIUS_URL.scalar_subquery())
        .select_from(logins.join(branch, true()))
        .order_by(c.acctstarttime, c.radacctid)
        .limit(_LIMIT)
    )


def _page_params(
    flt: ConnectionFilter, after: tuple[dt.datetime, int] | None, limit: int
) -> dict[str, Any]:
    start, end = local_period_bounds(flt.period.start, flt.period.end)
    params: dict[str, Any] = {"start": start, "end": end, "limit": limit}
    if after is not None:
        params["at"], params["last_id"] = after
    return params


def read_page(
    conn: Connection,
    src: Source,
    logins: tuple[str, ...],
    flt: ConnectionFilter,
    after: tuple[dt.datetime, int] | None,
    limit: int,
) -> list[ConnectionItem]:
    """One keyset page of ``logins`` on ``conn`` (wherever ``radacct`` is: ``src``)."""
    params = _page_params(flt, after, limit)
    for i, login in enumerate(logins):
        params[f"u{i}"] = login
    rows = driver_rows(conn, _page_stmt(src, len(logins), after is not None), params)
    return _items(rows, src.dialect)


def _items(rows: Iterable[Any], dialect: str) -> list[ConnectionItem]:
    """Page lines from the driver's rows (the thirteen ``_page_columns``)."""
    to_time = utc_reader(dialect)
    now = utcnow()
    items: list[ConnectionItem] = []
    append = items.append
    # Positional unpacking: a page is a few hundred lines, built on every scroll.
    # Addresses are text already (``_inet_text``).
    for rid, login, started, stopped, secs, ip, pd, v6, mac, nas, down, up, cause in rows:
        started = to_time(started)
        if stopped is None:
            duration = max(0, int((now - started).total_seconds()))
        else:
            stopped = to_time(stopped)
            if secs is not None:
                duration = int(secs)
            else:
                duration = max(0, int((stopped - started).total_seconds()))
        append(
            ConnectionItem(
                rid,
                login,
                started,
                stopped,
                duration,
                ip,
                pd or v6,
                mac,
                nas,
                int(down or 0),
                int(up or 0),
                cause,
            )
        )
    return items


def audit_read(
    db: Database, actor: Actor, flt: ConnectionFilter, *, first_page: bool, page: bool
) -> None:
    """The audit entry of a page, totals or chart read, unless its view already has one."""
    sub, period = flt.subscriber_id, flt.period
    if connection_audit.needs_entry(db, actor, sub, period, first_page=first_page):
        audit_entry(db, actor, flt, ACTION_VIEWED)
        connection_audit.opened(db, actor, sub, period, first_page=page)


def audit_entry(db: Database, actor: Actor, flt: ConnectionFilter, action: str) -> None:
    """One audit entry (viewed or printed) naming the subscriber, period and login."""
    audit.record_now(
        db,
        actor,
        action,
        "subscriber",
        flt.subscriber_id,
        de=flt.period.start.isoformat(),
        ate=flt.period.end.isoformat(),
        **({"login": flt.login} if flt.login else {}),
    )


# --------------------------------------------------------------------------- public API
def page(
    db: Database,
    actor: Actor,
    flt: ConnectionFilter,
    *,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = 200,
) -> list[ConnectionItem]:
    """One page of sessions by start time; audited once per view (``after=None`` starts one)."""
    check(actor, flt)
    limit = max(1, min(limit, MAX_PAGE))
    with db.read_session() as conn:
        # The one-statement paths read every login of the subscriber: not with a login filter.
        local = db.dialect == "postgresql" and flt.login is None
        items = _local_page(conn, flt, after, limit) if local else None
        if items is None:
            logins, url = logins_and_url(conn, flt)  # raises: no such subscriber, no RADIUS login
            if local and not url:
                items = []  # the one-statement page above already found no sessions
            else:
                with radacct_session(db, conn, url) as (source, src):
                    items = read_page(source, src, logins, flt, after, limit)
    # Audited once the records were read: the first page starts a view; a later page
    # outside any audited view (another caller, or an hour later) is audited too.
    audit_read(db, actor, flt, first_page=after is None, page=True)
    return items


def _local_page(
    conn: Connection, flt: ConnectionFilter, after: tuple[dt.datetime, int] | None, limit: int
) -> list[ConnectionItem] | None:
    """PostgreSQL's common case in one round trip: the page from the app's own ``radacct``;
    None when that is not the answer (a separate FreeRADIUS database is configured) or
    cannot tell (no rows: no sessions, no logins or no such subscriber)."""
    params = _page_params(flt, after, limit)
    params["subscriber_id"] = flt.subscriber_id
    rows = driver_rows(conn, _lateral_page_stmt(after is not None), params)
    if not rows or url_value(rows[0][-1]):
        return None
    return _items([row[:-1] for row in rows], "postgresql")
