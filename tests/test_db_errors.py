"""Database failures reach the person as one Portuguese message, classified by code.

Each case is a real fault on a real file or server: a read-only SQLite file, random bytes
instead of a database, a file another process holds with BEGIN EXCLUSIVE, a full database
(``PRAGMA max_page_count``), a folder removed under the app; on PostgreSQL a terminated
backend, a read-only database and a wrong port.  Before: only messages containing English
words like "connection" were recognised; the rest surfaced as raw tracebacks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text

from desktop import db as db_module
from desktop.db import Database
from desktop.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseFull,
    DatabaseReadOnly,
    DatabaseUnavailable,
    UserError,
)
from desktop.models import Setting
from desktop.services import settings
from tests.conftest import PG_ADMIN_URL


def _write(database: Database, value: str = "x") -> None:
    with database.session() as session:
        settings.put(session, "company.name", value)


def _copy(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "central.sqlite3"
    shutil.copy(template, path)
    return path


def test_a_read_only_file_refuses_writes_with_a_message(
    sqlite_template: Path, tmp_path: Path
) -> None:
    path = _copy(sqlite_template, tmp_path)
    _write(Database(f"sqlite:///{path}"), "antes")  # leaves the WAL's -shm beside the file
    database = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with pytest.raises(DatabaseReadOnly) as refused:
            _write(database)
        assert "somente para leitura" in refused.value.message
        with database.read_session() as conn:  # reading still works
            assert conn.scalar(select(Setting.value).where(Setting.key == "company.name"))
    finally:
        database.dispose()


def test_random_bytes_are_a_damaged_database(tmp_path: Path) -> None:
    path = tmp_path / "central.sqlite3"
    path.write_bytes(os.urandom(64 * 1024))
    database = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseCorrupt) as refused:
            _write(database)
        assert "danificado" in refused.value.message
        with pytest.raises(DatabaseCorrupt):
            database.upgrade()
    finally:
        database.dispose()


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
conn.rollback()
"""


def test_a_file_locked_by_another_process_is_busy_after_bounded_retries(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(db_module, "SQLITE_RETRY_PAUSE_S", 0.05)
    path = _copy(sqlite_template, tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    database = Database(f"sqlite:///{path}")
    begins: list[str] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def _seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("BEGIN"):
            begins.append(statement)

    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseBusy) as refused:
            _write(database)
        assert refused.value.message.startswith("O banco de dados está ocupado")
        assert "nada foi alterado, tente de novo" in refused.value.message
        assert begins == ["BEGIN IMMEDIATE"] * db_module.SQLITE_BEGIN_ATTEMPTS
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    _write(database, "depois")  # the lock gone, the same Database works
    database.dispose()


def test_a_full_database_says_so(sqlite_template: Path, tmp_path: Path) -> None:
    path = _copy(sqlite_template, tmp_path)
    database = Database(f"sqlite:///{path}")

    @event.listens_for(database.engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        # What a full disk does, for real: SQLite may not grow the file past this.
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    try:
        with pytest.raises(DatabaseFull) as refused:
            _write(database, "x" * 200_000)
        assert "cheio" in refused.value.message
    finally:
        database.dispose()


def test_a_folder_removed_under_the_app_is_a_message(sqlite_template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dados"
    folder.mkdir()
    path = _copy(sqlite_template, folder)
    database = Database(f"sqlite:///{path}")
    shutil.rmtree(folder)
    try:
        with pytest.raises(DatabaseUnavailable) as refused:
            _write(database)
        assert "nada foi alterado" in refused.value.message
    finally:
        database.dispose()


def test_a_folder_that_cannot_be_made_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "arquivo").write_text("não é uma pasta")
    with pytest.raises(DatabaseUnavailable):
        Database(f"sqlite:///{tmp_path / 'arquivo' / 'central.sqlite3'}")


# ------------------------------------------------------------------ PostgreSQL


def _admin() -> str:
    return PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")


@pytest.mark.postgres
def test_a_terminated_backend_is_unavailable_not_a_traceback(pg_url: str) -> None:
    import psycopg

    database = Database(pg_url)
    try:
        with pytest.raises(DatabaseUnavailable) as refused, database.session() as session:
            pid = session.scalar(text("SELECT pg_backend_pid()"))
            with psycopg.connect(_admin(), autocommit=True) as conn:
                conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
            session.execute(text("SELECT 1"))
        assert type(refused.value) is DatabaseUnavailable
        _write(database, "depois")  # the pool replaced the dead connection
    finally:
        database.dispose()


@pytest.fixture
def read_only_pg() -> Iterator[str]:
    import psycopg

    name = f"integrity_ro_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_admin(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    database = Database(url)
    database.upgrade()
    database.dispose()
    with psycopg.connect(_admin(), autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    yield url
    with psycopg.connect(_admin(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_a_read_only_server_refuses_writes_with_a_message(read_only_pg: str) -> None:
    database = Database(read_only_pg)
    try:
        with pytest.raises(DatabaseReadOnly):
            _write(database)
        with database.read_session() as conn:
            conn.scalar(select(Setting.key).limit(1))  # reading still works
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_wrong_port_is_unavailable() -> None:
    database = Database("postgresql+psycopg://postgres@127.0.0.1:1/nada")
    try:
        with pytest.raises(DatabaseUnavailable) as refused:
            _write(database)
        assert type(refused.value) is DatabaseUnavailable
        assert isinstance(refused.value, UserError)
    finally:
        database.dispose()
