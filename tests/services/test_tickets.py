"""Atendimentos: opening, the Contatos filter (first contact only / Todos), fields, history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.enums import Channel, TicketStatus
from desktop.domain.periods import Period
from desktop.domain.vocabulary import words
from desktop.errors import AccessDenied, Conflict, InvalidInput, NotFound
from desktop.models import AuditEntry, Contact, Ticket
from desktop.services import ticket_search, tickets
from tests.conftest import kiosk
from tests.factories import CPFS, subscriber


def add_contact(db: Database, subscriber_id: int, name: str, relation: str = "cônjuge") -> int:
    with db.session() as session:
        contact = Contact(subscriber_id=subscriber_id, name=name, relation=relation)
        session.add(contact)
        session.flush()
        return contact.id


def titular(db: Database, subscriber_id: int) -> int:
    with db.session() as session:
        return session.scalars(
            select(Contact.id).where(Contact.subscriber_id == subscriber_id).order_by(Contact.id)
        ).first()  # type: ignore[return-value]


@pytest.fixture
def family(db: Database) -> tuple[int, int, int, int]:
    """Maria (titular) and José, contacts of one subscriber; returns (sub, maria, jose, other_sub)."""
    sub_id, _ = subscriber(db, "Maria da Silva", CPFS[0])
    other_sub, _ = subscriber(db, "Pedro Souza", CPFS[1])
    return sub_id, titular(db, sub_id), add_contact(db, sub_id, "José Araújo"), other_sub


def test_open_ticket_gives_a_protocol_history_and_audit(
    db: Database, attendant: CounterActor, family: tuple[int, int, int, int]
) -> None:
    sub_id, maria, _, _ = family
    item = tickets.open_ticket(
        db, attendant, sub_id, "suporte tecnico", "Sem sinal desde ontem.", maria
    )
    assert len(item.protocol) == 18 and item.protocol.isdigit()
    assert item.type == "Suporte técnico"  # canonical spelling
    assert item.status is TicketStatus.OPEN and item.contacts == ("Maria da Silva",)
    detail = ticket_search.detail(db, attendant, item.id)
    assert detail.channel is Channel.COUNTER and detail.opened_by == "atendente1"
    assert [(e.action, e.actor) for e in detail.history] == [("abertura", "atendente1")]
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "atendimento.aberto")
        ).one()
        assert item.protocol in entry.details


@pytest.mark.parametrize(
    ("type_", "description", "message"),
    [
        ("Informação", "   ", "obrigatória"),
        ("Informação", "x" * 4001, "4000"),
        ("Macumba", "texto", "Tipo de atendimento inválido"),
    ],
)
def test_open_ticket_refuses_bad_input(
    db: Database,
    attendant: CounterActor,
    family: tuple[int, int, int, int],
    type_: str,
    description: str,
    message: str,
) -> None:
    with pytest.raises(InvalidInput, match=message):
        tickets.open_ticket(db, attendant, family[0], type_, description)


def test_contact_must_belong_to_the_subscriber(
    db: Database, attendant: CounterActor, family: tuple[int, int, int, int]
) -> None:
    sub_id, _, _, other = family
    with pytest.raises(NotFound):
        tickets.open_ticket(db, attendant, sub_id, "Informação", "x", titular(db, other))


def test_kiosk_opens_tickets_for_itself_only(
    db: Database, family: tuple[int, int, int, int]
) -> None:
    sub_id, maria, _, other = family
    item = tickets.open_ticket(db, kiosk(sub_id), sub_id, "Reclamação", "Lentidão à noite.", maria)
    assert ticket_search.detail(db, kiosk(sub_id), item.id).channel is Channel.KIOSK
    with pytest.raises(AccessDenied):
        tickets.open_ticket(db, kiosk(sub_id), other, "Reclamação", "x")
    with pytest.raises(NotFound):  # another subscriber's ticket does not exist for this kiosk
        ticket_search.detail(db, kiosk(other), item.id)
    with pytest.raises(AccessDenied):
        ticket_search.page(db, kiosk(other), ticket_search.TicketFilter(sub_id))


def test_contact_filter_matches_only_the_first_contact_and_todos_gives_all(
    db: Database, attendant: CounterActor, family: tuple[int, int, int, int]
) -> None:
    sub_id, maria, jose, _ = family
    by_maria = tickets.open_ticket(db, attendant, sub_id, "Informação", "Maria pergunta", maria)
    by_jose = tickets.open_ticket(db, attendant, sub_id, "Informação", "José pergunta", jose)
    jose_then_maria = tickets.open_ticket(db, attendant, sub_id, "Financeiro", "José e Maria", jose)
    tickets.add_contact(db, attendant, jose_then_maria.id, maria)
    nobody = tickets.open_ticket(db, attendant, sub_id, "Informação", "Sem contato")

    def ids(**kw: object) -> list[int]:
        return [
            i.id
            for i in ticket_search.page(db, attendant, ticket_search.TicketFilter(sub_id, **kw))
        ]  # type: ignore[arg-type]

    assert ids(contact_id=maria) == [by_maria.id]  # Maria is only second on the joint ticket
    assert ids(contact_id=jose) == [jose_then_maria.id, by_jose.id]
    assert ids(with_contact=True) == [jose_then_maria.id, by_jose.id, by_maria.id]
    everyone = [nobody.id, jose_then_maria.id, by_jose.id, by_maria.id]
    assert ids() == everyone
    # Todos (--all-contacts) is every ticket, the one with no contact too (issue 15, item 21).
    assert ids(all_contacts=True) == everyone
    joint = ticket_search.page(db, attendant, ticket_search.TicketFilter(sub_id, contact_id=jose))[
        0
    ]
    assert joint.contacts == ("José Araújo", "Maria da Silva")  # first contact first
    with pytest.raises(InvalidInput):
        ids(contact_id=maria, all_contacts=True)


def test_find_contact_is_accent_insensitive_and_clear_when_ambiguous(
    db: Database, attendant: CounterActor, family: tuple[int, int, int, int]
) -> None:
    sub_id, maria, jose, _ = family
    add_contact(db, sub_id, "José Araújo Filho", "filho")
    assert (
        ticket_search.find_contact(db, attendant, sub_id, "jose araujo") == jose
    )  # exact beats partial
    assert ticket_search.find_contact(db, attendant, sub_id, "MARIA") == maria
    with pytest.raises(InvalidInput, match="Mais de um contato"):
        ticket_search.find_contact(db, attendant, sub_id, "araujo")
    with pytest.raises(NotFound, match="Contatos deste assinante: Maria da Silva"):
        ticket_search.find_contact(db, attendant, sub_id, "Joaquim")


def test_field_period_and_status_filters(
    db: Database, attendant: CounterActor, family: tuple[int, int, int, int]
) -> None:
    sub_id = family[0]
    a = tickets.open_ticket(db, attendant, sub_id, "Suporte técnico", "Roteador reiniciando")
    b = tickets.open_ticket(db, attendant, sub_id, "Financeiro", "Boleto em duplicidade")
    tickets.close_ticket(db, attendant, b.id)
    # a was opened on 30/11 at 23:30 in São Paulo (02:30 UTC on 1/12); b in June, so the
    # test does not depend on the day it runs.
    with db.session() as session:
        session.execute(
            update(Ticket)
            .where(Ticket.id == a.id)
            .values(opened_at=dt.datetime(2026, 12, 1, 2, 30, tzinfo=dt.UTC))
        )
        session.execute(
            update(Ticket)
            .where(Ticket.id == b.id)
            .values(opened_at=dt.datetime(2026, 6, 15, 15, 0, tzinfo=dt.UTC))
        )

    def ids(**kw: object) -> list[int]:
        return [
            i.id
            for i in ticket_search.page(db, attendant, ticket_search.TicketFilter(sub_id, **kw))
        ]  # type: ignore[arg-type]

    assert ids(field="descricao", text="ROTEADOR") == [a.id]
    assert ids(field="tipo", text="financ") == [b.id]
    assert ids(field="protocolo", text=b.protocol[-6:]) == [b.id]
    assert ids(text=a.protocol) == [a.id]  # no field: protocol or description
    assert ids(text="duplicidade") == [b.id]
    assert ids(text="100% off") == []  # LIKE wildcards are literal
    assert ids(period=Period(dt.date(2026, 11, 30), dt.date(2026, 11, 30))) == [a.id]
    assert ids(period=Period(dt.date(2026, 12, 1), dt.date(2026, 12, 1))) == []
    assert ids(status=TicketStatus.CLOSED) == [b.id]
    assert ids(status=TicketStatus.OPEN) == [a.id]
    with pytest.raises(InvalidInput):
        ids(field="protocolo", text="abc")


def test_pages_are_keyset_newest_first(
    db: Database, attendant: CounterActor, family: tuple[int, int, int, int]
) -> None:
    sub_id = family[0]
    made = [tickets.open_ticket(db, attendant, sub_id, "Informação", f"n{i}").id for i in range(5)]
    flt = ticket_search.TicketFilter(sub_id)
    first = ticket_search.page(db, attendant, flt, limit=2)
    second = ticket_search.page(db, attendant, flt, after=first[-1].sort_key, limit=2)
    third = ticket_search.page(db, attendant, flt, after=second[-1].sort_key, limit=2)
    assert [i.id for i in first + second + third] == made[::-1]


def test_session_protocol_records_each_action_then_closes(
    db: Database, attendant: CounterActor, family: tuple[int, int, int, int]
) -> None:
    sub_id = family[0]
    session_item = tickets.start_session_protocol(db, attendant, sub_id)
    assert (
        session_item.type == words.TICKET_TYPE_COUNTER_SESSION
        and session_item.status is TicketStatus.IN_PROGRESS
    )
    tickets.record_session_action(
        db, attendant, session_item.id, tickets.ACTION_REPRINT, "Boleto 10/2026"
    )
    tickets.record_session_action(
        db, attendant, session_item.id, tickets.ACTION_STATEMENT, "Extrato financeiro"
    )
    closed = tickets.close_ticket(db, attendant, session_item.id)
    assert closed.status is TicketStatus.CLOSED and closed.closed_at is not None
    assert (
        tickets.close_ticket(db, attendant, session_item.id).closed_at == closed.closed_at
    )  # idempotent
    history = ticket_search.detail(db, attendant, session_item.id).history
    assert [e.action for e in history] == ["abertura", "segunda_via", "extrato", "encerramento"]
    with pytest.raises(Conflict, match="já foi encerrado"):
        tickets.record_session_action(db, attendant, session_item.id, tickets.ACTION_PURCHASE, "x")
    kiosk_item = tickets.start_session_protocol(db, kiosk(sub_id), sub_id)
    assert kiosk_item.type == words.TICKET_TYPE_KIOSK_SESSION
    assert (
        ticket_search.detail(db, kiosk(sub_id), kiosk_item.id).history[0].actor
        == "assinante (quiosque)"
    )


def test_add_note_cleans_refuses_empty_and_closed_tickets(
    db: Database, attendant: CounterActor, family: tuple[int, int, int, int]
) -> None:
    sub_id, maria, _, _ = family
    item = tickets.open_ticket(db, attendant, sub_id, "Informação", "Horário da loja", maria)
    with pytest.raises(InvalidInput, match="Escreva a observação"):
        tickets.add_note(db, attendant, item.id, "  \n ")
    with pytest.raises(InvalidInput, match="muito longa"):
        tickets.add_note(db, attendant, item.id, "x" * (tickets.MAX_DESCRIPTION + 1))
    tickets.add_note(db, attendant, item.id, " Ligou de novo\x00. ")
    last = ticket_search.detail(db, attendant, item.id).history[-1]
    assert (last.action, last.text) == (tickets.ACTION_NOTE, "Ligou de novo .")
    tickets.close_ticket(db, attendant, item.id)
    with pytest.raises(Conflict, match="já foi encerrado"):
        tickets.add_note(db, attendant, item.id, "Depois do fim")
