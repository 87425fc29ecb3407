"""Finding atendimentos: the subscriber's list, one ticket's detail, a contact by name.

* The list filters by text in a chosen field (protocolo, descrição, tipo), a period of
  opening days in São Paulo and a status, and by **contact**: one contact finds the tickets
  whose *first* contact is that person (``tickets.first_contact_id``, indexed); *Todos* finds
  every ticket that lists any of the subscriber's contacts.  Pages are keyset on
  ``(opened_at desc, id desc)``.
* Opening, adding to and closing a ticket is :mod:`desktop.services.tickets`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, exists, or_, select

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import local_period_bounds
from desktop.domain.enums import Channel, TicketStatus
from desktop.domain.periods import Period
from desktop.domain.text import clean_input, like_escape, search_key
from desktop.errors import InvalidInput, NotFound
from desktop.models import Contact, Ticket, TicketContact, TicketEvent
from desktop.services.access import require_subscriber
from desktop.services.tickets import (
    MAX_SEARCH,
    TicketItem,
    check_contact,
    contacts_of,
    item_of,
    load_ticket,
)

Field = Literal["protocolo", "descricao", "tipo"]


@dataclass(frozen=True)
class TicketFilter:
    subscriber_id: int
    field: Field | None = None  # None: protocol or description
    text: str = ""
    period: Period | None = None  # on opened_at, São Paulo days
    status: TicketStatus | None = None
    contact_id: int | None = None  # tickets whose FIRST contact is this person
    # *Todos* (SPEC §1.8; ``ticket list --all-contacts``): every ticket of the subscriber,
    # those with no contact too (the session atendimentos used to disappear).
    all_contacts: bool = False
    with_contact: bool = False  # only the tickets that list one of the subscriber's contacts


@dataclass(frozen=True)
class EventItem:
    at: dt.datetime
    actor: str
    action: str  # code, see ACTION_* (words: vocabulary.words.TICKET_ACTIONS)
    text: str


@dataclass(frozen=True)
class TicketDetail:
    item: TicketItem
    subscriber_id: int
    channel: Channel
    opened_by: str
    station: str
    history: tuple[EventItem, ...]


def _text_condition(field: Field | None, text: str) -> ColumnElement[bool]:
    text = clean_input(text, MAX_SEARCH).strip()
    digits = re.sub(r"\D", "", text)
    pattern = f"%{like_escape(text)}%"
    if field == "protocolo":
        if not digits:
            raise InvalidInput("tickets.informe_numeros_protocolo")
        return Ticket.protocol.like(f"%{digits}%")
    if field == "descricao":
        return Ticket.description.ilike(pattern, escape="\\")
    if field == "tipo":
        return Ticket.type.ilike(pattern, escape="\\")
    if field is not None:
        raise InvalidInput("tickets.campo_busca_invalido_use", field=field)
    conditions = [Ticket.description.ilike(pattern, escape="\\")]
    if digits and digits == text.replace(" ", ""):
        conditions.append(Ticket.protocol.like(f"%{digits}%"))
    return or_(*conditions)


def page(
    db: Database,
    actor: Actor,
    flt: TicketFilter,
    *,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = 100,
) -> list[TicketItem]:
    """One page of the subscriber's tickets, newest first."""
    require_subscriber(actor, flt.subscriber_id)
    if flt.contact_id is not None and (flt.all_contacts or flt.with_contact):
        raise InvalidInput("tickets.escolha_contato_todos_nao")
    stmt = (
        select(Ticket)
        .where(Ticket.subscriber_id == flt.subscriber_id)
        .order_by(Ticket.opened_at.desc(), Ticket.id.desc())
        .limit(max(1, min(limit, 500)))
    )
    if flt.text.strip():
        stmt = stmt.where(_text_condition(flt.field, flt.text))
    elif flt.field is not None and flt.field not in ("protocolo", "descricao", "tipo"):
        raise InvalidInput("tickets.campo_busca_invalido", field=flt.field)
    if flt.period is not None:
        start, end = local_period_bounds(flt.period.start, flt.period.end)
        stmt = stmt.where(Ticket.opened_at >= start, Ticket.opened_at < end)
    if flt.status is not None:
        stmt = stmt.where(Ticket.status == flt.status)
    if flt.contact_id is not None:
        stmt = stmt.where(Ticket.first_contact_id == flt.contact_id)
    if flt.with_contact:
        stmt = stmt.where(
            exists(
                select(TicketContact.ticket_id)
                .join(Contact, Contact.id == TicketContact.contact_id)
                .where(
                    TicketContact.ticket_id == Ticket.id,
                    Contact.subscriber_id == flt.subscriber_id,
                )
            )
        )
    if after is not None:
        at, last_id = after
        stmt = stmt.where(
            or_(Ticket.opened_at < at, (Ticket.opened_at == at) & (Ticket.id < last_id))
        )
    with db.query_session() as session:
        if flt.contact_id is not None:
            check_contact(session, flt.subscriber_id, flt.contact_id)
        tickets = list(session.scalars(stmt))
        contacts = contacts_of(session, [t.id for t in tickets])
        return [
            TicketItem(
                t.id,
                t.protocol,
                t.type,
                t.description,
                t.status,
                t.opened_at,
                t.closed_at,
                contacts.get(t.id, ()),
            )
            for t in tickets
        ]


def detail(db: Database, actor: Actor, ticket_id: int) -> TicketDetail:
    with db.query_session() as session:
        ticket = load_ticket(session, actor, ticket_id)
        history = tuple(
            EventItem(e.at, e.actor, e.action, e.text)
            for e in session.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket.id)
                .order_by(TicketEvent.id)
            )
        )
        return TicketDetail(
            item_of(session, ticket),
            ticket.subscriber_id,
            ticket.channel,
            ticket.opened_by,
            ticket.station,
            history,
        )


def find_contact(db: Database, actor: Actor, subscriber_id: int, name: str) -> int:
    """The subscriber's contact called ``name`` (accent- and case-insensitive)."""
    require_subscriber(actor, subscriber_id)
    name = clean_input(name, MAX_SEARCH)
    key = search_key(name)
    if not key:
        raise InvalidInput("tickets.informe_nome_contato")
    with db.query_session() as session:
        contacts = list(
            session.execute(
                select(Contact.id, Contact.name)
                .where(Contact.subscriber_id == subscriber_id)
                .order_by(Contact.id)
            )
        )
    exact = [c for c in contacts if search_key(c.name) == key]
    partial = exact or [c for c in contacts if key in search_key(c.name)]
    if len(partial) == 1:
        return int(partial[0].id)
    if not partial:
        known = ", ".join(c.name for c in contacts) or "nenhum"
        raise NotFound("tickets.contato_nao_encontrado_contatos", name=name, known=known)
    names = ", ".join(c.name for c in partial)
    raise InvalidInput("tickets.contato_corresponde_informe_nome", name=name, names=names)
