"""Two systems, one outcome: Habilitação Provisória, its expiry and the payment lift against a
SEPARATE FreeRADIUS PostgreSQL database, with a crash injected at every point between the
two commits (an exception, or a process killed), a row lock held on ``radusergroup`` and an
``idle_in_transaction_session_timeout`` on our database (issue 14, item 4).

After each crash, and ``jobs run`` at the latest, the contract's status, the radusergroup
rows, the enablement, its ticket and the audit agree.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import ContractStatus
from desktop.models import AuditEntry, OutboxEvent, ProvisionalEnablement, RadiusChange, Ticket
from desktop.services import (
    audit,
    enablement,
    enablement_jobs,
    radius_sync,
    reactivation,
    settings,
    ticket_search,
)
from tests.conftest import PG_ADMIN_URL
from tests.factories import CPFS
from tests.services.concurrency import run_processes
from tests.services.nas_stub import running_nas
from tests.services.radius_setup import SUSPENDED_SINCE, configure_nas, contract_state, suspended
from tests.services.twosys_workers import enable_once, jobs_once, race_worker

SCHEMA_SQL = Path(__file__).resolve().parent.parent / "data" / "freeradius_schema.sql"
# FreeRADIUS 3.2 raddb/mods-config/sql/main/postgresql/schema.sql (REFERENCE.md §5).
RADUSERGROUP_SQL = """
CREATE TABLE IF NOT EXISTS radusergroup (
    id serial PRIMARY KEY,
    UserName text NOT NULL DEFAULT '',
    GroupName text NOT NULL DEFAULT '',
    priority integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS radusergroup_UserName ON radusergroup (UserName);
"""
ADMIN = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")


class Crash(RuntimeError):
    """Stands for the process dying at that point."""


@pytest.fixture
def radius_url() -> Iterator[str]:
    """A separate FreeRADIUS database (its own schema.sql) with joana blocked."""
    name = f"ca_radius_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        conn.execute(RADUSERGROUP_SQL)
        conn.execute(
            "INSERT INTO radusergroup (username, groupname, priority) "
            "VALUES ('joana', 'plano300', 1), ('joana', 'bloqueado', 0)"
        )
    yield url
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup(db: Database, radius_url: str) -> tuple[int, int]:
    sub_id, contract_id, _ = suspended(db)
    with db.session() as session:
        settings.put(session, "radius.database_url", radius_url.replace("postgresql://", "postgresql+psycopg://"))
    return sub_id, contract_id


def blocked(radius_url: str, login: str = "joana") -> bool:
    with psycopg.connect(radius_url) as conn:
        rows = conn.execute(
            "SELECT count(*) FROM radusergroup WHERE username = %s AND groupname = 'bloqueado'",
            (login,),
        ).fetchone()
    assert rows is not None and rows[0] in (0, 1), rows  # never two block rows
    return bool(rows[0])


def pending(db: Database) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(RadiusChange).where(RadiusChange.state == "pending")
            )
            or 0
        )


def assert_agree(db: Database, radius_url: str, contract_id: int) -> ContractStatus:
    """The app's records and FreeRADIUS tell the same story; returns the contract status."""
    status, _ = contract_state(db, contract_id)
    with db.session() as session:
        rows = list(session.scalars(select(ProvisionalEnablement)))
        audits = list(session.scalars(select(AuditEntry.action)))
        ticket_count = session.scalar(select(func.count()).select_from(Ticket))
        kinds = list(session.scalars(select(OutboxEvent.kind).order_by(OutboxEvent.id)))
        # One outbox event per enablement and per expiry, whatever crashed in between.
        assert kinds.count("enablement") == len(rows)
        assert kinds.count("enablement_expired") == len([r for r in rows if r.end_reason == "expirada"])
        open_rows = [r for r in rows if r.ended_at is None]
        if status is ContractStatus.PROVISIONAL:
            [row] = open_rows
            ticket = session.get(Ticket, row.ticket_id)
            assert ticket is not None and ticket.protocol
            assert audits.count("habilitacao_provisoria") == 1
            assert not blocked(radius_url)
        elif status is ContractStatus.SUSPENDED_DEBT:
            assert open_rows == []
            assert blocked(radius_url)
            if not rows:  # nothing happened at all: no trace either
                assert ticket_count == 0 and "habilitacao_provisoria" not in audits
                assert kinds == []
        else:
            assert status is ContractStatus.ACTIVE and open_rows == []
            assert not blocked(radius_url)
    assert pending(db) == 0
    return status


# --------------------------------------------------------------------------- the reproduction
@contextmanager
def row_locked(radius_url: str, seconds: float) -> Iterator[None]:
    """Another client holds joana's 'bloqueado' row for ``seconds`` (as FreeRADIUS or a DBA might)."""
    locked = threading.Event()

    def hold() -> None:
        with psycopg.connect(radius_url) as conn:
            conn.execute(
                "SELECT id FROM radusergroup WHERE username = 'joana' AND groupname = 'bloqueado' "
                "FOR UPDATE"
            )
            locked.set()
            time.sleep(seconds)
            conn.commit()

    thread = threading.Thread(target=hold)
    thread.start()
    assert locked.wait(10)
    try:
        yield
    finally:
        thread.join()


@contextmanager
def idle_timeout(db: Database, value: str) -> Iterator[None]:
    """``idle_in_transaction_session_timeout`` on our own database (PostgreSQL only)."""
    if db.dialect != "postgresql":
        yield
        return
    name = db.engine.url.database
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" SET idle_in_transaction_session_timeout = \'{value}\'')
    db.dispose()  # new connections take the setting
    try:
        yield
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" RESET idle_in_transaction_session_timeout')
        db.dispose()


def test_a_locked_radusergroup_row_and_an_idle_timeout_half_apply_nothing(
    db: Database, attendant: CounterActor, radius_url: str
) -> None:
    """Issue 14 item 4 as reported: 4 s lock on the row, 1.5 s idle-in-transaction timeout."""
    sub_id, contract_id = setup(db, radius_url)
    with idle_timeout(db, "1500ms"), row_locked(radius_url, 4.0):
        started = time.monotonic()
        result = enablement.enable(db, attendant, sub_id, contract_id)
        waited = time.monotonic() - started
    assert waited >= 3.0  # it did wait for the lock, with none of our transactions open
    assert result.warnings == () and result.protocol
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.PROVISIONAL
    with db.session() as session:
        [change] = session.scalars(select(RadiusChange))
        assert (change.state, change.action, change.attempts) == ("applied", "unblock", 1)
    # The expiry under the same conditions puts the block back.
    with idle_timeout(db, "1500ms"):
        report = enablement_jobs.run_jobs(db, result.enabled_until + dt.timedelta(minutes=1))
    assert len(report.resuspended) == 1 and report.warnings == ()
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.SUSPENDED_DEBT


# --------------------------------------------------------------------------- injected crashes: enable
def test_failure_before_our_commit_changes_neither_side(
    db: Database, attendant: CounterActor, radius_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old code committed FreeRADIUS first: an error after it left the login unblocked."""
    sub_id, contract_id = setup(db, radius_url)
    real = audit.record

    def failing(session: Any, actor: Any, action: str, *args: Any, **kwargs: Any) -> None:
        if action == "habilitacao_provisoria":
            raise Crash("the unit of work fails before its commit")
        real(session, actor, action, *args, **kwargs)

    monkeypatch.setattr(audit, "record", failing)
    with pytest.raises(Crash):
        enablement.enable(db, attendant, sub_id, contract_id)
    monkeypatch.setattr(audit, "record", real)
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.SUSPENDED_DEBT
    enablement_jobs.run_jobs(db)
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.SUSPENDED_DEBT
    # And the person can simply try again.
    enablement.enable(db, attendant, sub_id, contract_id)
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.PROVISIONAL


def test_crash_after_our_commit_before_freeradius_is_finished_by_jobs_run(
    db: Database, attendant: CounterActor, radius_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub_id, contract_id = setup(db, radius_url)
    real = radius_sync.apply_contract
    monkeypatch.setattr(radius_sync, "apply_contract", lambda *a, **k: (_ for _ in ()).throw(Crash()))
    with pytest.raises(Crash):
        enablement.enable(db, attendant, sub_id, contract_id)
    monkeypatch.setattr(radius_sync, "apply_contract", real)
    assert contract_state(db, contract_id)[0] is ContractStatus.PROVISIONAL
    assert blocked(radius_url) and pending(db) == 1  # the intent survived the crash
    report = enablement_jobs.run_jobs(db)
    assert report.radius_finished == 1 and report.warnings == ()
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.PROVISIONAL
    row = enablement_row(db)
    history = ticket_search.detail(db, attendant, row.ticket_id).history
    assert "concluída pelas tarefas periódicas" in history[-1].text
    assert "retirado(s) do grupo 'bloqueado' (1 registro(s))" in history[-1].text


def test_crash_after_freeradius_before_marking_is_finished_by_jobs_run(
    db: Database, attendant: CounterActor, radius_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub_id, contract_id = setup(db, radius_url)
    real = radius_sync._mark
    monkeypatch.setattr(radius_sync, "_mark", lambda *a, **k: (_ for _ in ()).throw(Crash()))
    with pytest.raises(Crash):
        enablement.enable(db, attendant, sub_id, contract_id)
    monkeypatch.setattr(radius_sync, "_mark", real)
    assert not blocked(radius_url) and pending(db) == 1
    assert enablement_jobs.run_jobs(db).radius_finished == 1
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.PROVISIONAL


def test_unreachable_freeradius_keeps_the_enablement_and_says_so(
    db: Database, attendant: CounterActor, radius_url: str
) -> None:
    sub_id, contract_id = setup(db, radius_url)
    name = radius_url.rsplit("/", 1)[1]
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
    try:
        result = enablement.enable(db, attendant, sub_id, contract_id)
        assert "FreeRADIUS" in result.warnings[0] and "jobs run" in result.warnings[0]
        report = enablement_jobs.run_jobs(db)  # still down: stays pending, with a warning
        assert report.radius_finished == 0 and "1 contrato(s) com alteração no FreeRADIUS pendente" in report.warnings[0]
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
    with db.session() as session:
        [change] = session.scalars(select(RadiusChange))
        assert change.attempts == 2 and "FreeRADIUS" in change.last_error
    assert enablement_jobs.run_jobs(db).radius_finished == 1
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.PROVISIONAL
    history = ticket_search.detail(db, attendant, enablement_row(db).ticket_id).history
    texts = [e.text for e in history if e.action == "radius"]
    assert len(texts) == 3 and "ficou pendente" in texts[1]  # said once, not at every retry
    assert "concluída pelas tarefas periódicas" in texts[2]


# --------------------------------------------------------------------------- injected crashes: expiry
def enablement_row(db: Database) -> ProvisionalEnablement:
    with db.session() as session:
        return session.scalars(select(ProvisionalEnablement)).one()


@pytest.mark.parametrize("where", ["before_freeradius", "before_marking"])
def test_crash_during_expiry_still_re_blocks_the_login(
    db: Database,
    attendant: CounterActor,
    radius_url: str,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    sub_id, contract_id = setup(db, radius_url)
    result = enablement.enable(db, attendant, sub_id, contract_id)
    target = "apply_contract" if where == "before_freeradius" else "_mark"
    real = getattr(radius_sync, target)
    monkeypatch.setattr(radius_sync, target, lambda *a, **k: (_ for _ in ()).throw(Crash()))
    later = result.enabled_until + dt.timedelta(minutes=1)
    with pytest.raises(Crash):
        enablement_jobs.run_jobs(db, later)
    monkeypatch.setattr(radius_sync, target, real)
    assert contract_state(db, contract_id) == (ContractStatus.SUSPENDED_DEBT, SUSPENDED_SINCE)
    assert pending(db) == 1
    assert enablement_jobs.run_jobs(db, later).radius_finished == 1
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.SUSPENDED_DEBT
    assert enablement_row(db).end_reason == "expirada"


def test_failure_before_the_expiry_commits_leaves_it_for_the_next_run(
    db: Database, attendant: CounterActor, radius_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub_id, contract_id = setup(db, radius_url)
    result = enablement.enable(db, attendant, sub_id, contract_id)
    real = audit.record

    def failing(session: Any, actor: Any, action: str, *args: Any, **kwargs: Any) -> None:
        if action == "habilitacao_provisoria.expirada":
            raise Crash("the expiry's unit of work fails before its commit")
        real(session, actor, action, *args, **kwargs)

    monkeypatch.setattr(audit, "record", failing)
    later = result.enabled_until + dt.timedelta(minutes=1)
    with pytest.raises(Crash):
        enablement_jobs.run_jobs(db, later)
    monkeypatch.setattr(audit, "record", real)
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.PROVISIONAL  # untouched
    assert len(enablement_jobs.run_jobs(db, later).resuspended) == 1
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.SUSPENDED_DEBT


def test_payment_lift_after_a_crash_is_finished_and_later_changes_win(
    db: Database, attendant: CounterActor, radius_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A block left pending by a crash, then the debt paid: the latest intent (unblock) wins
    and the overtaken block is marked undone, never applied after it."""
    from tests.services.test_enablement_jobs import pay

    sub_id, contract_id = setup(db, radius_url)
    result = enablement.enable(db, attendant, sub_id, contract_id)
    real = radius_sync.apply_contract
    monkeypatch.setattr(radius_sync, "apply_contract", lambda *a, **k: (_ for _ in ()).throw(Crash()))
    with pytest.raises(Crash):
        enablement_jobs.run_jobs(db, result.enabled_until + dt.timedelta(minutes=1))
    monkeypatch.setattr(radius_sync, "apply_contract", real)
    with db.session() as session:
        from desktop.models import Receivable

        receivable_id = session.scalar(select(Receivable.id))
    assert receivable_id is not None
    pay(db, receivable_id)
    done = reactivation.on_debt_paid(db, attendant, contract_id)
    assert done.changed and done.status is ContractStatus.ACTIVE
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.ACTIVE
    with db.session() as session:
        states = [(c.action, c.state) for c in session.scalars(select(RadiusChange).order_by(RadiusChange.id))]
    assert states == [("unblock", "applied"), ("block", "undone"), ("unblock", "applied")]


# --------------------------------------------------------------------------- processes at once
def test_expiry_and_payment_at_the_same_moment_end_active_and_unblocked(
    db: Database, attendant: CounterActor, radius_url: str
) -> None:
    """jobs run re-blocks while the bills are being paid and lifted, in another process:
    whatever order the two databases see, every plan ends active and out of the group."""
    logins = ["joana", "carlos", "bia"]
    with psycopg.connect(radius_url, autocommit=True) as conn:
        for login in logins[1:]:
            conn.execute(
                "INSERT INTO radusergroup (username, groupname, priority) VALUES (%s, 'bloqueado', 0)",
                (login,),
            )
    pairs: list[tuple[int, int]] = []
    subscribers: list[int] = []
    for n, login in enumerate(logins):
        sub_id, contract_id, receivable_id = suspended(db, login, document=CPFS[n])
        assert receivable_id is not None
        pairs.append((receivable_id, contract_id))
        subscribers.append(sub_id)
    with db.session() as session:
        settings.put(session, "radius.database_url", radius_url.replace("postgresql://", "postgresql+psycopg://"))
    expiry = None
    for sub_id, (_, contract_id) in zip(subscribers, pairs, strict=True):
        expiry = enablement.enable(db, attendant, sub_id, contract_id).enabled_until
    assert expiry is not None
    when = (expiry + dt.timedelta(minutes=1)).isoformat()
    run_processes(
        race_worker, [("jobs", db.url, when, attendant.user_id, pairs), ("pay", db.url, when, attendant.user_id, pairs)]
    )
    for login, (_, contract_id) in zip(logins, pairs, strict=True):
        assert contract_state(db, contract_id)[0] is ContractStatus.ACTIVE
        assert not blocked(radius_url, login), login
    assert pending(db) == 0


def test_four_stations_finishing_one_pending_change_disconnect_once(
    db: Database, attendant: CounterActor, radius_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub_id, contract_id = setup(db, radius_url)
    with psycopg.connect(radius_url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO radacct (acctsessionid, acctuniqueid, username, nasipaddress, "
            "framedipaddress, acctstarttime) VALUES ('81a00012', 'u-joana', 'joana', '10.0.0.1', "
            "'100.64.0.10', now() - interval '2 hours')"
        )
    real = radius_sync.apply_contract
    monkeypatch.setattr(radius_sync, "apply_contract", lambda *a, **k: (_ for _ in ()).throw(Crash()))
    with pytest.raises(Crash):
        enablement.enable(db, attendant, sub_id, contract_id)
    monkeypatch.setattr(radius_sync, "apply_contract", real)
    with running_nas() as nas:
        configure_nas(db, nas.port)
        results = run_processes(jobs_once, [(db.url,)] * 4)
    assert sorted(done for done, _ in results) == [0, 0, 0, 1], results
    assert all(warnings == [] or warnings == () for _, warnings in results), results
    assert [r.attributes["User-Name"] for r in nas.received] == [["joana"]]  # once, not 4 times
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.PROVISIONAL
    history = ticket_search.detail(db, attendant, enablement_row(db).ticket_id).history
    assert sum("concluída pelas tarefas periódicas" in e.text for e in history) == 1


# --------------------------------------------------------------------------- a process killed
def test_a_process_killed_while_waiting_on_freeradius_is_finished_by_jobs_run(
    db: Database, attendant: CounterActor, radius_url: str
) -> None:
    sub_id, contract_id = setup(db, radius_url)
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    release = threading.Event()
    locked = threading.Event()

    def hold() -> None:
        with psycopg.connect(radius_url) as conn:
            conn.execute(
                "SELECT id FROM radusergroup WHERE username = 'joana' AND groupname = 'bloqueado' "
                "FOR UPDATE"
            )
            locked.set()
            release.wait(60)
            conn.commit()

    holder = threading.Thread(target=hold)
    holder.start()
    assert locked.wait(10)
    proc = ctx.Process(target=enable_once, args=(db.url, attendant.user_id, sub_id, contract_id, out))
    proc.start()
    try:
        deadline = time.monotonic() + 60
        while not _waiting_on_lock(radius_url):  # our T1 committed, the DELETE waits
            assert time.monotonic() < deadline and proc.is_alive()
            time.sleep(0.05)
        assert proc.pid is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(10)
    finally:
        release.set()
        holder.join()
    assert proc.exitcode == -signal.SIGKILL
    assert contract_state(db, contract_id)[0] is ContractStatus.PROVISIONAL and pending(db) == 1
    assert enablement_jobs.run_jobs(db).radius_finished == 1
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.PROVISIONAL


def _waiting_on_lock(radius_url: str) -> bool:
    name = radius_url.rsplit("/", 1)[1]
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
            (name,),
        ).fetchone()
    return bool(row and row[0])


# --------------------------------------------------------------------------- the ERP's entry point
def test_apply_contract_status_moves_the_login_like_the_app_does(
    db: Database, admin: CounterActor, radius_url: str
) -> None:
    _, contract_id = setup(db, radius_url)
    back = enablement_jobs.apply_contract_status(db, admin, contract_id, ContractStatus.ACTIVE)
    assert (back.before, back.after, back.radius) == (
        ContractStatus.SUSPENDED_DEBT,
        ContractStatus.ACTIVE,
        radius_sync.RadiusAction.UNBLOCK,
    )
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.ACTIVE
    again = enablement_jobs.apply_contract_status(db, admin, contract_id, ContractStatus.ACTIVE)
    assert again.radius is None  # nothing to do twice
    enablement_jobs.apply_contract_status(db, admin, contract_id, ContractStatus.SUSPENDED_DEBT)
    assert assert_agree(db, radius_url, contract_id) is ContractStatus.SUSPENDED_DEBT
    with db.session() as session:
        assert session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "plano.situacao_alterada")
        ) == 2
