"""Comprovante de atendimento: the protocol receipt (ANATEL), printed or sent by e-mail.

Company header, the protocol number in large type, date and time in São Paulo, subscriber,
type, description and the history of the atendimento.  Pure function: a
:class:`ProtocolReceipt` in, PDF bytes out (reportlab platypus, ``invariant=1`` so the same
receipt gives the same bytes).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.domain.clock import to_local


@dataclass(frozen=True)
class ReceiptCompany:
    name: str
    cnpj: str  # formatted
    address: str
    phone: str
    email: str


@dataclass(frozen=True)
class ReceiptEvent:
    at: dt.datetime  # UTC, shown in São Paulo
    actor: str
    action: str  # in words
    text: str


@dataclass(frozen=True)
class ProtocolReceipt:
    company: ReceiptCompany
    protocol: str  # as shown (grouped)
    opened_at: dt.datetime  # UTC
    closed_at: dt.datetime | None
    subscriber_name: str
    subscriber_document: str  # masked
    type: str
    description: str
    status: str  # in words
    contacts: tuple[str, ...]
    history: tuple[ReceiptEvent, ...]
    channel: str  # "Balcão de atendimento", "Quiosque", ...


def _when(moment: dt.datetime) -> str:
    return f"{to_local(moment):%d/%m/%Y %H:%M:%S}"


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


# A table row cannot break across pages (reportlab raises LayoutError when one is taller than
# the frame), so long texts go into the tables as several rows of at most this many lines.
ROW_LINES = 20
ROW_CHARS = 1500


def text_chunks(text: str, max_lines: int = ROW_LINES, max_chars: int = ROW_CHARS) -> list[str]:
    """``text`` cut into pieces short enough for one table row each (whole lines, then words)."""
    pieces: list[str] = []
    lines: list[str] = []
    size = 0
    for line in text.split("\n"):
        while len(line) > max_chars:  # one pasted line with no breaks: cut at a space
            cut = line.rfind(" ", 0, max_chars)
            cut = cut if cut > max_chars // 2 else max_chars
            if lines:
                pieces.append("\n".join(lines))
                lines, size = [], 0
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        if lines and (len(lines) >= max_lines or size + len(line) > max_chars):
            pieces.append("\n".join(lines))
            lines, size = [], 0
        lines.append(line)
        size += len(line) + 1
    if lines:
        pieces.append("\n".join(lines))
    return pieces or [""]


def _rows(label: Paragraph | str, text: str, style: ParagraphStyle) -> list[list[object]]:
    """A field's rows: the label on the first, the text continued on the next ones."""
    return [
        [label if i == 0 else "", _p(piece, style)] for i, piece in enumerate(text_chunks(text))
    ]


def render_protocol_receipt(receipt: ProtocolReceipt) -> bytes:
    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=styles["Normal"], fontName="Helvetica", fontSize=9.5, leading=12
    )
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=colors.grey)
    head = ParagraphStyle("head", parent=body, fontName="Helvetica-Bold", fontSize=12, leading=15)
    title = ParagraphStyle(
        "title", parent=body, fontName="Helvetica-Bold", fontSize=11, alignment=TA_CENTER
    )
    big = ParagraphStyle(
        "big", parent=body, fontName="Helvetica-Bold", fontSize=24, leading=30, alignment=TA_CENTER
    )
    label = ParagraphStyle("label", parent=body, fontName="Helvetica-Bold")

    company = receipt.company
    story: list[object] = [
        _p(company.name, head),
        _p(f"CNPJ {company.cnpj}", small),
        _p(company.address, small),
        _p(" · ".join(p for p in (company.phone, company.email) if p), small),
        Spacer(1, 6 * mm),
        _p("COMPROVANTE DE ATENDIMENTO", title),
        Spacer(1, 2 * mm),
        _p("Número do protocolo", ParagraphStyle("pl", parent=small, alignment=TA_CENTER)),
        _p(receipt.protocol, big),
        Spacer(1, 4 * mm),
    ]
    fields = [
        ("Data e hora", f"{_when(receipt.opened_at)} (horário de Brasília)"),
        ("Assinante", f"{receipt.subscriber_name} — {receipt.subscriber_document}"),
        ("Canal", receipt.channel),
        ("Tipo", receipt.type),
        (
            "Situação",
            receipt.status + (f" em {_when(receipt.closed_at)}" if receipt.closed_at else ""),
        ),
    ]
    if receipt.contacts:
        fields.append(("Contatos", ", ".join(receipt.contacts)))
    fields.append(("Descrição", receipt.description))
    table_rows = [row for k, v in fields for row in _rows(_p(k, label), v, body)]
    table = Table(table_rows, colWidths=[32 * mm, 143 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [table, Spacer(1, 6 * mm), _p("Histórico", head)]
    if receipt.history:
        rows = [[_p("Data e hora", label), _p("Por", label), _p("Registro", label)]]
        for e in receipt.history:
            for i, piece in enumerate(text_chunks(f"{e.action}: {e.text}" if e.text else e.action)):
                first = i == 0
                rows.append(
                    [
                        _p(_when(e.at), body) if first else "",
                        _p(e.actor, body) if first else "",
                        _p(piece, body),
                    ]
                )
        hist = Table(rows, colWidths=[38 * mm, 32 * mm, 105 * mm], repeatRows=1)
        hist.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ]
            )
        )
        story.append(hist)
    else:
        story.append(_p("Nenhum registro.", body))
    story += [
        Spacer(1, 8 * mm),
        _p(
            "Guarde este número: ele identifica o seu atendimento em qualquer contato com a "
            "prestadora. O histórico fica disponível por no mínimo 3 anos.",
            small,
        ),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=17 * mm,
        rightMargin=17 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"Protocolo {receipt.protocol}",
        author=company.name,
        invariant=1,
    )
    doc.build(story)
    return buffer.getvalue()
