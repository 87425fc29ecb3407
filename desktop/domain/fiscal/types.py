"""Plain data of an NFCom, shared by the builder, the reader, the importer and the DANFE-COM.

No fiscal library is imported here, so a report can take these without pulling in lxml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.domain.documents import format_document

ENV_PRODUCTION = "1"
ENV_HOMOLOGATION = "2"
HOMOLOGATION_NOTICE = "EMITIDA EM AMBIENTE DE HOMOLOGAÇÃO - SEM VALOR FISCAL"

SERVICE_TYPES = {
    "1": "Telefonia",
    "2": "Comunicação de dados",
    "3": "TV por assinatura",
    "4": "Provimento de acesso à Internet",
    "5": "Multimídia",
    "6": "Outros",
    "7": "Vários",
}
UNITS = {"1": "MIN", "2": "MB", "3": "GB", "4": "UN"}


@dataclass(frozen=True)
class Address:
    street: str
    number: str
    district: str
    city: str
    city_ibge: str
    state: str
    cep: str
    complement: str = ""
    phone: str = ""
    email: str = ""

    @property
    def lines(self) -> tuple[str, ...]:
        first = ", ".join(p for p in (self.street, self.number, self.complement) if p)
        cep = f"CEP {self.cep[:5]}-{self.cep[5:]}" if len(self.cep) == 8 else self.cep
        second = " - ".join(p for p in (self.district, f"{self.city}/{self.state}", cep) if p)
        return tuple(p for p in (first, second) if p)


@dataclass(frozen=True)
class Party:
    """Emitter (CNPJ) or recipient (CPF or CNPJ) of the NFCom."""

    document: str  # bare CPF or CNPJ
    name: str
    address: Address
    state_registration: str = ""  # IE
    trade_name: str = ""

    @property
    def document_formatted(self) -> str:
        return format_document(self.document)


@dataclass(frozen=True)
class Line:
    """One item (det) to bill."""

    code: str  # cProd
    description: str  # xProd
    amount: Decimal  # vProd
    quantity: Decimal = Decimal("1")
    unit: str = "4"  # uMed: 1 minuto, 2 MB, 3 GB, 4 UN
    # cClass (Tabela de Classificação de Item da NFCom) and CFOP are the fiscal platform's
    # business; these defaults are placeholders for the demo, not tax advice.
    classification: str = "0400401"
    cfop: str = "5307"


@dataclass(frozen=True)
class Draft:
    """Everything :func:`desktop.domain.fiscal.build_nfcom` needs for one NFCom."""

    emitter: Party
    recipient: Party
    subscriber_code: str  # iCodAssinante
    series: int
    number: int
    random_code: int  # cNF, 7 digits
    issued_at: dt.datetime  # tz-aware
    lines: tuple[Line, ...]
    service_type: str = "4"  # tpServUtil (see SERVICE_TYPES)
    contract_number: str = ""
    contract_start: dt.date | None = None
    competence: dt.date | None = None  # gFat: month billed
    due_date: dt.date | None = None
    barcode: str = ""  # gFat/codBarras: the boleto's linha digitável, digits only
    environment: str = ENV_HOMOLOGATION
    tax_regime: str = "3"  # CRT: 1 Simples Nacional, 3 regime normal
    additional_info: str = ""
    application: str = "central-assinante"


@dataclass(frozen=True)
class Item:
    number: int  # nItem
    code: str
    description: str
    classification: str
    cfop: str
    unit: str  # printed unit (UN, MIN, MB, GB)
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Totals:
    products: Decimal
    discount: Decimal
    other: Decimal
    icms_base: Decimal
    icms: Decimal
    pis: Decimal
    cofins: Decimal
    fust: Decimal
    funttel: Decimal
    total: Decimal


@dataclass(frozen=True)
class Protocol:
    """protNFCom of an authorized NFCom (nfcomProc)."""

    number: str  # nProt
    received_at: dt.datetime
    status_code: str  # cStat (100 = autorizado o uso)
    reason: str  # xMotivo


@dataclass(frozen=True)
class NfcomInfo:
    """What an NFCom XML says, as the application uses it."""

    access_key: str
    number: str
    series: str
    model: str
    issued_at: dt.datetime  # tz-aware
    amount: Decimal  # vNF
    environment: str  # tpAmb
    emitter: Party
    recipient: Party
    subscriber_code: str
    service_type: str
    contract_number: str
    items: tuple[Item, ...]
    totals: Totals
    qr_code_url: str
    protocol: Protocol | None = None
    competence: str = ""  # AAAAMM
    due_date: dt.date | None = None
    barcode: str = ""
    additional_info: tuple[str, ...] = field(default_factory=tuple)

    @property
    def emitter_cnpj(self) -> str:
        return self.emitter.document

    @property
    def recipient_document(self) -> str:
        return self.recipient.document

    @property
    def recipient_name(self) -> str:
        return self.recipient.name

    @property
    def is_homologation(self) -> bool:
        return self.environment == ENV_HOMOLOGATION

    @property
    def service_type_label(self) -> str:
        return SERVICE_TYPES.get(self.service_type, self.service_type)
