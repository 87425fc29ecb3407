"""``statement financial``: the Extrato Financeiro as table, CSV, JSON or PDF (file or printer).

Without ``--from``/``--to`` the whole history is listed (receivables are few per subscriber
and an open bill from long ago still matters); with them, the period is on the due date.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from desktop.cli import context, output
from desktop.domain.clock import today_local
from desktop.domain.documents import parse_document
from desktop.domain.enums import ReceivableStatus
from desktop.domain.periods import Period
from desktop.errors import InvalidInput
from desktop.reports.common import money as money_br
from desktop.reports.financial import build_financial_pdf
from desktop.services import company, financial, subscribers

# ``--status`` takes the codes themselves (the JSON and the table print them too, as codes):
# no word table of its own; the words are in desktop.domain.vocabulary.words.
STATUS_WORDS = {status.value: status for status in ReceivableStatus}
ITEM_FIELDS = [
    "receivable_id",
    "description",
    "due_date",
    "amount",
    "status",
    "paid_at",
    "paid_amount",
    "payment_method",
    "fine",
    "interest",
    "updated_amount",
]


def parse_status(text: str | None) -> ReceivableStatus | None:
    if not text:
        return None
    if text not in STATUS_WORDS:
        raise InvalidInput("statement_financial.situacao_invalida_use_aberto", text=text)
    return STATUS_WORDS[text]


def parse_period(args: argparse.Namespace) -> Period | None:
    if not (args.date_from or args.date_to):
        return None
    return output.period_from_args(args)


def item_values(item: financial.FinancialItem) -> list[Any]:
    return [
        item.receivable_id,
        item.description,
        output.iso_date(item.due_date),
        output.money(item.amount),
        item.status.value,
        output.iso_time(item.paid_at),
        output.money(item.paid_amount),
        item.payment_method.value if item.payment_method else None,
        output.money(item.fine),
        output.money(item.interest),
        output.money(item.updated_amount),
    ]


def total_json(total: financial.StatusTotal) -> dict[str, Any]:
    return {
        "count": total.count,
        "amount": output.money(total.amount),
        "paid_amount": output.money(total.paid_amount),
        "fine": output.money(total.fine),
        "interest": output.money(total.interest),
        "updated_amount": output.money(total.updated_amount),
    }


def statement_json(
    ws: subscribers.SubscriberWorkspace,
    flt: financial.FinancialFilter,
    items: list[financial.FinancialItem],
    totals: financial.FinancialTotals,
) -> dict[str, Any]:
    return {
        "subscriber": output.subscriber_json(ws),
        "period": output.period_json(flt.period),
        "items": [dict(zip(ITEM_FIELDS, item_values(i), strict=True)) for i in items],
        "totals": {
            **{status.value: total_json(t) for status, t in totals.by_status.items()},
            "overall": total_json(totals.overall),
        },
    }


def _table(
    args: argparse.Namespace,
    items: list[financial.FinancialItem],
    totals: financial.FinancialTotals,
) -> int:
    rows = [
        [
            f"{i.due_date:%d/%m/%Y}",
            i.description,
            money_br(i.amount),
            i.status.value + (f" ({i.overdue_days} dias)" if i.overdue_days else ""),
            money_br(i.updated_amount),
        ]
        for i in items
    ]
    footer = [
        f"{status.value}: {t.count} itens, {money_br(t.amount)} (atualizado {money_br(t.updated_amount)})"
        for status, t in totals.by_status.items()
    ]
    return output.emit_table(
        args, ["Vencimento", "Descrição", "Valor", "Situação", "Atualizado"], rows, footer
    )


def run(args: argparse.Namespace) -> int:
    output.refuse_options(args, "financeiro", "terminal", "call_type", "year")
    output.check_output(args)
    status = parse_status(args.status)
    period = parse_period(args)
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    flt = financial.FinancialFilter(subscriber_id, status, period)
    ws = subscribers.workspace(db, actor, subscriber_id)
    today = today_local()
    items, totals = financial.statement(db, actor, flt, today=today)
    if output.wants_pdf(args):
        pdf = build_financial_pdf(
            ws,
            flt,
            items,
            totals,
            company=company.load(db),
            generated_at=dt.datetime.now(dt.UTC),
            as_of=today,
        )
        return output.emit_pdf(args, pdf, f"extrato-financeiro-{document}")
    if args.format == "json":
        return output.emit_json(args, statement_json(ws, flt, items, totals))
    if args.format == "csv":
        return output.emit_csv(args, ITEM_FIELDS, (item_values(i) for i in items))
    return _table(args, items, totals)
