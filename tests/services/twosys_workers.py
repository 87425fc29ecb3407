"""Worker functions for the multi-process tests of the FreeRADIUS outbox and card voids
(spawned children import only this module)."""

from __future__ import annotations

from typing import Any

from desktop.domain.enums import Role


def enable_once(url: str, user_id: int, subscriber_id: int, contract_id: int, out: Any) -> None:
    """Enable a plan (the test kills this process while it waits on FreeRADIUS)."""
    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.services import enablement

    db = Database(url)
    actor = CounterActor(user_id, "atendente1", Role.ATTENDANT, "estacao")
    result = enablement.enable(db, actor, subscriber_id, contract_id)
    out.put(("ok", result.protocol))


def void_card(url: str, user_id: int, card_payment_id: int, barrier: Any, out: Any) -> None:
    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.errors import UserError
    from desktop.services import cards

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


def expire_all(url: str, when_iso: str, barrier: Any, out: Any) -> None:
    """``jobs run`` at a given instant (after the enablements expired)."""
    import datetime as dt

    from desktop.db import Database
    from desktop.services import enablement_jobs

    db = Database(url)
    barrier.wait(timeout=60)
    try:
        report = enablement_jobs.run_jobs(db, dt.datetime.fromisoformat(when_iso))
        out.put(("jobs", len(report.resuspended), len(report.reactivated), len(report.ended)))
    finally:
        db.dispose()


def pay_and_lift(url: str, user_id: int, pairs: list[tuple[int, int]], barrier: Any, out: Any) -> None:
    """Each (receivable, contract): the bill is paid, then the payment hook runs."""
    from sqlalchemy import update

    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.domain.clock import utcnow
    from desktop.domain.enums import ReceivableStatus
    from desktop.models import Receivable
    from desktop.services import reactivation

    db = Database(url)
    actor = CounterActor(user_id, "atendente1", Role.ATTENDANT, "estacao")
    barrier.wait(timeout=60)
    try:
        changed = 0
        for receivable_id, contract_id in pairs:
            with db.session() as session:
                session.execute(
                    update(Receivable)
                    .where(Receivable.id == receivable_id)
                    .values(status=ReceivableStatus.PAID, paid_at=utcnow(), paid_amount=Receivable.amount)
                )
            changed += reactivation.on_debt_paid(db, actor, contract_id).changed
        out.put(("paid", changed, 0, 0))
    finally:
        db.dispose()


def race_worker(
    kind: str, url: str, when_iso: str, user_id: int, pairs: list[tuple[int, int]], barrier: Any, out: Any
) -> None:
    """One target for ``run_processes``: the job's side or the payment's side of the race."""
    if kind == "jobs":
        expire_all(url, when_iso, barrier, out)
    else:
        pay_and_lift(url, user_id, pairs, barrier, out)


def jobs_once(url: str, barrier: Any, out: Any) -> None:
    """``jobs run`` now, as every station's timer does."""
    from desktop.db import Database
    from desktop.services import enablement_jobs

    db = Database(url)
    barrier.wait(timeout=60)
    try:
        report = enablement_jobs.run_jobs(db)
        out.put((report.radius_finished, report.warnings))
    finally:
        db.dispose()
