"""NFCom: access key, XML built through nfelib and signed, XSD validation, signature, parsing."""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import nfelib
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.x509 import load_der_x509_certificate
from cryptography.x509.oid import NameOID
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from desktop.adapters import homologation_certificate
from desktop.domain import fiscal
from desktop.errors import InvalidInput
from tests.factories import CNPJ, CNPJ_ALNUM, CPFS
from tests.nfcom_factories import (
    COMPANY_CNPJ,
    ISSUED,
    authorize,
    draft,
    install_certificate,
    nfcom_proc,
    signer,
    with_wrong_dv,
)

DS = "{http://www.w3.org/2000/09/xmldsig#}"
SAMPLE = Path(nfelib.__file__).parent / "nfcom" / "samples" / "v1_0" / "NFCom-nfcom.xml"


@pytest.fixture(autouse=True)
def _certificate() -> None:
    install_certificate()


# --------------------------------------------------------------------------- access key
def test_check_digit_of_the_sample_shipped_with_nfelib() -> None:
    root = etree.parse(str(SAMPLE)).getroot()
    key = root.find("{*}infNFCom").get("Id")[5:]
    assert key == "41250306117473000150620010000001231012345675"
    assert fiscal.check_digit(key[:-1]) == 5
    assert fiscal.is_valid_key(key)


def test_remainder_zero_or_one_gives_zero() -> None:
    # Find bodies whose weighted sum leaves 0 and 1: both must give DV 0.
    seen = set()
    for n in range(200):
        body = f"4126030611747300015062001{n:09d}100000001"
        total = sum((ord(ch) - 48) * (2 + i % 8) for i, ch in enumerate(reversed(body)))
        if total % 11 in (0, 1):
            assert fiscal.check_digit(body) == 0
            seen.add(total % 11)
    assert seen == {0, 1}


@given(st.text(alphabet="0123456789", min_size=43, max_size=43))
def test_any_other_digit_is_refused(body: str) -> None:
    dv = fiscal.check_digit(body)
    assert fiscal.key_problem(body + str(dv)) is None
    for other in set(range(10)) - {dv}:
        assert "dígito verificador" in (fiscal.key_problem(body + str(other)) or "")


def test_build_and_parse_key() -> None:
    key = fiscal.build_key(
        uf_code="41",
        year=2026,
        month=3,
        cnpj=COMPANY_CNPJ,
        series=1,
        number=123,
        random_code=1234567,
    )
    assert (
        key.key
        == "412603"
        + COMPANY_CNPJ
        + "62"
        + "001"
        + "000000123"
        + "1"
        + "0"
        + "1234567"
        + str(key.dv)
    )
    parts = fiscal.parse_key(key.key)
    assert (parts.series, parts.number, parts.random_code, parts.cnpj) == (
        1,
        123,
        "1234567",
        COMPANY_CNPJ,
    )
    assert fiscal.format_key(key.key).split(" ")[0] == "4126"
    assert len(fiscal.format_key(key.key).split(" ")) == 11


def test_alphanumeric_cnpj_key() -> None:
    key = fiscal.build_key(
        uf_code="35", year=2026, month=7, cnpj=CNPJ_ALNUM, series=2, number=9, random_code=42
    )
    assert fiscal.is_valid_key(key.key)
    assert key.key[6:20] == CNPJ_ALNUM


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("4125030611747300015062001000000123101234567", "44 caracteres"),
        ("41250306117473000150620010000001231012345676", "dígito verificador"),
        ("4125030611747300015062001000000123101234567X", "caracteres inválidos"),
    ],
)
def test_bad_keys_are_refused(key: str, words: str) -> None:
    assert words in (fiscal.key_problem(key) or "")
    with pytest.raises(InvalidInput):
        fiscal.parse_key(key)


