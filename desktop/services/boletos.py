"""Segunda via de boleto: register a receivable's boleto once, then reprint it unchanged.

A registered boleto's due date and amount are the bank's and never change locally (SPEC
§1.5): the first request for a receivable takes the next *nosso número* of the active bank
account under a row lock, builds the barcode (:mod:`febraban`, :mod:`banks`) and the PIX
payload of the *boleto híbrido* (:mod:`pix`), stores them and audits the registration; every
later request returns the stored row.  Overdue bills within the payment limit are reprinted as
registered with the updated amount (fine and interest, :func:`financial.updated_amount`) shown
for information; past the limit a kiosk is sent to the counter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain import banks, febraban, pix
from desktop.domain.actors import Actor, KioskActor
from desktop.domain.changes import OpChanges, note
from desktop.domain.clock import to_local, today_local, utcnow
from desktop.domain.documents import format_document
from desktop.domain.enums import ReceivableStatus
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.models import BankAccount, Boleto, Receivable, Subscriber
from desktop.services import audit, financial, settings
from desktop.services.access import require_record_of, require_subscriber
from desktop.services.company import company_info

NO_BANK_ACCOUNT = "boletos.nenhuma_conta_bancaria"


@dataclass(frozen=True)
class BoletoInfo:
    # SPEC §4 (JSON of ``central-assinante boleto``)
    receivable_id: int
    bank: str
    nosso_numero: str
    due_date: dt.date
    amount: Decimal
    barcode: str
    digitable_line: str  # 47 digits
    pix_payload: str
    # What the printed boleto needs
    bank_name: str
    bank_code_dv: str  # "001-9"
    wallet: str
    agency_code: str
    registered_on: dt.date  # data de processamento
    document_number: str
    document_date: dt.date
    description: str
    beneficiary_name: str
    beneficiary_document: str  # formatted CNPJ
    beneficiary_address: str
    payer_name: str
    payer_document: str  # formatted CPF/CNPJ
    payer_address: tuple[str, ...]
    payment_place: str
    instructions: tuple[str, ...]
    statement_lines: tuple[str, ...]
    # Updated amount as of ``updated_on``, for information (the barcode keeps ``amount``)
    fine_percent: Decimal
    interest_month_percent: Decimal
    updated_on: dt.date
    fine: Decimal
    interest: Decimal
    updated_amount: Decimal
    overdue_days: int
    payment_limit: dt.date

    @property
    def formatted_line(self) -> str:
        return febraban.format_line(self.digitable_line)


@dataclass(frozen=True)
class OpenBill:
    """One line of the Segunda via tab."""

    receivable_id: int
    description: str
    due_date: dt.date
    amount: Decimal
    fine: Decimal
    interest: Decimal
    updated_amount: Decimal
    overdue_days: int
    payment_limit: dt.date
    nosso_numero: str | None  # None: no boleto registered yet (one is made on first print)
    reprintable: bool  # False only past the payment limit (include_expired=True)


# --------------------------------------------------------------------------- registration
def _account_data(account: BankAccount) -> banks.BankAccountData:
    return banks.BankAccountData(
        bank_code=account.bank_code,
        agency=account.agency,
        account=account.account,
        account_dv=account.account_dv,
        wallet=account.wallet,
        agreement=account.agreement,
        agency_dv=account.agency_dv,
    )


def _pix_payload(session: Session, bank_code: str, nosso_numero: str, amount: Decimal) -> str:
    return hybrid_payload(settings.get_many(session, "pix."), bank_code, nosso_numero, amount)


def hybrid_payload(
    values: dict[str, Any], bank_code: str, nosso_numero: str, amount: Decimal
) -> str:
    """Static BR Code with the provider's key (``values``: the ``pix.`` settings); txid = bank
    + nosso número (alphanumeric).  Also used by the ERP import for the boletos it brings."""
    key = values["pix.key"].strip()
    if not key:
        return ""  # PIX not configured: a plain boleto, no QR code
    txid = re.sub(r"[^A-Za-z0-9]", "", bank_code + nosso_numero)[:25]
    return pix.static_payload(
        key, values["pix.merchant_name"], values["pix.merchant_city"], amount=amount, txid=txid
    )


def _register(session: Session, actor: Actor, rec: Receivable, today: dt.date) -> Boleto:
    if rec.amount <= 0:
        raise InvalidInput("boletos.valor_conta_deve_positivo")
    febraban.amount_field(rec.amount)  # refuse before a nosso número is used
    febraban.due_factor(rec.due_date)
    account = session.scalars(
        select(BankAccount)
        .where(BankAccount.active.is_(True))
        .order_by(BankAccount.id)
        .limit(1)
        .with_for_update()  # PostgreSQL: row lock; SQLite: the UPDATE below takes the write lock
    ).first()
    if account is None:
        raise InvalidInput(NO_BANK_ACCOUNT)
    sequence = session.execute(
        update(BankAccount)
        .where(BankAccount.id == account.id)
        .values(last_sequence=BankAccount.last_sequence + 1)
        .returning(BankAccount.last_sequence)
    ).scalar_one()
    field = banks.free_field(_account_data(account), sequence, issued_on=today)
    barcode = febraban.build_barcode(account.bank_code, rec.due_date, rec.amount, field.campo_livre)
    boleto = Boleto(
        receivable_id=rec.id,
        bank_account_id=account.id,
        nosso_numero=field.nosso_numero,
        due_date=rec.due_date,
        amount=rec.amount,
        barcode=barcode,
        digitable_line=febraban.digitable_line(barcode),
        pix_payload=_pix_payload(session, account.bank_code, field.nosso_numero, rec.amount),
        registered_at=utcnow(),
    )
    session.add(boleto)
    session.flush()
    audit.record(
        session,
        actor,
        "boleto.registrado",
        "receivable",
        rec.id,
        banco=account.bank_code,
        conta_bancaria=account.id,
        nosso_numero=field.nosso_numero,
        vencimento=rec.due_date.isoformat(),
        valor=f"{rec.amount:.2f}",
    )
    note(OpChanges(receivables=True))  # the bill has its boleto (nosso número) now
    return boleto


def _refuse_settled(rec: Receivable) -> None:
    if rec.status is ReceivableStatus.PAID:
        raise Conflict("boletos.conta_paga_nao_ha", id=rec.id)
    if rec.status is ReceivableStatus.CANCELLED:
        raise Conflict("boletos.conta_cancelada_nao_ha", id=rec.id)


def _load(session: Session, actor: Actor, receivable_id: int) -> Receivable:
    rec = session.get(Receivable, receivable_id)
    if rec is None:
        raise NotFound("comum.conta_receber_nao_encontrada", receivable_id=receivable_id)
    require_record_of(
        actor,
        rec.subscriber_id,
        NotFound("comum.conta_receber_nao_encontrada", receivable_id=receivable_id),
    )
    _refuse_settled(rec)
    return rec


def boleto_for_receivable(
    db: Database, actor: Actor, receivable_id: int, *, today: dt.date | None = None
) -> BoletoInfo:
    """The receivable's boleto: the registered one, or a new registration if none exists."""
    today = today or today_local()
    try:
        with db.session() as session:
            rec = _load(session, actor, receivable_id)
            boleto = session.scalar(select(Boleto).where(Boleto.receivable_id == rec.id))
            _check_limit(session, actor, boleto.due_date if boleto else rec.due_date, today)
            if boleto is None:
                boleto = _register(session, actor, rec, today)
            return _info(session, rec, boleto, today)
    except IntegrityError:
        # Another counter registered this receivable's boleto at the same moment: ours was
        # rolled back (nosso número included), theirs is the one.
        with db.session() as session:
            rec = _load(session, actor, receivable_id)
            boleto = session.scalar(select(Boleto).where(Boleto.receivable_id == rec.id))
            if boleto is None:  # not a race on this receivable: a nosso número clash
                raise Conflict("boletos.nosso_numero_gerado_existe") from None
            return _info(session, rec, boleto, today)


