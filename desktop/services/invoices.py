"""Nota Fiscal (SPEC §1.4): NFCom imported from the fiscal platform, listed, exported, e-mailed.

* :func:`import_nfcom` (financeiro/admin): each file checked by
  :mod:`desktop.importers.nfcom` and stored in its own transaction; a file already imported
  (same access key) adds nothing.
* :func:`list_invoices`, :func:`invoice_xml`, :func:`invoice_info`: a counter user sees any
  subscriber's invoices, a kiosk only its own subscriber's.
* :func:`email_invoice_xml`: the XML to the subscriber's registered e-mail, through the SMTP
  server of the settings ``smtp.*`` (the kiosk's "download").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.adapters import mailer
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.documents import format_document
from desktop.domain.enums import InvoiceStatus, Role
from desktop.domain.fiscal import ENV_PRODUCTION, HOMOLOGATION_NOTICE, NfcomInfo, parse_nfcom
from desktop.domain.fiscal.trust import ROOTS_SETTING, TrustStore, load_trust_store
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.importers.nfcom import NfcomFile, read_nfcom_file
from desktop.models import Invoice, Subscriber
from desktop.services import audit, settings
from desktop.services.access import require_record_of, require_role, require_subscriber

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


# --------------------------------------------------------------------------- import
@dataclass(frozen=True)
class FileProblem:
    path: str
    reason: str  # Portuguese


@dataclass(frozen=True)
class ImportReport:
    """What one ``import nfcom`` did: files == imported + duplicates + len(problems)."""

    files: int
    imported: int
    duplicates: int
    rejected: tuple[FileProblem, ...]  # invalid files: XSD, DV, signature, protocol, conflict
    unknown_recipient: tuple[FileProblem, ...]  # valid NFCom for nobody we know
    invoice_ids: tuple[int, ...]

    @property
    def problems(self) -> tuple[FileProblem, ...]:
        return self.rejected + self.unknown_recipient


class _Duplicate(Exception):
    pass


def import_nfcom(db: Database, actor: Actor, paths: Iterable[str | Path]) -> ImportReport:
    """Import authorized NFCom XML files; every file is checked and stored on its own."""
    require_role(actor, Role.FINANCE)
    roots, roots_problem = _trust_store(db)
    files = imported = duplicates = 0
    rejected: list[FileProblem] = []
    unknown: list[FileProblem] = []
    ids: list[int] = []
    for path in paths:
        files += 1
        name = str(path)
        try:
            nfcom = read_nfcom_file(path, roots, roots_problem)
        except InvalidInput as exc:
            rejected.append(FileProblem(name, exc.message))
            continue
        try:
            invoice_id = _store(db, actor, nfcom, Path(path).name)
        except _Duplicate:
            duplicates += 1
        except NotFound as exc:
            unknown.append(FileProblem(name, exc.message))
        except Conflict as exc:
            rejected.append(FileProblem(name, exc.message))
        else:
            imported += 1
            ids.append(invoice_id)
    with db.session() as session:
        audit.record(
            session,
            actor,
            "nota_fiscal.importacao",
            "invoice",
            "",
            arquivos=files,
            importadas=imported,
            repetidas=duplicates,
            rejeitadas=len(rejected),
            destinatario_desconhecido=len(unknown),
        )
    return ImportReport(files, imported, duplicates, tuple(rejected), tuple(unknown), tuple(ids))


def _trust_store(db: Database) -> tuple[TrustStore | None, str | None]:
    """The ICP-Brasil certificates of ``fiscal.icp_brasil_roots``, loaded once per batch;
    (None, why) when unset or unusable: production files are then refused with that reason,
    homologation ones still import."""
    location = str(settings.read(db, ROOTS_SETTING)).strip()
    if not location:
        return None, None
    try:
        return load_trust_store(location), None
    except InvalidInput as exc:
        return None, exc.message


def _store(db: Database, actor: Actor, nfcom: NfcomFile, file_name: str) -> int:
    info = nfcom.info
    try:
        with db.session() as session:
            if _existing(session, info.access_key):
                raise _Duplicate
            subscriber_id = session.scalar(
                select(Subscriber.id).where(Subscriber.document == info.recipient_document)
            )
            if subscriber_id is None:
                raise NotFound(
                    "invoices.destinatario_nao_assinante_cadastrado",
                    recipient_document=format_document(info.recipient_document),
                    recipient_name=info.recipient_name,
                )
            other = session.scalar(
                select(Invoice.access_key).where(
                    Invoice.issuer_cnpj == info.emitter_cnpj,
                    Invoice.model == info.model,
                    Invoice.series == info.series,
                    Invoice.number == info.number,
                )
            )
            if other is not None:
                raise Conflict(
                    "invoices.existe_nfcom_serie_deste",
                    number=info.number,
                    series=info.series,
                    other=other,
                )
            invoice = _invoice_row(info, nfcom.xml, subscriber_id)
            session.add(invoice)
            session.flush()
            audit.record(
                session,
                actor,
                "nota_fiscal.importada",
                "invoice",
                invoice.id,
                chave=info.access_key,
                arquivo=file_name,
                assinante=subscriber_id,
            )
            return invoice.id
    except IntegrityError:
        # Another station imported the same key meanwhile: the unique key says so.
        with db.session() as session:
            if _existing(session, info.access_key):
                raise _Duplicate from None
        raise


def _existing(session: Session, key: str) -> bool:
    return session.scalar(select(Invoice.id).where(Invoice.access_key == key)) is not None


def _invoice_row(
    info: NfcomInfo, xml: str, subscriber_id: int, receivable_id: int | None = None
) -> Invoice:
    return Invoice(
        subscriber_id=subscriber_id,
        receivable_id=receivable_id,
        issuer_cnpj=info.emitter_cnpj,
        model=info.model,
        series=info.series,
        number=info.number,
        access_key=info.access_key,
        issued_at=info.issued_at.astimezone(dt.UTC),
        amount=info.amount,
        status=InvoiceStatus.AUTHORIZED,
        environment=info.environment,
        authorization_protocol=info.protocol.number if info.protocol else "",
        xml=xml,
    )


# --------------------------------------------------------------------------- list and export
@dataclass(frozen=True)
class InvoiceItem:
    id: int
    number: str
    series: str
    model: str
    issued_at: dt.datetime  # UTC
    amount: Decimal
    status: InvoiceStatus
    access_key: str
    environment: str = ENV_PRODUCTION  # tpAmb

    @property
    def sort_key(self) -> tuple[dt.datetime, int]:
        return (self.issued_at, self.id)

    @property
    def has_fiscal_value(self) -> bool:
        """False for a homologation document (tpAmb=2): a test, never a real invoice."""
        return self.environment == ENV_PRODUCTION

    @property
    def notice(self) -> str:
        """What a list must show beside the status ('' for a production document)."""
        return "" if self.has_fiscal_value else HOMOLOGATION_NOTICE


def list_invoices(
    db: Database,
    actor: Actor,
    subscriber_id: int,
    *,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = 100,
) -> list[InvoiceItem]:
    """One keyset page of the subscriber's invoices, newest first (issued_at desc, id desc)."""
    require_subscriber(actor, subscriber_id)
    stmt = (
        select(
            Invoice.id,
            Invoice.number,
            Invoice.series,
            Invoice.model,
            Invoice.issued_at,
            Invoice.amount,
            Invoice.status,
            Invoice.access_key,
            Invoice.environment,
        )
        .where(Invoice.subscriber_id == subscriber_id)
        .order_by(Invoice.issued_at.desc(), Invoice.id.desc())
        .limit(max(1, min(limit, 1000)))
    )
    if after is not None:
        at, last_id = after
        stmt = stmt.where(
            or_(Invoice.issued_at < at, (Invoice.issued_at == at) & (Invoice.id < last_id))
        )
    with db.query_session() as session:
        return [InvoiceItem(*row) for row in session.execute(stmt)]


