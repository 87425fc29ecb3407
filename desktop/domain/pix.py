"""PIX BR Code (EMV QRCPS-MPM as profiled by the Banco Central): build and parse payloads.

Written here because PyPI has no maintained encoder/decoder for both static and dynamic
codes (REFERENCE.md §3: pixcanvas 0.5.0 is pre-alpha and static-only, brcode 1.2 is from
2020); the npm libraries pix-utils and @brazilian-utils were used as oracles for the vectors
in ``vectors/pix.json``.  The CRC is the standard library's ``binascii.crc_hqx``, which is
CRC-16/CCITT-FALSE when started at 0xFFFF.

A payload is a sequence of ``ID(2) LEN(2) VALUE`` fields; field 63 (CRC over everything up
to and including ``6304``, 4 upper-case hex digits) is always last.
"""

from __future__ import annotations

import binascii
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop.errors import InvalidInput

GUI = "br.gov.bcb.pix"
POI_STATIC = "11"  # reusable
POI_DYNAMIC = "12"  # single use
_TXID = re.compile(r"[A-Za-z0-9]{1,25}")


def crc16(data: bytes) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection), 4 upper-case hex."""
    return f"{binascii.crc_hqx(data, 0xFFFF):04X}"


def _field(tag: str, value: str) -> str:
    if not value:
        raise InvalidInput("pix.pix_campo_nao_pode", tag=tag)
    if len(value) > 99:
        raise InvalidInput("pix.pix_campo_passa_caracteres", tag=tag)
    return f"{tag}{len(value):02d}{value}"


def _plain(text: str, limit: int, what: str) -> str:
    """Accent-free text (many bank apps refuse anything else), at most ``limit`` chars."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = " ".join(folded.split())
    if not folded:
        raise InvalidInput("pix.pix_informe", what=what)
    if len(folded) > limit:
        raise InvalidInput("pix.pix_tem_caracteres", what=what, limit=limit, text=text)
    return folded


def _amount(amount: Decimal) -> str:
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise InvalidInput("pix.pix_valor_invalido", amount=amount) from None
    if not value.is_finite() or value <= 0:
        raise InvalidInput("pix.pix_valor_deve_positivo")
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInput("pix.pix_valor_dois_decimais", amount=amount)
    text = f"{value:.2f}"
    if len(text) > 13:
        raise InvalidInput("pix.pix_valor_grande_demais", amount=amount)
    return text


def _finish(fields: list[str]) -> str:
    body = "".join(fields) + "6304"
    return body + crc16(body.encode("utf-8"))


def _common_tail(
    merchant_name: str,
    merchant_city: str,
    amount: Decimal | None,
    txid: str,
    postal_code: str | None,
) -> list[str]:
    fields = [_field("52", "0000"), _field("53", "986")]
    if amount is not None:
        fields.append(_field("54", _amount(amount)))
    fields.append(_field("58", "BR"))
    fields.append(_field("59", _plain(merchant_name, 25, "nome do recebedor")))
    fields.append(_field("60", _plain(merchant_city, 15, "cidade do recebedor")))
    if postal_code:
        if not re.fullmatch(r"\d{8}", postal_code):
            raise InvalidInput("pix.pix_cep_deve_ter")
        fields.append(_field("61", postal_code))
    fields.append(_field("62", _field("05", txid)))
    return fields


def static_payload(
    key: str,
    merchant_name: str,
    merchant_city: str,
    *,
    amount: Decimal | None = None,
    txid: str | None = None,
    description: str | None = None,
    point_of_initiation: str | None = None,
    postal_code: str | None = None,
) -> str:
    """A static BR Code for ``key`` (no amount: the payer types it; no txid: ``***``)."""
    key = key.strip()
    if not key or len(key) > 77:
        raise InvalidInput("pix.pix_chave_deve_ter")
    if txid is not None and not _TXID.fullmatch(txid):
        raise InvalidInput("pix.pix_txid_deve_ter")
    account = _field("00", GUI) + _field("01", key)
    if description:
        account += _field("02", _plain(description, 72, "texto da descrição"))
    if len(account) > 99:
        raise InvalidInput("pix.pix_chave_descricao_juntas")
    fields = [_field("00", "01")]
    if point_of_initiation is not None:
        if point_of_initiation not in (POI_STATIC, POI_DYNAMIC):
            raise InvalidInput("pix.pix_ponto_iniciacao_deve")
        fields.append(_field("01", point_of_initiation))
    fields.append(_field("26", account))
    fields += _common_tail(merchant_name, merchant_city, amount, txid or "***", postal_code)
    return _finish(fields)


