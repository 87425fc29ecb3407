"""Read an NFCom XML: XSD validation, signature integrity, parsing into :class:`NfcomInfo`.

Accepts the signed ``NFCom`` and the authorized ``nfcomProc`` (NFCom + protNFCom), the form
a fiscal platform hands out.  XML from files is parsed with entities and network off and a
DOCTYPE refused, then handed to nfelib's bindings (xsdata) for the fields.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import nfelib
from lxml import etree
from nfelib.nfcom.bindings.v1_0.nfcom_v1_00 import Nfcom
from nfelib.nfcom.bindings.v1_0.proc_nfcom_v1_00 import NfcomProc
from signxml.algorithms import DigestAlgorithm, SignatureMethod
from signxml.exceptions import InvalidInput as SignxmlInvalidInput
from signxml.exceptions import InvalidSignature
from signxml.verifier import SignatureConfiguration, XMLVerifier
from xsdata.exceptions import ParserError
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.parsers import XmlParser

from desktop.domain.clock import LOCAL_TZ
from desktop.domain.fiscal.access_key import key_problem
from desktop.domain.fiscal.builder import DS, NS
from desktop.domain.fiscal.types import (
    UNITS,
    Address,
    Item,
    NfcomInfo,
    Party,
    Protocol,
    Totals,
)
from desktop.errors import InvalidInput

SCHEMA_DIR = Path(nfelib.__file__).resolve().parent / "nfcom" / "schemas" / "v1_0"
# nfelib's CommonMixin has no NFCom branch in _get_schema_path(): always name the XSD.
SCHEMAS = {"NFCom": "nfcom_v1.00.xsd", "nfcomProc": "procNFCom_v1.00.xsd"}
AUTHORIZED_STATUS = {"100", "150"}  # autorizado o uso (150: fora de prazo)

_schema_lock = threading.Lock()  # an lxml XMLSchema is not to be shared between threads
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTEXT = XmlContext()  # class metadata, built once (a parser per call, sharing it)


def _as_bytes(xml: str | bytes) -> bytes:
    if isinstance(xml, bytes):
        return xml
    return _DECLARATION.sub("", xml, count=1).encode("utf-8")


def parse_xml(xml: str | bytes) -> Any:
    """The root element; entities and network off, DOCTYPE refused (XXE, billion laughs)."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        tree = etree.fromstring(_as_bytes(xml), parser).getroottree()
    except etree.XMLSyntaxError as exc:
        raise InvalidInput("fiscal_reader.xml_malformado", exc=exc) from None
    if tree.docinfo.doctype:
        raise InvalidInput("fiscal_reader.xml_doctype_nao_aceito")
    return tree.getroot()


def root_name(root: Any) -> str:
    tag = etree.QName(root)
    if tag.namespace != NS or tag.localname not in SCHEMAS:
        return ""
    return str(tag.localname)


@lru_cache(maxsize=4)
def _schema(file_name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / file_name)))


def validate_nfcom(xml: str | bytes) -> list[str]:
    """XSD errors of an ``NFCom`` or ``nfcomProc`` (empty list: valid)."""
    try:
        root = parse_xml(xml)
    except InvalidInput as exc:
        return [exc.message]
    name = root_name(root)
    if not name:
        return [f"o elemento raiz {etree.QName(root).localname!r} não é uma NFCom (modelo 62)"]
    with _schema_lock:
        schema = _schema(SCHEMAS[name])
        if schema.validate(root):
            return []
        return [f"linha {e.line}: {e.message}" for e in schema.error_log]


def nfcom_element(root: Any) -> Any:
    if root_name(root) == "nfcomProc":
        return root.find(f"{{{NS}}}NFCom")
    return root


_SIGNATURE_CONFIG = SignatureConfiguration(
    # The NFCom layout fixes RSA-SHA1 and SHA1; signxml refuses SHA1 unless told.
    signature_methods=frozenset({SignatureMethod.RSA_SHA1}),
    digest_algorithms=frozenset({DigestAlgorithm.SHA1}),
    location="./",
)


def signature_problem(xml: str | bytes) -> str | None:
    """Why the NFCom's signature does not hold (Portuguese), or None when it does.

    Integrity only: the digest of ``infNFCom`` and the RSA signature are checked against the
    certificate inside the signature.  Whose certificate that is (the emitter's, ICP-Brasil)
    is :mod:`desktop.domain.fiscal.trust`'s check.
    """
    try:
        nfcom = nfcom_element(parse_xml(xml))
    except InvalidInput as exc:
        return exc.message
    if nfcom is None:
        return "NFCom não encontrada no arquivo"
    problem = _enveloped_signature_problem(nfcom, "infNFCom")
    if problem == _UNSIGNED:
        return "NFCom sem assinatura digital (ou sem o certificado na assinatura)"
    if problem == _NOT_COVERED:
        return "a assinatura digital não cobre os dados da NFCom (infNFCom)"
    return problem


