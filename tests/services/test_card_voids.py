"""Card voids under concurrency and faults (issue 14, items 2 and 5), against the local server
that speaks Cielo API 3.0: separate processes released together, a dead pooled connection
between the Cielo call and our write, a database that stays away, "already voided"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import CardPaymentStatus
from desktop.errors import Conflict, DatabaseUnavailable
from desktop.models import AuditEntry, CardPayment, OutboxEvent
from desktop.services import card_answers, cards, enablement_jobs
from tests.conftest import PG_ADMIN_URL
from tests.factories import CPFS, receivable, subscriber
from tests.fakes.cielo_server import CieloServer
from tests.services.concurrency import run_processes
from tests.services.test_cards import T0, cielo, finance, pay  # noqa: F401 - fixtures
from tests.services.twosys_workers import void_card

ADMIN = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture
def payment(db: Database, cielo: CieloServer) -> tuple[int, str]:  # noqa: F811
    """A captured R$ 99,90 card payment that Cielo knows."""
    sub_id, _ = subscriber(db, "Paulo Cartão", CPFS[0])
    rec = receivable(db, sub_id, dt.date(2026, 11, 10))
    card_id, payment_id = pay(db, sub_id, rec, T0)
    cielo.state.amounts[payment_id] = 9990
    return card_id, payment_id


def row(db: Database, card_id: int) -> CardPayment:
    with db.session() as session:
        found = session.get(CardPayment, card_id)
        assert found is not None
        return found


def void_events(db: Database) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.kind == "card_void")
            )
            or 0
        )


def audits(db: Database, action: str) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
            )
            or 0
        )


# --------------------------------------------------------------------------- item 2: 8 processes
def test_eight_processes_voiding_one_payment_send_one_void(
    db: Database,
    finance: CounterActor,  # noqa: F811
    cielo: CieloServer,  # noqa: F811
    payment: tuple[int, str],
) -> None:
    card_id, payment_id = payment
    cielo.state.latency_s = 0.3  # a real round trip: the window the old code lost
    results = run_processes(void_card, [(db.url, finance.user_id, card_id)] * 8)
    assert cielo.state.void_count(payment_id) == 1, cielo.state.requests
    puts = [r for r in cielo.state.requests if r["method"] == "PUT"]
    kinds = sorted(kind for kind, _, _ in results)
    assert kinds == ["Conflict"] * 7 + ["ok"], results
    assert [status for kind, status, _ in results if kind == "ok"] == ["cancelado"]
    for kind, _, message in results:
        if kind == "Conflict":  # a clear message: already done, or in flight and what Cielo says
            assert "já foi cancelado" in message or "em andamento" in message, message
    final = row(db, card_id)
    assert final.status is CardPaymentStatus.VOIDED and final.voided_amount == Decimal("99.90")
    assert final.void_request_id == puts[0]["headers"]["RequestId"]
    assert audits(db, "cartao.cancelado") == 1
    assert audits(db, "cartao.cancelamento_solicitado") == 1
    assert void_events(db) == 1


def test_already_voided_for_our_request_means_voided(
    db: Database,
    finance: CounterActor,  # noqa: F811
    cielo: CieloServer,  # noqa: F811
    payment: tuple[int, str],
) -> None:
    """Our earlier void reached Cielo but its answer was lost: Cielo now says "already
    voided" — the payment is cancelled, not a manual request."""
    card_id, payment_id = payment
    cielo.state.voided[payment_id] = 9990
    result = cards.void_payment(db, finance, card_id)
    assert result.status is CardPaymentStatus.VOIDED and result.manual_procedure is None
    assert "já havia sido feito" in result.message
    final = row(db, card_id)
    assert final.status is CardPaymentStatus.VOIDED and final.voided_amount == Decimal("99.90")


def test_a_late_answer_never_downgrades_a_recorded_void(
    db: Database,
    finance: CounterActor,  # noqa: F811
    cielo: CieloServer,  # noqa: F811
    payment: tuple[int, str],
) -> None:
    card_id, _ = payment
    cards.void_payment(db, finance, card_id)
    request_id = row(db, card_id).void_request_id
    assert request_id is not None
    for late in (CardPaymentStatus.MANUAL_REQUESTED, CardPaymentStatus.VOID_PENDING):
        kept = card_answers.record_answer(
            db, finance, card_id, request_id, late, "resposta atrasada", None
        )
        assert kept is CardPaymentStatus.VOIDED
    assert row(db, card_id).status is CardPaymentStatus.VOIDED


