"""``demo``: realistic demo data (pt_BR) in an empty database."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from desktop.cli import context
from desktop.demo import create_demo
from desktop.domain.documents import format_document

# Tables in the order the summary lists them, with the words it uses.
SUMMARY = (
    ("subscribers", "Assinantes"),
    ("contacts", "Contatos"),
    ("plans", "Planos"),
    ("contracts", "Contratos"),
    ("terminals", "Terminais de voz"),
    ("radius_logins", "Logins RADIUS"),
    ("radcheck", "radcheck"),
    ("radusergroup", "radusergroup"),
    ("radgroupreply", "radgroupreply"),
    ("receivables", "Contas a receber"),
    ("payments", "Pagamentos"),
    ("card_payments", "Pagamentos com cartão"),
    ("tickets", "Atendimentos"),
    ("ticket_contacts", "Contatos dos atendimentos"),
    ("ticket_events", "Histórico dos atendimentos"),
    ("sms_credit_values", "Valores de crédito SMS"),
    ("sms_accounts", "Contas SMS"),
    ("sms_purchases", "Compras de crédito SMS"),
    ("radacct", "Sessões de conexão (radacct)"),
    ("calls", "Ligações tarifadas"),
    ("invoices", "Notas fiscais NFCom (homologação)"),
    ("bank_accounts", "Contas bancárias"),
    ("counter_users", "Usuários do balcão"),
)


def register(sub: Any) -> None:
    demo = sub.add_parser("demo", help="cria dados de demonstração realistas (pt_BR)")
    demo.add_argument(
        "--subscribers", type=int, default=300, metavar="N", help="assinantes (padrão: 300)"
    )
    demo.add_argument(
        "--seed", type=int, default=42, metavar="S", help="semente: a mesma gera os mesmos dados"
    )
    demo.add_argument("--quiet", action="store_true", help="sem barra de progresso")
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    db = context.database(args, create=True)
    started = time.monotonic()
    result = create_demo(
        db,
        subscribers=args.subscribers,
        seed=args.seed,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    from desktop.demo.invoices import generate_demo_invoices

    # NFCom invoices (signed, homologation) for the bills of up to 200 subscribers.
    invoices = generate_demo_invoices(db, args.seed)
    result.counts["invoices"] = invoices
    elapsed = time.monotonic() - started
    print(
        f"Dados de demonstração criados em {elapsed:.0f} s "
        f"(semente {args.seed}, histórico até {result.today:%d/%m/%Y}):"
    )
    width = max(len(words) for _, words in SUMMARY)
    for table, words in SUMMARY:
        print(f"  {words.ljust(width)}  {result.counts.get(table, 0):>10,}".replace(",", "."))
    print()
    print("Logins de demonstração (troque as senhas antes de usar de verdade):")
    for login in result.logins:
        if login.created:
            print(f"  {login.login:<12} senha {login.password:<18} perfil {login.role.value}")
        else:
            print(f"  {login.login:<12} já existia: senha não alterada")
    print()
    print(
        f"Assinantes para experimentar (senha do quiosque e das contas SMS: {result.kiosk_password}):"
    )
    for label, document in result.highlights:
        print(f"  {format_document(document):<20} {label}")
    return 0
