"""Atendimentos: tickets with ANATEL protocol numbers, ordered contacts and their history.

This module opens, extends and closes them (finding them: ``desktop.services.ticket_search``;
their protocol numbers: ``desktop.services.protocols``).

* Every counter or kiosk session with a subscriber opens an atendimento at its start
  (:func:`start_session_protocol`); actions taken in the session are appended to its
  history (:func:`record_session_action`) and the session closes it (:func:`close_ticket`).
* The session-level helpers (:func:`create_ticket`, :func:`add_event`...) work in the
  caller's transaction, for the services that record on a ticket as part of their own work
  (enablement, RADIUS, PIX, receipts).
* Receipts (PDF, print or e-mail) live in ``desktop.services.ticket_receipts``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor, KioskActor
from desktop.domain.changes import OpChanges, writes
from desktop.domain.clock import utcnow
from desktop.domain.enums import EventKind, TicketStatus
from desktop.domain.text import clean_input, search_key
from desktop.domain.vocabulary import words
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.models import Contact, Subscriber, Ticket, TicketContact, TicketEvent
from desktop.services import audit, events
from desktop.services.access import require_record_of, require_subscriber
from desktop.services.protocols import next_protocol

MAX_DESCRIPTION = 4000
MAX_SEARCH = 200
MAX_EVENT_TEXT = 4000

# History actions: stable codes stored in ticket_events.action (their words:
# desktop.domain.vocabulary.words.TICKET_ACTIONS).
ACTION_OPENED = "abertura"
ACTION_NOTE = "observacao"
ACTION_REPRINT = "segunda_via"
ACTION_STATEMENT = "extrato"
ACTION_INVOICE = "nota_fiscal"
ACTION_ENABLEMENT = "habilitacao"
ACTION_RADIUS = "radius"
ACTION_EXPIRY = "fim_habilitacao"
ACTION_PURCHASE = "compra"
ACTION_CANCELLATION = "cancelamento"
ACTION_RECEIPT = "comprovante"
ACTION_EMAIL = "envio_email"
ACTION_CLOSED = "encerramento"


@dataclass(frozen=True)
class TicketItem:
    id: int
    protocol: str
    type: str
    description: str
    status: TicketStatus
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    contacts: tuple[str, ...]  # names, first contact first

    @property
    def sort_key(self) -> tuple[dt.datetime, int]:
        return (self.opened_at, self.id)


def actor_name(actor: Actor | str) -> str:
    """How an actor appears in a ticket's history."""
    if isinstance(actor, str):
        return actor
    if isinstance(actor, KioskActor):
        return "assinante (quiosque)"
    return actor.login


# --------------------------------------------------------------------------- session level
def add_event(session: Session, ticket_id: int, actor: Actor | str, action: str, text: str) -> None:
    """Append to a ticket's history in the caller's transaction."""
    action = action.strip()
    if not action or len(action) > 40:
        raise InvalidInput("tickets.acao_historico_invalida")
    session.add(
        TicketEvent(
            ticket_id=ticket_id,
            at=utcnow(),
            actor=actor_name(actor)[:60],
            action=action,
            text=text.strip()[:MAX_EVENT_TEXT],
        )
    )


def canonical_type(text: str) -> str:
    key = search_key(text)
    for known in words.TICKET_TYPES:
        if search_key(known) == key:
            return str(known)  # the plain text is what the ticket stores
    raise InvalidInput(
        "tickets.tipo_atendimento_invalido_use",
        text=text,
        ticket_types=", ".join(words.TICKET_TYPES),
    )


def check_contact(session: Session, subscriber_id: int, contact_id: int) -> Contact:
    """The contact, if it is one of this subscriber's (a ticket lists only those)."""
    contact = session.get(Contact, contact_id)
    if contact is None or contact.subscriber_id != subscriber_id:
        raise NotFound("tickets.contato_nao_encontrado_entre")
    return contact


