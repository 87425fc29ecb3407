"""The data of the short receipts (SPEC §3): payment and enablement, for the thermal printer.

Each function reads what the receipt says in one short session and returns the frozen input
of :mod:`desktop.reports.receipts_escpos`; ``*_documents`` also render it, as (A4 PDF,
ESC/POS bytes) for :func:`desktop.adapters.printing.print_receipt`, which picks the printer.  The
subscriber's document is masked: a receipt is left behind at a kiosk more often than not.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from desktop.db import Database
from desktop.domain.actors import Actor, CounterActor
from desktop.domain.documents import mask_document
from desktop.domain.enums import PaymentMethod, ReceivableStatus
from desktop.errors import Conflict, NotFound
from desktop.models import Contract, Plan, ProvisionalEnablement, Receivable, Subscriber, Ticket
from desktop.reports.protocol_receipt import ReceiptCompany
from desktop.reports.receipts_escpos import EnablementReceipt, PaymentReceipt
from desktop.services.access import require_record_of, require_subscriber
from desktop.services.company import CompanyInfo, company_info
from desktop.services.protocols import display_protocol


def receipt_company(info: CompanyInfo) -> ReceiptCompany:
    return ReceiptCompany(info.name, info.cnpj_formatted, info.address, info.phone, info.email)


def payment_receipt(
    db: Database,
    actor: Actor,
    receivable_id: int,
    *,
    protocol: str,
    reference: str = "",
    txid: str = "",
    amount: Decimal | None = None,
    paid_at: dt.datetime | None = None,
    method: PaymentMethod | None = None,
) -> PaymentReceipt:
    """The receipt of a settled bill: figures from the receivable unless given (a PIX
    settlement passes the end-to-end id as ``reference`` and its own amount and instant).

    ``protocol``: the atendimento's (raw or grouped).  ``Conflict`` when the bill is not
    settled and nothing says what was paid.
    """
    with db.session() as session:
        row = session.get(Receivable, receivable_id)
        if row is None:
            raise NotFound("receipts.conta_nao_encontrada")
        require_record_of(actor, row.subscriber_id, NotFound("receipts.conta_nao_encontrada"))
        sub = session.get(Subscriber, row.subscriber_id)
        assert sub is not None  # the foreign key guarantees it
        company = company_info(session)
        paid_amount = amount if amount is not None else row.paid_amount
        when = paid_at or row.paid_at
        how = method or row.payment_method
        if row.status is not ReceivableStatus.PAID and (paid_amount is None or when is None):
            raise Conflict("receipts.conta_ainda_nao_paga")
        if paid_amount is None or when is None or how is None:
            raise Conflict("receipts.pagamento_desta_conta_nao")
        return PaymentReceipt(
            company=receipt_company(company),
            subscriber_name=sub.name,
            subscriber_document=mask_document(sub.document),
            description=row.description,
            amount=paid_amount,
            paid_at=when,
            method=how,
            protocol=display_protocol(protocol),
            reference=reference,
            due_date=row.due_date,
            txid=txid,
            operator=actor.login if isinstance(actor, CounterActor) else "",
        )


def enablement_receipt(
    db: Database, actor: Actor, subscriber_id: int, contract_id: int
) -> EnablementReceipt:
    """The receipt of the contract's latest Habilitação Provisória (the one just granted)."""
    require_subscriber(actor, subscriber_id)
    with db.session() as session:
        contract = session.get(Contract, contract_id)
        if contract is None or contract.subscriber_id != subscriber_id:
            raise NotFound("comum.plano_nao_encontrado_assinante")
        enabled = session.scalars(
            select(ProvisionalEnablement)
            .where(ProvisionalEnablement.contract_id == contract_id)
            .order_by(ProvisionalEnablement.enabled_at.desc(), ProvisionalEnablement.id.desc())
            .limit(1)
        ).first()
        if enabled is None:
            raise NotFound("receipts.plano_nao_tem_habilitacao")
        ticket = session.get(Ticket, enabled.ticket_id) if enabled.ticket_id else None
        plan = session.get(Plan, contract.plan_id)
        sub = session.get(Subscriber, subscriber_id)
        assert sub is not None
        return EnablementReceipt(
            company=receipt_company(company_info(session)),
            subscriber_name=sub.name,
            subscriber_document=mask_document(sub.document),
            contract_number=contract.number,
            plan=plan.name if plan else "",
            enabled_at=enabled.enabled_at,
            enabled_until=enabled.expires_at,
            protocol=display_protocol(ticket.protocol) if ticket else "",
        )


def enablement_receipt_documents(
    db: Database, actor: Actor, subscriber_id: int, contract_id: int
) -> tuple[bytes, bytes]:
    """(A4 PDF, ESC/POS bytes) of :func:`enablement_receipt`."""
    from desktop.reports.receipt_pdf import enablement_receipt_pdf
    from desktop.reports.receipts_escpos import enablement_receipt_escpos

    data = enablement_receipt(db, actor, subscriber_id, contract_id)
    return enablement_receipt_pdf(data), enablement_receipt_escpos(data)


def payment_receipt_documents(receipt: PaymentReceipt) -> tuple[bytes, bytes]:
    """(A4 PDF, ESC/POS bytes) of a payment receipt."""
    from desktop.reports.receipt_pdf import payment_receipt_pdf
    from desktop.reports.receipts_escpos import payment_receipt_escpos

    return payment_receipt_pdf(receipt), payment_receipt_escpos(receipt)