def _check_limit(session: Session, actor: Actor, due_date: dt.date, today: dt.date) -> None:
    """Past the payment limit the bank refuses the boleto: a kiosk sends the subscriber to the
    counter (counter staff may still print it, e.g. for the record)."""
    limit = due_date + dt.timedelta(days=settings.get(session, "billing.payment_limit_days"))
    if isinstance(actor, KioskActor) and today > limit:
        raise Conflict("boletos.prazo_pagar_boleto_terminou", limit=limit)


# --------------------------------------------------------------------------- presentation
def _payer(sub: Subscriber) -> tuple[str, ...]:
    street = ", ".join(p for p in (sub.street, sub.number, sub.complement) if p)
    city = " - ".join(p for p in (sub.city, sub.state) if p)
    cep = f"CEP {sub.cep[:5]}-{sub.cep[5:]}" if len(sub.cep) == 8 else ""
    second = ", ".join(p for p in (sub.district, city, cep) if p)
    return tuple(p for p in (street, second) if p)


def _pct(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",") + "%"


def _info(session: Session, rec: Receivable, boleto: Boleto, today: dt.date) -> BoletoInfo:
    billing = settings.get_many(session, "billing.")
    fine_pct: Decimal = billing["billing.fine_percent"]
    interest_pct: Decimal = billing["billing.interest_month_percent"]
    limit = boleto.due_date + dt.timedelta(days=billing["billing.payment_limit_days"])
    charges = financial.updated_amount(
        boleto.amount, boleto.due_date, today, fine_pct, interest_pct
    )
    account = boleto.bank_account
    company = company_info(session)
    sub = rec.subscriber
    fine_value = (boleto.amount * fine_pct / 100).quantize(financial.CENT)
    daily = (boleto.amount * interest_pct / 100 / 30).quantize(financial.CENT)
    instructions = (
        f"Após o vencimento, cobrar multa de {_pct(fine_pct)} ({febraban.brl(fine_value)}) e juros "
        f"de mora de {_pct(interest_pct)} ao mês ({febraban.brl(daily)} por dia de atraso).",
        f"Não receber após {limit:%d/%m/%Y}.",
        f"Dúvidas: {company.trade_name} — {company.phone} — {company.email}.",
    )
    statement = [
        rec.description,
        f"Referência: {rec.competence:%m/%Y}"
        + (f" — contrato {rec.contract.number}" if rec.contract else ""),
        f"Documento nº {rec.id}, emitido em {rec.issued_on:%d/%m/%Y}.",
    ]
    return BoletoInfo(
        receivable_id=rec.id,
        bank=account.bank_code,
        nosso_numero=boleto.nosso_numero,
        due_date=boleto.due_date,
        amount=boleto.amount,
        barcode=boleto.barcode,
        digitable_line=boleto.digitable_line,
        pix_payload=boleto.pix_payload,
        bank_name=banks.bank_name(account.bank_code),
        bank_code_dv=banks.bank_code_with_dv(account.bank_code),
        wallet=account.wallet,
        agency_code=banks.agency_code(_account_data(account)),
        registered_on=to_local(boleto.registered_at).date(),
        document_number=str(rec.id),
        document_date=rec.issued_on,
        description=rec.description,
        beneficiary_name=account.beneficiary_name or company.name,
        beneficiary_document=company.cnpj_formatted,
        beneficiary_address=company.address,
        payer_name=sub.name,
        payer_document=format_document(sub.document),
        payer_address=_payer(sub),
        payment_place=(
            "Pagável em qualquer banco até o vencimento. Após o vencimento, em qualquer banco "
            f"até {limit:%d/%m/%Y}."
        ),
        instructions=instructions,
        statement_lines=tuple(statement),
        fine_percent=fine_pct,
        interest_month_percent=interest_pct,
        updated_on=today,
        fine=charges.fine,
        interest=charges.interest,
        updated_amount=charges.total,
        overdue_days=charges.overdue_days,
        payment_limit=limit,
    )