def create_ticket(
    session: Session,
    actor: Actor,
    subscriber_id: int,
    type_: str,
    description: str,
    contact_id: int | None = None,
    status: TicketStatus = TicketStatus.OPEN,
) -> Ticket:
    """Insert a ticket with a new protocol and its opening event (no rights check here)."""
    if session.get(Subscriber, subscriber_id) is None:
        raise NotFound("comum.assinante_nao_encontrado")
    if contact_id is not None:
        check_contact(session, subscriber_id, contact_id)
    now = utcnow()
    ticket = Ticket(
        protocol=next_protocol(session, now),
        subscriber_id=subscriber_id,
        type=type_,
        description=description,
        status=status,
        channel=actor.channel,
        first_contact_id=contact_id,
        opened_by=actor_name(actor)[:60],
        station=actor.station[:60],
        opened_at=now,
    )
    session.add(ticket)
    session.flush()
    if contact_id is not None:
        session.add(TicketContact(ticket_id=ticket.id, position=0, contact_id=contact_id))
    add_event(session, ticket.id, actor, ACTION_OPENED, f"{type_}: {description}")
    events.emit(
        session,
        actor,
        EventKind.TICKET_OPENED,
        subscriber_id=subscriber_id,
        protocol=ticket.protocol,
        type=type_,
        status=status.value,
        channel=actor.channel.value,
    )
    return ticket


def emit_closed(session: Session, actor: Actor, ticket: Ticket) -> None:
    """The outbox event of a ticket that has just been closed (every way of closing one)."""
    events.emit(
        session,
        actor,
        EventKind.TICKET_CLOSED,
        subscriber_id=ticket.subscriber_id,
        protocol=ticket.protocol,
        type=ticket.type,
    )


