"""What both the app and the command line need first: the log file, the database, the station.

``app`` (the GUI) and ``cli`` both start here, so neither imports the other: the entry point
(:mod:`desktop.main`) picks one of them after parsing the command line.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.config.paths import data_dir
from desktop.config.station import load_station_config
from desktop.db import Database
from desktop.errors import NotFound


def log_to_file() -> None:
    """Warnings and bugs go to ``<data dir>/logs/central-assinante.log`` (rotated), not to
    the person: ``--print NOPRINTER`` used to add an English "WARNING desktop.adapters.printing: …"
    line to the Portuguese message (which already says what happened)."""
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


def open_database(
    args: argparse.Namespace, *, upgrade: bool = True, create: bool = False
) -> Database:
    """Open the database named by ``--db`` / ``CENTRAL_DB_URL`` / station.ini; migrate it.

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
                "startup.banco_dados_nao_existe", path=path, database_url=config.database_url
            )
    db = Database(config.database_url, read_url=config.read_url)
    if upgrade:
        db.upgrade()
    return db


def station(args: argparse.Namespace) -> str:
    """This station's name: ``--station``, station.ini or the hostname."""
    return getattr(args, "station", None) or load_station_config(getattr(args, "db", None)).station
