"""Engine and session factory; SQLite by default, PostgreSQL by URL; Alembic on start.

``Database`` is the object every service receives.  Sessions are short: one unit of work
(a page, a total, an action) per ``session()`` block.
"""

from __future__ import annotations

import logging
import select
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Executable, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.db_replica import REPLICA_CONNECT_TIMEOUT_S, ReadRouter, check_read_url
from desktop.errors import DatabaseUnavailable, InvalidInput, SchemaTooNew

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets a kiosk read while a counter writes; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_db_engine(url: str, *, autocommit: bool = False, connect_timeout: int = 5) -> Engine:
    """The engine for ``url``.  ``autocommit`` (PostgreSQL): a small pool whose connections
    stay in autocommit, for reads and single-statement writes."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInput(f"Endereço de banco de dados inválido: {url!r}.") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise InvalidInput("Banco de dados não suportado: use SQLite ou PostgreSQL.")
    # The autocommit pool's connections are set once, not switched on every checkout and
    # reset on every return (that cost most of a short query's Python time), and there is
    # never a transaction to roll back when one comes back.
    extra: dict[str, Any] = (
        {"isolation_level": "AUTOCOMMIT", "pool_reset_on_return": None, "pool_size": 2}
        if autocommit
        else {"pool_size": 5}
    )
    engine = create_engine(
        parsed,
        **extra,
        connect_args={
            "connect_timeout": connect_timeout,
            "application_name": "central-assinante",
            # Timestamps arrive in UTC, as they are stored and handled (``UTCDateTime``);
            # nothing in the app's SQL depends on the session's zone.
            "options": "-c TimeZone=UTC",
        },
    )
    ping_idle_connections(engine)
    return engine


# A pooled connection unused for this long is pinged before it is handed out again.
IDLE_PING_SECONDS = 5.0


def ping_idle_connections(engine: Engine) -> None:
    """Reconnect a database that went away and came back, without a round trip per use.

    ``pool_pre_ping`` pings on *every* checkout: one extra round trip for each page of a
    statement, a third of a short query's time.  Here, at each checkout:

    * a connection whose socket has something to read is dead: an idle connection is owed
      nothing, so that is the server's "terminating connection" notice or the end of the
      stream — what a restart (``pg_ctl restart -m fast``), a failover or
      ``pg_terminate_backend`` leaves in every pooled connection.  Checking costs one
      ``poll()`` system call, no round trip.  Before this, a station that had used the
      database a second before the restart failed its next action (the load benchmark's
      restart run found it: each station lost the first action after the restart);
    * a connection that sat idle in the pool for ``IDLE_PING_SECONDS`` is pinged too, for a
      link that dropped without a word (a cable, a NAT timeout).

    A dead one is replaced before the caller sees it.  A connection lost while in use fails
    that one operation with ``DatabaseUnavailable``, and SQLAlchemy then discards every
    pooled connection older than the failure, so the next attempt reconnects.
    """

    @event.listens_for(engine, "checkin")
    def _stamp(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if _server_spoke_while_idle(dbapi_connection):
            raise DisconnectionError("conexão encerrada pelo servidor")  # the pool reconnects
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
            return  # new, or used a moment ago
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception:
            alive = False
        if not alive:
            raise DisconnectionError("conexão ociosa perdida")  # the pool reconnects


def _server_spoke_while_idle(dbapi_connection: Any) -> bool:
    """True when an idle connection's socket is readable (closed, or a message waits)."""
    try:
        fd = dbapi_connection.fileno()
    except Exception:  # psycopg raises once the connection is closed
        return True
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        return bool(poller.poll(0))
    readable, _, _ = select.select([fd], [], [], 0)  # Windows: sockets only, no poll()
    return bool(readable)


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


