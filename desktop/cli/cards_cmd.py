"""``card list`` and ``card void``: card payments and their cancellation through Cielo."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context
from desktop.domain.clock import to_local
from desktop.domain.documents import parse_document
from desktop.domain.enums import CardPaymentStatus
from desktop.services import cards, subscribers


def register(sub: Any) -> None:
    parser = sub.add_parser("card", help="pagamentos com cartão (Cielo)")
    actions = parser.add_subparsers(dest="card_command", metavar="AÇÃO", required=True)
    listing = actions.add_parser("list", help="lista os pagamentos com cartão de um assinante")
    listing.add_argument("--subscriber", required=True, metavar="CPF_CNPJ")
    listing.add_argument("--format", default="table", choices=["table", "json"])
    listing.set_defaults(func=cmd_list)
    void = actions.add_parser("void", help="cancela um pagamento na Cielo (perfil financeiro)")
    void.add_argument("payment", metavar="PAYMENT_ID", help="id do pagamento ou PaymentId da Cielo")
    void.set_defaults(func=cmd_void)


def item_json(item: cards.CardItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "paid_at": item.paid_at.isoformat(),
        "amount": f"{item.amount:.2f}",
        "brand": item.brand,
        "last4": item.last4,
        "installments": item.installments,
        "payment_id": item.payment_id,
        "tid": item.tid,
        "status": item.status.value,
        "receivable_id": item.receivable_id,
        "duplicate_of": item.duplicate_of,
        "duplicate_reason": item.duplicate_reason or None,
    }


def cmd_list(args: argparse.Namespace) -> int:
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    items = cards.list_payments(db, actor, subscribers.find_by_document(db, actor, document))
    if args.format == "json":
        context.print_json([item_json(i) for i in items])
        return 0
    context.print_table(
        [
            "ID",
            "Data",
            "Valor",
            "Bandeira",
            "Final",
            "Parcelas",
            "PaymentId",
            "Situação",
            "Duplicado",
        ],
        [
            [
                str(i.id),
                f"{to_local(i.paid_at):%d/%m/%Y %H:%M}",
                f"{i.amount:.2f}",
                i.brand,
                i.last4,
                str(i.installments),
                i.payment_id,
                i.status.value,
                f"de {i.duplicate_of}: {i.duplicate_reason}" if i.duplicate_of else "",
            ]
            for i in items
        ],
    )
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    db = context.database(args)
    actor = context.operator(args, db)
    payment = cards.resolve_payment(db, actor, args.payment)
    result = cards.void_payment(db, actor, payment)
    print(result.message)
    if result.manual_procedure:
        print(result.manual_procedure)
    return 0 if result.status is CardPaymentStatus.VOIDED else 1
