"""Receipts for 80 mm ESC/POS thermal printers (SPEC §3): dataclass in, printer bytes out.

The protocol receipt, the payment receipt (PIX or counter), the enablement receipt and the
SMS account slip, laid out for **48 columns** (Font A on 80 mm paper: 576 dots at 203 dpi,
python-escpos profile ``TM-T20II``; Bematech MP-4200 TH, Elgin i9 and Daruma DR800 in ESC/POS
mode print the same 48 columns).  The bytes are made by python-escpos's ``Dummy`` printer, so
the commands are the library's (``ESC @``, ``ESC t``, ``GS ( k``, ``GS V``) and what a test
reads is exactly what the printer receives; the transport is
:mod:`desktop.adapters.escpos_printer`.

Code page: **CP860** (``ESC t 3``), the IBM code page made for Portuguese.  It has every
letter the language uses (á à â ã é ê í ó ô õ ú ü ç, upper case too, and º ª), it is table 3
of every Epson-compatible printer, Brazilian models included, and fixing it once at the start
keeps python-escpos from switching tables mid-word (its ``AUTO`` mode does, see REFERENCE
§2.4).  CP850 (``ESC t 2``, Western Europe) holds the same letters and would do as well; CP860
is preferred as the code page defined for Portuguese, with nothing a receipt of ours needs
missing from it.  Characters outside it (— “ ” …) are written as their plain equivalents
before encoding, never as ``?``.

Each document is first a tuple of layout blocks (:func:`payment_receipt_blocks` ...), which
:func:`render_escpos` turns into bytes and :mod:`desktop.reports.receipt_pdf` into an A4 PDF
for a station without a receipt printer.  QR codes are drawn by the printer (``GS ( k``,
model 2, level M), never sent as an image.
"""

from __future__ import annotations

import datetime as dt
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from escpos.constants import QR_ECLEVEL_M

from desktop.adapters.escpos_printer import printer_classes
from desktop.domain.enums import PaymentMethod
from desktop.domain.vocabulary import words
from desktop.reports.common import date_br, datetime_br, money, number
from desktop.reports.protocol_receipt import ProtocolReceipt, ReceiptCompany
from desktop.reports.sms_slip import SmsAccountSlip

WIDTH = 48  # Font A columns on 80 mm paper
BIG_WIDTH = WIDTH // 2  # double-width characters
PROFILE = "TM-T20II"  # 80 mm, 576 dots, Font A 48 columns; CP860 is its table 3
CODE_PAGE = "CP860"
QR_MODULE_DOTS = 6  # ~0.75 mm per module at 203 dpi: a PIX id or protocol is 2-3 cm wide

METHOD_WORDS = words.PAYMENT_METHODS

# Plain equivalents of characters CP860 lacks (typographic punctuation used in our texts).
_PLAIN = {
    "—": "-",
    "–": "-",
    "‒": "-",
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
    "•": "*",
    "€": "EUR",
    "\u00a0": " ",
    "\u202f": " ",
}


# --------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class PaymentReceipt:
    """A payment just received for a bill: by PIX (with its end-to-end id) or at the counter."""

    company: ReceiptCompany
    subscriber_name: str
    subscriber_document: str  # masked (mask_document)
    description: str  # the receivable's description ("Mensalidade 11/2026 - Internet 300")
    amount: Decimal  # what was paid
    paid_at: dt.datetime  # UTC, shown in São Paulo
    method: PaymentMethod
    protocol: str  # the atendimento's protocol, as shown (grouped)
    reference: str  # PIX: the end-to-end id (E2E); otherwise the counter's reference (NSU...)
    due_date: dt.date | None = None
    txid: str = ""  # PIX: the charge's txid
    operator: str = ""  # who received it at the counter (empty at a kiosk)


@dataclass(frozen=True)
class EnablementReceipt:
    """A Habilitação Provisória just granted (SPEC §1.7)."""

    company: ReceiptCompany
    subscriber_name: str
    subscriber_document: str  # masked
    contract_number: str
    plan: str
    enabled_at: dt.datetime  # UTC
    enabled_until: dt.datetime  # UTC
    protocol: str  # as shown (grouped)


# --------------------------------------------------------------------------- layout blocks
@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    big: bool = False  # double width and height: 24 columns
    center: bool = False


@dataclass(frozen=True)
class Field:
    """``Label: value`` on one line (value to the right) or the value wrapped below."""

    label: str
    value: str
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class Qr:
    payload: str
    caption: str = ""


@dataclass(frozen=True)
class Feed:
    lines: int = 1


Block = Text | Field | Rule | Qr | Feed


