"""``printers``: the printers this station can use, the default marked."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.adapters import printing
from desktop.cli import context
from desktop.config.station import load_station_config


def register(sub: Any) -> None:
    cmd = sub.add_parser("printers", help="lista as impressoras desta estação")
    cmd.add_argument("--format", choices=["table", "json"], default="table")
    cmd.set_defaults(func=cmd_printers)


def cmd_printers(args: argparse.Namespace) -> int:
    printers = printing.list_printers()
    station_printer = load_station_config(getattr(args, "db", None)).printer
    if args.format == "json":
        context.print_json(
            {
                "station_printer": station_printer or None,
                "printers": [
                    {
                        "name": p.name,
                        "default": p.is_default,
                        "state": p.state,
                        "accepting": p.accepting,
                        "reason": p.reason,
                    }
                    for p in printers
                ],
            }
        )
        return 0
    if not printers:
        print("Nenhuma impressora instalada.")
    else:
        rows = [
            [
                "*" if p.is_default else "",
                p.name,
                printing.STATE_LABELS.get(p.state, p.state),
                "sim" if p.accepting else "não",
                p.reason,
            ]
            for p in printers
        ]
        context.print_table(["Padrão", "Impressora", "Estado", "Aceita trabalhos", "Motivo"], rows)
    if station_printer:
        print(f"\nImpressora desta estação (station.ini): {station_printer}")
    else:
        print("\nEsta estação usa a impressora padrão do sistema.")
    return 0
