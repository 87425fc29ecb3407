"""Extrato Financeiro: receivables open and settled, with fine and interest as of today.

Fine (*multa*) is a one-off percentage of the amount once the due date has passed; interest
(*juros de mora*) is a monthly percentage applied pro rata die (a 30-day month), as the
defaults of SPEC §1.3 say (2 % and 1 % a month).  Each item is rounded to the cent and the
totals are the sums of the rounded items, so the screen, the PDF and the JSON agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.domain.actors import Actor
from desktop.domain.clock import today_local
from desktop.domain.enums import PaymentMethod, ReceivableStatus
from desktop.domain.periods import Period
from desktop.errors import NotFound
from desktop.models import BankOccurrence, Payment, Receivable
from desktop.services import settings
from desktop.services.access import require_subscriber

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Charges:
    fine: Decimal
    interest: Decimal
    total: Decimal
    overdue_days: int


def updated_amount(
    amount: Decimal,
    due_date: dt.date,
    today: dt.date,
    fine_percent: Decimal,
    interest_month_percent: Decimal,
) -> Charges:
    """Amount updated to ``today``: fine once, interest per day overdue (month of 30 days)."""
    days = (today - due_date).days
    if days <= 0:
        return Charges(ZERO, ZERO, amount, 0)
    fine = (amount * fine_percent / 100).quantize(CENT, ROUND_HALF_UP)
    interest = (amount * interest_month_percent / 100 / 30 * days).quantize(CENT, ROUND_HALF_UP)
    return Charges(fine, interest, amount + fine + interest, days)


@dataclass(frozen=True)
class FinancialFilter:
    subscriber_id: int
    status: ReceivableStatus | None = None
    period: Period | None = None  # on the due date


@dataclass(frozen=True)
class FinancialItem:
    receivable_id: int
    description: str
    due_date: dt.date
    amount: Decimal
    status: ReceivableStatus
    paid_at: dt.datetime | None
    paid_amount: Decimal | None
    payment_method: PaymentMethod | None
    fine: Decimal
    interest: Decimal
    updated_amount: Decimal
    overdue_days: int

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        return (self.due_date, self.receivable_id)


@dataclass(frozen=True)
class StatusTotal:
    count: int = 0
    amount: Decimal = ZERO
    paid_amount: Decimal = ZERO
    fine: Decimal = ZERO
    interest: Decimal = ZERO
    updated_amount: Decimal = ZERO

    def __add__(self, other: StatusTotal) -> StatusTotal:
        return StatusTotal(
            self.count + other.count,
            self.amount + other.amount,
            self.paid_amount + other.paid_amount,
            self.fine + other.fine,
            self.interest + other.interest,
            self.updated_amount + other.updated_amount,
        )


@dataclass(frozen=True)
class FinancialTotals:
    by_status: dict[ReceivableStatus, StatusTotal] = field(default_factory=dict)

    @property
    def overall(self) -> StatusTotal:
        total = StatusTotal()
        for value in self.by_status.values():
            total = total + value
        return total


def rates(session: Session) -> tuple[Decimal, Decimal]:
    values = settings.get_many(session, "billing.")
    return values["billing.fine_percent"], values["billing.interest_month_percent"]


def _conditions(flt: FinancialFilter) -> list[ColumnElement[bool]]:
    conditions = [Receivable.subscriber_id == flt.subscriber_id]
    if flt.status is not None:
        conditions.append(Receivable.status == flt.status)
    if flt.period is not None:
        conditions.append(Receivable.due_date.between(flt.period.start, flt.period.end))
    return conditions


def page(
    db: Database,
    actor: Actor,
    flt: FinancialFilter,
    *,
    after: tuple[dt.date, int] | None = None,
    limit: int = 100,
    today: dt.date | None = None,
) -> list[FinancialItem]:
    """One keyset page of the statement, by due date."""
    require_subscriber(actor, flt.subscriber_id)
    today = today or today_local()
    stmt = (
        select(Receivable)
        .where(*_conditions(flt))
        .order_by(Receivable.due_date, Receivable.id)
        .limit(max(1, min(limit, 1000)))
    )
    if after is not None:
        due, last_id = after
        stmt = stmt.where(
            or_(Receivable.due_date > due, (Receivable.due_date == due) & (Receivable.id > last_id))
        )
    with db.session() as session:
        fine_percent, interest_percent = rates(session)
        items = []
        for r in session.scalars(stmt):
            if r.status is ReceivableStatus.OPEN:
                charges = updated_amount(
                    r.amount, r.due_date, today, fine_percent, interest_percent
                )
            else:
                charges = Charges(
                    ZERO, ZERO, ZERO if r.status is ReceivableStatus.CANCELLED else r.amount, 0
                )
            items.append(
                FinancialItem(
                    r.id,
                    r.description,
                    r.due_date,
                    r.amount,
                    r.status,
                    r.paid_at,
                    r.paid_amount,
                    r.payment_method,
                    charges.fine,
                    charges.interest,
                    charges.total,
                    charges.overdue_days,
                )
            )
        return items


def totals(
    db: Database, actor: Actor, flt: FinancialFilter, *, today: dt.date | None = None
) -> FinancialTotals:
    """Totals per status, computed in SQL.

    Open items overdue are grouped by (due date, amount) so each group's rounded fine and
    interest is multiplied by its count: the same cents as summing the items one by one.
    """
    require_subscriber(actor, flt.subscriber_id)
    today = today or today_local()
    conditions = _conditions(flt)
    with db.session() as session:
        fine_percent, interest_percent = rates(session)
        by_status: dict[ReceivableStatus, StatusTotal] = {}
        for status, count, amount, paid in session.execute(
            select(
                Receivable.status,
                func.count(),
                func.coalesce(func.sum(Receivable.amount), 0),
                func.coalesce(func.sum(Receivable.paid_amount), 0),
            )
            .where(*conditions)
            .group_by(Receivable.status)
        ):
            amount_d = Decimal(str(amount)).quantize(CENT)
            updated = ZERO if status is ReceivableStatus.CANCELLED else amount_d
            by_status[status] = StatusTotal(
                count, amount_d, Decimal(str(paid)).quantize(CENT), ZERO, ZERO, updated
            )
        open_total = by_status.get(ReceivableStatus.OPEN)
        if open_total is not None and flt.status in (None, ReceivableStatus.OPEN):
            fine_sum = interest_sum = ZERO
            for due_date, amount, count in session.execute(
                select(Receivable.due_date, Receivable.amount, func.count())
                .where(
                    *conditions,
                    Receivable.status == ReceivableStatus.OPEN,
                    Receivable.due_date < today,
                )
                .group_by(Receivable.due_date, Receivable.amount)
            ):
                charges = updated_amount(
                    Decimal(str(amount)), due_date, today, fine_percent, interest_percent
                )
                fine_sum += charges.fine * count
                interest_sum += charges.interest * count
            by_status[ReceivableStatus.OPEN] = StatusTotal(
                open_total.count,
                open_total.amount,
                open_total.paid_amount,
                fine_sum,
                interest_sum,
                open_total.amount + fine_sum + interest_sum,
            )
        return FinancialTotals(by_status)


def statement(
    db: Database, actor: Actor, flt: FinancialFilter, *, today: dt.date | None = None
) -> tuple[list[FinancialItem], FinancialTotals]:
    """Every item and the totals, for export (JSON, CSV, PDF); pages through the keyset."""
    today = today or today_local()
    items: list[FinancialItem] = []
    after: tuple[dt.date, int] | None = None
    while True:
        chunk = page(db, actor, flt, after=after, limit=1000, today=today)
        items.extend(chunk)
        if len(chunk) < 1000:
            break
        after = chunk[-1].sort_key
    return items, totals(db, actor, flt, today=today)


# --------------------------------------------------------------------------- a bill's detail
@dataclass(frozen=True)
class PaymentLine:
    paid_at: dt.datetime
    amount: Decimal
    method: PaymentMethod
    fee: Decimal | None
    interest: Decimal | None
    discount: Decimal | None
    credited_on: dt.date | None
    reference: str
    duplicate: bool  # money received for a bill another payment had settled (to refund)


@dataclass(frozen=True)
class BankOccurrenceLine:
    occurred_on: dt.date | None
    bank_code: str
    nosso_numero: str
    occurrence: str
    description: str  # the occurrence and its motives in words (from the return file)
    amount: Decimal | None
    file_name: str
    line: int


@dataclass(frozen=True)
class ReceivableDetail:
    receivable_id: int
    payments: tuple[PaymentLine, ...]
    occurrences: tuple[BankOccurrenceLine, ...]


def receivable_detail(db: Database, actor: Actor, receivable_id: int) -> ReceivableDetail:
    """What was paid for one bill and what its bank said about it (return files)."""
    with db.session() as session:
        owner = session.scalar(
            select(Receivable.subscriber_id).where(Receivable.id == receivable_id)
        )
        if owner is None:
            raise NotFound("comum.conta_receber_nao_encontrada_2")
        require_subscriber(actor, owner)
        payments = session.scalars(
            select(Payment)
            .where(Payment.receivable_id == receivable_id)
            .order_by(Payment.paid_at, Payment.id)
        ).all()
        occurrences = session.scalars(
            select(BankOccurrence)
            .where(BankOccurrence.receivable_id == receivable_id)
            .order_by(BankOccurrence.occurred_on, BankOccurrence.id)
        ).all()
        return ReceivableDetail(
            receivable_id,
            tuple(
                PaymentLine(
                    p.paid_at,
                    p.amount,
                    p.method,
                    p.fee,
                    p.interest,
                    p.discount,
                    p.credited_on,
                    p.reference,
                    p.duplicate,
                )
                for p in payments
            ),
            tuple(
                BankOccurrenceLine(
                    o.occurred_on,
                    o.bank_code,
                    o.nosso_numero,
                    o.occurrence,
                    o.description,
                    o.amount,
                    o.file_name,
                    o.line,
                )
                for o in occurrences
            ),
        )
