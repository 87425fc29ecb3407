"""``Database.read_session``: the read-only unit of work used by statement pages and totals."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import literal, select

from desktop.db import Database
from desktop.errors import DatabaseUnavailable
from desktop.models import Setting
from desktop.models.base import UTCDateTime
from desktop.services import settings
from tests.conftest import PG_ADMIN_URL


def test_reads_what_a_session_committed(db: Database) -> None:
    with db.session() as session:
        settings.put(session, "radius.database_url", "postgresql://radius@10.0.0.5/radius")
    with db.read_session() as conn:
        value = conn.execute(
            select(Setting.value).where(Setting.key == "radius.database_url")
        ).scalar()
    assert value == "postgresql://radius@10.0.0.5/radius"


def test_a_later_commit_is_seen_by_the_next_read(db: Database) -> None:
    query = select(Setting.value).where(Setting.key == "radius.database_url")
    with db.read_session() as conn:
        assert conn.execute(query).scalar() is None
    with db.session() as session:
        settings.put(session, "radius.database_url", "postgresql://x@h/r")
    with db.read_session() as conn:
        assert conn.execute(query).scalar() == "postgresql://x@h/r"


@pytest.mark.postgres
def test_an_unreachable_server_is_reported() -> None:
    dead = Database("postgresql+psycopg://postgres@127.0.0.1:1/nothing")
    try:
        with pytest.raises(DatabaseUnavailable), dead.read_session() as conn:
            conn.execute(select(1))
    finally:
        dead.dispose()


def _server_drops_our_connections(db: Database) -> int:
    """What a server restart does to the pool: every backend of this database is ended."""
    import psycopg

    admin = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    name = db.engine.url.database
    with psycopg.connect(admin, autocommit=True) as conn:
        ended = conn.execute(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()) AS t",
            (name,),
        ).fetchone()
        # Like a restart, which returns once the server is down: the backends are gone
        # (and their "terminating connection" notices sent) before the test goes on.
        while conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        ).fetchone() != (0,):
            time.sleep(0.01)
    assert ended is not None
    return int(ended[0])


def _read_setting(db: Database) -> str | None:
    with db.read_session() as conn:
        return conn.execute(
            select(Setting.value).where(Setting.key == "radius.database_url")
        ).scalar()


@pytest.mark.postgres
def test_an_idle_connection_lost_to_a_restart_is_replaced_unseen(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.db.IDLE_PING_SECONDS", 0.0)  # every pooled connection is idle
    db = Database(pg_url)
    try:
        before = _read_setting(db)  # a connection is now in the pool
        assert _server_drops_our_connections(db) >= 1
        assert _read_setting(db) == before  # no error: the dead connection was replaced
        assert _server_drops_our_connections(db) >= 1
        with db.session() as session:  # writes too
            settings.put(session, "radius.database_url", "postgresql://idle@h/r")
        assert _read_setting(db) == "postgresql://idle@h/r"
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_restart_right_after_a_use_costs_no_action(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A counter that read a second before the server restarted: its next action works
    (the load benchmark's restart run lost one action per station here)."""
    monkeypatch.setattr("desktop.db.IDLE_PING_SECONDS", 3600.0)  # no ping: used a moment ago
    db = Database(pg_url)
    try:
        before = _read_setting(db)
        with db.session() as session:
            settings.put(session, "radius.database_url", "postgresql://restart@h/r")
        assert _server_drops_our_connections(db) >= 2  # both pools' connections
        assert _read_setting(db) == "postgresql://restart@h/r" != before
        assert _server_drops_our_connections(db) >= 1
        with db.session() as session:
            settings.put(session, "radius.database_url", "postgresql://again@h/r")
        assert _read_setting(db) == "postgresql://again@h/r"
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_connection_lost_in_use_fails_once_then_reconnects(pg_url: str) -> None:
    db = Database(pg_url)
    try:
        before = _read_setting(db)
        with (
            pytest.raises(DatabaseUnavailable, match="nada foi alterado"),
            db.read_session() as conn,
        ):
            conn.execute(select(literal(1)))
            _server_drops_our_connections(db)  # while this read holds its connection
            conn.execute(select(Setting.value))
        assert _read_setting(db) == before  # the pool was refreshed: the next try works
    finally:
        db.dispose()


@pytest.mark.postgres
def test_timestamps_come_back_in_utc_whatever_the_server_zone(pg_url: str) -> None:
    """The app's connections run in UTC; a value written from São Paulo time reads back as
    the same instant, marked UTC."""
    import datetime as dt

    from desktop.domain.clock import LOCAL_TZ

    db = Database(pg_url)
    try:
        moment = dt.datetime(2026, 3, 1, 21, 30, tzinfo=LOCAL_TZ)
        with db.read_session() as conn:
            zone = conn.exec_driver_sql("SHOW TimeZone").scalar()
            back = conn.execute(select(literal(moment, UTCDateTime()))).scalar()
        assert zone == "UTC"
        assert back == moment and back is not None and back.tzinfo is dt.UTC
    finally:
        db.dispose()
