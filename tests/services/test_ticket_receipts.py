"""The protocol receipt through the service: PDF data, and e-mail to a real local SMTP server."""

from __future__ import annotations

import email
import socket
import subprocess
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import update

from desktop.db import Database
from desktop.domain.actors import CounterActor
from desktop.domain.vocabulary import words
from desktop.errors import InvalidInput, UserError
from desktop.models import Subscriber
from desktop.services import settings, ticket_receipts, ticket_search, tickets
from tests.conftest import kiosk
from tests.factories import subscriber


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def configure_smtp(db: Database, port: int) -> None:
    with db.session() as session:
        settings.put(session, "smtp.host", "127.0.0.1")
        settings.put(session, "smtp.port", port)
        settings.put(session, "smtp.starttls", False)


def test_receipt_is_emailed_as_pdf_and_recorded(
    db: Database, attendant: CounterActor, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp_server
    configure_smtp(db, port)
    sub_id, _ = subscriber(db, "Joana D'Arc Ferreira")
    item = tickets.start_session_protocol(db, attendant, sub_id)
    shown = ticket_receipts.email_receipt(db, attendant, item.id)
    assert shown.startswith("c***@example.com.br")
    assert len(inbox.messages) == 1
    rcpt, message = inbox.messages[0]
    assert rcpt[0].endswith("@example.com.br")
    assert item.protocol[:8] in message["Subject"]
    attachment = next(p for p in message.walk() if p.get_content_type() == "application/pdf")
    pdf = attachment.get_payload(decode=True)
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    path = tmp_path / "anexo.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert words.TICKET_STATUSES[item.status] in text and "Atendimento presencial" in text
    assert ticket_search.detail(db, attendant, item.id).history[-1].action == tickets.ACTION_EMAIL


def test_no_email_or_no_smtp_is_a_clear_refusal(
    db: Database, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    sub_id, _ = subscriber(db)
    item = tickets.start_session_protocol(db, kiosk(sub_id), sub_id)
    with pytest.raises(InvalidInput, match="não está configurado"):
        ticket_receipts.email_receipt(db, kiosk(sub_id), item.id)
    configure_smtp(db, port)
    with db.session() as session:
        session.execute(update(Subscriber).where(Subscriber.id == sub_id).values(email=None))
    with pytest.raises(InvalidInput, match="não tem e-mail"):
        ticket_receipts.email_receipt(db, kiosk(sub_id), item.id)
    assert inbox.messages == []


def test_unreachable_smtp_server_gives_a_message(db: Database, attendant: CounterActor) -> None:
    configure_smtp(db, free_port())  # nobody listens there
    sub_id, _ = subscriber(db)
    item = tickets.start_session_protocol(db, attendant, sub_id)
    with pytest.raises(UserError, match="Não foi possível enviar o e-mail"):
        ticket_receipts.email_receipt(db, attendant, item.id)
    assert ticket_search.detail(db, attendant, item.id).history[-1].action == tickets.ACTION_OPENED


def test_receipt_pdf_of_the_service(db: Database, attendant: CounterActor) -> None:
    sub_id, _ = subscriber(db)
    item = tickets.open_ticket(db, attendant, sub_id, "Informação", "Horário da loja")
    data = ticket_receipts.receipt(db, attendant, item.id)
    assert data.protocol.replace(" ", "") == item.protocol
    assert data.subscriber_document.startswith("***.")
    assert ticket_receipts.receipt_pdf(db, attendant, item.id).startswith(b"%PDF")
