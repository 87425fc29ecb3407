"""Fiscal documents: NFCom (model 62) invoices imported from the fiscal platform."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.domain.enums import InvoiceStatus, db_enum
from desktop.models.base import Base, utcnow
from desktop.models.subscribers import Subscriber


class Invoice(Base):
    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("issuer_cnpj", "model", "series", "number"),
        Index("ix_invoices_subscriber_issued", "subscriber_id", "issued_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"))
    receivable_id: Mapped[int | None] = mapped_column(
        ForeignKey("receivables.id", ondelete="SET NULL")
    )
    issuer_cnpj: Mapped[str] = mapped_column(String(14))
    model: Mapped[str] = mapped_column(String(2), default="62")
    series: Mapped[str] = mapped_column(String(3))
    number: Mapped[str] = mapped_column(String(9))
    access_key: Mapped[str] = mapped_column(String(44), unique=True)
    issued_at: Mapped[dt.datetime]
    amount: Mapped[Decimal]
    status: Mapped[InvoiceStatus] = mapped_column(
        db_enum(InvoiceStatus), default=InvoiceStatus.AUTHORIZED
    )
    environment: Mapped[str] = mapped_column(
        String(1), default="2"
    )  # tpAmb: 1 produção, 2 homologação
    authorization_protocol: Mapped[str] = mapped_column(String(20), default="")
    xml: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    subscriber: Mapped[Subscriber] = relationship()
