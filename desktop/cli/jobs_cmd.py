"""``jobs run``: the periodic work (the app also runs it on a timer)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import context
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.errors import UserError
from desktop.services import enablement_jobs, partitions, pix_reconcile


def register(sub: Any) -> None:
    parser = sub.add_parser("jobs", help="tarefas periódicas")
    actions = parser.add_subparsers(dest="jobs_command", metavar="AÇÃO", required=True)
    run = actions.add_parser("run", help="encerra habilitações provisórias vencidas e afins")
    run.set_defaults(func=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    db = context.database(args)
    actor = context.operator(args, db)
    report = enablement_jobs.run_jobs(db, actor=actor)
    print(f"Habilitações provisórias vencidas: {report.expired}")
    if report.reactivated:
        print(f"  reativadas definitivamente (débitos pagos): {', '.join(report.reactivated)}")
    if report.resuspended:
        print(f"  suspensas novamente por falta de pagamento: {', '.join(report.resuspended)}")
    if report.ended:
        print(f"  encerradas (plano com outra situação): {', '.join(report.ended)}")
    if report.radius_finished:
        print(f"Alterações no FreeRADIUS concluídas (pendentes): {report.radius_finished}")
    if report.voids_confirmed:
        print(f"Cancelamentos de cartão confirmados na Cielo: {report.voids_confirmed}")
    for warning in report.warnings:
        print(f"aviso: {warning}", file=sys.stderr)
    _reconcile_pix(db, actor)
    return _partitions(db)


def _partitions(db: Database) -> int:
    """The PostgreSQL month layout; a failure is reported and makes the exit status 1 (the
    rows still land in the DEFAULT partitions, nothing is lost)."""
    try:
        report = partitions.maintain(db)
    except UserError as exc:
        print(f"aviso: partições: {exc.message}", file=sys.stderr)
        return 1
    if report.skipped:
        return 0
    print(f"Sessões encerradas movidas para o histórico: {report.sessions_moved}")
    if report.created:
        print(f"Partições criadas: {', '.join(report.created)}")
    if report.dropped:
        print(f"Partições apagadas (além da retenção): {', '.join(report.dropped)}")
    return 0


def _reconcile_pix(db: Database, actor: Actor) -> None:
    """PIX paid while no screen watched (SPEC §7); the PSP down is a warning, not a failure."""
    try:
        pix = pix_reconcile.reconcile_recent(db, actor)
    except UserError as exc:
        print(f"aviso: PIX: {exc.message}", file=sys.stderr)
        return
    if pix is None:
        return
    print(f"PIX recebidos no PSP: {pix.received}; baixados agora: {pix.newly_settled}")
    duplicates = [s for s in pix.settled if s.outcome.value == "duplicate"]
    for s in duplicates:
        print(f"  pago em duplicidade: conta {s.receivable_id}, E2E {s.end_to_end_id}")
    if pix.expired:
        print(f"  cobranças vencidas sem pagamento: {pix.expired}")
    for warning in pix.warnings:
        print(f"aviso: PIX: {warning}", file=sys.stderr)
