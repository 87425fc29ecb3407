"""``ticket list`` and ``ticket open``: the Atendimentos of a subscriber."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from desktop.cli import context
from desktop.domain.clock import to_local
from desktop.domain.documents import parse_document
from desktop.domain.enums import TicketStatus
from desktop.domain.periods import Period, parse_date
from desktop.domain.vocabulary import words
from desktop.errors import InvalidInput
from desktop.services import subscribers, ticket_search, tickets

STATUS_CHOICES = {
    "aberto": TicketStatus.OPEN,
    "em_andamento": TicketStatus.IN_PROGRESS,
    "em andamento": TicketStatus.IN_PROGRESS,
    "encerrado": TicketStatus.CLOSED,
}
FIELDS = ("protocolo", "descricao", "tipo")


def register(sub: Any) -> None:
    parser = sub.add_parser("ticket", help="atendimentos (protocolos ANATEL)")
    actions = parser.add_subparsers(dest="ticket_command", metavar="AÇÃO", required=True)
    listing = actions.add_parser("list", help="lista os atendimentos de um assinante")
    listing.add_argument("--subscriber", required=True, metavar="CPF_CNPJ")
    listing.add_argument("--field", choices=FIELDS, help="campo da busca por texto")
    listing.add_argument("--text", metavar="T", help="texto procurado (protocolo ou descrição)")
    listing.add_argument("--from", dest="date_from", metavar="AAAA-MM-DD")
    listing.add_argument("--to", dest="date_to", metavar="AAAA-MM-DD")
    listing.add_argument("--status", metavar="S", help="aberto, em_andamento ou encerrado")
    who = listing.add_mutually_exclusive_group()
    who.add_argument(
        "--contact", metavar="NOME", help="atendimentos cujo primeiro contato é esta pessoa"
    )
    who.add_argument(
        "--all-contacts",
        action="store_true",
        help="todos os atendimentos do assinante (com ou sem contato)",
    )
    listing.add_argument("--format", default="table", choices=["table", "json"])
    listing.set_defaults(func=cmd_list)
    opening = actions.add_parser("open", help="abre um atendimento com protocolo")
    opening.add_argument("--subscriber", required=True, metavar="CPF_CNPJ")
    opening.add_argument("--type", required=True, metavar="T", help="; ".join(words.TICKET_TYPES))
    opening.add_argument("--description", required=True, metavar="TEXTO")
    opening.add_argument("--contact", metavar="NOME")
    opening.add_argument("--format", default="json", choices=["table", "json"])
    opening.set_defaults(func=cmd_open)


def iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def item_json(item: tickets.TicketItem) -> dict[str, Any]:
    return {
        "protocol": item.protocol,
        "type": item.type,
        "description": item.description,
        "status": item.status.value,
        "opened_at": iso(item.opened_at),
        "closed_at": iso(item.closed_at),
        "contacts": list(item.contacts),
    }


def _filter(
    args: argparse.Namespace, db: Any, actor: Any, subscriber_id: int
) -> ticket_search.TicketFilter:
    if args.field and not args.text:
        raise InvalidInput("tickets_cmd.informe_text_field")
    status = None
    if args.status:
        status = STATUS_CHOICES.get(args.status.strip().lower())
        if status is None:
            raise InvalidInput("tickets_cmd.status_invalido_use_aberto", status=args.status)
    period = None
    if args.date_from or args.date_to:
        start = (
            parse_date(args.date_from, "data inicial") if args.date_from else dt.date(1900, 1, 1)
        )
        end = parse_date(args.date_to, "data final") if args.date_to else dt.date(2999, 12, 31)
        period = Period(start, end)
    contact_id = (
        ticket_search.find_contact(db, actor, subscriber_id, args.contact) if args.contact else None
    )
    return ticket_search.TicketFilter(
        subscriber_id,
        field=args.field,
        text=args.text or "",
        period=period,
        status=status,
        contact_id=contact_id,
        all_contacts=bool(args.all_contacts),
    )


def _print_items(items: list[tickets.TicketItem]) -> None:
    rows = [
        [
            i.protocol,
            f"{to_local(i.opened_at):%d/%m/%Y %H:%M}",
            i.type,
            words.TICKET_STATUSES[i.status],
            ", ".join(i.contacts),
            i.description if len(i.description) <= 60 else i.description[:59] + "…",
        ]
        for i in items
    ]
    context.print_table(["Protocolo", "Aberto em", "Tipo", "Status", "Contatos", "Descrição"], rows)


def cmd_list(args: argparse.Namespace) -> int:
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    flt = _filter(args, db, actor, subscriber_id)
    items: list[tickets.TicketItem] = []
    after = None
    while True:  # keyset pages until the subscriber's list is exhausted
        chunk = ticket_search.page(db, actor, flt, after=after, limit=200)
        items.extend(chunk)
        if len(chunk) < 200:
            break
        after = chunk[-1].sort_key
    if args.format == "json":
        ws = subscribers.workspace(db, actor, subscriber_id)
        context.print_json(
            {
                "subscriber": {"id": ws.id, "name": ws.name, "document": ws.document},
                "items": [item_json(i) for i in items],
            }
        )
        return 0
    _print_items(items)
    if not items:
        print("Nenhum atendimento encontrado.")
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    contact_id = (
        ticket_search.find_contact(db, actor, subscriber_id, args.contact) if args.contact else None
    )
    item = tickets.open_ticket(db, actor, subscriber_id, args.type, args.description, contact_id)
    if args.format == "json":
        context.print_json(item_json(item))
    else:
        print(f"Atendimento aberto: protocolo {item.protocol}.")
    return 0
