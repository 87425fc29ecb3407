"""Declaração anual de quitação de débitos (Lei nº 12.007/2009; SPEC §7).

The rules, from the law:

* Art. 2º: the declaration covers January to December of one year, **by the due date** of
  each bill; only a consumer who settled every debt of that year has the right to it; a
  consumer billed only some months gets it for the months billed (§ 2º).  So: the bills are
  the subscriber's receivables due in that year (every contract), each settled (*baixado*) or
  cancelled; a cancelled bill is listed but is no debt.
* Art. 3º: it is sent with the bill due in May of the following year; it is also owed later,
  after the debts are settled.  So any **past** year may be asked for at any time; the current
  year (not closed) and future years are refused.
* Art. 4º: the declaration must say that it replaces, as proof, the monthly receipts of that
  year **and of the previous years**.  So a bill still open from an earlier year also refuses
  it: the statement would be untrue.  The refusal names every open bill (description, due
  date, amount) so the person knows what to pay.
* A year with **no bill at all** (the subscriber was not a customer yet, or nothing was
  billed): there is nothing to declare settled, and a declaration would certify a debt
  history that does not exist — refused, in words ("nenhuma conta com vencimento em ...").

Kiosk actors see only their own subscriber (``require_subscriber``); each issue and each
refusal is written to the audit log (a statement of the subscriber's payments).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from desktop.adapters import mailer
from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import today_local
from desktop.domain.enums import PaymentMethod, ReceivableStatus
from desktop.errors import Conflict, InvalidInput
from desktop.models import Receivable, Subscriber
from desktop.reports.common import date_br, money
from desktop.services import audit, settings
from desktop.services.access import require_subscriber
from desktop.services.company import CompanyInfo, company_info
from desktop.services.statement_common import SubscriberHeader, subscriber_header

FIRST_YEAR = 2000  # no receivable of ours is older; a typo like 205 is refused in words
LAW = "Lei nº 12.007/2009"


@dataclass(frozen=True)
class QuitacaoItem:
    receivable_id: int
    description: str
    due_date: dt.date
    amount: Decimal
    status: ReceivableStatus
    paid_at: dt.datetime | None
    paid_amount: Decimal | None
    payment_method: PaymentMethod | None


@dataclass(frozen=True)
class Quitacao:
    """The declaration's data: every bill due in ``year``, all settled or cancelled."""

    company: CompanyInfo
    subscriber: SubscriberHeader
    year: int
    issued_on: dt.date
    items: tuple[QuitacaoItem, ...]

    @property
    def total_paid(self) -> Decimal:
        return sum((i.paid_amount or Decimal("0.00") for i in self.items), Decimal("0.00"))


class QuitacaoRefused(Conflict):
    """The year has (or an earlier year has) an open bill; ``open_items`` are they."""

    def __init__(
        self, code: str, year: int, open_items: tuple[QuitacaoItem, ...], /, **params: object
    ) -> None:
        super().__init__(code, **params)
        self.year = year
        self.open_items = open_items


def check_year(year: int, today: dt.date) -> None:
    """``InvalidInput`` unless ``year`` is a closed year (Art. 2º: January to December)."""
    if year >= today.year:
        raise InvalidInput(
            "quitacao.ano_ainda_nao_terminou", year=year, law=LAW, year2=today.year - 1
        )
    if year < FIRST_YEAR:
        raise InvalidInput("quitacao.ano_invalido", year=year)


def _item(r: Receivable) -> QuitacaoItem:
    return QuitacaoItem(
        r.id,
        r.description,
        r.due_date,
        r.amount,
        r.status,
        r.paid_at,
        r.paid_amount,
        r.payment_method,
    )


def _bill_words(item: QuitacaoItem) -> str:
    return f"{item.description} (vencimento {date_br(item.due_date)}, {money(item.amount)})"


