"""Hostile text in every search and text field changes nothing and finds nothing wrong.

Run on both backends (``db``).  SQL is always bound (SQLAlchemy), LIKE wildcards are escaped
so ``%`` and ``_`` match themselves, and text that a database refuses outright (a NUL
character on PostgreSQL, a lone surrogate anywhere) is cleaned before it reaches a query:
the answer is "nothing found" or a refusal in words, never a database error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select, text

from desktop.db import Database
from desktop.domain.actors import CounterActor, KioskActor
from desktop.domain.documents import parse_document
from desktop.domain.text import clean_input
from desktop.errors import UserError
from desktop.models import Subscriber, Ticket
from desktop.services import auth, subscribers, ticket_search, tickets
from desktop.services.ticket_search import TicketFilter
from tests.security.conftest import World, row_counts

HOSTILE = {
    "or-1=1": "' OR 1=1 --",
    "or-1=1-double": '" OR "1"="1',
    "drop-table": "'; DROP TABLE subscribers; --",
    "union": "x' UNION SELECT password_hash FROM counter_users --",
    "percent": "%",
    "underscore": "_",
    "backslash": "\\",
    "like-all": "%%__%%",
    "nul": "abc\x00def",
    "only-nul": "\x00",
    "control": "\x1b[31m\x07",
    "lone-surrogate": "\udcff",
    "rtl-override": "\u202eetisiv",
    "emoji": "💥🔥",
    "fullwidth": "Ｚéｂｒａ",
    "combining": "Ze\u0301bra",
    "cpf-with-sql": "529.982.247-25' OR '1'='1",
    "100kb": "A" * 100_000,
    "100kb-percent": "%" * 100_000,
}

Field = Callable[[Database, World, str], Any]

FIELDS: dict[str, Field] = {
    "subscribers.search": lambda db, w, s: subscribers.search(db, w.staff, s),
    "subscribers.find_by_document": lambda db, w, s: subscribers.find_by_document(db, w.staff, s),
    "ticket_search.page text": lambda db, w, s: ticket_search.page(
        db, w.staff, TicketFilter(w.victim, text=s)
    ),
    "ticket_search.page descricao": lambda db, w, s: ticket_search.page(
        db, w.staff, TicketFilter(w.victim, field="descricao", text=s)
    ),
    "ticket_search.page tipo": lambda db, w, s: ticket_search.page(
        db, w.staff, TicketFilter(w.victim, field="tipo", text=s)
    ),
    "ticket_search.page protocolo": lambda db, w, s: ticket_search.page(
        db, w.staff, TicketFilter(w.victim, field="protocolo", text=s)
    ),
    "ticket_search.find_contact": lambda db, w, s: ticket_search.find_contact(
        db, w.staff, w.victim, s
    ),
    "auth.login_kiosk (CPF field)": lambda db, w, s: auth.login_kiosk(
        db, s, "qualquer", "quiosque-seg"
    ),
    "auth.login_kiosk (password field)": lambda db, w, s: auth.login_kiosk(
        db, w.victim_document, s, "quiosque-seg"
    ),
    "auth.login_counter (login field)": lambda db, w, s: auth.login_counter(
        db, s, "qualquer", "balcao-seg"
    ),
    "parse_document (CPF fields)": lambda db, w, s: parse_document(s),
}

# What a refused login writes on purpose: the failure counter and an audit line.
LOGIN_FAILURE_TABLES = {"audit_log", "subscribers", "counter_users"}


def legit_tickets(field: str, value: str, items: list[tickets.TicketItem]) -> set[int]:
    """The tickets a literal reading of the text finds (what the service must return)."""
    cleaned = clean_input(value, tickets.MAX_SEARCH).strip()
    if not cleaned:  # nothing left to search for: the same as an empty box
        return {t.id for t in items}
    digits = re.sub(r"\D", "", cleaned)
    by_protocol = {t.id for t in items if digits and digits in t.protocol}
    by_text = {
        t.id
        for t in items
        if cleaned.lower() in (t.type if field.endswith("tipo") else t.description).lower()
    }
    if field.endswith("protocolo"):
        return by_protocol
    if field.endswith("text"):
        return by_text | (by_protocol if digits == cleaned.replace(" ", "") else set())
    return by_text


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_hostile_text_changes_nothing_and_finds_nothing(
    db: Database, world: World, field: str
) -> None:
    """Every hostile string in one field (one world per field keeps this fast)."""
    all_tickets = ticket_search.page(db, world.staff, TicketFilter(world.victim))
    assert len(all_tickets) == 2
    problems: list[str] = []
    for hostile, value in sorted(HOSTILE.items()):
        before = row_counts(db)
        try:
            result = FIELDS[field](db, world, value)
        except UserError as exc:  # refused in words: fine, as long as the words are short
            if len(exc.message) >= 400:
                problems.append(f"{hostile}: a {len(exc.message)}-character message")
            result = None
        if field.startswith("ticket_search.page") and result is not None:
            if {t.id for t in result} != legit_tickets(field, value, all_tickets):
                problems.append(f"{hostile}: found {[t.description for t in result]}")
        elif isinstance(result, list) and result:
            problems.append(f"{hostile}: found {result}")
        elif isinstance(result, KioskActor | CounterActor):
            problems.append(f"{hostile}: LOGGED IN")
        after = row_counts(db)
        changed = {t for t in after if after[t] != before[t]}
        if not changed <= LOGIN_FAILURE_TABLES:
            problems.append(f"{hostile}: wrote to {sorted(changed)}")
    assert problems == []
    with db.session() as session:  # the tables are all there, with their rows
        assert session.scalar(select(func.count()).select_from(Subscriber)) == 2
        assert session.scalar(select(func.count()).select_from(Ticket)) == 2


def test_wildcards_match_themselves_not_everything(db: Database, world: World) -> None:
    """A name search of "%" or "_" finds nobody; a real prefix still finds the victim."""
    assert subscribers.search(db, world.staff, "%") == []
    assert subscribers.search(db, world.staff, "_") == []
    assert [h.id for h in subscribers.search(db, world.staff, "Vítima")] == [world.victim]
    assert [h.id for h in subscribers.search(db, world.staff, "vitima")] == [world.victim]
    assert ticket_search.page(db, world.staff, TicketFilter(world.victim, text="%")) == []
    assert ticket_search.page(db, world.staff, TicketFilter(world.victim, text="_")) == []
    found = ticket_search.page(db, world.staff, TicketFilter(world.victim, text="Assunto"))
    assert [t.id for t in found] == [world.ticket]


def test_hostile_text_is_stored_as_text_where_text_is_stored(db: Database, world: World) -> None:
    """A ticket description may say anything: it is kept as typed (NUL aside) and finds itself."""
    evil = "'; DROP TABLE subscribers; -- %_\\ \x00fim"
    item = tickets.open_ticket(db, world.staff, world.victim, "Reclamação", evil)
    assert item.description == "'; DROP TABLE subscribers; -- %_\\  fim"
    found = ticket_search.page(
        db, world.staff, TicketFilter(world.victim, field="descricao", text="DROP TABLE")
    )
    assert [t.id for t in found] == [item.id]
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM subscribers")).scalar() == 2
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == 3
