"""``settings list | get KEY | set KEY VALUE`` (SPEC §6): the Painel de Configurações on the
command line — administrators only, the same typed registry and validation
(``desktop.config``), secrets masked, every change audited as the Painel does
(``settings.change``)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "settings",
        help="configurações do provedor (as do Painel de Configurações)",
        description="Lista, mostra e altera as configurações do provedor (administrador).",
    )
    actions = parser.add_subparsers(dest="settings_command", metavar="AÇÃO", required=True)
    listing = actions.add_parser("list", help="todas as configurações")
    listing.add_argument("--prefix", default="", help="só as chaves que começam assim (ex.: pix.)")
    listing.add_argument("--format", choices=["table", "json"], default="table")
    listing.set_defaults(func=cmd_list)
    get = actions.add_parser("get", help="uma configuração")
    get.add_argument("key", metavar="CHAVE")
    get.add_argument("--format", choices=["table", "json"], default="table")
    get.set_defaults(func=cmd_get)
    put = actions.add_parser("set", help="altera uma configuração (validada e auditada)")
    put.add_argument("key", metavar="CHAVE")
    put.add_argument("value", metavar="VALOR", help="o novo valor ('' para esvaziar)")
    put.set_defaults(func=cmd_set)


def _json(view: Any) -> dict[str, Any]:
    return {
        "key": view.key,
        "value": view.text,
        "group": view.group,
        "label": view.label,
        "type": view.kind,
        "secret": view.secret,
    }


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.services import settings

    db = context.database(args)
    views = [
        v for v in settings.panel(db, context.operator(args, db)) if v.key.startswith(args.prefix)
    ]
    if args.format == "json":
        context.print_json([_json(v) for v in views])
    else:
        context.print_table(
            ["Chave", "Valor", "Descrição"], [[v.key, v.text, v.label] for v in views]
        )
    return 0


def cmd_get(args: argparse.Namespace) -> int:
    from desktop.services import settings

    db = context.database(args)
    view = settings.view(db, context.operator(args, db), args.key)
    if args.format == "json":
        context.print_json(_json(view))
    else:
        print(view.text)
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    from desktop.services import settings

    db = context.database(args)
    actor = context.operator(args, db)
    settings.change(db, actor, args.key, args.value)
    shown = settings.view(db, actor, args.key).text
    print(f"{args.key} = {shown}")
    return 0
