"""PIX charges (cobrança imediata at the PSP) and the refunds of PIX paid twice.

A charge row is written *before* the PSP is asked (status ``pendente``): its txid is chosen
by us, deterministic per receivable, amount and attempt, and unique, so two stations, a
double click or a retry after a timeout can only ever ask for the same charge.  A refund row
likewise carries the devolução id before the PSP sees it.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.enums import db_enum
from desktop.models.base import Base, utcnow


class PixChargeStatus(enum.StrEnum):
    PENDING = "pendente"  # intent written; the PSP's answer not recorded yet
    ACTIVE = "ativa"  # the PSP has it; the QR can be paid until expires_at
    PAID = "concluida"  # the PSP saw the payment (settled through settlement.py)
    EXPIRED = "expirada"  # past its expiry, nothing paid
    FAILED = "recusada"  # the PSP refused to create it (4xx); a new attempt gets a new txid


class PixCharge(Base):
    __tablename__ = "pix_charges"
    __table_args__ = (
        # One charge per receivable, amount and attempt: the same inputs give the same txid.
        UniqueConstraint("receivable_id", "amount", "attempt"),
        # The reconciliation job: charges still waiting, oldest first.
        Index("ix_pix_charges_status_created", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    txid: Mapped[str] = mapped_column(String(35), unique=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivables.id", ondelete="CASCADE"))
    amount: Mapped[Decimal]  # the updated amount of the day it was made
    fine: Mapped[Decimal]
    interest: Mapped[Decimal]
    attempt: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[PixChargeStatus] = mapped_column(
        db_enum(PixChargeStatus), default=PixChargeStatus.PENDING
    )
    copy_paste: Mapped[str] = mapped_column(Text, default="")  # the BR Code (pixCopiaECola)
    location: Mapped[str] = mapped_column(String(140), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime | None]
    created_by: Mapped[str] = mapped_column(String(80), default="")
    station: Mapped[str] = mapped_column(String(60), default="")
    # The atendimento of the session that showed the QR: the payment is added to it by
    # whoever settles it (the screen, another station, the job).
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))


class PixRefund(Base):
    """A devolução of a PIX that paid a bill already settled (one per duplicate payment)."""

    __tablename__ = "pix_refunds"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(
        ForeignKey("payments.id", ondelete="CASCADE"), unique=True
    )
    end_to_end_id: Mapped[str] = mapped_column(String(32))
    refund_id: Mapped[str] = mapped_column(String(35), unique=True)  # the devolução id we chose
    amount: Mapped[Decimal]
    # "pendente" until the PSP answers, then the PSP's own status (EM_PROCESSAMENTO,
    # DEVOLVIDO, NAO_REALIZADO): free text, the standard may add values.
    status: Mapped[str] = mapped_column(String(30), default="pendente")
    rtr_id: Mapped[str] = mapped_column(String(32), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    requested_by: Mapped[str] = mapped_column(String(80), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
