"""Cartão de Crédito: card payments, duplicate detection and cancellation through Cielo.

Cancelling is a finance action at the counter only.  It is idempotent: the payment is marked
*cancelamento pendente* with a RequestId before Cielo is called, a second click while that
call is in flight is refused, and a retry after a timeout first asks Cielo for the payment's
state, so a payment is never voided twice.  When the API is not configured or fails, the
phone procedure of SPEC §1.6 is returned and a manual cancellation request is recorded.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import httpx
from sqlalchemy import select

from desktop.db import Database
from desktop.errors import Conflict, NotFound
from desktop.models import CardPayment
from desktop.models.enums import CardPaymentStatus, Role
from desktop.services import audit, settings
from desktop.services.access import require_counter, require_role, require_subscriber
from desktop.services.actors import Actor
from desktop.services.cielo import CieloAnswer, CieloClient, Outcome, config_from_settings
from desktop.services.clock import to_local, utcnow

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
    with db.session() as session:
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


def _begin(
    db: Database, actor: Actor, card_payment_id: int, timeout_s: int
) -> tuple[str, str, bool]:
    """Mark the payment as being cancelled; returns (PaymentId, RequestId, is_retry)."""
    now = utcnow()
    with db.session() as session:
        payment = session.scalar(
            select(CardPayment).where(CardPayment.id == card_payment_id).with_for_update()
        )
        if payment is None:
            raise NotFound("Pagamento com cartão não encontrado.")
        if payment.status is CardPaymentStatus.VOIDED:
            when = f" em {to_local(payment.voided_at):%d/%m/%Y %H:%M}" if payment.voided_at else ""
            raise Conflict(f"Este pagamento já foi cancelado{when}; nada foi feito.")
        if payment.status is CardPaymentStatus.DENIED:
            raise Conflict("Este pagamento foi negado pela Cielo: não há o que cancelar.")
        in_flight = (
            payment.status is CardPaymentStatus.VOID_PENDING
            and payment.void_requested_at is not None
            and now - payment.void_requested_at < dt.timedelta(seconds=timeout_s) + IN_FLIGHT_MARGIN
        )
        if in_flight:
            raise Conflict(
                "O cancelamento deste pagamento já está em andamento. Aguarde a resposta da Cielo."
            )
        is_retry = payment.void_request_id is not None
        if not is_retry:
            payment.void_request_id = str(uuid.uuid4())
        payment.status = CardPaymentStatus.VOID_PENDING
        payment.void_requested_at = now
        audit.record(
            session,
            actor,
            "cartao.cancelamento_solicitado",
            "card_payment",
            payment.id,
            payment_id=payment.payment_id,
            request_id=payment.void_request_id,
            nova_tentativa=is_retry,
        )
        assert payment.void_request_id is not None
        return payment.payment_id, payment.void_request_id, is_retry


def _finish(
    db: Database,
    actor: Actor,
    card_payment_id: int,
    status: CardPaymentStatus,
    message: str,
    answer: CieloAnswer | None,
) -> None:
    with db.session() as session:
        payment = session.get(CardPayment, card_payment_id)
        assert payment is not None
        payment.status = status
        payment.void_message = message
        if status is CardPaymentStatus.VOIDED:
            payment.voided_at = utcnow()
            payment.voided_amount = (
                answer.voided_amount if answer and answer.voided_amount else payment.amount
            )
        if status is not CardPaymentStatus.VOID_PENDING:
            payment.void_requested_at = None
        audit.record(
            session,
            actor,
            f"cartao.{status.value}",
            "card_payment",
            card_payment_id,
            resposta=answer.message if answer else "",
            codigo=answer.code if answer else "",
        )


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
    payment_id, request_id, is_retry = _begin(db, actor, card_payment_id, values["cielo.timeout_s"])
    config = config_from_settings(values)
    if not config.configured:
        message = "A integração com a Cielo não está configurada: o cancelamento deve ser feito por telefone."
        _finish(db, actor, card_payment_id, CardPaymentStatus.MANUAL_REQUESTED, message, None)
        return VoidResult(card_payment_id, CardPaymentStatus.MANUAL_REQUESTED, message, procedure)
    client = CieloClient(config, transport)
    try:
        answer: CieloAnswer | None = None
        if is_retry:  # a previous attempt may have reached Cielo: ask before voiding again
            known = client.query(payment_id, request_id)
            if known.outcome is Outcome.VOIDED:
                answer = known
        if answer is None:
            answer = client.void(payment_id, request_id)
    finally:
        client.close()
    if answer.outcome is Outcome.VOIDED:
        message = "Pagamento cancelado na Cielo."
        _finish(db, actor, card_payment_id, CardPaymentStatus.VOIDED, message, answer)
        return VoidResult(card_payment_id, CardPaymentStatus.VOIDED, message, None)
    if answer.outcome is Outcome.TIMEOUT:
        message = (
            "A Cielo não respondeu a tempo. O cancelamento ficou pendente: tente de novo em "
            "instantes (o sistema consulta a Cielo antes de reenviar e nunca cancela duas vezes)."
        )
        _finish(db, actor, card_payment_id, CardPaymentStatus.VOID_PENDING, message, answer)
        return VoidResult(card_payment_id, CardPaymentStatus.VOID_PENDING, message, None)
    reason = "recusou o cancelamento" if answer.outcome is Outcome.DENIED else "não está disponível"
    message = f"A Cielo {reason} ({answer.message}). Registramos um pedido de cancelamento manual."
    _finish(db, actor, card_payment_id, CardPaymentStatus.MANUAL_REQUESTED, message, answer)
    return VoidResult(card_payment_id, CardPaymentStatus.MANUAL_REQUESTED, message, procedure)


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
        raise NotFound(f"Pagamento com cartão {reference!r} não encontrado.")
    return card_id
