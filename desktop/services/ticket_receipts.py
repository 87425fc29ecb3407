"""The protocol receipt (comprovante de atendimento): its data, its PDF, and e-mail.

SPEC §1.8: the receipt can be printed and is sent to the subscriber's e-mail.  Printing goes
through ``desktop.adapters.printing`` with the bytes of :func:`receipt_pdf`; :func:`email_receipt`
sends them over SMTP (settings ``smtp.*``) and records the sending in the ticket's history.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.adapters import mailer
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.changes import OpChanges, writes
from desktop.domain.documents import mask_document
from desktop.domain.vocabulary import words
from desktop.errors import InvalidInput
from desktop.models import Subscriber, TicketEvent
from desktop.reports.protocol_receipt import (
    ProtocolReceipt,
    ReceiptCompany,
    ReceiptEvent,
    render_protocol_receipt,
)
from desktop.services import settings
from desktop.services.company import company_info
from desktop.services.protocols import display_protocol
from desktop.services.tickets import (
    ACTION_EMAIL,
    ACTION_RECEIPT,
    add_event,
    item_of,
    load_ticket,
)


def _receipt(session: Session, actor: Actor, ticket_id: int) -> tuple[ProtocolReceipt, str | None]:
    ticket = load_ticket(session, actor, ticket_id)
    sub = session.get(Subscriber, ticket.subscriber_id)
    assert sub is not None  # the foreign key guarantees it
    company = company_info(session)
    item = item_of(session, ticket)
    events = tuple(
        ReceiptEvent(e.at, e.actor, words.TICKET_ACTIONS.get(e.action, e.action), e.text)
        for e in session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)
        )
    )
    receipt = ProtocolReceipt(
        company=ReceiptCompany(
            company.name, company.cnpj_formatted, company.address, company.phone, company.email
        ),
        protocol=display_protocol(ticket.protocol),
        opened_at=ticket.opened_at,
        closed_at=ticket.closed_at,
        subscriber_name=sub.name,
        subscriber_document=mask_document(sub.document),
        type=ticket.type,
        description=ticket.description,
        status=words.TICKET_STATUSES[ticket.status],
        contacts=item.contacts,
        history=events,
        channel=words.CHANNELS[ticket.channel],
    )
    return receipt, sub.email


def receipt(db: Database, actor: Actor, ticket_id: int) -> ProtocolReceipt:
    with db.session() as session:
        return _receipt(session, actor, ticket_id)[0]


def receipt_pdf(db: Database, actor: Actor, ticket_id: int) -> bytes:
    return render_protocol_receipt(receipt(db, actor, ticket_id))


def receipt_documents(db: Database, actor: Actor, ticket_id: int) -> tuple[bytes, bytes]:
    """(A4 PDF, ESC/POS bytes) of the receipt: for the A4 or the thermal printer (SPEC §3)."""
    from desktop.reports.receipts_escpos import protocol_receipt_escpos  # only when printing

    data = receipt(db, actor, ticket_id)
    return render_protocol_receipt(data), protocol_receipt_escpos(data)


@writes(OpChanges(tickets=True))  # a line in the ticket's history
def record_printed(db: Database, actor: Actor, ticket_id: int, printer: str) -> None:
    """Note in the history that the receipt was printed (called after the job was accepted)."""
    with db.session() as session:
        ticket = load_ticket(session, actor, ticket_id)
        add_event(
            session,
            ticket.id,
            actor,
            ACTION_RECEIPT,
            f"Impresso em {printer or 'impressora padrão'}.",
        )


def _mask_email(address: str) -> str:
    user, _, domain = address.partition("@")
    return f"{user[:1]}***@{domain}"


@writes(OpChanges(tickets=True))  # a line in the ticket's history
def email_receipt(db: Database, actor: Actor, ticket_id: int) -> str:
    """E-mail the receipt to the subscriber; returns the (masked) address it went to."""
    with db.session() as session:
        data, email = _receipt(session, actor, ticket_id)
        config = settings.get_many(session, "smtp.")
    if not email or "@" not in email:
        raise InvalidInput("ticket_receipts.assinante_nao_tem_mail")
    pdf = render_protocol_receipt(data)
    body = (
        f"Olá, {data.subscriber_name}.\n\n"
        f"Seu atendimento foi registrado com o protocolo {data.protocol} "
        f"({data.type}).\nO comprovante está anexo.\n\n{data.company.name}\n"
        f"{data.company.phone} · {data.company.email}\n"
    )
    compact = data.protocol.replace(" ", "")
    mailer.send_mail(
        config,
        email,
        f"Protocolo de atendimento {data.protocol} — {data.company.name}",
        body,
        [mailer.Attachment(f"protocolo-{compact}.pdf", pdf)],
    )
    shown = _mask_email(email)
    with db.session() as session:
        add_event(session, ticket_id, actor, ACTION_EMAIL, f"Comprovante enviado para {shown}.")
    return shown
