"""Check one authorized NFCom XML file (``nfcomProc``) before it is stored.

No database here: :func:`check_nfcom` says whether a file is an NFCom the Central may keep and
what it says; :func:`desktop.services.invoices.import_nfcom` stores it.  The checks, in order
(the first failure is the reason reported, in Portuguese):

1. well-formed XML without DOCTYPE, at most :data:`MAX_FILE_BYTES`;
2. valid against the official XSD shipped in nfelib (``procNFCom_v1.00.xsd``);
3. the access key's check digit, and the key against the fields it repeats;
4. the XML-DSig signature holds (the content was not changed after signing);
5. the signer is the emitter (:mod:`desktop.domain.fiscal.trust`): the certificate's CNPJ
   is ``emit/CNPJ``, and in production (tpAmb=1) it chains to the ICP-Brasil certificates
   the provider installed (``fiscal.icp_brasil_roots``); homologation needs no chain but is
   kept as *sem valor fiscal*;
6. the protocol: an ``nfcomProc`` whose protNFCom authorizes this key (cStat 100 or 150) in
   the document's environment, and whose digVal is the signature's digest; when SEFAZ signed
   it, that signature holds (and chains to ICP-Brasil in production).

A file is read as bytes and its encoding is the XML's own (UTF-8, or UTF-16 with its byte
order mark); anything unreadable is an :class:`InvalidInput` for that file only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from desktop.domain import fiscal
from desktop.domain.fiscal.access_key import MODEL_NFCOM
from desktop.domain.fiscal.builder import NS
from desktop.domain.fiscal.reader import parse_xml, protocol_signature_problem, root_name
from desktop.domain.fiscal.trust import (
    ROOTS_SETTING,
    TrustStore,
    chain_problem,
    holder_problem,
    protocol_certificates,
    signing_certificates,
)
from desktop.errors import InvalidInput

MAX_FILE_BYTES = 5 * 1024 * 1024
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


@dataclass(frozen=True)
class NfcomFile:
    """An NFCom that passed every check: the XML text to store and what it says."""

    xml: str  # without the XML declaration
    info: fiscal.NfcomInfo


def _text(data: bytes, root: object) -> str:
    """The document as text: the file's own characters when it is UTF-8, else re-serialized
    (UTF-16, Latin-1...: the same XML, so the signature over its canonical form holds)."""
    match = _DECLARED_ENCODING.match(data)
    encoding = match.group(1).decode().lower() if match else "utf-8"
    if encoding in ("utf-8", "utf8") and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass  # declared UTF-8 but not: lxml has already read it as what it is
        else:
            return re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", text, count=1)
    return str(etree.tostring(root, encoding="unicode"))


def _first(errors: list[str]) -> str:
    more = f" (e mais {len(errors) - 1} erro(s))" if len(errors) > 1 else ""
    return errors[0] + more


def check_nfcom(
    data: bytes, roots: TrustStore | None = None, roots_problem: str | None = None
) -> NfcomFile:
    """The NFCom in ``data``, or :class:`InvalidInput` with the reason in Portuguese.

    ``roots``: the ICP-Brasil certificates installed (None: not configured, or not usable
    for the reason ``roots_problem``); needed for production documents only.
    """
    try:
        return _check(data, roots, roots_problem)
    except (UnicodeError, LookupError, ValueError) as exc:
        # Text in an encoding the XML does not declare, and the like: this file only.
        raise InvalidInput("nfcom.arquivo_ilegivel_como_nfcom", name=type(exc).__name__) from None


def _check(data: bytes, roots: TrustStore | None, roots_problem: str | None) -> NfcomFile:
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput("nfcom.arquivo_grande_demais_nfcom")
    root = parse_xml(data)
    name = root_name(root)
    if not name:
        raise InvalidInput("nfcom.arquivo_nao_nfcom_modelo")
    errors = fiscal.validate_nfcom(data)
    if errors:
        raise InvalidInput("nfcom.xsd_nao_confere", problem=_first(errors))
    if name != "nfcomProc":
        raise InvalidInput("nfcom.nfcom_sem_protocolo_autorizacao")
    info = fiscal.parse_nfcom(data)
    problem = fiscal.key_problem(info.access_key)
    if problem is not None:
        raise InvalidInput("nfcom.problema", problem=problem)
    if info.model != MODEL_NFCOM:
        raise InvalidInput("nfcom.modelo_nao_nfcom", model=info.model)
    problems = fiscal.consistency_problems(info)
    if problems:
        raise InvalidInput("nfcom.problema", problem=_first(problems))
    problem = fiscal.signature_problem(data)
    if problem is not None:
        raise InvalidInput("nfcom.problema", problem=problem)
    _check_signer(data, info, roots, roots_problem)
    protocol = info.protocol
    if protocol is None or protocol.status_code not in fiscal.AUTHORIZED_STATUS:
        status = f"{protocol.status_code} - {protocol.reason}" if protocol else "sem protocolo"
        raise InvalidInput("nfcom.nfcom_nao_autorizada", status=status)
    if fiscal.protocol_key(data) != info.access_key:
        raise InvalidInput("nfcom.protocolo_autorizacao_outra_chave")
    if protocol_environment(data) != info.environment:
        raise InvalidInput("nfcom.protocolo_autorizacao_outro_ambiente")
    if not protocol_digest(data):
        raise InvalidInput("nfcom.protocolo_autorizacao_nao_traz")
    if not fiscal.protocol_digest_matches(data):
        raise InvalidInput("nfcom.digval_protocolo_nao_confere")
    _check_protocol_signer(data, info, protocol.received_at, roots)
    return NfcomFile(_text(data, root), info)


def _check_protocol_signer(
    data: bytes, info: fiscal.NfcomInfo, received_at: dt.datetime, roots: TrustStore | None
) -> None:
    """SEFAZ's signature on the protocol, when there is one: it holds, and in production
    its certificate chains to ICP-Brasil (``roots`` is set: :func:`_check_signer` ran)."""
    problem = protocol_signature_problem(data)
    if problem is not None:
        raise InvalidInput("nfcom.problema", problem=problem)
    certificates = protocol_certificates(data)
    if not certificates or info.environment != fiscal.ENV_PRODUCTION or roots is None:
        return
    problem = chain_problem(certificates[0], roots, received_at.astimezone(dt.UTC))
    if problem is not None:
        raise InvalidInput("nfcom.protocolo_problema", problem=problem)


def _check_signer(
    data: bytes, info: fiscal.NfcomInfo, roots: TrustStore | None, roots_problem: str | None
) -> None:
    """The signing certificate is the emitter's; in production, an ICP-Brasil one."""
    certificates = signing_certificates(data)
    if not certificates:
        raise InvalidInput("nfcom.nfcom_sem_certificado_assinatura")
    leaf = certificates[0]
    problem = holder_problem(leaf, info.emitter_cnpj)
    if problem is not None:
        raise InvalidInput("nfcom.problema", problem=problem)
    if info.environment == fiscal.ENV_HOMOLOGATION:
        return  # no chain needed; kept and shown as "sem valor fiscal"
    if info.environment != fiscal.ENV_PRODUCTION:
        raise InvalidInput("nfcom.ambiente_tpamb_desconhecido", environment=info.environment)
    if roots is None:
        if roots_problem:
            raise InvalidInput("nfcom.problema", problem=roots_problem)
        raise InvalidInput("nfcom.raizes_icp_ausentes", roots_setting=ROOTS_SETTING)
    problem = chain_problem(leaf, roots, info.issued_at.astimezone(dt.UTC))
    if problem is not None:
        raise InvalidInput("nfcom.problema", problem=problem)


