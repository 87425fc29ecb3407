"""Settling a receivable at the counter (baixa): money received in the store.

The money itself goes through ``settlement`` (exactly once, with the bank's and PIX's
payments).  What is the counter's own rule is here:

- the amount must cover the bill's face value and may not exceed its amount updated with
  fine and interest to the payment day: the attendant records what the bill costs that day
  and gives the change back; an overpayment is refused rather than kept as an unexplained
  credit (there is no credit balance in this product to put it on);
- a bill that is not open is refused, nothing recorded (at the counter no money changes
  hands twice: the attendant sees the refusal before taking it).

When the payment leaves the contract with no overdue bill, the suspension for non-payment
ends for good (SPEC §1.7): the contract is active again, its RADIUS login leaves the
suspension group and its sessions are disconnected to get the full plan back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import to_local, utcnow
from desktop.domain.enums import ContractStatus, PaymentMethod, ReceivableStatus, Role
from desktop.domain.money import check_amount
from desktop.domain.vocabulary import words
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.models import Receivable
from desktop.services import financial, settlement
from desktop.services.access import require_counter, require_role

#: The state a bill is in, inside the refusal (a Word: the English interface translates it).
STATUS_WORDS = words.RECEIVABLE_STATES_IN_TEXT


@dataclass(frozen=True)
class SettleResult:
    receivable_id: int
    paid_amount: Decimal
    method: PaymentMethod
    contract_status: ContractStatus | None  # after the payment (None: no contract)
    suspension_lifted: bool


def _refuse_not_open(status: ReceivableStatus) -> Conflict:
    return Conflict("payments.conta_nada_alterado", value=STATUS_WORDS.get(status, status.value))


def settle(
    db: Database,
    actor: Actor,
    receivable_id: int,
    amount: Decimal,
    method: PaymentMethod,
    *,
    reference: str = "",
    paid_at: dt.datetime | None = None,
) -> SettleResult:
    """Record the payment of an open receivable (finance, audited) and lift a paid suspension.

    Each call is a new counter action (its own ``source_key``); a second click or a second
    station finds the bill no longer open and is refused, nothing recorded.
    """
    require_counter(actor)
    require_role(actor, Role.FINANCE)
    check_amount(amount, what="Valor pago")
    paid_at = paid_at or utcnow()
    key = f"balcao:{uuid.uuid4().hex}"
    with db.session() as session:
        receivable = session.scalar(select(Receivable).where(Receivable.id == receivable_id))
        if receivable is None:
            raise NotFound("comum.conta_receber_nao_encontrada_2")
        if receivable.status is not ReceivableStatus.OPEN:
            raise _refuse_not_open(receivable.status)
        if amount < receivable.amount:
            raise InvalidInput(
                "payments.valor_pago_r_menor", amount=amount, amount2=receivable.amount
            )
        fine_percent, interest_percent = financial.rates(session)
        charges = financial.updated_amount(
            receivable.amount,
            receivable.due_date,
            to_local(paid_at).date(),
            fine_percent,
            interest_percent,
        )
        if amount > charges.total:
            raise InvalidInput("payments.valor_pago_r_maior", amount=amount, total=charges.total)
        done = settlement.settle_in_session(
            session,
            actor,
            receivable_id=receivable_id,
            amount=amount,
            method=method,
            paid_at=paid_at,
            source_key=key,
            reference=reference,
            interest=(amount - receivable.amount) or None,
        )
        if done.outcome is not settlement.SettleOutcome.SETTLED:
            # Another station settled it between the read above and this UPDATE.
            session.rollback()
            status = session.scalar(select(Receivable.status).where(Receivable.id == receivable_id))
            raise _refuse_not_open(status or ReceivableStatus.PAID)
    effect = settlement.after_commit(db, actor, done)
    if effect is None:
        return SettleResult(receivable_id, amount, method, None, False)
    return SettleResult(receivable_id, amount, method, effect.status, effect.changed)
