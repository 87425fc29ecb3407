"""Build a signed NFCom (modelo 62) through nfelib's bindings (layout 1.00, NT 2026.002).

The XML is made by ``nfelib.nfcom.bindings.v1_0`` (xsdata dataclasses generated from the
official XSDs) and signed by erpbrasil.assinatura (XML-DSig, as the XSD fixes it).  The
application itself never transmits to SEFAZ: the provider's fiscal platform issues the
invoices and they are imported (SPEC §1.4).  Building is for the demo data and the tests, in
homologation (tpAmb=2); :func:`simulate_authorization` wraps a signed NFCom in an
``nfcomProc`` with a *simulated* protocol so the demo has what an imported file has.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from lxml import etree
from nfelib.nfcom.bindings.v1_0.nfcom_tipos_basico_v1_00 import (
    Icms40Cst,
    Tassinante,
    Tcrt,
    TendeDest,
    TendeEmi,
    TfatNfcom,
    TfinNfcom,
    TindIedest,
    Tnfcom,
    TtpEmis,
    TumedItem,
    Tutilizacao,
)
from nfelib.nfcom.bindings.v1_0.nfcom_v1_00 import Nfcom
from nfelib.nfcom.bindings.v1_0.tipos_geral_nfcom_v1_00 import Tamb, TcodUfIbge, TmodNfcom, Tuf
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig

from desktop.domain.clock import LOCAL_TZ
from desktop.domain.fiscal.access_key import MODEL_NFCOM, build_key
from desktop.domain.fiscal.certificate import Signer
from desktop.domain.fiscal.types import Address, Draft, Party, Protocol
from desktop.errors import InvalidInput

NS = "http://www.portalfiscal.inf.br/nfcom"
DS = "http://www.w3.org/2000/09/xmldsig#"
VERSION = "1.00"
QR_CODE_BASE = "https://dfe-portal.svrs.rs.gov.br/NFCom/qrcode"
CENT = Decimal("0.01")
ZERO = "0.00"

_Inf = Tnfcom.InfNfcom
_serializer = XmlSerializer(config=SerializerConfig(indent="", xml_declaration=False))

# The XSD's TString allows Latin-1 only ([!-ÿ]); typographic characters are mapped first.
_TYPOGRAPHY = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."}
)
_SPACES = re.compile(r"\s+")


def xml_text(value: str, limit: int) -> str:
    """``value`` as the NFCom's text types accept it: Latin-1, single spaces, ≤ ``limit``."""
    text = unicodedata.normalize("NFC", value.translate(_TYPOGRAPHY))
    out = []
    for ch in text:
        if ord(ch) <= 0xFF:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if base and all(ord(c) <= 0xFF for c in base) else "?")
    cleaned = _SPACES.sub(" ", "".join(c if c.isprintable() else " " for c in out)).strip()
    return cleaned[:limit].strip()


def money(value: Decimal) -> str:
    return str(value.quantize(CENT, ROUND_HALF_UP))


def _unit_price(value: Decimal) -> str:
    """vItem: 2 to 8 decimal places (TDec_1302_1308)."""
    text = f"{value.quantize(Decimal('0.00000001'), ROUND_HALF_UP):f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


def qr_code_url(access_key: str, environment: str) -> str:
    """The QR code of the DANFE-COM (SVRS consultation page; tpEmis 1 needs no ``sign``)."""
    return f"{QR_CODE_BASE}?chNFCom={access_key}&tpAmb={environment}"


def _required(value: str, what: str, limit: int, minimum: int = 2) -> str:
    text = xml_text(value, limit)
    if len(text) < minimum:
        raise InvalidInput("fiscal_builder.nfcom_nao_informado", what=what)
    return text


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _address_fields(address: Address, who: str) -> dict[str, object]:
    city_ibge, cep = _digits(address.city_ibge), _digits(address.cep)
    if len(city_ibge) != 7:
        raise InvalidInput("fiscal_builder.nfcom_codigo_ibge_municipio", who=who)
    if len(cep) != 8:
        raise InvalidInput("fiscal_builder.nfcom_cep_invalido", who=who)
    if not re.fullmatch(r"[A-Z]{2}", address.state):
        raise InvalidInput("fiscal_builder.nfcom_uf_invalida", who=who)
    fields: dict[str, object] = {
        "xLgr": _required(address.street, f"logradouro do {who}", 60),
        "nro": _required(address.number or "S/N", f"número do endereço do {who}", 60, 1),
        "xCpl": xml_text(address.complement, 60) or None,
        "xBairro": _required(address.district, f"bairro do {who}", 60),
        "cMun": city_ibge,
        "xMun": _required(address.city, f"município do {who}", 60),
        "CEP": cep,
        "UF": Tuf(address.state),
    }
    phone = _digits(address.phone)
    if 7 <= len(phone) <= 12:
        fields["fone"] = phone
    email = address.email.strip()
    if email and len(email) <= 60 and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        fields["email"] = email
    return fields


