"""Atendimentos: tickets with ANATEL protocol numbers, ordered contacts and history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, Sequence, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.domain.enums import Channel, ContractStatus, TicketStatus, db_enum
from desktop.models.base import Base, utcnow
from desktop.models.subscribers import Contact, Subscriber

# ANATEL protocol numbers (see ``desktop.services.protocols``).  PostgreSQL hands them out
# from a real sequence, safe across every station without locks; declared here so it belongs
# to the metadata (Alembic's autogenerate does not compare sequences; 0001 creates it).
PROTOCOL_SEQUENCE = Sequence("protocol_seq", metadata=Base.metadata)


class ProtocolCounter(Base):
    """SQLite's stand-in for ``protocol_seq``: one row, bumped inside the write transaction.

    SQLite serialises writers, so ``UPDATE ... RETURNING`` gives each transaction its own
    value.  Unused on PostgreSQL.
    """

    __tablename__ = "protocol_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_subscriber_opened", "subscriber_id", "opened_at", "id"),
        Index("ix_tickets_first_contact", "first_contact_id", "opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # ANATEL protocol number, given when the interaction starts; unique across all stations.
    protocol: Mapped[str] = mapped_column(String(20), unique=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[TicketStatus] = mapped_column(db_enum(TicketStatus), default=TicketStatus.OPEN)
    channel: Mapped[Channel] = mapped_column(db_enum(Channel))
    # The *first* contact is the one searches match (SPEC §1.8), kept here for an indexed filter.
    first_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL")
    )
    opened_by: Mapped[str] = mapped_column(String(60))  # counter login or "quiosque"
    station: Mapped[str] = mapped_column(String(60), default="")
    opened_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None]

    subscriber: Mapped[Subscriber] = relationship()
    contacts: Mapped[list[TicketContact]] = relationship(
        order_by="TicketContact.position", cascade="all, delete-orphan"
    )
    events: Mapped[list[TicketEvent]] = relationship(
        order_by="TicketEvent.id", cascade="all, delete-orphan"
    )


class TicketContact(Base):
    __tablename__ = "ticket_contacts"

    ticket_id: Mapped[int] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0 = first contact
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )

    contact: Mapped[Contact] = relationship()


class TicketEvent(Base):
    """One interaction or action in a ticket's history (kept at least 3 years)."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")


class ProvisionalEnablement(Base):
    """A Habilitação Provisória of a contract suspended for non-payment."""

    __tablename__ = "provisional_enablements"
    __table_args__ = (
        # Once per suspension: two stations at the same moment cannot both insert.
        Index("uq_enablement_per_suspension", "contract_id", "suspension_started_at", unique=True),
        Index("ix_enablements_open_expiry", "ended_at", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    suspension_started_at: Mapped[dt.datetime]
    previous_status: Mapped[ContractStatus] = mapped_column(db_enum(ContractStatus))
    enabled_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    ended_at: Mapped[dt.datetime | None]
    end_reason: Mapped[str] = mapped_column(String(40), default="")
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    created_by: Mapped[str] = mapped_column(String(60))