def dynamic_payload(
    url: str,
    merchant_name: str,
    merchant_city: str,
    *,
    point_of_initiation: str = POI_DYNAMIC,
) -> str:
    """A dynamic BR Code: the PSP's location URL (no ``https://``); the amount and the txid
    are in the JWS the payer's bank fetches from it."""
    location = re.sub(r"^https://", "", url.strip())
    if not location:
        raise InvalidInput("pix.pix_informe_url_localizacao")
    account = _field("00", GUI) + _field("25", location)
    fields = [_field("00", "01"), _field("01", point_of_initiation), _field("26", account)]
    fields += _common_tail(merchant_name, merchant_city, None, "***", None)
    return _finish(fields)


# --------------------------------------------------------------------------- parsing
@dataclass(frozen=True)
class PixPayload:
    payload_format: str
    point_of_initiation: str | None
    key: str | None  # static
    url: str | None  # dynamic
    description: str | None
    mcc: str
    currency: str
    amount: Decimal | None
    country: str
    merchant_name: str
    merchant_city: str
    postal_code: str | None
    txid: str
    crc: str

    @property
    def is_dynamic(self) -> bool:
        return self.url is not None


def _tlv(text: str, where: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        head = text[pos : pos + 4]
        if len(head) < 4 or not head.isdigit():
            raise InvalidInput("pix.pix_invalido_campo_malformado", where=where, pos=pos)
        tag, size = head[:2], int(head[2:])
        value = text[pos + 4 : pos + 4 + size]
        if size == 0 or len(value) != size:
            raise InvalidInput("pix.pix_invalido_tamanho_campo", tag=tag, where=where)
        if tag in fields:
            raise InvalidInput("pix.pix_invalido_campo_repetido", tag=tag, where=where)
        fields[tag] = value
        pos += 4 + size
    return fields


def parse(payload: str) -> PixPayload:
    """Validate a BR Code (CRC, field lengths, mandatory fields) and return its contents."""
    text = payload.strip()
    if len(text) < 8 or text[-8:-4] != "6304":
        raise InvalidInput("pix.pix_invalido_campo_crc")
    expected = crc16(text[:-4].encode("utf-8"))
    if text[-4:].upper() != expected:
        raise InvalidInput("pix.pix_invalido_crc_nao")
    fields = _tlv(text, "o código")
    if next(iter(fields)) != "00" or fields["00"] != "01":
        raise InvalidInput("pix.pix_invalido_primeiro_campo")
    account = None
    for tag in sorted(t for t in fields if "26" <= t <= "51"):
        sub = _tlv(fields[tag], f"campo {tag}")
        if sub.get("00", "").lower() == GUI:
            account = sub
            break
    if account is None:
        raise InvalidInput("pix.pix_invalido_falta_conta")
    key, url = account.get("01"), account.get("25")
    if (key is None) == (url is None):
        raise InvalidInput("pix.pix_invalido_informe_chave")
    for tag, what in (
        ("52", "MCC"),
        ("53", "moeda"),
        ("58", "país"),
        ("59", "nome"),
        ("60", "cidade"),
        ("62", "dados adicionais"),
    ):
        if tag not in fields:
            raise InvalidInput("pix.pix_invalido_falta_campo", tag=tag, what=what)
    if fields["53"] != "986":
        raise InvalidInput("pix.pix_invalido_moeda_deve")
    if len(fields["59"]) > 25 or len(fields["60"]) > 15:
        raise InvalidInput("pix.pix_invalido_nome_ate")
    additional = _tlv(fields["62"], "campo 62")
    if "05" not in additional:
        raise InvalidInput("pix.pix_invalido_falta_txid")
    amount = None
    if "54" in fields:
        if not re.fullmatch(r"\d+(\.\d{1,2})?", fields["54"]):
            raise InvalidInput("pix.pix_invalido_valor_malformado", fields=fields["54"])
        amount = Decimal(fields["54"]).quantize(Decimal("0.01"))
    return PixPayload(
        payload_format=fields["00"],
        point_of_initiation=fields.get("01"),
        key=key,
        url=url,
        description=account.get("02"),
        mcc=fields["52"],
        currency=fields["53"],
        amount=amount,
        country=fields["58"],
        merchant_name=fields["59"],
        merchant_city=fields["60"],
        postal_code=fields.get("61"),
        txid=additional["05"],
        crc=text[-4:].upper(),
    )