# --------------------------------------------------------------------------- segunda via list
def open_bills(
    db: Database,
    actor: Actor,
    subscriber_id: int,
    today: dt.date | None = None,
    *,
    include_expired: bool = False,
) -> list[OpenBill]:
    """Open bills for the Segunda via tab: due from today up to ``billing.reprint_days_ahead``
    days ahead, and overdue ones within ``billing.payment_limit_days`` (updated amount shown).
    ``include_expired`` also lists overdue bills past the limit (``reprintable=False``), so the
    kiosk can send the subscriber to the counter."""
    require_subscriber(actor, subscriber_id)
    today = today or today_local()
    with db.query_session() as session:
        billing = settings.get_many(session, "billing.")
        ahead = dt.timedelta(days=billing["billing.reprint_days_ahead"])
        limit_days = dt.timedelta(days=billing["billing.payment_limit_days"])
        fine_pct = billing["billing.fine_percent"]
        interest_pct = billing["billing.interest_month_percent"]
        stmt = (
            select(Receivable, Boleto.nosso_numero, Boleto.due_date, Boleto.amount)
            .outerjoin(Boleto, Boleto.receivable_id == Receivable.id)
            .where(
                Receivable.subscriber_id == subscriber_id,
                Receivable.status == ReceivableStatus.OPEN,
                Receivable.due_date <= today + ahead,
            )
            .order_by(Receivable.due_date, Receivable.id)
            .limit(500)
        )
        if not include_expired:
            stmt = stmt.where(Receivable.due_date >= today - limit_days)
        bills = []
        for rec, nosso_numero, boleto_due, boleto_amount in session.execute(stmt):
            due = boleto_due or rec.due_date  # a registered boleto keeps the bank's figures
            amount = boleto_amount if boleto_amount is not None else rec.amount
            charges = financial.updated_amount(amount, due, today, fine_pct, interest_pct)
            limit = due + limit_days
            bills.append(
                OpenBill(
                    receivable_id=rec.id,
                    description=rec.description,
                    due_date=due,
                    amount=amount,
                    fine=charges.fine,
                    interest=charges.interest,
                    updated_amount=charges.total,
                    overdue_days=charges.overdue_days,
                    payment_limit=limit,
                    nosso_numero=nosso_numero,
                    reprintable=today <= limit,
                )
            )
        return bills


def open_boletos(
    db: Database, actor: Actor, subscriber_id: int, today: dt.date | None = None
) -> list[BoletoInfo]:
    """*Imprimir todos*: the boleto of every reprintable open bill (registering those that
    have none yet), in due-date order, ready for ``reports.boleto.render_boletos``."""
    today = today or today_local()
    bills = open_bills(db, actor, subscriber_id, today)
    return [boleto_for_receivable(db, actor, b.receivable_id, today=today) for b in bills]
