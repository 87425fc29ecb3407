"""Worker for the multi-process PIX test (spawned children import only this module)."""

from __future__ import annotations

from typing import Any

from desktop.domain.enums import Role


def check_charge(url: str, user_id: int, txid: str, barrier: Any, out: Any) -> None:
    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.errors import UserError
    from desktop.services import pix_charges

    db = Database(url)
    actor = CounterActor(user_id, "atendente1", Role.ATTENDANT, "estacao")
    barrier.wait(timeout=60)
    try:
        result = pix_charges.check(db, actor, txid)
        out.put(("ok", [s.outcome.value for s in result.settled], result.suspension_lifted))
    except UserError as exc:
        out.put(("error", exc.message, False))
    finally:
        db.dispose()
