"""``statement connections``: the Extrato de Conexões as table, CSV, JSON or PDF.

Every run is written to the audit log by the service (viewed, or printed for a PDF), as the
screens do: connection records are confidential (Marco Civil da Internet, Art. 13).
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context, output
from desktop.domain.documents import parse_document
from desktop.domain.vocabulary.words import TERMINATE_CAUSES
from desktop.reports.common import data_size, datetime_br, duration, number
from desktop.reports.connections import build_connections_pdf
from desktop.services import connection_statement, connections, subscribers

ITEM_FIELDS = [
    "login",
    "started_at",
    "stopped_at",
    "duration_s",
    "ip",
    "ipv6_prefix",
    "mac",
    "nas_ip",
    "download_bytes",
    "upload_bytes",
    "terminate_cause",
]


def item_values(item: connections.ConnectionItem) -> list[Any]:
    return [
        item.login,
        output.iso_time(item.started_at),
        output.iso_time(item.stopped_at),
        item.duration_s,
        item.ip,
        item.ipv6_prefix,
        item.mac,
        item.nas_ip,
        item.download_bytes,
        item.upload_bytes,
        item.terminate_cause,
    ]


def statement_json(st: connection_statement.ConnectionStatement) -> dict[str, Any]:
    t = st.totals
    return {
        "subscriber": output.subscriber_json(st.subscriber),
        "period": output.period_json(st.period),
        "items": [dict(zip(ITEM_FIELDS, item_values(i), strict=True)) for i in st.items],
        "totals": {
            "sessions": t.sessions,
            "duration_s": t.duration_s,
            "download_bytes": t.download_bytes,
            "upload_bytes": t.upload_bytes,
        },
    }


def _table(args: argparse.Namespace, st: connection_statement.ConnectionStatement) -> int:
    rows = [
        [
            datetime_br(i.started_at),
            datetime_br(i.stopped_at) if i.stopped_at else "em andamento",
            duration(i.duration_s),
            i.login,
            i.ip or "",
            i.ipv6_prefix or "",
            i.mac or "",
            i.nas_ip,
            data_size(i.download_bytes),
            data_size(i.upload_bytes),
            TERMINATE_CAUSES.get(i.terminate_cause or "", i.terminate_cause or ""),
        ]
        for i in st.items
    ]
    t = st.totals
    footer = [
        f"Sessões: {number(t.sessions)}; tempo conectado: {duration(t.duration_s)}",
        f"Download: {data_size(t.download_bytes)} ({number(t.download_bytes)} bytes); "
        f"upload: {data_size(t.upload_bytes)} ({number(t.upload_bytes)} bytes)",
    ]
    headers = ["Início", "Fim", "Duração", "Login", "IPv4", "Prefixo IPv6", "MAC", "NAS"]
    headers += ["Download", "Upload", "Motivo"]
    return output.emit_table(args, headers, rows, footer)


def run(args: argparse.Namespace) -> int:
    output.refuse_options(args, "conexões", "terminal", "call_type", "status", "year")
    output.check_output(args)
    period = output.period_from_args(args)
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    flt = connections.ConnectionFilter(subscriber_id, period)
    printing = output.wants_pdf(args)
    st = connection_statement.statement(db, actor, flt, printed=printing)
    if printing:
        return output.emit_pdf(args, build_connections_pdf(st), f"extrato-conexoes-{document}")
    if args.format == "json":
        return output.emit_json(args, statement_json(st))
    if args.format == "csv":
        return output.emit_csv(args, ITEM_FIELDS, (item_values(i) for i in st.items))
    return _table(args, st)
