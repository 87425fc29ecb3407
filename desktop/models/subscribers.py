"""Subscribers (CPF or CNPJ), the contacts who may speak for them, plans and contracts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.domain.enums import ContractStatus, db_enum
from desktop.models.base import Base, utcnow


class Subscriber(Base):
    __tablename__ = "subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The ERP's id of the customer (``import customers``); NULL for rows made here.
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    # CPF (11 digits) or CNPJ (14 characters, alphanumeric since IN RFB 2.229/2024), no mask.
    document: Mapped[str] = mapped_column(String(14), unique=True)
    person_type: Mapped[str] = mapped_column(String(1))  # "F" física, "J" jurídica
    name: Mapped[str] = mapped_column(String(120))
    # Lower-case, accent-free copy of the name for prefix searches that use an index.
    name_search: Mapped[str] = mapped_column(String(120), index=True)
    email: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(11), index=True)
    street: Mapped[str] = mapped_column(String(120), default="")
    number: Mapped[str] = mapped_column(String(10), default="")
    complement: Mapped[str] = mapped_column(String(60), default="")
    district: Mapped[str] = mapped_column(String(60), default="")
    city: Mapped[str] = mapped_column(String(60), default="")
    city_ibge: Mapped[str] = mapped_column(String(7), default="")
    state: Mapped[str] = mapped_column(String(2), default="")
    cep: Mapped[str] = mapped_column(String(8), default="")
    # Kiosk login: argon2id hash; NULL means the subscriber has no kiosk password yet.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="subscriber", order_by="Contact.id"
    )
    contracts: Mapped[list[Contract]] = relationship(
        back_populates="subscriber", order_by="Contract.id"
    )


class Contact(Base):
    """A person allowed to speak for the account (the subscriber themself included)."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(
        ForeignKey("subscribers.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    relation: Mapped[str] = mapped_column(String(40), default="titular")
    phone: Mapped[str | None] = mapped_column(String(11))
    email: Mapped[str | None] = mapped_column(String(120))

    subscriber: Mapped[Subscriber] = relationship(back_populates="contacts")


class Plan(Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    price: Mapped[Decimal]
    has_internet: Mapped[bool] = mapped_column(default=False)
    has_voice: Mapped[bool] = mapped_column(default=False)
    has_sms: Mapped[bool] = mapped_column(default=False)
    download_mbps: Mapped[int] = mapped_column(Integer, default=0)
    upload_mbps: Mapped[int] = mapped_column(Integer, default=0)
    radius_group: Mapped[str | None] = mapped_column(String(64))  # FreeRADIUS group of the plan


class Contract(Base):
    __tablename__ = "contracts"
    __table_args__ = (Index("ix_contracts_status_changed", "status", "status_changed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # the ERP's id
    number: Mapped[str] = mapped_column(String(20), unique=True)
    subscriber_id: Mapped[int] = mapped_column(
        ForeignKey("subscribers.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    status: Mapped[ContractStatus] = mapped_column(
        db_enum(ContractStatus), default=ContractStatus.ACTIVE
    )
    # When the current status began: a suspension is identified by this instant.
    status_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    activated_on: Mapped[dt.date]
    billing_day: Mapped[int] = mapped_column(Integer, default=10)
    installation_street: Mapped[str] = mapped_column(String(120), default="")

    subscriber: Mapped[Subscriber] = relationship(back_populates="contracts")
    plan: Mapped[Plan] = relationship()
