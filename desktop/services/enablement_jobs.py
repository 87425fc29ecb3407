"""Habilitação Provisória, the time-driven part: expiry (``jobs run``) and payment.

:func:`run_jobs` expires the enablements that are due.  Every station's timer may run it at
the same moment: each enablement is *claimed* with a conditional ``UPDATE ... WHERE ended_at
IS NULL``, so exactly one station handles it.  If the contract's overdue bills are all paid
the plan stays active for good; otherwise it is suspended again **as the same suspension**
(``status_changed_at`` goes back to the instant it began, so "once per suspension" still
refuses), its logins go back to the suspension group and their sessions are disconnected.
Before that it finishes every FreeRADIUS change a crash or an outage left pending
(``radius_sync.apply_pending``) and records card voids whose Cielo answer was lost
(``cards.reconcile_pending``).

:func:`~desktop.services.reactivation.on_debt_paid` (the payment flows' hook, in its own
module) ends an open enablement for good as soon as no overdue bill is left.

:func:`apply_contract_status` (and, inside an importer's own transaction,
:func:`record_contract_status` + :func:`finish_contract_status`) is the ERP import's way to
move a contract's logins in or out of the suspension group exactly as these actions do.
Every status change is a conditional UPDATE from the status read (``claim_status``).
"""

from __future__ import annotations

