"""Time: stored in UTC, shown in America/Sao_Paulo.  One seam for 'now' so tests can fix it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from desktop.errors import InvalidInput

LOCAL_TZ = ZoneInfo("America/Sao_Paulo")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today_local() -> dt.date:
    return dt.datetime.now(LOCAL_TZ).date()


def to_local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(LOCAL_TZ)


def local_day_start(day: dt.date) -> dt.datetime:
    """The UTC instant when ``day`` begins in São Paulo (``InvalidInput`` at the edges of
    the calendar, where that instant does not exist)."""
    try:
        return dt.datetime.combine(day, dt.time.min, tzinfo=LOCAL_TZ).astimezone(dt.UTC)
    except OverflowError:
        raise _out_of_range(day) from None


def local_period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, end+1 00:00) in São Paulo, as UTC instants (for indexed range queries)."""
    try:
        day_after = end + dt.timedelta(days=1)
    except OverflowError:  # 9999-12-31 has no next day
        raise _out_of_range(end) from None
    return local_day_start(start), local_day_start(day_after)


def _out_of_range(day: dt.date) -> InvalidInput:
    return InvalidInput("clock.data_fora_intervalo_aceito", day=day)
