"""Runs of ``import customers|contracts|receivables`` and the lines each one refused or
reported as a conflict (the *Retaguarda → Importações* screen reads them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, utcnow


class ErpImport(Base):
    __tablename__ = "erp_imports"
    __table_args__ = (Index("ix_erp_imports_started", "started_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # customers, contracts, receivables
    file_name: Mapped[str] = mapped_column(String(255))
    operator: Mapped[str] = mapped_column(String(80))
    station: Mapped[str] = mapped_column(String(60))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # NULL while running, and forever when the run was interrupted (the screen says so).
    finished_at: Mapped[dt.datetime | None]
    read: Mapped[int] = mapped_column(BigInteger, default=0)
    created: Mapped[int] = mapped_column(BigInteger, default=0)
    updated: Mapped[int] = mapped_column(BigInteger, default=0)
    unchanged: Mapped[int] = mapped_column(BigInteger, default=0)
    rejected: Mapped[int] = mapped_column(BigInteger, default=0)
    conflicts: Mapped[int] = mapped_column(BigInteger, default=0)
    error: Mapped[str] = mapped_column(Text, default="")  # why the whole file stopped


class ErpImportProblem(Base):
    """A refused line (``rejected``) or a line kept as we have it (``conflict``)."""

    __tablename__ = "erp_import_problems"
    __table_args__ = (Index("ix_erp_import_problems_run", "import_id", "kind", "line"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("erp_imports.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # "rejected" or "conflict"
    line: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
