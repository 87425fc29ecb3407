"""``boleto RECEIVABLE_ID``: the receivable's boleto as JSON (SPEC §4), PDF or on paper."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.cli import context, output
from desktop.errors import InvalidInput
from desktop.services import boletos


def register(sub: Any) -> None:
    parser = sub.add_parser("boleto", help="segunda via de boleto de uma conta a receber")
    parser.add_argument("receivable_id", type=int, metavar="RECEIVABLE_ID")
    parser.add_argument("--format", default="json", choices=["json", "pdf"])
    parser.add_argument("-o", "--output", metavar="ARQUIVO", help="grava no arquivo")
    parser.add_argument(
        "--print",
        dest="printer",
        nargs="?",
        const="",
        default=None,
        metavar="IMPRESSORA",
        help="imprime (na impressora indicada ou na da estação)",
    )
    parser.set_defaults(func=cmd_boleto)


def boleto_json(info: boletos.BoletoInfo) -> dict[str, Any]:
    return {
        "receivable_id": info.receivable_id,
        "bank": info.bank,
        "nosso_numero": info.nosso_numero,
        "due_date": info.due_date.isoformat(),
        "amount": f"{info.amount:.2f}",
        "barcode": info.barcode,
        "digitable_line": info.digitable_line,
        "pix_payload": info.pix_payload,
    }


def cmd_boleto(args: argparse.Namespace) -> int:
    output.check_output_path(args.output)
    if args.format == "pdf" and not args.output and sys.stdout.isatty():
        raise InvalidInput("boleto_cmd.use_arquivo_gravar_pdf")
    db = context.database(args)
    actor = context.operator(args, db)
    info = boletos.boleto_for_receivable(db, actor, args.receivable_id)
    pdf: bytes | None = None
    if args.format == "pdf" or args.printer is not None:
        from desktop.reports.boleto import document_from_info, render_boleto

        pdf = render_boleto(document_from_info(info))
    if args.printer is not None:
        from desktop.adapters.printing import print_pdf

        assert pdf is not None
        result = print_pdf(pdf, args.printer or None, f"boleto-{info.receivable_id}")
        job = f" (trabalho {result.job_id})" if result.job_id else ""
        print(f"Boleto {info.nosso_numero} enviado para {result.printer}{job}.", file=sys.stderr)
    if args.format == "pdf":
        assert pdf is not None
        if args.output:
            output.write_output(args.output, pdf)
        else:
            sys.stdout.buffer.write(pdf)
            sys.stdout.flush()
        return 0
    if args.output:
        output.write_output(
            args.output, json.dumps(boleto_json(info), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        context.print_json(boleto_json(info))
    return 0
