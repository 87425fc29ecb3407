"""Compra de Crédito (SMS): purchase at the counter or kiosk, then the back-office workflow.

Purchase → finance confirms the payment → support's queue *Créditos a transferir* → support
records the transfer to the SMS gateway (quantity, reference) → the client's SMS account is
created on the first transfer (login and generated password, shown once, stored hashed) →
the balance shows the credits.  Every step is audited and kept on the purchase.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db import Database, dialect_insert, rows_affected
from desktop.domain.actors import Actor
from desktop.domain.clock import today_local, utcnow
from desktop.domain.enums import (
    ContractStatus,
    ReceivableStatus,
    Role,
    SmsMovementKind,
    SmsPurchaseStatus,
)
from desktop.domain.passwords import generate_password, hash_password
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.models import (
    Contract,
    CreditValue,
    Plan,
    Receivable,
    SmsAccount,
    SmsMovement,
    SmsPurchase,
    Subscriber,
)
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


@dataclass(frozen=True)
class TransferResult:
    purchase: PurchaseItem
    login: str
    balance: int
    new_password: str | None  # only when the account was just created: show once, print the slip


@dataclass(frozen=True)
class AccountInfo:
    contract_id: int
    login: str
    balance: int
    created_at: dt.datetime


def _item(p: SmsPurchase, contract_number: str) -> PurchaseItem:
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
        raise InvalidInput("Identificador da compra inválido.")
    with db.session() as session:
        existing = _registered(session, idempotency_key, subscriber_id)
        if existing is not None:
            return existing
        contract = session.get(Contract, contract_id)
        if contract is None or contract.subscriber_id != subscriber_id:
            raise NotFound("Plano não encontrado para este assinante.")
        plan = session.get(Plan, contract.plan_id)
        if plan is None or not plan.has_sms or contract.status is ContractStatus.CANCELLED:
            raise InvalidInput("Este plano não permite o envio de SMS.")
        value = session.get(CreditValue, credit_value_id)
        if value is None or not value.active:
            raise InvalidInput("Este valor de crédito não está mais à venda. Escolha outro.")
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
        return _item(purchase, contract.number)


def _registered(session: Session, key: str, subscriber_id: int) -> PurchaseItem | None:
    """The purchase already recorded with this idempotency key, marked as such, or None."""
    existing = session.scalar(select(SmsPurchase).where(SmsPurchase.idempotency_key == key))
    if existing is None:
        return None
    if existing.subscriber_id != subscriber_id:
        raise Conflict("Identificador de compra já usado.")
    contract = session.get(Contract, existing.contract_id)
    return replace(_item(existing, contract.number if contract else ""), already_registered=True)


def _move_status(
    session: Session,
    purchase_id: int,
    expected: SmsPurchaseStatus,
    refusal: str,
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
        raise NotFound("Compra de créditos não encontrada.")
    if moved != 1:
        raise Conflict(refusal)
    return purchase


def confirm_payment(db: Database, actor: Actor, purchase_id: int) -> PurchaseItem:
    """Finance confirms that the purchase was paid; it enters support's transfer queue."""
    require_counter(actor)
    require_role(actor, Role.FINANCE)
    with db.session() as session:
        now = utcnow()
        purchase = _move_status(
            session,
            purchase_id,
            SmsPurchaseStatus.AWAITING_PAYMENT,
            "Esta compra não está aguardando pagamento.",
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
        return _item(purchase, contract.number if contract else "")


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
        return [replace(_item(p, number), subscriber_name=name) for p, number, name in rows]


def _login_for(contract: Contract) -> str:
    """Gateway login: derived from the contract number, unique like it."""
    return "sms" + re.sub(r"[^a-z0-9]", "", contract.number.lower())


def record_transfer(
    db: Database, actor: Actor, purchase_id: int, quantity: int, reference: str
) -> TransferResult:
    """Support records the credits transferred at the SMS gateway; creates the account if needed."""
    require_counter(actor)
    require_role(actor, Role.SUPPORT)
    reference = reference.strip()
    if not 1 <= quantity <= 10_000_000:
        raise InvalidInput("Quantidade transferida inválida.")
    if not reference or len(reference) > 80:
        raise InvalidInput("Informe a referência da transferência (até 80 caracteres).")
    with db.session() as session:
        now = utcnow()
        purchase = _move_status(
            session,
            purchase_id,
            SmsPurchaseStatus.PAID,
            "Só compras com pagamento confirmado podem ser transferidas.",
            status=SmsPurchaseStatus.TRANSFERRED,
            transferred_at=now,
            transferred_by=actor.label,
            transfer_quantity=quantity,
            transfer_reference=reference,
        )
        contract = session.get(Contract, purchase.contract_id)
        assert contract is not None
        account_id, password = _account_for(session, actor, contract)
        balance = _credit(session, actor, account_id, purchase.id, quantity, now)
        audit.record(
            session,
            actor,
            "sms.creditos_transferidos",
            "sms_purchase",
            purchase.id,
            quantidade=quantity,
            referencia=reference,
        )
        login = session.scalar(select(SmsAccount.login).where(SmsAccount.id == account_id))
        return TransferResult(_item(purchase, contract.number), login or "", balance, password)


def _account_for(session: Session, actor: Actor, contract: Contract) -> tuple[int, str | None]:
    """The contract's SMS account id, created on its first transfer (with a new password).

    INSERT … ON CONFLICT DO NOTHING: two transfers for one contract at once create one
    account (PostgreSQL makes the second wait for the first, then do nothing).
    """
    found = session.scalar(select(SmsAccount.id).where(SmsAccount.contract_id == contract.id))
    if found is not None:
        return found, None
    password = generate_password()
    created = session.execute(
        dialect_insert(session)(SmsAccount)
        .values(
            contract_id=contract.id,
            login=_login_for(contract),
            password_hash=hash_password(password),
            balance=0,
            created_at=utcnow(),
        )
        .on_conflict_do_nothing()
        .returning(SmsAccount.id)
    ).scalar_one_or_none()
    if created is not None:
        audit.record(
            session,
            actor,
            "sms.conta_criada",
            "sms_account",
            contract.id,
            login=_login_for(contract),
        )
        return created, password
    found = session.scalar(select(SmsAccount.id).where(SmsAccount.contract_id == contract.id))
    if found is None:  # the login is taken by another contract's account
        raise Conflict(f"O login {_login_for(contract)!r} já pertence a outra conta SMS.")
    return found, None


def _credit(
    session: Session,
    actor: Actor,
    account_id: int,
    purchase_id: int,
    quantity: int,
    at: dt.datetime,
) -> int:
    """Add ``quantity`` in SQL (never read-modify-write in Python) and write the movement;
    the new balance."""
    session.add(
        SmsMovement(
            account_id=account_id,
            purchase_id=purchase_id,
            quantity=quantity,
            kind=SmsMovementKind.TRANSFER,
            at=at,
            actor=actor.label,
        )
    )
    session.flush()  # the unique (purchase, kind) refuses a second credit of one purchase
    return int(
        session.execute(
            update(SmsAccount)
            .where(SmsAccount.id == account_id)
            .values(balance=SmsAccount.balance + quantity)
            .returning(SmsAccount.balance)
            .execution_options(synchronize_session=False)
        ).scalar_one()
    )


def ledger_balance(db: Database, contract_id: int) -> int | None:
    """The balance rebuilt from the movements alone (a check on ``sms_accounts.balance``)."""
    with db.read_session() as conn:
        account_id = conn.scalar(select(SmsAccount.id).where(SmsAccount.contract_id == contract_id))
        if account_id is None:
            return None
        total = conn.scalar(
            select(func.coalesce(func.sum(SmsMovement.quantity), 0)).where(
                SmsMovement.account_id == account_id
            )
        )
        return int(total or 0)


def history(db: Database, actor: Actor, subscriber_id: int) -> list[PurchaseItem]:
    require_subscriber(actor, subscriber_id)
    with db.query_session() as session:
        rows = session.execute(
            select(SmsPurchase, Contract.number)
            .join(Contract, Contract.id == SmsPurchase.contract_id)
            .where(SmsPurchase.subscriber_id == subscriber_id)
            .order_by(SmsPurchase.created_at.desc(), SmsPurchase.id.desc())
        ).all()
        return [_item(p, number) for p, number in rows]


def accounts(db: Database, actor: Actor, subscriber_id: int) -> list[AccountInfo]:
    require_subscriber(actor, subscriber_id)
    with db.query_session() as session:
        rows = session.scalars(
            select(SmsAccount)
            .join(Contract, Contract.id == SmsAccount.contract_id)
            .where(Contract.subscriber_id == subscriber_id)
        )
        return [AccountInfo(a.contract_id, a.login, a.balance, a.created_at) for a in rows]


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
        raise InvalidInput("Quantidade de SMS inválida.")
    if not Decimal("0.01") <= price <= Decimal("1000000"):
        raise InvalidInput("Preço inválido.")
    price = price.quantize(Decimal("0.01"))
    with db.session() as session:
        if value_id is None:
            value = CreditValue(quantity=quantity, price=price, active=active)
            session.add(value)
        else:
            found = session.get(CreditValue, value_id)
            if found is None:
                raise NotFound("Valor de crédito não encontrado.")
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
