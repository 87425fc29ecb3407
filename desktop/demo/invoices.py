"""Demo NFCom: one signed invoice per monthly bill (open or paid) of some subscribers.

Homologation only (tpAmb=2), signed with the self-signed test certificate of the data
directory and wrapped in an ``nfcomProc`` with a *simulated* protocol, so the demo has what an
imported, authorized XML has.  Deterministic for a seed (cNF and times from a seeded Random;
RSA PKCS#1 v1.5 signatures are deterministic for the data directory's key).  Running it again
adds nothing for bills that already have an invoice.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, cast, func, select

from desktop.adapters import homologation_certificate
from desktop.db import Database
from desktop.domain import fiscal
from desktop.domain.clock import LOCAL_TZ, today_local, utcnow
from desktop.domain.enums import InvoiceStatus, ReceivableStatus
from desktop.models import Boleto, Contract, Invoice, Plan, Receivable, Subscriber
from desktop.services import settings

DEMO_SERIES = 1
MAX_SUBSCRIBERS = 200
CHUNK = 250  # invoices per transaction
FIRST_HOUR = 7  # invoices go out from 07:00 local, 20 s apart (plus a few seconds)


@dataclass(frozen=True)
class _Bill:
    receivable_id: int
    subscriber_id: int
    description: str
    competence: dt.date
    issued_on: dt.date
    due_date: dt.date
    amount: Decimal
    contract_number: str
    contract_start: dt.date
    plan_id: int
    internet: bool
    voice: bool
    barcode: str
    recipient: fiscal.Party


def _months_back(today: dt.date, months: int) -> dt.date:
    index = today.year * 12 + today.month - 1 - (months - 1)
    return dt.date(index // 12, index % 12 + 1, 1)


def _emitter(company: dict[str, Any]) -> fiscal.Party:
    return fiscal.Party(
        document=company["company.cnpj"],
        name=company["company.name"],
        trade_name=company["company.trade_name"],
        state_registration=company["company.ie"],
        address=fiscal.Address(
            street=company["company.street"],
            number=company["company.number"],
            district=company["company.district"],
            city=company["company.city"],
            city_ibge=company["company.city_ibge"],
            state=company["company.state"],
            cep=company["company.cep"],
            phone=company["company.phone"],
            email=company["company.email"],
        ),
    )


def _recipient(sub: Subscriber, emitter: fiscal.Party) -> fiscal.Party:
    """The subscriber as recipient; a demo row without IBGE code/CEP borrows the provider's."""
    fallback = emitter.address
    complete = len(sub.city_ibge) == 7 and len(sub.cep) == 8 and len(sub.state) == 2
    return fiscal.Party(
        document=sub.document,
        name=sub.name,
        address=fiscal.Address(
            street=sub.street or "Endereço não informado",
            number=sub.number or "S/N",
            complement=sub.complement,
            district=sub.district or fallback.district,
            city=sub.city if complete else fallback.city,
            city_ibge=sub.city_ibge if complete else fallback.city_ibge,
            state=sub.state if complete else fallback.state,
            cep=sub.cep if complete else fallback.cep,
            email=sub.email or "",
        ),
    )


def _bills(db: Database, rng: random.Random, months: int, emitter: fiscal.Party) -> list[_Bill]:
    today = today_local()
    with db.session() as session:
        ids = list(session.scalars(select(Subscriber.id).order_by(Subscriber.id)))
        chosen = sorted(rng.sample(ids, min(len(ids), MAX_SUBSCRIBERS)))
        if not chosen:
            return []
        # Bills already invoiced, found through the (subscriber_id, ...) index: an anti-join
        # on invoices.receivable_id would scan the unindexed column once per bill.
        invoiced = set(
            session.scalars(
                select(Invoice.receivable_id).where(
                    Invoice.subscriber_id.in_(chosen), Invoice.receivable_id.is_not(None)
                )
            )
        )
        stmt = (
            select(Receivable, Contract, Plan, Subscriber, Boleto.digitable_line)
            .join(Contract, Receivable.contract_id == Contract.id)
            .join(Plan, Contract.plan_id == Plan.id)
            .join(Subscriber, Receivable.subscriber_id == Subscriber.id)
            .outerjoin(Boleto, Boleto.receivable_id == Receivable.id)
            .where(
                Receivable.subscriber_id.in_(chosen),
                Receivable.status.in_((ReceivableStatus.OPEN, ReceivableStatus.PAID)),
                Receivable.competence >= _months_back(today, months),
                Receivable.issued_on <= today,
                Receivable.amount > 0,
            )
            .order_by(Receivable.issued_on, Receivable.id)
        )
        recipients: dict[int, fiscal.Party] = {}
        bills = []
        for rec, contract, plan, sub, line in session.execute(stmt):
            if rec.id in invoiced:
                continue
            if sub.id not in recipients:
                recipients[sub.id] = _recipient(sub, emitter)
            bills.append(
                _Bill(
                    rec.id,
                    sub.id,
                    rec.description,
                    rec.competence,
                    rec.issued_on,
                    rec.due_date,
                    rec.amount,
                    contract.number,
                    contract.activated_on,
                    plan.id,
                    plan.has_internet,
                    plan.has_voice,
                    line or "",
                    recipients[sub.id],
                )
            )
        return bills


