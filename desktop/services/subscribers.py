"""A subscriber's workspace: who they are and which menus it shows.

The search itself lives in ``subscriber_search`` (re-exported here: ``subscribers.search``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.enums import ContractStatus, ReceivableStatus
from desktop.domain.text import clean_input
from desktop.errors import NotFound
from desktop.models import (
    CardPayment,
    Contact,
    Contract,
    Invoice,
    Plan,
    Receivable,
    Subscriber,
)
from desktop.services.access import require_record_of, require_subscriber

# Re-exported: callers know the search as ``subscribers.search``.
from desktop.services.subscriber_search import MAX_SEARCH_LENGTH, contracts_of
from desktop.services.subscriber_search import ContractSummary as ContractSummary
from desktop.services.subscriber_search import SubscriberHit as SubscriberHit
from desktop.services.subscriber_search import search as search


class Menu(enum.Enum):
    """The menus of SPEC §1, in the order the workspace shows them."""

    CALLS = "extrato_ligacao"
    CONNECTIONS = "extrato_conexoes"
    FINANCIAL = "extrato_financeiro"
    INVOICES = "nota_fiscal"
    BOLETOS = "segunda_via_boleto"
    CARDS = "cartao_credito"
    ENABLEMENT = "habilitacao_provisoria"
    TICKETS = "atendimentos"
    SMS_CREDITS = "compra_credito"


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    relation: str
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class SubscriberWorkspace:
    id: int
    name: str
    document: str
    person_type: str
    email: str | None
    phone: str | None
    address: str
    contracts: tuple[ContractSummary, ...]
    contacts: tuple[ContactInfo, ...]
    menus: frozenset[Menu]


def find_by_document(db: Database, actor: Actor, document: str) -> int:
    """The id of the subscriber with this (already validated) CPF/CNPJ, within the actor's scope."""
    document = clean_input(document, MAX_SEARCH_LENGTH)
    with db.session() as session:
        subscriber_id = session.scalar(select(Subscriber.id).where(Subscriber.document == document))
    # A kiosk is told "not found" for another subscriber's document too: which CPFs are
    # customers is nobody's business at a kiosk.
    require_record_of(actor, subscriber_id, NotFound("comum.assinante_nao_encontrado"))
    assert subscriber_id is not None
    return subscriber_id


def _menus(
    session: Session, subscriber_id: int, contracts: tuple[ContractSummary, ...]
) -> frozenset[Menu]:
    menus = {Menu.TICKETS}  # a ticket can always be opened
    if any(c.terminals for c in contracts):
        menus.add(Menu.CALLS)
    if any(c.radius_login for c in contracts):
        menus.add(Menu.CONNECTIONS)

    def has(stmt: Select[Any]) -> bool:
        return bool(session.scalar(select(exists(stmt))))

    if has(select(Receivable.id).where(Receivable.subscriber_id == subscriber_id)):
        menus.add(Menu.FINANCIAL)
    if has(
        select(Receivable.id).where(
            Receivable.subscriber_id == subscriber_id, Receivable.status == ReceivableStatus.OPEN
        )
    ):
        menus.add(Menu.BOLETOS)
    if has(select(Invoice.id).where(Invoice.subscriber_id == subscriber_id)):
        menus.add(Menu.INVOICES)
    if has(select(CardPayment.id).where(CardPayment.subscriber_id == subscriber_id)):
        menus.add(Menu.CARDS)
    if any(
        c.status in (ContractStatus.SUSPENDED_DEBT, ContractStatus.PROVISIONAL) for c in contracts
    ):
        menus.add(Menu.ENABLEMENT)
    if has(
        select(Contract.id)
        .join(Plan, Plan.id == Contract.plan_id)
        .where(Contract.subscriber_id == subscriber_id, Plan.has_sms.is_(True))
    ):
        menus.add(Menu.SMS_CREDITS)
    return frozenset(menus)


def workspace(db: Database, actor: Actor, subscriber_id: int) -> SubscriberWorkspace:
    """Everything the subscriber header and the tab bar need, in one short session."""
    require_subscriber(actor, subscriber_id)
    with db.query_session() as session:
        sub = session.get(Subscriber, subscriber_id)
        if sub is None:
            raise NotFound("comum.assinante_nao_encontrado")
        contracts = contracts_of(session.connection(), [sub.id]).get(sub.id, ())
        contacts = tuple(
            ContactInfo(c.id, c.name, c.relation, c.phone, c.email)
            for c in session.scalars(
                select(Contact).where(Contact.subscriber_id == sub.id).order_by(Contact.id)
            )
        )
        parts = [f"{sub.street}, {sub.number}".strip(", "), sub.complement, sub.district]
        city = f"{sub.city}/{sub.state}" if sub.city else ""
        cep = f"CEP {sub.cep[:5]}-{sub.cep[5:]}" if len(sub.cep) == 8 else ""
        address = " - ".join(p for p in [*parts, city, cep] if p)
        return SubscriberWorkspace(
            sub.id,
            sub.name,
            sub.document,
            sub.person_type,
            sub.email,
            sub.phone,
            address,
            contracts,
            contacts,
            _menus(session, sub.id, contracts),
        )
