"""``statement calls``: the Extrato de Ligação as table, CSV, JSON or PDF (file or printer)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context, output
from desktop.domain.documents import parse_document
from desktop.domain.enums import CallType
from desktop.domain.vocabulary.words import CALL_TYPES
from desktop.errors import InvalidInput
from desktop.reports.calls import build_calls_pdf
from desktop.reports.common import datetime_br, duration, money, phone
from desktop.services import calls, subscribers

ITEM_FIELDS = ["started_at", "terminal", "destination", "type", "duration_s", "billed_s", "amount"]


def parse_call_type(text: str | None) -> CallType | None:
    if not text:
        return None
    try:
        return CallType(text.strip().lower())
    except ValueError:
        valid = ", ".join(t.value for t in CallType)
        raise InvalidInput(
            "statement_calls.tipo_terminacao_invalido_use", text=text, valid=valid
        ) from None


def item_values(item: calls.CallItem) -> list[Any]:
    return [
        output.iso_time(item.started_at),
        item.terminal,
        item.destination,
        item.call_type.value,
        item.duration_s,
        item.billed_s,
        output.money(item.amount),
    ]


def statement_json(st: calls.CallStatement) -> dict[str, Any]:
    t = st.totals
    return {
        "subscriber": output.subscriber_json(st.subscriber),
        "period": output.period_json(st.period),
        "items": [dict(zip(ITEM_FIELDS, item_values(i), strict=True)) for i in st.items],
        "totals": {
            "count": t.count,
            "duration_s": t.duration_s,
            "billed_s": t.billed_s,
            "amount": output.money(t.amount),
            "by_type": {
                call_type.value: {
                    "count": tt.count,
                    "duration_s": tt.duration_s,
                    "amount": output.money(tt.amount),
                }
                for call_type, tt in t.by_type.items()
            },
        },
    }


def _table(args: argparse.Namespace, st: calls.CallStatement) -> int:
    rows = [
        [
            datetime_br(i.started_at),
            phone(i.terminal),
            phone(i.destination),
            CALL_TYPES[i.call_type],
            duration(i.duration_s),
            duration(i.billed_s),
            money(i.amount),
        ]
        for i in st.items
    ]
    footer = [
        f"{CALL_TYPES[ct]}: {tt.count} ligações, {duration(tt.duration_s)}, {money(tt.amount)}"
        for ct, tt in st.totals.by_type.items()
    ]
    t = st.totals
    footer.append(
        f"Total: {t.count} ligações, {duration(t.duration_s)} "
        f"(tarifado {duration(t.billed_s)}), {money(t.amount)}"
    )
    headers = ["Data/hora", "Terminal", "Número", "Tipo", "Duração", "Tarifado", "Valor"]
    return output.emit_table(args, headers, rows, footer)


def run(args: argparse.Namespace) -> int:
    output.refuse_options(args, "ligações", "status", "year")
    output.check_output(args)
    period = output.period_from_args(args)
    call_type = parse_call_type(args.call_type)
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    flt = calls.CallFilter(subscriber_id, period, args.terminal or None, call_type)
    st = calls.statement(db, actor, flt)
    if output.wants_pdf(args):
        return output.emit_pdf(args, build_calls_pdf(st), f"extrato-ligacoes-{document}")
    if args.format == "json":
        return output.emit_json(args, statement_json(st))
    if args.format == "csv":
        return output.emit_csv(args, ITEM_FIELDS, (item_values(i) for i in st.items))
    return _table(args, st)
