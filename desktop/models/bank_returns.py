"""What a bank's return file said about a receivable besides paying it (SPEC §6).

Entrada confirmada, entrada rejeitada with its motives, baixa, tarifas...: one row per entry
of a return file, keyed by ``source_key`` (bank, nosso número, occurrence, date, motives), so
importing the same file again, or another file with the same entry, records nothing twice.
Liquidations are not here: they are payments (``payments.source_key``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, utcnow


class BankOccurrence(Base):
    __tablename__ = "bank_occurrences"
    __table_args__ = (Index("ix_bank_occurrences_receivable", "receivable_id", "occurred_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivables.id", ondelete="CASCADE"))
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    bank_code: Mapped[str] = mapped_column(String(3))
    nosso_numero: Mapped[str] = mapped_column(String(20))
    occurrence: Mapped[str] = mapped_column(String(2))
    kind: Mapped[str] = mapped_column(String(20))  # importers.cnab_codes.OccurrenceKind
    description: Mapped[str] = mapped_column(String(400))  # occurrence and motives in words
    occurred_on: Mapped[dt.date | None]
    amount: Mapped[Decimal | None]  # the amount the entry carries (paid, or the fee debited)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    line: Mapped[int] = mapped_column(Integer, default=0)
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
