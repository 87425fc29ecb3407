"""The data of the PIX payment receipt, from what ``pix_charges.check`` confirmed.

One short read: the bill, its subscriber (document masked: a receipt is often left behind at
a kiosk), the charge's fine and interest, and the company (CDC art. 42-A).
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from desktop.db import Database
from desktop.errors import Conflict, NotFound
from desktop.models import PixCharge, Receivable, Subscriber
from desktop.reports.pix_receipt import PixReceipt
from desktop.reports.protocol_receipt import ReceiptCompany
from desktop.services.access import require_subscriber
from desktop.services.actors import Actor
from desktop.services.company import company_info
from desktop.services.documents import mask_document
from desktop.services.pix_charges import CheckResult
from desktop.services.protocols import display_protocol
from desktop.services.settlement import SettleOutcome

# The PIX that paid the bill: settled by this check, or by an earlier one / the job.
ZERO = Decimal("0.00")
_PAID = (SettleOutcome.SETTLED, SettleOutcome.ALREADY_SETTLED)


def pix_receipt(db: Database, actor: Actor, result: CheckResult) -> PixReceipt:
    paid = [s for s in result.settled if s.outcome in _PAID]
    if not paid:
        raise Conflict("Nenhum pagamento PIX confirmado para esta cobrança.")
    pix = next((s for s in paid if s.outcome is SettleOutcome.SETTLED), paid[0])
    with db.session() as session:
        rec = session.get(Receivable, pix.receivable_id)
        if rec is None:
            raise NotFound(f"Conta a receber {pix.receivable_id} não encontrada.")
        require_subscriber(actor, rec.subscriber_id)
        sub = session.get(Subscriber, rec.subscriber_id)
        assert sub is not None  # the foreign key guarantees it
        charge = session.scalar(select(PixCharge).where(PixCharge.txid == result.txid))
        company = company_info(session)
        return PixReceipt(
            company=ReceiptCompany(
                company.name, company.cnpj_formatted, company.address, company.phone, company.email
            ),
            subscriber_name=sub.name,
            subscriber_document=mask_document(sub.document),
            description=rec.description,
            due_date=rec.due_date,
            amount=pix.amount,
            fine=charge.fine if charge is not None else ZERO,
            interest=charge.interest if charge is not None else ZERO,
            paid_at=pix.paid_at,
            end_to_end_id=pix.end_to_end_id,
            txid=result.txid,
            protocol=display_protocol(result.protocol) if result.protocol else "",
            access_restored=result.suspension_lifted,
        )
