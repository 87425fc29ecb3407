"""Extrato de Conexões over FreeRADIUS's radacct: pages, >4 GiB sessions, open sessions,
daily traffic on São Paulo days, audit of every view, scope, and a separate FreeRADIUS DB."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import utcnow
from desktop.domain.periods import Period
from desktop.errors import AccessDenied, DatabaseUnavailable, InvalidInput, NotFound
from desktop.models import AuditEntry, RadiusLogin
from desktop.services import (
    connection_statement,
    connection_totals,
    connections,
    radacct_source,
    settings,
)
from tests.conftest import PG_ADMIN_URL, kiosk
from tests.factories import CPFS, subscriber
from tests.statement_factories import local, radacct, session_row

NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
GIB = 2**30
SCHEMA_SQL = Path(__file__).resolve().parent.parent / "data" / "freeradius_schema.sql"
OPEN_START = local(2026, 11, 20, 8)


def _rows() -> list[dict[str, object]]:
    return [
        # 5 GiB down in one session (more than 32 bits of octets).
        session_row(
            "maria",
            local(2026, 11, 3, 10),
            local(2026, 11, 3, 12),
            download=5 * GIB,
            upload=300 * 2**20,
        ),
        session_row(
            "maria",
            local(2026, 11, 3, 22),
            local(2026, 11, 4, 1),
            download=1_000_000,
            upload=100_000,
            cause="Lost-Carrier",
        ),
        # Started on 30 Nov at 23:30 in São Paulo = 1 Dec 02:30 UTC: a November day.
        session_row(
            "maria.fibra",
            local(2026, 11, 30, 23, 30),
            local(2026, 11, 30, 23, 50),
            download=7,
            upload=3,
        ),
        session_row("maria", OPEN_START, None, download=2 * GIB, upload=GIB),  # em andamento
        # Outside the period in São Paulo time (31 Oct 23:00 = 1 Nov 02:00 UTC).
        session_row(
            "maria", local(2026, 10, 31, 23), local(2026, 10, 31, 23, 30), download=11, upload=11
        ),
        session_row("outro", local(2026, 11, 5, 10), local(2026, 11, 5, 11)),
    ]


def _setup(db: Database) -> tuple[int, int]:
    sub_id, contract_id = subscriber(db, login="maria")
    with db.session() as session:
        session.add(RadiusLogin(contract_id=contract_id, username="maria.fibra"))
    other_id, _ = subscriber(db, "Outro Assinante", CPFS[1], login="outro")
    radacct(db, _rows())
    return sub_id, other_id


def _audit_actions(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_pages_sessions_in_start_order_with_bytes_and_open_session(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = _setup(db)
    flt = connections.ConnectionFilter(sub_id, NOVEMBER)
    before = utcnow()
    first = connections.page(db, attendant, flt, limit=2)
    rest = connections.page(db, attendant, flt, after=first[-1].sort_key, limit=10)
    after = utcnow()
    items = first + rest
    assert [i.login for i in items] == ["maria", "maria", "maria", "maria.fibra"]
    big = items[0]
    assert big.download_bytes == 5 * GIB and big.upload_bytes == 300 * 2**20
    assert big.duration_s == 7200 and big.stopped_at == local(2026, 11, 3, 12)
    assert big.ip == "100.64.0.10" and big.ipv6_prefix == "2804:14c:1000:100::/56"
    assert big.mac == "AA:BB:CC:00:11:22" and big.nas_ip == "10.0.0.1"
    assert big.terminate_cause == "User-Request"
    open_session = items[2]
    assert open_session.stopped_at is None and open_session.terminate_cause is None
    low = int((before - OPEN_START).total_seconds())
    high = int((after - OPEN_START).total_seconds())
    assert low <= open_session.duration_s <= high
    assert items[3].started_at == local(2026, 11, 30, 23, 30)


def test_totals_are_exact_beyond_four_gibibytes(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = _setup(db)
    before = utcnow()
    totals = connection_totals.totals(db, attendant, connections.ConnectionFilter(sub_id, NOVEMBER))
    after = utcnow()
    assert totals.sessions == 4
    assert totals.download_bytes == 5 * GIB + 1_000_000 + 7 + 2 * GIB
    assert totals.upload_bytes == 300 * 2**20 + 100_000 + 3 + GIB
    assert isinstance(totals.download_bytes, int)
    closed = 7200 + 3 * 3600 + 20 * 60
    assert closed + int((before - OPEN_START).total_seconds()) - 1 <= totals.duration_s
    assert totals.duration_s <= closed + int((after - OPEN_START).total_seconds()) + 1


def test_daily_traffic_uses_sao_paulo_days_and_lists_every_day(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = _setup(db)
    days = connection_totals.daily_traffic(
        db, attendant, connections.ConnectionFilter(sub_id, NOVEMBER)
    )
    assert (
        len(days) == 30
        and days[0].day == dt.date(2026, 11, 1)
        and days[-1].day == dt.date(2026, 11, 30)
    )
    by_day = {d.day: (d.download_bytes, d.upload_bytes) for d in days}
    assert by_day[dt.date(2026, 11, 3)] == (5 * GIB + 1_000_000, 300 * 2**20 + 100_000)
    assert by_day[dt.date(2026, 11, 20)] == (2 * GIB, GIB)
    assert by_day[dt.date(2026, 11, 30)] == (7, 3)
    assert by_day[dt.date(2026, 11, 1)] == (0, 0)  # the October 31st session is not here


def test_daily_traffic_of_summer_time_years(db: Database, attendant: CounterActor) -> None:
    """Until 2019 São Paulo had summer time (-02:00): 23:30 local on 20 Jan 2018 is 01:30 UTC."""
    sub_id, _ = subscriber(db, login="maria")
    summer = dt.timezone(dt.timedelta(hours=-2))
    start = dt.datetime(2018, 1, 20, 23, 30, tzinfo=summer)
    radacct(
        db, [session_row("maria", start, start + dt.timedelta(minutes=10), download=42, upload=1)]
    )
    flt = connections.ConnectionFilter(sub_id, Period(dt.date(2018, 1, 20), dt.date(2018, 1, 21)))
    days = connection_totals.daily_traffic(db, attendant, flt)
    assert [(d.day.day, d.download_bytes) for d in days] == [(20, 42), (21, 0)]


def test_every_view_and_print_is_audited(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = _setup(db)
    flt = connections.ConnectionFilter(sub_id, NOVEMBER)
    first = connections.page(db, attendant, flt, limit=1)
    connections.page(db, attendant, flt, after=first[-1].sort_key, limit=1)  # scrolling: no entry
    connection_totals.totals(db, attendant, flt)
    connection_statement.statement(db, attendant, flt)
    connection_statement.statement(db, attendant, flt, printed=True)
    assert _audit_actions(db) == [
        "extrato_conexoes.consultado",
        "extrato_conexoes.consultado",
        "extrato_conexoes.impresso",
    ]
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        assert (entry.actor, entry.subject_type, entry.subject_id) == (
            "atendente:atendente1",
            "subscriber",
            str(sub_id),
        )
        assert json.loads(entry.details) == {"de": "2026-11-01", "ate": "2026-11-30"}


def test_kiosk_sees_only_its_own_connections(db: Database) -> None:
    sub_id, other_id = _setup(db)
    own = connections.page(db, kiosk(sub_id), connections.ConnectionFilter(sub_id, NOVEMBER))
    assert len(own) == 4
    for call in (
        connections.page,
        connection_totals.totals,
        connection_totals.daily_traffic,
        connection_statement.statement,
    ):
        with pytest.raises(AccessDenied):
            call(db, kiosk(sub_id), connections.ConnectionFilter(other_id, NOVEMBER))
    assert _audit_actions(db) == ["extrato_conexoes.consultado"]  # refusals leave no view entry


def test_subscriber_without_radius_login_is_refused(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = subscriber(db, voice=True, internet=False, plan="Fone", terminal="4430451234")
    with pytest.raises(InvalidInput, match="RADIUS"):
        connections.page(db, attendant, connections.ConnectionFilter(sub_id, NOVEMBER))


def test_a_quiet_period_is_an_empty_page_and_still_audited(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = _setup(db)
    quiet_day = Period(dt.date(2026, 11, 2), dt.date(2026, 11, 2))
    assert connections.page(db, attendant, connections.ConnectionFilter(sub_id, quiet_day)) == []
    assert _audit_actions(db) == ["extrato_conexoes.consultado"]
    with pytest.raises(NotFound):
        connections.page(db, attendant, connections.ConnectionFilter(999_999, quiet_day))


def test_statement_collects_items_totals_and_days(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = _setup(db)
    st = connection_statement.statement(
        db, attendant, connections.ConnectionFilter(sub_id, NOVEMBER)
    )
    assert st.logins == ("maria", "maria.fibra")
    assert len(st.items) == 4 and st.totals.sessions == 4 and len(st.daily) == 30
    assert st.subscriber.id == sub_id and st.period == NOVEMBER


# --------------------------------------------------------------------------- separate FreeRADIUS DB
@pytest.fixture
def freeradius_url() -> Iterator[str]:
    """A throw-away PostgreSQL database with radacct created by FreeRADIUS's own schema.sql."""
    name = f"ca_radius_{uuid.uuid4().hex[:10]}"
    admin = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = admin.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    yield url
    for engine in list(radacct_source._engines.values()):
        engine.dispose()
    radacct_source._engines.clear()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _insert_freeradius(url: str, rows: list[dict[str, object]]) -> None:
    """Insert as FreeRADIUS does: plain SQL on its own table (mixed-case names folded)."""
    with psycopg.connect(url, autocommit=True) as conn:
        for row in rows:
            columns = ", ".join(row)
            marks = ", ".join(["%s"] * len(row))
            conn.execute(f"INSERT INTO radacct ({columns}) VALUES ({marks})", list(row.values()))


