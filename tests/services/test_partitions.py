"""PostgreSQL month layout: FreeRADIUS's own accounting queries against the migrated schema,
closed sessions moved into the partitioned history (once, even by two runs at once), month
partitions made ahead and dropped past retention, and the retention floors the law sets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.clock import today_local, utcnow
from desktop.domain.enums import Role
from desktop.domain.periods import Period
from desktop.errors import InvalidInput
from desktop.models import partitioning as p
from desktop.services import connection_statement, connections, partitions, radacct_source, settings
from tests.conftest import _truncate_all, make_user
from tests.factories import subscriber
from tests.freeradius_queries import account
from tests.services.concurrency import move_radacct_sessions, run_processes
from tests.statement_factories import call, local


@pytest.fixture
def pg(request: pytest.FixtureRequest) -> Iterator[Database]:
    """The migrated PostgreSQL test database, with an empty radacct history too (the shared
    truncation only knows the mapped tables)."""
    database = Database(request.getfixturevalue("pg_url"))
    _truncate_all(database)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {p.RADACCT_HISTORY.parent}"))
    yield database
    database.dispose()


def _psycopg_url(db: Database) -> str:
    return db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _attrs(unique: str, at: dt.datetime, **extra: object) -> dict[str, object]:
    return {
        "Event-Timestamp": int(at.timestamp()),
        "Acct-Session-Id": f"s-{unique}",
        "Acct-Unique-Session-Id": unique,
        "SQL-User-Name": "maria",
        "NAS-IP-Address": "10.0.0.1",
        "NAS-Port-Type": "Virtual",
        "Framed-IP-Address": "100.64.0.10",
        "Calling-Station-Id": "AA:BB:CC:00:11:22",
        **{k.replace("_", "-"): v for k, v in extra.items()},
    }


@pytest.mark.postgres
def test_freeradius_stock_accounting_queries_and_the_statement(pg: Database) -> None:
    attendant = make_user(pg, "atendente1", Role.ATTENDANT)
    sub_id, _ = subscriber(pg, login="maria")
    t0 = utcnow().replace(microsecond=0) - dt.timedelta(days=10)
    hour = dt.timedelta(hours=1)
    with psycopg.connect(_psycopg_url(pg), autocommit=True) as conn:
        # Start, and its retransmission: ON CONFLICT (AcctUniqueId) DO UPDATE, one row.
        assert account(conn, "start", _attrs("a", t0)) == 1
        assert account(conn, "start", _attrs("a", t0)) == 1
        # Interim update of a known session: the UPDATE.
        usage = {"Acct_Session_Time": 3600, "Acct_Output_Octets": 500, "Acct_Input_Octets": 50}
        assert account(conn, "interim-update", _attrs("a", t0 + hour, **usage)) == 1
        # Interim update of a session whose start was lost: the INSERT … ON CONFLICT DO NOTHING.
        assert account(conn, "interim-update", _attrs("b", t0 + hour, **usage)) == 2
        # Stop with more than 4 GiB (gigawords): the first UPDATE.
        stop = {
            "Acct_Session_Time": 7200,
            "Acct_Output_Gigawords": 1,
            "Acct_Output_Octets": 7,
            "Acct_Input_Octets": 70,
            "Acct_Terminate_Cause": "User-Request",
        }
        assert account(conn, "stop", _attrs("a", t0 + 2 * hour, **stop)) == 1
        # Stop of a session never seen: the INSERT.
        assert account(conn, "stop", _attrs("c", t0 + 3 * hour, **stop)) == 2
        # A retransmitted stop: the last UPDATE (without the stop-time condition).
        assert account(conn, "stop", _attrs("c", t0 + 3 * hour, **stop)) == 3
        # A session that is still open, started today.
        assert account(conn, "start", _attrs("d", utcnow().replace(microsecond=0))) == 1

    report = partitions.maintain(pg)
    assert report.sessions_moved == 2  # a and c: stopped ten days ago; b and d are open
    with pg.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM radacct")) == 2
        kept = conn.scalars(text(f"SELECT acctuniqueid FROM {p.RADACCT_HISTORY.parent}"))
        assert sorted(kept) == ["a", "c"]
    # FreeRADIUS keeps writing the live table: an interim update of the open session.
    with psycopg.connect(_psycopg_url(pg), autocommit=True) as conn:
        assert account(conn, "interim-update", _attrs("b", t0 + 2 * hour, **usage)) == 1

    today = today_local()
    period = Period(today - dt.timedelta(days=20), today)
    st = connection_statement.statement(pg, attendant, connections.ConnectionFilter(sub_id, period))
    by_start = [(i.started_at, i.stopped_at, i.download_bytes) for i in st.items]
    assert by_start == [
        (t0, t0 + 2 * hour, 2**32 + 7),  # a, from the history
        (t0, None, 500),  # b: start = first update's time - Acct-Session-Time
        (t0 + hour, t0 + 3 * hour, 2**32 + 7),  # c: start = stop - 7200 s
        (by_start[3][0], None, 0),  # d
    ]
    assert st.totals.sessions == 4
    assert st.items[0].ip == "100.64.0.10" and st.items[0].mac == "AA:BB:CC:00:11:22"
    page = connections.page(pg, attendant, connections.ConnectionFilter(sub_id, period))
    assert [i.id for i in page] == [i.id for i in st.items]


def _history_row(conn: object, unique: str, start: dt.datetime) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            f"INSERT INTO {p.RADACCT_HISTORY.parent} (radacctid, acctsessionid, acctuniqueid, "
            "username, nasipaddress, acctstarttime, acctstoptime) "
            "VALUES (:id, 's', :u, 'maria', '10.0.0.1', :start, :start)"
        ),
        {"id": abs(hash(unique)) % 10**9, "u": unique, "start": start},
    )


@pytest.mark.postgres
def test_partitions_are_made_ahead_and_dropped_only_past_retention(pg: Database) -> None:
    admin = make_user(pg, "admin1", Role.ADMIN)
    subscriber(pg, voice=True, terminal="4430001111")
    with pg.engine.begin() as conn:
        _history_row(conn, "nov24", local(2025, 11, 30, 23, 59))  # Nov 2025 in São Paulo
        _history_row(conn, "dec24", local(2025, 12, 1, 0, 0))
    call(pg, "4430001111", local(2023, 11, 30, 23))
    call(pg, "4430001111", local(2023, 12, 1, 0, 1))
    settings.change(pg, admin, "retention.calls_months", "36")

    # December 2026: keep December 2025 on (12 months) and December 2023 on (36 months).
    report = partitions.maintain(pg, this_month=dt.date(2026, 12, 1))
    assert {"radacct_2025_11", "radacct_2025_12", "calls_2023_11", "calls_2023_12"} <= set(
        report.created
    )  # the rows in the DEFAULT partitions went to their months
    assert sorted(report.dropped) == ["calls_2023_11", "radacct_2025_11"]
    with pg.engine.connect() as conn:
        history = conn.scalars(text(f"SELECT acctuniqueid FROM {p.RADACCT_HISTORY.parent}"))
        assert list(history) == ["dec24"]
        assert conn.scalar(text("SELECT count(*) FROM calls")) == 1
        made = p.partitions(conn, p.CALLS)
    # Three months ahead of December 2026, and São Paulo month bounds.
    assert {"calls_2026_11", "calls_2026_12", "calls_2027_01", "calls_2027_03"} <= set(made)
    assert made["calls_2027_01"] == (local(2027, 1, 1, 0), local(2027, 2, 1, 0))

    # A year on, with partitions.months_ahead = 6: created up to June 2028, nothing of the
    # last 12 months of connections dropped.
    settings.change(pg, admin, "partitions.months_ahead", "6")
    report = partitions.maintain(pg, this_month=dt.date(2027, 12, 1))
    assert "calls_2028_06" in report.created and "radacct_2028_06" in report.created
    assert "radacct_2025_12" in report.dropped
    assert not [n for n in report.dropped if n >= "radacct_2026_12"]
    assert partitions.maintain(pg, this_month=dt.date(2027, 12, 1)).created == []


def test_retention_below_the_legal_minimum_is_refused(db: Database, admin: CounterActor) -> None:
    with pytest.raises(InvalidInput, match="Marco Civil"):
        settings.change(db, admin, "retention.radacct_months", "11")
    with pytest.raises(InvalidInput, match="RGC"):
        settings.change(db, admin, "retention.calls_months", "35")
    assert settings.change(db, admin, "retention.radacct_months", "12") == 12
    assert settings.read(db, "retention.calls_months") == 60


@pytest.mark.postgres
def test_two_moves_at_once_leave_each_session_exactly_once(pg: Database) -> None:
    old = utcnow() - dt.timedelta(days=30)
    with pg.engine.begin() as conn:
        # 3 000 closed sessions of last month and 500 open ones.
        conn.execute(
            text(
                "INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, "
                "acctstarttime, acctstoptime) SELECT 's' || g, 'u' || g, 'maria', '10.0.0.1', "
                ":old + g * interval '1 second', "
                "CASE WHEN g % 7 = 0 THEN NULL ELSE :old + g * interval '1 second' END "
                "FROM generate_series(1, 3500) g"
            ),
            {"old": old},
        )
        closed = conn.scalar(text("SELECT count(*) FROM radacct WHERE acctstoptime IS NOT NULL"))
        p.create_months(conn, p.RADACCT_HISTORY, [p.month_start(old.date())])
    cutoff = utcnow() - dt.timedelta(days=7)
    url = pg.engine.url.render_as_string(hide_password=False)
    moved = run_processes(move_radacct_sessions, [(url, cutoff, 100), (url, cutoff, 100)])
    assert sum(moved) == closed and all(m > 0 for m in moved)  # both took part
    with pg.engine.connect() as conn:
        seen = conn.execute(
            text(f"SELECT count(*), count(DISTINCT acctuniqueid) FROM {p.RADACCT_VIEW}")
        ).one()
        assert tuple(seen) == (3500, 3500)
        assert conn.scalar(text("SELECT count(*) FROM radacct")) == 3500 - closed


@pytest.mark.postgres
def test_the_move_runs_in_a_separate_freeradius_database(pg: Database) -> None:
    import uuid
    from pathlib import Path

    from tests.conftest import PG_ADMIN_URL

    attendant = make_user(pg, "atendente1", Role.ATTENDANT)
    sub_id, _ = subscriber(pg, login="maria")
    name = f"ca_radius_{uuid.uuid4().hex[:10]}"
    admin_url = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    radius_url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    schema = Path(__file__).resolve().parent.parent / "data" / "freeradius_schema.sql"
    try:
        t0 = utcnow().replace(microsecond=0) - dt.timedelta(days=9)
        with psycopg.connect(radius_url, autocommit=True) as conn:
            conn.execute(schema.read_text(encoding="utf-8"))  # FreeRADIUS's own schema.sql
            account(conn, "start", _attrs("old", t0))
            account(conn, "stop", _attrs("old", t0 + dt.timedelta(hours=1), Acct_Session_Time=3600))
            account(conn, "start", _attrs("open", utcnow().replace(microsecond=0)))
        with pg.session() as session:
            settings.put(session, "radius.database_url", radius_url)
        report = partitions.maintain(pg)
        assert report.sessions_moved == 1
        assert any(n.startswith("radacct_") for n in report.created)
        with psycopg.connect(radius_url) as conn:
            live = conn.execute("SELECT acctuniqueid FROM radacct").fetchall()
            moved = conn.execute(f"SELECT acctuniqueid FROM {p.RADACCT_HISTORY.parent}").fetchall()
        assert live == [("open",)] and moved == [("old",)]
        today = today_local()
        flt = connections.ConnectionFilter(sub_id, Period(today - dt.timedelta(days=20), today))
        items = connection_statement.statement(pg, attendant, flt).items
        assert [(i.started_at, i.duration_s) for i in items[:1]] == [(t0, 3600)]
        assert len(items) == 2  # the moved one and the open one, through radacct_all there
        assert partitions.maintain(pg).sessions_moved == 0  # a second run: nothing left
    finally:
        with pg.session() as session:
            settings.put(session, "radius.database_url", "")
        for engine in list(radacct_source._engines.values()):
            engine.dispose()
        radacct_source._engines.clear()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
