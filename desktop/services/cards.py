"""Cartão de Crédito: card payments, duplicate detection and cancellation through Cielo.

Cancelling is a finance action at the counter only, and two systems must agree on it
(DESIGN.md "Two systems, one outcome"):

* the intent first: a conditional UPDATE moves the payment to *cancelamento pendente* with
  its RequestId — exactly one station wins it, on SQLite as on PostgreSQL; the RequestId is
  kept for every later attempt, so Cielo can always tell a retry from a new void;
* a click while an attempt is in flight (another station's, or ours whose answer was lost)
  never voids again: it asks Cielo with the same RequestId and says what Cielo answers;
* Cielo's answer is recorded at once (``card_answers``), retried on a fresh connection,
  never downgrading a void; if it still cannot be written the message says what Cielo did,
  and the next attempt or ``jobs run`` (:func:`reconcile_pending`) records it.

When the API is not configured or fails, the phone procedure of SPEC §1.6 is returned and a
manual cancellation request is recorded.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import select, update

from desktop.adapters.cielo import (
    CieloAnswer,
    CieloClient,
    CieloConfig,
    Outcome,
    config_from_settings,
)
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.changes import OpChanges, writes
from desktop.domain.clock import to_local, utcnow
from desktop.domain.enums import CardPaymentStatus, Role
from desktop.errors import Conflict, DatabaseUnavailable, Message, NotFound
from desktop.models import CardPayment
from desktop.services import audit, settings
from desktop.services.access import require_counter, require_role, require_subscriber
from desktop.services.card_answers import not_recorded, record_answer

DUPLICATE_WINDOW = dt.timedelta(minutes=10)
IN_FLIGHT_MARGIN = dt.timedelta(seconds=10)  # beyond the client's timeout

PHONE_PROCEDURE = (
    "Cancelamento pelo telefone da Cielo:\n"
    "1. Ligue para 4002-5472;\n"
    "2. Digite o número do estabelecimento ({establishment});\n"
    "3. Escolha a opção 4;\n"
    "4. Informe a agência e o número da conta corrente;\n"
    "5. Siga as instruções do atendente para o cancelamento."
)


@dataclass(frozen=True)
class CardItem:
    id: int
    paid_at: dt.datetime
    amount: Decimal
    brand: str
    last4: str
    installments: int
    payment_id: str
    tid: str
    status: CardPaymentStatus
    receivable_id: int | None
    duplicate_of: int | None  # the earlier payment this one repeats
    duplicate_reason: str
    voided_at: dt.datetime | None


@dataclass(frozen=True)
class VoidResult:
    card_payment_id: int
    status: CardPaymentStatus
    message: str
    manual_procedure: str | None  # shown when the cancellation must be done by phone


def _flag_duplicates(rows: list[CardPayment]) -> dict[int, tuple[int, str]]:
    """Later payment -> (earlier payment, reason), for non-cancelled payments only."""
    live = sorted(
        (r for r in rows if r.status not in (CardPaymentStatus.VOIDED, CardPaymentStatus.DENIED)),
        key=lambda r: (r.paid_at, r.id),
    )
    flags: dict[int, tuple[int, str]] = {}
    for i, later in enumerate(live):
        for earlier in live[:i]:
            if later.receivable_id is not None and later.receivable_id == earlier.receivable_id:
                flags[later.id] = (earlier.id, "mesma conta paga duas vezes")
                break
            if (
                later.amount == earlier.amount
                and later.paid_at - earlier.paid_at <= DUPLICATE_WINDOW
            ):
                flags[later.id] = (earlier.id, "mesmo valor em menos de 10 minutos")
                break
    return flags


def list_payments(db: Database, actor: Actor, subscriber_id: int) -> list[CardItem]:
    """The subscriber's card payments, newest first, duplicates flagged."""
    require_subscriber(actor, subscriber_id)
    with db.query_session() as session:
        rows = list(
            session.scalars(
                select(CardPayment)
                .where(CardPayment.subscriber_id == subscriber_id)
                .order_by(CardPayment.paid_at.desc(), CardPayment.id.desc())
            )
        )
        flags = _flag_duplicates(rows)
        return [
            CardItem(
                r.id,
                r.paid_at,
                r.amount,
                r.brand,
                r.last4,
                r.installments,
                r.payment_id,
                r.tid,
                r.status,
                r.receivable_id,
                flags.get(r.id, (None, ""))[0],
                flags.get(r.id, (None, ""))[1],
                r.voided_at,
            )
            for r in rows
        ]


@dataclass(frozen=True)
class _Claim:
    payment_id: str  # Cielo's PaymentId
    request_id: str  # the RequestId of this payment's void, kept across every attempt
    is_retry: bool  # an earlier attempt may have reached Cielo: ask before voiding again
    in_flight_since: dt.datetime | None = None  # another attempt is in flight: do not void


