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

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import CallType
from desktop.domain.periods import current_month
from desktop.errors import UserError
from desktop.reports.calls import CALL_TYPE_WORDS, build_calls_pdf
from desktop.reports.common import datetime_br, number
from desktop.reports.common import phone as dialled
from desktop.services import calls
from desktop.services.calls import CallFilter, CallItem, CallTotals
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.query_model import LEFT, RIGHT, Column, QueryModel
from desktop.ui.tabs._common import (
    ResultBar,
    StatementPrinter,
    TotalsGrid,
    checked_period,
    is_kiosk,
    minutes_seconds,
    two_lines,
)
from desktop.ui.tabs.base import SubscriberTab, TabContext
from desktop.ui.widgets import BusyIndicator, PeriodPicker, data_table, fit_columns

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
    return _tr(CALL_TYPE_WORDS[call_type])


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
    saw "7" in one column and "5,9" in the next), as the printed statement shows it."""
    return number(Decimal(seconds) / 60, 1)


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


class CallsTab(SubscriberTab):
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

        self.view_button = QPushButton(_tr("Ver"), self)
        self.view_button.setObjectName("primary")
        self.view_button.setToolTip(_tr("Mostrar as ligações do período (Enter)"))
        self.view_button.clicked.connect(self.view)
        self.print_button = QPushButton(_tr("Imprimir"), self)
        self.print_button.setToolTip(_tr("Imprimir o extrato na impressora desta estação"))
        self.print_button.clicked.connect(self.print_statement)
        self.busy = BusyIndicator(self)
        self.result = ResultBar(context.task_runner, allow_save=not is_kiosk(context.actor))
        self.message = self.result.message

        # Labels above the fields; the groups wrap onto a second line on a 1024-px counter.
        filters = FlowLayout(spacing=18, line_spacing=8)
        for text, field in (
            (_tr("Período"), self.period_picker),
            (_tr("Terminal"), self.terminal_combo),
            (_tr("Tipo de terminação"), self.type_combo),
        ):
            group = QWidget(self)
            column = QVBoxLayout(group)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            label = QLabel(text, group)
            label.setObjectName("fieldLabel")
            label.setBuddy(field.start_edit if isinstance(field, PeriodPicker) else field)
            column.addWidget(label)
            column.addWidget(field)
            filters.addWidget(group)
        buttons_box = QWidget(self)
        buttons_box.setProperty("flowBottom", True)  # on the fields' line, under no caption
        buttons = QHBoxLayout(buttons_box)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(8)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.print_button)
        buttons.addSpacing(10)
        buttons.addWidget(self.busy)
        filters.addWidget(buttons_box)
        filters_box = QWidget(self)
        filters_box.setLayout(filters)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        filters_box.setSizePolicy(policy)

        self.model = QueryModel(
            call_columns(),
            key=lambda item: item.sort_key,
            task_runner=context.task_runner,
            parent=self,
        )
        self.model.loading_changed.connect(self._update_busy)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(self.result.show_error)
        self.table = data_table(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Ligações do período"))
        fit_columns(self.table, COLUMN_SAMPLES, stretch=3)

        self.totals = TotalsGrid([_tr(TOTALS_TITLE)], self)
        self._totals_loading = False
        self.printer = StatementPrinter(self, self.result, self.print_button, self._update_busy)
        self._filter: CallFilter | None = None
        self._loaded_once = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(filters_box)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    # ------------------------------------------------------------------ behaviour
    def activated(self) -> None:
        if not self._loaded_once:
            self.view()

    def current_filter(self) -> CallFilter:
        """The filter on screen; InvalidInput for a reversed or too long period."""
        return CallFilter(
            self.context.workspace.id,
            checked_period(self.period_picker),
            self.terminal_combo.currentData(),
            self.type_combo.currentData(),
        )

    def _filter_or_message(self) -> CallFilter | None:
        try:
            return self.current_filter()
        except UserError as exc:
            # The list on screen no longer matches the filters: it goes, so nobody reads old
            # results under the error (a garbled date, "Período muito longo").
            self._filter = None
            self.model.clear()
            self.totals.set_rows([], headers=[_tr(TOTALS_TITLE)])
            self.result.show_error(exc.message)
            return None

    def view(self) -> None:
        """*Ver*: the calls of the period in the table and their totals below it."""
        flt = self._filter_or_message()
        if flt is None:
            return
        self._loaded_once = True
        self.result.clear()
        self._filter = flt
        ctx = self.context

        def fetch(after: Any, limit: int) -> list[CallItem]:
            return calls.page(ctx.db, ctx.actor, flt, after=after, limit=limit)

        self.model.reset(fetch)
        self.totals.set_rows([], headers=[_tr(TOTALS_TITLE)])
        self._totals_loading = True
        self._update_busy()
        ctx.task_runner.submit(
            ("calls-totals", id(self), flt),
            lambda: calls.totals(ctx.db, ctx.actor, flt),
            on_success=lambda totals: self._totals_arrived(flt, totals),
            on_error=lambda message: self._totals_failed(flt, message),
            owner=self,
        )

    def _totals_arrived(self, flt: CallFilter, totals: CallTotals) -> None:
        if flt != self._filter:
            return  # totals of filters replaced meanwhile
        self._totals_loading = False
        headers, rows = totals_table(totals)
        self.totals.set_rows(rows, headers=headers, overall="column")
        self._update_busy()

    def _totals_failed(self, flt: CallFilter, message: str) -> None:
        if flt != self._filter:
            return
        self._totals_loading = False
        self.result.show_error(message)
        self._update_busy()

    def _page_loaded(self, _count: int) -> None:
        if self.model.rowCount() == 0 and self.model.exhausted:
            self.result.show_info(_tr("Nenhuma ligação no período com estes filtros."))

    def print_statement(self) -> None:
        """*Imprimir*: the whole statement as PDF, to this station's printer."""
        flt = self._filter_or_message()
        if flt is None:
            return
        ctx = self.context
        title = _tr("Extrato de ligações — %1").replace("%1", ctx.workspace.name)

        period = flt.period
        self.printer.start(
            "calls-print",
            lambda: (build_calls_pdf(calls.statement(ctx.db, ctx.actor, flt)), title),
            f"Extrato de ligações de {period.start:%d/%m/%Y} a {period.end:%d/%m/%Y} impresso.",
        )

    def _update_busy(self, *_args: object) -> None:
        self.busy.set_busy(self.model.loading or self._totals_loading or self.printer.printing)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.view()
            event.accept()
            return
        super().keyPressEvent(event)
