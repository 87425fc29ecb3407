"""``export events``: what the stores did, as JSON Lines for the provider's ERP (SPEC §6)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.cli import context
from desktop.errors import InvalidInput
from desktop.services import events


def register(sub: Any) -> None:
    parser = sub.add_parser("export", help="exporta para o ERP o que as lojas fizeram")
    kinds = parser.add_subparsers(dest="export_command", metavar="O_QUÊ", required=True)
    cmd = kinds.add_parser(
        "events",
        help="eventos em JSON Lines, em ordem; continue do último 'cursor' lido com --after",
    )
    cmd.add_argument("--after", metavar="CURSOR", default="", help="cursor do último evento lido")
    cmd.add_argument(
        "--limit", metavar="N", default="1000", help="no máximo N eventos (padrão 1000)"
    )
    cmd.set_defaults(func=cmd_events)


def cmd_events(args: argparse.Namespace) -> int:
    after = events.parse_cursor(args.after)
    if not args.limit.isascii() or not args.limit.isdigit():
        raise InvalidInput("events_cmd.limite_invalido", limit=args.limit)
    db = context.database(args)
    actor = context.operator(args, db)
    for item in events.export(db, actor, after=after, limit=int(args.limit)):
        sys.stdout.write(json.dumps(item.as_json(), ensure_ascii=False) + "\n")
    return 0
