"""``invoice list|xml|pdf|email``: the subscriber's NFCom (SPEC §1.4, §4).

* ``invoice list --subscriber CPF_CNPJ [--format table|json]``: newest first; JSON is a list
  of ``{"id", "number", "series", "model", "issued_at", "amount", "status", "access_key"}``.
* ``invoice xml INVOICE_ID [-o FILE]``: the authorized XML (stdout without ``-o``).
* ``invoice pdf INVOICE_ID [-o FILE] [--print [PRINTER]]``: the DANFE-COM.
* ``invoice email INVOICE_ID``: the XML to the subscriber's registered e-mail.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli import context, output
from desktop.domain.clock import to_local
from desktop.domain.documents import parse_document
from desktop.domain.fiscal.access_key import format_key
from desktop.errors import InvalidInput
from desktop.services import invoices, settings, subscribers

PAGE = 500


def register(sub: Any) -> None:
    parser = sub.add_parser("invoice", help="notas fiscais (NFCom) do assinante")
    actions = parser.add_subparsers(dest="invoice_command", metavar="AÇÃO", required=True)

    listing = actions.add_parser("list", help="lista as notas fiscais do assinante")
    listing.add_argument("--subscriber", required=True, metavar="CPF_CNPJ")
    listing.add_argument("--format", default="table", choices=["table", "json"])
    listing.set_defaults(func=cmd_list)

    xml = actions.add_parser("xml", help="o XML autorizado da nota")
    xml.add_argument("invoice_id", type=int, metavar="INVOICE_ID")
    xml.add_argument("-o", "--output", metavar="ARQUIVO", help="grava no arquivo")
    xml.set_defaults(func=cmd_xml)

    pdf = actions.add_parser("pdf", help="o DANFE-COM da nota em PDF")
    pdf.add_argument("invoice_id", type=int, metavar="INVOICE_ID")
    pdf.add_argument("-o", "--output", metavar="ARQUIVO", help="grava no arquivo")
    pdf.add_argument(
        "--print",
        dest="printer",
        nargs="?",
        const="",
        default=None,
        metavar="IMPRESSORA",
        help="imprime (na impressora indicada ou na da estação)",
    )
    pdf.set_defaults(func=cmd_pdf)

    email = actions.add_parser("email", help="envia o XML ao e-mail cadastrado do assinante")
    email.add_argument("invoice_id", type=int, metavar="INVOICE_ID")
    email.set_defaults(func=cmd_email)


def item_json(item: invoices.InvoiceItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "number": item.number,
        "series": item.series,
        "model": item.model,
        "issued_at": to_local(item.issued_at).isoformat(),
        "amount": f"{item.amount:.2f}",
        "status": item.status.value,
        "access_key": item.access_key,
        "environment": item.environment,  # tpAmb: "2" = homologação, sem valor fiscal
        "fiscal_value": item.has_fiscal_value,
    }


def cmd_list(args: argparse.Namespace) -> int:
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    items: list[invoices.InvoiceItem] = []
    while True:  # keyset pages until the end
        after = items[-1].sort_key if items else None
        page = invoices.list_invoices(db, actor, subscriber_id, after=after, limit=PAGE)
        items.extend(page)
        if len(page) < PAGE:
            break
    if args.format == "json":
        context.print_json([item_json(i) for i in items])
        return 0
    rows = [
        [
            str(i.id),
            i.number,
            i.series,
            i.model,
            f"{to_local(i.issued_at):%d/%m/%Y %H:%M}",
            f"{i.amount:.2f}".replace(".", ","),
            i.status.value if i.has_fiscal_value else f"{i.status.value} (sem valor fiscal)",
            format_key(i.access_key),
        ]
        for i in items
    ]
    context.print_table(
        ["Id", "Número", "Série", "Modelo", "Emissão", "Valor", "Situação", "Chave de acesso"],
        rows,
    )
    if not items:
        print("Nenhuma nota fiscal para este assinante.")
    return 0


def cmd_xml(args: argparse.Namespace) -> int:
    output.check_output_path(args.output)
    db = context.database(args)
    actor = context.operator(args, db)
    _name, data = invoices.invoice_xml(db, actor, args.invoice_id)
    if args.output:
        output.write_output(args.output, data)
        print(f"XML gravado em {args.output}.", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _logo(db: Any) -> bytes | None:
    path = str(settings.read(db, "company.logo_path") or "").strip()
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError:
        print(f"aviso: logotipo {path} não encontrado; o DANFE sai sem ele.", file=sys.stderr)
        return None


def cmd_pdf(args: argparse.Namespace) -> int:
    if not args.output and args.printer is None and sys.stdout.isatty():
        raise InvalidInput("invoices_cmd.use_arquivo_print_impressora")
    output.check_output_path(args.output)
    db = context.database(args)
    actor = context.operator(args, db)
    info = invoices.invoice_info(db, actor, args.invoice_id)
    from desktop.reports.danfe_com import render_danfe_com

    pdf = render_danfe_com(info, _logo(db))
    if args.output:
        output.write_output(args.output, pdf)
        print(f"PDF gravado em {args.output}.", file=sys.stderr)
    elif args.printer is None:
        sys.stdout.buffer.write(pdf)
        sys.stdout.flush()
    if args.printer is not None:
        from desktop.adapters.printing import print_pdf  # lazily: only printing needs it

        result = print_pdf(pdf, args.printer or None, f"danfe-com-{info.number}-{info.series}")
        job = f" (trabalho {result.job_id})" if result.job_id else ""
        print(f"DANFE-COM nº {info.number} enviado para {result.printer}{job}.", file=sys.stderr)
    return 0


def cmd_email(args: argparse.Namespace) -> int:
    db = context.database(args)
    actor = context.operator(args, db)
    address = invoices.email_invoice_xml(db, actor, args.invoice_id)
    print(f"XML da nota enviado para {address}.")
    return 0
