"""The printed Extrato de Ligação (SPEC §1.1): every call of the period, totals per type."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from desktop.domain.vocabulary.words import CALL_TYPES
from desktop.reports.common import (
    Column,
    Document,
    build_pdf,
    datetime_br,
    duration,
    money,
    money_plain,
    number,
    paged_tables,
    period_line,
    phone,
    small_table,
    totals_section,
)

if TYPE_CHECKING:
    from desktop.services.calls import CallStatement, CallTotals

TITLE = "Extrato de Ligações"

COLUMNS = (
    Column("Data/hora", 30),
    Column("Terminal de origem", 27),
    Column("Número chamado", 30, clip=True),
    Column("Tipo", 32, clip=True),
    Column("Duração", 17, "RIGHT"),
    Column("Tarifado", 17, "RIGHT"),
    Column("Valor (R$)", 18, "RIGHT"),
)

TOTAL_COLUMNS = (
    Column("Tipo de ligação", 40),
    Column("Ligações", 15, "RIGHT"),
    Column("Duração", 18, "RIGHT"),
    Column("Tarifado", 18, "RIGHT"),
    Column("Minutos", 16, "RIGHT"),
    Column("Valor", 20, "RIGHT"),
)


def _minutes(seconds: int) -> str:
    return number(Decimal(seconds) / 60, 1)  # always one decimal: "7,0" beside "5,9"


def _totals_rows(totals: CallTotals) -> list[list[str]]:
    rows = [
        [
            CALL_TYPES[call_type],
            number(t.count),
            duration(t.duration_s),
            duration(t.billed_s),
            _minutes(t.billed_s),
            money(t.amount),
        ]
        for call_type, t in totals.by_type.items()
    ]
    rows.append(
        [
            "Total",
            number(totals.count),
            duration(totals.duration_s),
            duration(totals.billed_s),
            _minutes(totals.billed_s),
            money(totals.amount),
        ]
    )
    return rows


def build_calls_pdf(st: CallStatement) -> bytes:
    """The call statement as PDF bytes (same statement, same bytes)."""
    lines = [period_line(st.period.start, st.period.end)]
    terminals = ", ".join(phone(t) for t in st.terminals)
    lines.append(f"Terminal(is): {terminals}")
    kind = CALL_TYPES[st.call_type] if st.call_type is not None else "todos"
    lines.append(f"Tipo de terminação: {kind}")
    doc = Document(TITLE, st.company, st.subscriber, tuple(lines), st.generated_at)
    rows = [
        (
            datetime_br(item.started_at),
            phone(item.terminal),
            phone(item.destination),
            CALL_TYPES[item.call_type],
            duration(item.duration_s),
            duration(item.billed_s),
            money_plain(item.amount),
        )
        for item in st.items
    ]

    def body(width: float, height: float, free: float) -> list[Flowable]:
        story = paged_tables(
            COLUMNS,
            rows,
            frame_width=width,
            frame_height=height,
            first_page_free=free,
            empty_text="Nenhuma ligação no período.",
        )
        notes = (
            "Ligações de até 3 segundos não são cobradas; acima disso, cobrança mínima de "
            "30 segundos e, depois, a cada 6 segundos.",
            "Ligações para serviços de denúncia anônima (disque-denúncia) não constam deste "
            "extrato.",
        )
        block = small_table(TOTAL_COLUMNS, _totals_rows(st.totals), width * 0.8)
        return story + totals_section("Totais do período", block, notes)

    return build_pdf(doc, body)