def _emit(party: Party, tax_regime: str) -> Tnfcom.InfNfcom.Emit:
    ie = _digits(party.state_registration)
    if not 2 <= len(ie) <= 14:
        raise InvalidInput("fiscal_builder.nfcom_inscricao_estadual_emitente")
    return _Inf.Emit(
        CNPJ=party.document,
        IE=ie,
        CRT=Tcrt(tax_regime),
        xNome=_required(party.name, "nome do emitente", 60),
        xFant=xml_text(party.trade_name, 60) or None,
        enderEmit=TendeEmi(**_address_fields(party.address, "emitente")),
    )


def _dest(party: Party) -> Tnfcom.InfNfcom.Dest:
    ie = _digits(party.state_registration)
    kind = "CPF" if len(party.document) == 11 else "CNPJ"
    return _Inf.Dest(
        xNome=_required(party.name, "nome do destinatário", 60),
        indIEDest=TindIedest("1" if ie else "9"),
        IE=ie or None,
        enderDest=TendeDest(**_address_fields(party.address, "destinatário")),
        **{kind: party.document},
    )


def _det(draft: Draft) -> list[Tnfcom.InfNfcom.Det]:
    if not 1 <= len(draft.lines) <= 990:
        raise InvalidInput("fiscal_builder.nfcom_informe_itens")
    items = []
    for n, line in enumerate(draft.lines, start=1):
        if line.amount <= 0 or line.quantity <= 0:
            raise InvalidInput("fiscal_builder.nfcom_item_valor_quantidade", n=n)
        unit_price = line.amount / line.quantity
        items.append(
            _Inf.Det(
                nItem=str(n),
                prod=_Inf.Det.Prod(
                    cProd=_required(line.code, f"código do item {n}", 60, 1),
                    xProd=_required(line.description, f"descrição do item {n}", 120, 1),
                    cClass=line.classification,
                    CFOP=line.cfop,
                    uMed=TumedItem(line.unit),
                    qFaturada=str(line.quantity.quantize(Decimal("0.0001"))),
                    vItem=_unit_price(unit_price),
                    vProd=money(line.amount),
                ),
                # No ICMS on these services in the demo (CST 41, não tributada): a placeholder,
                # the real taxation is the fiscal platform's.
                imposto=_Inf.Det.Imposto(ICMS40=_Inf.Det.Imposto.Icms40(CST=Icms40Cst("41"))),
            )
        )
    return items


def _total(draft: Draft) -> tuple[Tnfcom.InfNfcom.Total, Decimal]:
    products = sum((line.amount for line in draft.lines), Decimal(0)).quantize(CENT)
    total = _Inf.Total(
        vProd=money(products),
        ICMSTot=_Inf.Total.Icmstot(vBC=ZERO, vICMS=ZERO, vICMSDeson=ZERO, vFCP=ZERO),
        vCOFINS=ZERO,
        vPIS=ZERO,
        vFUNTTEL=ZERO,
        vFUST=ZERO,
        vRetTribTot=_Inf.Total.VRetTribTot(
            vRetPIS=ZERO, vRetCofins=ZERO, vRetCSLL=ZERO, vIRRF=ZERO
        ),
        vDesc=ZERO,
        vOutro=ZERO,
        vNF=money(products),
    )
    return total, products


def access_key_for(draft: Draft) -> str:
    local = draft.issued_at.astimezone(LOCAL_TZ)
    return build_key(
        uf_code=_digits(draft.emitter.address.city_ibge)[:2],
        year=local.year,
        month=local.month,
        cnpj=draft.emitter.document,
        series=draft.series,
        number=draft.number,
        random_code=draft.random_code,
    ).key


