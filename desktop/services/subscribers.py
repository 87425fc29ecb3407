"""Finding a subscriber and what their workspace shows.

Search matches a name (accent-insensitive prefix of the name or of any word in it), a CPF or
CNPJ with or without mask, a contract number, a RADIUS login, or a phone / voice terminal
number.  Results are keyset-paged by (name_search, id) so the list loads lazily as it scrolls.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.errors import AccessDenied, NotFound
from desktop.models import (
    CardPayment,
    Contact,
    Contract,
    Invoice,
    Plan,
    RadiusLogin,
    Receivable,
    Subscriber,
    Terminal,
)
from desktop.models.enums import ContractStatus, ReceivableStatus
from desktop.services.access import require_subscriber
from desktop.services.actors import Actor, KioskActor
from desktop.services.documents import normalize_document
from desktop.services.text import clean_input, like_escape, search_key

MAX_SEARCH_LENGTH = 120


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
class ContractSummary:
    id: int
    number: str
    plan: str
    status: ContractStatus
    terminals: tuple[str, ...]
    radius_login: str | None


@dataclass(frozen=True)
class SubscriberHit:
    id: int
    name: str
    document: str
    name_search: str
    contracts: tuple[ContractSummary, ...]

    @property
    def sort_key(self) -> tuple[str, int]:
        return (self.name_search, self.id)


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


def _matching_ids(text: str) -> list[ColumnElement[bool]]:
    """SQL conditions on Subscriber for every way the text may identify a subscriber."""
    conditions: list[ColumnElement[bool]] = []
    key = search_key(text)
    if key:
        escaped = like_escape(key)
        conditions.append(Subscriber.name_search.like(f"{escaped}%", escape="\\"))
        conditions.append(Subscriber.name_search.like(f"% {escaped}%", escape="\\"))
    document = normalize_document(text)
    if len(document) in (11, 14):
        conditions.append(Subscriber.document == document)
    raw = text.strip()
    if raw:
        by_contract = select(Contract.subscriber_id).where(Contract.number == raw.upper())
        by_login = (
            select(Contract.subscriber_id)
            .join(RadiusLogin, RadiusLogin.contract_id == Contract.id)
            .where(RadiusLogin.username == raw.lower())
        )
        conditions.append(Subscriber.id.in_(by_contract))
        conditions.append(Subscriber.id.in_(by_login))
    digits = re.sub(r"\D", "", text)
    if 8 <= len(digits) <= 13 and digits == re.sub(r"[\s().+-]", "", text):
        national = digits[2:] if digits.startswith("55") and len(digits) >= 12 else digits
        by_terminal = (
            select(Contract.subscriber_id)
            .join(Terminal, Terminal.contract_id == Contract.id)
            .where(or_(Terminal.number == national, Terminal.number.like(f"__{national}")))
        )
        conditions.append(Subscriber.phone == national)
        conditions.append(Subscriber.id.in_(by_terminal))
    return conditions


def search(
    db: Database,
    actor: Actor,
    text: str,
    *,
    after: tuple[str, int] | None = None,
    limit: int = 50,
) -> list[SubscriberHit]:
    """Subscribers matching ``text``, ordered by name; counter users only."""
    if isinstance(actor, KioskActor):
        raise AccessDenied("A busca de assinantes é exclusiva do balcão de atendimento.")
    require_subscriber(actor, 0)  # checks the counter role
    text = clean_input(text, MAX_SEARCH_LENGTH)
    conditions = _matching_ids(text)
    if not conditions:
        return []
    stmt = (
        select(Subscriber.id, Subscriber.name, Subscriber.document, Subscriber.name_search)
        .where(or_(*conditions))
        .order_by(Subscriber.name_search, Subscriber.id)
        .limit(max(1, min(limit, 500)))
    )
    if after is not None:
        name_key, last_id = after
        stmt = stmt.where(
            or_(
                Subscriber.name_search > name_key,
                (Subscriber.name_search == name_key) & (Subscriber.id > last_id),
            )
        )
    with db.session() as session:
        rows = session.execute(stmt).all()
        contracts = _contracts_of(session, [row.id for row in rows])
        return [
            SubscriberHit(
                row.id, row.name, row.document, row.name_search, contracts.get(row.id, ())
            )
            for row in rows
        ]


def _contracts_of(
    session: Session, subscriber_ids: list[int]
) -> dict[int, tuple[ContractSummary, ...]]:
    """Contracts with plan, terminals and login for a page of subscribers, in three queries."""
    if not subscriber_ids:
        return {}
    contract_rows = session.execute(
        select(Contract.id, Contract.subscriber_id, Contract.number, Contract.status, Plan.name)
        .join(Plan, Plan.id == Contract.plan_id)
        .where(Contract.subscriber_id.in_(subscriber_ids))
        .order_by(Contract.subscriber_id, Contract.id)
    ).all()
    contract_ids = [row.id for row in contract_rows]
    terminals: dict[int, list[str]] = {}
    logins: dict[int, str] = {}
    if contract_ids:
        for contract_id, number in session.execute(
            select(Terminal.contract_id, Terminal.number)
            .where(Terminal.contract_id.in_(contract_ids))
            .order_by(Terminal.number)
        ):
            terminals.setdefault(contract_id, []).append(number)
        for contract_id, username in session.execute(
            select(RadiusLogin.contract_id, RadiusLogin.username).where(
                RadiusLogin.contract_id.in_(contract_ids)
            )
        ):
            logins.setdefault(contract_id, username)
    result: dict[int, list[ContractSummary]] = {}
    for row in contract_rows:
        result.setdefault(row.subscriber_id, []).append(
            ContractSummary(
                row.id,
                row.number,
                row.name,
                row.status,
                tuple(terminals.get(row.id, ())),
                logins.get(row.id),
            )
        )
    return {key: tuple(value) for key, value in result.items()}


def find_by_document(db: Database, actor: Actor, document: str) -> int:
    """The id of the subscriber with this (already validated) CPF/CNPJ, within the actor's scope."""
    document = clean_input(document, MAX_SEARCH_LENGTH)
    with db.session() as session:
        subscriber_id = session.scalar(select(Subscriber.id).where(Subscriber.document == document))
    # A kiosk is told "not found" for another subscriber's document too: which CPFs are
    # customers is nobody's business at a kiosk.
    if subscriber_id is None or (
        isinstance(actor, KioskActor) and actor.subscriber_id != subscriber_id
    ):
        raise NotFound("Assinante não encontrado.")
    require_subscriber(actor, subscriber_id)
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
    with db.session() as session:
        sub = session.get(Subscriber, subscriber_id)
        if sub is None:
            raise NotFound("Assinante não encontrado.")
        contracts = _contracts_of(session, [sub.id]).get(sub.id, ())
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
