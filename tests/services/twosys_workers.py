"""Worker functions for the multi-process tests of the FreeRADIUS outbox and card voids
(spawned children import only this module)."""

from __future__ import annotations

from typing import Any

from desktop.models.enums import Role


def enable_once(url: str, user_id: int, subscriber_id: int, contract_id: int, out: Any) -> None:
    """Enable a plan (the test kills this process while it waits on FreeRADIUS)."""
    from desktop.db import Database
    from desktop.services import enablement
    from desktop.services.actors import CounterActor

    db = Database(url)
    actor = CounterActor(user_id, "atendente1", Role.ATTENDANT, "estacao")
    result = enablement.enable(db, actor, subscriber_id, contract_id)
    out.put(("ok", result.protocol))


def void_card(url: str, user_id: int, card_payment_id: int, barrier: Any, out: Any) -> None:
    from desktop.db import Database
    from desktop.errors import UserError
    from desktop.services import cards
    from desktop.services.actors import CounterActor

    db = Database(url)
    actor = CounterActor(user_id, "financeiro1", Role.FINANCE, "estacao")
    barrier.wait(timeout=60)
    try:
        result = cards.void_payment(db, actor, card_payment_id)
        out.put(("ok", result.status.value, result.message))
    except UserError as exc:
        out.put((type(exc).__name__, "", exc.message))
    finally:
        db.dispose()
