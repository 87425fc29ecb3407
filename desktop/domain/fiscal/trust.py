"""Whose signature an NFCom carries: the signing certificate against the emitter and ICP-Brasil.

The XML-DSig check of :mod:`.reader` only proves that the document was not changed after it
was signed *with the certificate inside it*; anybody can make a certificate.  These checks
say whether that certificate is the emitter's:

1. **The holder's CNPJ is the emitter's** (``emit/CNPJ``).  ICP-Brasil e-CNPJ certificates
   (DOC-ICP-04) carry it in the subject's CN as ``NAME:CNPJ`` and in the subjectAltName
   otherName 2.16.76.1.3.3; every CNPJ found must be the emitter's, and one must be found.
2. **In production (tpAmb=1) the certificate chains to an ICP-Brasil root** the provider
   installed (setting ``fiscal.icp_brasil_roots``: a PEM/DER bundle or a folder of them, the
   root and intermediate ACs as ITI publishes them).  The NFCom XSD allows one certificate in
   the signature, the holder's, so the ACs between it and the root come from that bundle
   too; only its self-signed certificates are anchors.  On every link of the path the
   issuer's signature, CA flag and ``keyCertSign`` are checked, and every validity period
   at the NFCom's issue time.  Revocation (LCR) is not checked here: that is SEFAZ's check at
   authorization, which the protocol (``protNFCom``) attests.
3. A protocol signed by SEFAZ (protNFCom's optional ds:Signature) must hold, and in
   production chain to ICP-Brasil as well.
4. Homologation documents (tpAmb=2) need no chain (the demo signs with a self-signed test
   certificate) but are stored and shown as *sem valor fiscal*.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.x509.oid import NameOID

from desktop.domain.fiscal.builder import DS, NS
from desktop.domain.fiscal.reader import nfcom_element, parse_xml
from desktop.errors import InvalidInput

OID_CNPJ = x509.ObjectIdentifier("2.16.76.1.3.3")  # ICP-Brasil: CNPJ of the legal entity
CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")
ROOTS_SETTING = "fiscal.icp_brasil_roots"
MAX_PATH = 6  # ICP-Brasil paths: root, AC de 1º nível, AC de 2º nível, holder
_CNPJ = re.compile(r"[0-9A-Z]{12}[0-9]{2}", re.ASCII)
# The otherName value: OCTET STRING, UTF8String, PrintableString or IA5String.
_STRING_TAGS = frozenset({0x04, 0x0C, 0x13, 0x16})


@dataclass(frozen=True)
class TrustStore:
    """The ICP-Brasil certificates the provider installed: roots (self-signed, the anchors)
    and the ACs below them."""

    source: str
    certificates: tuple[x509.Certificate, ...]


def load_trust_store(location: str) -> TrustStore:
    """The certificates of a PEM/DER file or of a folder's ``*.pem|crt|cer|der`` files."""
    path = Path(location).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in CERT_SUFFIXES)
    elif path.is_file():
        files = [path]
    else:
        raise InvalidInput(
            "fiscal_trust.raizes_icp_brasil_configuradas",
            roots_setting=ROOTS_SETTING,
            location=location,
        )
    found: list[x509.Certificate] = []
    for file in files:
        try:
            found.extend(_certificates(file.read_bytes()))
        except (OSError, ValueError):
            raise InvalidInput(
                "fiscal_trust.certificado_ilegivel_entre_raizes", name=file.name
            ) from None
    if not found:
        raise InvalidInput(
            "fiscal_trust.nenhum_certificado_raizes_icp",
            roots_setting=ROOTS_SETTING,
            location=location,
        )
    if not any(_self_signed(c) for c in found):
        raise InvalidInput(
            "fiscal_trust.nenhuma_ac_raiz_certificado",
            roots_setting=ROOTS_SETTING,
            location=location,
        )
    return TrustStore(str(path), tuple(found))


def _certificates(data: bytes) -> list[x509.Certificate]:
    if b"-----BEGIN CERTIFICATE-----" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def signing_certificates(xml: str | bytes) -> list[x509.Certificate]:
    """The certificates of the NFCom signature's X509Data, the signer's first (as signxml
    takes it); InvalidInput when one cannot be read."""
    return _x509_data(nfcom_element(parse_xml(xml)))


def protocol_certificates(xml: str | bytes) -> list[x509.Certificate]:
    """The certificates of the protNFCom's signature (SEFAZ's), when it is signed."""
    return _x509_data(parse_xml(xml).find(f"{{{NS}}}protNFCom"))


