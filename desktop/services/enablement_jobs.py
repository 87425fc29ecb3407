"""Habilitação Provisória, the time-driven part: expiry (``jobs run``) and payment.

:func:`run_jobs` expires the enablements that are due.  Every station's timer may run it at
the same moment: each enablement is *claimed* with a conditional ``UPDATE ... WHERE ended_at
IS NULL``, so exactly one station handles it.  If the contract's overdue bills are all paid
the plan stays active for good; otherwise it is suspended again **as the same suspension**
(``status_changed_at`` goes back to the instant it began, so "once per suspension" still
refuses), its logins go back to the suspension group and their sessions are disconnected.

:func:`on_debt_paid` is the hook for the payment flows: as soon as no overdue bill is left,
an open enablement ends for good and a plan suspended for non-payment is restored.
"""

from __future__ import annotations

import datetime as dt
import socket
from dataclasses import dataclass

from sqlalchemy import select

from desktop.db import Database
from desktop.errors import NotFound, UserError
from desktop.models import Contract, ProvisionalEnablement
from desktop.models.enums import Channel, ContractStatus, Role
from desktop.services import audit, radius_control
from desktop.services.access import require_role, require_subscriber
from desktop.services.actors import Actor, CounterActor
from desktop.services.clock import to_local, utcnow
from desktop.services.enablement import (
    END_EXPIRED,
    END_OTHER,
    END_PAID,
    claim,
    close_enablement_ticket,
    has_overdue_debt,
    logins_of,
    open_enablement,
    send_coa,
)
from desktop.services.radius_control import OpenSession


@dataclass(frozen=True)
class DebtPaidResult:
    contract_id: int
    status: ContractStatus
    changed: bool
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobsReport:
    checked_at: dt.datetime
    reactivated: tuple[str, ...]  # contract numbers active for good (debt paid)
    resuspended: tuple[str, ...]  # contract numbers suspended again
    ended: tuple[str, ...]  # enablements ended because the contract changed otherwise
    warnings: tuple[str, ...]

    @property
    def expired(self) -> int:
        return len(self.reactivated) + len(self.resuspended) + len(self.ended)


def system_actor() -> CounterActor:
    """Who the timer job acts as when no operator runs it."""
    return CounterActor(0, "sistema", Role.ADMIN, socket.gethostname()[:60], Channel.BACK_OFFICE)


def _expire_one(
    db: Database, actor: Actor, enablement_id: int, now: dt.datetime
) -> tuple[str, str, tuple[str, ...]] | None:
    """Expire one enablement; returns (outcome, contract number, warnings) or None if taken."""
    sessions: list[OpenSession] = []
    with db.session() as session:
        # Lock order everywhere: the contract first, then its enablement (no deadlocks).
        contract = session.scalar(
            select(Contract)
            .where(
                Contract.id
                == select(ProvisionalEnablement.contract_id)
                .where(ProvisionalEnablement.id == enablement_id)
                .scalar_subquery()
            )
            .with_for_update()
        )
        if contract is None or not claim(session, enablement_id, now):
            return None
        session.refresh(contract)  # SQLite: read again now that this transaction writes
        enablement = session.get(ProvisionalEnablement, enablement_id)
        assert enablement is not None
        ticket_id = enablement.ticket_id
        if contract.status is not ContractStatus.PROVISIONAL:
            enablement.end_reason = END_OTHER
            close_enablement_ticket(
                session,
                actor,
                ticket_id,
                f"Habilitação provisória encerrada (o plano está {contract.status.value}).",
            )
            return END_OTHER, contract.number, ()
        config = radius_control.load_config(session)
        logins = logins_of(session, contract.id)
        if not has_overdue_debt(session, contract, to_local(now).date()):
            enablement.end_reason = END_PAID
            contract.status = ContractStatus.ACTIVE
            contract.status_changed_at = now
            contract.status_reason = "Débitos pagos durante a habilitação provisória."
            close_enablement_ticket(
                session,
                actor,
                ticket_id,
                "Prazo encerrado com os débitos pagos: plano reativado definitivamente.",
            )
            audit.record(session, actor, "habilitacao_provisoria.paga", "contract", contract.id)
            return END_PAID, contract.number, ()
        enablement.end_reason = END_EXPIRED
        contract.status = ContractStatus.SUSPENDED_DEBT
        # The same suspension continues: "once per suspension" must still refuse.
        contract.status_changed_at = enablement.suspension_started_at
        contract.status_reason = "Suspenso por falta de pagamento (fim da habilitação provisória)."
        with radius_control.radius_session(session, config) as rs:
            added = radius_control.block(rs, logins, config.suspension_group)
            if config.nas_ip and logins:
                sessions = radius_control.open_sessions(rs, logins)
        text = "Prazo da habilitação provisória encerrado: plano suspenso novamente por falta de pagamento."
        if logins:
            text += (
                f" Login(s) {', '.join(logins)} de volta ao grupo {config.suspension_group!r} "
                f"({added} registro(s))."
            )
        close_enablement_ticket(session, actor, ticket_id, text)
        audit.record(
            session,
            actor,
            "habilitacao_provisoria.expirada",
            "contract",
            contract.id,
            logins=logins,
        )
        number = contract.number
    return END_EXPIRED, number, send_coa(db, actor, config, sessions, ticket_id)


