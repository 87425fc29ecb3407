"""Worker functions for the multi-process tests (spawned children import only this module)."""

from __future__ import annotations

from typing import Any

from desktop.domain.enums import Role


def open_tickets(
    url: str, user_id: int, subscriber_id: int, count: int, barrier: Any, out: Any
) -> None:
    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.services import tickets

    db = Database(url)
    actor = CounterActor(user_id, "atendente1", Role.ATTENDANT, "estacao")
    barrier.wait(timeout=60)
    protocols = [
        tickets.open_ticket(db, actor, subscriber_id, "Informação", f"pedido {i}").protocol
        for i in range(count)
    ]
    db.dispose()
    out.put(protocols)


def enable_contract(
    url: str, user_id: int, subscriber_id: int, contract_id: int, barrier: Any, out: Any
) -> None:
    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.errors import Conflict
    from desktop.services import enablement

    db = Database(url)
    actor = CounterActor(user_id, "atendente1", Role.ATTENDANT, "estacao")
    barrier.wait(timeout=60)
    try:
        result = enablement.enable(db, actor, subscriber_id, contract_id)
        out.put(("ok", result.protocol))
    except Conflict as exc:
        out.put(("conflict", exc.message))
    finally:
        db.dispose()


def run_processes(target: Any, args_for: list[tuple[Any, ...]]) -> list[Any]:
    """Start one spawned process per argument tuple, released together by a barrier."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(args_for))
    out = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, barrier, out)) for args in args_for]
    for proc in procs:
        proc.start()
    results = [out.get(timeout=180) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0, f"worker exited with {proc.exitcode}"
    return results


def import_retorno(url: str, user_id: int, path: str, barrier: Any, out: Any) -> None:
    from desktop.db import Database
    from desktop.domain.actors import CounterActor
    from desktop.services import retorno

    db = Database(url)
    actor = CounterActor(user_id, "caixa", Role.FINANCE, "estacao")
    barrier.wait(timeout=60)
    try:
        (report,) = retorno.import_files(db, actor, [path])
        out.put(("ok", [e.result for e in report.entries], report.error))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("error", repr(exc), None))
    finally:
        db.dispose()


def move_radacct_sessions(
    url: str, stopped_before: Any, batch: int, barrier: Any, out: Any
) -> None:
    """One ``jobs run``'s move of closed sessions into the history, in its own process."""
    from desktop.db import Database
    from desktop.services import partitions

    partitions.MOVE_BATCH = batch  # small batches: the two runs interleave many times
    db = Database(url)
    barrier.wait(timeout=60)
    try:
        out.put(partitions.move_sessions(db.engine, stopped_before))
    finally:
        db.dispose()
