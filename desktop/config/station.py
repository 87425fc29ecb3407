"""``station.ini``: what belongs to this machine (database URL, station name, printers).

Read at start-up by app and cli (desktop.startup); the shared settings of every station live
in the database instead (desktop.config.registry).
"""

from __future__ import annotations

import configparser
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from desktop.config.paths import config_dir, default_database_url


@dataclass(frozen=True)
class StationConfig:
    """What belongs to this machine, not to the provider."""

    database_url: str
    station: str
    printer: str  # empty: the system default printer
    # The 80 mm ESC/POS receipt printer (SPEC §3): "usb:VID:PID", "serial:/dev/ttyS0[:baud]",
    # "tcp://host:9100" or "host:9100", "cups:QUEUE" (a raw queue); empty: receipts go to
    # ``printer`` as A4 PDFs.  Checked when a receipt prints (desktop.adapters.escpos_printer).
    receipt_printer: str = ""
    # ``[database] read_url``: a PostgreSQL read replica for searches and statements
    # (desktop.db_replica); empty: every read on ``database_url``.
    read_url: str = ""


def station_config_path() -> Path:
    return config_dir() / "station.ini"


def load_station_config(database_url: str | None = None) -> StationConfig:
    """Read ``station.ini``; ``--db``/``CENTRAL_DB_URL`` win over the file."""
    parser = configparser.ConfigParser(interpolation=None)  # URLs may hold %-escapes
    parser.read(station_config_path(), encoding="utf-8")
    url = (
        database_url
        or os.environ.get("CENTRAL_DB_URL")
        or parser.get("database", "url", fallback="")
        or default_database_url()
    )
    # The file's replica belongs to the file's primary: another database named by --db or
    # CENTRAL_DB_URL gets a replica only from CENTRAL_DB_READ_URL.
    from_file = url == parser.get("database", "url", fallback="")
    read_url = os.environ.get("CENTRAL_DB_READ_URL", "") or (
        parser.get("database", "read_url", fallback="").strip() if from_file else ""
    )
    station = parser.get("station", "name", fallback="") or socket.gethostname()
    printer = parser.get("station", "printer", fallback="")
    receipt_printer = parser.get("station", "receipt_printer", fallback="").strip()
    return StationConfig(
        database_url=url,
        station=station,
        printer=printer,
        receipt_printer=receipt_printer,
        read_url=read_url,
    )


def save_station_config(config: StationConfig) -> None:
    parser = configparser.ConfigParser(interpolation=None)  # URLs may hold %-escapes
    parser["database"] = {"url": config.database_url}
    if config.read_url:
        parser["database"]["read_url"] = config.read_url
    parser["station"] = {"name": config.station, "printer": config.printer}
    if config.receipt_printer:
        parser["station"]["receipt_printer"] = config.receipt_printer
    with station_config_path().open("w", encoding="utf-8") as fh:
        parser.write(fh)