def build_binding(draft: Draft) -> Nfcom:
    """The unsigned NFCom as nfelib's dataclasses."""
    if draft.issued_at.tzinfo is None:
        raise ValueError("issued_at must be timezone-aware")
    if draft.environment not in ("1", "2"):
        raise InvalidInput("fiscal_builder.nfcom_ambiente_tpamb_deve")
    key = access_key_for(draft)
    local = draft.issued_at.astimezone(LOCAL_TZ).replace(microsecond=0)
    gfat = None
    if draft.competence and draft.due_date and _digits(draft.barcode):
        gfat = _Inf.GFat(
            CompetFat=f"{draft.competence:%Y%m}",
            dVencFat=draft.due_date.isoformat(),
            codBarras=_digits(draft.barcode)[:48],
        )
    total, _products = _total(draft)
    inf = _Inf(
        versao=VERSION,
        Id="NFCom" + key,
        ide=_Inf.Ide(
            cUF=TcodUfIbge(key[:2]),
            tpAmb=Tamb(draft.environment),
            mod=TmodNfcom(MODEL_NFCOM),
            serie=str(draft.series),
            nNF=str(draft.number),
            cNF=key[36:43],
            cDV=key[-1],
            dhEmi=local.isoformat(),
            tpEmis=TtpEmis("1"),
            nSiteAutoriz="0",
            cMunFG=_digits(draft.emitter.address.city_ibge),
            finNFCom=TfinNfcom("0"),
            tpFat=TfatNfcom("0"),
            verProc=xml_text(draft.application, 20),
        ),
        emit=_emit(draft.emitter, draft.tax_regime),
        dest=_dest(draft.recipient),
        assinante=_Inf.Assinante(
            iCodAssinante=_required(draft.subscriber_code, "código do assinante", 30, 1),
            tpAssinante=Tassinante("3" if len(draft.recipient.document) == 11 else "1"),
            tpServUtil=Tutilizacao(draft.service_type),
            nContrato=xml_text(draft.contract_number, 20) or None,
            dContratoIni=draft.contract_start.isoformat() if draft.contract_start else None,
        ),
        det=_det(draft),
        total=total,
        gFat=gfat,
        infAdic=_Inf.InfAdic(infCpl=[xml_text(draft.additional_info, 3000)])
        if xml_text(draft.additional_info, 3000)
        else None,
    )
    return Nfcom(
        infNFCom=inf,
        infNFComSupl=Tnfcom.InfNfcomSupl(qrCodNFCom=qr_code_url(key, draft.environment)),
    )


def build_nfcom(draft: Draft, signer: Signer) -> str:
    """The NFCom XML (no declaration), signed with ``signer``; valid against the XSD."""
    binding = build_binding(draft)
    unsigned = _serializer.render(obj=binding, ns_map={None: NS})
    return signer.sign(unsigned, binding.infNFCom.Id)


def simulate_authorization(
    signed_xml: str,
    protocol: Protocol,
    *,
    environment: str = "2",
    application: str = "SIMULADO-DEMO",
) -> str:
    """``nfcomProc`` = the signed NFCom + a *simulated* ``protNFCom`` (demo data only).

    A real protocol comes from the SEFAZ (SVRS) when the fiscal platform transmits the NFCom;
    this application never transmits.  ``digVal`` is the NFCom's own DigestValue, as SEFAZ
    returns it.  The NFCom element is moved as is, so its signature stays valid.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    nfcom = etree.fromstring(signed_xml.encode("utf-8"), parser)
    digest = nfcom.find(
        f"{{{DS}}}Signature/{{{DS}}}SignedInfo/{{{DS}}}Reference/{{{DS}}}DigestValue"
    )
    inf = nfcom.find(f"{{{NS}}}infNFCom")
    if digest is None or inf is None:
        raise InvalidInput("fiscal_builder.nfcom_sem_assinatura_assine")
    proc = etree.Element(f"{{{NS}}}nfcomProc", nsmap={None: NS}, versao=VERSION)
    proc.append(nfcom)
    prot = etree.SubElement(proc, f"{{{NS}}}protNFCom", versao=VERSION)
    inf_prot = etree.SubElement(prot, f"{{{NS}}}infProt")
    received = protocol.received_at.astimezone(LOCAL_TZ).replace(microsecond=0)
    for tag, text in (
        ("tpAmb", environment),
        ("verAplic", application),
        ("chNFCom", str(inf.get("Id", ""))[5:]),
        ("dhRecbto", received.isoformat()),
        ("nProt", protocol.number),
        ("digVal", digest.text or ""),
        ("cStat", protocol.status_code),
        ("xMotivo", protocol.reason),
    ):
        etree.SubElement(inf_prot, f"{{{NS}}}{tag}").text = text
    return str(etree.tostring(proc, encoding="unicode"))


def protocol_number(uf_code: str, year: int, sequence: int) -> str:
    """A 16-digit nProt shaped like SEFAZ's (type 3 + cUF + AA + sequence) for simulations."""
    return f"3{uf_code}{year % 100:02d}{sequence % 10**11:011d}"
