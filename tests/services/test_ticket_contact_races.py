"""Stations adding contacts to one ticket at once (processes released by a barrier).

Before (PostgreSQL): each read the positions, took the same next one, and all but one
failed on the primary key with an IntegrityError traceback.
"""

from __future__ import annotations

from sqlalchemy import select

from desktop.db import Database
from desktop.domain.enums import Role
from desktop.models import Contact, TicketContact
from desktop.services import tickets
from tests.conftest import make_user
from tests.factories import CPFS, subscriber
from tests.services import integrity_workers as workers
from tests.services.concurrency import run_processes


def test_six_contacts_added_at_once_all_get_their_own_position(db: Database) -> None:
    attendant = make_user(db, "atendente1", Role.ATTENDANT)
    sub_id, _ = subscriber(db, "Maria", CPFS[0])
    with db.session() as session:
        contacts = [
            Contact(subscriber_id=sub_id, name=f"Contato {n}", relation="filho") for n in range(6)
        ]
        session.add_all(contacts)
        session.flush()
        contact_ids = [c.id for c in contacts]
    ticket = tickets.open_ticket(db, attendant, sub_id, "Informação", "pedido")
    args = [(db.url, attendant.user_id, ticket.id, cid) for cid in contact_ids]
    results = run_processes(workers.add_ticket_contact, args)
    assert [r[0] for r in results] == ["ok"] * 6, results
    with db.session() as session:
        rows = session.execute(
            select(TicketContact.position, TicketContact.contact_id).where(
                TicketContact.ticket_id == ticket.id
            )
        ).all()
    assert sorted(r.contact_id for r in rows) == sorted(contact_ids)
    assert sorted(r.position for r in rows) == list(range(len(rows)))