# --------------------------------------------------------------------------- item 5: dead connection
def _terminate_app_connections(db: Database) -> int:
    """What a PostgreSQL restart does to every pooled connection of the app."""
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        row_ = conn.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND application_name = 'central-assinante' AND pid <> pg_backend_pid()",
            (db.engine.url.database,),
        ).fetchone()
    return int(row_[0]) if row_ else 0


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgres"], indirect=True)
def test_a_dead_pooled_connection_after_the_void_still_records_it(
    db: Database,
    finance: CounterActor,  # noqa: F811
    cielo: CieloServer,  # noqa: F811
    payment: tuple[int, str],
) -> None:
    card_id, payment_id = payment
    killed: list[int] = []
    cielo.state.on_void = lambda _pid: killed.append(_terminate_app_connections(db))
    result = cards.void_payment(db, finance, card_id)
    assert killed and killed[0] >= 1  # the pooled connections were really gone
    assert result.status is CardPaymentStatus.VOIDED and "cancelado na Cielo" in result.message
    assert row(db, card_id).status is CardPaymentStatus.VOIDED
    assert cielo.state.void_count(payment_id) == 1
    assert void_events(db) == 1


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgres"], indirect=True)
def test_a_database_away_longer_says_what_cielo_did_and_a_retry_reconciles(
    db: Database,
    finance: CounterActor,  # noqa: F811
    cielo: CieloServer,  # noqa: F811
    payment: tuple[int, str],
) -> None:
    card_id, payment_id = payment
    name = db.engine.url.database

    def outage(_pid: str) -> None:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        _terminate_app_connections(db)

    cielo.state.on_void = outage
    try:
        with pytest.raises(DatabaseUnavailable) as lost:
            cards.void_payment(db, finance, card_id)
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
    cielo.state.on_void = None
    assert "A Cielo CANCELOU o pagamento" in lost.value.message
    assert "nada foi alterado" not in lost.value.message
    # A retry at once (inside the in-flight window) asks Cielo with the same RequestId.
    with pytest.raises(Conflict) as retry:
        cards.void_payment(db, finance, card_id)
    assert "a Cielo confirma: o pagamento está cancelado" in retry.value.message
    assert cielo.state.void_count(payment_id) == 1
    gets = [r for r in cielo.state.requests if r["method"] == "GET"]
    put = next(r for r in cielo.state.requests if r["method"] == "PUT")
    assert gets and gets[-1]["headers"]["RequestId"] == put["headers"]["RequestId"]
    final = row(db, card_id)
    assert final.status is CardPaymentStatus.VOIDED and final.voided_amount == Decimal("99.90")
    assert void_events(db) == 1


def test_jobs_run_records_a_void_whose_answer_was_lost(
    db: Database,
    finance: CounterActor,  # noqa: F811
    cielo: CieloServer,  # noqa: F811
    payment: tuple[int, str],
) -> None:
    """Nobody retries: ``jobs run`` asks Cielo about voids left pending and records them."""
    card_id, payment_id = payment
    cielo.state.behaviours[payment_id] = "timeout"  # voided at Cielo, answer after we gave up
    cielo.state.delay_s = 2.5
    first = cards.void_payment(db, finance, card_id)
    assert first.status is CardPaymentStatus.VOID_PENDING
    assert enablement_jobs.run_jobs(db).voids_confirmed == 0  # still inside the window
    with db.session() as session:
        found = session.get(CardPayment, card_id)
        assert found is not None and found.void_requested_at is not None
        found.void_requested_at -= dt.timedelta(minutes=5)
    report = enablement_jobs.run_jobs(db)
    assert report.voids_confirmed == 1 and report.warnings == ()
    assert row(db, card_id).status is CardPaymentStatus.VOIDED
    assert cielo.state.void_count(payment_id) == 1

