"""Pay a bill by PIX: the charge at the PSP and its confirmation.

The screen that shows the QR polls ``check`` every few seconds; the reconciliation job
(``desktop.services.pix_reconcile``: ``jobs run`` and the app's timer) finds what was paid
while no screen watched, and settles it through :func:`apply_received` as ``check`` does.  All of them, and any
other station, may see the same payment: each PIX settles the bill exactly once, because it
goes through ``settlement.settle_in_session`` keyed by ``"pix:" + endToEndId``.

Two systems, one outcome (DESIGN.md): the charge row with its txid is written before the PSP
is asked; the txid is deterministic per receivable, amount and attempt, so a retry after a
timeout, a double click or a second station ask the PSP for the *same* charge (the client
reads it back when the PSP already has it), and a charge for the same bill and amount that is
still valid is simply shown again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.adapters import pix_psp
from desktop.adapters.pix_psp import Cob, PspClient, PspUnavailable, ReceivedPix
from desktop.db import Database
from desktop.domain import pix
from desktop.domain.actors import Actor
from desktop.domain.changes import OpChanges, note
from desktop.domain.clock import today_local, utcnow
from desktop.domain.enums import EventKind, PaymentMethod, ReceivableStatus, Role
from desktop.errors import AccessDenied, Conflict, NotFound, UserError
from desktop.models import PixCharge, Receivable, Subscriber, Ticket
from desktop.models.pix import PixChargeStatus
from desktop.services import financial, settings, settlement, tickets
from desktop.services.access import require_record_of, require_role
from desktop.services.settlement import SettleOutcome

REUSE_MARGIN = dt.timedelta(minutes=2)  # a charge about to expire is not shown again
LOOKBACK = dt.timedelta(days=7)  # how far back the job looks for charges still waiting
ACTION_PIX = "pagamento_pix"  # the atendimento history's action code
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ChargeInfo:
    """What the *Pagar com PIX* screen shows (and ``pix charge`` prints)."""

    receivable_id: int
    txid: str
    amount: Decimal
    fine: Decimal
    interest: Decimal
    payload: str  # the BR Code: the QR and the *copia e cola* text
    expires_at: dt.datetime | None
    status: PixChargeStatus
    reused: bool  # an earlier charge for this bill and amount shown again


@dataclass(frozen=True)
class SettledPix:
    receivable_id: int
    end_to_end_id: str
    amount: Decimal
    paid_at: dt.datetime
    outcome: SettleOutcome  # settled now, already settled, or a duplicate to refund


@dataclass(frozen=True)
class CheckResult:
    txid: str
    receivable_id: int
    status: PixChargeStatus
    expires_at: dt.datetime | None
    settled: tuple[SettledPix, ...]
    suspension_lifted: bool  # this check settled the last overdue bill
    protocol: str | None  # the atendimento the payment went into
    warnings: tuple[str, ...] = ()

    @property
    def paid(self) -> bool:
        return self.status is PixChargeStatus.PAID


# --------------------------------------------------------------------------- helpers
def txid_for(receivable_id: int, amount: Decimal, attempt: int) -> str:
    """``CA`` + receivable + amount in cents + attempt: 28 alphanumeric characters, the same
    for the same inputs (the API's txid is 26 to 35 of ``[a-zA-Z0-9]``)."""
    cents = int(amount * 100)
    return f"CAR{receivable_id:010d}V{cents:010d}N{attempt:03d}"[:35]


def pix_values(session: Session) -> dict[str, Any]:
    """The ``pix.*`` settings (the PSP's address and credentials, the charge's life)."""
    return settings.get_many(session, "pix.")


def psp_client(values: dict[str, Any], hint: str = pix_psp.HINT_CHARGE) -> PspClient:
    """A client of the PSP configured by ``values``; ``hint`` says what a failure was doing."""
    return PspClient(pix_psp.config_from_settings(values), hint=hint)


def _load_charge(session: Session, actor: Actor, txid: str) -> PixCharge:
    charge = session.scalar(select(PixCharge).where(PixCharge.txid == txid.strip()))
    if charge is None:
        raise NotFound("pix_charges.cobranca_pix_nao_encontrada", txid=txid.strip())
    subscriber_id = session.scalar(
        select(Receivable.subscriber_id).where(Receivable.id == charge.receivable_id)
    )
    require_record_of(
        actor, subscriber_id, NotFound("pix_charges.cobranca_pix_nao_encontrada", txid=txid.strip())
    )
    return charge


def _check_ticket(session: Session, ticket_id: int, receivable_id: int) -> None:
    """The atendimento the payment goes into must be the bill's subscriber's."""
    owner = session.scalar(select(Ticket.subscriber_id).where(Ticket.id == ticket_id))
    rec_owner = session.scalar(
        select(Receivable.subscriber_id).where(Receivable.id == receivable_id)
    )
    if owner is None or owner != rec_owner:
        raise AccessDenied("pix_charges.atendimento_outro_assinante")


def _info(charge: PixCharge, reused: bool) -> ChargeInfo:
    return ChargeInfo(
        charge.receivable_id,
        charge.txid,
        charge.amount,
        charge.fine,
        charge.interest,
        charge.copy_paste,
        charge.expires_at,
        charge.status,
        reused,
    )


def _payload(values: dict[str, Any], cob: Cob) -> str:
    """The PSP's ``pixCopiaECola``; a PSP that sends only the location gets ours (the
    dynamic BR Code of REFERENCE.md §3 for that location)."""
    if cob.copy_paste:
        return cob.copy_paste
    return pix.dynamic_payload(
        cob.location, values["pix.merchant_name"], values["pix.merchant_city"]
    )


# --------------------------------------------------------------------------- charge
def _intent(
    session: Session, actor: Actor, receivable_id: int, today: dt.date, now: dt.datetime
) -> tuple[PixCharge, bool, tuple[str, str]]:
    """The charge to show: a valid one for this bill and amount, or a new (pending) one."""
    rec = session.get(Receivable, receivable_id)
    if rec is None:
        raise NotFound("comum.conta_receber_nao_encontrada", receivable_id=receivable_id)
    require_record_of(
        actor,
        rec.subscriber_id,
        NotFound("comum.conta_receber_nao_encontrada", receivable_id=receivable_id),
    )
    if rec.status is ReceivableStatus.PAID:
        raise Conflict("pix_charges.conta_paga_nao_ha", id=rec.id)
    if rec.status is ReceivableStatus.CANCELLED:
        raise Conflict("pix_charges.conta_cancelada_nao_ha", id=rec.id)
    charges = financial.updated_amount(rec.amount, rec.due_date, today, *financial.rates(session))
    sub = session.get(Subscriber, rec.subscriber_id)
    debtor = (sub.document, sub.name) if sub is not None else ("", "")
    latest = session.scalar(
        select(PixCharge)
        .where(PixCharge.receivable_id == rec.id, PixCharge.amount == charges.total)
        .order_by(PixCharge.attempt.desc())
        .limit(1)
    )
    if latest is not None:
        still_valid = latest.expires_at is not None and latest.expires_at - REUSE_MARGIN > now
        if latest.status is PixChargeStatus.PENDING or (
            latest.status in (PixChargeStatus.ACTIVE, PixChargeStatus.PAID) and still_valid
        ):
            return latest, True, debtor
        if latest.status is PixChargeStatus.ACTIVE:
            latest.status = PixChargeStatus.EXPIRED  # past (or at) its end: a fresh one
    attempt = 0 if latest is None else latest.attempt + 1
    charge = PixCharge(
        txid=txid_for(rec.id, charges.total, attempt),
        receivable_id=rec.id,
        amount=charges.total,
        fine=charges.fine,
        interest=charges.interest,
        attempt=attempt,
        status=PixChargeStatus.PENDING,
        created_at=now,
        created_by=actor.label[:80],
        station=actor.station[:60],
    )
    session.add(charge)
    session.flush()
    return charge, False, debtor


def charge(
    db: Database,
    actor: Actor,
    receivable_id: int,
    *,
    ticket_id: int | None = None,
    today: dt.date | None = None,
) -> ChargeInfo:
    """A PIX charge for an open or overdue bill at its updated amount (fine and interest as
    of today); a valid charge for the same bill and amount is shown again, not made twice."""
    today = today or today_local()
    with db.session() as session:
        values = pix_values(session)
    client = psp_client(values)  # refuses at once when PIX is not configured
    with client:
        for attempt in (1, 2):
            try:
                with db.session() as session:
                    row, reused, debtor = _intent(session, actor, receivable_id, today, utcnow())
                    if ticket_id is not None and row.ticket_id is None:
                        _check_ticket(session, ticket_id, receivable_id)
                        row.ticket_id = ticket_id
                    description = session.scalar(
                        select(Receivable.description).where(Receivable.id == receivable_id)
                    )
                break
            except IntegrityError:
                if attempt == 2:  # pragma: no cover - a second clash in a row
                    raise
                # Another station wrote the same charge this instant: show that one.
        if reused and row.status is not PixChargeStatus.PENDING:
            return _info(row, True)
        cob = client.create_cob(
            row.txid,
            row.amount,
            key=values["pix.key"],
            expiry_s=values["pix.charge_expiry_s"],
            description=f"{description} (conta {receivable_id})",
            debtor=debtor if debtor[0] else None,
        )
    payload = _payload(values, cob)
    with db.session() as session:
        saved = session.get(PixCharge, row.id)
        assert saved is not None
        if saved.status is PixChargeStatus.PENDING:
            saved.status = (
                PixChargeStatus.PAID if cob.status == "CONCLUIDA" else PixChargeStatus.ACTIVE
            )
        saved.copy_paste, saved.location, saved.expires_at = (
            payload,
            cob.location[:140],
            cob.expires_at,
        )
        return _info(saved, reused)


# --------------------------------------------------------------------------- settle
def apply_received(
    db: Database,
    actor: Actor,
    charge_id: int,
    received: Iterable[ReceivedPix],
    cob: Cob | None = None,
    now: dt.datetime | None = None,
) -> CheckResult:
    """Settle each PIX of one charge (exactly once each), then lift a paid suspension."""
    now = now or utcnow()
    done: list[settlement.Settlement] = []
    seen: list[SettledPix] = []
    with db.session() as session:
        charge = session.get(PixCharge, charge_id)
        assert charge is not None
        ticket = session.get(Ticket, charge.ticket_id) if charge.ticket_id else None
        protocol = ticket.protocol if ticket is not None else None
        extra = charge.fine + charge.interest
        for paid in received:
            result = settlement.settle_in_session(
                session,
                actor,
                receivable_id=charge.receivable_id,
                amount=paid.amount,
                method=PaymentMethod.PIX,
                paid_at=paid.paid_at,
                source_key=f"pix:{paid.end_to_end_id}",
                reference=f"PIX {charge.txid}",
                interest=extra if extra > ZERO else None,
                event_kind=EventKind.PIX_PAYMENT,
                protocol=protocol,
            )
            seen.append(
                SettledPix(
                    charge.receivable_id,
                    paid.end_to_end_id,
                    paid.amount,
                    paid.paid_at,
                    result.outcome,
                )
            )
            if result.outcome is SettleOutcome.SETTLED:
                done.append(result)
                if ticket is not None:
                    tickets.add_event(
                        session,
                        ticket.id,
                        actor,
                        ACTION_PIX,
                        f"Pagamento PIX confirmado: conta {charge.receivable_id}, "
                        f"R$ {paid.amount:.2f} (E2E {paid.end_to_end_id}).",
                    )
        if seen:
            charge.status = PixChargeStatus.PAID
            # Paid, maybe settled by another station or the jobs: the bill shows paid now.
            note(OpChanges(receivables=True, payments=True, enablements=True, tickets=True))
        elif cob is not None:
            if charge.status is PixChargeStatus.PENDING and cob.status == "ATIVA":
                charge.status = PixChargeStatus.ACTIVE
                charge.expires_at = cob.expires_at
            if charge.status is PixChargeStatus.ACTIVE and (
                cob.status.startswith("REMOVIDA") or cob.expires_at <= now
            ):
                charge.status = PixChargeStatus.EXPIRED
        status, expires_at, txid = charge.status, charge.expires_at, charge.txid
        receivable_id = charge.receivable_id
    lifted = False
    warnings: list[str] = []
    for result in done:
        try:
            effect = settlement.after_commit(db, actor, result)
        except UserError as exc:  # e.g. the FreeRADIUS database is unreachable: paid anyway
            warnings.append(f"Pagamento baixado, mas o acesso não foi liberado: {exc.message}")
            continue
        if effect is not None:
            lifted = lifted or effect.changed
            warnings.extend(effect.warnings)
    return CheckResult(
        txid, receivable_id, status, expires_at, tuple(seen), lifted, protocol, tuple(warnings)
    )


def check(db: Database, actor: Actor, txid: str) -> CheckResult:
    """Ask the PSP about a charge (``GET /cob/{txid}``) and settle what was paid."""
    with db.session() as session:
        row = _load_charge(session, actor, txid)
        charge_id, status, txid, created_at = row.id, row.status, row.txid, row.created_at
        values = pix_values(session)
    with psp_client(values) as client:
        try:
            cob = client.get_cob(txid)
        except PspUnavailable as exc:
            if exc.status == 404 and status is PixChargeStatus.PENDING:
                # Our request never reached the PSP: nothing can have been paid.
                return apply_received(db, actor, charge_id, ())
            raise
        paid: Iterable[ReceivedPix] = cob.pix
        if cob.status == "CONCLUIDA" and not cob.pix:
            # A PSP that does not embed ``pix[]`` in the charge: ask for its PIX by txid.
            start = created_at - dt.timedelta(minutes=5)
            paid = list(client.received(start, utcnow() + dt.timedelta(minutes=1), txid=txid))
    return apply_received(db, actor, charge_id, paid, cob)


def available(db: Database) -> bool:
    """Whether PIX charges are on (``pix.api_url`` set): the screens say so when not."""
    return bool(settings.read(db, "pix.api_url"))


def open_charges(db: Database, actor: Actor, now: dt.datetime | None = None) -> list[str]:
    """The txids of the charges still waiting for a payment (``pix check`` without a txid)."""
    require_role(actor, Role.ATTENDANT, Role.FINANCE, Role.SUPPORT, Role.ADMIN)
    now = now or utcnow()
    with db.session() as session:
        return list(
            session.scalars(
                select(PixCharge.txid)
                .where(
                    PixCharge.status.in_((PixChargeStatus.PENDING, PixChargeStatus.ACTIVE)),
                    PixCharge.created_at >= now - LOOKBACK,
                )
                .order_by(PixCharge.created_at, PixCharge.id)
            )
        )
