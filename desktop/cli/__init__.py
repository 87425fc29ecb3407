"""The command line: parses, calls services and reports, prints.

One module per command group (``desktop/cli/<group>.py``), each with ``register(subparsers)``;
this keeps every module small as commands are added.  Bad input exits non-zero with a
one-line message in Portuguese and changes nothing (the services raise ``UserError``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import logging.handlers
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli import argparse_pt, context
from desktop.config import data_dir
from desktop.errors import UserError

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
    "kiosk_cmd",
]


def log_to_file() -> None:
    """Warnings go to ``<data dir>/logs/central-assinante.log``, as the app's do, not to the
    person: ``--print NOPRINTER`` used to add an English "WARNING desktop.printing: …" line
    to the Portuguese message (which already says what happened)."""
    root = logging.getLogger()
    path = data_dir() / "logs" / "central-assinante.log"
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:  # a read-only data folder: the log is lost, not the command
        handler = logging.NullHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)


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


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    log_to_file()
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.self_check:
        from desktop.selfcheck import run as run_self_check

        return run_self_check(args)
    if args.command is None:
        from desktop.app import run_counter

        return run_counter(args)
    try:
        result: int = args.func(args)
        return result
    except UserError as exc:
        print(f"erro: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("erro: interrompido pelo usuário; nada foi alterado.", file=sys.stderr)
        return 130
