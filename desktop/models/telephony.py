"""Voice terminals and rated calls (CDRs imported from the telephony platform)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.domain.enums import CallType, db_enum
from desktop.models.base import Base, BigIntPK, utcnow
from desktop.models.subscribers import Contract


class Terminal(Base):
    """A fixed-line (STFC) number of a contract; ``number`` is DDD + subscriber number."""

    __tablename__ = "terminals"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contracts.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(11), unique=True)
    area_code: Mapped[str] = mapped_column(String(2))
    active: Mapped[bool] = mapped_column(default=True)

    contract: Mapped[Contract] = relationship()


class Call(Base):
    """A rated call.  ``billed_s`` and ``amount`` are fixed when the call is imported."""

    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_terminal_started", "terminal_id", "started_at", "id"),
        Index("ix_calls_terminal_type_started", "terminal_id", "call_type", "started_at"),
        # With the start: PostgreSQL partitions calls by month of started_at, and a unique
        # key of a partitioned table must contain it (source_key already does, in its text).
        UniqueConstraint("source_key", "started_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id", ondelete="CASCADE"))
    started_at: Mapped[dt.datetime]
    destination: Mapped[str] = mapped_column(String(32))
    call_type: Mapped[CallType] = mapped_column(db_enum(CallType, 16))
    duration_s: Mapped[int] = mapped_column(Integer)
    billed_s: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal]
    # Calls that must never be listed (disque-denúncia, RGC Art. 47) are kept but hidden.
    hidden: Mapped[bool] = mapped_column(default=False)
    # Asterisk uniqueid (or a hash of the CSV line): importing a file twice adds nothing.
    source_key: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    terminal: Mapped[Terminal] = relationship()


class CdrImport(Base):
    """One run of ``import cdr``: what came in, what was refused."""

    __tablename__ = "cdr_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    lines: Mapped[int] = mapped_column(BigInteger, default=0)
    imported: Mapped[int] = mapped_column(BigInteger, default=0)
    duplicates: Mapped[int] = mapped_column(BigInteger, default=0)
    rejected: Mapped[int] = mapped_column(BigInteger, default=0)
