"""The outbox of changes to FreeRADIUS's suspension group (DESIGN.md "Two systems, one outcome").

An action that moves a contract in or out of the suspension group writes one row here in the
same transaction as the action itself (contract status, enablement, ticket, audit).  The
change is then applied on the FreeRADIUS database — possibly another server, so never inside
our transaction — and the row marked ``applied``.  A crash in between leaves the row
``pending``, and ``jobs run`` applies it.  A pending row overtaken by a later change of the
same contract in the other direction is marked ``undone`` (its effect never reached, or was
reverted on, FreeRADIUS).
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, utcnow


class RadiusAction(enum.StrEnum):
    BLOCK = "block"  # insert (login, suspension group, 0) into radusergroup if absent
    UNBLOCK = "unblock"  # delete that row


class RadiusChangeState(enum.StrEnum):
    PENDING = "pending"
    APPLIED = "applied"
    UNDONE = "undone"


class RadiusChange(Base):
    __tablename__ = "radius_changes"
    __table_args__ = (
        # jobs run: the pending changes, oldest first; the applier: a contract's changes.
        Index("ix_radius_changes_state_id", "state", "id"),
        Index("ix_radius_changes_contract_id", "contract_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(10))  # RadiusAction
    logins: Mapped[str] = mapped_column(Text)  # JSON list of FreeRADIUS UserNames
    groupname: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10), default=RadiusChangeState.PENDING.value)
    reason: Mapped[str] = mapped_column(String(40))  # habilitacao, expiracao, pagamento, erp...
    disconnect: Mapped[bool] = mapped_column(default=True)  # send Disconnect once applied
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    applied_at: Mapped[dt.datetime | None]
