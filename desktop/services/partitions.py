"""``jobs run``'s upkeep of the PostgreSQL month layout (``desktop.models.partitioning``).

Every run: closed sessions older than ``partitions.radacct_move_days`` move from ``radacct``
into its history; month partitions of ``calls`` and of that history are created up to
``partitions.months_ahead`` months ahead (and for any month whose rows wait in a DEFAULT
partition); whole months past ``retention.calls_months`` / ``retention.radacct_months`` are
dropped.  The sessions' part runs where ``radacct`` is: the Central's database, or the
separate FreeRADIUS database of ``radius.database_url`` (which must then let this user
create tables there).  SQLite keeps plain tables: nothing to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.db import Database, create_db_engine
from desktop.domain.clock import utcnow
from desktop.errors import DatabaseUnavailable, InvalidInput, Message
from desktop.models import partitioning as p
from desktop.services import settings

MOVE_BATCH = 20_000  # sessions per move transaction: short locks, bounded WAL per commit
RADIUS_FAILED = "partitions.historico_sessoes_falhou"


@dataclass
class PartitionReport:
    sessions_moved: int = 0
    created: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    skipped: bool = False  # SQLite: plain tables


@dataclass(frozen=True)
class Plan:
    """What one run does, from the settings (and today's month)."""

    this_month: dt.date
    months_ahead: int
    radacct_months: int
    calls_months: int
    move_days: int

    def months(self) -> list[dt.date]:
        return [p.add_months(self.this_month, n) for n in range(-1, self.months_ahead + 1)]

    def keep_from(self, months: int) -> dt.datetime:
        """Rows that started on or after this instant are kept: the start of the month
        ``months`` before this one, so at least ``months`` whole months stay."""
        return p.month_bounds(p.add_months(self.this_month, -months))[0]


def plan(db: Database, this_month: dt.date | None = None) -> Plan:
    with db.session() as session:
        values = {
            key: settings.get(session, key)
            for key in (
                "partitions.months_ahead",
                "retention.radacct_months",
                "retention.calls_months",
                "partitions.radacct_move_days",
            )
        }
    return Plan(
        this_month or p.this_month(),
        values["partitions.months_ahead"],
        values["retention.radacct_months"],
        values["retention.calls_months"],
        values["partitions.radacct_move_days"],
    )


def maintain(db: Database, this_month: dt.date | None = None) -> PartitionReport:
    report = PartitionReport()
    if db.dialect != "postgresql":
        report.skipped = True
        return report
    run = plan(db, this_month)
    with db.engine.begin() as conn:
        p.lock(conn)
        _upkeep(conn, p.CALLS, run, run.calls_months, report)
    url = str(settings.read(db, "radius.database_url")).strip()
    if not url:
        _sessions(db.engine, run, report)
        return report
    engine = _radius_writer(url)
    try:
        _sessions(engine, run, report)
    except DBAPIError as exc:
        # The server's own first line (its language, not ours) says what went wrong.
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else ""
        raise DatabaseUnavailable(
            RADIUS_FAILED, reason=reason or Message("partitions.erro_banco")
        ) from exc
    finally:
        engine.dispose()
    return report


def move_sessions(engine: Engine, stopped_before: dt.datetime) -> int:
    """Move every session stopped before ``stopped_before`` into the history, a batch per
    transaction (each batch all or nothing); safe to run twice at once."""
    moved = 0
    while True:
        with engine.begin() as conn:
            count = p.move_closed_sessions(conn, stopped_before, MOVE_BATCH)
        moved += count
        if count < MOVE_BATCH:
            return moved


def _sessions(engine: Engine, run: Plan, report: PartitionReport) -> None:
    with engine.begin() as conn:
        p.lock(conn)
        p.create_radacct_history(conn)
    report.sessions_moved = move_sessions(engine, utcnow() - dt.timedelta(days=run.move_days))
    with engine.begin() as conn:
        p.lock(conn)
        _upkeep(conn, p.RADACCT_HISTORY, run, run.radacct_months, report)


def _upkeep(
    conn: Connection, spec: p.Partitioned, run: Plan, months: int, report: PartitionReport
) -> None:
    wanted = run.months() + p.stray_months(conn, spec)
    report.created += p.create_months(conn, spec, wanted)
    report.dropped += p.drop_expired(conn, spec, run.keep_from(months))


def _radius_writer(url: str) -> Engine:
    """A writing engine on the FreeRADIUS database (the statement's one is read-only)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        # The same setting as the statement's (services/connections): the same words.
        raise InvalidInput("connections.endereco_banco_freeradius_invalido") from None
    if parsed.get_backend_name() != "postgresql":
        raise InvalidInput("connections.banco_freeradius_radius_database")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_db_engine(parsed.render_as_string(hide_password=False))
