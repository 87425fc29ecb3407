"""The Extrato de Conexões' sums: the period's totals and the traffic of each São Paulo day.

Summed by the database over the subscriber's logins (the totals panel and the chart of the
tab, and the last page of the printed statement); read wherever ``radacct`` lives
(desktop.services.radacct_source) and audited like the statement's lines
(desktop.services.connections).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Date, Select, bindparam, cast, func, select

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import LOCAL_TZ, local_period_bounds, to_local, utcnow
from desktop.services.connections import (
    END,
    START,
    ConnectionFilter,
    audit_read,
    check,
    logins_and_url,
)
from desktop.services.radacct_source import (
    RADIUS_URL,
    SUBSCRIBER_LOGINS,
    Source,
    radacct_session,
    url_value,
)
from desktop.services.statement_common import Executor, epoch_seconds, int_sum


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


def _in_period(flt: ConnectionFilter, r: Any) -> list[Any]:
    start, end = local_period_bounds(flt.period.start, flt.period.end)
    return [r.acctstarttime >= start, r.acctstarttime < end]


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
        logins: Any = SUBSCRIBER_LOGINS.order_by(None)
        columns: tuple[Any, ...] = (RADIUS_URL.scalar_subquery(), *sums)
    else:
        logins = bindparam("logins", expanding=True)
        columns = sums
    return select(*columns).where(
        r.username.in_(logins), r.acctstarttime >= START, r.acctstarttime < END
    )


def period_totals(
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


def period_days(
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


def totals(db: Database, actor: Actor, flt: ConnectionFilter) -> ConnectionTotals:
    """Sessions, connected time and bytes of the period, summed by the database."""
    check(actor, flt)
    with db.read_session() as conn:
        # Common case in one statement: radacct in the app database, logins by a subquery.
        start, end = local_period_bounds(flt.period.start, flt.period.end)
        params = {"subscriber_id": flt.subscriber_id, "start": start, "end": end}
        local = Source(db.dialect, db.dialect == "postgresql")
        url, *row = conn.execute(_totals_stmt(local, local=True), params).one()
        if not url_value(url) and flt.login is None:
            if not row[0]:
                logins_and_url(
                    conn, flt
                )  # raises unless the subscriber has logins (without sessions)
            result = _totals_value(row)
        else:
            logins, url = logins_and_url(conn, flt)
            with radacct_session(db, conn, url) as (source, src):
                result = period_totals(source, src, logins, flt)
    audit_read(db, actor, flt, first_page=False, page=False)
    return result


def daily_traffic(db: Database, actor: Actor, flt: ConnectionFilter) -> list[DayTraffic]:
    """Download/upload per São Paulo day of the period (every day, zeros included)."""
    check(actor, flt)
    with db.read_session() as conn:
        logins, url = logins_and_url(conn, flt)
        with radacct_session(db, conn, url) as (source, src):
            days = period_days(source, src, logins, flt)
    audit_read(db, actor, flt, first_page=False, page=False)
    return days
