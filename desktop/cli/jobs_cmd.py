"""``jobs run``: the periodic work (the app also runs it on a timer)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import context
from desktop.services import enablement_jobs


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
    for warning in report.warnings:
        print(f"aviso: {warning}", file=sys.stderr)
    return 0
