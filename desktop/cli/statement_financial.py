"""``statement financial``: the Extrato Financeiro as table, CSV, JSON or PDF."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from decimal import Decimal
from typing import Any

from desktop.cli import context
from desktop.errors import InvalidInput
from desktop.models.enums import ReceivableStatus
from desktop.services import financial, subscribers
from desktop.services.documents import parse_document
from desktop.services.periods import Period, parse_date

STATUS_WORDS = {"aberto": ReceivableStatus.OPEN, "baixado": ReceivableStatus.PAID, "cancelado": ReceivableStatus.CANCELLED}


def money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def iso(value: dt.datetime | dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def parse_filter(args: argparse.Namespace, subscriber_id: int) -> financial.FinancialFilter:
    status = None
    if args.status:
        if args.status not in STATUS_WORDS:
            raise InvalidInput(f"Situação inválida: {args.status!r} (use aberto, baixado ou cancelado).")
        status = STATUS_WORDS[args.status]
    period = None
    if args.date_from or args.date_to:
        start = parse_date(args.date_from, "data inicial") if args.date_from else dt.date(1900, 1, 1)
        end = parse_date(args.date_to, "data final") if args.date_to else dt.date(2999, 12, 31)
        period = Period(start, end)
    return financial.FinancialFilter(subscriber_id, status, period)


def item_json(item: financial.FinancialItem) -> dict[str, Any]:
    return {
        "receivable_id": item.receivable_id,
        "description": item.description,
        "due_date": iso(item.due_date),
        "amount": money(item.amount),
        "status": item.status.value,
        "paid_at": iso(item.paid_at),
        "paid_amount": money(item.paid_amount),
        "payment_method": item.payment_method.value if item.payment_method else None,
        "fine": money(item.fine),
        "interest": money(item.interest),
        "updated_amount": money(item.updated_amount),
    }


def total_json(total: financial.StatusTotal) -> dict[str, Any]:
    return {
        "count": total.count,
        "amount": money(total.amount),
        "paid_amount": money(total.paid_amount),
        "fine": money(total.fine),
        "interest": money(total.interest),
        "updated_amount": money(total.updated_amount),
    }


def run(args: argparse.Namespace) -> int:
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    flt = parse_filter(args, subscriber_id)
    ws = subscribers.workspace(db, actor, subscriber_id)
    items, totals = financial.statement(db, actor, flt)
    if args.format == "json":
        context.print_json(
            {
                "subscriber": {"id": ws.id, "name": ws.name, "document": ws.document},
                "period": {
                    "from": iso(flt.period.start) if flt.period else None,
                    "to": iso(flt.period.end) if flt.period else None,
                },
                "items": [item_json(i) for i in items],
                "totals": {
                    **{status.value: total_json(t) for status, t in totals.by_status.items()},
                    "overall": total_json(totals.overall),
                },
            }
        )
        return 0
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(list(item_json(items[0]).keys()) if items else ["receivable_id"])
        for item in items:
            writer.writerow(["" if v is None else v for v in item_json(item).values()])
        return 0
    if args.format == "pdf" or args.printer is not None:
        from desktop.cli.statement_output import emit_pdf
        from desktop.reports.financial import build_financial_pdf

        pdf = build_financial_pdf(ws, flt, items, totals)
        return emit_pdf(args, pdf, f"extrato-financeiro-{ws.document}")
    rows = [
        [
            f"{i.due_date:%d/%m/%Y}",
            i.description,
            money(i.amount) or "",
            i.status.value + (f" ({i.overdue_days} dias)" if i.overdue_days else ""),
            money(i.updated_amount) or "",
        ]
        for i in items
    ]
    context.print_table(["Vencimento", "Descrição", "Valor", "Situação", "Atualizado"], rows)
    for status, total in totals.by_status.items():
        print(f"{status.value}: {total.count} itens, {money(total.amount)} (atualizado {money(total.updated_amount)})")
    return 0
