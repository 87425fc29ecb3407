"""Reads on a PostgreSQL read replica (``[database] read_url`` in ``station.ini``).

``Database.read_session()`` — subscriber search, call and connection statement pages and
totals — asks ``ReadRouter.connect()`` for its connection.  Everything else (``session()``,
``write_once()``, the financial statement, tickets, SMS, enablement) stays on the primary.

The rules, chosen to be simple to reason about at the counter:

* **Read your own writes.**  For ``FRESH_AFTER_WRITE_S`` seconds after this station commits a
  unit of work that wrote (an INSERT/UPDATE/DELETE through ``session()``), its reads go to the
  primary.  A counter that settles a bill or enables a contract and then searches again sees
  the new status, whatever the replica's lag.  Audit entries of reads (``write_once``) do not
  count: they are not something a screen reads back, and counting them would send every
  statement page to the primary.  A caller that needs the primary regardless asks for it
  (``read_session(primary=True)``).
* **A replica that is down or behind is skipped.**  Every ``CHECK_EVERY_S`` seconds a read first
  measures the replica's lag (``pg_last_xact_replay_timestamp()``; zero when everything
  received has been replayed).  Unreachable, or behind by more than ``MAX_LAG_S``: reads go to
  the primary, with one warning in the log for the whole outage, and the replica is tried
  again every ``RETRY_S`` seconds; when it answers and has caught up, one line says so.
  A replica lost in the middle of a read fails that read (it cannot be replayed from here:
  the caller holds the connection); the next read goes to the primary.

``FRESH_AFTER_WRITE_S`` is larger than ``MAX_LAG_S``: once the window ends, a replica still
in use is at most ``MAX_LAG_S`` behind, so it already has the station's write.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.errors import InvalidInput

log = logging.getLogger(__name__)

FRESH_AFTER_WRITE_S = 10.0
MAX_LAG_S = 5.0
CHECK_EVERY_S = 5.0
RETRY_S = 30.0
REPLICA_CONNECT_TIMEOUT_S = 2  # a replica host that does not answer must not hold a read long

# Lag in seconds: 0 on a server that is not a standby (a copy standing in for one) and on a
# standby that has replayed all it received while its WAL receiver streams; otherwise the age
# of the last transaction it replayed (which also grows while the primary is idle and the
# link is down: then the primary serves, which is the safe side).
LAG_SQL = text(
    "SELECT CASE"
    " WHEN NOT pg_is_in_recovery() THEN 0"
    " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()"
    "  AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 0"
    " ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9)"
    " END"
)

_WRITE_WORDS = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE"})


def check_read_url(primary_url: str, read_url: str) -> None:
    """A replica only makes sense beside a PostgreSQL primary; say so at start-up."""
    for url in (primary_url, read_url):
        try:
            backend = make_url(url).get_backend_name()
        except ArgumentError:
            raise InvalidInput("db.endereco_banco_dados_invalido", url=url) from None
        if backend != "postgresql":
            raise InvalidInput("db.replica_so_postgresql")


class ReadRouter:
    """Chooses the engine of each read: the replica, or the primary (see module doc)."""

    def __init__(
        self,
        primary: Engine,
        replica: Engine,
        *,
        fresh_after_write_s: float = FRESH_AFTER_WRITE_S,
        max_lag_s: float = MAX_LAG_S,
        check_every_s: float = CHECK_EVERY_S,
        retry_s: float = RETRY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.primary = primary
        self.replica = replica
        self.fresh_after_write_s = fresh_after_write_s
        self.max_lag_s = max_lag_s
        self.check_every_s = check_every_s
        self.retry_s = retry_s
        self._clock = clock
        self._last_write = -math.inf
        self._usable = False
        self._checked_at = -math.inf
        self._falling_back = False  # a warning was logged for the current outage
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ writes
    def watch_writes(self, engine: Engine) -> None:
        """Start the read-your-writes window when a unit of work on ``engine`` that wrote
        commits (statements are classified as they run; the commit stamps the time)."""

        @event.listens_for(engine, "after_cursor_execute")
        def _classify(
            conn: Connection, _cursor: Any, statement: str, _p: Any, context: Any, _m: bool
        ) -> None:
            compiled_write = context is not None and (
                context.isinsert or context.isupdate or context.isdelete
            )
            if compiled_write or statement.lstrip()[:6].upper() in _WRITE_WORDS:
                conn.info["wrote"] = True

        @event.listens_for(engine, "commit")
        def _committed(conn: Connection) -> None:
            if conn.info.pop("wrote", False):
                self.note_write()

        @event.listens_for(engine, "rollback")
        def _rolled_back(conn: Connection) -> None:
            conn.info.pop("wrote", None)

    def note_write(self) -> None:
        self._last_write = self._clock()

    # ------------------------------------------------------------------ reads
    def choose(self, *, primary: bool = False) -> Engine:
        if primary or self._clock() - self._last_write < self.fresh_after_write_s:
            return self.primary
        return self.replica if self._replica_usable() else self.primary

    @contextmanager
    def connect(self, *, primary: bool = False) -> Iterator[Connection]:
        """A connection for one read; a replica that refuses it gives the primary's."""
        engine = self.choose(primary=primary)
        if engine is self.replica:
            try:
                connection = engine.connect()
            except DBAPIError as exc:
                self._fall_back(f"não conecta ({_first_line(exc)})")
                engine, connection = self.primary, self.primary.connect()
        else:
            connection = engine.connect()
        with connection:
            try:
                yield connection
            except DBAPIError as exc:
                if engine is self.replica and exc.connection_invalidated:
                    self._fall_back(f"conexão perdida ({_first_line(exc)})")
                raise

    # ------------------------------------------------------------------ replica health
    def _replica_usable(self) -> bool:
        now = self._clock()
        wait = self.check_every_s if self._usable else self.retry_s
        if now - self._checked_at < wait or not self._lock.acquire(blocking=False):
            return self._usable  # checked a moment ago, or another thread is checking
        try:
            self._checked_at = now
            self._check()
        finally:
            self._lock.release()
        return self._usable

    def _check(self) -> None:
        try:
            with self.replica.connect() as conn:
                lag = float(conn.execute(LAG_SQL).scalar_one())
        except DBAPIError as exc:
            self._fall_back(f"não responde ({_first_line(exc)})")
            return
        if lag > self.max_lag_s:
            self._fall_back(f"atrasada {lag:.1f} s (limite {self.max_lag_s:g} s)")
            return
        if self._falling_back:
            log.warning("Réplica de leitura de volta: leituras voltam para ela.")
        self._usable = True
        self._falling_back = False

    def _fall_back(self, why: str) -> None:
        """Reads go to the primary until the next successful check; one warning per outage."""
        self._usable = False
        self._checked_at = self._clock()
        if not self._falling_back:
            self._falling_back = True
            log.warning(
                "Réplica de leitura %s: leituras vão para o servidor principal; nova tentativa "
                "a cada %g s.",
                why,
                self.retry_s,
            )

    def dispose(self) -> None:
        self.replica.dispose()


def _first_line(exc: DBAPIError) -> str:
    text_ = str(exc.orig) if exc.orig is not None else str(exc)
    return text_.strip().splitlines()[0] if text_.strip() else type(exc).__name__
