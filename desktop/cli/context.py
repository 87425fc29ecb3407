"""Global options (``--db``, ``--operator``, ``--station``) and what commands build from them."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from desktop import startup
from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.services.auth import actor_for_operator

# What every command opens first; the GUI uses the same functions (desktop.startup).
database = startup.open_database
station = startup.station
named_sqlite_file = startup.named_sqlite_file


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", help="banco de dados (padrão: CENTRAL_DB_URL ou o SQLite local)"
    )
    parser.add_argument(
        "--operator", metavar="LOGIN", help="operador da retaguarda (padrão: o usuário do sistema)"
    )
    parser.add_argument(
        "--station", metavar="NOME", help="nome desta estação (padrão: station.ini ou o hostname)"
    )


def operator(args: argparse.Namespace, db: Database) -> CounterActor:
    login = getattr(args, "operator", None) or getpass.getuser()
    return actor_for_operator(db, login, station(args))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """Plain aligned text table for terminals (and for grep)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
