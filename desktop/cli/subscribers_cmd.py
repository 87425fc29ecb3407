"""``subscriber search TEXT``: name, CPF/CNPJ, contract, RADIUS login or phone."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context
from desktop.domain.documents import format_document
from desktop.services import subscribers


def register(sub: Any) -> None:
    parser = sub.add_parser("subscriber", help="assinantes")
    actions = parser.add_subparsers(dest="subscriber_command", metavar="AÇÃO", required=True)
    search = actions.add_parser(
        "search", help="busca por nome, CPF/CNPJ, contrato, login ou telefone"
    )
    search.add_argument("text", metavar="TEXTO")
    search.add_argument("--format", default="table", choices=["table", "json"])
    search.add_argument("--limit", type=int, default=50)
    search.set_defaults(func=cmd_search)


def hit_json(hit: subscribers.SubscriberHit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "name": hit.name,
        "document": hit.document,
        "contracts": [
            {
                "id": c.id,
                "number": c.number,
                "plan": c.plan,
                "status": c.status.value,
                "terminals": list(c.terminals),
                "radius_login": c.radius_login,
            }
            for c in hit.contracts
        ],
    }


def cmd_search(args: argparse.Namespace) -> int:
    db = context.database(args)
    actor = context.operator(args, db)
    hits = subscribers.search(db, actor, args.text, limit=args.limit)
    if args.format == "json":
        context.print_json([hit_json(h) for h in hits])
        return 0
    rows = [
        [
            str(h.id),
            h.name,
            format_document(h.document),
            "; ".join(f"{c.number} {c.plan} ({c.status.value})" for c in h.contracts),
        ]
        for h in hits
    ]
    context.print_table(["ID", "Nome", "CPF/CNPJ", "Contratos"], rows)
    if not hits:
        print("Nenhum assinante encontrado.")
    return 0
