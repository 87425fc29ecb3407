"""Habilitação Provisória: re-enable, for a few days, a plan suspended for non-payment.

Rules (settings ``enablement.*``; SPEC §1.7): only plans suspended *for non-payment*; at most
once per suspension (a suspension is identified by ``contracts.status_changed_at``, and the
unique index ``(contract_id, suspension_started_at)`` makes two stations clicking at the same
moment create exactly one enablement); at most once every ``min_interval_days`` per
contract.  Every refusal is given in words.

Effect: the contract becomes *habilitado provisoriamente*; its RADIUS logins leave the
suspension group and, when a NAS is configured, their sessions are disconnected so that they
re-authenticate without the block.  The FreeRADIUS tables may be on another server, so the
change there goes through the outbox of ``radius_sync``: the enablement, its atendimento,
audit, event and the *intent* commit together, then FreeRADIUS is written, then the intent
is marked applied; whatever a crash leaves between them ``jobs run`` finishes.  FreeRADIUS
unreachable does not undo the enablement: the warning says the change is pending.  A failing NAS does not undo anything (the customer's
router re-authenticates at its next connection): it is recorded in the atendimento's history
and returned as a warning.  Every enablement is recorded as an atendimento with its protocol.

Expiry (``run_jobs``) is in ``desktop.services.enablement_jobs`` and the payment hook
(``on_debt_paid``) in ``desktop.services.reactivation``; the helpers they share are public
here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.changes import OpChanges, writes
from desktop.domain.clock import to_local, utcnow
from desktop.domain.enums import ContractStatus, EventKind, ReceivableStatus, Role, TicketStatus
from desktop.domain.vocabulary import words
from desktop.errors import Conflict, DatabaseUnavailable, Message, NotFound
from desktop.models import (
    Contract,
    Plan,
    ProvisionalEnablement,
    RadiusAction,
    RadiusLogin,
    Receivable,
    Ticket,
)
from desktop.services import audit, events, radius_sync, settings
from desktop.services.access import require_role, require_subscriber
from desktop.services.tickets import (
    ACTION_CLOSED,
    ACTION_ENABLEMENT,
    ACTION_EXPIRY,
    ACTION_RADIUS,
    actor_name,
    add_event,
    create_ticket,
    emit_closed,
    load_ticket,
)

ENABLE_ROLES = (Role.ATTENDANT, Role.FINANCE, Role.SUPPORT, Role.ADMIN)  # and the kiosk
# Refusals (catalog codes, desktop/domain/vocabulary/errors_services.py).
ALREADY = "enablement.ja_habilitado"
ALREADY_UNTIL = "enablement.ja_habilitado_ate"
OTHER_REASON = "enablement.suspenso_outro_motivo"
NOT_SUSPENDED = "enablement.nao_suspenso"
CANCELLED = "enablement.cancelado"
TOO_SOON = "enablement.intervalo_minimo"

END_PAID = "pago"
END_EXPIRED = "expirada"
END_OTHER = "encerrada"


@dataclass(frozen=True)
class EnablementOption:
    contract_id: int
    number: str
    plan: str
    status: ContractStatus
    allowed: bool
    reason: str  # empty when allowed
    enabled_until: dt.datetime | None = None  # while habilitado provisoriamente


@dataclass(frozen=True)
class EnablementResult:
    contract_id: int
    protocol: str
    enabled_until: dt.datetime
    warnings: tuple[str, ...] = ()  # e.g. the NAS did not answer the Disconnect-Request


def when(moment: dt.datetime) -> str:
    return f"{to_local(moment):%d/%m/%Y às %H:%M}"


def logins_of(session: Session, contract_id: int) -> list[str]:
    return list(
        session.scalars(
            select(RadiusLogin.username)
            .where(RadiusLogin.contract_id == contract_id)
            .order_by(RadiusLogin.username)
        )
    )


def has_overdue_debt(session: Session, contract: Contract, today: dt.date) -> bool:
    """Open bills past their due date, of the contract or of the subscriber without contract."""
    return bool(
        session.scalar(
            select(
                exists().where(
                    Receivable.status == ReceivableStatus.OPEN,
                    Receivable.due_date < today,
                    or_(
                        Receivable.contract_id == contract.id,
                        (Receivable.contract_id.is_(None))
                        & (Receivable.subscriber_id == contract.subscriber_id),
                    ),
                )
            )
        )
    )


def open_enablement(session: Session, contract_id: int) -> ProvisionalEnablement | None:
    return session.scalar(
        select(ProvisionalEnablement)
        .where(
            ProvisionalEnablement.contract_id == contract_id,
            ProvisionalEnablement.ended_at.is_(None),
        )
        .order_by(ProvisionalEnablement.id.desc())
        .limit(1)
    )


def _refusal(session: Session, contract: Contract, now: dt.datetime) -> Message | None:
    """Why this contract may not be enabled now (a catalog message); ``None`` when it may."""
    if contract.status is ContractStatus.PROVISIONAL:
        current = open_enablement(session, contract.id)
        if current:
            return Message(ALREADY_UNTIL, until=to_local(current.expires_at))
        return Message(ALREADY)
    if contract.status is ContractStatus.SUSPENDED_OTHER:
        return Message(OTHER_REASON)
    if contract.status is ContractStatus.CANCELLED:
        return Message(CANCELLED)
    if contract.status is not ContractStatus.SUSPENDED_DEBT:
        return Message(NOT_SUSPENDED)
    same = session.scalar(
        select(
            exists().where(
                ProvisionalEnablement.contract_id == contract.id,
                ProvisionalEnablement.suspension_started_at == contract.status_changed_at,
            )
        )
    )
    if same:
        return Message(ALREADY)
    interval = int(settings.get(session, "enablement.min_interval_days"))
    last = session.scalar(
        select(func.max(ProvisionalEnablement.enabled_at)).where(
            ProvisionalEnablement.contract_id == contract.id
        )
    )
    if interval and last is not None:
        last_at = _aware(last)
        next_at = last_at + dt.timedelta(days=interval)
        if now < next_at:
            return Message(
                TOO_SOON, last=to_local(last_at), interval=interval, next_at=to_local(next_at)
            )
    return None


def _aware(value: dt.datetime) -> dt.datetime:
    """``max()`` bypasses the column type on SQLite: re-mark the naive UTC value."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def eligible_contracts(
    db: Database, actor: Actor, subscriber_id: int, now: dt.datetime | None = None
) -> list[EnablementOption]:
    """The subscriber's suspended (or provisionally enabled) plans and whether each may be enabled."""
    require_subscriber(actor, subscriber_id)
    now = now or utcnow()
    with db.query_session() as session:
        rows = session.execute(
            select(Contract, Plan.name)
            .join(Plan, Plan.id == Contract.plan_id)
            .where(
                Contract.subscriber_id == subscriber_id,
                Contract.status.in_(
                    [
                        ContractStatus.SUSPENDED_DEBT,
                        ContractStatus.SUSPENDED_OTHER,
                        ContractStatus.PROVISIONAL,
                    ]
                ),
            )
            .order_by(Contract.id)
        ).all()
        options = []
        for contract, plan in rows:
            reason = _refusal(session, contract, now)
            current = (
                open_enablement(session, contract.id)
                if contract.status is ContractStatus.PROVISIONAL
                else None
            )
            options.append(
                EnablementOption(
                    contract.id,
                    contract.number,
                    plan,
                    contract.status,
                    reason is None,
                    reason.message if reason else "",  # in the interface language
                    current.expires_at if current else None,
                )
            )
        return options


