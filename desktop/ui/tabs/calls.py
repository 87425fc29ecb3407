"""Extrato de Ligação (SPEC §1.1): the subscriber's rated calls, totals per type, print.

Filters: Período (default the current month, at most 366 days), Terminal (the subscriber's,
or all) and Tipo de Terminação.  *Ver* fills the shared lazy model from ``calls.page`` and
the totals from ``calls.totals`` (SQL), both in the worker pool; the first *Ver* happens when
the tab is first shown.  *Imprimir* builds the whole statement and its PDF in the worker and
sends it to this station's printer.  Calls to anonymous-tip lines never appear (the service
filters them).  Reversed or too long periods are refused inline and nothing is queried.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from desktop.domain.enums import CallType
from desktop.domain.periods import current_month
from desktop.domain.vocabulary.words import CALL_TYPES
from desktop.reports.calls import build_calls_pdf
from desktop.reports.common import datetime_br
from desktop.reports.common import phone as dialled
from desktop.services import calls
from desktop.services.calls import CallFilter, CallItem, CallTotals
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.formatting import minutes_seconds
from desktop.ui.print_job import Document
from desktop.ui.query_model import LEFT, RIGHT, Column, QueryModel
from desktop.ui.tabs.base import TabContext
from desktop.ui.tabs.list_tab import ListTab, labelled_filters
from desktop.ui.totals_grid import TotalsGrid, two_lines
from desktop.ui.widgets import PeriodPicker, checked_period, data_table, fit_columns

COLUMN_SAMPLES = {
    0: "00/00/0000 00:00:00",
    1: "(00) 00000-0000",
    2: "(00) 00000-0000",
    3: "Longa distância móvel",
    4: "000:00",
    5: "000:00",
    6: "R$ 9.999,99",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CallsTab", text)


def call_type_word(call_type: CallType) -> str:
    return _tr(CALL_TYPES[call_type])


def call_columns() -> list[Column]:
    return [
        Column(_tr("Data/hora"), lambda c: datetime_br(c.started_at)),
        Column(_tr("Terminal"), lambda c: fmt.phone(c.terminal)),
        Column(_tr("Número discado"), lambda c: dialled(c.destination)),
        Column(_tr("Tipo"), lambda c: call_type_word(c.call_type), LEFT),
        Column(_tr("Duração"), lambda c: minutes_seconds(c.duration_s), RIGHT),
        Column(
            _tr("Tarifado"),
            lambda c: minutes_seconds(c.billed_s),
            RIGHT,
            tooltip=lambda _c: _tr("Tempo cobrado: mínimo de 30 s, depois a cada 6 s"),
        ),
        Column(_tr("Valor"), lambda c: fmt.money(c.amount), RIGHT),
    ]


def billed_minutes(seconds: int) -> str:
    """Billed time in minutes, always with one decimal place ("7,0" beside "5,9": the trial
    saw "7" in one column and "5,9" in the next), in the interface language's numbers."""
    return fmt.number(Decimal(seconds) / 60, 1)


def totals_table(totals: CallTotals) -> tuple[list[str], list[list[str]]]:
    """(headers, rows): one column per call type with calls, then Total; rows of count,
    billed minutes and amount (compact: four lines under the table on a 768-px screen)."""
    types = list(totals.by_type.items())
    headers = [
        _tr(TOTALS_TITLE),
        *(two_lines(call_type_word(call_type)) for call_type, _t in types),
        _tr("Total"),
    ]
    rows = [
        [_tr("Ligações"), *(fmt.number(t.count) for _c, t in types), fmt.number(totals.count)],
        [
            _tr("Minutos tarifados"),
            *(billed_minutes(t.billed_s) for _c, t in types),
            billed_minutes(totals.billed_s),
        ],
        [_tr("Valor"), *(fmt.money(t.amount) for _c, t in types), fmt.money(totals.amount)],
    ]
    return headers, rows


TOTALS_TITLE = "Totais do período"


class CallsTab(ListTab):
    menu = Menu.CALLS
    title_text = "Extrato de Ligação"

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        month = current_month(context.today())
        self.period_picker = PeriodPicker(month.start, month.end, parent=self)
        self.terminal_combo = QComboBox(self)
        self.terminal_combo.addItem(_tr("Todos"), None)
        for contract in context.workspace.contracts:
            for terminal in contract.terminals:
                self.terminal_combo.addItem(fmt.phone(terminal), terminal)
        self.terminal_combo.setAccessibleName(_tr("Terminal"))
        self.type_combo = QComboBox(self)
        self.type_combo.addItem(_tr("Todas"), None)
        for call_type in CallType:
            self.type_combo.addItem(call_type_word(call_type), call_type)
        self.type_combo.setAccessibleName(_tr("Tipo de terminação"))
        view = self.add_view_button(_tr("Mostrar as ligações do período (Enter)"))
        print_ = self.add_print_button(_tr("Imprimir o extrato na impressora desta estação"))

        filters = labelled_filters(
            self,
            (
                (_tr("Período"), self.period_picker),
                (_tr("Terminal"), self.terminal_combo),
                (_tr("Tipo de terminação"), self.type_combo),
            ),
            (view, print_, self.busy),
        )
        self.set_model(
            QueryModel(
                call_columns(),
                key=lambda item: item.sort_key,
                task_runner=context.task_runner,
                parent=self,
            ),
            data_table(self),
        )
        self.table.setAccessibleName(_tr("Ligações do período"))
        fit_columns(self.table, COLUMN_SAMPLES, stretch=3)
        self.totals = TotalsGrid([_tr(TOTALS_TITLE)], self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(filters)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    # ------------------------------------------------------------------ the list
    def current_filter(self) -> CallFilter:
        """The filter on screen; InvalidInput for a reversed or too long period."""
        return CallFilter(
            self.context.workspace.id,
            checked_period(self.period_picker),
            self.terminal_combo.currentData(),
            self.type_combo.currentData(),
        )

    def page(self, flt: CallFilter, after: Any, limit: int) -> list[CallItem]:
        return calls.page(self.context.db, self.context.actor, flt, after=after, limit=limit)

    def empty_message(self) -> str:
        return _tr("Nenhuma ligação no período com estes filtros.")

    def fetch_totals(self, flt: CallFilter) -> CallTotals:
        return calls.totals(self.context.db, self.context.actor, flt)

    def clear_totals(self, *, loading: bool) -> None:
        self.totals.set_rows([], headers=[_tr(TOTALS_TITLE)])

    def show_totals(self, value: CallTotals) -> None:
        headers, rows = totals_table(value)
        self.totals.set_rows(rows, headers=headers, overall="column")

    # ------------------------------------------------------------------ Imprimir
    def document(self, flt: CallFilter) -> Document:
        ctx = self.context
        title = _tr("Extrato de ligações — %1").replace("%1", ctx.workspace.name)
        return Document(build_calls_pdf(calls.statement(ctx.db, ctx.actor, flt)), title)

    def print_history(self, flt: CallFilter) -> str:
        period = flt.period
        return f"Extrato de ligações de {period.start:%d/%m/%Y} a {period.end:%d/%m/%Y} impresso."
