"""Extrato Financeiro (SPEC §1.3): receivables open and settled, updated amounts, totals.

Filters: Situação and Período (on the due date).  The list is the shared lazy query model
over ``financial.page``; the totals per status come from ``financial.totals`` (SQL), both in
the worker pool.  Reversed dates are refused inline and nothing is queried.

*Imprimir* prints the statement PDF (``desktop/reports/financial.py``); *Quitação anual*
opens the yearly declaration.  The totals are the summary of ``financial_totals``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import ReceivableStatus
from desktop.reports.financial import build_financial_pdf
from desktop.services import company, financial
from desktop.services.financial import FinancialFilter, FinancialItem, FinancialTotals
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.column_fit import ContentFit
from desktop.ui.pix_button import PixPayBar
from desktop.ui.print_job import Document
from desktop.ui.query_model import LEFT, RIGHT, Column, QueryModel
from desktop.ui.tabs.base import TabContext
from desktop.ui.tabs.financial_totals import TotalsPanel
from desktop.ui.tabs.list_tab import ListTab
from desktop.ui.tabs.quitacao_dialog import QuitacaoDialog
from desktop.ui.widgets import (
    FilterBar,
    PeriodPicker,
    data_table,
)

MONEY_SAMPLE = "R$ 99.999,99"
DATE_SAMPLE = "00/00/0000"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FinancialTab", text)


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last 12 months up to two months ahead (the next bills are visible)."""

    def add_months(day: dt.date, months: int) -> dt.date:
        month_index = day.month - 1 + months
        year, month = day.year + month_index // 12, month_index % 12 + 1
        for candidate in (day.day, 30, 29, 28):
            try:
                return dt.date(year, month, candidate)
            except ValueError:
                continue
        raise AssertionError("unreachable")

    return add_months(today, -12), add_months(today, 2)


def _row_color(item: FinancialItem) -> str | None:
    return fmt.receivable_color(item.status, item.overdue_days)


def _status_color(item: FinancialItem) -> str | None:
    if item.status is ReceivableStatus.PAID:
        return fmt.GREEN
    return _row_color(item)


def _money_or_blank(value: Any) -> str:
    return fmt.money(value) if value else ""


def financial_columns() -> list[Column]:
    """The columns of the statement, in order."""
    return [
        Column(_tr("Vencimento"), lambda i: fmt.date_br(i.due_date), LEFT, foreground=_row_color),
        Column(
            _tr("Descrição"),
            lambda i: i.description,
            LEFT,
            tooltip=lambda i: i.description,
            foreground=_row_color,
        ),
        Column(_tr("Valor"), lambda i: fmt.money(i.amount), RIGHT, foreground=_row_color),
        Column(
            _tr("Situação"),
            lambda i: fmt.receivable_status(i.status, i.overdue_days),
            LEFT,
            foreground=_status_color,
        ),
        Column(
            _tr("Pago em").replace(" ", "\n"),
            lambda i: fmt.local_date(i.paid_at),
            LEFT,
            foreground=_row_color,
        ),
        Column(
            _tr("Valor pago").replace(" ", "\n"),
            lambda i: fmt.money(i.paid_amount),
            RIGHT,
            foreground=_row_color,
        ),
        Column(
            _tr("Forma"),
            lambda i: fmt.payment_method(i.payment_method),
            LEFT,
            foreground=_row_color,
        ),
        Column(_tr("Multa"), lambda i: _money_or_blank(i.fine), RIGHT, foreground=_row_color),
        Column(_tr("Juros"), lambda i: _money_or_blank(i.interest), RIGHT, foreground=_row_color),
        Column(
            _tr("Valor atualizado").replace(" ", "\n"),  # two lines: a narrow column
            lambda i: fmt.money(i.updated_amount) if i.status is ReceivableStatus.OPEN else "",
            RIGHT,
            tooltip=lambda i: _tr("Valor com multa e juros até hoje") if i.overdue_days else None,
            foreground=_row_color,
        ),
    ]


COLUMN_SAMPLES = {
    0: DATE_SAMPLE,
    2: MONEY_SAMPLE,
    3: "Vencido há 999 dias",
    4: DATE_SAMPLE,
    5: MONEY_SAMPLE,
    6: "Dinheiro",  # the widest payment method
    7: "R$ 999,99",
    8: "R$ 999,99",
    9: MONEY_SAMPLE,
}

STATUS_CHOICES: list[tuple[str, ReceivableStatus | None]] = [
    ("Todos", None),
    ("Em aberto", ReceivableStatus.OPEN),
    ("Baixados", ReceivableStatus.PAID),
    ("Cancelados", ReceivableStatus.CANCELLED),
]


