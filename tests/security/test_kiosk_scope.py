"""A kiosk session sees only its own subscriber (SPEC §2), in every service that reads one.

Each case is a subscriber logged in at a kiosk asking for ANOTHER subscriber's statement,
boleto, invoice, ticket, card payments, contract...: either by the other's subscriber id, or
with their own id and the other's object id.  The answer is AccessDenied or NotFound, the
message names nobody, and not a single row is written anywhere (row counts of every table).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.db import Database
from desktop.errors import AccessDenied, NotFound
from desktop.services import (
    auth,
    boletos,
    calls,
    cards,
    connection_statement,
    connection_totals,
    connections,
    enablement,
    financial,
    invoices,
    reactivation,
    sms_credits,
    subscribers,
    ticket_receipts,
    ticket_search,
    tickets,
)
from desktop.services.calls import CallFilter
from desktop.services.connections import ConnectionFilter
from desktop.services.financial import FinancialFilter
from desktop.services.ticket_search import TicketFilter
from tests.security.conftest import World, row_counts

Case = Callable[[Database, World], Any]


def _k(w: World) -> Any:
    return w.attacker_kiosk


CASES: dict[str, Case] = {
    # Extrato Financeiro
    "financial.page": lambda db, w: financial.page(db, _k(w), FinancialFilter(w.victim)),
    "financial.totals": lambda db, w: financial.totals(db, _k(w), FinancialFilter(w.victim)),
    "financial.statement": lambda db, w: financial.statement(db, _k(w), FinancialFilter(w.victim)),
    # Extrato de Ligação
    "calls.page": lambda db, w: calls.page(db, _k(w), CallFilter(w.victim)),
    "calls.totals": lambda db, w: calls.totals(db, _k(w), CallFilter(w.victim)),
    "calls.statement": lambda db, w: calls.statement(db, _k(w), CallFilter(w.victim)),
    "calls.page other's terminal": lambda db, w: calls.page(
        db, _k(w), CallFilter(w.attacker, terminal="4433221100")
    ),
    # Extrato de Conexões
    "connections.page": lambda db, w: connections.page(db, _k(w), ConnectionFilter(w.victim)),
    "connection_totals.totals": lambda db, w: connection_totals.totals(
        db, _k(w), ConnectionFilter(w.victim)
    ),
    "connection_totals.daily_traffic": lambda db, w: connection_totals.daily_traffic(
        db, _k(w), ConnectionFilter(w.victim)
    ),
    "connection_statement.statement": lambda db, w: connection_statement.statement(
        db, _k(w), ConnectionFilter(w.victim), printed=True
    ),
    # Segunda via de boleto
    "boletos.open_bills": lambda db, w: boletos.open_bills(db, _k(w), w.victim),
    "boletos.boleto_for_receivable": lambda db, w: boletos.boleto_for_receivable(
        db, _k(w), w.open_bill
    ),
    "boletos.open_boletos": lambda db, w: boletos.open_boletos(db, _k(w), w.victim),
    # Nota fiscal
    "invoices.list_invoices": lambda db, w: invoices.list_invoices(db, _k(w), w.victim),
    "invoices.invoice_xml": lambda db, w: invoices.invoice_xml(db, _k(w), w.invoice),
    "invoices.invoice_info": lambda db, w: invoices.invoice_info(db, _k(w), w.invoice),
    "invoices.email_invoice_xml": lambda db, w: invoices.email_invoice_xml(db, _k(w), w.invoice),
    # Atendimentos and their receipts
    "ticket_search.page": lambda db, w: ticket_search.page(db, _k(w), TicketFilter(w.victim)),
    "ticket_search.page other's contact": lambda db, w: ticket_search.page(
        db, _k(w), TicketFilter(w.attacker, contact_id=w.contact)
    ),
    "ticket_search.detail": lambda db, w: ticket_search.detail(db, _k(w), w.ticket),
    "ticket_search.find_contact": lambda db, w: ticket_search.find_contact(
        db, _k(w), w.victim, "Vítima de Souza"
    ),
    "tickets.open_ticket": lambda db, w: tickets.open_ticket(
        db, _k(w), w.victim, "Reclamação", "em nome de outro"
    ),
    "tickets.open_ticket other's contact": lambda db, w: tickets.open_ticket(
        db, _k(w), w.attacker, "Reclamação", "com o contato de outro", w.contact
    ),
    "tickets.add_contact": lambda db, w: tickets.add_contact(db, _k(w), w.ticket, w.contact),
    "tickets.start_session_protocol": lambda db, w: tickets.start_session_protocol(
        db, _k(w), w.victim
    ),
    "tickets.record_session_action": lambda db, w: tickets.record_session_action(
        db, _k(w), w.ticket, tickets.ACTION_NOTE, "intrusão"
    ),
    "tickets.close_ticket": lambda db, w: tickets.close_ticket(db, _k(w), w.ticket),
    "ticket_receipts.receipt": lambda db, w: ticket_receipts.receipt(db, _k(w), w.ticket),
    "ticket_receipts.receipt_pdf": lambda db, w: ticket_receipts.receipt_pdf(db, _k(w), w.ticket),
    "ticket_receipts.record_printed": lambda db, w: ticket_receipts.record_printed(
        db, _k(w), w.ticket, "impressora"
    ),
    "ticket_receipts.email_receipt": lambda db, w: ticket_receipts.email_receipt(
        db, _k(w), w.ticket
    ),
    # Cartão de crédito
    "cards.list_payments": lambda db, w: cards.list_payments(db, _k(w), w.victim),
    "cards.void_payment": lambda db, w: cards.void_payment(db, _k(w), w.card_payment),
    "cards.resolve_payment": lambda db, w: cards.resolve_payment(db, _k(w), str(w.card_payment)),
    # Habilitação provisória (the contract)
    "enablement.eligible_contracts": lambda db, w: enablement.eligible_contracts(
        db, _k(w), w.victim
    ),
    "enablement.enable": lambda db, w: enablement.enable(db, _k(w), w.victim, w.victim_contract),
    "enablement.enable other's contract": lambda db, w: enablement.enable(
        db, _k(w), w.attacker, w.victim_contract
    ),
    "reactivation.on_debt_paid": lambda db, w: reactivation.on_debt_paid(
        db, _k(w), w.victim_contract
    ),
    # Compra de crédito SMS
    "sms_credits.sms_contracts": lambda db, w: sms_credits.sms_contracts(db, _k(w), w.victim),
    "sms_credits.buy": lambda db, w: sms_credits.buy(
        db, _k(w), w.victim, w.victim_contract, w.credit_value, "compra-intrusa-01"
    ),
    "sms_credits.buy other's contract": lambda db, w: sms_credits.buy(
        db, _k(w), w.attacker, w.victim_contract, w.credit_value, "compra-intrusa-02"
    ),
    "sms_credits.history": lambda db, w: sms_credits.history(db, _k(w), w.victim),
    "sms_credits.accounts": lambda db, w: sms_credits.accounts(db, _k(w), w.victim),
    "sms_credits.confirm_payment": lambda db, w: sms_credits.confirm_payment(db, _k(w), w.purchase),
    # The subscriber's workspace and registration
    "subscribers.workspace": lambda db, w: subscribers.workspace(db, _k(w), w.victim),
    "subscribers.find_by_document": lambda db, w: subscribers.find_by_document(
        db, _k(w), w.victim_document
    ),
    "subscribers.search": lambda db, w: subscribers.search(db, _k(w), "Vítima"),
    "auth.set_subscriber_password": lambda db, w: auth.set_subscriber_password(
        db, _k(w), w.victim, "senha-trocada-1"
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_kiosk_cannot_reach_another_subscriber(db: Database, world: World, name: str) -> None:
    before = row_counts(db)
    with pytest.raises((AccessDenied, NotFound)) as refused:
        CASES[name](db, world)
    assert "Vítima" not in refused.value.message
    assert row_counts(db) == before, "a refused request wrote something"


def test_the_same_calls_work_on_the_kiosks_own_data(db: Database, world: World) -> None:
    """The refusals above are about whose data it is, not a broken service."""
    own = world.attacker_kiosk
    assert subscribers.workspace(db, own, world.attacker).name == "Atacante Pereira"
    assert financial.page(db, own, FinancialFilter(world.attacker)) == []
    assert calls.page(db, own, CallFilter(world.attacker, terminal="4499998888")) == []
    assert ticket_search.page(db, own, TicketFilter(world.attacker)) == []
    assert cards.list_payments(db, own, world.attacker) == []
    assert invoices.list_invoices(db, own, world.attacker) == []
    session = tickets.start_session_protocol(db, own, world.attacker)
    tickets.record_session_action(db, own, session.id, tickets.ACTION_NOTE, "ok")
    assert tickets.close_ticket(db, own, session.id).closed_at is not None


def test_an_idempotency_key_of_another_subscriber_reveals_nothing(
    db: Database, world: World
) -> None:
    before = row_counts(db)
    with pytest.raises(Exception) as refused:
        sms_credits.buy(
            db,
            world.attacker_kiosk,
            world.attacker,
            world.victim_contract,
            world.credit_value,
            "compra-vitima-0001",  # the victim's purchase key
        )
    assert "Vítima" not in str(refused.value) and "500" not in str(refused.value)
    assert row_counts(db) == before


def test_a_kiosk_cannot_tell_a_customers_cpf_from_an_unknown_one(
    db: Database, world: World
) -> None:
    with pytest.raises(NotFound) as other:
        subscribers.find_by_document(db, world.attacker_kiosk, world.victim_document)
    with pytest.raises(NotFound) as unknown:
        subscribers.find_by_document(db, world.attacker_kiosk, "86288366757")
    assert other.value.message == unknown.value.message
