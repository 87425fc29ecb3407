"""Settling a receivable (baixa): a payment received at the counter or reported by the bank.

When the payment leaves the contract with no overdue bill, the suspension for non-payment
ends for good (SPEC §1.7): the contract is active again, its RADIUS login leaves the
suspension group and its sessions are disconnected to get the full plan back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from desktop.db import Database
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.models import Payment, Receivable
from desktop.models.enums import ContractStatus, PaymentMethod, ReceivableStatus, Role
from desktop.services import audit, enablement_jobs
from desktop.services.access import require_counter, require_role
from desktop.services.actors import Actor
from desktop.services.clock import utcnow


@dataclass(frozen=True)
class SettleResult:
    receivable_id: int
    paid_amount: Decimal
    method: PaymentMethod
    contract_status: ContractStatus | None  # after the payment (None: no contract)
    suspension_lifted: bool


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
    """Record the payment of an open receivable (finance, audited) and lift a paid suspension."""
    require_counter(actor)
    require_role(actor, Role.FINANCE)
    if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput("Valor pago inválido: informe reais e centavos, maior que zero.")
    paid_at = paid_at or utcnow()
    with db.session() as session:
        receivable = session.scalar(
            select(Receivable).where(Receivable.id == receivable_id).with_for_update()
        )
        if receivable is None:
            raise NotFound("Conta a receber não encontrada.")
        if receivable.status is not ReceivableStatus.OPEN:
            raise Conflict(f"Esta conta já está {receivable.status.value}: nada foi alterado.")
        if amount < receivable.amount:
            raise InvalidInput(
                f"Valor pago (R$ {amount:.2f}) menor que o da conta (R$ {receivable.amount:.2f})."
            )
        receivable.status = ReceivableStatus.PAID
        receivable.paid_at, receivable.paid_amount, receivable.payment_method = (
            paid_at,
            amount,
            method,
        )
        session.add(
            Payment(
                receivable_id=receivable.id,
                paid_at=paid_at,
                amount=amount,
                method=method,
                reference=reference[:80],
            )
        )
        audit.record(
            session,
            actor,
            "pagamento.baixado",
            "receivable",
            receivable.id,
            valor=amount,
            forma=method.value,
            referencia=reference[:80],
        )
        contract_id = receivable.contract_id
    if contract_id is None:
        return SettleResult(receivable_id, amount, method, None, False)
    effect = enablement_jobs.on_debt_paid(db, actor, contract_id)
    return SettleResult(receivable_id, amount, method, effect.status, effect.changed)