def _x509_data(parent: Any) -> list[x509.Certificate]:
    path = f"{{{DS}}}Signature/{{{DS}}}KeyInfo/{{{DS}}}X509Data/{{{DS}}}X509Certificate"
    found = parent.findall(path) if parent is not None else []
    try:
        return [
            x509.load_der_x509_certificate(base64.b64decode(re.sub(r"\s+", "", n.text or "")))
            for n in found
        ]
    except (ValueError, binascii.Error):
        raise InvalidInput("fiscal_trust.certificado_assinatura_ilegivel") from None


def certificate_cnpjs(cert: x509.Certificate) -> set[str]:
    """The CNPJs a certificate names: the CN's ``:CNPJ`` suffix and otherName 2.16.76.1.3.3."""
    found: set[str] = set()
    for attribute in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME):
        value = attribute.value if isinstance(attribute.value, str) else ""
        _name, sep, tail = value.rpartition(":")
        if sep and _CNPJ.fullmatch(tail.strip()):
            found.add(tail.strip())
    try:
        names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return found
    for other in names.get_values_for_type(x509.OtherName):
        if other.type_id == OID_CNPJ:
            text = _der_string(other.value)
            found.add(text if _CNPJ.fullmatch(text) else f"ilegível ({text[:20]!r})")
    return found


def _der_string(der: bytes) -> str:
    """The text of one DER string value (short or long length form)."""
    if len(der) < 2 or der[0] not in _STRING_TAGS:
        return ""
    length, offset = der[1], 2
    if length & 0x80:
        size = length & 0x7F
        length, offset = int.from_bytes(der[2 : 2 + size], "big"), 2 + size
    return der[offset : offset + length].decode("latin-1").strip()


def holder_problem(cert: x509.Certificate, emitter_cnpj: str) -> str | None:
    """Why the signing certificate is not the emitter's (Portuguese), or None."""
    cnpjs = certificate_cnpjs(cert)
    if not cnpjs:
        return (
            "o certificado da assinatura não identifica o CNPJ do titular (esperado o do "
            f"emitente, {emitter_cnpj})"
        )
    others = sorted(c for c in cnpjs if c != emitter_cnpj)
    if others:
        return (
            f"a NFCom foi assinada com o certificado de outro CNPJ ({', '.join(others)}), "
            f"não o do emitente ({emitter_cnpj})"
        )
    return None


def chain_problem(leaf: x509.Certificate, store: TrustStore, at: dt.datetime) -> str | None:
    """Why ``leaf`` does not chain to the store at the instant ``at`` (Portuguese), or None.

    The NFCom XSD allows one certificate in the signature (the holder's), so every AC of the
    path comes from the store.
    """
    if not _valid_at(leaf, at):
        return (
            "o certificado da assinatura não era válido na data de emissão da NFCom "
            f"({_period(leaf)})"
        )
    if _is_ca(leaf):
        return "a NFCom foi assinada com um certificado de AC, não com o do emitente"
    if _reaches_anchor(leaf, store, at):
        return None
    return (
        "o certificado da assinatura não pertence à cadeia ICP-Brasil instalada "
        f"({store.source}); NFCom de produção só é aceita com certificado ICP-Brasil"
    )


def _reaches_anchor(
    cert: x509.Certificate, store: TrustStore, at: dt.datetime, depth: int = 0
) -> bool:
    """A path from ``cert`` through the store's ACs to one of its self-signed roots."""
    if depth > MAX_PATH:
        return False
    for issuer in store.certificates:
        if issuer.subject != cert.issuer or issuer == cert:
            continue
        if not _may_issue(issuer, at) or not _issued_by(cert, issuer):
            continue
        if _self_signed(issuer) or _reaches_anchor(issuer, store, at, depth + 1):
            return True
    return False


def _self_signed(cert: x509.Certificate) -> bool:
    return cert.subject == cert.issuer and _issued_by(cert, cert)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _may_issue(issuer: x509.Certificate, at: dt.datetime) -> bool:
    if not _is_ca(issuer) or not _valid_at(issuer, at):
        return False
    try:
        usage = issuer.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return bool(usage.key_cert_sign)


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _valid_at(cert: x509.Certificate, at: dt.datetime) -> bool:
    return cert.not_valid_before_utc <= at <= cert.not_valid_after_utc


def _period(cert: x509.Certificate) -> str:
    return f"válido de {cert.not_valid_before_utc:%d/%m/%Y} a {cert.not_valid_after_utc:%d/%m/%Y}"
