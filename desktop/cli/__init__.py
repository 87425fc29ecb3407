"""The command line: parses, calls services and reports, prints.

One module per command group (``desktop/cli/<group>.py``), each with ``register(subparsers)``;
this keeps every module small as commands are added.  Bad input exits non-zero with a
one-line message in Portuguese and changes nothing (the services raise ``UserError``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli import argparse_pt, context
from desktop.errors import UserError
from desktop.startup import log_to_file

EXIT_USER_ERROR = 2

# Command groups (modules of desktop.cli), in the order ``--help`` shows them; each has
# ``register(subparsers)``.  Add a command group by adding its module name here.
COMMAND_MODULES = [
    "db_cmd",
    "demo_cmd",
    "users",
    "subscribers_cmd",
    "imports",
    "statements",
    "boleto_cmd",
    "invoices_cmd",
    "printers_cmd",
    "cards_cmd",
    "payments_cmd",
    "pix_cmd",
    "sms_cmd",
    "tickets_cmd",
    "enable_cmd",
    "jobs_cmd",
    "events_cmd",
    "settings_cmd",
    "kiosk_cmd",
]


def build_parser() -> argparse.ArgumentParser:
    argparse_pt.install()  # before the parser is built: its help texts are taken then
    parser = argparse.ArgumentParser(
        prog="central-assinante",
        description="Central do Assinante: balcão, quiosque e retaguarda.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="mostra a versão do programa e sai",
    )
    parser.add_argument(
        "--self-check", action="store_true", help="verifica esta instalação e sai (0: tudo certo)"
    )
    context.add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMANDO")
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.cli.{name}").register(sub)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    log_to_file()
    return build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))


def gui_mode(args: argparse.Namespace) -> str | None:
    """``"counter"`` (no command), ``"kiosk"``, or None for a command of this module."""
    if args.self_check:
        return None
    if args.command is None:
        return "counter"
    gui: str | None = getattr(args, "gui", None)
    return gui


def run(args: argparse.Namespace) -> int:
    """Run a parsed command (not a GUI mode: :mod:`desktop.main` starts those)."""
    if args.self_check:
        from desktop.selfcheck import run as run_self_check

        return run_self_check(args)
    try:
        result: int = args.func(args)
        return result
    except UserError as exc:
        print(f"erro: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("erro: interrompido pelo usuário; nada foi alterado.", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    """The commands alone (scripts and tests); ``central-assinante`` is :func:`desktop.main.main`."""
    args = parse(argv)
    if gui_mode(args) is not None:
        print(
            "erro: as janelas do balcão e do quiosque abrem pelo comando central-assinante.",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    return run(args)