def contacts_of(session: Session, ticket_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The contacts' names of each ticket, first contact first (one query for a page)."""
    if not ticket_ids:
        return {}
    names: dict[int, list[str]] = {}
    for ticket_id, name in session.execute(
        select(TicketContact.ticket_id, Contact.name)
        .join(Contact, Contact.id == TicketContact.contact_id)
        .where(TicketContact.ticket_id.in_(ticket_ids))
        .order_by(TicketContact.ticket_id, TicketContact.position)
    ):
        names.setdefault(ticket_id, []).append(name)
    return {key: tuple(value) for key, value in names.items()}


def item_of(session: Session, ticket: Ticket) -> TicketItem:
    return TicketItem(
        ticket.id,
        ticket.protocol,
        ticket.type,
        ticket.description,
        ticket.status,
        ticket.opened_at,
        ticket.closed_at,
        contacts_of(session, [ticket.id]).get(ticket.id, ()),
    )


def load_ticket(session: Session, actor: Actor, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    require_record_of(
        actor,
        ticket.subscriber_id if ticket else None,
        NotFound("tickets.atendimento_nao_encontrado"),
    )
    assert ticket is not None
    return ticket


# --------------------------------------------------------------------------- actions
@writes(OpChanges(tickets=True))
def open_ticket(
    db: Database,
    actor: Actor,
    subscriber_id: int,
    type_: str,
    description: str,
    contact_id: int | None = None,
) -> TicketItem:
    """Open a ticket at the counter or the kiosk (own subscriber only); audited."""
    require_subscriber(actor, subscriber_id)
    kind = canonical_type(clean_input(type_, MAX_SEARCH))
    text = clean_input(description, MAX_DESCRIPTION + 1, single_line=False).strip()
    if not text:
        raise InvalidInput("tickets.descreva_atendimento_descricao_obrigatoria")
    if len(text) > MAX_DESCRIPTION:
        raise InvalidInput("tickets.descricao_muito_longa_maximo", max_description=MAX_DESCRIPTION)
    with db.session() as session:
        ticket = create_ticket(session, actor, subscriber_id, kind, text, contact_id)
        audit.record(
            session,
            actor,
            "atendimento.aberto",
            "ticket",
            ticket.id,
            protocolo=ticket.protocol,
            tipo=kind,
        )
        return item_of(session, ticket)


@writes(OpChanges(tickets=True))
def add_contact(db: Database, actor: Actor, ticket_id: int, contact_id: int) -> TicketItem:
    """List one more contact on a ticket (after the ones it has; the first stays first)."""
    with db.session() as session:
        load_ticket(session, actor, ticket_id)
        # The ticket's row lock orders stations adding contacts at once (PostgreSQL; SQLite
        # holds the write lock already): each then sees the others' positions, instead of
        # two taking the same one and the second failing on the primary key.
        ticket = session.scalars(
            select(Ticket)
            .where(Ticket.id == ticket_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
        contact = check_contact(session, ticket.subscriber_id, contact_id)
        rows = list(
            session.scalars(select(TicketContact).where(TicketContact.ticket_id == ticket.id))
        )
        if any(r.contact_id == contact_id for r in rows):
            return item_of(session, ticket)
        position = max((r.position for r in rows), default=-1) + 1
        session.add(TicketContact(ticket_id=ticket.id, position=position, contact_id=contact_id))
        if ticket.first_contact_id is None:
            ticket.first_contact_id = contact_id
        add_event(session, ticket.id, actor, ACTION_NOTE, f"Contato incluído: {contact.name}")
        session.flush()
        return item_of(session, ticket)


@writes(OpChanges(tickets=True))
def start_session_protocol(db: Database, actor: Actor, subscriber_id: int) -> TicketItem:
    """The atendimento of a counter or kiosk session; its protocol is shown at the start."""
    require_subscriber(actor, subscriber_id)
    kiosk = isinstance(actor, KioskActor)
    kind = str(words.TICKET_TYPE_KIOSK_SESSION if kiosk else words.TICKET_TYPE_COUNTER_SESSION)
    where = "no quiosque" if kiosk else "no balcão"
    text = f"Atendimento iniciado {where} ({actor.station})."
    with db.session() as session:
        ticket = create_ticket(
            session, actor, subscriber_id, kind, text, status=TicketStatus.IN_PROGRESS
        )
        audit.record(
            session,
            actor,
            "atendimento.sessao_iniciada",
            "ticket",
            ticket.id,
            protocolo=ticket.protocol,
        )
        return item_of(session, ticket)


@writes(OpChanges(tickets=True))
def record_session_action(
    db: Database, actor: Actor, ticket_id: int, action: str, text: str
) -> None:
    """Append an action of the session (reprint, statement, enablement...) to its history."""
    with db.session() as session:
        ticket = load_ticket(session, actor, ticket_id)
        if ticket.status is TicketStatus.CLOSED:
            raise Conflict("tickets.atendimento_encerrado", protocol=ticket.protocol)
        add_event(session, ticket.id, actor, action, text)


@writes(OpChanges(tickets=True))
def add_note(db: Database, actor: Actor, ticket_id: int, text: str) -> None:
    """A note the attendant adds to an open ticket's history (its detail dialog)."""
    note = clean_input(text, MAX_DESCRIPTION + 1, single_line=False).strip()
    if not note:
        raise InvalidInput("tickets.escreva_observacao_antes_registrar")
    if len(note) > MAX_DESCRIPTION:
        raise InvalidInput("tickets.observacao_muito_longa_maximo", max_description=MAX_DESCRIPTION)
    record_session_action(db, actor, ticket_id, ACTION_NOTE, note)


@writes(OpChanges(tickets=True))
def close_ticket(db: Database, actor: Actor, ticket_id: int, text: str = "") -> TicketItem:
    """Close a ticket (idempotent: closing a closed ticket changes nothing)."""
    with db.session() as session:
        ticket = load_ticket(session, actor, ticket_id)
        if ticket.status is not TicketStatus.CLOSED:
            ticket.status = TicketStatus.CLOSED
            ticket.closed_at = utcnow()
            add_event(session, ticket.id, actor, ACTION_CLOSED, text or "Atendimento encerrado.")
            emit_closed(session, actor, ticket)
            audit.record(
                session,
                actor,
                "atendimento.encerrado",
                "ticket",
                ticket.id,
                protocolo=ticket.protocol,
            )
        return item_of(session, ticket)