@pytest.mark.postgres
def test_statement_from_a_separate_freeradius_database(
    db: Database, attendant: CounterActor, admin: CounterActor, freeradius_url: str
) -> None:
    sub_id, _contract_id = subscriber(db, login="maria")
    _insert_freeradius(freeradius_url, [r for r in _rows() if r["username"] != "maria.fibra"])
    radacct(
        db, [session_row("maria", local(2026, 11, 9, 9), local(2026, 11, 9, 10), download=99)]
    )  # ignored
    settings.change(db, admin, "radius.database_url", freeradius_url)
    st = connection_statement.statement(
        db, attendant, connections.ConnectionFilter(sub_id, NOVEMBER), printed=True
    )
    assert [i.download_bytes for i in st.items] == [5 * GIB, 1_000_000, 2 * GIB]
    assert st.items[0].ip == "100.64.0.10" and st.items[0].ipv6_prefix == "2804:14c:1000:100::/56"
    assert st.items[0].nas_ip == "10.0.0.1"
    assert st.totals.download_bytes == 7 * GIB + 1_000_000
    assert sum(d.download_bytes for d in st.daily) == 7 * GIB + 1_000_000
    assert _audit_actions(db)[-1] == "extrato_conexoes.impresso"  # written in the Central's DB
    # The screen's pages and totals read there too, never the app database's own radacct.
    flt = connections.ConnectionFilter(sub_id, NOVEMBER)
    shown = connections.page(db, attendant, flt, limit=2)
    shown += connections.page(db, attendant, flt, after=shown[-1].sort_key)
    assert [i.download_bytes for i in shown] == [5 * GIB, 1_000_000, 2 * GIB]
    assert connection_totals.totals(db, attendant, flt).download_bytes == 7 * GIB + 1_000_000
    engine = radacct_source.radius_engine(freeradius_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"


@pytest.mark.postgres
def test_a_dead_freeradius_database_is_reported(
    db: Database, attendant: CounterActor, admin: CounterActor
) -> None:
    sub_id, _ = subscriber(db, login="maria")
    settings.change(
        db, admin, "radius.database_url", "postgresql+psycopg://postgres@127.0.0.1:1/radius"
    )
    try:
        with pytest.raises(DatabaseUnavailable, match="FreeRADIUS"):
            connections.page(db, attendant, connections.ConnectionFilter(sub_id, NOVEMBER))
    finally:
        radacct_source._engines.pop("postgresql+psycopg://postgres@127.0.0.1:1/radius").dispose()
    assert _audit_actions(db).count("extrato_conexoes.consultado") == 0


def test_missing_session_time_falls_back_to_stop_minus_start(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = subscriber(db, login="maria")
    row = session_row("maria", local(2026, 11, 2, 8), local(2026, 11, 2, 8, 30))
    row["acctsessiontime"] = None  # a Stop without Acct-Session-Time
    radacct(db, [row])
    flt = connections.ConnectionFilter(sub_id, NOVEMBER)
    assert [i.duration_s for i in connections.page(db, attendant, flt)] == [1800]
    assert connection_totals.totals(db, attendant, flt).duration_s == 1800


def test_totals_in_one_statement_keep_scope_and_errors(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, other_id = _setup(db)
    other = connection_totals.totals(
        db, attendant, connections.ConnectionFilter(other_id, NOVEMBER)
    )
    assert other.sessions == 1  # its own session only
    quiet_day = Period(dt.date(2026, 11, 2), dt.date(2026, 11, 2))
    empty = connection_totals.totals(db, attendant, connections.ConnectionFilter(sub_id, quiet_day))
    assert empty == connection_totals.ConnectionTotals(0, 0, 0, 0)
    voice_only, _ = subscriber(
        db, "Só Voz", CPFS[2], voice=True, internet=False, plan="Fone", terminal="4430451234"
    )
    with pytest.raises(InvalidInput, match="RADIUS"):
        connection_totals.totals(db, attendant, connections.ConnectionFilter(voice_only, NOVEMBER))
    with pytest.raises(NotFound):
        connection_totals.totals(db, attendant, connections.ConnectionFilter(999_999, NOVEMBER))


def test_the_login_filter_reads_one_login_and_refuses_anothers(
    db: Database, attendant: CounterActor
) -> None:
    sub_id, _ = _setup(db)
    flt = connections.ConnectionFilter(sub_id, NOVEMBER, "maria.fibra")
    assert [i.login for i in connections.page(db, attendant, flt)] == ["maria.fibra"]
    assert connection_totals.totals(db, attendant, flt).sessions == 1
    assert sum(
        d.download_bytes for d in connection_totals.daily_traffic(db, attendant, flt)
    ) == sum(i.download_bytes for i in connections.page(db, attendant, flt))
    everyone = connections.ConnectionFilter(sub_id, NOVEMBER)
    assert connection_totals.totals(db, attendant, everyone).sessions == 4
    with pytest.raises(InvalidInput, match="não é deste assinante"):
        connections.page(db, attendant, connections.ConnectionFilter(sub_id, NOVEMBER, "joao"))
