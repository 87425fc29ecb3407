"""Engine and session factory; SQLite by default, PostgreSQL by URL; Alembic on start.

``Database`` is the object every service receives.  Sessions are short: one unit of work
(a page, a total, an action) per ``session()`` block.
"""

from __future__ import annotations

import logging
import select
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Executable, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from desktop.db_errors import classify, sqlite_code
from desktop.db_replica import REPLICA_CONNECT_TIMEOUT_S, ReadRouter, check_read_url
from desktop.errors import DatabaseUnavailable, InvalidInput, SchemaTooNew

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


# How long SQLite waits for another station's write lock, and how many times BEGIN IMMEDIATE
# is tried before the person is told the database is busy (nothing was done yet).
SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_BEGIN_ATTEMPTS = 3
SQLITE_RETRY_PAUSE_S = 0.2
# Execution option of the read-only engine: its transactions start DEFERRED (no write lock).
READ_ONLY_OPTION = "central_read_only"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite opens a transaction only at the first INSERT/UPDATE, so a unit of work that
    # reads, checks and then writes checked without any lock (and ``with_for_update()`` is
    # nothing on SQLite).  Its own BEGIN is switched off here and ``_sqlite_begin`` emits
    # ours (SQLAlchemy's documented pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets a kiosk read while a counter writes; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """Writing units of work take the write lock first: ``BEGIN IMMEDIATE``.

    Then a check made inside the unit (is this bill still open? is this purchase still
    paid?) holds until COMMIT, as a row lock does on PostgreSQL: two stations cannot both
    pass it.  Reads (``read_session``) begin DEFERRED and never wait for a writer (WAL).
    Waiting for the lock is the busy timeout; a BEGIN that still finds it taken is tried a
    few times (nothing has been done yet, so it is safe), then ``DatabaseBusy``.
    """
    if conn.get_execution_options().get(READ_ONLY_OPTION):
        conn.exec_driver_sql("BEGIN DEFERRED")
        return
    for attempt in range(1, SQLITE_BEGIN_ATTEMPTS + 1):
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except DBAPIError as exc:
            if sqlite_code(exc) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise
            if attempt == SQLITE_BEGIN_ATTEMPTS:
                _raise_known(exc)
                raise
            log.info("SQLite ocupado no BEGIN IMMEDIATE (tentativa %d)", attempt)
            time.sleep(SQLITE_RETRY_PAUSE_S * attempt)


def create_db_engine(url: str, *, autocommit: bool = False, connect_timeout: int = 5) -> Engine:
    """The engine for ``url``.  ``autocommit`` (PostgreSQL): a small pool whose connections
    stay in autocommit, for reads and single-statement writes."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInput("db.endereco_banco_dados_invalido", url=url) from None
    if parsed.get_backend_name() == "sqlite":
        try:
            if parsed.database and parsed.database != ":memory:" and "mode=" not in str(parsed):
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(
                "db.nao_possivel_criar_pasta", reason=exc.strerror or str(exc)
            ) from None
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise InvalidInput("db.banco_dados_nao_suportado")
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


def dialect_insert(session: Session) -> Any:
    """The INSERT construct of the session's backend (both have ON CONFLICT DO NOTHING)."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def rows_affected(result: Any) -> int:
    """Rows an UPDATE/DELETE changed (``CursorResult.rowcount``; typed as plain ``Result``)."""
    return int(getattr(result, "rowcount", 0) or 0)


def serialize(session: Session, key: int) -> None:
    """Make units of work that call this with the same ``key`` run one after another.

    PostgreSQL: a transaction-level advisory lock (released at commit or rollback), for a
    check that no row lock can cover ("is there any user yet?").  SQLite needs nothing:
    every writing unit of work already holds the database's write lock (BEGIN IMMEDIATE).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


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
        # ``session()``.  SQLite shares one pool: reads begin DEFERRED (no write lock, a
        # kiosk reading never makes a counter wait), single writes IMMEDIATE.
        if self.engine.dialect.name == "postgresql":
            self._autocommit_engine = create_db_engine(url, autocommit=True)
            self._read_engine = self._autocommit_engine
        else:
            self._autocommit_engine = self.engine
            self._read_engine = self.engine.execution_options(**{READ_ONLY_OPTION: True})
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
        """A unit of work: committed on success, rolled back on any error.

        On SQLite it holds the write lock from its first statement (``BEGIN IMMEDIATE``);
        use ``read_session`` for pure reads.  A database failure becomes one of the
        ``DatabaseUnavailable`` family (busy, full, read-only, damaged, unreachable).
        """
        session = self._sessions()
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            _raise_known(exc)
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self, *, primary: bool = False) -> Iterator[Connection]:
        """A read-only unit of work (pages, totals): a Core connection, nothing committed.

        Cheaper than ``session()`` (no ORM session, no COMMIT) and, on SQLite, it takes no
        write lock.  Execute Core/ORM ``select`` statements on it; it must not be used to
        write.  Database failures are raised as by ``session()``.  With a read replica
        configured it may be served by the replica (``desktop.db_replica``); ``primary=True``
        forbids that.
        """
        try:
            if self._reads is None:
                with self._read_engine.connect() as connection:
                    yield connection
            else:
                with self._reads.connect(primary=primary) as connection:
                    yield connection
        except DBAPIError as exc:
            _raise_known(exc)
            raise

    @contextmanager
    def query_session(self) -> Iterator[Session]:
        """A read-only ORM unit of work, for reads that want ORM objects; never committed.

        On the read engine: no write lock on SQLite (a kiosk's screen never waits for a
        counter's payment), autocommit on PostgreSQL.  A flush is refused, so a write put
        here by mistake fails loudly instead of being lost or half applied.
        """
        session = Session(self._read_engine, expire_on_commit=False, autoflush=False)
        event.listen(session, "before_flush", _refuse_flush)
        try:
            yield session
        except DBAPIError as exc:
            _raise_known(exc)
            raise
        finally:
            session.close()

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
                connection.commit()  # SQLite: ends our BEGIN IMMEDIATE
        except DBAPIError as exc:
            _raise_known(exc)
            raise

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                return MigrationContext.configure(conn).get_current_revision()
        except DBAPIError as exc:
            _raise_known(exc)
            raise

    def check_schema(self) -> None:
        """Refuse a database migrated by a newer version of the application."""
        current = self.current_revision()
        if current is None:
            return
        script = ScriptDirectory.from_config(alembic_config())
        if not _known(script, current):
            raise SchemaTooNew("db.banco_dados_atualizado_versao", current=current)

    def upgrade(self) -> str:
        """Create or migrate the schema to the head revision; returns the revision."""
        self.check_schema()
        try:
            command.upgrade(alembic_config(self.engine), "head")
        except DBAPIError as exc:
            _raise_known(exc)
            raise
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


def _refuse_flush(*_args: Any) -> None:
    raise RuntimeError("query_session() é somente leitura: use session() para gravar")


def _raise_known(exc: DBAPIError) -> None:
    """Raise the user's error for a known database failure; return when it is not one
    (a constraint, a statement error: handled by the caller or a bug, never hidden)."""
    known = classify(exc)
    if known is not None:
        log.warning("Falha do banco de dados (%s): %s", type(known).__name__, exc.orig)
        raise known from exc
