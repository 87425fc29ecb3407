"""Recording Cielo's answer to a card void: the one thing that cannot be asked for twice.

The write is conditional — it moves the row only from this attempt's *cancelamento
pendente* (its RequestId) and never downgrades a recorded void — and it is retried on a
fresh connection when the pooled one died (a PostgreSQL restart between the Cielo call and
this write); the void's outbox event is emitted in the same transaction.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.adapters.cielo import CieloAnswer
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.enums import CardPaymentStatus, EventKind
from desktop.errors import DatabaseUnavailable, Message
from desktop.models import CardPayment
from desktop.services import audit, events

RECORD_ATTEMPTS = 3  # the first try and two on fresh connections
RECORD_RETRY_S = 0.5


def record_answer(
    db: Database,
    actor: Actor,
    card_payment_id: int,
    request_id: str,
    status: CardPaymentStatus,
    message: str,
    answer: CieloAnswer | None,
) -> CardPaymentStatus:
    """Record what Cielo answered to *this* RequestId; returns the status the row now has.

    Conditional: the row moves only from our own attempt, and a VOIDED row is never
    downgraded (a late "already voided" or a timeout must not hide a real void).  A lost
    connection (a database restart between the Cielo call and this write) is retried on a
    fresh one: Cielo's answer is the one thing here that cannot be asked for twice.
    """
    last: DatabaseUnavailable | None = None
    for attempt in range(RECORD_ATTEMPTS):
        if attempt:
            time.sleep(RECORD_RETRY_S * attempt)
        try:
            return _record(db, actor, card_payment_id, request_id, status, message, answer)
        except DatabaseUnavailable as exc:
            last = exc
    assert last is not None
    raise last


def _record(
    db: Database,
    actor: Actor,
    card_payment_id: int,
    request_id: str,
    status: CardPaymentStatus,
    message: str,
    answer: CieloAnswer | None,
) -> CardPaymentStatus:
    values: dict[str, Any] = {"status": status, "void_message": message}
    if status is CardPaymentStatus.VOIDED:
        values["voided_at"] = utcnow()
        values["voided_amount"] = (
            answer.voided_amount if answer and answer.voided_amount else CardPayment.amount
        )
    if status is not CardPaymentStatus.VOID_PENDING:
        values["void_requested_at"] = None
    with db.session() as session:
        query = update(CardPayment).where(
            CardPayment.id == card_payment_id,
            CardPayment.void_request_id == request_id,
            CardPayment.status != CardPaymentStatus.VOIDED,
        )
        if status is not CardPaymentStatus.VOIDED:
            query = query.where(CardPayment.status == CardPaymentStatus.VOID_PENDING)
        done = session.execute(query.values(**values).execution_options(synchronize_session=False))
        if int(getattr(done, "rowcount", 0) or 0) != 1:
            current = session.scalar(
                select(CardPayment.status).where(CardPayment.id == card_payment_id)
            )
            assert current is not None
            return current  # another station recorded it first (VOIDED stays VOIDED)
        audit.record(
            session,
            actor,
            f"cartao.{status.value}",
            "card_payment",
            card_payment_id,
            resposta=answer.message if answer else "",
            codigo=answer.code if answer else "",
            request_id=request_id,
        )
        if status is CardPaymentStatus.VOIDED:
            _emit_void(session, actor, card_payment_id, request_id)
    return status


def _emit_void(session: Session, actor: Actor, card_payment_id: int, request_id: str) -> None:
    """The outbox event of the void, in the transaction that records it (exactly once: only
    the station whose conditional UPDATE recorded the void gets here)."""
    payment = session.get(CardPayment, card_payment_id)
    assert payment is not None
    session.refresh(payment)  # the UPDATE above bypassed the identity map
    events.emit(
        session,
        actor,
        EventKind.CARD_VOID,
        subscriber_id=payment.subscriber_id,
        receivable_id=payment.receivable_id,
        payment_id=payment.payment_id,
        request_id=request_id,
        amount=str(payment.amount),
        voided_amount=None if payment.voided_amount is None else str(payment.voided_amount),
        voided_at=None if payment.voided_at is None else payment.voided_at.isoformat(),
    )


class VoidNotRecorded(DatabaseUnavailable):
    """Cielo answered, but our database could not record the answer."""


def not_recorded(outcome: Message, exc: DatabaseUnavailable) -> VoidNotRecorded:
    return VoidNotRecorded(
        "card_answers.mas_nao_possivel_registrar",
        outcome=outcome,
        message=exc.message.split(".")[0],
    )
