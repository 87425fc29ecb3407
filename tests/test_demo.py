"""Demo data: valid, consistent, showing what the app needs, and the same for the same seed."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text

from desktop.cli import main as cli_main
from desktop.db import Database
from desktop.demo import create_demo
from desktop.domain.clock import local_day_start, to_local
from desktop.domain.documents import is_cnpj, is_cpf
from desktop.domain.enums import ContractStatus, ReceivableStatus, Role
from desktop.domain.passwords import verify_password
from desktop.domain.text import search_key
from desktop.domain.vocabulary.words import TICKET_TYPES
from desktop.errors import Conflict, InvalidInput
from desktop.models import (
    Base,
    CardPayment,
    Contact,
    Contract,
    CounterUser,
    CreditValue,
    Payment,
    Plan,
    RadAcct,
    RadCheck,
    RadGroupReply,
    RadiusLogin,
    RadUserGroup,
    Receivable,
    SmsAccount,
    SmsPurchase,
    Subscriber,
    Terminal,
    Ticket,
    TicketContact,
    TicketEvent,
)
from desktop.models.telephony import Call
from desktop.services.protocols import next_protocol

TODAY = dt.date(2026, 11, 20)
N = 40


def _demo(db: Database, seed: int = 7) -> None:
    """A small demo on a fixed day; a year of calls and sessions for the first 8 only."""
    create_demo(db, subscribers=N, seed=seed, today=TODAY, full_history=8)


def _empty_postgres(url: str) -> Database:
    """The session's PostgreSQL test database, emptied (the protocol sequence too)."""
    database = Database(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        conn.execute(text("ALTER SEQUENCE protocol_seq RESTART WITH 1"))
    return database


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def demo_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """One demo per backend for the whole module: the tests below only read it."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database(f"sqlite:///{path}")
    else:
        database = _empty_postgres(request.getfixturevalue("pg_url"))
    _demo(database)
    yield database
    database.dispose()


def test_documents_names_and_contacts(demo_db: Database) -> None:
    with demo_db.session() as s:
        subscribers = s.scalars(select(Subscriber)).all()
        assert len(subscribers) == N
        for sub in subscribers:
            assert (is_cpf(sub.document) and sub.person_type == "F") or (
                is_cnpj(sub.document) and sub.person_type == "J"
            )
            assert sub.name_search == search_key(sub.name)
            assert sub.phone is not None and len(sub.phone) == 11 and sub.phone[2] == "9"
            assert len(sub.cep) == 8 and len(sub.city_ibge) == 7 and len(sub.state) == 2
        assert any(not s.document.isdigit() for s in subscribers), "an alphanumeric CNPJ"
        assert sum(s.person_type == "F" for s in subscribers) > N // 2
        kiosk = [s for s in subscribers if s.password_hash]
        assert kiosk and verify_password(kiosk[0].password_hash, "demo1234")
        # Each account its own salt: a shared hash would tell who shares a password.
        assert len({sub.password_hash for sub in kiosk}) == len(kiosk) > 1
        titulars = s.scalars(select(Contact).where(Contact.relation == "titular")).all()
        assert len(titulars) == N
        assert s.scalar(select(func.count()).select_from(Contact)) > N


def test_every_role_has_a_user_with_the_printed_password(demo_db: Database) -> None:
    with demo_db.session() as s:
        users = {u.login: u for u in s.scalars(select(CounterUser))}
    assert {u.role for u in users.values()} == set(Role)
    assert verify_password(users["financeiro"].password_hash, "financeiro-demo")


def test_plans_contracts_terminals_and_radius(demo_db: Database) -> None:
    with demo_db.session() as s:
        plans = s.scalars(select(Plan)).all()
        assert {(p.has_internet, p.has_voice, p.has_sms) for p in plans} >= {
            (True, False, False),
            (False, True, False),
            (True, True, False),
            (False, False, True),
        }
        assert all(p.radius_group for p in plans if p.has_internet)
        numbers = s.scalars(select(Contract.number)).all()
        assert len(numbers) == len(set(numbers))
        for terminal in s.scalars(select(Terminal)):
            assert len(terminal.number) == 10 and terminal.number[2] in "2345"
            assert terminal.area_code == terminal.number[:2]
        logins = s.scalars(select(RadiusLogin.username)).all()
        assert logins
        checks = s.scalars(select(RadCheck).where(RadCheck.attribute == "Cleartext-Password"))
        assert {c.username for c in checks} <= set(logins)
        groups = set(s.scalars(select(RadGroupReply.groupname)))
        assert "bloqueado" in groups and {p.radius_group for p in plans if p.radius_group} <= groups
        statuses = Counter(s.scalars(select(Contract.status)))
        assert statuses[ContractStatus.ACTIVE] > sum(statuses.values()) // 2


def test_suspended_for_debt_is_explained(demo_db: Database) -> None:
    with demo_db.session() as s:
        suspended = s.scalars(
            select(Contract).where(Contract.status == ContractStatus.SUSPENDED_DEBT)
        ).all()
        assert suspended
        for contract in suspended:
            overdue = s.scalars(
                select(Receivable).where(
                    Receivable.contract_id == contract.id,
                    Receivable.status == ReceivableStatus.OPEN,
                    Receivable.due_date < to_local(contract.status_changed_at).date(),
                )
            ).all()
            assert overdue, contract.number
            assert contract.status_changed_at < local_day_start(TODAY)
            assert (TODAY - to_local(contract.status_changed_at).date()).days < 120
            login = s.scalar(
                select(RadiusLogin.username).where(RadiusLogin.contract_id == contract.id)
            )
            if login is not None:
                groups = {
                    (g.groupname, g.priority)
                    for g in s.scalars(select(RadUserGroup).where(RadUserGroup.username == login))
                }
                assert ("bloqueado", 0) in groups
        blocked = s.scalars(
            select(RadUserGroup.username).where(RadUserGroup.groupname == "bloqueado")
        )
        suspended_logins = s.scalars(
            select(RadiusLogin.username)
            .join(Contract)
            .where(Contract.status == ContractStatus.SUSPENDED_DEBT)
        )
        assert set(blocked) == set(suspended_logins)


def test_receivables_payments_and_duplicated_cards(demo_db: Database) -> None:
    with demo_db.session() as s:
        statuses = Counter(s.scalars(select(Receivable.status)))
        assert statuses[ReceivableStatus.PAID] > statuses[ReceivableStatus.OPEN]
        assert statuses[ReceivableStatus.OPEN] > 0
        paid = s.scalars(select(Receivable).where(Receivable.status == ReceivableStatus.PAID)).all()
        payments = {p.receivable_id: p for p in s.scalars(select(Payment))}
        for receivable in paid:
            payment = payments[receivable.id]
            assert payment.amount == receivable.paid_amount
            assert (
                receivable.paid_amount is not None and receivable.paid_amount >= receivable.amount
            )
            assert receivable.payment_method == payment.method
        assert any(r.paid_amount != r.amount for r in paid), "some paid late with fine + interest"
        assert any(r.due_date > TODAY for r in s.scalars(select(Receivable))), "a future bill"
        duplicated = s.execute(
            select(CardPayment.receivable_id, func.count())
            .group_by(CardPayment.receivable_id)
            .having(func.count() > 1)
        ).all()
        assert duplicated
        cards = s.scalars(select(CardPayment)).all()
        assert len({c.payment_id for c in cards}) == len(cards)
        assert all(len(c.last4) == 4 and len(c.tid) == 20 for c in cards)


def test_calls_are_rated_and_181_hidden(demo_db: Database) -> None:
    with demo_db.session() as s:
        calls = s.scalars(select(Call)).all()
        assert calls
        hidden = [c for c in calls if c.hidden]
        assert hidden and all(c.destination == "181" for c in hidden)
        assert all(c.hidden for c in calls if c.destination == "181")
        assert len({c.call_type for c in calls}) >= 6
        for call in calls:
            assert call.billed_s == 0 if call.duration_s <= 3 else call.billed_s >= 30
        assert len({c.source_key for c in calls}) == len(calls)


def test_connection_sessions(demo_db: Database) -> None:
    with demo_db.session() as s:
        sessions = s.scalars(select(RadAcct)).all()
        open_sessions = Counter(r.username for r in sessions if r.acctstoptime is None)
        assert open_sessions and max(open_sessions.values()) == 1
        closed = [r for r in sessions if r.acctstoptime is not None]
        assert all(r.acctterminatecause for r in closed)
        assert sum(r.acctoutputoctets or 0 for r in sessions) > sum(
            r.acctinputoctets or 0 for r in sessions
        )
        assert any((r.acctoutputoctets or 0) > 4 * 1024**3 for r in sessions)
        assert all(str(r.framedipaddress).startswith("100.") for r in sessions)
        assert len({r.acctuniqueid for r in sessions}) == len(sessions)


def test_tickets_sms_and_protocol_sequence(demo_db: Database) -> None:
    with demo_db.session() as s:
        tickets = s.scalars(select(Ticket)).all()
        assert tickets
        for ticket in tickets:
            assert len(ticket.protocol) == 18
            assert ticket.protocol[:8] == f"{to_local(ticket.opened_at):%Y%m%d}"
            assert ticket.type in TICKET_TYPES
            first = s.scalar(
                select(TicketContact.contact_id).where(
                    TicketContact.ticket_id == ticket.id, TicketContact.position == 0
                )
            )
            assert first == ticket.first_contact_id
        assert s.scalar(select(func.count()).select_from(TicketEvent)) >= len(tickets)
        # A ticket opened now continues the protocol sequence after the demo's numbers.
        used = max(int(t.protocol[8:]) for t in tickets)
        assert int(next_protocol(s)[8:]) == used + 1
        assert s.scalar(select(func.count()).select_from(CreditValue)) >= 3
        assert s.scalar(select(func.count()).select_from(SmsAccount)) >= 1
        assert s.scalar(select(func.count()).select_from(SmsPurchase)) >= 1


def test_refuses_a_database_with_subscribers(demo_db: Database) -> None:
    with pytest.raises(Conflict, match="já tem assinantes"):
        _demo(demo_db)


def test_refuses_too_few_subscribers(sqlite_db: Database) -> None:
    with pytest.raises(InvalidInput):
        create_demo(sqlite_db, subscribers=3)


def _digest(db: Database) -> str:
    """Every table the demo fills, in id order; password hashes (random salts) left out."""
    digest = hashlib.sha256()
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "protocol_counter":  # SQLite's stand-in for a PostgreSQL sequence
                continue
            columns = [c for c in table.columns if c.name != "password_hash"]
            rows = conn.execute(select(*columns).order_by(*table.primary_key.columns))
            for row in rows:
                digest.update(repr([None if v is None else str(v) for v in row]).encode())
    return digest.hexdigest()


def _fresh(tmp_path: Path, template: Path, name: str) -> Database:
    path = tmp_path / name
    shutil.copy(template, path)
    return Database(f"sqlite:///{path}")


def test_same_seed_same_data(tmp_path: Path, sqlite_template: Path) -> None:
    digests = []
    for name, seed in (("a.sqlite3", 7), ("b.sqlite3", 7), ("c.sqlite3", 8)):
        database = _fresh(tmp_path, sqlite_template, name)
        _demo(database, seed)
        digests.append(_digest(database))
        database.dispose()
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_fast_sqlite_writes_store_what_core_stores(tmp_path: Path, sqlite_template: Path) -> None:
    """The demo writes SQLite rows without Core's insert(); the stored values must not differ."""
    fast = _fresh(tmp_path, sqlite_template, "fast.sqlite3")
    _demo(fast)
    core = _fresh(tmp_path, sqlite_template, "core.sqlite3")
    tables = [t for t in Base.metadata.sorted_tables if t.name != "protocol_counter"]
    with fast.engine.connect() as source, core.engine.begin() as target:
        for table in tables:
            rows = [dict(r._mapping) for r in source.execute(select(table))]
            if rows:
                target.execute(insert(table), rows)  # Core's own bind processing
    with fast.engine.connect() as a, core.engine.connect() as b:
        for table in tables:
            order = "1, 2" if len(table.columns) > 1 else "1"  # name_words has one column
            sql = f'SELECT * FROM "{table.name}" ORDER BY {order}'
            assert a.exec_driver_sql(sql).all() == b.exec_driver_sql(sql).all(), table.name
    fast.dispose()
    core.dispose()


@pytest.mark.postgres
def test_postgresql_stores_the_same_data_as_sqlite(
    pg_url: str, tmp_path: Path, sqlite_template: Path
) -> None:
    postgres = _empty_postgres(pg_url)
    reference = _fresh(tmp_path, sqlite_template, "ref.sqlite3")
    _demo(postgres)
    _demo(reference)
    try:
        assert _digest(postgres) == _digest(reference)
        with postgres.session() as s:  # the serial sequences were moved past the demo's ids
            plan = Plan(name="Plano novo", price=Decimal("10.00"))
            s.add(plan)
            s.flush()
            assert plan.id == s.scalar(select(func.max(Plan.id)))
    finally:
        postgres.dispose()
        reference.dispose()


def test_command_prints_logins_and_subscribers_to_try(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert cli_main(["--db", url, "demo", "--subscribers", "12", "--seed", "3", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "atendente-demo" in out and "admin-demo" in out
    assert "Suspenso por débito" in out and "Assinantes" in out
    assert cli_main(["--db", url, "demo", "--subscribers", "12", "--quiet"]) == 2
    assert "já tem assinantes" in capsys.readouterr().err


def test_subscribers_past_the_light_mark_get_accounts_and_three_months_of_bills(
    tmp_path: Path, sqlite_template: Path
) -> None:
    """What a 1-million demo makes from subscriber 20 000 on, here from the 11th of 40."""
    full = _fresh(tmp_path, sqlite_template, "full.sqlite3")
    create_demo(full, subscribers=N, seed=7, today=TODAY, full_history=8, light_from=N)
    light = _fresh(tmp_path, sqlite_template, "light.sqlite3")
    create_demo(light, subscribers=N, seed=7, today=TODAY, full_history=8, light_from=10)
    with light.session() as s:
        ids = s.scalars(select(Subscriber.id).order_by(Subscriber.id)).all()
        heavy, light_ids = ids[:10], ids[10:]
        assert len(light_ids) == N - 10
        logins = {
            c.subscriber_id: [
                r.username
                for r in s.scalars(select(RadiusLogin).where(RadiusLogin.contract_id == c.id))
            ]
            for c in s.scalars(select(Contract).where(Contract.subscriber_id.in_(light_ids)))
        }
        light_logins = [u for users in logins.values() for u in users]
        assert light_logins  # contracts and logins for everyone, so search and RADIUS work
        assert (
            s.scalar(
                select(func.count()).select_from(RadAcct).where(RadAcct.username.in_(light_logins))
            )
            == 0
        )
        assert (
            s.scalar(
                select(func.count()).select_from(Ticket).where(Ticket.subscriber_id.in_(light_ids))
            )
            == 0
        )
        oldest_light = s.scalar(
            select(func.min(Receivable.due_date)).where(Receivable.subscriber_id.in_(light_ids))
        )
        assert oldest_light is not None and oldest_light >= dt.date(2026, 8, 1)  # Sep-Dec bills
        oldest_heavy = s.scalar(
            select(func.min(Receivable.due_date)).where(Receivable.subscriber_id.in_(heavy))
        )
        assert oldest_heavy is not None and oldest_heavy < dt.date(2026, 3, 1)  # the year
    # The first ten are the same rows as in a demo without the light mark.
    with full.session() as s, light.session() as t:
        first = select(Subscriber.document).order_by(Subscriber.id).limit(10)
        assert s.scalars(first).all() == t.scalars(first).all()
    full.dispose()
    light.dispose()
