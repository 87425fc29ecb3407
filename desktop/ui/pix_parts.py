"""The parts of the *Pagar com PIX* screen that are not the screen: the QR drawn from the
payload, and the two documents it prints (the payment receipt, the boleto offered instead).

They run in the worker (the printing) or only paint (the QR); none imports the tabs at run
time, because the tabs import the PIX screen.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.actors import Actor
from desktop.domain.enums import PaymentMethod
from desktop.errors import Conflict
from desktop.reports.qr import qr_matrix
from desktop.services.pix_charges import CheckResult, SettledPix
from desktop.services.settlement import SettleOutcome

if TYPE_CHECKING:
    from desktop.db import Database
    from desktop.ui.print_job import PrintOutcome

_PAID = (SettleOutcome.SETTLED, SettleOutcome.ALREADY_SETTLED)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PixPayment", text)


# --------------------------------------------------------------------------- printing
def paid_pix(result: CheckResult) -> SettledPix | None:
    """The PIX that paid the bill: settled by this check, or before it (another station)."""
    paid = [s for s in result.settled if s.outcome in _PAID]
    return next((s for s in paid if s.outcome is SettleOutcome.SETTLED), paid[0] if paid else None)


def print_pix_receipt(db: Database, actor: Actor, result: CheckResult) -> PrintOutcome:
    """THE one call that prints the PIX payment receipt (runs in the worker).

    The payment receipt of ``services.receipts`` (E2E id, txid, amount, the atendimento's
    protocol): to the station's 80 mm receipt printer when ``receipt_printer`` is set, else
    the A4 PDF to its printer (``print_document``; a failing printer keeps the PDF).
    """
    from desktop.services import receipts
    from desktop.ui.print_job import print_document

    pix = paid_pix(result)
    if pix is None:
        raise Conflict("Nenhum pagamento PIX confirmado para esta cobrança.")
    receipt = receipts.payment_receipt(
        db,
        actor,
        pix.receivable_id,
        protocol=result.protocol or "",
        reference=pix.end_to_end_id,
        txid=result.txid,
        amount=pix.amount,
        paid_at=pix.paid_at,
        method=PaymentMethod.PIX,
    )
    pdf, escpos = receipts.payment_receipt_documents(receipt)
    return print_document(pdf, f"Comprovante PIX {result.txid}", receipt=escpos)


def print_boleto(db: Database, actor: Actor, receivable_id: int, today: dt.date) -> tuple[Any, str]:
    """The boleto offered when PIX fails: (print outcome, linha digitável)."""
    from desktop.reports.boleto import document_from_info, render_boleto
    from desktop.services import boletos
    from desktop.ui.print_job import print_document

    info = boletos.boleto_for_receivable(db, actor, receivable_id, today=today)
    pdf = render_boleto(document_from_info(info))
    return print_document(pdf, f"Boleto — {info.due_date:%d/%m/%Y}"), info.formatted_line


# --------------------------------------------------------------------------- the QR
class QrView(QWidget):
    """The QR code of a payload, drawn module by module at a whole number of pixels each
    (crisp at any size; a phone camera reads it from a metre away)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pixQr")
        self._matrix: list[list[bool]] = []
        self.payload = ""
        # At least ~5 px a module for a dynamic PIX (version 7-10): a phone reads it from arm's
        # length even when the copia-e-cola text beside it asks for most of a 1024 px screen.
        self.setMinimumSize(300, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_tr("QR Code do PIX"))

    def set_payload(self, payload: str) -> None:
        self.payload = payload
        self._matrix = qr_matrix(payload) if payload else []  # quiet zone included
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        n = len(self._matrix)
        if n:
            module = max(1, min(self.width(), self.height()) // n)
            x0 = (self.width() - module * n) // 2
            y0 = (self.height() - module * n) // 2
            dark = QColor("#000000")
            for r, row in enumerate(self._matrix):
                c = 0
                while c < n:  # one rectangle per run of dark modules
                    if row[c]:
                        start = c
                        while c < n and row[c]:
                            c += 1
                        painter.fillRect(
                            x0 + start * module, y0 + r * module, (c - start) * module, module, dark
                        )
                    else:
                        c += 1
        painter.end()
