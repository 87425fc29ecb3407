"""Reactivation after payment: the hook the payment flows call once a payment is committed.

As soon as no overdue bill is left, an open provisional enablement ends for good (reason
"pago") and a plan suspended for non-payment is restored: its logins leave the suspension
group and their sessions are disconnected, so they come back with the full plan.  The
status change is a conditional UPDATE from the status read (``enablement.claim_status``);
a concurrent expiry (``enablement_jobs.run_jobs``) that moved the contract first makes it
read again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import to_local, utcnow
from desktop.domain.enums import ContractStatus
from desktop.errors import NotFound
from desktop.models import Contract, RadiusAction
from desktop.services import audit, radius_sync
from desktop.services.access import require_record_of
from desktop.services.enablement import (
    END_PAID,
    apply_now,
    claim,
    claim_status,
    close_enablement_ticket,
    has_overdue_debt,
    logins_of,
    open_enablement,
)


@dataclass(frozen=True)
class DebtPaidResult:
    contract_id: int
    status: ContractStatus
    changed: bool
    warnings: tuple[str, ...] = ()


class _Moved(Exception):
    """The contract changed under us between the read and the conditional update."""


def on_debt_paid(
    db: Database, actor: Actor, contract_id: int, now: dt.datetime | None = None
) -> DebtPaidResult:
    """Call after a payment (committed): when no overdue bill is left, the plan is active for good.

    A provisional enablement ends (reason "pago"); a plan still suspended for non-payment
    leaves the suspension group and its sessions are disconnected to get the full plan back.
    """
    now = now or utcnow()
    for _ in range(3):  # a concurrent expiry may move the contract: read it again
        try:
            status = _lift(db, actor, contract_id, now)
        except _Moved:
            continue
        if status is None:
            break
        return DebtPaidResult(
            contract_id, ContractStatus.ACTIVE, True, apply_now(db, actor, contract_id)
        )
    with db.session() as session:
        contract = session.get(Contract, contract_id)
        assert contract is not None
        return DebtPaidResult(contract_id, contract.status, False)


def _lift(db: Database, actor: Actor, contract_id: int, now: dt.datetime) -> ContractStatus | None:
    """One attempt: the status lifted from, or None when nothing is to be done."""
    with db.session() as session:
        contract = session.scalar(
            select(Contract).where(Contract.id == contract_id).with_for_update()
        )
        if contract is None:
            raise NotFound("enablement_jobs.plano_nao_encontrado")
        require_record_of(
            actor, contract.subscriber_id, NotFound("enablement_jobs.plano_nao_encontrado")
        )
        status = contract.status
        if status not in (ContractStatus.PROVISIONAL, ContractStatus.SUSPENDED_DEBT) or (
            has_overdue_debt(session, contract, to_local(now).date())
        ):
            return None
        if not claim_status(
            session, contract.id, status, ContractStatus.ACTIVE, now, "Débitos pagos."
        ):
            raise _Moved
        ticket_id: int | None = None
        if status is ContractStatus.PROVISIONAL:
            current = open_enablement(session, contract.id)
            if current is not None and claim(session, current.id, now):
                session.refresh(current)
                current.end_reason = END_PAID
                ticket_id = current.ticket_id
                close_enablement_ticket(
                    session,
                    actor,
                    ticket_id,
                    "Débitos pagos: habilitação provisória encerrada, plano reativado definitivamente.",
                )
        config = radius_sync.radius_config(session)
        logins = logins_of(session, contract.id)
        if logins:
            # Already out of the group while enabled provisionally: no Disconnect then, but
            # the intent is written anyway, so a change still pending ends the right way.
            radius_sync.record(
                session,
                contract.id,
                RadiusAction.UNBLOCK,
                logins,
                config.suspension_group,
                reason="pagamento",
                ticket_id=ticket_id,
                disconnect=status is ContractStatus.SUSPENDED_DEBT,
            )
        audit.record(
            session,
            actor,
            "plano.reativado_pagamento",
            "contract",
            contract.id,
            antes=status.value,
            logins=logins,
        )
        return status
