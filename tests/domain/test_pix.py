"""PIX BR Code: the shared vectors (BCB manual example included), CRC, parser, properties."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import pix
from desktop.errors import InvalidInput

# Copy of /work/shared/vectors/pix.json (cross-checked with pix-utils and brazilian-utils).
DATA = json.loads(
    (Path(__file__).parent.parent / "data" / "pix_vectors.json").read_text(encoding="utf-8")
)
REFERENCE = DATA["reference_vector"]
VECTORS = DATA["vectors"]


def _build(inputs: dict[str, Any]) -> str:
    if "url" in inputs:
        return pix.dynamic_payload(
            inputs["url"], inputs["name"], inputs["city"], point_of_initiation=inputs["poi"]
        )
    return pix.static_payload(
        inputs["key"],
        inputs["name"],
        inputs["city"],
        amount=Decimal(inputs["amount"]) if "amount" in inputs else None,
        txid=inputs.get("txid"),
        description=inputs.get("desc"),
        point_of_initiation=inputs.get("poi"),
    )


def test_crc_check_value() -> None:
    assert pix.crc16(b"123456789") == "29B1"


def test_bcb_manual_example() -> None:
    inputs = REFERENCE["inputs"]
    payload = pix.static_payload(inputs["key"], inputs["name"], inputs["city"])
    assert payload == REFERENCE["payload"]
    assert payload.endswith("63041D3D")
    parsed = pix.parse(payload)
    assert (parsed.key, parsed.merchant_name, parsed.merchant_city, parsed.txid) == (
        inputs["key"],
        "Fulano de Tal",
        "BRASILIA",
        "***",
    )
    assert parsed.amount is None and not parsed.is_dynamic


@pytest.mark.parametrize("vector", VECTORS, ids=[v["crc"] for v in VECTORS])
def test_vectors_build_and_parse(vector: dict[str, Any]) -> None:
    assert _build(vector["inputs"]) == vector["payload"]
    parsed = pix.parse(vector["payload"])
    inputs = vector["inputs"]
    assert parsed.crc == vector["crc"]
    assert parsed.key == inputs.get("key")
    assert parsed.url == inputs.get("url")
    assert parsed.amount == (Decimal(inputs["amount"]) if "amount" in inputs else None)
    assert parsed.txid == inputs.get("txid", "***")
    assert parsed.point_of_initiation == inputs.get("poi")
    assert parsed.merchant_name == inputs["name"] and parsed.merchant_city == inputs["city"]
    assert parsed.is_dynamic == ("url" in inputs)


def test_tampered_crc_is_rejected() -> None:
    payload = VECTORS[0]["payload"]
    tampered = payload[:-4] + ("0000" if payload[-4:] != "0000" else "FFFF")
    with pytest.raises(InvalidInput, match="CRC não confere"):
        pix.parse(tampered)


def test_tampered_amount_is_rejected() -> None:
    payload = VECTORS[0]["payload"].replace("540599.90", "540599.99")
    with pytest.raises(InvalidInput, match="CRC"):
        pix.parse(payload)


def _f(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def _with_crc(body_without_crc: str) -> str:
    body = body_without_crc + "6304"
    return body + pix.crc16(body.encode())


ACCOUNT = _f("26", _f("00", "br.gov.bcb.pix") + _f("01", "+5511999998888"))
TAIL = _f("52", "0000") + _f("53", "986") + _f("58", "BR") + _f("59", "ABC") + _f("60", "XYZ")
TXID = _f("62", _f("05", "***"))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_f("00", "01") + ACCOUNT + TAIL + TXID, None),  # the well-formed base case
        (_f("00", "01") + _f("26", _f("00", "br.gov.bcb.pix")) + TAIL + TXID, "chave"),
        (
            _f("00", "01")
            + _f("26", _f("00", "br.gov.bcb.pix") + _f("01", "k") + _f("25", "u"))
            + TAIL
            + TXID,
            "um dos dois",
        ),
        (
            _f("00", "01") + _f("26", _f("00", "br.gov.xxx.pix") + _f("01", "k")) + TAIL + TXID,
            "br.gov.bcb.pix",
        ),
        (_f("00", "01") + ACCOUNT + TAIL + "6209", "tamanho"),
        (_f("00", "02") + ACCOUNT + TAIL + TXID, "primeiro campo"),
        (ACCOUNT + _f("00", "01") + TAIL + TXID, "primeiro campo"),
        (_f("00", "01") + ACCOUNT + TAIL, "62"),
        (_f("00", "01") + ACCOUNT + TAIL.replace("5303986", "5303840") + TXID, "986"),
        (_f("00", "01") + ACCOUNT + TAIL.replace(_f("59", "ABC"), "") + TXID, "nome"),
        (_f("00", "01") + ACCOUNT + TAIL + _f("62", _f("01", "x")), "txid"),
        (_f("00", "01") + ACCOUNT + _f("54", "1,00") + TAIL + TXID, "valor"),
        (_f("00", "01") + ACCOUNT + ACCOUNT + TAIL + TXID, "repetido"),
    ],
)
def test_parser_validates_structure(body: str, message: str | None) -> None:
    if message is None:
        assert pix.parse(_with_crc(body)).key == "+5511999998888"
        return
    with pytest.raises(InvalidInput, match=message):
        pix.parse(_with_crc(body))


def test_crc_must_be_last() -> None:
    with pytest.raises(InvalidInput, match="último"):
        pix.parse(REFERENCE["payload"] + "0000")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"txid": "com espaço"}, "txid"),
        ({"txid": "A" * 26}, "txid"),
        ({"amount": Decimal("0")}, "positivo"),
        ({"amount": Decimal("1.001")}, "dois decimais"),
        ({"point_of_initiation": "13"}, "11 ou 12"),
    ],
)
def test_builder_refuses_bad_input(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        pix.static_payload("financeiro@provedor.com.br", "PROVEDOR", "CURITIBA", **kwargs)


def test_names_are_folded_to_ascii_and_limited() -> None:
    payload = pix.static_payload("chave", "Provedor Paranavaí", "Paranavaí")
    parsed = pix.parse(payload)
    assert (parsed.merchant_name, parsed.merchant_city) == ("Provedor Paranavai", "Paranavai")
    with pytest.raises(InvalidInput, match="cidade"):
        pix.static_payload("chave", "Provedor", "Cidade de nome muito comprido")


@given(
    key=st.text("abcdefghijklmnopqrstuvwxyz0123456789@.-+", min_size=1, max_size=60),
    cents=st.one_of(st.none(), st.integers(1, 999_999_999)),
    txid=st.one_of(
        st.none(),
        st.text(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            min_size=1,
            max_size=25,
        ),
    ),
    name=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ ", min_size=1, max_size=25).filter(
        lambda s: s.strip()
    ),
)
def test_round_trip(key: str, cents: int | None, txid: str | None, name: str) -> None:
    amount = None if cents is None else Decimal(cents) / 100
    payload = pix.static_payload(key, name, "CURITIBA", amount=amount, txid=txid)
    parsed = pix.parse(payload)
    assert parsed.key == key
    assert parsed.amount == amount
    assert parsed.txid == (txid or "***")
    assert parsed.merchant_name == " ".join(name.split())
