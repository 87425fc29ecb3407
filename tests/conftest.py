"""Shared fixtures: a real SQLite file per test and a throw-away PostgreSQL database per run.

PostgreSQL tests are marked ``postgres`` and *fail* (never skip) when the server on
127.0.0.1:5432 is missing: CI must not pass by silently leaving them out.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.db import Database
from desktop.domain.actors import CounterActor, KioskActor
from desktop.domain.enums import Role
from desktop.domain.passwords import hash_password_fast
from desktop.models import Base, CounterUser

PG_ADMIN_URL = os.environ.get("CENTRAL_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_sessionstart(session: pytest.Session) -> None:
    """A Qt binding that loses references aborts the run at random: refuse it, saying why."""
    from desktop.ui.binding_check import defects, refusal

    if found := defects():
        pytest.exit(refusal(found), returncode=3)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data and config directories (no user's real settings)."""
    monkeypatch.setenv("CENTRAL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CENTRAL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("CENTRAL_DB_URL", raising=False)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrate once; each test copies the file (Alembic for every test would be slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A throw-away database on the real server, migrated once, dropped at the end."""
    import psycopg

    name = f"ca_test_{uuid.uuid4().hex[:10]}"
    admin = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL is required at {PG_ADMIN_URL}: {exc}", pytrace=False)
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    db = Database(url)
    db.upgrade()
    db.dispose()
    yield url
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _truncate_all(db: Database) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database: a SQLite file in tmp_path, or the PostgreSQL test database."""
    if request.param == "sqlite":
        path = tmp_path / "central.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database(f"sqlite:///{path}")
        yield database
        database.dispose()
    else:
        database = Database(request.getfixturevalue("pg_url"))
        _truncate_all(database)
        yield database
        database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """SQLite only: for UI tests and other tests where the backend does not matter."""
    path = tmp_path / "central.sqlite3"
    shutil.copy(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def make_user(db: Database, login: str, role: Role, password: str = "senha-forte-1") -> CounterActor:
    with db.session() as session:
        user = CounterUser(login=login, name=login.title(), role=role, password_hash=hash_password_fast(password))
        session.add(user)
        session.flush()
        return CounterActor(user.id, user.login, role, "teste")


@pytest.fixture
def attendant(db: Database) -> CounterActor:
    return make_user(db, "atendente1", Role.ATTENDANT)


@pytest.fixture
def admin(db: Database) -> CounterActor:
    return make_user(db, "admin1", Role.ADMIN)


def kiosk(subscriber_id: int) -> KioskActor:
    return KioskActor(subscriber_id, "quiosque-teste")
