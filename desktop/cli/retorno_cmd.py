"""``import retorno FILE... [--dry-run] [--format table|json]``: the banks' return files.

Registered as a subcommand of ``import`` (``desktop.cli.imports.ACTIONS``).  The JSON is SPEC
§6's report per file — one object for one file, a list for several — with ``error`` and
``errors`` saying why a file or a line was not used.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context
from desktop.domain.vocabulary import words

RESULT_WORDS = words.RETORNO_RESULTS


def register_retorno(import_sub: Any) -> None:
    parser = import_sub.add_parser(
        "retorno",
        help="arquivos de retorno do banco (CNAB 240/400)",
        description=(
            "Lê arquivos de retorno de cobrança (CNAB 240 ou 400 de Banco do Brasil, Itaú, "
            "Bradesco, Caixa, Santander, Sicoob e Sicredi; layout e banco vêm do arquivo): "
            "liquidações baixam as contas, as demais ocorrências ficam registradas nelas. "
            "Importar o mesmo arquivo de novo não baixa nada duas vezes."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="ARQUIVO", help="arquivo de retorno")
    parser.add_argument(
        "--dry-run", action="store_true", help="só mostra o que seria feito, sem gravar nada"
    )
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.set_defaults(func=cmd_retorno)


def _money(value: Any) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def cmd_retorno(args: argparse.Namespace) -> int:
    from desktop.services import retorno

    db = context.database(args)
    reports = retorno.import_files(db, context.operator(args, db), args.files, dry_run=args.dry_run)
    if args.format == "json":
        payload = [retorno.report_json(r) for r in reports]
        context.print_json(payload[0] if len(payload) == 1 else payload)
    else:
        for report in reports:
            _print_table(report, args.dry_run)
    # 1: a file or a line needs a look (an entry already settled is not a problem).
    needs_look = any(r.error or any(e.result == "rejected" for e in r.entries) for r in reports)
    return 1 if needs_look else 0


def _print_table(report: Any, dry_run: bool) -> None:
    from desktop.domain.banks import bank_name

    print(f"Arquivo: {report.file}")
    if report.error:
        print(f"  erro: {report.error}\n")
        return
    layout = "CNAB 240" if report.layout == "cnab240" else "CNAB 400"
    note = " (simulação: nada foi gravado)" if dry_run else ""
    print(f"{layout}, banco {report.bank} ({bank_name(report.bank)}){note}")
    rows = [
        [
            str(e.line),
            e.nosso_numero or "",
            f"{e.occurrence or ''} {e.occurrence_text or ''}".strip()[:48],
            _money(e.paid_amount),
            _money(e.fee),
            e.paid_on.strftime("%d/%m/%Y") if e.paid_on else "",
            str(e.receivable_id or ""),
            RESULT_WORDS.get(e.result, e.result),
        ]
        for e in report.entries
    ]
    context.print_table(
        ["Linha", "Nosso número", "Ocorrência", "Pago", "Tarifa", "Pago em", "Conta", "Resultado"],
        rows,
    )
    print(
        f"Baixados: {len(report.settled)}  Valor: {_money(report.settled_amount)}  "
        f"Tarifas: {_money(report.settled_fees)}  Não encontrados: {len(report.unmatched)}"
    )
    for problem in report.problems:
        print(f"  linha {problem.line}: {problem.reason}")
    print()