def _is_duplicate_enablement(exc: IntegrityError) -> bool:
    text = str(exc.orig)
    return "uq_enablement_per_suspension" in text or "provisional_enablements" in text


@writes(OpChanges(enablements=True, tickets=True))  # and its atendimento
def enable(
    db: Database,
    actor: Actor,
    subscriber_id: int,
    contract_id: int,
    *,
    ticket_id: int | None = None,
    now: dt.datetime | None = None,
) -> EnablementResult:
    """Enable a plan suspended for non-payment for ``enablement.days`` days.

    ``ticket_id``: the atendimento of the current session, when there is one; otherwise an
    atendimento of type "Habilitação provisória" is opened.  Refusals raise
    :class:`Conflict` with the reason in words.
    """
    require_role(actor, *ENABLE_ROLES, kiosk_allowed=True)
    require_subscriber(actor, subscriber_id)
    now = now or utcnow()
    try:
        with db.session() as session:
            contract = session.scalar(
                select(Contract).where(Contract.id == contract_id).with_for_update()
            )
            if contract is None or contract.subscriber_id != subscriber_id:
                raise NotFound("comum.plano_nao_encontrado_assinante")
            reason = _refusal(session, contract, now)
            if reason:
                raise Conflict.of(reason)
            suspension_started_at = contract.status_changed_at
            expires = now + dt.timedelta(days=int(settings.get(session, "enablement.days")))
            # The claim, and the first write of this unit of work: one station moves the
            # contract out of this very suspension, every other one finds 0 rows.  (On
            # SQLite the checks above ran without a lock; this is what makes them hold.)
            if not claim_status(
                session,
                contract.id,
                ContractStatus.SUSPENDED_DEBT,
                ContractStatus.PROVISIONAL,
                now,
                f"Habilitação provisória até {when(expires)}.",
                changed_at=suspension_started_at,
            ):
                raise Conflict(ALREADY)
            plan = session.get(Plan, contract.plan_id)
            plan_name = plan.name if plan else ""
            config = radius_sync.radius_config(session)
            logins = logins_of(session, contract.id)
            ticket: Ticket
            if ticket_id is None:
                ticket = create_ticket(
                    session,
                    actor,
                    subscriber_id,
                    str(words.TICKET_TYPE_ENABLEMENT),
                    f"Habilitação provisória do plano {plan_name} (contrato {contract.number}).",
                    status=TicketStatus.IN_PROGRESS,
                )
            else:
                ticket = load_ticket(session, actor, ticket_id)
                if ticket.subscriber_id != subscriber_id or ticket.status is TicketStatus.CLOSED:
                    raise Conflict("enablement.atendimento_informado_nao_aberto")
            session.add(
                ProvisionalEnablement(
                    contract_id=contract.id,
                    suspension_started_at=suspension_started_at,
                    previous_status=ContractStatus.SUSPENDED_DEBT,
                    enabled_at=now,
                    expires_at=expires,
                    ticket_id=ticket.id,
                    created_by=actor_name(actor)[:60],
                )
            )
            session.flush()  # the unique index refuses a second enablement of this suspension
            add_event(
                session,
                ticket.id,
                actor,
                ACTION_ENABLEMENT,
                f"Plano {plan_name} (contrato {contract.number}) habilitado provisoriamente "
                f"até {when(expires)}.",
            )
            if logins:
                add_event(
                    session,
                    ticket.id,
                    actor,
                    ACTION_RADIUS,
                    f"Login(s) {', '.join(logins)} retirado(s) do grupo "
                    f"{config.suspension_group!r}.",
                )
                radius_sync.record(
                    session,
                    contract.id,
                    RadiusAction.UNBLOCK,
                    logins,
                    config.suspension_group,
                    reason="habilitacao",
                    ticket_id=ticket.id,
                )
            audit.record(
                session,
                actor,
                "habilitacao_provisoria",
                "contract",
                contract.id,
                protocolo=ticket.protocol,
                ate=expires.isoformat(),
                logins=logins,
            )
            events.emit(
                session,
                actor,
                EventKind.ENABLEMENT,
                subscriber_id=subscriber_id,
                contract_id=contract.id,
                protocol=ticket.protocol,
                enabled_until=expires.isoformat(),
                logins=logins,
            )
            protocol = ticket.protocol
    except IntegrityError as exc:
        if _is_duplicate_enablement(exc):
            raise Conflict(ALREADY) from None
        raise
    return EnablementResult(contract_id, protocol, expires, apply_now(db, actor, contract_id))


