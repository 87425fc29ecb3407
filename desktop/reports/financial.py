"""The printed Extrato Financeiro (SPEC §1.3): receivables open and settled, totals per status.

Takes the shapes of ``desktop.services.financial`` (``FinancialItem``, ``FinancialTotals``),
described here as protocols so the report depends on the fields, not on the service module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from reportlab.platypus import Flowable

from desktop.domain.clock import to_local
from desktop.domain.enums import PaymentMethod, ReceivableStatus
from desktop.domain.vocabulary import words
from desktop.reports.common import (
    Column,
    CompanyLike,
    Document,
    SubscriberLike,
    build_pdf,
    date_br,
    money,
    money_plain,
    number,
    paged_tables,
    small_table,
    totals_section,
)

if TYPE_CHECKING:
    from desktop.domain.periods import Period

TITLE = "Extrato Financeiro"

# The printed words (the vocabulary's: "Pago" here where the screen says "Baixado").
STATUS_WORDS = words.RECEIVABLE_STATUSES_PRINTED
METHOD_WORDS = words.PAYMENT_METHODS

COLUMNS = (
    Column("Vencimento", 17),
    Column("Descrição", 48, clip=True),
    Column("Valor (R$)", 17, "RIGHT"),
    Column("Situação", 26, clip=True),
    Column("Multa (R$)", 15, "RIGHT"),
    Column("Juros (R$)", 15, "RIGHT"),
    Column("Atualizado (R$)", 20, "RIGHT"),
    Column("Pago em", 17),
    Column("Valor pago (R$)", 20, "RIGHT"),
    Column("Forma", 16, clip=True),
)

TOTAL_COLUMNS = (
    Column("Situação", 24),
    Column("Títulos", 12, "RIGHT"),
    Column("Valor", 20, "RIGHT"),
    Column("Multa", 16, "RIGHT"),
    Column("Juros", 16, "RIGHT"),
    Column("Atualizado", 20, "RIGHT"),
    Column("Pago", 20, "RIGHT"),
)


class FinancialItemLike(Protocol):
    @property
    def receivable_id(self) -> int: ...
    @property
    def description(self) -> str: ...
    @property
    def due_date(self) -> dt.date: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def status(self) -> ReceivableStatus: ...
    @property
    def paid_at(self) -> dt.datetime | None: ...
    @property
    def paid_amount(self) -> Decimal | None: ...
    @property
    def payment_method(self) -> PaymentMethod | None: ...
    @property
    def fine(self) -> Decimal: ...
    @property
    def interest(self) -> Decimal: ...
    @property
    def updated_amount(self) -> Decimal: ...
    @property
    def overdue_days(self) -> int: ...


class StatusTotalLike(Protocol):
    @property
    def count(self) -> int: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def paid_amount(self) -> Decimal: ...
    @property
    def fine(self) -> Decimal: ...
    @property
    def interest(self) -> Decimal: ...
    @property
    def updated_amount(self) -> Decimal: ...


class FinancialTotalsLike(Protocol):
    @property
    def by_status(self) -> Mapping[ReceivableStatus, StatusTotalLike]: ...
    @property
    def overall(self) -> StatusTotalLike: ...


class FinancialFilterLike(Protocol):
    @property
    def status(self) -> ReceivableStatus | None: ...
    @property
    def period(self) -> Period | None: ...


def _status(item: FinancialItemLike) -> str:
    if item.status is ReceivableStatus.OPEN and item.overdue_days > 0:
        return f"Vencido ({item.overdue_days} dia{'s' if item.overdue_days > 1 else ''})"
    return STATUS_WORDS[item.status]


def _row(item: FinancialItemLike) -> list[str]:
    open_item = item.status is ReceivableStatus.OPEN
    return [
        date_br(item.due_date),
        item.description,
        money_plain(item.amount),
        _status(item),
        money_plain(item.fine) if open_item else "",
        money_plain(item.interest) if open_item else "",
        money_plain(item.updated_amount) if open_item else "",
        date_br(to_local(item.paid_at).date()) if item.paid_at else "",
        money_plain(item.paid_amount) if item.paid_amount is not None else "",
        METHOD_WORDS[item.payment_method] if item.payment_method else "",
    ]


def _total_row(label: str, t: StatusTotalLike) -> list[str]:
    return [
        label,
        number(t.count),
        money(t.amount),
        money(t.fine),
        money(t.interest),
        money(t.updated_amount),
        money(t.paid_amount),
    ]


def build_financial_pdf(
    subscriber: SubscriberLike,
    flt: FinancialFilterLike,
    items: Sequence[FinancialItemLike],
    totals: FinancialTotalsLike,
    *,
    company: CompanyLike | None = None,
    generated_at: dt.datetime | None = None,
    as_of: dt.date | None = None,
) -> bytes:
    """The financial statement as PDF bytes (same input, same bytes).

    ``as_of`` is the day fine and interest were computed for (shown in the header);
    ``generated_at`` the emission instant for the footer (left out when None).
    """
    lines = []
    if flt.period is not None:
        lines.append(f"Vencimentos: {date_br(flt.period.start)} a {date_br(flt.period.end)}")
    else:
        lines.append("Vencimentos: todos")
    lines.append(f"Situação: {STATUS_WORDS[flt.status] if flt.status else 'todas'}")
    if as_of is not None:
        lines.append(f"Valores em aberto atualizados até {date_br(as_of)} (multa e juros de mora).")
    doc = Document(TITLE, company, subscriber, tuple(lines), generated_at, wide=True)
    rows = [_row(item) for item in items]
    total_rows = [
        _total_row(STATUS_WORDS[status], t)
        for status in ReceivableStatus
        if (t := totals.by_status.get(status)) is not None
    ]
    total_rows.append(_total_row("Total", totals.overall))

    def body(width: float, height: float, free: float) -> list[Flowable]:
        story = paged_tables(
            COLUMNS,
            rows,
            frame_width=width,
            frame_height=height,
            first_page_free=free,
            empty_text="Nenhum título no período.",
        )
        block = small_table(TOTAL_COLUMNS, total_rows, width * 0.7)
        notes = ("Valores em reais (R$). Itens cancelados não compõem o valor atualizado.",)
        return story + totals_section("Totais por situação", block, notes)

    return build_pdf(doc, body)