# --------------------------------------------------------------------------- XML
def test_signed_nfcom_is_valid_against_the_official_xsd() -> None:
    xml = fiscal.build_nfcom(draft(CPFS[0]), signer())
    assert xml.startswith('<NFCom xmlns="http://www.portalfiscal.inf.br/nfcom">')
    assert fiscal.validate_nfcom(xml) == []
    assert fiscal.signature_problem(xml) is None
    proc = authorize(xml)
    assert fiscal.validate_nfcom(proc) == []
    assert fiscal.signature_problem(proc) is None
    assert fiscal.protocol_digest_matches(proc)


def test_unsigned_xml_misses_only_the_signature() -> None:
    from desktop.domain.fiscal.builder import NS, _serializer

    unsigned = _serializer.render(obj=fiscal.build_binding(draft(CPFS[0])), ns_map={None: NS})
    errors = fiscal.validate_nfcom(unsigned)
    assert len(errors) == 1
    assert "Signature" in errors[0]


def test_signature_holds_under_an_independent_c14n() -> None:
    """The signature checks out with the stdlib's C14N and `cryptography`, not only signxml
    (lxml 5.4's libxml2 writes spurious xmlns="" in this C14N; see reader.signature_problem)."""
    root = etree.fromstring(fiscal.build_nfcom(draft(CPFS[0]), signer()).encode())
    signed_info = root.find(f"{DS}Signature/{DS}SignedInfo")
    c14n = canonicalize(etree.tostring(signed_info).decode()).encode()
    value = base64.b64decode(root.find(f"{DS}Signature/{DS}SignatureValue").text)
    cert_der = base64.b64decode(root.find(f".//{DS}X509Certificate").text)
    cert = load_der_x509_certificate(cert_der)
    cert.public_key().verify(value, c14n, PKCS1v15(), hashes.SHA1())  # raises if wrong
    common_name = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert common_name.endswith(f":{COMPANY_CNPJ}")


def test_tampered_content_fails_the_signature_check() -> None:
    proc = nfcom_proc(CPFS[0])
    tampered = proc.replace("<vNF>99.90</vNF>", "<vNF>9.90</vNF>")
    assert tampered != proc
    assert fiscal.validate_nfcom(tampered) == []  # still well-formed NFCom...
    assert "alterado" in (fiscal.signature_problem(tampered) or "")  # ...but not what was signed


def test_tampered_structure_fails_the_xsd() -> None:
    proc = nfcom_proc(CPFS[0])
    tampered = proc.replace("<cDV>", "<cDv>").replace("</cDV>", "</cDv>")
    errors = fiscal.validate_nfcom(tampered)
    assert errors and "cDv" in errors[0]
    assert fiscal.validate_nfcom(proc.replace("<CEP>87700000</CEP>", "<CEP>8770</CEP>"))


def test_not_an_nfcom_and_doctype_are_refused() -> None:
    assert (
        "não é uma NFCom"
        in fiscal.validate_nfcom("<NFe xmlns='http://www.portalfiscal.inf.br/nfe'/>")[0]
    )
    bomb = '<!DOCTYPE NFCom [<!ENTITY x "boom">]><NFCom xmlns="http://www.portalfiscal.inf.br/nfcom">&x;</NFCom>'
    assert "DOCTYPE" in fiscal.validate_nfcom(bomb)[0]
    with pytest.raises(InvalidInput):
        fiscal.parse_nfcom(bomb)


def test_wrong_dv_passes_the_xsd_but_not_the_key_check() -> None:
    xml = with_wrong_dv(CPFS[0])
    assert fiscal.validate_nfcom(xml) == []
    info = fiscal.parse_nfcom(xml)
    assert "dígito verificador" in (fiscal.key_problem(info.access_key) or "")


