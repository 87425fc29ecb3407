"""``enable --subscriber CPF_CNPJ --contract ID``: Habilitação Provisória."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import context
from desktop.domain.documents import parse_document
from desktop.services import enablement, subscribers


def register(sub: Any) -> None:
    parser = sub.add_parser("enable", help="habilitação provisória de um plano suspenso por débito")
    parser.add_argument("--subscriber", required=True, metavar="CPF_CNPJ")
    parser.add_argument("--contract", required=True, type=int, metavar="ID", help="id do contrato")
    parser.set_defaults(func=cmd_enable)


def cmd_enable(args: argparse.Namespace) -> int:
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    result = enablement.enable(db, actor, subscriber_id, args.contract)
    context.print_json(
        {
            "contract_id": result.contract_id,
            "protocol": result.protocol,
            "enabled_until": result.enabled_until.isoformat(),
        }
    )
    for warning in result.warnings:
        print(f"aviso: {warning}", file=sys.stderr)
    return 0