def run_jobs(
    db: Database, now: dt.datetime | None = None, *, actor: Actor | None = None, batch: int = 500
) -> JobsReport:
    """Expire the enablements that are due.  Safe to run from every station at once."""
    now = now or utcnow()
    actor = actor or system_actor()
    require_role(actor, Role.ADMIN, Role.SUPPORT, Role.FINANCE, Role.ATTENDANT)
    reactivated: list[str] = []
    resuspended: list[str] = []
    ended: list[str] = []
    warnings: list[str] = []
    failed: set[int] = set()  # left for the next run, not retried in this one
    while True:
        with db.session() as session:
            due = list(
                session.scalars(
                    select(ProvisionalEnablement.id)
                    .where(
                        ProvisionalEnablement.ended_at.is_(None),
                        ProvisionalEnablement.expires_at <= now,
                        ProvisionalEnablement.id.not_in(failed),
                    )
                    .order_by(ProvisionalEnablement.expires_at, ProvisionalEnablement.id)
                    .limit(batch)
                )
            )
        if not due:
            break
        for enablement_id in due:
            try:
                result = _expire_one(db, actor, enablement_id, now)
            except UserError as exc:  # e.g. the FreeRADIUS database is unreachable
                failed.add(enablement_id)
                warnings.append(f"Habilitação {enablement_id}: {exc.message}")
                continue
            if result is None:
                continue
            outcome, number, found = result
            {END_PAID: reactivated, END_EXPIRED: resuspended}.get(outcome, ended).append(number)
            warnings.extend(f"Contrato {number}: {w}" for w in found)
        if len(due) < batch:
            break
    return JobsReport(now, tuple(reactivated), tuple(resuspended), tuple(ended), tuple(warnings))


def on_debt_paid(
    db: Database, actor: Actor, contract_id: int, now: dt.datetime | None = None
) -> DebtPaidResult:
    """Call after a payment: when no overdue bill is left, the plan is active for good.

    A provisional enablement ends (reason "pago"); a plan still suspended for non-payment
    leaves the suspension group and its sessions are disconnected to get the full plan back.
    """
    now = now or utcnow()
    sessions: list[OpenSession] = []
    ticket_id: int | None = None
    with db.session() as session:
        contract = session.scalar(
            select(Contract).where(Contract.id == contract_id).with_for_update()
        )
        if contract is None:
            raise NotFound("Plano não encontrado.")
        require_subscriber(actor, contract.subscriber_id)
        status = contract.status
        if status not in (ContractStatus.PROVISIONAL, ContractStatus.SUSPENDED_DEBT) or (
            has_overdue_debt(session, contract, to_local(now).date())
        ):
            return DebtPaidResult(contract.id, status, False)
        config = radius_control.load_config(session)
        logins = logins_of(session, contract.id)
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
        with radius_control.radius_session(session, config) as rs:
            radius_control.unblock(rs, logins, config.suspension_group)
            if status is ContractStatus.SUSPENDED_DEBT and config.nas_ip and logins:
                sessions = radius_control.open_sessions(rs, logins)
        contract.status = ContractStatus.ACTIVE
        contract.status_changed_at = now
        contract.status_reason = "Débitos pagos."
        audit.record(
            session,
            actor,
            "plano.reativado_pagamento",
            "contract",
            contract.id,
            antes=status.value,
            logins=logins,
        )
    warnings = send_coa(db, actor, config, sessions, ticket_id)
    return DebtPaidResult(contract_id, ContractStatus.ACTIVE, True, warnings)
