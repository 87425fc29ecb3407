"""Comprovante de pagamento PIX: the receipt the *Pagar com PIX* screen prints (SPEC §7, §3).

Company header (CDC art. 42-A: name, address, CNPJ), the bill paid, the amount with fine and
interest, the instant in São Paulo, the PIX end-to-end id and txid, and the session's
protocol.  Pure function: a :class:`PixReceipt` in, A4 PDF bytes out (``invariant=1``).

The thermal (ESC/POS) payment receipt arrives with its own printer module; until then this
PDF goes to the station's printer like every other document.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.reports.protocol_receipt import ReceiptCompany
from desktop.services.clock import to_local


@dataclass(frozen=True)
class PixReceipt:
    company: ReceiptCompany
    subscriber_name: str
    subscriber_document: str  # masked
    description: str
    due_date: dt.date
    amount: Decimal  # what was paid
    fine: Decimal
    interest: Decimal
    paid_at: dt.datetime  # UTC
    end_to_end_id: str
    txid: str
    protocol: str  # grouped for reading; "" when the charge had no atendimento
    access_restored: bool  # this payment lifted the suspension


def _money(value: Decimal) -> str:
    text = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"R$ {text}"


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def render_pix_receipt(receipt: PixReceipt) -> bytes:
    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "b", parent=styles["Normal"], fontName="Helvetica", fontSize=10, leading=13
    )
    small = ParagraphStyle("s", parent=body, fontSize=8, leading=10, textColor=colors.grey)
    head = ParagraphStyle("h", parent=body, fontName="Helvetica-Bold", fontSize=12, leading=15)
    title = ParagraphStyle(
        "t", parent=body, fontName="Helvetica-Bold", fontSize=12, alignment=TA_CENTER
    )
    big = ParagraphStyle(
        "g", parent=body, fontName="Helvetica-Bold", fontSize=22, leading=28, alignment=TA_CENTER
    )
    label = ParagraphStyle("l", parent=body, fontName="Helvetica-Bold")
    company = receipt.company
    story: list[object] = [
        _p(company.name, head),
        _p(f"CNPJ {company.cnpj}", small),
        _p(company.address, small),
        _p(" · ".join(p for p in (company.phone, company.email) if p), small),
        Spacer(1, 6 * mm),
        _p("COMPROVANTE DE PAGAMENTO — PIX", title),
        Spacer(1, 3 * mm),
        _p(_money(receipt.amount), big),
        Spacer(1, 4 * mm),
    ]
    fields = [
        ("Pago em", f"{to_local(receipt.paid_at):%d/%m/%Y %H:%M:%S} (horário de Brasília)"),
        ("Assinante", f"{receipt.subscriber_name} — {receipt.subscriber_document}"),
        ("Conta", f"{receipt.description} — vencimento {receipt.due_date:%d/%m/%Y}"),
    ]
    if receipt.fine or receipt.interest:
        fields.append(
            ("Encargos", f"multa {_money(receipt.fine)} + juros {_money(receipt.interest)}")
        )
    fields += [
        ("ID da transação (E2E)", receipt.end_to_end_id),
        ("Identificador (txid)", receipt.txid),
    ]
    if receipt.protocol:
        fields.append(("Protocolo", receipt.protocol))
    if receipt.access_restored:
        fields.append(("Acesso", "Suspensão por débito encerrada: acesso liberado."))
    table = Table([[_p(k, label), _p(v, body)] for k, v in fields], colWidths=[45 * mm, 130 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 8 * mm),
        _p("Pagamento confirmado pelo PSP da prestadora no momento indicado.", small),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=17 * mm,
        rightMargin=17 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"Comprovante PIX {receipt.end_to_end_id}",
        author=company.name,
        invariant=1,
    )
    doc.build(story)
    return buffer.getvalue()