def plain(text: str) -> str:
    """``text`` with only characters CP860 can print (others as plain equivalents)."""
    out = []
    for ch in text:
        ch = _PLAIN.get(ch, ch)
        if len(ch) == 1 and not ch.isprintable():
            ch = " "
        try:
            ch.encode("cp860")
        except UnicodeEncodeError:
            stripped = unicodedata.normalize("NFKD", ch)
            stripped = "".join(c for c in stripped if not unicodedata.combining(c))
            try:
                stripped.encode("cp860")
                ch = stripped or "?"
            except UnicodeEncodeError:
                ch = "?"
        out.append(ch)
    return "".join(out)


def wrap(text: str, width: int = WIDTH, indent: str = "") -> list[str]:
    """Word-wrapped lines of at most ``width`` columns (long words are cut); keeps newlines."""
    lines: list[str] = []
    for paragraph in plain(text).split("\n"):
        lines += textwrap.wrap(
            paragraph,
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_long_words=True,
            break_on_hyphens=False,
        ) or [""]
    return lines


def field_lines(label: str, value: str) -> list[str]:
    head = plain(f"{label}: ")
    value = plain(value)
    if "\n" not in value and len(head) + len(value) <= WIDTH:
        return [head + value.rjust(WIDTH - len(head))]
    return [head.rstrip(), *wrap(value, WIDTH, "  ")]


def text_lines(block: Text) -> list[str]:
    return wrap(block.text, BIG_WIDTH if block.big else WIDTH)


# --------------------------------------------------------------------------- documents
def _when(moment: dt.datetime) -> str:
    return datetime_br(moment, seconds=False)


def _header(company: ReceiptCompany) -> list[Block]:
    blocks: list[Block] = [Text(company.name, bold=True, center=True)]
    if company.cnpj:
        blocks.append(Text(f"CNPJ {company.cnpj}", center=True))
    if company.address:
        blocks.append(Text(company.address, center=True))
    contact = " - ".join(p for p in (company.phone, company.email) if p)
    if contact:
        blocks.append(Text(contact, center=True))
    blocks.append(Rule("="))
    return blocks


def _title(text: str) -> list[Block]:
    return [Text(text, bold=True, center=True), Rule()]


def _digits(protocol: str) -> str:
    return "".join(protocol.split())


def protocol_receipt_blocks(receipt: ProtocolReceipt) -> tuple[Block, ...]:
    blocks = [
        *_header(receipt.company),
        Text("COMPROVANTE DE ATENDIMENTO", bold=True, center=True),
        Feed(),
        Text("Número do protocolo", center=True),
        Text(receipt.protocol, bold=True, big=True, center=True),
        Rule(),
        Field("Data e hora", _when(receipt.opened_at)),
        Field("Assinante", receipt.subscriber_name),
        Field("CPF/CNPJ", receipt.subscriber_document),
        Field("Canal", receipt.channel),
        Field("Tipo", receipt.type),
        Field(
            "Situação",
            receipt.status + (f" em {_when(receipt.closed_at)}" if receipt.closed_at else ""),
        ),
    ]
    if receipt.contacts:
        blocks.append(Field("Contatos", ", ".join(receipt.contacts)))
    blocks += [Field("Descrição", receipt.description), Rule(), Text("Histórico", bold=True)]
    for event in receipt.history:
        blocks.append(Text(f"{_when(event.at)} {event.actor}"))
        blocks.append(
            Text(f"  {event.action}: {event.text}" if event.text else f"  {event.action}")
        )
    if not receipt.history:
        blocks.append(Text("Nenhum registro."))
    blocks += [
        Rule(),
        Qr(_digits(receipt.protocol), "Protocolo"),
        Text(
            "Guarde este número: ele identifica o seu atendimento em qualquer contato com a "
            "prestadora. O histórico fica disponível por no mínimo 3 anos."
        ),
    ]
    return tuple(blocks)


def payment_receipt_blocks(receipt: PaymentReceipt) -> tuple[Block, ...]:
    is_pix = receipt.method is PaymentMethod.PIX
    blocks = _header(receipt.company) + _title("COMPROVANTE DE PAGAMENTO")
    blocks += [
        Field("Assinante", receipt.subscriber_name),
        Field("CPF/CNPJ", receipt.subscriber_document),
        Field("Referente a", receipt.description),
    ]
    if receipt.due_date is not None:
        blocks.append(Field("Vencimento", date_br(receipt.due_date)))
    blocks += [
        Field("Pago em", _when(receipt.paid_at)),
        Field("Forma", METHOD_WORDS[receipt.method]),
        Feed(),
        Text(f"VALOR PAGO {money(receipt.amount)}", bold=True, big=True, center=True),
        Feed(),
    ]
    if receipt.reference:
        blocks.append(Field("ID da transação (E2E)" if is_pix else "Referência", receipt.reference))
    if receipt.txid:
        blocks.append(Field("txid", receipt.txid))
    if receipt.operator:
        blocks.append(Field("Recebido por", receipt.operator))
    blocks += [Field("Protocolo", receipt.protocol), Rule()]
    code = receipt.reference or _digits(receipt.protocol)
    blocks += [
        Qr(code, "ID da transação" if is_pix and receipt.reference else "Protocolo"),
        Text("Pagamento confirmado. Guarde este comprovante.", center=True),
    ]
    return tuple(blocks)


