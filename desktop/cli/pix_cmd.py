"""``pix charge|check|refund``: PIX charges at the PSP, their confirmation and refunds (SPEC §7)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import context
from desktop.cli.output import iso_time, money
from desktop.domain.vocabulary.words import SETTLE_OUTCOMES
from desktop.errors import InvalidInput
from desktop.services import pix_charges, pix_refunds
from desktop.services.pix_charges import ChargeInfo, CheckResult


def register(sub: Any) -> None:
    parser = sub.add_parser("pix", help="cobranças PIX no PSP (API Pix do Banco Central)")
    actions = parser.add_subparsers(dest="pix_command", metavar="AÇÃO", required=True)
    charge = actions.add_parser(
        "charge", help="cria (ou mostra de novo) a cobrança PIX de uma conta"
    )
    charge.add_argument("receivable", metavar="RECEIVABLE_ID", help="número da conta a receber")
    charge.add_argument("--format", default="table", choices=["table", "json"])
    charge.set_defaults(func=cmd_charge)
    check = actions.add_parser(
        "check",
        help="consulta uma cobrança no PSP e baixa o que foi pago (sem TXID: todas em aberto)",
    )
    check.add_argument("txid", nargs="?", metavar="TXID")
    check.add_argument("--format", default="table", choices=["table", "json"])
    check.set_defaults(func=cmd_check)
    refund = actions.add_parser(
        "refund", help="devolve um PIX pago em duplicidade (perfil financeiro)"
    )
    refund.add_argument("e2eid", metavar="END_TO_END_ID")
    refund.add_argument("--format", default="table", choices=["table", "json"])
    refund.set_defaults(func=cmd_refund)


def charge_json(info: ChargeInfo) -> dict[str, Any]:
    return {
        "receivable_id": info.receivable_id,
        "txid": info.txid,
        "amount": money(info.amount),
        "payload": info.payload,
        "expires_at": iso_time(info.expires_at),
        "status": info.status.value,
    }


def check_json(result: CheckResult) -> dict[str, Any]:
    return {
        "txid": result.txid,
        "status": result.status.value,
        "settled": [
            {
                "receivable_id": s.receivable_id,
                "end_to_end_id": s.end_to_end_id,
                "amount": money(s.amount),
                "paid_at": iso_time(s.paid_at),
                "outcome": s.outcome.value,
            }
            for s in result.settled
        ],
        "suspension_lifted": result.suspension_lifted,
    }


def _receivable_id(text: str) -> int:
    if not text.strip().isdigit():
        raise InvalidInput("pix_cmd.numero_conta_invalido", text=text)
    return int(text)


def cmd_charge(args: argparse.Namespace) -> int:
    receivable_id = _receivable_id(args.receivable)
    db = context.database(args)
    info = pix_charges.charge(db, context.operator(args, db), receivable_id)
    if args.format == "json":
        context.print_json(charge_json(info))
        return 0
    print(f"Conta {info.receivable_id}: R$ {info.amount:.2f} por PIX (txid {info.txid}).")
    if info.expires_at is not None:
        print(f"Válida até {iso_time(info.expires_at)}.")
    print(f"PIX copia e cola: {info.payload}")
    return 0


def _print_check(result: CheckResult) -> None:
    print(f"{result.txid}: {result.status.value}")
    for s in result.settled:
        print(
            f"  conta {s.receivable_id}: R$ {s.amount:.2f} em {iso_time(s.paid_at)} "
            f"(E2E {s.end_to_end_id}) — {SETTLE_OUTCOMES.get(s.outcome, s.outcome.value)}"
        )
    if result.suspension_lifted:
        print("  Acesso liberado: a suspensão por falta de pagamento terminou.")


def cmd_check(args: argparse.Namespace) -> int:
    db = context.database(args)
    actor = context.operator(args, db)
    if args.txid:
        result = pix_charges.check(db, actor, args.txid)
        if args.format == "json":
            context.print_json(check_json(result))
        else:
            _print_check(result)
        return 0
    results = [pix_charges.check(db, actor, txid) for txid in pix_charges.open_charges(db, actor)]
    if args.format == "json":
        context.print_json([check_json(r) for r in results])
    elif not results:
        print("Nenhuma cobrança PIX em aberto.")
    for result in results if args.format != "json" else ():
        _print_check(result)
    return 0


def cmd_refund(args: argparse.Namespace) -> int:
    db = context.database(args)
    result = pix_refunds.refund(db, context.operator(args, db), args.e2eid)
    if args.format == "json":
        context.print_json(
            {
                "end_to_end_id": result.end_to_end_id,
                "refund_id": result.refund_id,
                "receivable_id": result.receivable_id,
                "amount": money(result.amount),
                "status": result.status,
                "rtr_id": result.rtr_id or None,
                "requested_at": iso_time(result.requested_at),
                "repeated": result.repeated,
            }
        )
        return 0
    again = " (já solicitada antes; nada foi enviado de novo)" if result.repeated else ""
    print(
        f"Devolução {result.refund_id} de R$ {result.amount:.2f} (conta {result.receivable_id}): "
        f"{result.status}{again}."
    )
    return 0
