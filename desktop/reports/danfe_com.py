"""DANFE-COM: the auxiliary document of the NFCom (modelo 62), A4 portrait.

Pure function of :class:`desktop.domain.fiscal.NfcomInfo` (what the XML says) to PDF bytes;
``invariant=1`` makes the bytes reproducible.  Blocks, top to bottom: the homologation notice
(tpAmb=2), emitter | DANFE-COM identification | QR code (``qrCodNFCom``), access key in groups
of four, authorization protocol, recipient/subscriber, the bill (gFat), items (continued on
further pages when long), totals, complementary information.  The QR code is drawn as vector
squares from ``qrcode``'s matrix (level M), so it stays sharp at any print resolution.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.clock import LOCAL_TZ
from desktop.domain.fiscal.access_key import format_key
from desktop.domain.fiscal.types import HOMOLOGATION_NOTICE, Item, NfcomInfo
from desktop.reports.danfe_com_canvas import (
    ALERT,
    ALERT_SHADE,
    BOTTOM,
    GREY,
    ITEM_ROW,
    LEFT,
    PAGE_W,
    ROW,
    SHADE,
    TITLE_SIZE,
    TOP,
    WATERMARK,
    WIDTH,
    NumberedCanvas,
    Sheet,
    mm,
    money,
    quantity,
)

PORTAL = "https://dfe-portal.svrs.rs.gov.br/NFCom"

# Items table: (title, width in mm (0 = the rest), right-aligned)
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("ITEM", 10, False),
    ("CÓDIGO", 22, False),
    ("DESCRIÇÃO DO SERVIÇO", 0, False),
    ("CLASS.", 14, False),
    ("CFOP", 10, False),
    ("UN", 9, False),
    ("QTD.", 16, True),
    ("VALOR UNIT.", 22, True),
    ("VALOR TOTAL", 24, True),
)


def _moment(value: dt.datetime) -> str:
    return value.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M:%S")


def _line_formatted(digits: str) -> str:
    """A 47-digit boleto line as printed; anything else as it is."""
    if len(digits) != 47:
        return digits
    d = digits
    return f"{d[:5]}.{d[5:10]} {d[10:15]}.{d[15:21]} {d[21:26]}.{d[26:32]} {d[32]} {d[33:]}"


def _competence(text: str) -> str:
    return f"{text[4:6]}/{text[:4]}" if len(text) == 6 else text


class _Danfe(Sheet):
    def __init__(self, canvas: Canvas, info: NfcomInfo, logo_png: bytes | None) -> None:
        super().__init__(canvas)
        self.info = info
        self.logo_png = logo_png

    # ------------------------------------------------------------------ blocks
    def watermark(self) -> None:
        if not self.info.is_homologation:
            return
        c = self.c
        c.saveState()
        c.translate(PAGE_W / 2, 75 * mm)  # low on the page: short invoices leave it blank
        c.rotate(30)
        c.setFillColor(WATERMARK)
        c.setFont("Helvetica-Bold", 44)
        c.drawCentredString(0, 0, "SEM VALOR FISCAL")
        c.restoreState()

    def notice(self, top: float) -> float:
        if not self.info.is_homologation:
            return top
        h = 7 * mm
        self.c.setStrokeColor(ALERT)
        self.box(LEFT, top, WIDTH, h, ALERT_SHADE)
        self.c.setStrokeColor(black)
        self.text(
            LEFT + WIDTH / 2,
            top - h + 2.3 * mm,
            HOMOLOGATION_NOTICE,
            size=10,
            bold=True,
            align="center",
            color=ALERT,
        )
        return top - h - 1.5 * mm

    def header(self, top: float) -> float:
        info, h = self.info, 40 * mm
        emit_w, id_w = 100 * mm, 55 * mm
        qr_w = WIDTH - emit_w - id_w
        self.box(LEFT, top, emit_w, h)
        self.box(LEFT + emit_w, top, id_w, h)
        self.box(LEFT + emit_w + id_w, top, qr_w, h)
        # emitter
        x, text_w = LEFT + 2 * mm, emit_w - 4 * mm
        if self.logo_png:
            logo = ImageReader(io.BytesIO(self.logo_png))
            self.c.drawImage(
                logo,
                x,
                top - 16 * mm,
                30 * mm,
                13 * mm,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
            y = top - 20 * mm
        else:
            y = top - 6 * mm
        emitter = info.emitter
        self.text(x, y, emitter.trade_name or emitter.name, size=12, bold=True, width=text_w)
        lines = [
            emitter.name if emitter.trade_name else "",
            f"CNPJ {emitter.document_formatted}    IE {emitter.state_registration}",
            *emitter.address.lines,
            "   ".join(p for p in (_phone(emitter.address.phone), emitter.address.email) if p),
        ]
        y -= 4.6 * mm
        for line in (ln for ln in lines if ln):
            if y < top - h + 2 * mm:
                break
            self.text(x, y, line, size=7.6, width=text_w)
            y -= 3.6 * mm
        # identification
        cx = LEFT + emit_w + id_w / 2
        self.text(cx, top - 7 * mm, "DANFE-COM", size=14, bold=True, align="center")
        caption = "Documento Auxiliar da Nota Fiscal Fatura de Serviços de Comunicação Eletrônica"
        for i, part in enumerate(simpleSplit(caption, "Helvetica", 6.6, id_w - 6 * mm)):
            self.text(cx, top - 11 * mm - i * 2.8 * mm, part, size=6.6, align="center")
        number = f"{int(info.number):,}".replace(",", ".") if info.number.isdigit() else info.number
        self.text(
            cx,
            top - 22 * mm,
            f"Nº {number}   Série {info.series}",
            size=10,
            bold=True,
            align="center",
        )
        self.text(cx, top - 27 * mm, f"Modelo {info.model}", size=7.6, align="center")
        self.text(
            cx, top - 31.5 * mm, "Data de emissão", size=TITLE_SIZE, color=GREY, align="center"
        )
        self.text(cx, top - 35 * mm, _moment(info.issued_at), size=8.6, bold=True, align="center")
        # QR code
        side = min(qr_w, h) - 3 * mm
        self.qr(
            info.qr_code_url,
            LEFT + emit_w + id_w + (qr_w - side) / 2,
            top - h + (h - side) / 2,
            side,
        )
        return top - h

    def key_block(self, top: float) -> float:
        info, h = self.info, 13 * mm
        self.box(LEFT, top, WIDTH, h)
        self.text(LEFT + 1.2 * mm, top - 2.4 * mm, "CHAVE DE ACESSO", size=TITLE_SIZE, color=GREY)
        self.text(
            LEFT + WIDTH / 2,
            top - 7 * mm,
            format_key(info.access_key),
            size=11,
            bold=True,
            align="center",
        )
        self.text(
            LEFT + WIDTH / 2,
            top - 11 * mm,
            f"Consulte pela chave de acesso em {PORTAL} ou pelo QR Code",
            size=6.6,
            align="center",
            color=GREY,
        )
        top -= h
        protocol = info.protocol
        if protocol is not None:
            authorized = protocol.status_code in ("100", "150")
            prot = f"{protocol.number} - {_moment(protocol.received_at)}"
            status = "Autorizada" if authorized else f"{protocol.status_code} - {protocol.reason}"
        else:
            prot, status = "Sem protocolo de autorização", "Não autorizada"
        env = "2 - Homologação" if info.is_homologation else "1 - Produção"
        return self.row(
            top,
            [
                (0, "PROTOCOLO DE AUTORIZAÇÃO", prot),
                (45, "SITUAÇÃO", status),
                (40, "AMBIENTE", env),
            ],
        )

    def recipient(self, top: float) -> float:
        info = self.info
        dest = info.recipient
        top = self.section(top - 1.5 * mm, "DESTINATÁRIO / ASSINANTE")
        kind = "CPF" if len(dest.document) == 11 else "CNPJ"
        top = self.row(
            top,
            [
                (0, "NOME / RAZÃO SOCIAL", dest.name),
                (45, kind, dest.document_formatted),
                (35, "INSCRIÇÃO ESTADUAL", dest.state_registration or "Não contribuinte"),
            ],
        )
        addr = dest.address
        street = ", ".join(p for p in (addr.street, addr.number, addr.complement) if p)
        cep = f"{addr.cep[:5]}-{addr.cep[5:]}" if len(addr.cep) == 8 else addr.cep
        top = self.row(
            top,
            [
                (0, "ENDEREÇO", street),
                (40, "BAIRRO", addr.district),
                (40, "MUNICÍPIO / UF", f"{addr.city}/{addr.state}"),
                (22, "CEP", cep),
            ],
        )
        return self.row(
            top,
            [
                (45, "CÓDIGO DO ASSINANTE", info.subscriber_code),
                (45, "CONTRATO", info.contract_number or "-"),
                (0, "TIPO DE SERVIÇO", info.service_type_label),
            ],
        )

    def bill(self, top: float) -> float:
        info = self.info
        if info.due_date is None:
            return top
        top = self.section(top - 1.5 * mm, "FATURA")
        top = self.row(
            top,
            [
                (40, "REFERÊNCIA", _competence(info.competence)),
                (40, "VENCIMENTO", info.due_date.strftime("%d/%m/%Y")),
                (0, "LINHA DIGITÁVEL", _line_formatted(info.barcode)),
                (40, "VALOR A PAGAR (R$)", money(info.amount)),
            ],
            strong_last=True,
        )
        return top

    def items_header(self, top: float) -> float:
        h = 5.5 * mm
        self.box(LEFT, top, WIDTH, h, SHADE)
        x = LEFT
        for title, w, right in _column_widths():
            tx = x + w - 1.2 * mm if right else x + 1.2 * mm
            self.text(
                tx,
                top - h + 1.8 * mm,
                title,
                size=6.2,
                bold=True,
                align="right" if right else "left",
                width=w - 2.4 * mm,
            )
            x += w
        return top - h

    def item(self, top: float, item: Item) -> float:
        values = (
            str(item.number),
            item.code,
            item.description,
            item.classification,
            item.cfop,
            item.unit,
            quantity(item.quantity),
            money(item.unit_price),
            money(item.amount),
        )
        x = LEFT
        for (_title, w, right), value in zip(_column_widths(), values, strict=True):
            tx = x + w - 1.2 * mm if right else x + 1.2 * mm
            self.text(
                tx,
                top - ITEM_ROW + 1.6 * mm,
                value,
                size=7.4,
                align="right" if right else "left",
                width=w - 2.4 * mm,
            )
            x += w
        self.c.setStrokeColor(SHADE)
        self.c.line(LEFT, top - ITEM_ROW, LEFT + WIDTH, top - ITEM_ROW)
        self.c.setStrokeColor(black)
        return top - ITEM_ROW

    def totals(self, top: float) -> float:
        t = self.info.totals
        top = self.section(top - 1.5 * mm, "VALORES TOTAIS (R$)")
        top = self.row(
            top,
            [
                (38, "VALOR DOS SERVIÇOS", money(t.products)),
                (38, "DESCONTOS", money(t.discount)),
                (38, "OUTROS", money(t.other)),
                (38, "BASE DE CÁLCULO ICMS", money(t.icms_base)),
                (0, "VALOR DO ICMS", money(t.icms)),
            ],
        )
        return self.row(
            top,
            [
                (38, "PIS", money(t.pis)),
                (38, "COFINS", money(t.cofins)),
                (38, "FUST", money(t.fust)),
                (38, "FUNTTEL", money(t.funttel)),
                (0, "VALOR TOTAL DA NOTA", money(t.total)),
            ],
            strong_last=True,
        )

    def complementary(self, top: float) -> float:
        lines = list(self.info.additional_info)
        if self.info.is_homologation:
            lines.append(HOMOLOGATION_NOTICE)
        wrapped = [w for line in lines for w in simpleSplit(line, "Helvetica", 7.4, WIDTH - 4 * mm)]
        top = self.section(top - 1.5 * mm, "INFORMAÇÕES COMPLEMENTARES")
        h = max(10 * mm, (len(wrapped) + 1) * 3.4 * mm)
        self.box(LEFT, top, WIDTH, h)
        for i, line in enumerate(wrapped):
            self.text(LEFT + 2 * mm, top - 4 * mm - i * 3.4 * mm, line, size=7.4)
        return top - h


def _phone(digits: str) -> str:
    if len(digits) == 10:
        return f"({digits[:2]}) {digits[2:6]}-{digits[6:]}"
    if len(digits) == 11:
        return f"({digits[:2]}) {digits[2:7]}-{digits[7:]}"
    return digits


def _column_widths() -> list[tuple[str, float, bool]]:
    fixed = sum(w for _, w, _ in COLUMNS) * mm
    return [(title, w * mm or WIDTH - fixed, right) for title, w, right in COLUMNS]


TOTALS_HEIGHT = 4 * mm + 2 * ROW + 1.5 * mm
COMPLEMENT_MIN = 4 * mm + 14 * mm + 1.5 * mm


def render_danfe_com(info: NfcomInfo, logo_png: bytes | None = None) -> bytes:
    """The DANFE-COM of ``info`` as PDF bytes."""
    buffer = io.BytesIO()
    c = NumberedCanvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(f"DANFE-COM {info.number} série {info.series}")
    c.setAuthor(info.emitter.name)
    c.setSubject(f"NFCom {info.access_key}")
    c.setCreator("Central do Assinante")
    c.footer_text = f"DANFE-COM · chave {info.access_key}"
    s = _Danfe(c, info, logo_png)

    def new_page(continued: bool) -> float:
        s.watermark()
        top = s.notice(TOP)
        if continued:
            s.text(
                LEFT,
                top - 4 * mm,
                f"DANFE-COM Nº {info.number} Série {info.series} (continuação)",
                size=9,
                bold=True,
            )
            s.text(LEFT + WIDTH, top - 4 * mm, format_key(info.access_key), size=8, align="right")
            top -= 7 * mm
        return top

    top = new_page(False)
    top = s.header(top)
    top = s.key_block(top)
    top = s.recipient(top)
    top = s.bill(top)
    top = s.section(top - 1.5 * mm, "SERVIÇOS PRESTADOS")
    top = s.items_header(top)
    items = list(info.items)
    for index, item in enumerate(items):
        last = index == len(items) - 1
        # The last item must leave room for the totals, so they never sit alone on a page.
        needed = ITEM_ROW + (TOTALS_HEIGHT if last else 0)
        if top - needed < BOTTOM:
            c.showPage()
            top = s.items_header(new_page(True))
        top = s.item(top, item)
    top = s.totals(top)
    if top - COMPLEMENT_MIN < BOTTOM:
        c.showPage()
        top = new_page(True)
    s.complementary(top)
    c.showPage()
    c.save()
    return buffer.getvalue()
