"""The thermal receipts as an A4 PDF, for a station without a receipt printer (SPEC §3).

The payment and enablement receipts have no A4 layout of their own: the same layout blocks
the ESC/POS printer gets (:mod:`desktop.reports.receipts_escpos`) are drawn here in a
monospaced column, so both printers say the same thing line by line.  Pure function: blocks
in, PDF bytes out (``invariant=1``: the same receipt gives the same bytes).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.renderPDF import draw as draw_drawing
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.receipts_escpos import (
    WIDTH,
    Block,
    EnablementReceipt,
    Feed,
    Field,
    PaymentReceipt,
    Qr,
    Rule,
    Text,
    enablement_receipt_blocks,
    field_lines,
    payment_receipt_blocks,
    text_lines,
)

FONT = "Courier"
FONT_BOLD = "Courier-Bold"
SIZE = 9.5
LEADING = 12.0
QR_SIDE = 32 * mm


def render_receipt_pdf(blocks: Iterable[Block], title: str, author: str) -> bytes:
    """One or more A4 pages with the receipt's 48 columns centred on the page."""
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=0)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Central do Assinante")
    page_w, page_h = A4
    column_w = c.stringWidth("M" * WIDTH, FONT, SIZE)
    left = (page_w - column_w) / 2
    top, bottom = page_h - 20 * mm, 20 * mm
    y = top

    def room(height: float) -> None:
        nonlocal y
        if y - height < bottom:
            c.showPage()
            y = top

    def line(text: str, bold: bool = False, big: bool = False, center: bool = False) -> None:
        nonlocal y
        size = SIZE * (2 if big else 1)
        step = LEADING * (2 if big else 1)
        room(step)
        y -= step
        font = FONT_BOLD if bold else FONT
        c.setFont(font, size)
        x = left + (column_w - c.stringWidth(text, font, size)) / 2 if center else left
        c.drawString(x, y + (step - size) / 2, text)

    for block in blocks:
        if isinstance(block, Text):
            for text in text_lines(block):
                line(text, block.bold, block.big, block.center)
        elif isinstance(block, Field):
            for text in field_lines(block.label, block.value):
                line(text, block.bold)
        elif isinstance(block, Rule):
            line(block.char * WIDTH)
        elif isinstance(block, Feed):
            for _ in range(block.lines):
                line("")
        elif isinstance(block, Qr):
            room(QR_SIDE + 2 * mm)
            widget = QrCodeWidget(block.payload, barLevel="M")
            x0, y0, x1, y1 = widget.getBounds()
            drawing = Drawing(
                QR_SIDE, QR_SIDE, transform=[QR_SIDE / (x1 - x0), 0, 0, QR_SIDE / (y1 - y0), 0, 0]
            )
            drawing.add(widget)
            y -= QR_SIDE + 2 * mm
            draw_drawing(drawing, c, left + (column_w - QR_SIDE) / 2, y)
            if block.caption:
                line(block.caption, center=True)
    c.showPage()
    c.save()
    return buffer.getvalue()


def payment_receipt_pdf(receipt: PaymentReceipt) -> bytes:
    return render_receipt_pdf(
        payment_receipt_blocks(receipt),
        f"Comprovante de pagamento {receipt.protocol}",
        receipt.company.name,
    )


def enablement_receipt_pdf(receipt: EnablementReceipt) -> bytes:
    return render_receipt_pdf(
        enablement_receipt_blocks(receipt),
        f"Habilitação provisória {receipt.protocol}",
        receipt.company.name,
    )
