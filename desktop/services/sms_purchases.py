"""Compra de Crédito (SMS), the purchase: bought at the counter or kiosk, paid, queued.

The *Valores de Crédito* on sale (Painel de Configurações), the purchase and its boleto (one
per idempotency key: a double click or a retry records it once), finance's confirmation of
the payment, and the back-office queues.  What comes after, the transfer of the credits to
the SMS gateway and the client's SMS account, is :mod:`desktop.services.sms_credits`, which
also re-exports this module's names (callers import them from there).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db import Database, rows_affected
from desktop.domain.actors import Actor
from desktop.domain.changes import OpChanges, writes
from desktop.domain.clock import today_local, utcnow
from desktop.domain.enums import ContractStatus, ReceivableStatus, Role, SmsPurchaseStatus
from desktop.errors import Conflict, InvalidInput, Message, NotFound
from desktop.models import Contract, CreditValue, Plan, Receivable, SmsPurchase, Subscriber
from desktop.services import audit
from desktop.services.access import require_counter, require_role, require_subscriber

PAYMENT_DAYS = 3  # the purchase's boleto is due in three days


@dataclass(frozen=True)
class CreditOption:
    id: int
    quantity: int
    price: Decimal

    @property
    def label(self) -> str:
        return f"{self.quantity:,} SMS".replace(",", ".")


@dataclass(frozen=True)
class PurchaseItem:
    id: int
    subscriber_id: int
    contract_id: int
    contract_number: str
    quantity: int
    price: Decimal
    status: SmsPurchaseStatus
    receivable_id: int | None
    created_at: dt.datetime
    created_by: str
    paid_confirmed_at: dt.datetime | None
    paid_confirmed_by: str | None
    transferred_at: dt.datetime | None
    transferred_by: str | None
    transfer_quantity: int | None
    transfer_reference: str | None
    # True when ``buy`` found this purchase already made with the same key (a double click,
    # a retry): nothing new was bought, and the screen says so.
    already_registered: bool = False
    subscriber_name: str = ""  # filled for the back-office queues (who is paying)


def item(p: SmsPurchase, contract_number: str) -> PurchaseItem:
    """The purchase as the screens get it (also built by the transfer, sms_credits)."""
    return PurchaseItem(
        p.id,
        p.subscriber_id,
        p.contract_id,
        contract_number,
        p.quantity,
        p.price,
        p.status,
        p.receivable_id,
        p.created_at,
        p.created_by,
        p.paid_confirmed_at,
        p.paid_confirmed_by,
        p.transferred_at,
        p.transferred_by,
        p.transfer_quantity,
        p.transfer_reference,
    )


def credit_options(db: Database) -> list[CreditOption]:
    """The *Valores de Crédito* on sale (Painel de Configurações)."""
    with db.query_session() as session:
        rows = session.scalars(
            select(CreditValue).where(CreditValue.active.is_(True)).order_by(CreditValue.quantity)
        )
        return [CreditOption(r.id, r.quantity, r.price) for r in rows]


def save_credit_value(
    db: Database,
    actor: Actor,
    quantity: int,
    price: Decimal,
    value_id: int | None = None,
    active: bool = True,
) -> CreditOption:
    """Painel de Configurações / Valores de Crédito: add or change one (admin, audited)."""
    require_counter(actor)
    require_role(actor, Role.ADMIN)
    if not 1 <= quantity <= 10_000_000:
        raise InvalidInput("sms_credits.quantidade_sms_invalida")
    if not Decimal("0.01") <= price <= Decimal("1000000"):
        raise InvalidInput("sms_credits.preco_invalido")
    price = price.quantize(Decimal("0.01"))
    with db.session() as session:
        if value_id is None:
            value = CreditValue(quantity=quantity, price=price, active=active)
            session.add(value)
        else:
            found = session.get(CreditValue, value_id)
            if found is None:
                raise NotFound("sms_credits.valor_credito_nao_encontrado")
            value = found
            value.quantity, value.price, value.active = quantity, price, active
        session.flush()
        audit.record(
            session,
            actor,
            "configuracao.valor_credito",
            "sms_credit_value",
            value.id,
            quantidade=quantity,
            preco=price,
            ativo=active,
        )
        return CreditOption(value.id, value.quantity, value.price)


def sms_contracts(db: Database, actor: Actor, subscriber_id: int) -> list[tuple[int, str, str]]:
    """(contract id, number, plan) of the subscriber's plans that may send SMS."""
    require_subscriber(actor, subscriber_id)
    with db.query_session() as session:
        rows = session.execute(
            select(Contract.id, Contract.number, Plan.name)
            .join(Plan, Plan.id == Contract.plan_id)
            .where(
                Contract.subscriber_id == subscriber_id,
                Plan.has_sms.is_(True),
                Contract.status != ContractStatus.CANCELLED,
            )
            .order_by(Contract.id)
        ).all()
        return [(r.id, r.number, r.name) for r in rows]


