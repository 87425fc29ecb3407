"""Extrato de Conexões: the subscriber's sessions from FreeRADIUS's accounting table ``radacct``.

The table is FreeRADIUS's own (same column names as its ``schema.sql``), either inside the
Central's database or in a separate FreeRADIUS PostgreSQL database named by the setting
``radius.database_url``; that one is opened read-only (``default_transaction_read_only`` on
the connection and SQLAlchemy's ``postgresql_readonly``).

Connection records are confidential (Marco Civil da Internet, Art. 13): a kiosk sees only its
own subscriber, and every read is covered by an entry in the audit log, one per view (the
rule and its reasons: :mod:`desktop.services.connection_audit`); every print has its own.  A session belongs to the period in which it *started* (``acctstarttime``, the
indexed column); its traffic is counted on that São Paulo day, because ``radacct`` keeps only
the running totals of a session, not a per-day history.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    Connection,
    Date,
    Engine,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    bindparam,
    cast,
    create_engine,
    func,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.config.registry import setting
from desktop.db import Database, ping_idle_connections
from desktop.domain.actors import Actor
from desktop.domain.clock import LOCAL_TZ, local_period_bounds, to_local, utcnow
from desktop.domain.periods import Period
from desktop.errors import DatabaseUnavailable, InvalidInput
from desktop.models import Contract, RadAcct, RadiusLogin, Setting
from desktop.models.base import utc_reader
from desktop.models.partitioning import RADACCT_VIEW, has_history
from desktop.services import audit, connection_audit
from desktop.services.access import require_subscriber
from desktop.services.company import CompanyInfo, company_info
from desktop.services.statement_common import (
    Executor,
    SubscriberHeader,
    checked_period,
    default_period,
    driver_rows,
    epoch_seconds,
    int_sum,
    merged_keyset,
    require_subscriber_row,
    subscriber_header,
)

MAX_PAGE = 5000
NO_LOGIN = "connections.sem_login_radius"
RADIUS_DOWN = "connections.radacct_inacessivel"
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


@dataclass(frozen=True)
class ConnectionTotals:
    sessions: int
    duration_s: int
    download_bytes: int
    upload_bytes: int


@dataclass(frozen=True)
class DayTraffic:
    day: dt.date  # São Paulo calendar day of the session start
    download_bytes: int
    upload_bytes: int


@dataclass(frozen=True)
class ConnectionStatement:
    company: CompanyInfo
    subscriber: SubscriberHeader
    period: Period
    logins: tuple[str, ...]
    items: tuple[ConnectionItem, ...]
    totals: ConnectionTotals
    daily: tuple[DayTraffic, ...]
    generated_at: dt.datetime  # UTC


# --------------------------------------------------------------------------- data source
_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()
# PostgreSQL's month layout (``desktop.models.partitioning``): closed sessions move from
# ``radacct`` into a partitioned history, and the view ``radacct_all`` reads both.  Same
# columns as ``radacct``, so the statement's queries are built from either table.
_RADACCT: Table = RadAcct.__table__  # type: ignore[assignment]
_RADACCT_ALL = _RADACCT.to_metadata(MetaData(), name=RADACCT_VIEW)
# Whether a separate FreeRADIUS database has that layout yet (``jobs run`` makes it there),
# per URL, looked up again after this many seconds.
HISTORY_RECHECK_S = 300.0
_history_seen: dict[str, tuple[bool, float]] = {}


class Source(NamedTuple):
    """Where the sessions are read: the dialect, and whether through ``radacct_all``."""

    dialect: str
    history: bool

    @property
    def table(self) -> Any:
        return (_RADACCT_ALL if self.history else _RADACCT).c


_APP_PG = Source("postgresql", True)  # the app's own database: migration 0013 made the view


def _radius_engine(url: str) -> Engine:
    """A read-only engine on the separate FreeRADIUS database (one per URL, reused)."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is not None:
            return engine
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise InvalidInput("connections.endereco_banco_freeradius_invalido") from None
        if parsed.get_backend_name() != "postgresql":
            raise InvalidInput("connections.banco_freeradius_radius_database")
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, like the app
        engine = create_engine(
            parsed,
            pool_size=2,
            connect_args={
                "connect_timeout": 5,
                "application_name": "central-assinante",
                "options": "-c default_transaction_read_only=on -c TimeZone=UTC",
            },
            execution_options={"postgresql_readonly": True},
        )
        ping_idle_connections(engine)
        _engines[url] = engine
        return engine


