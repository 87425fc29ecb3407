"""Worker functions for the settlement and outbox races (spawned children import only this)."""

from __future__ import annotations

from typing import Any


def counter_settle(
    url: str, user_id: int, receivable_id: int, amount: str, barrier: Any, out: Any
) -> None:
    """One station records a counter payment of the bill (each with its own action id)."""
    from decimal import Decimal

    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.domain.enums import PaymentMethod, Role
    from desktop.errors import UserError
    from desktop.services import payments

    db = Database(url)
    actor = CounterActor(user_id, "caixa", Role.FINANCE, "estacao")
    barrier.wait(timeout=60)
    try:
        payments.settle(db, actor, receivable_id, Decimal(amount), PaymentMethod.CASH)
        out.put("ok")
    except UserError as exc:
        out.put(f"refused: {type(exc).__name__}: {exc.message}")
    finally:
        db.dispose()


def same_event_settle(
    url: str, user_id: int, receivable_id: int, source_key: str, barrier: Any, out: Any
) -> None:
    """One station applies the same outside money event (a return entry, a PIX e2e id)."""
    import datetime as dt
    from decimal import Decimal

    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.domain.enums import PaymentMethod, Role
    from desktop.services import settlement

    db = Database(url)
    actor = CounterActor(user_id, "caixa", Role.FINANCE, "estacao")
    barrier.wait(timeout=60)
    try:
        with db.session() as session:
            done = settlement.settle_in_session(
                session,
                actor,
                receivable_id=receivable_id,
                amount=Decimal("99.90"),
                method=PaymentMethod.BOLETO,
                paid_at=dt.datetime(2026, 11, 3, 15, tzinfo=dt.UTC),
                source_key=source_key,
            )
        out.put(done.outcome.value)
    finally:
        db.dispose()


def open_tickets(url: str, user_id: int, subscriber_id: int, count: int, barrier: Any, out: Any) -> None:
    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.domain.enums import Role
    from desktop.services import tickets

    db = Database(url)
    actor = CounterActor(user_id, "atendente1", Role.ATTENDANT, "estacao")
    barrier.wait(timeout=60)
    protocols = [
        tickets.open_ticket(db, actor, subscriber_id, "Informação", f"pedido {i}").protocol
        for i in range(count)
    ]
    db.dispose()
    out.put(("writer", protocols))


def follow_events(url: str, user_id: int, seconds: float, barrier: Any, out: Any) -> None:
    """The ERP reading ``export events`` from its last cursor while the stores write."""
    import time

    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.domain.enums import Role
    from desktop.services import events

    db = Database(url)
    actor = CounterActor(user_id, "erp", Role.FINANCE, "erp")
    barrier.wait(timeout=60)
    seen: list[str] = []
    cursor = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        batch = events.export(db, actor, after=cursor, limit=7)
        for item in batch:
            seen.append(item.protocol or "")
            cursor = item.cursor
        if not batch:
            time.sleep(0.005)
    for item in events.export(db, actor, after=cursor, limit=10_000):
        seen.append(item.protocol or "")
    db.dispose()
    out.put(("reader", seen))
