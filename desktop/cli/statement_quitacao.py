"""``statement quitacao``: the Declaração anual de quitação de débitos (SPEC §7) as JSON or PDF.

``--year AAAA`` (a closed year) is required.  A year with an open bill (or an earlier open
bill) is refused: the reason in words on stderr and exit code 2; with ``--format json`` the
refusal is also written as JSON (``"settled": false`` and the open bills) so a script can
read which bills are missing.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import EXIT_USER_ERROR, context, output
from desktop.domain.documents import parse_document
from desktop.errors import InvalidInput
from desktop.reports.quitacao import build_quitacao_pdf
from desktop.services import quitacao, subscribers
from desktop.services.quitacao import QuitacaoItem, QuitacaoRefused


def parse_year(text: str | None) -> int:
    if not text:
        raise InvalidInput("statement_quitacao.informe_ano_declaracao_year")
    if not (text.isdigit() and len(text) == 4):
        raise InvalidInput("statement_quitacao.ano_invalido_use_quatro", text=text)
    return int(text)


def item_json(item: QuitacaoItem) -> dict[str, Any]:
    return {
        "receivable_id": item.receivable_id,
        "description": item.description,
        "due_date": output.iso_date(item.due_date),
        "amount": output.money(item.amount),
        "status": item.status.value,
        "paid_at": output.iso_time(item.paid_at),
        "paid_amount": output.money(item.paid_amount),
        "payment_method": item.payment_method.value if item.payment_method else None,
    }


def declaration_json(q: quitacao.Quitacao) -> dict[str, Any]:
    return {
        "subscriber": output.subscriber_json(q.subscriber),
        "year": q.year,
        "issued_on": output.iso_date(q.issued_on),
        "receivables": [item_json(i) for i in q.items],
        "settled": True,
    }


def run(args: argparse.Namespace) -> int:
    output.refuse_options(
        args, "quitação", "terminal", "call_type", "status", "date_from", "date_to"
    )
    if args.format in ("table", "csv") and args.printer is None:
        if args.format == "csv":
            raise InvalidInput("statement_quitacao.declaracao_quitacao_sai_format")
        args.format = "json"  # the default: what was asked is shown, there is no table
    output.check_output(args)
    year = parse_year(args.year)
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    try:
        q = quitacao.declaration(db, actor, subscriber_id, year)
    except QuitacaoRefused as exc:
        if args.format != "json":
            raise
        ws = subscribers.workspace(db, actor, subscriber_id)
        output.emit_json(
            args,
            {
                "subscriber": output.subscriber_json(ws),
                "year": year,
                "settled": False,
                "reason": exc.message,
                "open_receivables": [item_json(i) for i in exc.open_items],
            },
        )
        print(f"erro: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    if output.wants_pdf(args):
        return output.emit_pdf(args, build_quitacao_pdf(q), f"quitacao-{year}-{document}")
    return output.emit_json(args, declaration_json(q))
