"""Cartão de Crédito: duplicates, and voids through a local server that speaks Cielo API 3.0."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import CardPaymentStatus, Role
from desktop.errors import AccessDenied, Conflict
from desktop.models import AuditEntry, CardPayment
from desktop.services import cards, settings
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, receivable, subscriber
from tests.fakes.cielo_server import MERCHANT_ID, MERCHANT_KEY, CieloServer

T0 = dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.UTC)


@pytest.fixture
def finance(db: Database) -> CounterActor:
    return make_user(db, "financeiro1", Role.FINANCE)


@pytest.fixture
def cielo(db: Database, admin: CounterActor) -> Iterator[CieloServer]:
    with CieloServer() as server:
        for key, value in {
            "cielo.merchant_id": MERCHANT_ID,
            "cielo.merchant_key": MERCHANT_KEY,
            "cielo.api_url": server.url,
            "cielo.query_url": server.url,
            "cielo.timeout_s": "1",
        }.items():
            settings.change(db, admin, key, value)
        yield server


def pay(
    db: Database, sub_id: int, receivable_id: int | None, at: dt.datetime, amount: str = "99.90"
) -> tuple[int, str]:
    payment_id = str(uuid.uuid4())
    with db.session() as session:
        row = CardPayment(
            subscriber_id=sub_id,
            receivable_id=receivable_id,
            paid_at=at,
            amount=Decimal(amount),
            brand="Visa",
            last4="1234",
            installments=1,
            payment_id=payment_id,
            tid="1006993069000001",
        )
        session.add(row)
        session.flush()
        return row.id, payment_id


@pytest.fixture
def duplicated(db: Database) -> tuple[int, int, str, int]:
    sub_id, _ = subscriber(db, "Paulo Duplicado", CPFS[0])
    rec = receivable(db, sub_id, dt.date(2026, 11, 10))
    first, _ = pay(db, sub_id, rec, T0)
    second, payment_id = pay(db, sub_id, rec, T0 + dt.timedelta(minutes=2))
    return sub_id, first, payment_id, second


def test_duplicates_are_flagged(
    db: Database, attendant: CounterActor, duplicated: tuple[int, int, str, int]
) -> None:
    sub_id, first, _, second = duplicated
    pay(db, sub_id, None, T0 + dt.timedelta(days=3), "49.90")
    pay(db, sub_id, None, T0 + dt.timedelta(days=3, minutes=5), "49.90")
    pay(
        db, sub_id, None, T0 + dt.timedelta(days=9), "49.90"
    )  # same amount, a week later: not a duplicate
    items = cards.list_payments(db, attendant, sub_id)
    flagged = {i.id: i for i in items if i.duplicate_of}
    assert len(items) == 5 and len(flagged) == 2
    assert (
        flagged[second].duplicate_of == first
        and flagged[second].duplicate_reason == "mesma conta paga duas vezes"
    )
    assert any(i.duplicate_reason == "mesmo valor em menos de 10 minutos" for i in flagged.values())


def test_finance_voids_a_duplicate_once(
    db: Database, finance: CounterActor, cielo: CieloServer, duplicated: tuple[int, int, str, int]
) -> None:
    _, _, payment_id, second = duplicated
    cielo.state.amounts[payment_id] = 9990
    result = cards.void_payment(db, finance, second)
    assert result.status is CardPaymentStatus.VOIDED and result.manual_procedure is None
    request = cielo.state.requests[-1]
    assert request["method"] == "PUT" and request["path"] == f"/1/sales/{payment_id}/void"
    assert request["headers"]["MerchantId"] == MERCHANT_ID and uuid.UUID(
        request["headers"]["RequestId"]
    )
    with pytest.raises(Conflict, match="já foi cancelado"):
        cards.void_payment(db, finance, second)  # the second click
    assert cielo.state.void_count(payment_id) == 1
    with db.session() as session:
        row = session.get(CardPayment, second)
        assert row is not None and row.voided_amount == Decimal("99.90")
        actions = list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.subject_id == str(second)))
        )
    assert "cartao.cancelamento_solicitado" in actions and "cartao.cancelado" in actions


def test_timeout_then_retry_queries_first_and_never_voids_twice(
    db: Database, finance: CounterActor, cielo: CieloServer, duplicated: tuple[int, int, str, int]
) -> None:
    _, _, payment_id, second = duplicated
    cielo.state.amounts[payment_id] = 9990
    cielo.state.behaviours[payment_id] = "timeout"  # Cielo voids it but answers too late
    cielo.state.delay_s = 2.5
    first = cards.void_payment(db, finance, second)
    assert first.status is CardPaymentStatus.VOID_PENDING and "pendente" in first.message
    with db.session() as session:  # let the in-flight guard lapse, as if a minute had passed
        row = session.get(CardPayment, second)
        assert row is not None and row.void_requested_at is not None
        row.void_requested_at -= dt.timedelta(minutes=5)
    retry = cards.void_payment(db, finance, second)
    assert retry.status is CardPaymentStatus.VOIDED
    assert cielo.state.void_count(payment_id) == 1
    assert [r["method"] for r in cielo.state.requests] == ["PUT", "GET"]


def test_a_click_while_the_void_is_in_flight_is_refused(
    db: Database, finance: CounterActor, cielo: CieloServer, duplicated: tuple[int, int, str, int]
) -> None:
    _, _, payment_id, second = duplicated
    cielo.state.amounts[payment_id] = 9990
    cielo.state.behaviours[payment_id] = "timeout"
    cielo.state.delay_s = 2.5
    cards.void_payment(db, finance, second)
    with pytest.raises(Conflict, match="em andamento"):
        cards.void_payment(db, finance, second)


@pytest.mark.parametrize("behaviour", ["deny", "error", "html"])
def test_denial_or_failure_records_a_manual_request_with_the_phone_procedure(
    db: Database,
    finance: CounterActor,
    cielo: CieloServer,
    duplicated: tuple[int, int, str, int],
    behaviour: str,
) -> None:
    _, _, payment_id, second = duplicated
    cielo.state.amounts[payment_id] = 9990
    cielo.state.behaviours[payment_id] = behaviour
    result = cards.void_payment(db, finance, second)
    assert result.status is CardPaymentStatus.MANUAL_REQUESTED
    assert result.manual_procedure is not None and "4002-5472" in result.manual_procedure
    assert "opção 4" in result.manual_procedure
    with db.session() as session:
        row = session.get(CardPayment, second)
        assert (
            row is not None
            and row.status is CardPaymentStatus.MANUAL_REQUESTED
            and row.voided_at is None
        )


def test_not_configured_shows_the_phone_procedure(
    db: Database, finance: CounterActor, duplicated: tuple[int, int, str, int]
) -> None:
    result = cards.void_payment(db, finance, duplicated[3])
    assert result.status is CardPaymentStatus.MANUAL_REQUESTED and result.manual_procedure
    assert "não está configurada" in result.message


def test_only_finance_at_the_counter_may_void(
    db: Database, attendant: CounterActor, duplicated: tuple[int, int, str, int]
) -> None:
    sub_id, _, _, second = duplicated
    with pytest.raises(AccessDenied):
        cards.void_payment(db, attendant, second)
    with pytest.raises(AccessDenied):
        cards.void_payment(db, kiosk(sub_id), second)
    with db.session() as session:
        row = session.get(CardPayment, second)
        assert (
            row is not None
            and row.status is CardPaymentStatus.CAPTURED
            and row.void_request_id is None
        )


def test_kiosk_sees_only_its_own_card_payments(
    db: Database, duplicated: tuple[int, int, str, int]
) -> None:
    sub_id = duplicated[0]
    other, _ = subscriber(db, "Outra Pessoa", CPFS[1])
    assert len(cards.list_payments(db, kiosk(sub_id), sub_id)) == 2
    with pytest.raises(AccessDenied):
        cards.list_payments(db, kiosk(other), sub_id)