def test_parse_gives_the_fields() -> None:
    info = fiscal.parse_nfcom(nfcom_proc(CPFS[1], name="José Antônio", number=42, amount="129.90"))
    assert fiscal.is_valid_key(info.access_key)
    assert (info.number, info.series, info.model) == ("42", "1", "62")
    assert info.issued_at == ISSUED and info.issued_at.utcoffset() == dt.timedelta(hours=-3)
    assert info.amount == Decimal("129.90") and isinstance(info.amount, Decimal)
    assert info.emitter_cnpj == COMPANY_CNPJ
    assert (info.recipient_document, info.recipient_name) == (CPFS[1], "José Antônio")
    assert (
        info.qr_code_url
        == f"https://dfe-portal.svrs.rs.gov.br/NFCom/qrcode?chNFCom={info.access_key}&tpAmb=2"
    )
    assert info.is_homologation
    assert [(i.number, i.code, i.amount, i.unit) for i in info.items] == [
        (1, "PLANO300", Decimal("129.90"), "UN")
    ]
    assert info.protocol is not None and info.protocol.status_code == "100"
    assert info.protocol.received_at.tzinfo is not None
    assert (info.competence, info.due_date) == ("202603", dt.date(2026, 3, 10))
    assert fiscal.consistency_problems(info) == []


def test_company_recipient_and_several_items() -> None:
    lines = (
        fiscal.Line("INT", "Link dedicado 1 Gbps", Decimal("1500.00")),
        fiscal.Line(
            "VOZ", "Minutos excedentes", Decimal("12.34"), quantity=Decimal("61"), unit="1"
        ),
    )
    xml = nfcom_proc(CNPJ, name="Empresa Cliente Ltda", lines=lines)
    assert fiscal.validate_nfcom(xml) == []
    info = fiscal.parse_nfcom(xml)
    assert info.recipient_document == CNPJ
    assert info.amount == Decimal("1512.34")
    assert info.items[1].unit == "MIN" and info.items[1].quantity == Decimal("61")
    assert info.items[1].unit_price == Decimal("0.20229508")


def test_building_is_deterministic_for_the_same_key() -> None:
    assert fiscal.build_nfcom(draft(CPFS[0]), signer()) == fiscal.build_nfcom(
        draft(CPFS[0]), signer()
    )


def test_text_is_made_acceptable_to_the_layout() -> None:
    assert fiscal.xml_text("  Ana\u2019s  “Café” \u0150rs\t\n", 60) == 'Ana\'s "Café" Ors'
    assert fiscal.xml_text("x" * 80, 60) == "x" * 60
    xml = nfcom_proc(CPFS[0], name="Zoë “Ōtsuka” \u4e2d")
    assert fiscal.validate_nfcom(xml) == []


def test_missing_address_is_a_clear_error() -> None:
    bad = draft(CPFS[0])
    bad = fiscal.Draft(
        **{
            **bad.__dict__,
            "recipient": fiscal.Party(
                CPFS[0], "Ana", fiscal.Address("Rua A", "1", "Centro", "X", "", "PR", "87700000")
            ),
        }
    )
    with pytest.raises(InvalidInput, match="IBGE"):
        fiscal.build_nfcom(bad, signer())


# --------------------------------------------------------------------------- certificate
def test_homologation_certificate_is_made_once_per_data_dir(tmp_path: Path) -> None:
    path = homologation_certificate.homologation_certificate_path()
    path.unlink()
    first = homologation_certificate.homologation_signer("Provedor Teste", COMPANY_CNPJ)
    assert path.exists() and path.stat().st_mode & 0o777 == 0o600
    assert first.holder == f"Provedor Teste:{COMPANY_CNPJ}"
    data = path.read_bytes()
    assert homologation_certificate.homologation_signer("Provedor Teste", COMPANY_CNPJ) is first
    assert path.read_bytes() == data
    other = homologation_certificate.homologation_signer("Outro", CNPJ)  # another CNPJ: a new certificate
    assert other.holder.endswith(f":{CNPJ}") and path.read_bytes() != data


def test_wrong_password_is_refused() -> None:
    with pytest.raises(InvalidInput, match="senha"):
        fiscal.load_signer(homologation_certificate.homologation_certificate_path().read_bytes(), "errada")