def enablement_receipt_blocks(receipt: EnablementReceipt) -> tuple[Block, ...]:
    blocks = _header(receipt.company) + _title("HABILITAÇÃO PROVISÓRIA")
    blocks += [
        Field("Assinante", receipt.subscriber_name),
        Field("CPF/CNPJ", receipt.subscriber_document),
        Field("Contrato", receipt.contract_number),
        Field("Plano", receipt.plan),
        Field("Habilitado em", _when(receipt.enabled_at)),
        Feed(),
        Text("Acesso liberado até", center=True),
        Text(_when(receipt.enabled_until), bold=True, big=True, center=True),
        Feed(),
        Field("Protocolo", receipt.protocol),
        Rule(),
        Qr(_digits(receipt.protocol), "Protocolo"),
        Text(
            "Se o débito não for pago até essa data, o plano é suspenso novamente de forma "
            "automática. Pagamentos por PIX são reconhecidos na hora."
        ),
    ]
    return tuple(blocks)


def sms_slip_blocks(slip: SmsAccountSlip) -> tuple[Block, ...]:
    """No QR here: the slip carries a password."""
    return (
        Text(slip.company, bold=True, center=True),
        Rule("="),
        Text("CONTA DE ENVIO DE SMS", bold=True, center=True),
        Text("DADOS DE ACESSO", bold=True, center=True),
        Rule(),
        Field("Contrato", slip.contract_number),
        Field("Créditos transferidos", f"{number(slip.credited)} SMS"),
        Field("Saldo disponível", f"{number(slip.balance)} SMS"),
        Field("Referência", slip.reference),
        Field("Emitido em", _when(slip.issued_at)),
        Field("Por", slip.issued_by),
        Rule(),
        Text("Login:"),
        Text(slip.login, bold=True, big=True),
        Text("Senha:"),
        Text(slip.password, bold=True, big=True),
        Rule(),
        Text("Guarde este comprovante em local seguro: a senha não é exibida novamente."),
        Text("Troque a senha no primeiro acesso ao painel do SMS Digital."),
        Text("Em caso de perda, o suporte gera uma nova senha; a antiga deixa de valer."),
    )


# --------------------------------------------------------------------------- bytes
class _Style:
    """Sends a style command only when it changes (short, readable byte streams).

    Size goes through ``GS !`` (python-escpos ``custom_size``), not ``ESC !``: ``ESC !`` also
    clears bold, which would silently drop the emphasis of a big line.
    """

    def __init__(self, printer: Any) -> None:
        self._p = printer
        self._align = "left"  # the state right after ESC @
        self._bold = False
        self._big = False

    def apply(self, *, center: bool = False, bold: bool = False, big: bool = False) -> None:
        align = "center" if center else "left"
        if align != self._align:
            self._p.set(align=align)
            self._align = align
        if bold != self._bold:
            self._p.set(bold=bold)
            self._bold = bold
        if big != self._big:
            size = 2 if big else 1
            self._p.set(custom_size=True, width=size, height=size)
            self._big = big


def render_escpos(blocks: Iterable[Block]) -> bytes:
    """The printer's bytes: initialise, code page CP860, the blocks, feed and cut."""
    p = printer_classes().Dummy(profile=PROFILE)
    p.hw("INIT")  # ESC @: whatever the last job left (size, bold, table) is reset
    p.charcode(CODE_PAGE)  # ESC t 3, sent with the first text
    style = _Style(p)
    for block in blocks:
        if isinstance(block, Text):
            style.apply(center=block.center, bold=block.bold, big=block.big)
            lines = text_lines(block)
        elif isinstance(block, Field):
            style.apply(bold=block.bold)
            lines = field_lines(block.label, block.value)
        elif isinstance(block, Rule):
            style.apply()
            lines = [block.char * WIDTH]
        elif isinstance(block, Feed):
            lines = [""] * block.lines
        else:
            style.apply(center=True)  # a native QR code follows the justification
            p.qr(block.payload, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS, native=True)
            lines = [plain(block.caption)] if block.caption else []
        for line in lines:
            p.text(line + "\n")
    style.apply()
    p.cut()  # ESC d 6 (past the cutter), then GS V 0
    output: bytes = p.output
    return output


def protocol_receipt_escpos(receipt: ProtocolReceipt) -> bytes:
    return render_escpos(protocol_receipt_blocks(receipt))


def payment_receipt_escpos(receipt: PaymentReceipt) -> bytes:
    return render_escpos(payment_receipt_blocks(receipt))


def enablement_receipt_escpos(receipt: EnablementReceipt) -> bytes:
    return render_escpos(enablement_receipt_blocks(receipt))


def sms_slip_escpos(slip: SmsAccountSlip) -> bytes:
    return render_escpos(sms_slip_blocks(slip))