@writes(OpChanges(receivables=True, sms=True))  # the purchase and its bill
def buy(
    db: Database,
    actor: Actor,
    subscriber_id: int,
    contract_id: int,
    credit_value_id: int,
    idempotency_key: str,
) -> PurchaseItem:
    """Record the purchase and its receivable (boleto).  The same key twice records it once."""
    require_subscriber(actor, subscriber_id)
    if not re.fullmatch(r"[\w-]{8,64}", idempotency_key):
        raise InvalidInput("sms_credits.identificador_compra_invalido")
    with db.session() as session:
        existing = _registered(session, idempotency_key, subscriber_id)
        if existing is not None:
            return existing
        contract = session.get(Contract, contract_id)
        if contract is None or contract.subscriber_id != subscriber_id:
            raise NotFound("comum.plano_nao_encontrado_assinante")
        plan = session.get(Plan, contract.plan_id)
        if plan is None or not plan.has_sms or contract.status is ContractStatus.CANCELLED:
            raise InvalidInput("sms_credits.plano_nao_permite_envio")
        value = session.get(CreditValue, credit_value_id)
        if value is None or not value.active:
            raise InvalidInput("sms_credits.valor_credito_nao_venda")
        today = today_local()
        receivable = Receivable(
            subscriber_id=subscriber_id,
            contract_id=contract_id,
            description=f"Créditos SMS: {value.quantity} mensagens",
            competence=today.replace(day=1),
            issued_on=today,
            due_date=today + dt.timedelta(days=PAYMENT_DAYS),
            amount=value.price,
            status=ReceivableStatus.OPEN,
        )
        session.add(receivable)
        session.flush()
        purchase = SmsPurchase(
            subscriber_id=subscriber_id,
            contract_id=contract_id,
            credit_value_id=value.id,
            quantity=value.quantity,
            price=value.price,
            receivable_id=receivable.id,
            idempotency_key=idempotency_key,
            created_at=utcnow(),
            created_by=actor.label,
        )
        session.add(purchase)
        try:
            session.flush()
        except IntegrityError:
            # The same key from another station at the same moment (PostgreSQL: our INSERT
            # waited for theirs to commit).  Ours is undone, receivable included; the retry
            # gets the purchase that was recorded, as a later retry would.
            session.rollback()
            again = _registered(session, idempotency_key, subscriber_id)
            if again is None:
                raise
            return again
        audit.record(
            session,
            actor,
            "sms.compra",
            "sms_purchase",
            purchase.id,
            quantidade=value.quantity,
            valor=value.price,
        )
        return item(purchase, contract.number)


def _registered(session: Session, key: str, subscriber_id: int) -> PurchaseItem | None:
    """The purchase already recorded with this idempotency key, marked as such, or None."""
    existing = session.scalar(select(SmsPurchase).where(SmsPurchase.idempotency_key == key))
    if existing is None:
        return None
    if existing.subscriber_id != subscriber_id:
        raise Conflict("sms_credits.identificador_compra_usado")
    contract = session.get(Contract, existing.contract_id)
    return replace(item(existing, contract.number if contract else ""), already_registered=True)


def move_status(
    session: Session,
    purchase_id: int,
    expected: SmsPurchaseStatus,
    refusal: Message,
    **values: object,
) -> SmsPurchase:
    """Change the purchase's status only from ``expected``: one row, or a refusal.

    The condition is in the UPDATE itself, so two stations acting on the same purchase at
    once cannot both pass a check made earlier in Python (PostgreSQL: the second waits for
    the first's row lock, then finds the status changed).  Returns the purchase as updated.
    """
    moved = rows_affected(
        session.execute(
            update(SmsPurchase)
            .where(SmsPurchase.id == purchase_id, SmsPurchase.status == expected)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    )
    purchase = session.get(SmsPurchase, purchase_id, populate_existing=True)
    if purchase is None:
        raise NotFound("sms_credits.compra_creditos_nao_encontrada")
    if moved != 1:
        raise Conflict.of(refusal)
    return purchase


@writes(OpChanges(sms=True, receivables=True))  # its bill paid
def confirm_payment(db: Database, actor: Actor, purchase_id: int) -> PurchaseItem:
    """Finance confirms that the purchase was paid; it enters support's transfer queue."""
    require_counter(actor)
    require_role(actor, Role.FINANCE)
    with db.session() as session:
        now = utcnow()
        purchase = move_status(
            session,
            purchase_id,
            SmsPurchaseStatus.AWAITING_PAYMENT,
            Message("sms_credits.compra_nao_aguardando_pagamento"),
            status=SmsPurchaseStatus.PAID,
            paid_confirmed_at=now,
            paid_confirmed_by=actor.label,
        )
        if purchase.receivable_id is not None:
            session.execute(
                update(Receivable)
                .where(
                    Receivable.id == purchase.receivable_id,
                    Receivable.status == ReceivableStatus.OPEN,
                )
                .values(status=ReceivableStatus.PAID, paid_at=now, paid_amount=Receivable.amount)
                .execution_options(synchronize_session=False)
            )
        audit.record(session, actor, "sms.pagamento_confirmado", "sms_purchase", purchase.id)
        contract = session.get(Contract, purchase.contract_id)
        return item(purchase, contract.number if contract else "")


def queue(db: Database, actor: Actor, status: SmsPurchaseStatus) -> list[PurchaseItem]:
    """Back-office queues: awaiting payment (finance) and *Créditos a transferir* (support)."""
    require_counter(actor)
    require_role(actor, Role.FINANCE, Role.SUPPORT)
    with db.query_session() as session:
        rows = session.execute(
            select(SmsPurchase, Contract.number, Subscriber.name)
            .join(Contract, Contract.id == SmsPurchase.contract_id)
            .join(Subscriber, Subscriber.id == SmsPurchase.subscriber_id)
            .where(SmsPurchase.status == status)
            .order_by(SmsPurchase.created_at, SmsPurchase.id)
            .limit(500)
        ).all()
        return [replace(item(p, number), subscriber_name=name) for p, number, name in rows]


def history(db: Database, actor: Actor, subscriber_id: int) -> list[PurchaseItem]:
    require_subscriber(actor, subscriber_id)
    with db.query_session() as session:
        rows = session.execute(
            select(SmsPurchase, Contract.number)
            .join(Contract, Contract.id == SmsPurchase.contract_id)
            .where(SmsPurchase.subscriber_id == subscriber_id)
            .order_by(SmsPurchase.created_at.desc(), SmsPurchase.id.desc())
        ).all()
        return [item(p, number) for p, number in rows]