class FinancialTab(ListTab):
    menu = Menu.FINANCIAL
    title_text = "Extrato Financeiro"
    watches = frozenset({"receivables", "payments"})
    enter_views = False  # the FilterBar: Enter in a filter field

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        today = context.today()
        self.status_combo = QComboBox(self)
        for text, status in STATUS_CHOICES:
            self.status_combo.addItem(_tr(text), status)
        self.status_combo.setAccessibleName(_tr("Situação"))
        self.period_picker = PeriodPicker(*default_period(today), parent=self)
        if not self.kiosk:  # as wide as what they hold: the filters keep one line at 1024 px
            metrics = self.status_combo.fontMetrics()
            widest = max(metrics.horizontalAdvance(_tr(text)) for text, _s in STATUS_CHOICES)
            self.status_combo.setFixedWidth(widest + 52)  # padding, border and the arrow
            for edit in (self.period_picker.start_edit, self.period_picker.end_edit):
                # "00/00/0000" and the field's padding (8 px each side) and border
                edit.line.setFixedWidth(
                    edit.line.fontMetrics().horizontalAdvance("00/00/0000") + 22
                )
        self.consult_button = self.add_view_button(
            _tr("Mostrar os lançamentos com estes filtros (Enter)")
        )
        print_ = self.add_print_button(_tr("Imprimir o extrato com os filtros da tela"))
        self.quitacao_button = self.button(
            # Short: the filters, Ver, Imprimir and it share one line at 1024 px (issue 13);
            # the tooltip and the dialog's title give the declaration's full name.
            _tr("Quitação anual"),
            _tr(
                "Declaração de quitação: a declaração anual de quitação de débitos (Lei 12.007/2009)"
            ),
            self.open_quitacao,
        )
        self.quitacao_dialog: QuitacaoDialog | None = None

        self.filters = FilterBar(self)
        self.filters.submitted.connect(self.view)  # Enter in a filter field
        filters = self.filters.row
        if not self.kiosk:
            filters.setSpacing(4)
        for text, field, buddy in (
            (_tr("Situação:"), self.status_combo, self.status_combo),
            (_tr("Vencimento:"), self.period_picker, self.period_picker.start_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addWidget(self.consult_button)
        filters.addWidget(print_)
        # On the filters' line, not a row of its own: at 1024 px the list keeps that height.
        filters.addWidget(self.quitacao_button)
        filters.addStretch(1)

        self.set_model(
            QueryModel(
                financial_columns(),
                key=lambda item: item.sort_key,
                task_runner=context.task_runner,
                parent=self,
            ),
            data_table(self),
        )
        self.table.setAccessibleName(_tr("Lançamentos do extrato financeiro"))
        # Sized to the rows loaded: the description gets what empty columns do not need.
        self.column_fit = ContentFit(
            self.table,
            stretch=1,
            samples=COLUMN_SAMPLES,
            keep=(0, 2, 4, 5, 7, 8, 9),
            hide_empty=(4, 5, 6, 7, 8, 9),
            # At 1024 px the ten columns do not fit: Multa and Juros (both inside Valor
            # atualizado, and in the totals) go before the description and Forma are cut.
            give_way=(8, 7),
        )
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.doubleClicked.connect(self.open_detail)  # payments and bank occurrences

        self.totals = TotalsPanel(self)
        self.pix = PixPayBar(context, self.table, self)

        # Issue 13: at 1024×768 the list keeps at least ten rows.  Filters and buttons on one
        # line; under the list one line with *Pagar com PIX* and the totals in brief (the
        # full grid opens under it, *Detalhar*); a bill's payments and bank occurrences in
        # a dialog (double click on its line).
        # At the kiosk's type the PIX hint beside the totals wrapped a word a line at 1024 px:
        # there the totals go under the PIX button, the whole width each.
        bottom = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if self.kiosk else QBoxLayout.Direction.LeftToRight
        )
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.setSpacing(12)
        bottom.addWidget(self.pix, 1)
        bottom.addWidget(self.busy)
        bottom.addWidget(self.totals, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.filters)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.totals.details)
        if self.kiosk:  # a finger, not a mouse pointer: a toggle as tall as the PIX button
            self.totals.toggle.setMinimumSize(56, 48)

    # ------------------------------------------------------------------ the list
    def open_detail(self, index: QModelIndex) -> QWidget | None:
        from desktop.ui.tabs.financial_detail import open_detail

        return open_detail(self, self.context, self.model.row_at(index.row()))

    def consult(self) -> None:
        """Query with the filters on screen (the Ver button and Enter)."""
        self.view()

    def current_filter(self) -> FinancialFilter:
        """The filter the form describes; InvalidInput when the dates are reversed."""
        status = self.status_combo.currentData()
        return FinancialFilter(self.context.workspace.id, status, self.period_picker.period())

    def page(self, flt: FinancialFilter, after: Any, limit: int) -> list[FinancialItem]:
        ctx = self.context
        return financial.page(ctx.db, ctx.actor, flt, after=after, limit=limit, today=ctx.today())

    def empty_message(self) -> str:
        return _tr("Nenhum lançamento encontrado com estes filtros.")

    def fetch_totals(self, flt: FinancialFilter) -> FinancialTotals:
        ctx = self.context
        return financial.totals(ctx.db, ctx.actor, flt, today=ctx.today())

    def clear_totals(self, *, loading: bool) -> None:
        self.totals.show_totals(None)

    def show_totals(self, value: FinancialTotals) -> None:
        flt = self._filter
        status = flt.status if flt is not None else None
        self.totals.show_totals(value, [status] if status is not None else list(ReceivableStatus))

    # ------------------------------------------------------------------ Imprimir
    def document(self, flt: FinancialFilter) -> Document:
        ctx = self.context
        today = ctx.today()
        items, totals = financial.statement(ctx.db, ctx.actor, flt, today=today)
        pdf = build_financial_pdf(
            ctx.workspace, flt, items, totals, company=company.load(ctx.db), as_of=today
        )
        return Document(pdf, _tr("Extrato financeiro — %1").replace("%1", ctx.workspace.name))

    def print_history(self, flt: FinancialFilter) -> str:
        return "Extrato financeiro impresso."

    def open_quitacao(self) -> None:
        """*Declaração de quitação*: the yearly declaration, in its own dialog."""
        dialog = QuitacaoDialog(self.context, self)
        self.quitacao_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "quitacao_dialog", None))
        dialog.open()
