"""``payment record``: settle a receivable (finance); a paid debt lifts the suspension."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context
from desktop.domain.enums import PaymentMethod
from desktop.domain.money import parse_amount
from desktop.services import payments


def register(sub: Any) -> None:
    parser = sub.add_parser("payment", help="baixa de contas a receber")
    actions = parser.add_subparsers(dest="payment_command", metavar="AÇÃO", required=True)
    record = actions.add_parser(
        "record", help="registra o pagamento de uma conta (perfil financeiro)"
    )
    record.add_argument("receivable", type=int, metavar="RECEIVABLE_ID")
    record.add_argument("--amount", required=True, help="valor pago, ex.: 99.90")
    record.add_argument("--method", required=True, choices=[m.value for m in PaymentMethod])
    record.add_argument("--reference", default="", help="referência (NSU, autenticação...)")
    record.set_defaults(func=cmd_record)


def cmd_record(args: argparse.Namespace) -> int:
    amount = parse_amount(args.amount, what="Valor pago")
    db = context.database(args)
    actor = context.operator(args, db)
    result = payments.settle(
        db, actor, args.receivable, amount, PaymentMethod(args.method), reference=args.reference
    )
    print(
        f"Conta {result.receivable_id} baixada: R$ {result.paid_amount:.2f} ({result.method.value})."
    )
    if result.suspension_lifted:
        print("Débito quitado: o plano voltou a ficar ativo e o bloqueio no RADIUS foi retirado.")
    return 0
