"""``sms buy`` and the back-office steps ``sms queue|confirm|transfer``."""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from desktop.cli import context
from desktop.domain.documents import parse_document
from desktop.domain.enums import SmsPurchaseStatus
from desktop.services import sms_credits, subscribers


def register(sub: Any) -> None:
    parser = sub.add_parser("sms", help="compra de créditos de SMS")
    actions = parser.add_subparsers(dest="sms_command", metavar="AÇÃO", required=True)
    buy = actions.add_parser("buy", help="registra uma compra de créditos")
    buy.add_argument("--subscriber", required=True, metavar="CPF_CNPJ")
    buy.add_argument("--contract", required=True, type=int, metavar="ID")
    buy.add_argument("--credit-value", required=True, type=int, metavar="ID")
    buy.add_argument("--request-id", help="identificador da compra (repetir não compra duas vezes)")
    buy.set_defaults(func=cmd_buy)
    queue = actions.add_parser("queue", help="filas da retaguarda")
    queue.add_argument("which", choices=["pagamento", "transferir"])
    queue.set_defaults(func=cmd_queue)
    confirm = actions.add_parser("confirm", help="financeiro confirma o pagamento")
    confirm.add_argument("purchase", type=int)
    confirm.set_defaults(func=cmd_confirm)
    transfer = actions.add_parser("transfer", help="suporte registra a transferência dos créditos")
    transfer.add_argument("purchase", type=int)
    transfer.add_argument("--quantity", required=True, type=int)
    transfer.add_argument("--reference", required=True)
    transfer.set_defaults(func=cmd_transfer)


def _json(p: sms_credits.PurchaseItem) -> dict[str, Any]:
    return {
        "id": p.id,
        "contract_id": p.contract_id,
        "quantity": p.quantity,
        "price": f"{p.price:.2f}",
        "status": p.status.value,
        "receivable_id": p.receivable_id,
        "created_at": p.created_at.isoformat(),
    }


def cmd_buy(args: argparse.Namespace) -> int:
    document = parse_document(args.subscriber)
    db = context.database(args)
    actor = context.operator(args, db)
    subscriber_id = subscribers.find_by_document(db, actor, document)
    key = args.request_id or uuid.uuid4().hex
    purchase = sms_credits.buy(db, actor, subscriber_id, args.contract, args.credit_value, key)
    context.print_json(_json(purchase))
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    db = context.database(args)
    status = (
        SmsPurchaseStatus.AWAITING_PAYMENT if args.which == "pagamento" else SmsPurchaseStatus.PAID
    )
    context.print_json(
        [_json(p) for p in sms_credits.queue(db, context.operator(args, db), status)]
    )
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    db = context.database(args)
    purchase = sms_credits.confirm_payment(db, context.operator(args, db), args.purchase)
    print(f"Pagamento da compra {purchase.id} confirmado: aguardando transferência pelo suporte.")
    return 0


def cmd_transfer(args: argparse.Namespace) -> int:
    db = context.database(args)
    result = sms_credits.record_transfer(
        db, context.operator(args, db), args.purchase, args.quantity, args.reference
    )
    print(f"Créditos transferidos. Conta {result.login}: saldo {result.balance} SMS.")
    if result.new_password:
        print(f"Conta criada. Senha (mostrada só agora): {result.new_password}")
    return 0