def protocol_environment(xml: bytes) -> str:
    """protNFCom/infProt/tpAmb ('' when there is none)."""
    node = parse_xml(xml).find(f"{{{NS}}}protNFCom/{{{NS}}}infProt/{{{NS}}}tpAmb")
    return (node.text or "").strip() if node is not None else ""


def protocol_digest(xml: bytes) -> str:
    """protNFCom/infProt/digVal ('' when there is none: optional in the XSD, for refusals)."""
    node = parse_xml(xml).find(f"{{{NS}}}protNFCom/{{{NS}}}infProt/{{{NS}}}digVal")
    return (node.text or "").strip() if node is not None else ""


def read_nfcom_file(
    path: str | Path, roots: TrustStore | None = None, roots_problem: str | None = None
) -> NfcomFile:
    """Read and check one file; a file that cannot be read is an :class:`InvalidInput`."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput("nfcom.arquivo_grande_demais_nfcom")
        data = file.read_bytes()
    except FileNotFoundError:
        raise InvalidInput("nfcom.arquivo_nao_encontrado") from None
    except IsADirectoryError:
        raise InvalidInput("nfcom.pasta_nao_arquivo") from None
    except OSError as exc:
        raise InvalidInput("nfcom.nao_possivel_ler_arquivo", strerror=exc.strerror) from None
    return check_nfcom(data, roots, roots_problem)
