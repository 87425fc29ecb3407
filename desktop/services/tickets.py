"""Atendimentos: tickets with ANATEL protocol numbers, ordered contacts and their history.

* The list filters by text in a chosen field (protocolo, descrição, tipo), a period of
  opening days in São Paulo and a status, and by **contact**: one contact finds the tickets
  whose *first* contact is that person (``tickets.first_contact_id``, indexed); *Todos* finds
  every ticket that lists any of the subscriber's contacts.  Pages are keyset on
  ``(opened_at desc, id desc)``.
* Every counter or kiosk session with a subscriber opens an atendimento at its start
  (:func:`start_session_protocol`); actions taken in the session are appended to its
  history (:func:`record_session_action`) and the session closes it (:func:`close_ticket`).
* Receipts (PDF, print or e-mail) live in ``desktop.services.ticket_receipts``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor, KioskActor
from desktop.domain.clock import local_period_bounds, utcnow
from desktop.domain.enums import Channel, EventKind, TicketStatus
from desktop.domain.periods import Period
from desktop.domain.text import clean_input, like_escape, search_key
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


def _check_contact(session: Session, subscriber_id: int, contact_id: int) -> Contact:
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
        _check_contact(session, subscriber_id, contact_id)
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


def _contacts_of(session: Session, ticket_ids: list[int]) -> dict[int, tuple[str, ...]]:
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
        _contacts_of(session, [ticket.id]).get(ticket.id, ()),
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


# --------------------------------------------------------------------------- queries
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
            _check_contact(session, flt.subscriber_id, flt.contact_id)
        tickets = list(session.scalars(stmt))
        contacts = _contacts_of(session, [t.id for t in tickets])
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


# --------------------------------------------------------------------------- actions
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
        contact = _check_contact(session, ticket.subscriber_id, contact_id)
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


def record_session_action(
    db: Database, actor: Actor, ticket_id: int, action: str, text: str
) -> None:
    """Append an action of the session (reprint, statement, enablement...) to its history."""
    with db.session() as session:
        ticket = load_ticket(session, actor, ticket_id)
        if ticket.status is TicketStatus.CLOSED:
            raise Conflict("tickets.atendimento_encerrado", protocol=ticket.protocol)
        add_event(session, ticket.id, actor, action, text)


def add_note(db: Database, actor: Actor, ticket_id: int, text: str) -> None:
    """A note the attendant adds to an open ticket's history (its detail dialog)."""
    note = clean_input(text, MAX_DESCRIPTION + 1, single_line=False).strip()
    if not note:
        raise InvalidInput("tickets.escreva_observacao_antes_registrar")
    if len(note) > MAX_DESCRIPTION:
        raise InvalidInput("tickets.observacao_muito_longa_maximo", max_description=MAX_DESCRIPTION)
    record_session_action(db, actor, ticket_id, ACTION_NOTE, note)


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