_RADIUS_URL = select(Setting.value).where(Setting.key == "radius.database_url")
_SUBSCRIBER = bindparam("subscriber_id", type_=Integer)
_LOGINS = (
    select(RadiusLogin.username)
    .join(Contract, Contract.id == RadiusLogin.contract_id)
    .where(Contract.subscriber_id == _SUBSCRIBER)
    .order_by(RadiusLogin.username)
)


def _url_value(stored: str | None) -> str:
    value: str = setting("radius.database_url").parse(stored) if stored is not None else ""
    return value.strip()


@contextmanager
def _radacct_session(
    db: Database, app: Connection, url: str
) -> Iterator[tuple[Connection, Source]]:
    """Where ``radacct`` lives, and how to read it: ``app`` (the app's own connection,
    already open) unless ``url`` (``radius.database_url``) names a separate FreeRADIUS
    database."""
    if not url:
        yield app, Source(db.dialect, db.dialect == "postgresql")
        return
    engine = _radius_engine(url)
    try:
        with engine.connect() as conn:
            yield conn, Source(engine.dialect.name, _has_history(url, conn))
            conn.rollback()  # read-only: nothing to commit
    except DBAPIError as exc:
        raise DatabaseUnavailable(RADIUS_DOWN) from exc


def _has_history(url: str, conn: Connection) -> bool:
    known = _history_seen.get(url)
    now = time.monotonic()
    if known is None or now - known[1] > HISTORY_RECHECK_S:
        known = _history_seen[url] = (has_history(conn), now)
    return known[0]


STATEMENT_INDEX = (
    "CREATE INDEX CONCURRENTLY radacct_user_start_idx "
    "ON radacct (username, acctstarttime, radacctid);"
)
_INDEX_KEYS = text(
    "SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i "
    "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
    "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
    "WHERE i.indrelid = CAST('radacct' AS regclass) AND i.indpred IS NULL "
    "GROUP BY i.indexrelid"
)


def separate_radacct_index(db: Database) -> tuple[str, bool] | None:
    """A separate FreeRADIUS database: (where it is, whether its ``radacct`` has an index
    led by (username, acctstarttime), which a month of one login needs to be read without
    a scan).  None when ``radacct`` is the Central's own (migrations made that index)."""
    with db.session() as session:
        url = _url_value(session.scalar(_RADIUS_URL))
    if not url:
        return None
    engine = _radius_engine(url)
    try:
        with engine.connect() as conn:
            keys = [list(row[0]) for row in conn.execute(_INDEX_KEYS)]
    except DBAPIError as exc:
        raise DatabaseUnavailable(RADIUS_DOWN) from exc
    where = engine.url.render_as_string(hide_password=True)
    return where, any(k[:2] == ["username", "acctstarttime"] for k in keys)


def _check(actor: Actor, flt: ConnectionFilter) -> None:
    require_subscriber(actor, flt.subscriber_id)
    checked_period(flt.period)


_LOGINS_AND_URL = _LOGINS.add_columns(_RADIUS_URL.scalar_subquery())


def _logins(executor: Executor, flt: ConnectionFilter) -> tuple[tuple[str, ...], str]:
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
    return logins, _url_value(rows[0][1])


def _in_period(flt: ConnectionFilter, r: Any) -> list[Any]:
    start, end = local_period_bounds(flt.period.start, flt.period.end)
    return [r.acctstarttime >= start, r.acctstarttime < end]


