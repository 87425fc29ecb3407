"""The provider's own data (settings ``company.*``) for document headers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.documents import format_document
from desktop.services import settings


@dataclass(frozen=True)
class CompanyInfo:
    name: str
    trade_name: str
    cnpj: str  # bare, as stored
    address: str
    phone: str
    email: str

    @property
    def cnpj_formatted(self) -> str:
        return format_document(self.cnpj)


def _phone(digits: str) -> str:
    if len(digits) == 10:
        return f"({digits[:2]}) {digits[2:6]}-{digits[6:]}"
    if len(digits) == 11:
        return f"({digits[:2]}) {digits[2:7]}-{digits[7:]}"
    return digits


def company_info(session: Session) -> CompanyInfo:
    values = settings.get_many(session, "company.")
    cep = values["company.cep"]
    street = ", ".join(p for p in (values["company.street"], values["company.number"]) if p)
    city = "/".join(p for p in (values["company.city"], values["company.state"]) if p)
    parts = [street, values["company.district"], city]
    if len(cep) == 8:
        parts.append(f"CEP {cep[:5]}-{cep[5:]}")
    return CompanyInfo(
        name=values["company.name"],
        trade_name=values["company.trade_name"],
        cnpj=values["company.cnpj"],
        address=" - ".join(p for p in parts if p),
        phone=_phone(values["company.phone"]),
        email=values["company.email"],
    )


def load(db: Database) -> CompanyInfo:
    with db.query_session() as session:
        return company_info(session)