def apply_now(db: Database, actor: Actor, contract_id: int) -> tuple[str, ...]:
    """After the commit: write the intent on FreeRADIUS; the warnings for the person.

    If FreeRADIUS cannot be reached the action stands (it is recorded, with its intent) and
    ``jobs run`` finishes the change; the warning says so.
    """
    try:
        applied = radius_sync.apply_contract(db, actor, contract_id)
    except DatabaseUnavailable as exc:
        return (radius_sync.pending_message(exc),)
    return applied.warnings if applied else ()


def claim_status(
    session: Session,
    contract_id: int,
    expected: ContractStatus,
    new: ContractStatus,
    now: dt.datetime,
    reason: str,
    *,
    changed_at: dt.datetime | None = None,
    set_changed_at: dt.datetime | None = None,
) -> bool:
    """Move the contract from ``expected`` to ``new``; False when it was not ``expected``
    (another station changed it first).  ``changed_at``: also require that instant (the same
    suspension); ``set_changed_at``: the instant to record instead of ``now``."""
    query = update(Contract).where(Contract.id == contract_id, Contract.status == expected)
    if changed_at is not None:
        query = query.where(Contract.status_changed_at == changed_at)
    result = session.execute(
        query.values(
            status=new,
            status_changed_at=set_changed_at or now,
            status_reason=reason[:200],
        ).execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def claim(session: Session, enablement_id: int, now: dt.datetime) -> bool:
    """End an open enablement; ``False`` when another station already ended it."""
    result = session.execute(
        update(ProvisionalEnablement)
        .where(ProvisionalEnablement.id == enablement_id, ProvisionalEnablement.ended_at.is_(None))
        .values(ended_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def close_enablement_ticket(
    session: Session, actor: Actor, ticket_id: int | None, text: str
) -> None:
    if ticket_id is None:
        return
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        return
    add_event(session, ticket.id, actor, ACTION_EXPIRY, text)
    if ticket.type == words.TICKET_TYPE_ENABLEMENT and ticket.status is not TicketStatus.CLOSED:
        ticket.status = TicketStatus.CLOSED
        ticket.closed_at = utcnow()
        add_event(session, ticket.id, actor, ACTION_CLOSED, "Atendimento encerrado.")
        emit_closed(session, actor, ticket)