_START = bindparam("start", type_=RadAcct.acctstarttime.type)
_END = bindparam("end", type_=RadAcct.acctstarttime.type)
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
    conditions = [r.acctstarttime >= _START, r.acctstarttime < _END]
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
    r = _APP_PG.table
    logins = _LOGINS.order_by(None).subquery("l")
    branch = (
        select(*_page_columns(_APP_PG))
        .where(r.username == logins.c.username, *_page_conditions(keyset, r))
        .order_by(r.acctstarttime, r.radacctid)
        .limit(_LIMIT)
        .lateral("s")
    )
    c = branch.c
    return (
        select(*c, _RADIUS_URL.scalar_subquery())
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


def _page(
    conn: Connection,
    src: Source,
    logins: tuple[str, ...],
    flt: ConnectionFilter,
    after: tuple[dt.datetime, int] | None,
    limit: int,
) -> list[ConnectionItem]:
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


@functools.lru_cache(maxsize=4)
def _totals_stmt(src: Source, local: bool = False) -> Select[*tuple[Any, ...]]:
    """Totals over the usernames ``:logins``; ``local``: over the subscriber's logins found by
    a subquery, in the app database, with ``radius.database_url`` as the first column (the
    result counts only when it is empty: ``radacct`` is then the app's own table)."""
    r, dialect = src.table, src.dialect
    open_ = r.acctstoptime.is_(None)
    start = cast(epoch_seconds(r.acctstarttime, dialect), BigInteger)
    # Whole seconds as BIGINT, and aggregate FILTERs instead of CASE: PostgreSQL's
    # EXTRACT gives ``numeric``, and summing numerics row by row cost a third more than
    # the sums themselves.  A closed session without Acct-Session-Time counts stop - start.
    closed_time = func.coalesce(
        r.acctsessiontime,
        cast(epoch_seconds(r.acctstoptime, dialect), BigInteger) - start,
    )
    sums = (
        func.count(),
        func.coalesce(func.sum(closed_time).filter(r.acctstoptime.is_not(None)), 0),
        func.count().filter(open_),
        func.coalesce(func.sum(start).filter(open_), 0),
        int_sum(r.acctoutputoctets),
        int_sum(r.acctinputoctets),
    )
    if local:
        logins: Any = _LOGINS.order_by(None)
        columns: tuple[Any, ...] = (_RADIUS_URL.scalar_subquery(), *sums)
    else:
        logins = bindparam("logins", expanding=True)
        columns = sums
    return select(*columns).where(
        r.username.in_(logins), r.acctstarttime >= _START, r.acctstarttime < _END
    )


def _totals(
    session: Executor, src: Source, logins: tuple[str, ...], flt: ConnectionFilter
) -> ConnectionTotals:
    start, end = local_period_bounds(flt.period.start, flt.period.end)
    params = {"logins": list(logins), "start": start, "end": end}
    return _totals_value(session.execute(_totals_stmt(src), params).one())


def _totals_value(row: Any) -> ConnectionTotals:
    count, closed, open_count, open_starts, down, up = row
    now = int(utcnow().timestamp())
    open_time = int(open_count) * now - round(open_starts)
    return ConnectionTotals(int(count), round(closed) + max(0, open_time), int(down), int(up))


def _daily(
    session: Executor, src: Source, logins: tuple[str, ...], flt: ConnectionFilter
) -> list[DayTraffic]:
    r = src.table
    where = (r.username.in_(logins), *_in_period(flt, r))
    found: dict[dt.date, tuple[int, int]] = {}
    if src.dialect == "postgresql":
        day = cast(func.timezone(LOCAL_TZ.key, r.acctstarttime), Date)
        stmt = (
            select(day, int_sum(r.acctoutputoctets), int_sum(r.acctinputoctets))
            .where(*where)
            .group_by(day)
        )
        found = {d: (int(down), int(up)) for d, down, up in session.execute(stmt)}
    else:
        # SQLite has no time zone data.  Group by UTC *hour* in SQL and give each hour its
        # São Paulo day in Python: the city's offsets (-03:00, and -02:00 in the summer-time
        # years up to 2019) are whole hours, so an UTC hour lies in exactly one local day.
        # Exact for old data too, unlike a fixed -03:00 offset.
        hour = func.strftime("%Y-%m-%d %H", r.acctstarttime)
        stmt = (
            select(hour, int_sum(r.acctoutputoctets), int_sum(r.acctinputoctets))
            .where(*where)
            .group_by(hour)
        )
        for bucket, down, up in session.execute(stmt):
            moment = dt.datetime.strptime(bucket, "%Y-%m-%d %H").replace(tzinfo=dt.UTC)
            local_day = to_local(moment).date()
            old_down, old_up = found.get(local_day, (0, 0))
            found[local_day] = (old_down + int(down), old_up + int(up))
    days: list[DayTraffic] = []
    day_cursor = flt.period.start
    while day_cursor <= flt.period.end:
        down, up = found.get(day_cursor, (0, 0))
        days.append(DayTraffic(day_cursor, down, up))
        day_cursor += dt.timedelta(days=1)
    return days


def _audit_read(
    db: Database, actor: Actor, flt: ConnectionFilter, *, first_page: bool, page: bool
) -> None:
    """The audit entry of a page, totals or chart read, unless its view already has one."""
    sub, period = flt.subscriber_id, flt.period
    if connection_audit.needs_entry(db, actor, sub, period, first_page=first_page):
        _audit(db, actor, flt, ACTION_VIEWED)
        connection_audit.opened(db, actor, sub, period, first_page=page)


def _audit(db: Database, actor: Actor, flt: ConnectionFilter, action: str) -> None:
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
    _check(actor, flt)
    limit = max(1, min(limit, MAX_PAGE))
    with db.read_session() as conn:
        # The one-statement paths read every login of the subscriber: not with a login filter.
        local = db.dialect == "postgresql" and flt.login is None
        items = _local_page(conn, flt, after, limit) if local else None
        if items is None:
            logins, url = _logins(conn, flt)  # raises: no such subscriber, no RADIUS login
            if local and not url:
                items = []  # the one-statement page above already found no sessions
            else:
                with _radacct_session(db, conn, url) as (source, src):
                    items = _page(source, src, logins, flt, after, limit)
    # Audited once the records were read: the first page starts a view; a later page
    # outside any audited view (another caller, or an hour later) is audited too.
    _audit_read(db, actor, flt, first_page=after is None, page=True)
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
    if not rows or _url_value(rows[0][-1]):
        return None
    return _items([row[:-1] for row in rows], "postgresql")


def totals(db: Database, actor: Actor, flt: ConnectionFilter) -> ConnectionTotals:
    """Sessions, connected time and bytes of the period, summed by the database."""
    _check(actor, flt)
    with db.read_session() as conn:
        # Common case in one statement: radacct in the app database, logins by a subquery.
        start, end = local_period_bounds(flt.period.start, flt.period.end)
        params = {"subscriber_id": flt.subscriber_id, "start": start, "end": end}
        local = Source(db.dialect, db.dialect == "postgresql")
        url, *row = conn.execute(_totals_stmt(local, local=True), params).one()
        if not _url_value(url) and flt.login is None:
            if not row[0]:
                _logins(conn, flt)  # raises unless the subscriber has logins (without sessions)
            result = _totals_value(row)
        else:
            logins, url = _logins(conn, flt)
            with _radacct_session(db, conn, url) as (source, src):
                result = _totals(source, src, logins, flt)
    _audit_read(db, actor, flt, first_page=False, page=False)
    return result


def daily_traffic(db: Database, actor: Actor, flt: ConnectionFilter) -> list[DayTraffic]:
    """Download/upload per São Paulo day of the period (every day, zeros included)."""
    _check(actor, flt)
    with db.read_session() as conn:
        logins, url = _logins(conn, flt)
        with _radacct_session(db, conn, url) as (source, src):
            days = _daily(source, src, logins, flt)
    _audit_read(db, actor, flt, first_page=False, page=False)
    return days


def statement(
    db: Database, actor: Actor, flt: ConnectionFilter, *, printed: bool = False
) -> ConnectionStatement:
    """The whole statement for export; audited as viewed, or as printed when ``printed``."""
    _check(actor, flt)
    with db.session() as app:
        logins, url = _logins(app, flt)
        header = subscriber_header(app, flt.subscriber_id)
        company = company_info(app)
    with db.read_session() as conn, _radacct_session(db, conn, url) as (session, src):
        items: list[ConnectionItem] = []
        after: tuple[dt.datetime, int] | None = None
        while True:
            chunk = _page(session, src, logins, flt, after, MAX_PAGE)
            items.extend(chunk)
            if len(chunk) < MAX_PAGE:
                break
            after = chunk[-1].sort_key
        total = _totals(session, src, logins, flt)
        daily = _daily(session, src, logins, flt)
    _audit(db, actor, flt, ACTION_PRINTED if printed else ACTION_VIEWED)
    return ConnectionStatement(
        company=company,
        subscriber=header,
        period=flt.period,
        logins=logins,
        items=tuple(items),
        totals=total,
        daily=tuple(daily),
        generated_at=utcnow(),
    )
