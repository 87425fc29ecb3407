"""Where ``radacct`` lives: the Central's own database, or a separate FreeRADIUS one.

The setting ``radius.database_url`` names a separate FreeRADIUS PostgreSQL database, opened
read-only (``default_transaction_read_only`` on the connection and SQLAlchemy's
``postgresql_readonly``), one engine per URL, reused; empty, the sessions are in the
Central's own database.  Either may have PostgreSQL's month layout (closed sessions in a
partitioned history, read through the view ``radacct_all``): :class:`Source` says which
table the statement's queries (desktop.services.connections, connection_totals) are built on.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    MetaData,
    Table,
    bindparam,
    create_engine,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.config.registry import setting
from desktop.db import Database, ping_idle_connections
from desktop.errors import DatabaseUnavailable, InvalidInput
from desktop.models import Contract, RadAcct, RadiusLogin, Setting
from desktop.models.partitioning import RADACCT_VIEW, has_history

RADIUS_DOWN = "connections.radacct_inacessivel"

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()
# PostgreSQL's month layout (``desktop.models.partitioning``): closed sessions move from
# ``radacct`` into a partitioned history, and the view ``radacct_all`` reads both.  Same
# columns as ``radacct``, so the statement's queries are built from either table.
_RADACCT: Table = RadAcct.__table__  # type: ignore[assignment]
_RADACCT_ALL = _RADACCT.to_metadata(MetaData(), name=RADACCT_VIEW)
# Whether a separate FreeRADIUS database has that layout yet (``jobs run`` makes it there),
# per URL, looked up again after this many seconds.
HISTORY_RECHECK_S = 300.0
_history_seen: dict[str, tuple[bool, float]] = {}


class Source(NamedTuple):
    """Where the sessions are read: the dialect, and whether through ``radacct_all``."""

    dialect: str
    history: bool

    @property
    def table(self) -> Any:
        return (_RADACCT_ALL if self.history else _RADACCT).c


APP_PG = Source("postgresql", True)  # the app's own database: migration 0013 made the view


def radius_engine(url: str) -> Engine:
    """A read-only engine on the separate FreeRADIUS database (one per URL, reused)."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is not None:
            return engine
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise InvalidInput("connections.endereco_banco_freeradius_invalido") from None
        if parsed.get_backend_name() != "postgresql":
            raise InvalidInput("connections.banco_freeradius_radius_database")
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3, like the app
        engine = create_engine(
            parsed,
            pool_size=2,
            connect_args={
                "connect_timeout": 5,
                "application_name": "central-assinante",
                "options": "-c default_transaction_read_only=on -c TimeZone=UTC",
            },
            execution_options={"postgresql_readonly": True},
        )
        ping_idle_connections(engine)
        _engines[url] = engine
        return engine


RADIUS_URL = select(Setting.value).where(Setting.key == "radius.database_url")
_SUBSCRIBER = bindparam("subscriber_id", type_=Integer)
SUBSCRIBER_LOGINS = (
    select(RadiusLogin.username)
    .join(Contract, Contract.id == RadiusLogin.contract_id)
    .where(Contract.subscriber_id == _SUBSCRIBER)
    .order_by(RadiusLogin.username)
)


def url_value(stored: str | None) -> str:
    value: str = setting("radius.database_url").parse(stored) if stored is not None else ""
    return value.strip()


@contextmanager
def radacct_session(db: Database, app: Connection, url: str) -> Iterator[tuple[Connection, Source]]:
    """Where ``radacct`` lives, and how to read it: ``app`` (the app's own connection,
    already open) unless ``url`` (``radius.database_url``) names a separate FreeRADIUS
    database."""
    if not url:
        yield app, Source(db.dialect, db.dialect == "postgresql")
        return
    engine = radius_engine(url)
    try:
        with engine.connect() as conn:
            yield conn, Source(engine.dialect.name, _has_history(url, conn))
            conn.rollback()  # read-only: nothing to commit
    except DBAPIError as exc:
        raise DatabaseUnavailable(RADIUS_DOWN) from exc


def _has_history(url: str, conn: Connection) -> bool:
    known = _history_seen.get(url)
    now = time.monotonic()
    if known is None or now - known[1] > HISTORY_RECHECK_S:
        known = _history_seen[url] = (has_history(conn), now)
    return known[0]


STATEMENT_INDEX = (
    "CREATE INDEX CONCURRENTLY radacct_user_start_idx "
    "ON radacct (username, acctstarttime, radacctid);"
)
_INDEX_KEYS = text(
    "SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i "
    "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
    "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
    "WHERE i.indrelid = CAST('radacct' AS regclass) AND i.indpred IS NULL "
    "GROUP BY i.indexrelid"
)


def separate_radacct_index(db: Database) -> tuple[str, bool] | None:
    """A separate FreeRADIUS database: (where it is, whether its ``radacct`` has an index
    led by (username, acctstarttime), which a month of one login needs to be read without
    a scan).  None when ``radacct`` is the Central's own (migrations made that index)."""
    with db.session() as session:
        url = url_value(session.scalar(RADIUS_URL))
    if not url:
        return None
    engine = radius_engine(url)
    try:
        with engine.connect() as conn:
            keys = [list(row[0]) for row in conn.execute(_INDEX_KEYS)]
    except DBAPIError as exc:
        raise DatabaseUnavailable(RADIUS_DOWN) from exc
    where = engine.url.render_as_string(hide_password=True)
    return where, any(k[:2] == ["username", "acctstarttime"] for k in keys)