def _claim(db: Database, actor: Actor, card_payment_id: int, window: dt.timedelta) -> _Claim:
    """Take the void for this station: a conditional UPDATE that exactly one station wins.

    The row is read without a lock (SQLite has none to give), then moved to *cancelamento
    pendente* only if it is still exactly as read; a station that finds 0 rows lost the
    race and reads again — it then sees the winner's attempt in flight.
    """
    for _ in range(3):
        now = utcnow()
        with db.session() as session:
            payment = session.get(CardPayment, card_payment_id)
            if payment is None:
                raise NotFound("cards.pagamento_cartao_nao_encontrado_2")
            if payment.status is CardPaymentStatus.VOIDED:
                raise Conflict.of(_already_voided(payment))
            if payment.status is CardPaymentStatus.DENIED:
                raise Conflict("cards.pagamento_negado_cielo_nao")
            seen_status, seen_at = payment.status, payment.void_requested_at
            seen_request = payment.void_request_id
            if (
                seen_status is CardPaymentStatus.VOID_PENDING
                and seen_at is not None
                and seen_request is not None
                and now - seen_at < window
            ):
                return _Claim(payment.payment_id, seen_request, True, seen_at)
            request_id = seen_request or str(uuid.uuid4())
            won = session.execute(
                update(CardPayment)
                .where(
                    CardPayment.id == card_payment_id,
                    CardPayment.status == seen_status,
                    _same(CardPayment.void_requested_at, seen_at),
                    _same(CardPayment.void_request_id, seen_request),
                )
                .values(
                    status=CardPaymentStatus.VOID_PENDING,
                    void_request_id=request_id,
                    void_requested_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            if int(getattr(won, "rowcount", 0) or 0) != 1:
                session.rollback()
                continue  # another station took it: read again
            audit.record(
                session,
                actor,
                "cartao.cancelamento_solicitado",
                "card_payment",
                card_payment_id,
                payment_id=payment.payment_id,
                request_id=request_id,
                nova_tentativa=seen_request is not None,
            )
            return _Claim(payment.payment_id, request_id, seen_request is not None)
    raise Conflict("cards.outra_estacao_cancelando_pagamento")


def _same(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def _already_voided(payment: CardPayment) -> Message:
    if payment.voided_at is None:
        return Message("cards.ja_cancelado")
    return Message("cards.ja_cancelado_em", voided_at=to_local(payment.voided_at))


@writes(OpChanges(cards=True, payments=True, receivables=True))  # bill reopened
def void_payment(
    db: Database,
    actor: Actor,
    card_payment_id: int,
    *,
    transport: httpx.BaseTransport | None = None,
) -> VoidResult:
    """Cancel a card payment through Cielo (finance role, counter only)."""
    require_counter(actor)
    require_role(actor, Role.FINANCE)
    with db.session() as session:
        values = settings.get_many(session, "cielo.")
    procedure = PHONE_PROCEDURE.format(establishment=values["cielo.establishment_number"])
    config = config_from_settings(values)
    window = dt.timedelta(seconds=config.timeout_s) + IN_FLIGHT_MARGIN
    claim = _claim(db, actor, card_payment_id, window)
    if claim.in_flight_since is not None:
        raise Conflict.of(_in_flight(db, actor, card_payment_id, claim, config, transport))
    if not config.configured:
        message = "A integração com a Cielo não está configurada: o cancelamento deve ser feito por telefone."
        record_answer(db, actor, card_payment_id, claim.request_id, MANUAL, message, None)
        return VoidResult(card_payment_id, MANUAL, message, procedure)
    client = CieloClient(config, transport)
    try:
        answer: CieloAnswer | None = None
        if claim.is_retry:  # a previous attempt may have reached Cielo: ask before voiding again
            known = client.query(claim.payment_id, claim.request_id)
            if known.outcome is Outcome.VOIDED:
                answer = known
        if answer is None:
            answer = client.void(claim.payment_id, claim.request_id)
            if answer.already:  # ours or another's earlier void: read the amount Cielo keeps
                known = client.query(claim.payment_id, claim.request_id)
                if known.outcome is Outcome.VOIDED and known.voided_amount:
                    answer = replace(answer, voided_amount=known.voided_amount)
    finally:
        client.close()
    status, message = _outcome(answer)
    try:
        recorded = record_answer(
            db, actor, card_payment_id, claim.request_id, status, message, answer
        )
    except DatabaseUnavailable as exc:
        raise not_recorded(_at_cielo(answer), exc) from exc
    if recorded is CardPaymentStatus.VOIDED and status is not CardPaymentStatus.VOIDED:
        message = "Pagamento cancelado na Cielo (registrado por outra tentativa)."
    return VoidResult(
        card_payment_id,
        recorded,
        message,
        procedure if recorded is MANUAL else None,
    )


MANUAL = CardPaymentStatus.MANUAL_REQUESTED


def _outcome(answer: CieloAnswer) -> tuple[CardPaymentStatus, str]:
    if answer.outcome is Outcome.VOIDED:
        if answer.already:
            return CardPaymentStatus.VOIDED, (
                "Pagamento cancelado na Cielo (a Cielo informa que o cancelamento já havia "
                f"sido feito: {answer.message})."
            )
        return CardPaymentStatus.VOIDED, "Pagamento cancelado na Cielo."
    if answer.outcome is Outcome.TIMEOUT:
        return CardPaymentStatus.VOID_PENDING, (
            "A Cielo não respondeu a tempo. O cancelamento ficou pendente: tente de novo em "
            "instantes (o sistema consulta a Cielo antes de reenviar e nunca cancela duas vezes)."
        )
    reason = "recusou o cancelamento" if answer.outcome is Outcome.DENIED else "não está disponível"
    return MANUAL, (
        f"A Cielo {reason} ({answer.message}). Registramos um pedido de cancelamento manual."
    )


def _at_cielo(answer: CieloAnswer) -> Message:
    """What happened at Cielo, in one sentence, for a message that must say it."""
    if answer.outcome is Outcome.VOIDED:
        return Message("cards.cielo_cancelou")
    if answer.outcome is Outcome.TIMEOUT:
        return Message("cards.cielo_nao_respondeu")
    return Message("cards.cielo_nao_cancelou", reason=answer.message)


def _in_flight(
    db: Database,
    actor: Actor,
    card_payment_id: int,
    claim: _Claim,
    config: CieloConfig,
    transport: httpx.BaseTransport | None,
) -> Message:
    """Another attempt is in flight (or its answer was lost): ask Cielo, never void again."""
    assert claim.in_flight_since is not None
    since = to_local(claim.in_flight_since)
    if not config.configured:
        return Message("cards.cancelamento_em_andamento", since=since)
    client = CieloClient(config, transport)
    try:
        known = client.query(claim.payment_id, claim.request_id)
    finally:
        client.close()
    if known.outcome is Outcome.VOIDED:
        message = "Pagamento cancelado na Cielo (confirmado por consulta)."
        try:
            record_answer(
                db,
                actor,
                card_payment_id,
                claim.request_id,
                CardPaymentStatus.VOIDED,
                message,
                known,
            )
        except DatabaseUnavailable as exc:
            raise not_recorded(Message("cards.cielo_confirma_cancelado"), exc) from exc
        return Message("cards.em_andamento_cielo_confirma", since=since)
    if known.outcome in (Outcome.TIMEOUT, Outcome.UNAVAILABLE):
        return Message("cards.em_andamento_cielo_sem_resposta", since=since, reason=known.message)
    return Message("cards.em_andamento_cielo_nao_registra", since=since)


def reconcile_pending(
    db: Database, actor: Actor, *, transport: httpx.BaseTransport | None = None
) -> tuple[int, list[str]]:
    """``jobs run``: ask Cielo about voids whose answer never got recorded (a crash, a lost
    connection); record the ones Cielo voided.  Returns (voids confirmed, warnings)."""
    with db.session() as session:
        values = settings.get_many(session, "cielo.")
        config = config_from_settings(values)
        stale_before = utcnow() - dt.timedelta(seconds=config.timeout_s) - IN_FLIGHT_MARGIN
        rows = list(
            session.execute(
                select(CardPayment.id, CardPayment.payment_id, CardPayment.void_request_id).where(
                    CardPayment.status == CardPaymentStatus.VOID_PENDING,
                    CardPayment.void_requested_at < stale_before,
                )
            )
        )
    if not rows or not config.configured:
        return 0, []
    confirmed = 0
    warnings: list[str] = []
    client = CieloClient(config, transport)
    try:
        for card_id, payment_id, request_id in rows:
            known = client.query(payment_id, request_id or "")
            if known.outcome is Outcome.VOIDED and request_id:
                message = "Pagamento cancelado na Cielo (confirmado pelas tarefas periódicas)."
                status = record_answer(
                    db, actor, card_id, request_id, CardPaymentStatus.VOIDED, message, known
                )
                confirmed += status is CardPaymentStatus.VOIDED
            else:
                warnings.append(
                    f"Pagamento com cartão {card_id}: cancelamento pendente que a Cielo não "
                    "confirma; repita o cancelamento."
                )
    finally:
        client.close()
    return confirmed, warnings


def resolve_payment(db: Database, actor: Actor, reference: str) -> int:
    """Our id or Cielo's PaymentId -> our id (counter users only)."""
    require_counter(actor)
    reference = reference.strip()
    with db.session() as session:
        if reference.isdigit():
            found = session.get(CardPayment, int(reference))
            card_id = found.id if found else None
        else:
            card_id = session.scalar(
                select(CardPayment.id).where(CardPayment.payment_id == reference.lower())
            )
    if card_id is None:
        raise NotFound("cards.pagamento_cartao_nao_encontrado", reference=reference)
    return card_id
