"""Global options (``--db``, ``--operator``, ``--station``) and what commands build from them."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.config import load_station_config
from desktop.db import Database
from desktop.errors import NotFound
from desktop.services.actors import CounterActor
from desktop.services.auth import actor_for_operator


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


def named_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL, memory or an unreadable URL)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None  # Database() says what is wrong with it
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database).expanduser()


def database(args: argparse.Namespace, *, upgrade: bool = True, create: bool = False) -> Database:
    """Open the database named by ``--db``; migrate it (as the app does on start).

    A SQLite file named by ``--db`` or ``CENTRAL_DB_URL`` must exist: a mistyped path used
    to create a folder and an empty database, and then the command said "Operador não
    cadastrado".  Only ``db upgrade`` and ``demo`` (``create``) make a new one.
    """
    named = getattr(args, "db", None) or os.environ.get("CENTRAL_DB_URL")
    config = load_station_config(getattr(args, "db", None))
    if named and not create:
        path = named_sqlite_file(config.database_url)
        if path is not None and not path.exists():
            raise NotFound(
                f"O banco de dados {path} não existe. Para criá-lo: "
                f"central-assinante --db {config.database_url} db upgrade (ou demo)."
            )
    db = Database(config.database_url)
    if upgrade:
        db.upgrade()
    return db


def station(args: argparse.Namespace) -> str:
    return getattr(args, "station", None) or load_station_config(getattr(args, "db", None)).station


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
