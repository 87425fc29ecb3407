"""SMS credits: the values on sale, purchases through the back office, and SMS accounts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.domain.enums import SmsMovementKind, SmsPurchaseStatus, db_enum
from desktop.models.base import Base, utcnow


class CreditValue(Base):
    """*Valores de Crédito* of the Painel de Configurações: a quantity of SMS and its price."""

    __tablename__ = "sms_credit_values"

    id: Mapped[int] = mapped_column(primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal]
    active: Mapped[bool] = mapped_column(default=True)


class SmsPurchase(Base):
    __tablename__ = "sms_purchases"
    __table_args__ = (Index("ix_sms_purchases_status_created", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(
        ForeignKey("subscribers.id", ondelete="CASCADE"), index=True
    )
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    credit_value_id: Mapped[int | None] = mapped_column(
        ForeignKey("sms_credit_values.id", ondelete="SET NULL")
    )
    # Quantity and price are copied: a value removed from settings later changes nothing here.
    quantity: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal]
    status: Mapped[SmsPurchaseStatus] = mapped_column(
        db_enum(SmsPurchaseStatus), default=SmsPurchaseStatus.AWAITING_PAYMENT
    )
    receivable_id: Mapped[int | None] = mapped_column(
        ForeignKey("receivables.id", ondelete="SET NULL")
    )
    # A double click on *Comprar* sends the same key: only one purchase is recorded.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60))
    paid_confirmed_at: Mapped[dt.datetime | None]
    paid_confirmed_by: Mapped[str | None] = mapped_column(String(60))
    transferred_at: Mapped[dt.datetime | None]
    transferred_by: Mapped[str | None] = mapped_column(String(60))
    transfer_quantity: Mapped[int | None] = mapped_column(Integer)
    transfer_reference: Mapped[str | None] = mapped_column(String(80))


class SmsAccount(Base):
    """The client's login at the SMS gateway (SMS Digital) and its credit balance."""

    __tablename__ = "sms_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), unique=True
    )
    login: Mapped[str] = mapped_column(String(60), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    balance: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    purchases: Mapped[list[SmsPurchase]] = relationship(
        primaryjoin="SmsAccount.contract_id == foreign(SmsPurchase.contract_id)", viewonly=True
    )


class SmsMovement(Base):
    """One movement of an SMS balance: the ledger the balance can be rebuilt from.

    ``sms_accounts.balance`` is moved in SQL (``balance = balance + :q``) in the same unit of
    work that inserts the movement, so the sum of an account's movements is its balance.
    One transfer per purchase (unique): a purchase credited twice is refused by the database.
    """

    __tablename__ = "sms_movements"
    __table_args__ = (
        UniqueConstraint("purchase_id", "kind"),
        Index("ix_sms_movements_account_at", "account_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("sms_accounts.id", ondelete="CASCADE"))
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("sms_purchases.id", ondelete="SET NULL")
    )
    quantity: Mapped[int] = mapped_column(Integer)  # signed: credits in, sends out
    kind: Mapped[SmsMovementKind] = mapped_column(db_enum(SmsMovementKind, 20))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