def _load(session: Session, actor: Actor, invoice_id: int) -> Invoice:
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound("invoices.nota_fiscal_nao_encontrada", invoice_id=invoice_id)
    require_record_of(
        actor, invoice.subscriber_id, NotFound("invoices.nota_fiscal_nao_encontrada", invoice_id=invoice_id)
    )
    return invoice


def xml_file_name(access_key: str) -> str:
    return f"{access_key}-procNFCom.xml"


def invoice_xml(db: Database, actor: Actor, invoice_id: int) -> tuple[str, bytes]:
    """(file name, bytes) of the authorized XML as imported, with an XML declaration."""
    with db.session() as session:
        invoice = _load(session, actor, invoice_id)
        audit.record(
            session, actor, "nota_fiscal.xml", "invoice", invoice.id, chave=invoice.access_key
        )
        return xml_file_name(invoice.access_key), XML_DECLARATION + invoice.xml.encode("utf-8")


def invoice_info(db: Database, actor: Actor, invoice_id: int) -> NfcomInfo:
    """What the stored XML says (for the DANFE-COM)."""
    with db.query_session() as session:
        xml = _load(session, actor, invoice_id).xml
    return parse_nfcom(xml)


# --------------------------------------------------------------------------- e-mail
def email_invoice_xml(db: Database, actor: Actor, invoice_id: int) -> str:
    """E-mail the XML to the subscriber's registered address; returns that address."""
    with db.session() as session:
        invoice = _load(session, actor, invoice_id)
        subscriber = session.get(Subscriber, invoice.subscriber_id)
        assert subscriber is not None  # foreign key
        address = (subscriber.email or "").strip()
        if not address:
            raise InvalidInput("invoices.assinante_nao_tem_mail")
        smtp = settings.get_many(session, "smtp.")
        company = settings.get_many(session, "company.")
        key, number, series = invoice.access_key, invoice.number, invoice.series
        xml = XML_DECLARATION + invoice.xml.encode("utf-8")
        name = subscriber.name
    trade_name = company["company.trade_name"] or company["company.name"]
    mailer.send_mail(
        smtp,
        address,
        f"Nota Fiscal NFCom nº {number} série {series} - {trade_name}",
        f"Olá, {name}.\n\n"
        f"Segue em anexo o XML da Nota Fiscal Fatura de Serviços de Comunicação Eletrônica "
        f"(NFCom) nº {number}, série {series}.\n"
        f"Chave de acesso: {key}\n\n"
        f"Atenciosamente,\n{trade_name}\n"
        f"{company['company.phone']} - {company['company.email']}\n",
        [mailer.Attachment(xml_file_name(key), xml, "application/xml")],
    )
    with db.session() as session:
        audit.record(
            session, actor, "nota_fiscal.email", "invoice", invoice_id, chave=key, para=address
        )
    return address
