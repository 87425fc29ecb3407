"""``statement calls|connections|financial|quitacao``: one parser, one handler per kind.

Handlers live in their own modules (``statement_<kind>.py``) and are looked up lazily, so
each statement stays small and the domain code is only imported when used.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

KINDS = {
    "calls": "desktop.cli.statement_calls",
    "connections": "desktop.cli.statement_connections",
    "financial": "desktop.cli.statement_financial",
    "quitacao": "desktop.cli.statement_quitacao",
}


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "statement",
        help="extratos de ligações, conexões e financeiro; declaração anual de quitação",
    )
    parser.add_argument("kind", choices=list(KINDS), help="tipo de extrato")
    parser.add_argument("--subscriber", required=True, metavar="CPF_CNPJ")
    parser.add_argument("--from", dest="date_from", metavar="AAAA-MM-DD")
    parser.add_argument("--to", dest="date_to", metavar="AAAA-MM-DD")
    parser.add_argument("--terminal", metavar="N", help="terminal de voz (extrato de ligações)")
    parser.add_argument(
        "--type", dest="call_type", metavar="T", help="tipo de terminação (extrato de ligações)"
    )
    parser.add_argument(
        "--status", metavar="S", help="situação: aberto, baixado, cancelado (extrato financeiro)"
    )
    parser.add_argument("--year", metavar="AAAA", help="ano da declaração de quitação (quitacao)")
    parser.add_argument("--format", default="table", choices=["table", "csv", "json", "pdf"])
    parser.add_argument("-o", "--output", metavar="ARQUIVO")
    parser.add_argument(
        "--print",
        dest="printer",
        nargs="?",
        const="",
        default=None,
        metavar="IMPRESSORA",
        help="imprime (na impressora indicada ou na da estação)",
    )
    parser.set_defaults(func=cmd_statement)


def cmd_statement(args: argparse.Namespace) -> int:
    handler = importlib.import_module(KINDS[args.kind])
    result: int = handler.run(args)
    return result
