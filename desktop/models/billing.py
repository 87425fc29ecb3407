"""Receivables (contas a receber), payments, boletos, bank accounts and card payments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.domain.enums import CardPaymentStatus, PaymentMethod, ReceivableStatus, db_enum
from desktop.models.base import Base, utcnow
from desktop.models.subscribers import Contract, Subscriber


class BankAccount(Base):
    """A cobrança account boletos are issued from (one per bank/convênio)."""

    __tablename__ = "bank_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_code: Mapped[str] = mapped_column(String(3))  # COMPE: 001, 341, 237, 104, 033, 756, 748
    agency: Mapped[str] = mapped_column(String(5))
    agency_dv: Mapped[str] = mapped_column(String(1), default="")
    account: Mapped[str] = mapped_column(String(12))
    account_dv: Mapped[str] = mapped_column(String(1), default="")
    wallet: Mapped[str] = mapped_column(String(3))  # carteira
    agreement: Mapped[str] = mapped_column(
        String(12), default=""
    )  # convênio / código do beneficiário
    beneficiary_name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(default=True)
    # Last nosso número handed out; incremented under a row lock.
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)


class Receivable(Base):
    __tablename__ = "receivables"
    __table_args__ = (
        # Financial statement: one subscriber's items by due date (keyset on due_date, id).
        Index("ix_receivables_subscriber_due", "subscriber_id", "due_date", "id"),
        Index("ix_receivables_subscriber_status_due", "subscriber_id", "status", "due_date", "id"),
        Index("ix_receivables_status_due", "status", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # the ERP's id
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"))
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contracts.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(String(120))
    competence: Mapped[dt.date]  # first day of the month billed
    issued_on: Mapped[dt.date]
    due_date: Mapped[dt.date]
    amount: Mapped[Decimal]
    status: Mapped[ReceivableStatus] = mapped_column(
        db_enum(ReceivableStatus), default=ReceivableStatus.OPEN
    )
    paid_at: Mapped[dt.datetime | None]
    paid_amount: Mapped[Decimal | None]
    payment_method: Mapped[PaymentMethod | None] = mapped_column(db_enum(PaymentMethod))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    subscriber: Mapped[Subscriber] = relationship()
    contract: Mapped[Contract | None] = relationship()


class Payment(Base):
    """Money received for a receivable (the ledger; the receivable keeps the settled figures).

    ``source_key`` names the money event in the outside world (a counter action's id, a
    bank's return entry, a PIX end-to-end id): unique, so a re-imported file, a second
    station or a retry can never record the same money twice.  Money that arrives for a
    receivable another payment already settled is still recorded, with ``duplicate`` set,
    so it can be refunded and nothing received is lost.
    """

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    receivable_id: Mapped[int] = mapped_column(
        ForeignKey("receivables.id", ondelete="CASCADE"), index=True
    )
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    paid_at: Mapped[dt.datetime]
    amount: Mapped[Decimal]
    method: Mapped[PaymentMethod] = mapped_column(db_enum(PaymentMethod))
    reference: Mapped[str] = mapped_column(String(80), default="")
    fee: Mapped[Decimal | None]  # tarifa the bank kept
    interest: Mapped[Decimal | None]  # juros/multa paid on top of the face amount
    discount: Mapped[Decimal | None]
    credited_on: Mapped[dt.date | None]  # when the bank credits the money
    duplicate: Mapped[bool] = mapped_column(default=False)


class Boleto(Base):
    """A registered boleto: due date and amount are the bank's and never change locally."""

    __tablename__ = "boletos"
    __table_args__ = (UniqueConstraint("bank_account_id", "nosso_numero"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    receivable_id: Mapped[int] = mapped_column(
        ForeignKey("receivables.id", ondelete="CASCADE"), unique=True
    )
    bank_account_id: Mapped[int] = mapped_column(ForeignKey("bank_accounts.id"))
    nosso_numero: Mapped[str] = mapped_column(String(20))
    due_date: Mapped[dt.date]
    amount: Mapped[Decimal]
    barcode: Mapped[str] = mapped_column(String(44), unique=True)
    digitable_line: Mapped[str] = mapped_column(String(47))
    pix_payload: Mapped[str] = mapped_column(Text, default="")
    registered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    receivable: Mapped[Receivable] = relationship()
    bank_account: Mapped[BankAccount] = relationship()


class CardPayment(Base):
    """A credit-card payment taken through Cielo's e-commerce API."""

    __tablename__ = "card_payments"
    __table_args__ = (Index("ix_card_payments_subscriber_paid", "subscriber_id", "paid_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"))
    receivable_id: Mapped[int | None] = mapped_column(
        ForeignKey("receivables.id", ondelete="SET NULL"), index=True
    )
    paid_at: Mapped[dt.datetime]
    amount: Mapped[Decimal]
    brand: Mapped[str] = mapped_column(String(20))
    last4: Mapped[str] = mapped_column(String(4))
    installments: Mapped[int] = mapped_column(Integer, default=1)
    payment_id: Mapped[str] = mapped_column(String(36), unique=True)  # Cielo PaymentId (GUID)
    tid: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[CardPaymentStatus] = mapped_column(
        db_enum(CardPaymentStatus, 40), default=CardPaymentStatus.CAPTURED
    )
    voided_at: Mapped[dt.datetime | None]
    voided_amount: Mapped[Decimal | None]
    # The RequestId sent with the void: a retry re-uses it, so Cielo never voids twice.
    void_request_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    # When the void was sent: a second click while it is in flight is refused.
    void_requested_at: Mapped[dt.datetime | None]
    void_message: Mapped[str] = mapped_column(Text, default="")
