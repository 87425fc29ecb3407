"""Atendimentos: tickets with protocol numbers, their contacts (ordered) and history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop.demo.pools import TICKET_TEXTS, TICKET_TYPE_WEIGHTS, weighted
from desktop.demo.state import ContractInfo, Demo, SubscriberInfo
from desktop.domain.clock import to_local
from desktop.domain.enums import Channel, ContractStatus, TicketStatus
from desktop.models.support import ProtocolCounter
from desktop.services.protocols import format_protocol
from desktop.services.tickets import ACTION_CLOSED, ACTION_NOTE, ACTION_OPENED

CHANNELS = (Channel.COUNTER, Channel.KIOSK, Channel.BACK_OFFICE)
STATIONS = {
    Channel.COUNTER: ("Loja Centro - Balcão 1", "Loja Centro - Balcão 2", "Loja Zona 7 - Balcão 1"),
    Channel.KIOSK: ("Loja Centro - Quiosque 1", "Loja Zona 7 - Quiosque 1"),
    Channel.BACK_OFFICE: ("Retaguarda",),
}
DEBT_TEXTS = (
    "Cliente informa que pagou e o plano continua suspenso.",
    "Cliente pede a habilitação provisória até receber o salário.",
    "Cliente questiona a suspensão por débito.",
)


def tickets(demo: Demo, sub: SubscriberInfo, contracts: list[ContractInfo]) -> None:
    """0-3 tickets over the year, plus one about each suspension for debt or cancellation."""
    rng, today = demo.rng, demo.today
    count = rng.choices((0, 1, 2, 3), (55, 28, 12, 5))[0]
    if sub.index < 4:
        count = max(count, 2)
    first_day = max(sub.created_on, today - dt.timedelta(days=364))
    span = max(1, (today - first_day).days)
    planned: list[tuple[dt.date, str, str | None]] = []
    for _ in range(count):
        day = today - dt.timedelta(days=rng.randint(1, span))
        planned.append((day, weighted(rng, TICKET_TYPE_WEIGHTS), None))
    for contract in contracts:
        if contract.status is ContractStatus.SUSPENDED_DEBT:
            since = to_local(contract.status_changed_at).date()
            day = min(today - dt.timedelta(days=1), since + dt.timedelta(days=rng.randint(0, 3)))
            planned.append((day, "Financeiro", rng.choice(DEBT_TEXTS)))
        elif contract.status is ContractStatus.CANCELLED and contract.stopped_on is not None:
            day = max(first_day, contract.stopped_on - dt.timedelta(days=rng.randint(0, 5)))
            planned.append((day, "Cancelamento", "Cliente solicita o cancelamento do contrato."))
    planned.sort(key=lambda item: item[0])
    for day, kind, description in planned:
        _ticket(demo, sub, day, kind, description)


def _ticket(
    demo: Demo, sub: SubscriberInfo, day: dt.date, kind: str, description: str | None
) -> None:
    rng, out = demo.rng, demo.out
    ticket_id = out.next_id("tickets")
    channel = rng.choices(CHANNELS, (50, 20, 30))[0]
    if channel is Channel.KIOSK:
        opened_by = "assinante (quiosque)"
    elif channel is Channel.BACK_OFFICE:
        opened_by = {"Suporte técnico": "suporte", "Financeiro": "financeiro"}.get(kind, "admin")
    else:
        opened_by = "atendente"
    opened_at = demo.business_time(day)
    age = (demo.today - day).days
    if age > 20:
        status = TicketStatus.CLOSED if rng.random() < 0.95 else TicketStatus.IN_PROGRESS
    else:
        status = rng.choices(list(TicketStatus), (35, 35, 30))[0]
    openings, follow_ups, resolutions = TICKET_TEXTS[kind]
    description = description or rng.choice(openings)
    # The history: the opening, follow-ups, and the closing note of a closed ticket.
    notes = [(ACTION_OPENED, opened_by, description)]
    wanted = rng.randint(1, 5)
    if status is not TicketStatus.OPEN:
        wanted = max(wanted, 2)
    middle = wanted - 1 - (status is TicketStatus.CLOSED)
    for _ in range(max(0, middle)):
        actor = rng.choice(("atendente", "suporte", "financeiro"))
        notes.append((ACTION_NOTE, actor, rng.choice(follow_ups)))
    if status is TicketStatus.CLOSED:
        actor = rng.choice(("atendente", "suporte"))
        notes.append((ACTION_CLOSED, actor, rng.choice(resolutions)))
    window = min(demo.end - opened_at, dt.timedelta(days=5))
    moment, closed_at = opened_at, None
    for position, (action, actor, note) in enumerate(notes):
        if position:
            moment += dt.timedelta(seconds=int(window.total_seconds() * rng.uniform(0.02, 0.2)))
        out.add(
            "ticket_events",
            {
                "id": out.next_id("ticket_events"),
                "ticket_id": ticket_id,
                "at": moment,
                "actor": actor,
                "action": action,
                "text": note,
            },
        )
        if action == ACTION_CLOSED:
            closed_at = moment
    contacts = rng.sample(sub.contacts, rng.randint(1, min(3, len(sub.contacts))))
    if rng.random() < 0.6 and sub.contacts[0] in contacts:  # most often the titular speaks
        contacts.remove(sub.contacts[0])
        contacts.insert(0, sub.contacts[0])
    out.add(
        "tickets",
        {
            "id": ticket_id,
            # The protocol sequence of desktop.services.protocols, synchronised at the end.
            "protocol": format_protocol(to_local(opened_at).date(), demo.next_protocol()),
            "subscriber_id": sub.id,
            "type": kind,
            "description": description,
            "status": status,
            "channel": channel,
            "first_contact_id": contacts[0].id,
            "opened_by": opened_by,
            "station": rng.choice(STATIONS[channel]),
            "opened_at": opened_at,
            "closed_at": closed_at,
        },
    )
    for position, contact in enumerate(contacts):
        out.add(
            "ticket_contacts",
            {"ticket_id": ticket_id, "position": position, "contact_id": contact.id},
        )


def last_protocol_value(conn: Connection) -> int:
    """Where the protocol sequence stands: demo tickets take the values after it."""
    if conn.dialect.name == "postgresql":
        last, called = conn.execute(text("SELECT last_value, is_called FROM protocol_seq")).one()
        return int(last) if called else int(last) - 1
    value = conn.scalar(select(ProtocolCounter.value).where(ProtocolCounter.id == 1))
    return int(value or 0)


def sync_protocol_sequence(conn: Connection, value: int) -> None:
    """Move the sequence past the demo's numbers, so new tickets never repeat one."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT setval('protocol_seq', :value)"), {"value": value})
        return
    stmt = sqlite_insert(ProtocolCounter).values(id=1, value=value)
    conn.execute(
        stmt.on_conflict_do_update(index_elements=[ProtocolCounter.id], set_={"value": value})
    )
