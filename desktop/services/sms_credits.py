"""Compra de Crédito (SMS): purchase at the counter or kiosk, then the back-office workflow.

Purchase → finance confirms the payment → support's queue *Créditos a transferir* → support
records the transfer to the SMS gateway (quantity, reference) → the client's SMS account is
created on the first transfer (login and generated password, shown once, stored hashed) →
the balance shows the credits.  Every step is audited and kept on the purchase.

The purchase half lives in :mod:`desktop.services.sms_purchases` (kept apart for size) and
is re-exported here, so callers keep one module to import: ``sms_credits.buy(...)``.  This
module is the transfer and the account it credits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.db import Database, dialect_insert
from desktop.domain.actors import Actor
from desktop.domain.changes import OpChanges, writes
from desktop.domain.clock import utcnow
from desktop.domain.enums import Role, SmsMovementKind, SmsPurchaseStatus
from desktop.domain.passwords import generate_password, hash_password
from desktop.errors import Conflict, InvalidInput, Message
from desktop.models import Contract, SmsAccount, SmsMovement
from desktop.services import audit
from desktop.services.access import require_counter, require_role, require_subscriber
from desktop.services.sms_purchases import (
    PAYMENT_DAYS,
    CreditOption,
    PurchaseItem,
    buy,
    confirm_payment,
    credit_options,
    history,
    item,
    move_status,
    queue,
    save_credit_value,
    sms_contracts,
)

__all__ = [
    "PAYMENT_DAYS",
    "AccountInfo",
    "CreditOption",
    "PurchaseItem",
    "TransferResult",
    "accounts",
    "buy",
    "confirm_payment",
    "credit_options",
    "history",
    "ledger_balance",
    "queue",
    "record_transfer",
    "save_credit_value",
    "sms_contracts",
]


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


def _login_for(contract: Contract) -> str:
    """Gateway login: derived from the contract number, unique like it."""
    return "sms" + re.sub(r"[^a-z0-9]", "", contract.number.lower())


@writes(OpChanges(sms=True))
def record_transfer(
    db: Database, actor: Actor, purchase_id: int, quantity: int, reference: str
) -> TransferResult:
    """Support records the credits transferred at the SMS gateway; creates the account if needed."""
    require_counter(actor)
    require_role(actor, Role.SUPPORT)
    reference = reference.strip()
    if not 1 <= quantity <= 10_000_000:
        raise InvalidInput("sms_credits.quantidade_transferida_invalida")
    if not reference or len(reference) > 80:
        raise InvalidInput("sms_credits.informe_referencia_transferencia_ate")
    with db.session() as session:
        now = utcnow()
        purchase = move_status(
            session,
            purchase_id,
            SmsPurchaseStatus.PAID,
            Message("sms_credits.compras_pagamento_confirmado_podem"),
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
        return TransferResult(item(purchase, contract.number), login or "", balance, password)


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
        raise Conflict("sms_credits.login_pertence_outra_conta", login=_login_for(contract))
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


def accounts(db: Database, actor: Actor, subscriber_id: int) -> list[AccountInfo]:
    require_subscriber(actor, subscriber_id)
    with db.query_session() as session:
        rows = session.scalars(
            select(SmsAccount)
            .join(Contract, Contract.id == SmsAccount.contract_id)
            .where(Contract.subscriber_id == subscriber_id)
        )
        return [AccountInfo(a.contract_id, a.login, a.balance, a.created_at) for a in rows]
