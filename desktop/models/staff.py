"""Counter users and their roles, the audit log and the shared settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.enums import Role, db_enum
from desktop.models.base import Base, BigIntPK, utcnow


class CounterUser(Base):
    __tablename__ = "counter_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(db_enum(Role, 16))
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who did what, when, from which station (sensitive actions and confidential reads)."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_at", "at", "id"),
        Index("ix_audit_subject", "subject_type", "subject_id", "at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))  # "atendente:maria" or "assinante:123"
    role: Mapped[str] = mapped_column(String(16))
    station: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40), default="")
    subject_id: Mapped[str] = mapped_column(String(40), default="")
    details: Mapped[str] = mapped_column(Text, default="")  # JSON


class Setting(Base):
    """A shared setting; keys, types and defaults are declared in ``desktop.config``."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(80), default="")
