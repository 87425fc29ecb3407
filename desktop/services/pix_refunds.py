"""Refund (devolução) of a PIX that paid a bill already settled: finance only, audited.

Idempotent the way ``cards.void`` is: the refund row, with a devolução id derived from the
end-to-end id, is written before the PSP is asked; asking again re-sends the *same* id, which
the PSP either creates or already has (the client reads it back), so money goes back once.
Only a payment flagged as duplicate may be refunded: the PIX that settled the bill is the
bill's money.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop.adapters import pix_psp
from desktop.adapters.pix_psp import PspClient
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import utcnow
from desktop.domain.enums import PaymentMethod, Role
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.models import Payment, PixRefund
from desktop.services import audit, settings
from desktop.services.access import require_counter, require_role

PENDING = "pendente"
DONE_OR_UNDER_WAY = ("EM_PROCESSAMENTO", "DEVOLVIDO")
DESCRIPTION = "Devolução de pagamento em duplicidade"


@dataclass(frozen=True)
class RefundResult:
    end_to_end_id: str
    refund_id: str
    receivable_id: int
    amount: Decimal
    status: str  # pendente, or the PSP's: EM_PROCESSAMENTO, DEVOLVIDO, NAO_REALIZADO
    rtr_id: str
    requested_at: dt.datetime
    repeated: bool  # asked before: nothing new was sent to the PSP


def refund_id_for(e2eid: str) -> str:
    """``D`` + the end-to-end id: 33 characters of ``[a-zA-Z0-9]`` (the API allows 1 to 35)."""
    return f"D{e2eid}"[:35]


def _result(row: PixRefund, receivable_id: int, repeated: bool) -> RefundResult:
    return RefundResult(
        row.end_to_end_id,
        row.refund_id,
        receivable_id,
        row.amount,
        row.status,
        row.rtr_id,
        row.requested_at,
        repeated,
    )


def _intent(db: Database, actor: Actor, e2eid: str) -> tuple[int, int, bool]:
    """(refund row id, receivable id, repeated) — the refund written before the PSP call."""
    with db.session() as session:
        payment = session.scalar(select(Payment).where(Payment.source_key == f"pix:{e2eid}"))
        if payment is None or payment.method is not PaymentMethod.PIX:
            raise NotFound("pix_refunds.pix_nao_encontrado_entre", e2eid=e2eid)
        if not payment.duplicate:
            raise Conflict(
                "pix_refunds.pix_quitou_conta_pagamento", receivable_id=payment.receivable_id
            )
        row = session.scalar(select(PixRefund).where(PixRefund.payment_id == payment.id))
        if row is not None:
            return row.id, payment.receivable_id, row.status != PENDING
        row = PixRefund(
            payment_id=payment.id,
            end_to_end_id=e2eid,
            refund_id=refund_id_for(e2eid),
            amount=payment.amount,
            status=PENDING,
            requested_at=utcnow(),
            requested_by=actor.label[:80],
            updated_at=utcnow(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "pix.devolucao_solicitada",
            "payment",
            payment.id,
            e2e=e2eid,
            devolucao=row.refund_id,
            valor=payment.amount,
        )
        return row.id, payment.receivable_id, False


def refund(db: Database, actor: Actor, e2eid: str) -> RefundResult:
    """Give back a duplicate PIX through ``PUT /pix/{e2eid}/devolucao/{id}`` (finance)."""
    require_counter(actor)
    require_role(actor, Role.FINANCE)
    e2eid = e2eid.strip()
    if not (len(e2eid) == 32 and e2eid.isascii() and e2eid.isalnum()):
        raise InvalidInput("pix_refunds.identificador_fim_fim_e2e")
    try:
        row_id, receivable_id, repeated = _intent(db, actor, e2eid)
    except IntegrityError:  # another finance station asked this very moment: theirs stands
        row_id, receivable_id, repeated = _intent(db, actor, e2eid)
    with db.session() as session:
        row = session.get(PixRefund, row_id)
        assert row is not None
        if row.status in DONE_OR_UNDER_WAY:
            return _result(row, receivable_id, True)
        values = settings.get_many(session, "pix.")
        refund_id, amount = row.refund_id, row.amount
    config = pix_psp.config_from_settings(values)
    with PspClient(config, hint=pix_psp.HINT_REFUND) as client:
        answer = client.refund(e2eid, refund_id, amount, DESCRIPTION)
    with db.session() as session:
        row = session.get(PixRefund, row_id)
        assert row is not None
        before = row.status
        row.status, row.rtr_id, row.reason = answer.status[:30], answer.rtr_id[:32], answer.reason
        row.updated_at = utcnow()
        if before != row.status:
            audit.record(
                session,
                actor,
                "pix.devolucao_registrada",
                "payment",
                row.payment_id,
                e2e=e2eid,
                devolucao=refund_id,
                situacao=row.status,
                rtr=row.rtr_id,
            )
        return _result(row, receivable_id, repeated)
