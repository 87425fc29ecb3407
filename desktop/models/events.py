"""The event outbox: what the stores did, for the provider's ERP (SPEC §6 ``export events``).

Each row is written in the same transaction as the action it records, so an event is never
lost (the action committed) nor doubled (the action rolled back).  ``id`` is the cursor the
ERP reads from: it only grows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, BigIntPK, utcnow


class OutboxEvent(Base):
    __tablename__ = "event_outbox"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(30))
    station: Mapped[str] = mapped_column(String(60), default="")
    operator: Mapped[str] = mapped_column(String(80), default="")
    # Our ids; the ERP's external ids are looked up when the events are exported (a row
    # imported later still gets its external id into the export).
    subscriber_id: Mapped[int | None] = mapped_column(
        ForeignKey("subscribers.id", ondelete="SET NULL")
    )
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contracts.id", ondelete="SET NULL"))
    receivable_id: Mapped[int | None] = mapped_column(
        ForeignKey("receivables.id", ondelete="SET NULL")
    )
    protocol: Mapped[str | None] = mapped_column(String(30))
    data: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
