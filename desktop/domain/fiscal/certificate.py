"""Signing certificates for NFCom XML (XML-DSig, via erpbrasil.assinatura).

Production signs with the provider's ICP-Brasil **A1 certificate** (a PKCS#12 file and its
password, from the fiscal platform that issues the invoices).  The demo data and the tests
sign in homologation (tpAmb=2) with a **self-signed test certificate** made here on demand with
``cryptography`` (RSA-2048, CN ``<company name>:<CNPJ>`` as ICP-Brasil certificates name the
holder); :mod:`desktop.adapters.homologation_certificate` caches it in the data directory, so it
is never committed to the repository.  It has
no fiscal value: a SEFAZ would refuse it.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from erpbrasil.assinatura.assinatura import Assinatura
from erpbrasil.assinatura.certificado import Certificado
from erpbrasil.assinatura.excecoes import CertificadoExpirado, CertificadoSenhaInvalida
from lxml import etree

from desktop.errors import InvalidInput

# Not a secret: it protects a self-signed test certificate that lives only in the data dir.
TEST_CERTIFICATE_PASSWORD = "homologacao"
TEST_CERTIFICATE_YEARS = 10


@dataclass(frozen=True)
class Signer:
    """A loaded certificate, ready to sign many documents (loading a PFX costs more than a
    signature, so bulk signing keeps one of these)."""

    certificate: Any  # erpbrasil.assinatura.certificado.Certificado
    holder: str  # the certificate's CN

    def sign(self, xml: str, reference_id: str) -> str:
        """Enveloped signature of the element whose ``Id`` is ``reference_id``.

        RSA-SHA1 / SHA1 / C14N 2001 as the NFCom XSD fixes them; the signature is appended to
        the parent of the signed element (after ``infNFComSupl``).
        """
        root = etree.fromstring(xml.encode("utf-8"))
        signed: str = Assinatura(self.certificate).assina_xml2(root, reference_id)
        return signed


def load_signer(pfx: bytes, password: str) -> Signer:
    """A signer from a PKCS#12 file's bytes (the A1 certificate in production)."""
    try:
        certificate = Certificado(_as_b64(pfx), password)
    except CertificadoSenhaInvalida:
        raise InvalidInput("fiscal_certificate.certificado_digital_invalido_senha") from None
    except CertificadoExpirado:
        raise InvalidInput("fiscal_certificate.certificado_digital_vencido") from None
    return Signer(certificate, str(certificate.proprietario))


def _as_b64(pfx: bytes) -> bytes:
    # erpbrasil.assinatura takes a path or base64 text; bytes are always base64-decoded.
    return base64.b64encode(pfx)


def make_self_signed_certificate(company_name: str, cnpj: str) -> bytes:
    """A new self-signed RSA-2048 PKCS#12 (password :data:`TEST_CERTIFICATE_PASSWORD`)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    holder = f"{company_name[:50]}:{cnpj}"
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BR"),
            x509.NameAttribute(
                NameOID.ORGANIZATION_NAME, "Certificado de teste - sem valor fiscal"
            ),
            x509.NameAttribute(NameOID.COMMON_NAME, holder),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * TEST_CERTIFICATE_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name=holder.encode("utf-8"),
        key=key,
        cert=cert,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(
            TEST_CERTIFICATE_PASSWORD.encode()
        ),
    )