def protocol_signature_problem(xml: str | bytes) -> str | None:
    """Why the signature of the protNFCom (SEFAZ's, optional in the XSD) does not hold, or
    None when it holds or there is none (its certificate: ``trust.protocol_certificates``)."""
    prot = parse_xml(xml).find(f"{{{NS}}}protNFCom")
    if prot is None or prot.find(f"{{{DS}}}Signature") is None:
        return None
    problem = _enveloped_signature_problem(prot, "infProt")
    if problem is None:
        return None
    if problem in (_UNSIGNED, _NOT_COVERED):
        return "a assinatura do protocolo de autorização não cobre o protocolo (infProt)"
    return "protocolo de autorização: " + problem


_UNSIGNED = "unsigned"
_NOT_COVERED = "not covered"


def _enveloped_signature_problem(parent: Any, signed_tag: str) -> str | None:
    """The enveloped ds:Signature of ``parent`` over its child ``signed_tag`` (by Id)."""
    inf = parent.find(f"{{{NS}}}{signed_tag}")
    cert = parent.find(
        f"{{{DS}}}Signature/{{{DS}}}KeyInfo/{{{DS}}}X509Data/{{{DS}}}X509Certificate"
    )
    if inf is None or cert is None or not (cert.text or "").strip():
        return _UNSIGNED
    verifier = XMLVerifier()
    # libxml2 2.13 (lxml 5.4 wheels) writes a spurious xmlns="" on grandchildren in the
    # inclusive C14N of a subtree whose default namespace was redeclared (ds:SignedInfo inside
    # the NFCom namespace).  erpbrasil.assinatura signs with signxml's excision of those, which
    # gives the W3C canonical form (checked against the stdlib's C14N); verify the same way.
    verifier.excise_empty_xmlns_declarations = True
    try:
        result = verifier.verify(
            etree.tostring(parent),
            x509_cert=re.sub(r"\s+", "", cert.text),
            id_attribute="Id",
            expect_config=_SIGNATURE_CONFIG,
        )
    except InvalidSignature:
        return "assinatura digital inválida: o conteúdo foi alterado depois de assinado"
    except (SignxmlInvalidInput, ValueError) as exc:
        return f"assinatura digital ilegível ({exc})"
    except Exception as exc:  # pyOpenSSL raises its own errors for broken certificates
        return f"certificado da assinatura ilegível ({type(exc).__name__})"
    signed = getattr(result, "signed_xml", None)
    if signed is None or not inf.get("Id") or signed.get("Id") != inf.get("Id"):
        return _NOT_COVERED
    return None


def _dec(value: object, default: str = "0") -> Decimal:
    text = str(value) if value not in (None, "") else default
    try:
        return Decimal(text)
    except InvalidOperation:
        raise InvalidInput("fiscal_reader.valor_numerico_invalido_nfcom", text=text) from None


def _enum(value: object) -> str:
    return str(getattr(value, "value", value) or "")


def _moment(text: object) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(text))
    except ValueError:
        raise InvalidInput("fiscal_reader.data_hora_invalidas_nfcom", text=text) from None
    if moment.tzinfo is None:  # the XSD requires the offset; be lenient for local times
        moment = moment.replace(tzinfo=LOCAL_TZ)
    return moment


def _address(ender: Any) -> Address:
    return Address(
        street=ender.xLgr or "",
        number=ender.nro or "",
        complement=ender.xCpl or "",
        district=ender.xBairro or "",
        city=ender.xMun or "",
        city_ibge=ender.cMun or "",
        state=_enum(ender.UF),
        cep=ender.CEP or "",
        phone=ender.fone or "",
        email=ender.email or "",
    )


def _item(det: Any) -> Item:
    prod = det.prod
    return Item(
        number=int(det.nItem),
        code=prod.cProd or "",
        description=prod.xProd or "",
        classification=prod.cClass or "",
        cfop=prod.CFOP or "",
        unit=UNITS.get(_enum(prod.uMed), _enum(prod.uMed)),
        quantity=_dec(prod.qFaturada),
        unit_price=_dec(prod.vItem),
        amount=_dec(prod.vProd),
    )


def _totals(total: Any) -> Totals:
    icms = total.ICMSTot
    return Totals(
        products=_dec(total.vProd),
        discount=_dec(total.vDesc),
        other=_dec(total.vOutro),
        icms_base=_dec(icms.vBC if icms else None),
        icms=_dec(icms.vICMS if icms else None),
        pis=_dec(total.vPIS),
        cofins=_dec(total.vCOFINS),
        fust=_dec(total.vFUST),
        funttel=_dec(total.vFUNTTEL),
        total=_dec(total.vNF),
    )


def _protocol(prot: Any) -> Protocol | None:
    if prot is None or prot.infProt is None:
        return None
    inf = prot.infProt
    return Protocol(
        number=inf.nProt or "",
        received_at=_moment(inf.dhRecbto),
        status_code=inf.cStat or "",
        reason=inf.xMotivo or "",
    )