def _service_type(bill: _Bill) -> str:
    if bill.internet and bill.voice:
        return "7"  # vários
    if bill.voice:
        return "1"  # telefonia
    return "4" if bill.internet else "6"


def _next_number(db: Database, cnpj: str, series: int) -> int:
    with db.session() as session:
        last = session.scalar(
            select(func.max(cast(Invoice.number, Integer))).where(
                Invoice.issuer_cnpj == cnpj, Invoice.model == "62", Invoice.series == str(series)
            )
        )
    return int(last or 0) + 1


def generate_demo_invoices(
    db: Database,
    seed: int,
    months: int = 12,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Create the demo NFCom (``Invoice`` rows); returns how many were made."""
    rng = random.Random(f"nfcom-{seed}")
    with db.session() as session:
        company = settings.get_many(session, "company.")
    emitter = _emitter(company)
    bills = _bills(db, rng, max(1, months), emitter)
    if not bills:
        return 0
    signer = homologation_certificate.homologation_signer(emitter.name, emitter.document)
    number = _next_number(db, emitter.document, DEMO_SERIES)
    now = utcnow()
    per_day: dict[dt.date, int] = {}
    rows: list[Invoice] = []
    made = 0
    for bill in bills:
        slot = per_day.get(bill.issued_on, 0)
        per_day[bill.issued_on] = slot + 1
        start = dt.datetime.combine(bill.issued_on, dt.time(FIRST_HOUR), tzinfo=LOCAL_TZ)
        issued_at = min(start + dt.timedelta(seconds=20 * slot + rng.randrange(20)), now)
        random_code = rng.randrange(10**7)
        if random_code == number % 10**7:  # the MOC forbids cNF equal to nNF
            random_code = (random_code + 1) % 10**7
        rows.append(_invoice(bill, emitter, signer, number, random_code, issued_at, rng))
        number += 1
        if len(rows) >= CHUNK:
            made += _flush(db, rows)
            if progress:
                progress(made, len(bills))
    made += _flush(db, rows)
    if progress:
        progress(made, len(bills))
    return made


def _invoice(
    bill: _Bill,
    emitter: fiscal.Party,
    signer: fiscal.Signer,
    number: int,
    random_code: int,
    issued_at: dt.datetime,
    rng: random.Random,
) -> Invoice:
    draft = fiscal.Draft(
        emitter=emitter,
        recipient=bill.recipient,
        subscriber_code=str(bill.subscriber_id),
        series=DEMO_SERIES,
        number=number,
        random_code=random_code,
        issued_at=issued_at,
        lines=(fiscal.Line(f"PLANO{bill.plan_id}", bill.description, bill.amount),),
        service_type=_service_type(bill),
        contract_number=bill.contract_number,
        contract_start=bill.contract_start,
        competence=bill.competence,
        due_date=bill.due_date,
        barcode=bill.barcode,
        additional_info="Documento de demonstração emitido em ambiente de homologação.",
    )
    key = fiscal.access_key_for(draft)
    received = issued_at + dt.timedelta(seconds=1 + rng.randrange(90))
    protocol = fiscal.Protocol(
        number=fiscal.protocol_number(key[:2], issued_at.year, number),
        received_at=received,
        status_code="100",
        reason="Autorizado o uso da NFCom",
    )
    xml = fiscal.simulate_authorization(fiscal.build_nfcom(draft, signer), protocol)
    return Invoice(
        subscriber_id=bill.subscriber_id,
        receivable_id=bill.receivable_id,
        issuer_cnpj=emitter.document,
        model="62",
        series=str(DEMO_SERIES),
        number=str(number),
        access_key=key,
        issued_at=issued_at.astimezone(dt.UTC),
        amount=bill.amount,
        status=InvoiceStatus.AUTHORIZED,
        environment=fiscal.ENV_HOMOLOGATION,
        authorization_protocol=protocol.number,
        xml=xml,
    )


def _flush(db: Database, rows: list[Invoice]) -> int:
    if not rows:
        return 0
    count = len(rows)
    with db.session() as session:
        session.add_all(rows)
    rows.clear()
    return count


def demo_invoice_keys(db: Database) -> Sequence[str]:
    """Access keys of the demo series (for checks and tests)."""
    with db.session() as session:
        return list(
            session.scalars(
                select(Invoice.access_key)
                .where(Invoice.series == str(DEMO_SERIES))
                .order_by(Invoice.id)
            )
        )
