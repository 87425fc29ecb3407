"""The event outbox: each store action, written with the action, read by the ERP in order.

``emit`` queues the event on the caller's unit of work; it is inserted right before that
unit commits, so it lands or rolls back with the action itself (never lost, never doubled).
``export`` reads from a cursor, the outbox id, which only grows.

Why the insert waits for the commit: ids are handed out at INSERT but rows become visible at
COMMIT.  If a transaction took id 7 and committed after another took and committed id 8, a
reader at cursor 8 would never see 7.  So the insert and the commit happen under one
outbox-wide lock (PostgreSQL: a transaction-scoped advisory lock; SQLite: the database's
single write lock does it already), which makes id order the commit order.  The lock is
held only for that last insert and the COMMIT.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session, aliased

from desktop.db import Database
from desktop.domain.actors import Actor, CounterActor
from desktop.domain.clock import utcnow
from desktop.domain.enums import EventKind, Role
from desktop.errors import InvalidInput
from desktop.models import Contract, OutboxEvent, Receivable, Subscriber
from desktop.services.access import require_counter, require_role

MAX_LIMIT = 10_000
# Key of the PostgreSQL advisory lock that orders the outbox (any constant of our own).
OUTBOX_LOCK_KEY = 0x0CA_E7E7
_PENDING = "outbox_pending"


def emit(
    session: Session,
    actor: Actor,
    kind: EventKind,
    *,
    subscriber_id: int | None = None,
    contract_id: int | None = None,
    receivable_id: int | None = None,
    protocol: str | None = None,
    **data: Any,
) -> None:
    """Queue the event on the caller's transaction (it lands only if the action does)."""
    session.info.setdefault(_PENDING, []).append(
        OutboxEvent(
            at=utcnow(),
            kind=kind.value,
            station=actor.station[:60],
            operator=(actor.login if isinstance(actor, CounterActor) else actor.label)[:80],
            subscriber_id=subscriber_id,
            contract_id=contract_id,
            receivable_id=receivable_id,
            protocol=protocol,
            data=json.dumps(data, ensure_ascii=False, default=str, sort_keys=True),
        )
    )


@event.listens_for(Session, "before_commit")
def _insert_pending(session: Session) -> None:
    pending: list[OutboxEvent] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": OUTBOX_LOCK_KEY})
    session.add_all(pending)
    session.flush()


@event.listens_for(Session, "after_rollback")
def _drop_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


@dataclass(frozen=True)
class ExportedEvent:
    cursor: int
    at: dt.datetime
    kind: str
    station: str
    operator: str
    customer_external_id: str | None
    contract_external_id: str | None
    receivable_external_id: str | None
    protocol: str | None
    data: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {
            "cursor": str(self.cursor),
            "at": self.at.isoformat(),
            "kind": self.kind,
            "station": self.station,
            "operator": self.operator,
            "customer_external_id": self.customer_external_id,
            "contract_external_id": self.contract_external_id,
            "receivable_external_id": self.receivable_external_id,
            "protocol": self.protocol,
            "data": self.data,
        }


def parse_cursor(text: str | None) -> int:
    if text is None or text == "":
        return 0
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise InvalidInput("events.cursor_invalido_use_valor", text=text)
    return int(text)


def export(db: Database, actor: Actor, *, after: int = 0, limit: int = 1000) -> list[ExportedEvent]:
    """Events after ``after``, oldest first, at most ``limit`` (back office only)."""
    require_counter(actor)
    require_role(actor, Role.FINANCE, Role.SUPPORT)
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput("events.limite_invalido_use_eventos", max_limit=MAX_LIMIT)
    customer = aliased(Subscriber)
    contract = aliased(Contract)
    receivable = aliased(Receivable)
    stmt = (
        select(
            OutboxEvent,
            customer.external_id,
            contract.external_id,
            receivable.external_id,
        )
        .outerjoin(customer, customer.id == OutboxEvent.subscriber_id)
        .outerjoin(contract, contract.id == OutboxEvent.contract_id)
        .outerjoin(receivable, receivable.id == OutboxEvent.receivable_id)
        .where(OutboxEvent.id > after)
        .order_by(OutboxEvent.id)
        .limit(limit)
    )
    out: list[ExportedEvent] = []
    with db.session() as session:
        for row, customer_ext, contract_ext, receivable_ext in session.execute(stmt):
            out.append(
                ExportedEvent(
                    row.id,
                    row.at,
                    row.kind,
                    row.station,
                    row.operator,
                    customer_ext,
                    contract_ext,
                    receivable_ext,
                    row.protocol,
                    json.loads(row.data),
                )
            )
    return out