def parse_nfcom(xml: str | bytes) -> NfcomInfo:
    """The fields of an ``NFCom`` or ``nfcomProc`` (validate first: this does not)."""
    root = parse_xml(xml)
    name = root_name(root)
    if not name:
        raise InvalidInput("fiscal_reader.arquivo_nao_nfcom_modelo")
    clean = etree.tostring(root)  # re-serialized without any DTD: safe for xsdata's parser
    try:
        if name == "nfcomProc":
            proc = XmlParser(context=_CONTEXT).from_bytes(clean, NfcomProc)
            nf, protocol = proc.NFCom, _protocol(proc.protNFCom)
        else:
            nf, protocol = XmlParser(context=_CONTEXT).from_bytes(clean, Nfcom), None
    except (ParserError, ValueError, TypeError) as exc:
        raise InvalidInput("fiscal_reader.nfcom_ilegivel", exc=exc) from None
    inf = nf.infNFCom if nf is not None else None
    if inf is None or inf.ide is None or inf.emit is None or inf.dest is None or inf.total is None:
        raise InvalidInput("fiscal_reader.nfcom_incompleta_faltam_identificacao")
    ide, emit, dest = inf.ide, inf.emit, inf.dest
    key = str(inf.Id or "").removeprefix("NFCom")
    gfat = inf.gFat
    return NfcomInfo(
        access_key=key,
        number=str(ide.nNF or ""),
        series=str(ide.serie or ""),
        model=_enum(ide.mod),
        issued_at=_moment(ide.dhEmi),
        amount=_dec(inf.total.vNF),
        environment=_enum(ide.tpAmb),
        emitter=Party(
            document=emit.CNPJ or "",
            name=emit.xNome or "",
            address=_address(emit.enderEmit),
            state_registration=emit.IE or "",
            trade_name=emit.xFant or "",
        ),
        recipient=Party(
            document=dest.CPF or dest.CNPJ or dest.idOutros or "",
            name=dest.xNome or "",
            address=_address(dest.enderDest),
            state_registration=dest.IE or "",
        ),
        subscriber_code=inf.assinante.iCodAssinante if inf.assinante else "",
        service_type=_enum(inf.assinante.tpServUtil) if inf.assinante else "",
        contract_number=(inf.assinante.nContrato or "") if inf.assinante else "",
        items=tuple(_item(det) for det in inf.det),
        totals=_totals(inf.total),
        qr_code_url=nf.infNFComSupl.qrCodNFCom if nf.infNFComSupl else "",
        protocol=protocol,
        competence=(gfat.CompetFat or "") if gfat else "",
        due_date=dt.date.fromisoformat(gfat.dVencFat) if gfat and gfat.dVencFat else None,
        barcode=(gfat.codBarras or "") if gfat else "",
        additional_info=tuple(inf.infAdic.infCpl) if inf.infAdic else (),
    )


def consistency_problems(info: NfcomInfo) -> list[str]:
    """The access key against the fields it repeats, the protocol and the QR code."""
    problem = key_problem(info.access_key)
    if problem is not None:
        return [problem]
    key = info.access_key
    local = info.issued_at.astimezone(LOCAL_TZ)
    expected = {
        "UF do emitente": (key[0:2], info.emitter.address.city_ibge[:2]),
        "ano e mês de emissão": (key[2:6], f"{local:%y%m}"),
        "CNPJ do emitente": (key[6:20], info.emitter.document),
        "modelo": (key[20:22], info.model),
        "série": (key[22:25], info.series.zfill(3)),
        "número": (key[25:34], info.number.zfill(9)),
    }
    problems = [
        f"a chave de acesso não confere com {what} da nota ({in_key} ≠ {actual})"
        for what, (in_key, actual) in expected.items()
        if in_key != actual
    ]
    if f"chNFCom={key}&" not in info.qr_code_url:
        problems.append("o QR Code não é o desta chave de acesso")
    return problems


def protocol_key(xml: str | bytes) -> str:
    """chNFCom of the protNFCom ('' when there is none)."""
    root = parse_xml(xml)
    node = root.find(f"{{{NS}}}protNFCom/{{{NS}}}infProt/{{{NS}}}chNFCom")
    return (node.text or "") if node is not None else ""


def protocol_digest_matches(xml: str | bytes) -> bool:
    """protNFCom's digVal is the NFCom signature's DigestValue (True when there is no digVal)."""
    root = parse_xml(xml)
    dig = root.find(f"{{{NS}}}protNFCom/{{{NS}}}infProt/{{{NS}}}digVal")
    if dig is None:
        return True
    value = root.find(
        f"{{{NS}}}NFCom/{{{DS}}}Signature/{{{DS}}}SignedInfo/{{{DS}}}Reference/{{{DS}}}DigestValue"
    )
    return value is not None and (value.text or "").strip() == (dig.text or "").strip()
