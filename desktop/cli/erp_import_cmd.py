"""``import customers|contracts|receivables FILE [--dry-run] [--format table|json]`` (SPEC §6).

Registered as subcommands of ``import`` (``desktop.cli.imports.ACTIONS``).  The JSON is SPEC
§6's report; the table gives the counts and the first refused and conflicting lines.  Exit
code 1 when some line was refused (it needs a look); conflicts are kept as we have them and
do not change the exit code (a bill settled in a store stays so every night until the ERP
learns of it through ``export events``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import context

HELP = {
    "customers": "clientes do ERP (CSV ou JSON Lines)",
    "contracts": "contratos do ERP (CSV ou JSON Lines)",
    "receivables": "contas a receber do ERP (CSV ou JSON Lines)",
}


def register_erp(import_sub: Any) -> None:
    for kind, words in HELP.items():
        parser = import_sub.add_parser(
            kind,
            help=words,
            description=(
                f"Importa {words}: CSV com cabeçalho (UTF-8 ou Windows-1252, ';' ou ',') ou "
                "JSON Lines, casando as linhas pelo external_id. Importar o mesmo arquivo de "
                "novo não muda nada. Importe na ordem: customers, contracts, receivables."
            ),
        )
        parser.add_argument("file", metavar="ARQUIVO", help="o arquivo exportado do ERP")
        parser.add_argument(
            "--dry-run", action="store_true", help="só mostra o que seria feito, sem gravar nada"
        )
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.set_defaults(func=cmd_erp, erp_kind=kind)


def cmd_erp(args: argparse.Namespace) -> int:
    from desktop.cli.imports import SHOWN_PROBLEMS, _progress_bar, _show
    from desktop.services import erp_import

    db = context.database(args)
    actor = context.operator(args, db)
    with _progress_bar(Path(args.file)) as progress:
        report = erp_import.import_file(
            db, actor, args.erp_kind, args.file, dry_run=args.dry_run, progress=progress
        )
    if args.format == "json":
        context.print_json(erp_import.report_json(report))
    else:
        note = " (simulação: nada foi gravado)" if report.dry_run else ""
        print(f"Arquivo: {report.file} — {erp_import.KIND_WORDS[report.kind]}{note}")
        print(f"Linhas lidas:  {report.read}")
        print(f"Criados:       {report.created}")
        print(f"Atualizados:   {report.updated}")
        print(f"Sem mudança:   {report.unchanged}")
        print(f"Recusados:     {len(report.rejected)}")
        print(f"Conflitos:     {len(report.conflicts)}")
        for title, problems in (("Recusados", report.rejected), ("Conflitos", report.conflicts)):
            shown = [f"linha {p.line}: {p.reason}" for p in problems[:SHOWN_PROBLEMS]]
            _show(title, shown, len(problems))
        for warning in report.warnings:
            print(f"Aviso: {warning}")
    return 1 if report.rejected else 0
