"""The whole Extrato de Conexões at once, for export (PDF, CSV, JSON) and print.

Every line of the period (pages of :data:`~desktop.services.connections.MAX_PAGE`, read on
one connection so they agree with the totals), the totals and the daily traffic, with the
company and subscriber headers; audited as viewed, or as printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.periods import Period
from desktop.services.company import CompanyInfo, company_info
from desktop.services.connection_totals import (
    ConnectionTotals,
    DayTraffic,
    period_days,
    period_totals,
)
from desktop.services.connections import (
    ACTION_PRINTED,
    ACTION_VIEWED,
    MAX_PAGE,
    ConnectionFilter,
    ConnectionItem,
    audit_entry,
    check,
    logins_and_url,
    read_page,
)
from desktop.services.radacct_source import radacct_session
from desktop.services.statement_common import SubscriberHeader, subscriber_header


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


def statement(
    db: Database, actor: Actor, flt: ConnectionFilter, *, printed: bool = False
) -> ConnectionStatement:
    """The whole statement for export; audited as viewed, or as printed when ``printed``."""
    check(actor, flt)
    with db.session() as app:
        logins, url = logins_and_url(app, flt)
        header = subscriber_header(app, flt.subscriber_id)
        company = company_info(app)
    with db.read_session() as conn, radacct_session(db, conn, url) as (session, src):
        items: list[ConnectionItem] = []
        after: tuple[dt.datetime, int] | None = None
        while True:
            chunk = read_page(session, src, logins, flt, after, MAX_PAGE)
            items.extend(chunk)
            if len(chunk) < MAX_PAGE:
                break
            after = chunk[-1].sort_key
        total = period_totals(session, src, logins, flt)
        daily = period_days(session, src, logins, flt)
    audit_entry(db, actor, flt, ACTION_PRINTED if printed else ACTION_VIEWED)
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
