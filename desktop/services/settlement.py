"""The one way money settles a receivable: the counter, the bank's return file and PIX.

Exactly once, whatever the number of clicks, stations or re-imported files:

- the payment row is keyed by ``source_key``, the identity of the money event outside
  (a counter action, a bank's return entry, a PIX end-to-end id), and inserted with
  ``ON CONFLICT DO NOTHING``: the same event a second time records nothing;
- the receivable changes with ``UPDATE … WHERE status = 'aberto'``, which exactly one
  payment can win; money arriving for a receivable already settled by *another* event is
  still recorded (``duplicate``), so it can be refunded and nothing received is lost.

Both statements are conditional in SQL, so they hold on PostgreSQL (row locks, READ
COMMITTED re-check) and on SQLite (one writer at a time) without a read-then-write.
The audit entry and the outbox event go in the same transaction.  Lifting a suspension
touches RADIUS, a second system, so it runs after the commit (``after_commit``).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.changes import OpChanges, note
from desktop.domain.enums import EventKind, PaymentMethod, ReceivableStatus
from desktop.domain.money import check_amount
from desktop.errors import NotFound
from desktop.models import Payment, Receivable
from desktop.services import audit, events, reactivation


class SettleOutcome(enum.StrEnum):
    SETTLED = "settled"
    ALREADY_SETTLED = "already_settled"  # this very event was applied before: nothing done
    DUPLICATE = "duplicate"  # settled before by another payment: this one is flagged
    NOT_OPEN = "not_open"  # cancelled receivable: the money is recorded, flagged


@dataclass(frozen=True)
class Settlement:
    outcome: SettleOutcome
    receivable_id: int
    payment_id: int | None
    contract_id: int | None


def _insert_payment(session: Session, values: dict[str, object]) -> int | None:
    """Insert the payment unless its ``source_key`` is known; its id, or None if known."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(Payment)
        .values(**values)
        .on_conflict_do_nothing(index_elements=[Payment.source_key])
        .returning(Payment.id)
    )
    return session.execute(stmt).scalar_one_or_none()


def settle_in_session(
    session: Session,
    actor: Actor,
    *,
    receivable_id: int,
    amount: Decimal,
    method: PaymentMethod,
    paid_at: dt.datetime,
    source_key: str,
    reference: str = "",
    fee: Decimal | None = None,
    interest: Decimal | None = None,
    discount: Decimal | None = None,
    credited_on: dt.date | None = None,
    event_kind: EventKind = EventKind.PAYMENT,
    protocol: str | None = None,
) -> Settlement:
    """Record one payment of ``receivable_id`` in the caller's unit of work (see module)."""
    check_amount(amount, what="Valor pago")
    row = session.execute(
        select(Receivable.subscriber_id, Receivable.contract_id).where(
            Receivable.id == receivable_id
        )
    ).one_or_none()
    if row is None:
        raise NotFound("comum.conta_receber_nao_encontrada_2")
    subscriber_id, contract_id = row
    payment_id = _insert_payment(
        session,
        {
            "receivable_id": receivable_id,
            "source_key": source_key[:120],
            "paid_at": paid_at,
            "amount": amount,
            "method": method,
            "reference": reference[:80],
            "fee": fee,
            "interest": interest,
            "discount": discount,
            "credited_on": credited_on,
            "duplicate": False,
        },
    )
    if payment_id is None:
        return Settlement(SettleOutcome.ALREADY_SETTLED, receivable_id, None, contract_id)
    result = session.execute(
        update(Receivable)
        .where(Receivable.id == receivable_id, Receivable.status == ReceivableStatus.OPEN)
        .values(
            status=ReceivableStatus.PAID,
            paid_at=paid_at,
            paid_amount=amount,
            payment_method=method,
        )
        .execution_options(synchronize_session=False)
    )
    if int(getattr(result, "rowcount", 0) or 0) == 1:
        outcome = SettleOutcome.SETTLED
    else:
        session.execute(
            update(Payment)
            .where(Payment.id == payment_id)
            .values(duplicate=True)
            .execution_options(synchronize_session=False)
        )
        status = session.scalar(select(Receivable.status).where(Receivable.id == receivable_id))
        outcome = (
            SettleOutcome.NOT_OPEN
            if status is ReceivableStatus.CANCELLED
            else SettleOutcome.DUPLICATE
        )
    audit.record(
        session,
        actor,
        "pagamento.baixado" if outcome is SettleOutcome.SETTLED else "pagamento.duplicado",
        "receivable",
        receivable_id,
        valor=amount,
        forma=method.value,
        referencia=reference[:80],
        origem=source_key[:120],
    )
    events.emit(
        session,
        actor,
        event_kind,
        subscriber_id=subscriber_id,
        contract_id=contract_id,
        receivable_id=receivable_id,
        protocol=protocol,
        amount=str(amount),
        method=method.value,
        paid_at=paid_at.isoformat(),
        reference=reference[:80],
        fee=None if fee is None else str(fee),
        interest=None if interest is None else str(interest),
        credited_on=None if credited_on is None else credited_on.isoformat(),
        duplicate=outcome is not SettleOutcome.SETTLED,
    )
    # A payment is recorded (flagged when duplicate); a settled bill may lift a suspension.
    settled = outcome is SettleOutcome.SETTLED
    note(OpChanges(payments=True, receivables=settled, enablements=settled))
    return Settlement(outcome, receivable_id, payment_id, contract_id)


def after_commit(
    db: Database, actor: Actor, settlement: Settlement
) -> reactivation.DebtPaidResult | None:
    """After the unit of work committed: lift a suspension the payment ended (RADIUS too)."""
    if settlement.outcome is not SettleOutcome.SETTLED or settlement.contract_id is None:
        return None
    return reactivation.on_debt_paid(db, actor, settlement.contract_id)
