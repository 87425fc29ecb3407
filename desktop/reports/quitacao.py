"""The Declaração anual de quitação de débitos as PDF (Lei nº 12.007/2009; SPEC §7).

Company, subscriber and year in the statements' header, the declaration in the words the law
asks for (art. 2º: the year's bills by due date; art. 4º: it replaces the monthly receipts of
that year and of the previous ones), then the year's bills with their paid dates.  Pure
function: a :class:`~desktop.services.quitacao.Quitacao` in, PDF bytes out (same input,
same bytes).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.domain.clock import to_local
from desktop.domain.documents import format_document
from desktop.domain.vocabulary import words
from desktop.reports.common import (
    STYLE_SECTION,
    STYLE_SMALL,
    STYLE_TEXT,
    Column,
    Document,
    build_pdf,
    date_br,
    money,
    money_plain,
    paged_tables,
)

if TYPE_CHECKING:
    from desktop.services.quitacao import Quitacao, QuitacaoItem

TITLE = "Declaração Anual de Quitação de Débitos"
COLUMNS = (
    Column("Vencimento", 11),
    Column("Descrição", 40, clip=True),
    Column("Valor (R$)", 12, "RIGHT"),
    Column("Situação", 11),
    Column("Pago em", 11),
    Column("Valor pago (R$)", 13, "RIGHT"),
    Column("Forma", 10),
)
STATUS_WORDS = words.QUITACAO_STATUSES
METHOD_WORDS = words.PAYMENT_METHODS


def statement_text(q: Quitacao) -> tuple[str, str]:
    """The declaration (art. 2º) and the substitution clause (art. 4º), as printed."""
    c, s = q.company, q.subscriber
    kind = "CPF" if len(s.document) == 11 else "CNPJ"
    declaration = (
        f"{c.name}, inscrita no CNPJ sob o nº {format_document(c.cnpj)}, em cumprimento à Lei "
        f"nº 12.007, de 29 de julho de 2009, DECLARA que {s.name}, {kind} "
        f"{format_document(s.document)}, quitou todos os débitos referentes às faturas com "
        f"vencimento entre 1º de janeiro e 31 de dezembro de {q.year}, relacionadas abaixo."
    )
    clause = (
        "Esta declaração substitui, para a comprovação do cumprimento das obrigações do "
        f"consumidor, as quitações dos faturamentos mensais dos débitos do ano de {q.year} e "
        "dos anos anteriores (Lei nº 12.007/2009, art. 4º)."
    )
    return declaration, clause


def _row(item: QuitacaoItem) -> list[str]:
    return [
        date_br(item.due_date),
        item.description,
        money_plain(item.amount),
        STATUS_WORDS.get(item.status, item.status.value),
        date_br(to_local(item.paid_at).date()) if item.paid_at else "",
        money_plain(item.paid_amount) if item.paid_amount is not None else "",
        METHOD_WORDS[item.payment_method] if item.payment_method else "",
    ]


def build_quitacao_pdf(q: Quitacao, *, generated_at: dt.datetime | None = None) -> bytes:
    lines = (
        f"Ano de referência: {q.year}",
        f"Emitida em {date_br(q.issued_on)}",
    )
    doc = Document(TITLE, q.company, q.subscriber, lines, generated_at)
    declaration, clause = statement_text(q)
    rows = [_row(i) for i in q.items]

    def body(width: float, height: float, free: float) -> list[Flowable]:
        intro: list[Flowable] = [
            Paragraph(escape(declaration), STYLE_TEXT),
            Spacer(1, 2 * mm),
            Paragraph(escape(clause), STYLE_TEXT),
            Spacer(1, 4 * mm),
            Paragraph(f"Faturas com vencimento em {q.year}", STYLE_SECTION),
        ]
        used = sum(f.wrap(width, height)[1] for f in intro) + 12 * mm
        table = paged_tables(
            COLUMNS,
            rows,
            frame_width=width,
            frame_height=height,
            first_page_free=free - used,
            empty_text="",
        )
        count = len(q.items)
        footer = [
            Spacer(1, 3 * mm),
            Paragraph(
                f"{count} fatura{'s' if count != 1 else ''}; total pago {money(q.total_paid)}. "
                "Faturas canceladas não constituem débito.",
                STYLE_SMALL,
            ),
            Spacer(1, 8 * mm),
            Paragraph(escape(f"{q.company.name} — {date_br(q.issued_on)}"), STYLE_TEXT),
        ]
        return intro + table + footer

    return build_pdf(doc, body)