class Database:
    """One database: the engine, the session factory and schema checks."""

    def __init__(self, url: str, *, read_url: str = "") -> None:
        self.url = url
        self.engine = create_db_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Reads and single-statement writes (``read_session``, ``write_once``) in autocommit
        # on PostgreSQL: no BEGIN/COMMIT round trips.  Every statement still sees the data
        # committed when it started, exactly as in the READ COMMITTED transactions of
        # ``session()``.  SQLite shares one engine: its driver opens no transaction for a
        # SELECT.
        self._autocommit_engine = (
            create_db_engine(url, autocommit=True)
            if self.engine.dialect.name == "postgresql"
            else self.engine
        )
        self._reads = _read_router(self, read_url) if read_url else None

    @property
    def read_router(self) -> ReadRouter | None:
        """Where reads go when a replica is configured (None: all on this database)."""
        return self._reads

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        try:
            session = self._sessions()
        except OperationalError as exc:  # pragma: no cover - connection made lazily
            raise DatabaseUnavailable(_unavailable(exc)) from exc
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            if _is_connection_error(exc):
                raise DatabaseUnavailable(_unavailable(exc)) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self, *, primary: bool = False) -> Iterator[Connection]:
        """A read-only unit of work (pages, totals): a Core connection, nothing committed.

        Cheaper than ``session()`` (no ORM session, no COMMIT).  Execute Core/ORM ``select``
        statements on it; it must not be used to write.  A lost database raises
        ``DatabaseUnavailable`` like ``session()``.  With a read replica configured it may
        be served by the replica (``desktop.db_replica``); ``primary=True`` forbids that.
        """
        try:
            if self._reads is None:
                with self._autocommit_engine.connect() as connection:
                    yield connection
            else:
                with self._reads.connect(primary=primary) as connection:
                    yield connection
        except OperationalError as exc:
            if _is_connection_error(exc):
                raise DatabaseUnavailable(_unavailable(exc)) from exc
            raise

    def write_once(self, stmt: Executable) -> None:
        """Run one INSERT or UPDATE on its own, committed at once.

        A single statement is atomic by itself, so on PostgreSQL it runs in autocommit: one
        round trip instead of BEGIN, the statement and COMMIT.  For writes that stand alone,
        such as the audit entry of a confidential read; anything that must land together
        with other changes belongs in ``session()``.
        """
        try:
            with self._autocommit_engine.connect() as connection:
                connection.execute(stmt)
                connection.commit()  # SQLite: ends the driver's implicit transaction
        except OperationalError as exc:
            if _is_connection_error(exc):
                raise DatabaseUnavailable(_unavailable(exc)) from exc
            raise

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except OperationalError as exc:
            raise DatabaseUnavailable(_unavailable(exc)) from exc

    def check_schema(self) -> None:
        """Refuse a database migrated by a newer version of the application."""
        current = self.current_revision()
        if current is None:
            return
        script = ScriptDirectory.from_config(alembic_config())
        if not _known(script, current):
            raise SchemaTooNew(
                "Este banco de dados foi atualizado por uma versão mais nova da Central do "
                f"Assinante (revisão {current}). Atualize o programa nesta estação."
            )

    def upgrade(self) -> str:
        """Create or migrate the schema to the head revision; returns the revision."""
        self.check_schema()
        try:
            command.upgrade(alembic_config(self.engine), "head")
        except OperationalError as exc:
            raise DatabaseUnavailable(_unavailable(exc)) from exc
        return head_revision()

    def is_current(self) -> bool:
        return self.current_revision() == head_revision()

    def dispose(self) -> None:
        self.engine.dispose()
        if self._autocommit_engine is not self.engine:
            self._autocommit_engine.dispose()
        if self._reads is not None:
            self._reads.dispose()


def _read_router(db: Database, read_url: str) -> ReadRouter:
    """The replica's own small autocommit pool, beside the primary's (desktop.db_replica)."""
    check_read_url(db.url, read_url)
    replica = create_db_engine(read_url, autocommit=True, connect_timeout=REPLICA_CONNECT_TIMEOUT_S)
    router = ReadRouter(db._autocommit_engine, replica)
    router.watch_writes(db.engine)
    return router


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises ResolutionError/CommandError for unknown ids
        return False


def _is_connection_error(exc: OperationalError) -> bool:
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    return any(
        marker in text
        for marker in (
            "connection",
            "could not connect",
            "server closed",
            "terminating",
            "unable to open",
        )
    )


def _unavailable(exc: OperationalError) -> str:
    return (
        "Não foi possível acessar o banco de dados. Verifique a rede ou o servidor e tente de "
        "novo; nada foi alterado."
    )