def _refusal(year: int, open_items: tuple[QuitacaoItem, ...]) -> QuitacaoRefused:
    in_year = [i for i in open_items if i.due_date.year == year]
    earlier = [i for i in open_items if i.due_date.year < year]
    parts = []
    if in_year:
        what = (
            "há 1 conta em aberto" if len(in_year) == 1 else f"há {len(in_year)} contas em aberto"
        )
        parts.append(f"{what} com vencimento em {year}: " + "; ".join(map(_bill_words, in_year)))
    if earlier:
        what = (
            "1 conta de ano anterior"
            if len(earlier) == 1
            else f"{len(earlier)} contas de anos anteriores"
        )
        parts.append(
            f"{what} também em aberto (a declaração vale pelos anos anteriores, art. 4º): "
            + "; ".join(map(_bill_words, earlier))
        )
    # The bill descriptions stay Portuguese (they are the provider's own texts).
    return QuitacaoRefused(
        "quitacao.declaracao_recusada", year, open_items, year=year, parts=" — ".join(parts)
    )


def declaration(
    db: Database,
    actor: Actor,
    subscriber_id: int,
    year: int,
    *,
    today: dt.date | None = None,
) -> Quitacao:
    """The declaration of ``year``; :class:`QuitacaoRefused` (a ``Conflict``) with the open
    bills in words, ``Conflict`` for a year without bills, ``InvalidInput`` for a year not
    closed."""
    require_subscriber(actor, subscriber_id)
    today = today or today_local()
    check_year(year, today)
    end = dt.date(year, 12, 31)
    with db.session() as session:
        header = subscriber_header(session, subscriber_id)
        company = company_info(session)
        rows = list(
            session.scalars(
                select(Receivable)
                .where(
                    Receivable.subscriber_id == subscriber_id,
                    Receivable.due_date <= end,
                    (Receivable.due_date >= dt.date(year, 1, 1))
                    | (Receivable.status == ReceivableStatus.OPEN),
                )
                .order_by(Receivable.due_date, Receivable.id)
            )
        )
    items = tuple(_item(r) for r in rows)
    open_items = tuple(i for i in items if i.status is ReceivableStatus.OPEN)
    year_items = tuple(i for i in items if i.due_date.year == year)
    outcome = "recusada" if open_items or not year_items else "emitida"
    audit.record_now(
        db,
        actor,
        "declaracao_quitacao",
        "subscriber",
        subscriber_id,
        ano=year,
        resultado=outcome,
        contas=len(year_items),
        em_aberto=[i.receivable_id for i in open_items],
    )
    if open_items:
        raise _refusal(year, open_items)
    if not year_items:
        raise Conflict("quitacao.nenhuma_conta_vencimento_assinante", year=year)
    return Quitacao(company, header, year, today, year_items)


def email_declaration(
    db: Database, actor: Actor, subscriber_id: int, year: int, *, today: dt.date | None = None
) -> str:
    """E-mail the declaration's PDF to the subscriber's registered address (the kiosk never
    asks for one); returns the address masked, as shown on screen."""
    from desktop.reports.quitacao import build_quitacao_pdf  # only when sending

    q = declaration(db, actor, subscriber_id, year, today=today)
    with db.session() as session:
        sub = session.get(Subscriber, subscriber_id)
        address = sub.email if sub is not None else None
        smtp = settings.get_many(session, "smtp.")
    if not address or "@" not in address:
        raise InvalidInput("quitacao.assinante_nao_tem_mail")
    mailer.send_mail(
        smtp,
        address,
        f"Declaração anual de quitação de débitos {year} — {q.company.name}",
        f"Olá, {q.subscriber.name}.\n\nSegue anexa a declaração anual de quitação de débitos "
        f"de {year} ({LAW}).\n\n{q.company.name}\n{q.company.phone} · {q.company.email}\n",
        [mailer.Attachment(f"declaracao-quitacao-{year}.pdf", build_quitacao_pdf(q))],
    )
    user, _, domain = address.partition("@")
    shown = f"{user[:1]}***@{domain}"
    audit.record_now(
        db, actor, "declaracao_quitacao.email", "subscriber", subscriber_id, ano=year, para=shown
    )
    return shown
