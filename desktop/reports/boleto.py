"""The boleto PDF: *recibo do pagador* on top, *ficha de compensação* below (FEBRABAN grid),
the Interleaved 2 of 5 barcode of the 44 digits and, for the *boleto híbrido*, the PIX QR code.

Pure function of a :class:`BoletoDocument` (every printed field, already formatted where the
bank prescribes a form) to PDF bytes; ``invariant=1`` makes the bytes reproducible.

Barcode: reportlab's ``I2of5`` with FEBRABAN's numbers (REFERENCE.md §2): 44 digits, narrow
bar 103 mm / 405 modules, wide:narrow 3:1, 13 mm high, no check digit (reportlab's default
would add one), no bearer bars and ``quiet=0`` — the white quiet zones (≥ 5 mm) are left by
the layout.  The QR code (level M) is ``qrcode``'s matrix (through ``desktop.reports.qr``,
which computes it faster, with the same result) drawn as a 1-bit image mask, one sample per
module, not interpolated (``boleto_draw.qr_image``).

The grid it is drawn on (boxes, rows, the bank header, QR and barcode, and the speed-ups
of drawing them) is ``desktop.reports.boleto_sheet``; this module is the layout.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.boleto_sheet import (
    BARCODE_HEIGHT,
    GREY,
    LEFT,
    PAGE_H,
    RIGHT_COL,
    ROW,
    TITLE_SIZE,
    WIDTH,
    Sheet,
)

if TYPE_CHECKING:
    from desktop.services.boletos import BoletoInfo


@dataclass(frozen=True)
class Party:
    """Beneficiário or pagador as printed: name, formatted CPF/CNPJ, address lines."""

    name: str
    document: str
    address_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpdatedAmount:
    """For information only: what the bill costs if paid on ``on`` (fine + interest)."""

    on: dt.date
    fine: Decimal
    interest: Decimal
    total: Decimal


@dataclass(frozen=True)
class BoletoDocument:
    bank_code_dv: str  # "001-9"
    bank_name: str
    barcode: str  # 44 digits
    digitable_line: str  # printed form "00190.00009 ..."
    payment_place: str
    due_date: dt.date
    amount: Decimal
    beneficiary: Party
    agency_code: str  # Agência / Código do beneficiário
    nosso_numero: str
    document_number: str
    document_date: dt.date
    processing_date: dt.date
    wallet: str
    payer: Party
    instructions: tuple[str, ...] = ()
    statement_lines: tuple[str, ...] = ()  # demonstrativo of the recibo do pagador
    document_kind: str = "DS"  # espécie do documento: duplicata de serviço
    acceptance: str = "N"
    currency: str = "R$"
    pix_payload: str = ""
    updated: UpdatedAmount | None = None
    bank_logo_png: bytes | None = field(default=None, repr=False)


def document_from_info(info: BoletoInfo) -> BoletoDocument:
    """The printed fields of a registered boleto (``services.boletos.BoletoInfo``)."""
    return BoletoDocument(
        bank_code_dv=info.bank_code_dv,
        bank_name=info.bank_name,
        barcode=info.barcode,
        digitable_line=info.formatted_line,
        payment_place=info.payment_place,
        due_date=info.due_date,
        amount=info.amount,
        beneficiary=Party(
            info.beneficiary_name, info.beneficiary_document, (info.beneficiary_address,)
        ),
        agency_code=info.agency_code,
        nosso_numero=info.nosso_numero,
        document_number=info.document_number,
        document_date=info.document_date,
        processing_date=info.registered_on,
        wallet=info.wallet,
        payer=Party(info.payer_name, info.payer_document, info.payer_address),
        instructions=info.instructions,
        statement_lines=info.statement_lines,
        pix_payload=info.pix_payload,
        updated=UpdatedAmount(info.updated_on, info.fine, info.interest, info.updated_amount)
        if info.overdue_days > 0
        else None,
    )


def money(value: Decimal) -> str:
    """``1.234,56`` (no currency sign: the boxes are titled *Valor*)."""
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def _updated_lines(doc: BoletoDocument) -> list[str]:
    u = doc.updated
    if u is None or u.total == doc.amount:
        return []
    return [
        f"Valor atualizado para pagamento em {_date(u.on)}: R$ {money(u.total)} "
        f"(multa R$ {money(u.fine)} + juros R$ {money(u.interest)}) — informativo."
    ]


def _recibo(s: Sheet, doc: BoletoDocument, top: float) -> float:
    """Recibo do pagador (the part the payer keeps); returns the y of its bottom."""
    ben, payer = doc.beneficiary, doc.payer
    s.text(LEFT + WIDTH, top, "RECIBO DO PAGADOR", size=7, bold=True, align="right")
    y = s.header(top - 1.5 * mm, doc, doc.digitable_line, 10.5)
    y = s.row(
        y,
        [(0, "Beneficiário", ben.name), (42, "CPF/CNPJ do beneficiário", ben.document)],
        ("Vencimento", _date(doc.due_date)),
        strong=True,
    )
    y = s.row(
        y,
        [(0, "Endereço do beneficiário", " — ".join(ben.address_lines))],
        ("Agência / Código do beneficiário", doc.agency_code),
    )
    y = s.row(
        y,
        [(0, "Pagador", payer.name), (42, "CPF/CNPJ do pagador", payer.document)],
        ("Nosso número", doc.nosso_numero),
    )
    y = s.row(y, [(0, "Endereço do pagador", " — ".join(payer.address_lines))])
    cells = [
        (40, "Nº do documento", doc.document_number),
        (35, "Data do documento", _date(doc.document_date)),
    ]
    cells += [
        (35, "Data de processamento", _date(doc.processing_date)),
        (0, "Espécie", doc.currency),
    ]
    y = s.row(y, cells, ("(=) Valor do documento", money(doc.amount)), strong=True)
    # Demonstrativo on the left, "Pague com PIX" (boleto híbrido) on the right.
    box_h, right_x, left_w = 64 * mm, LEFT + WIDTH - RIGHT_COL, WIDTH - RIGHT_COL
    s.c.rect(LEFT, y - box_h, left_w, box_h)
    s.c.rect(right_x, y - box_h, RIGHT_COL, box_h)
    s.title(LEFT, y, "Demonstrativo")
    s.lines(
        LEFT + 2 * mm,
        y - 6.5 * mm,
        left_w - 4 * mm,
        [*doc.statement_lines, *_updated_lines(doc)][:15],
    )
    if doc.pix_payload:
        middle, side = right_x + RIGHT_COL / 2, 42 * mm
        s.text(middle, y - 4.5 * mm, "Pague com PIX", size=10, bold=True, align="center")
        s.qr(doc.pix_payload, right_x + (RIGHT_COL - side) / 2, y - 5.5 * mm - side, side)
        s.text(middle, y - box_h + 4.6 * mm, "Abra o app do seu banco,", size=6.2, align="center")
        s.text(
            middle, y - box_h + 2.0 * mm, "escolha Pix e leia o código.", size=6.2, align="center"
        )
    y -= box_h
    s.text(
        LEFT + WIDTH,
        y - 3 * mm,
        "Autenticação mecânica",
        size=TITLE_SIZE,
        color=GREY,
        align="right",
    )
    return float(y - 4 * mm)


def _cut_line(s: Sheet, y: float) -> None:
    s.c.saveState()
    s.c.setDash(2, 2)
    s.c.line(LEFT, y, LEFT + WIDTH, y)
    s.c.restoreState()
    s.text(
        LEFT + WIDTH,
        y + 1.2 * mm,
        "Corte na linha pontilhada",
        size=TITLE_SIZE,
        color=GREY,
        align="right",
    )


def _ficha(s: Sheet, doc: BoletoDocument, top: float) -> None:
    """Ficha de compensação (the part the bank keeps), with the barcode at the bottom."""
    right_x, left_w = LEFT + WIDTH - RIGHT_COL, WIDTH - RIGHT_COL
    y = s.header(top, doc, doc.digitable_line, 11.5)
    y = s.row(
        y,
        [(0, "Local de pagamento", doc.payment_place)],
        ("Vencimento", _date(doc.due_date)),
        strong=True,
    )
    s.party(LEFT + 1.5 * mm, y - ROW + 1.8 * mm, left_w - 3 * mm, doc.beneficiary, "CNPJ", False)
    y = s.row(y, [(0, "Beneficiário", "")], ("Agência / Código do beneficiário", doc.agency_code))
    cells = [
        (28, "Data do documento", _date(doc.document_date)),
        (37, "Nº do documento", doc.document_number),
    ]
    cells += [(22, "Espécie doc.", doc.document_kind), (16, "Aceite", doc.acceptance)]
    cells += [(0, "Data processamento", _date(doc.processing_date))]
    y = s.row(y, cells, ("Nosso número", doc.nosso_numero))
    cells = [(28, "Uso do banco", ""), (20, "Carteira", doc.wallet), (17, "Espécie", doc.currency)]
    y = s.row(
        y,
        [*cells, (30, "Quantidade", ""), (0, "Valor", "")],
        ("(=) Valor do documento", money(doc.amount)),
        strong=True,
    )
    # Instructions: five rows high, beside the five value boxes the teller may fill in.
    inst_h = 5 * ROW
    s.c.rect(LEFT, y - inst_h, left_w, inst_h)
    s.title(LEFT, y, "Instruções (texto de responsabilidade do beneficiário)")
    s.lines(
        LEFT + 2 * mm, y - 6.5 * mm, left_w - 4 * mm, [*doc.instructions, *_updated_lines(doc)][:9]
    )
    titles = (
        "(-) Desconto / Abatimento",
        "(-) Outras deduções",
        "(+) Mora / Multa",
        "(+) Outros acréscimos",
        "(=) Valor cobrado",
    )
    for i, title in enumerate(titles):
        s.cell(right_x, y - i * ROW, RIGHT_COL, ROW, title)
    y -= inst_h
    payer_h = 17 * mm
    s.c.rect(LEFT, y - payer_h, WIDTH, payer_h)
    s.title(LEFT, y, "Pagador")
    s.party(LEFT + 14 * mm, y - 3.2 * mm, WIDTH - 16 * mm, doc.payer, "CPF/CNPJ", True)
    s.lines(LEFT + 14 * mm, y - 7.0 * mm, WIDTH - 16 * mm, doc.payer.address_lines[:2])
    s.text(LEFT + 1.2 * mm, y - payer_h + 1.5 * mm, "Sacador/Avalista", size=TITLE_SIZE, color=GREY)
    s.text(
        right_x + 1.2 * mm, y - payer_h + 1.5 * mm, "Código de baixa", size=TITLE_SIZE, color=GREY
    )
    y -= payer_h
    s.text(
        LEFT + WIDTH,
        y - 3 * mm,
        "Autenticação mecânica — FICHA DE COMPENSAÇÃO",
        size=6.5,
        bold=True,
        align="right",
    )
    s.barcode(doc.barcode, LEFT, y - 5 * mm - BARCODE_HEIGHT)


def _page(c: Canvas, doc: BoletoDocument) -> None:
    if len(doc.barcode) != 44 or not doc.barcode.isdigit():
        raise ValueError("a boleto barcode has 44 digits")
    s = Sheet(c)
    bottom_recibo = _recibo(s, doc, PAGE_H - 10 * mm)
    ficha_top = 140 * mm  # the barcode ends about 24 mm above the bottom edge
    _cut_line(s, (bottom_recibo + ficha_top) / 2 + 2 * mm)
    _ficha(s, doc, ficha_top)
    s.finish()


def render_boletos(docs: Sequence[BoletoDocument]) -> bytes:
    """Several boletos in one PDF, one A4 page each (e.g. *print all open bills*)."""
    if not docs:
        raise ValueError("no boleto to render")
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    first = docs[0]
    c.setTitle("Boleto" if len(docs) == 1 else f"Boletos ({len(docs)})")
    c.setAuthor(first.beneficiary.name)
    c.setSubject(f"Nosso número {first.nosso_numero}" if len(docs) == 1 else "Boletos em aberto")
    c.setCreator("Central do Assinante")
    for doc in docs:
        _page(c, doc)
        c.showPage()
    c.save()
    return buffer.getvalue()


def render_boleto(doc: BoletoDocument) -> bytes:
    return render_boletos([doc])
