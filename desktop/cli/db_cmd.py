"""``db upgrade``: create or migrate the schema."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context


def register(sub: Any) -> None:
    db_parser = sub.add_parser("db", help="esquema do banco de dados")
    db_sub = db_parser.add_subparsers(dest="db_command", metavar="AÇÃO", required=True)
    upgrade = db_sub.add_parser("upgrade", help="cria ou atualiza o esquema")
    upgrade.set_defaults(func=cmd_upgrade)


def cmd_upgrade(args: argparse.Namespace) -> int:
    db = context.database(args, upgrade=False, create=True)
    revision = db.upgrade()
    print(f"Banco de dados atualizado (revisão {revision}).")
    return 0
