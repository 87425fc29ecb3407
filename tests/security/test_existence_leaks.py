"""A kiosk asking for a record by id learns nothing about records that are not its own.

Before: another subscriber's bill, invoice or contract answered "Acesso negado" while a
missing id answered "não encontrada", so a kiosk could enumerate which ids exist.  Now both
get the same exception with the same message (``access.require_record_of``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.db import Database
from desktop.errors import UserError
from desktop.services import (
    boletos,
    enablement,
    invoices,
    pix_charges,
    reactivation,
    receipts,
    ticket_receipts,
    ticket_search,
    tickets,
)
from tests.security.conftest import World

MISSING = 987_654

# name -> (call with an id, the victim's id of that kind)
CASES: dict[str, tuple[Callable[[Database, World, int], Any], Callable[[World], int]]] = {
    "boletos.boleto_for_receivable": (
        lambda db, w, i: boletos.boleto_for_receivable(db, w.attacker_kiosk, i),
        lambda w: w.open_bill,
    ),
    "invoices.invoice_info": (
        lambda db, w, i: invoices.invoice_info(db, w.attacker_kiosk, i),
        lambda w: w.invoice,
    ),
    "invoices.invoice_xml": (
        lambda db, w, i: invoices.invoice_xml(db, w.attacker_kiosk, i),
        lambda w: w.invoice,
    ),
    "receipts.payment_receipt": (
        lambda db, w, i: receipts.payment_receipt(db, w.attacker_kiosk, i, protocol=None),
        lambda w: w.paid_bill,
    ),
    "pix_charges.check": (
        lambda db, w, i: pix_charges.check(db, w.attacker_kiosk, f"CAR{i:010d}"),
        lambda w: w.open_bill,
    ),
    "ticket_search.detail": (
        lambda db, w, i: ticket_search.detail(db, w.attacker_kiosk, i),
        lambda w: w.ticket,
    ),
    "tickets.close_ticket": (
        lambda db, w, i: tickets.close_ticket(db, w.attacker_kiosk, i),
        lambda w: w.ticket,
    ),
    "ticket_receipts.receipt": (
        lambda db, w, i: ticket_receipts.receipt(db, w.attacker_kiosk, i),
        lambda w: w.ticket,
    ),
    "reactivation.on_debt_paid": (
        lambda db, w, i: reactivation.on_debt_paid(db, w.attacker_kiosk, i),
        lambda w: w.victim_contract,
    ),
    "enablement.enable": (
        lambda db, w, i: enablement.enable(db, w.attacker_kiosk, w.attacker, i),
        lambda w: w.victim_contract,
    ),
}


def _answer(call: Callable[[], Any], asked: int) -> tuple[type, str]:
    """The exception and its message, with the id that was asked for as ``{id}`` (a
    message may repeat the id typed, which tells nothing)."""
    with pytest.raises(UserError) as refused:
        call()
    return type(refused.value), refused.value.message.replace(f"{asked:010d}", "{id}").replace(
        str(asked), "{id}"
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_anothers_record_answers_as_a_missing_one(db: Database, world: World, name: str) -> None:
    call, victims = CASES[name]
    victim_id = victims(world)
    others = _answer(lambda: call(db, world, victim_id), victim_id)
    missing = _answer(lambda: call(db, world, MISSING), MISSING)
    assert others == missing