import datetime as dt
import socket
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor, CounterActor
from desktop.domain.changes import OpChanges, note
from desktop.domain.clock import to_local, utcnow
from desktop.domain.enums import Channel, ContractStatus, EventKind, Role
from desktop.domain.vocabulary import words
from desktop.errors import Conflict, NotFound, UserError
from desktop.models import Contract, ProvisionalEnablement, RadiusAction, Ticket
from desktop.services import audit, cards, events, radius_sync
from desktop.services.access import require_role
from desktop.services.enablement import (
    END_EXPIRED,
    END_OTHER,
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
class JobsReport:
    checked_at: dt.datetime
    reactivated: tuple[str, ...]  # contract numbers active for good (debt paid)
    resuspended: tuple[str, ...]  # contract numbers suspended again
    ended: tuple[str, ...]  # enablements ended because the contract changed otherwise
    warnings: tuple[str, ...]
    radius_finished: int = 0  # FreeRADIUS changes a crash or an outage had left pending
    voids_confirmed: int = 0  # card voids Cielo did whose answer had not been recorded

    @property
    def expired(self) -> int:
        return len(self.reactivated) + len(self.resuspended) + len(self.ended)


# The history shows words, never the stored value ("suspenso_debito" was shown as is).
_STATUS_WORDS = words.CONTRACT_STATUSES_IN_TEXT


def system_actor() -> CounterActor:
    """Who the timer job acts as when no operator runs it."""
    return CounterActor(0, "sistema", Role.ADMIN, socket.gethostname()[:60], Channel.BACK_OFFICE)


def _expire_one(
    db: Database, actor: Actor, enablement_id: int, now: dt.datetime
) -> tuple[str, str, int] | None:
    """Expire one enablement; returns (outcome, contract number, contract id) or None if taken.

    Every status change here is conditional: the enablement is claimed (``ended_at IS
    NULL``) and the contract moves only from *habilitado provisoriamente*, so two stations
    running the job, or a payment arriving at the same moment, can never both act.
    """
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
        number = contract.number
        paid = not has_overdue_debt(session, contract, to_local(now).date())
        if contract.status is not ContractStatus.PROVISIONAL or not claim_status(
            session,
            contract.id,
            ContractStatus.PROVISIONAL,
            ContractStatus.ACTIVE if paid else ContractStatus.SUSPENDED_DEBT,
            now,
            "Débitos pagos durante a habilitação provisória."
            if paid
            else "Suspenso por falta de pagamento (fim da habilitação provisória).",
            # The same suspension continues: "once per suspension" must still refuse.
            set_changed_at=None if paid else enablement.suspension_started_at,
        ):
            session.refresh(contract)
            enablement.end_reason = END_OTHER
            close_enablement_ticket(
                session,
                actor,
                ticket_id,
                "Habilitação provisória encerrada (o plano está "
                f"{_STATUS_WORDS.get(contract.status, 'em outra situação')}).",
            )
            return END_OTHER, number, contract.id
        if paid:
            enablement.end_reason = END_PAID
            close_enablement_ticket(
                session,
                actor,
                ticket_id,
                "Prazo encerrado com os débitos pagos: plano reativado definitivamente.",
            )
            audit.record(session, actor, "habilitacao_provisoria.paga", "contract", contract.id)
            _emit_expired(session, actor, contract, enablement, END_PAID, [])
            return END_PAID, number, contract.id
        config = radius_sync.radius_config(session)
        logins = logins_of(session, contract.id)
        enablement.end_reason = END_EXPIRED
        text = "Prazo da habilitação provisória encerrado: plano suspenso novamente por falta de pagamento."
        if logins:
            text += f" Login(s) {', '.join(logins)} de volta ao grupo {config.suspension_group!r}."
            radius_sync.record(
                session,
                contract.id,
                RadiusAction.BLOCK,
                logins,
                config.suspension_group,
                reason="expiracao",
                ticket_id=ticket_id,
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
        _emit_expired(session, actor, contract, enablement, END_EXPIRED, logins)
    return END_EXPIRED, number, contract.id


def _emit_expired(
    session: Session,
    actor: Actor,
    contract: Contract,
    enablement: ProvisionalEnablement,
    outcome: str,
    logins: list[str],
) -> None:
    """The outbox event of the expiry, in the expiry's own transaction."""
    ticket = session.get(Ticket, enablement.ticket_id) if enablement.ticket_id else None
    events.emit(
        session,
        actor,
        EventKind.ENABLEMENT_EXPIRED,
        subscriber_id=contract.subscriber_id,
        contract_id=contract.id,
        protocol=ticket.protocol if ticket else None,
        outcome=outcome,  # "expirada": suspended again; "pago": active for good
        status=(
            ContractStatus.ACTIVE if outcome == END_PAID else ContractStatus.SUSPENDED_DEBT
        ).value,
        enabled_until=enablement.expires_at.isoformat(),
        logins=logins,
    )


def run_jobs(
    db: Database, now: dt.datetime | None = None, *, actor: Actor | None = None, batch: int = 500
) -> JobsReport:
    """Finish what a crash left pending, then expire the enablements that are due.

    Safe to run from every station at once.
    """
    now = now or utcnow()
    actor = actor or system_actor()
    require_role(actor, Role.ADMIN, Role.SUPPORT, Role.FINANCE, Role.ATTENDANT)
    applied, warnings = radius_sync.apply_pending(db, actor)
    reactivated: list[str] = []
    resuspended: list[str] = []
    ended: list[str] = []
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
            except UserError as exc:  # e.g. the database went away for a moment
                failed.add(enablement_id)
                warnings.append(f"Habilitação {enablement_id}: {exc.message}")
                continue
            if result is None:
                continue
            outcome, number, contract_id = result
            {END_PAID: reactivated, END_EXPIRED: resuspended}.get(outcome, ended).append(number)
            warnings.extend(f"Contrato {number}: {w}" for w in apply_now(db, actor, contract_id))
        if len(due) < batch:
            break
    voids, void_warnings = cards.reconcile_pending(db, actor)
    warnings.extend(void_warnings)
    # What an open counter shows changed (the app's timer broadcasts it): a contract's status
    # and its enablement's atendimento closed, or a card payment voided (the bill reopened).
    if reactivated or resuspended or ended or applied:
        note(OpChanges(enablements=True, tickets=bool(reactivated or resuspended or ended)))
    if voids:
        note(OpChanges(cards=True, payments=True, receivables=True))
    return JobsReport(
        now,
        tuple(reactivated),
        tuple(resuspended),
        tuple(ended),
        tuple(warnings),
        len(applied),
        voids,
    )


# --------------------------------------------------------------------------- ERP import
@dataclass(frozen=True)
class StatusChange:
    contract_id: int
    before: ContractStatus
    after: ContractStatus
    radius: RadiusAction | None  # the suspension-group change written (None: none needed)
    warnings: tuple[str, ...] = ()


def record_contract_status(
    session: Session,
    actor: Actor,
    contract_id: int,
    before: ContractStatus,
    after: ContractStatus,
    *,
    reason: str = "erp",
) -> RadiusAction | None:
    """In the caller's transaction, after it changed the contract from ``before`` to ``after``:
    write the suspension-group intent this change implies (SPEC §6: a contract that turns
    *suspenso_debito* enters the group, one that turns back *ativo* leaves it) and end an
    open provisional enablement the change overrides.  After the caller commits, call
    :func:`finish_contract_status` (or let ``jobs run`` do it)."""
    if before is after:
        return None
    now = utcnow()
    if before is ContractStatus.PROVISIONAL:
        current = open_enablement(session, contract_id)
        if current is not None and claim(session, current.id, now):
            session.refresh(current)
            current.end_reason = END_OTHER
            close_enablement_ticket(
                session,
                actor,
                current.ticket_id,
                f"Habilitação provisória encerrada (o plano passou a {after.value}).",
            )
    if after is ContractStatus.SUSPENDED_DEBT:
        action = RadiusAction.BLOCK
    elif after is ContractStatus.ACTIVE and before in (
        ContractStatus.SUSPENDED_DEBT,
        ContractStatus.PROVISIONAL,
    ):
        action = RadiusAction.UNBLOCK
    else:
        return None
    logins = logins_of(session, contract_id)
    if not logins:
        return None
    config = radius_sync.radius_config(session)
    radius_sync.record(
        session,
        contract_id,
        action,
        logins,
        config.suspension_group,
        reason=reason,
        disconnect=True,
    )
    return action


def finish_contract_status(db: Database, actor: Actor, contract_id: int) -> tuple[str, ...]:
    """After the commit: write the pending intent on FreeRADIUS; the warnings (never raises
    for an unreachable FreeRADIUS: the intent stays pending for ``jobs run``)."""
    return apply_now(db, actor, contract_id)


def apply_contract_status(
    db: Database,
    actor: Actor,
    contract_id: int,
    new_status: ContractStatus,
    *,
    reason: str = "erp",
) -> StatusChange:
    """Set a contract's status as the ERP says, moving its RADIUS logins in or out of the
    suspension group the same way the app's own actions do: a conditional UPDATE from the
    status read, the intent committed with it, then FreeRADIUS, then the Disconnect."""
    require_role(actor, Role.ADMIN, Role.SUPPORT, Role.FINANCE)
    now = utcnow()
    for _ in range(3):
        with db.session() as session:
            contract = session.get(Contract, contract_id)
            if contract is None:
                raise NotFound("enablement_jobs.plano_nao_encontrado")
            before = contract.status
            if before is new_status:
                return StatusChange(contract_id, before, new_status, None)
            if not claim_status(
                session, contract_id, before, new_status, now, f"Situação informada ({reason})."
            ):
                continue  # changed under us: read it again
            action = record_contract_status(
                session, actor, contract_id, before, new_status, reason=reason
            )
            audit.record(
                session,
                actor,
                "plano.situacao_alterada",
                "contract",
                contract_id,
                antes=before.value,
                depois=new_status.value,
                origem=reason,
            )
        warnings = finish_contract_status(db, actor, contract_id) if action else ()
        return StatusChange(contract_id, before, new_status, action, warnings)
    raise Conflict("enablement_jobs.plano_alterado_outra_estacao")
