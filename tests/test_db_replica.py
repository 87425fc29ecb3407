"""The read replica (``[database] read_url``) on a real PostgreSQL streaming replica.

A throwaway primary (WAL level replica) and a standby made from it by ``pg_basebackup -R``
run on their own ports for this module; which server answered a read is told by
``inet_server_port()``.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.config.station import load_station_config, station_config_path
from desktop.db import Database
from desktop.errors import InvalidInput
from desktop.models import Setting
from desktop.services import audit, settings
from tests.conftest import kiosk

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PRIMARY_PORT, REPLICA_PORT = 55446, 55447
URL = "postgresql+psycopg://postgres@127.0.0.1:{}/postgres"

pytestmark = pytest.mark.postgres


def _as_postgres(*command: str) -> None:
    # The server refuses to run as root (TESTING.md §4): every cluster command as postgres.
    subprocess.run(["su", "postgres", "-c", " ".join(command)], check=True, capture_output=True)


class Clusters:
    def __init__(self, root: Path) -> None:
        self.root = root

    def start(self, name: str, port: int, *extra: str) -> None:
        opts = f"-p {port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off " + " ".join(
            extra
        )
        _as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.root / name), "-l",
            str(self.root / f"{name}.log"), "-w", "-o", f"'{opts}'", "start",
        )  # fmt: skip

    def stop(self, name: str) -> None:
        _as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.root / name), "-m", "fast", "-w", "stop"
        )


@pytest.fixture(scope="module")
def clusters(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Clusters]:
    if not (PG_BIN / "initdb").exists() or shutil.which("su") is None:
        pytest.fail("PostgreSQL 15 server binaries are needed for the streaming-replica test")
    root = tmp_path_factory.mktemp("replica")
    for folder in (root, *root.parents):  # the postgres user must reach the data folders
        if str(folder) == "/":
            break
        folder.chmod(folder.stat().st_mode | 0o005)
    shutil.chown(root, "postgres")
    found = Clusters(root)
    _as_postgres(
        str(PG_BIN / "initdb"), "-D", str(root / "p"), "-A", "trust", "-U", "postgres",
        "-E", "UTF8", "--locale=C.UTF-8",
    )  # fmt: skip
    found.start("p", PRIMARY_PORT, "-c wal_level=replica -c max_wal_senders=4")
    try:
        _as_postgres(
            str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(PRIMARY_PORT),
            "-U", "postgres", "-D", str(root / "r"), "-R", "-X", "stream",
        )  # fmt: skip
        found.start("r", REPLICA_PORT)
        Database(URL.format(PRIMARY_PORT)).upgrade()
        yield found
    finally:
        for name in ("r", "p"):
            with contextlib.suppress(subprocess.CalledProcessError):
                found.stop(name)  # raises when already down


@pytest.fixture
def db(clusters: Clusters) -> Iterator[Database]:
    database = Database(URL.format(PRIMARY_PORT), read_url=URL.format(REPLICA_PORT))
    router = database.read_router
    assert router is not None
    router.fresh_after_write_s, router.check_every_s, router.retry_s = 0.5, 0.2, 0.3
    wait_for(lambda: served_by(database) == REPLICA_PORT)  # caught up with the last test
    yield database
    database.dispose()


def served_by(db: Database, *, primary: bool = False) -> int:
    with db.read_session(primary=primary) as conn:
        return int(conn.execute(text("SELECT inet_server_port()")).scalar_one())


def setting_on(db: Database, key: str) -> str | None:
    with db.read_session() as conn:
        return conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": key}).scalar()


def wait_for(check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_searches_and_statements_read_from_the_replica(db: Database) -> None:
    assert served_by(db) == REPLICA_PORT
    assert served_by(db, primary=True) == PRIMARY_PORT  # a read that must be fresh
    with db.session() as session:  # writes are on the primary
        assert session.execute(text("SELECT inet_server_port()")).scalar_one() == PRIMARY_PORT


def test_a_read_right_after_this_stations_write_goes_to_the_primary(db: Database) -> None:
    with db.session() as session:
        settings.put(session, "company.name", "Provedor Réplica")
    # The enablement or payment the counter just made is seen at once, on the primary.
    assert served_by(db) == PRIMARY_PORT
    assert setting_on(db, "company.name") == "Provedor Réplica"
    time.sleep(0.6)  # the window ends; the replica has the write by then
    assert served_by(db) == REPLICA_PORT
    assert setting_on(db, "company.name") == "Provedor Réplica"


def test_a_read_only_unit_of_work_or_an_audit_entry_keeps_reads_on_the_replica(
    db: Database,
) -> None:
    with db.session() as session:
        session.get(Setting, "company.name")
    audit.record_now(db, kiosk(1), "statement.viewed", "subscriber", 1)
    assert served_by(db) == REPLICA_PORT


def test_a_stopped_replica_falls_back_with_one_warning_and_is_used_again(
    db: Database, clusters: Clusters, caplog: pytest.LogCaptureFixture
) -> None:
    assert served_by(db) == REPLICA_PORT
    clusters.stop("r")
    caplog.set_level(logging.WARNING, logger="desktop.db_replica")
    try:
        served: list[int] = []
        for _ in range(20):
            try:
                served.append(served_by(db))
            except Exception:
                served.append(0)  # the read whose pooled connection died with the replica
            time.sleep(0.05)
        assert served.count(0) <= 1 and set(served) - {0} == {PRIMARY_PORT}
        warnings = [r for r in caplog.records if "principal" in r.getMessage()]
        assert len(warnings) == 1, [r.getMessage() for r in caplog.records]
    finally:
        clusters.start("r", REPLICA_PORT)
    wait_for(lambda: served_by(db) == REPLICA_PORT)
    assert any("de volta" in r.getMessage() for r in caplog.records)


def test_a_replica_behind_the_bound_is_skipped(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    router = db.read_router
    assert router is not None
    router.max_lag_s = 0.5
    assert served_by(db) == REPLICA_PORT
    replica = Database(URL.format(REPLICA_PORT))
    with replica.engine.connect() as conn:
        conn.execute(text("SELECT pg_wal_replay_pause()"))
        conn.commit()
    caplog.set_level(logging.WARNING, logger="desktop.db_replica")
    try:
        other = Database(URL.format(PRIMARY_PORT))
        with other.session() as session:
            settings.put(session, "company.city", "Atrasada")
        other.dispose()
        time.sleep(0.8)
        wait_for(lambda: served_by(db) == PRIMARY_PORT)
        assert setting_on(db, "company.city") == "Atrasada"  # not the replica's stale copy
        assert any("atrasada" in r.getMessage() for r in caplog.records)
    finally:
        with replica.engine.connect() as conn:
            conn.execute(text("SELECT pg_wal_replay_resume()"))
            conn.commit()
        replica.dispose()
    wait_for(lambda: served_by(db) == REPLICA_PORT)


def test_station_ini_names_the_replica_of_its_own_primary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CENTRAL_DB_URL", raising=False)
    monkeypatch.delenv("CENTRAL_DB_READ_URL", raising=False)
    path = station_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[database]\nurl = postgresql+psycopg://app@db1/central\n"
        "read_url = postgresql+psycopg://app@db2/central\n",
        encoding="utf-8",
    )
    assert load_station_config().read_url == "postgresql+psycopg://app@db2/central"
    # Another database given on the command line is not paired with the file's replica.
    assert load_station_config("postgresql+psycopg://app@other/x").read_url == ""


def test_a_replica_beside_sqlite_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="read_url"):
        Database(f"sqlite:///{tmp_path / 'c.sqlite3'}", read_url=URL.format(REPLICA_PORT))
