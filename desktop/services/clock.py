"""Time: stored in UTC, shown in America/Sao_Paulo.  One seam for 'now' so tests can fix it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("America/Sao_Paulo")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today_local() -> dt.date:
    return dt.datetime.now(LOCAL_TZ).date()


def to_local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(LOCAL_TZ)


def local_day_start(day: dt.date) -> dt.datetime:
    """The UTC instant when ``day`` begins in São Paulo."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=LOCAL_TZ).astimezone(dt.UTC)


def local_period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, end+1 00:00) in São Paulo, as UTC instants (for indexed range queries)."""
    return local_day_start(start), local_day_start(end + dt.timedelta(days=1))
