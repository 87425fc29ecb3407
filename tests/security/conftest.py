"""A small world for the security tests: a victim with something in every menu, an attacker.

The victim has a combo plan (voice terminal, RADIUS login, SMS) suspended for debt, an open
and a paid bill, a registered boleto's bank account, an invoice, a card payment, a ticket
with a contact and an SMS purchase.  The attacker is another subscriber, logged in at a
kiosk.  Everything is real rows in the real database (both backends through ``db``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.db import Database
from desktop.domain.actors import CounterActor, KioskActor
from desktop.domain.enums import ContractStatus, ReceivableStatus, Role
from desktop.models import BankAccount, Base, CardPayment, Contact, CreditValue, Invoice
from desktop.services import sms_credits, tickets
from tests.conftest import kiosk, make_user
from tests.factories import CPFS, receivable, subscriber


@dataclass(frozen=True)
class World:
    victim: int
    victim_contract: int
    victim_document: str
    attacker: int
    attacker_kiosk: KioskActor
    staff: CounterActor
    open_bill: int
    paid_bill: int
    card_payment: int
    invoice: int
    ticket: int
    contact: int
    credit_value: int
    purchase: int


def row_counts(db: Database) -> dict[str, int]:
    """Rows per table: a refused request must leave every one as it was."""
    with db.session() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def world(db: Database) -> World:
    staff = make_user(db, "atendente-seg", Role.ATTENDANT)
    victim, contract = subscriber(
        db,
        "Vítima de Souza",
        CPFS[0],
        plan="Combo Total SMS",
        voice=True,
        sms=True,
        status=ContractStatus.SUSPENDED_DEBT,
        terminal="4433221100",
        login="vitima@net",
    )
    attacker, _ = subscriber(
        db,
        "Atacante Pereira",
        CPFS[2],
        plan="Combo Atacante",
        voice=True,
        terminal="4499998888",
        login="atacante@net",
    )
    open_bill = receivable(db, victim, dt.date(2026, 10, 10), contract_id=contract)
    paid_bill = receivable(
        db, victim, dt.date(2026, 9, 10), contract_id=contract, status=ReceivableStatus.PAID
    )
    with db.session() as session:
        session.add(
            BankAccount(
                bank_code="001",
                agency="1234",
                agency_dv="5",
                account="12345678",
                account_dv="9",
                wallet="17",
                agreement="1234567",
                beneficiary_name="Provedor Exemplo Ltda",
                active=True,
            )
        )
        card = CardPayment(
            subscriber_id=victim,
            receivable_id=paid_bill,
            paid_at=dt.datetime(2026, 9, 9, 15, tzinfo=dt.UTC),
            amount=Decimal("99.90"),
            brand="Visa",
            last4="4321",
            installments=1,
            payment_id=str(uuid.uuid4()),
            tid="1006993069000001",
        )
        invoice = Invoice(
            subscriber_id=victim,
            issuer_cnpj="11222333000181",
            series="1",
            number="1234",
            access_key="4" * 44,
            issued_at=dt.datetime(2026, 9, 1, 12, tzinfo=dt.UTC),
            amount=Decimal("99.90"),
            xml="<nfcomProc>segredo da vitima</nfcomProc>",
        )
        value = CreditValue(quantity=500, price=Decimal("50.00"))
        session.add_all([card, invoice, value])
        session.flush()
        card_id, invoice_id, value_id = card.id, invoice.id, value.id
        contact_id = session.scalars(
            select(Contact.id).where(Contact.subscriber_id == victim)
        ).one()
    ticket = tickets.open_ticket(db, staff, victim, "Reclamação", "Assunto da vítima", contact_id)
    tickets.open_ticket(db, staff, victim, "Suporte técnico", "Troca de roteador")
    purchase = sms_credits.buy(db, staff, victim, contract, value_id, "compra-vitima-0001")
    return World(
        victim=victim,
        victim_contract=contract,
        victim_document=CPFS[0],
        attacker=attacker,
        attacker_kiosk=kiosk(attacker),
        staff=staff,
        open_bill=open_bill,
        paid_bill=paid_bill,
        card_payment=card_id,
        invoice=invoice_id,
        ticket=ticket.id,
        contact=contact_id,
        credit_value=value_id,
        purchase=purchase.id,
    )
