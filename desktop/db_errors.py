"""Database failures classified by their code, never by the English text of the message.

PostgreSQL reports a SQLSTATE (psycopg: ``exc.sqlstate``); SQLite a result code
(``sqlite3.Error.sqlite_errorcode``, Python 3.11+).  Each known condition becomes one of the
``DatabaseUnavailable`` family of :mod:`desktop.errors` with a catalog code, whose message the
UI and the command line show as they show any ``UserError``.  Anything not listed here (a unique
constraint, a bad statement) is left to the caller: it is either handled there or a bug.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

from desktop.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseFull,
    DatabaseReadOnly,
    DatabaseUnavailable,
)

# Catalog codes (desktop.domain.vocabulary.errors_base): the words are put in when shown,
# in the interface language.
UNAVAILABLE = "db.banco_inacessivel"
BUSY = "db.banco_ocupado"
FULL = "db.disco_cheio"
READ_ONLY = "db.somente_leitura"
CORRUPT = "db.arquivo_danificado"
CANT_OPEN = "db.nao_possivel_abrir_arquivo"

# SQLite primary result codes (the low byte of the extended code).
_SQLITE: dict[int, tuple[type[DatabaseUnavailable], str]] = {
    sqlite3.SQLITE_BUSY: (DatabaseBusy, BUSY),
    sqlite3.SQLITE_LOCKED: (DatabaseBusy, BUSY),
    sqlite3.SQLITE_FULL: (DatabaseFull, FULL),
    sqlite3.SQLITE_READONLY: (DatabaseReadOnly, READ_ONLY),
    sqlite3.SQLITE_CORRUPT: (DatabaseCorrupt, CORRUPT),
    sqlite3.SQLITE_NOTADB: (DatabaseCorrupt, CORRUPT),
    sqlite3.SQLITE_CANTOPEN: (DatabaseUnavailable, CANT_OPEN),
    sqlite3.SQLITE_IOERR: (DatabaseUnavailable, UNAVAILABLE),
    sqlite3.SQLITE_PERM: (DatabaseReadOnly, READ_ONLY),
}

# PostgreSQL SQLSTATEs: exact codes first, then two-character classes.
_PG_EXACT: dict[str, tuple[type[DatabaseUnavailable], str]] = {
    "57P01": (DatabaseUnavailable, UNAVAILABLE),  # admin_shutdown (pg_terminate_backend)
    "57P02": (DatabaseUnavailable, UNAVAILABLE),  # crash_shutdown
    "57P03": (DatabaseUnavailable, UNAVAILABLE),  # cannot_connect_now (starting up)
    "25P03": (DatabaseUnavailable, UNAVAILABLE),  # idle_in_transaction_session_timeout
    "53100": (DatabaseFull, FULL),  # disk_full
    "40001": (DatabaseBusy, BUSY),  # serialization_failure
    "40P01": (DatabaseBusy, BUSY),  # deadlock_detected
    "55P03": (DatabaseBusy, BUSY),  # lock_not_available (lock_timeout)
    "57014": (DatabaseBusy, BUSY),  # query_canceled (statement_timeout)
    "25006": (DatabaseReadOnly, READ_ONLY),  # read_only_sql_transaction
    "XX001": (DatabaseCorrupt, CORRUPT),  # data_corrupted
    "XX002": (DatabaseCorrupt, CORRUPT),  # index_corrupted
}
_PG_CLASS: dict[str, tuple[type[DatabaseUnavailable], str]] = {
    "08": (DatabaseUnavailable, UNAVAILABLE),  # connection exception
    "53": (DatabaseBusy, BUSY),  # insufficient resources: memory, too many connections
}


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of ``exc`` (raw or wrapped by SQLAlchemy), if any."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    code = getattr(orig, "sqlite_errorcode", None) if isinstance(orig, sqlite3.Error) else None
    return None if code is None else int(code) & 0xFF


def classify(exc: BaseException) -> DatabaseUnavailable | None:
    """The user-facing error for a database failure, or None when it is not one we know."""
    if isinstance(exc, DatabaseUnavailable):
        return exc
    code = sqlite_code(exc)
    if code is not None:
        found = _SQLITE.get(code)
        return found[0](found[1]) if found else None
    if not isinstance(exc, DBAPIError):
        return None
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if isinstance(sqlstate, str):
        found = _PG_EXACT.get(sqlstate) or _PG_CLASS.get(sqlstate[:2])
        return found[0](found[1]) if found else None
    # No SQLSTATE: psycopg's client side (refused connection, wrong port, a link that
    # dropped mid-query), or SQLAlchemy's own disconnect detection.
    if exc.connection_invalidated or _is_psycopg_operational(exc.orig):
        return DatabaseUnavailable(UNAVAILABLE)
    return None


def _is_psycopg_operational(orig: object) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    return isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError)
