"""Test PKI for NFCom trust checks: a root CA, an intermediate AC and holder certificates
made with ``cryptography`` (ICP-Brasil's shape: CN ``NAME:CNPJ`` and otherName 2.16.76.1.3.3),
and NFCom signed with them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop.domain import fiscal
from desktop.domain.fiscal.trust import OID_CNPJ
from tests.nfcom_factories import authorize, draft

PASSWORD = "teste"
NOT_BEFORE = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
NOT_AFTER = dt.datetime(2035, 1, 1, tzinfo=dt.UTC)
_KEYS: list[rsa.RSAPrivateKey] = []


def _key(index: int) -> rsa.RSAPrivateKey:
    """RSA keys are slow to make: a few, shared by the whole test session."""
    while len(_KEYS) <= index:
        _KEYS.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    return _KEYS[index]


@dataclass(frozen=True)
class Issued:
    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _name(cn: str, org: str = "ICP-Brasil de teste") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _ca_usage() -> x509.KeyUsage:
    return x509.KeyUsage(False, False, False, False, False, True, True, False, False)


def _holder_usage() -> x509.KeyUsage:
    return x509.KeyUsage(True, True, True, False, False, False, False, False, False)


def root(cn: str = "AC Raiz de Teste v1", key: int = 0) -> Issued:
    k = _key(key)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(_name(cn))
        .public_key(k.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .sign(k, hashes.SHA256())
    )
    return Issued(cert, k)


def intermediate(issuer: Issued, cn: str = "AC Intermediária de Teste", key: int = 1) -> Issued:
    k = _key(key)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(issuer.cert.subject)
        .public_key(k.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .sign(issuer.key, hashes.SHA256())
    )
    return Issued(cert, k)


def holder(
    issuer: Issued | None,
    cn: str,
    *,
    san_cnpj: str | None = None,
    key: int = 2,
    not_before: dt.datetime = NOT_BEFORE,
) -> Issued:
    """An e-CNPJ-like certificate; ``issuer=None``: self-signed (the attacker's)."""
    k = _key(key)
    subject = _name(cn, "Empresa")
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(k.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_holder_usage(), critical=True)
    )
    if san_cnpj is not None:
        # DOC-ICP-04: otherName values are OCTET STRINGs (tag 0x04) of the digits.
        value = bytes([0x04, len(san_cnpj)]) + san_cnpj.encode("ascii")
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.OtherName(OID_CNPJ, value)]), critical=False
        )
    cert = builder.sign(issuer.key if issuer else k, hashes.SHA256())
    return Issued(cert, k)


def signer_for(leaf: Issued, extra: tuple[Issued, ...] = ()) -> fiscal.Signer:
    pfx = pkcs12.serialize_key_and_certificates(
        name=b"teste",
        key=leaf.key,
        cert=leaf.cert,
        cas=[c.cert for c in extra] or None,
        encryption_algorithm=serialization.BestAvailableEncryption(PASSWORD.encode()),
    )
    return fiscal.load_signer(pfx, PASSWORD)


def signed_proc(
    signer: fiscal.Signer, document: str, *, environment: str = "1", number: int = 1, **kw: object
) -> str:
    """An authorized nfcomProc signed by ``signer`` (the protocol simulated)."""
    d = draft(document, number=number, environment=environment, **kw)  # type: ignore[arg-type]
    return authorize(fiscal.build_nfcom(d, signer), d.number, d.issued_at, d.environment)


def write_bundle(path: Path, *certs: Issued) -> Path:
    path.write_bytes(b"".join(c.pem for c in certs))
    return path
