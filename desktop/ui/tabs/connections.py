"""Extrato de Conexões (SPEC §1.2): the subscriber's RADIUS sessions, daily traffic, print.

Filter: Período.  *Ver* fills the shared lazy model from ``connections.page`` and, in one
worker job, the totals and the traffic per day (``connection_totals.totals`` /
``daily_traffic``, summed by the database) for the chart above the table.  Connection
records are confidential (Marco Civil, Art. 13) and the service audits every view and
print, so nothing loads until the attendant asks (no automatic *Ver* when the tab opens).
*Imprimir* builds the statement (audited as printed) and its PDF in the worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.periods import current_month
from desktop.domain.vocabulary.words import TERMINATE_CAUSES
from desktop.reports.common import data_size, duration
from desktop.reports.connections import build_connections_pdf
from desktop.services import connection_statement, connection_totals, connections
from desktop.services.connection_totals import ConnectionTotals, DayTraffic
from desktop.services.connections import ConnectionFilter, ConnectionItem
from desktop.services.subscribers import Menu
from desktop.ui import formatting as fmt
from desktop.ui.charts import DailyTrafficChart
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.print_job import Document
from desktop.ui.query_model import LEFT, RIGHT, Column, QueryModel
from desktop.ui.tabs.base import TabContext
from desktop.ui.tabs.list_tab import ListTab
from desktop.ui.totals_grid import TotalsGrid
from desktop.ui.widgets import (
    PeriodPicker,
    checked_period,
    configure_table,
    fit_columns,
)

COLUMN_SAMPLES = {
    0: "login.do.assinante",
    1: "00/00/0000 00:00",
    2: "00/00/0000 00:00",
    3: "000:00:00",
    4: "100.100.100.100",
    5: "2804:14c:1000:100::/56",
    6: "AA:BB:CC:00:11:22",
    7: "100.100.10.10",
    8: "999,99 MB",
    9: "999,99 MB",
    10: "Perda de portadora",
}
TOTAL_HEADERS = ("Totais do período", "Sessões", "Tempo conectado", "Download", "Upload")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionsTab", text)


def _stop(item: ConnectionItem) -> str:
    return fmt.local_datetime(item.stopped_at) if item.stopped_at else _tr("em andamento")


def _cause(item: ConnectionItem) -> str:
    if item.stopped_at is None or not item.terminate_cause:
        return ""
    return _tr(TERMINATE_CAUSES.get(item.terminate_cause, item.terminate_cause))


def _open_color(item: ConnectionItem) -> str | None:
    return fmt.GREEN if item.stopped_at is None else None


def connection_columns() -> list[Column]:
    return [
        Column(_tr("Login"), lambda c: c.login),  # shown when the subscriber has several
        Column(_tr("Início"), lambda c: fmt.local_datetime(c.started_at)),
        Column(_tr("Fim"), _stop, foreground=_open_color),
        Column(_tr("Duração"), lambda c: duration(c.duration_s), RIGHT),
        Column(_tr("IPv4"), lambda c: c.ip or ""),
        Column(_tr("Prefixo IPv6"), lambda c: c.ipv6_prefix or "", tooltip=lambda c: c.ipv6_prefix),
        Column(_tr("MAC"), lambda c: c.mac or ""),
        Column(_tr("NAS"), lambda c: c.nas_ip),
        Column(
            _tr("Download"),
            lambda c: data_size(c.download_bytes),
            RIGHT,
            tooltip=lambda c: _tr("%1 bytes recebidos").replace("%1", fmt.number(c.download_bytes)),
        ),
        Column(
            _tr("Upload"),
            lambda c: data_size(c.upload_bytes),
            RIGHT,
            tooltip=lambda c: _tr("%1 bytes enviados").replace("%1", fmt.number(c.upload_bytes)),
        ),
        Column(_tr("Causa"), _cause, LEFT, tooltip=lambda c: c.terminate_cause),
    ]


def totals_row(totals: ConnectionTotals) -> list[str]:
    return [
        _tr("Total"),
        fmt.number(totals.sessions),
        duration(totals.duration_s),
        data_size(totals.download_bytes),
        data_size(totals.upload_bytes),
    ]


class ConnectionsTab(ListTab):
    menu = Menu.CONNECTIONS
    title_text = "Extrato de Conexões"
    loads_when_shown = False  # every query is audited (Marco Civil): it waits for *Ver*

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        month = current_month(context.today())
        self.period_picker = PeriodPicker(month.start, month.end, parent=self)
        view = self.add_view_button(_tr("Mostrar as conexões do período (Enter)"))
        print_ = self.add_print_button(_tr("Imprimir o extrato na impressora desta estação"))
        # A subscriber with several logins: pick one, or see all with a Login column.
        self.logins = sorted(
            {c.radius_login for c in context.workspace.contracts if c.radius_login}
        )
        self.login_combo = QComboBox(self)
        self.login_combo.addItem(_tr("Todos"), None)
        for login in self.logins:
            self.login_combo.addItem(login, login)
        self.login_combo.setAccessibleName(_tr("Login"))
        several = len(self.logins) > 1

        # A flow row: wraps on a 1024-px counter instead of widening the window.
        filters_box = QWidget(self)
        filters = FlowLayout(filters_box, spacing=8)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        filters_box.setSizePolicy(policy)
        for text, field, buddy, visible in (
            (_tr("Período:"), self.period_picker, self.period_picker.start_edit, True),
            (_tr("Login:"), self.login_combo, self.login_combo, several),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            label.setVisible(visible)
            field.setVisible(visible)
            filters.addWidget(label)
            filters.addWidget(field)
            filters.addSpacing(10)
        filters.addWidget(view)
        filters.addWidget(print_)
        filters.addSpacing(10)
        filters.addWidget(self.busy)
        filters.addStretch(1)

        self.chart = DailyTrafficChart(self)
        self.chart.set_placeholder(_tr("Escolha o período e clique em Ver."))
        table = QTableView(self)
        # Ten columns of addresses: one point smaller than the other tables, so that every
        # column fits a 1366-px screen; narrower windows scroll sideways (nothing is elided).
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
        table.setFont(font)
        table.horizontalHeader().setFont(font)
        configure_table(table)
        self.set_model(
            QueryModel(
                connection_columns(),
                key=lambda item: item.sort_key,
                task_runner=context.task_runner,
                parent=self,
            ),
            table,
        )
        self.table.setAccessibleName(_tr("Sessões de conexão do período"))
        fit_columns(self.table, COLUMN_SAMPLES)
        self.table.setColumnHidden(0, not several)  # one login: the column says nothing
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.totals = TotalsGrid([_tr(h) for h in TOTAL_HEADERS], self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(filters_box)
        layout.addWidget(self.result)
        # The chart and the sessions share the height through a splitter that favours the
        # list (the trial saw 2½ rows at 1024×768); the attendant can drag it either way.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.chart.minimumSizeHint().height(), 10_000])
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.totals)
        self.result.show_info(
            _tr(
                "Os registros de conexão são sigilosos (Marco Civil da Internet): cada consulta "
                "e cada impressão fica registrada. Escolha o período e clique em Ver."
            )
        )

    # ------------------------------------------------------------------ the list
    def current_filter(self) -> ConnectionFilter:
        """The filter on screen; InvalidInput for a reversed or too long period."""
        return ConnectionFilter(
            self.context.workspace.id,
            checked_period(self.period_picker),
            self.login_combo.currentData(),
        )

    def page(self, flt: ConnectionFilter, after: Any, limit: int) -> list[ConnectionItem]:
        return connections.page(self.context.db, self.context.actor, flt, after=after, limit=limit)

    def empty_message(self) -> str:
        return _tr("Nenhuma conexão no período.")

    def fetch_totals(self, flt: ConnectionFilter) -> tuple[ConnectionTotals, list[DayTraffic]]:
        """The totals row and the traffic per day for the chart."""
        ctx = self.context
        return (
            connection_totals.totals(ctx.db, ctx.actor, flt),
            connection_totals.daily_traffic(ctx.db, ctx.actor, flt),
        )

    def clear_totals(self, *, loading: bool) -> None:
        self.totals.set_rows([])
        self.chart.set_placeholder(
            _tr("Carregando…") if loading else _tr("Escolha o período e clique em Ver.")
        )

    def show_totals(self, value: tuple[ConnectionTotals, list[DayTraffic]]) -> None:
        totals, days = value
        self.totals.set_rows([totals_row(totals)], overall="row")
        self.chart.set_days(days)

    def totals_failed(self, message: str) -> None:
        self.chart.set_placeholder(_tr("Gráfico indisponível."))
        self.result.show_error(message)

    # ------------------------------------------------------------------ Imprimir
    def document(self, flt: ConnectionFilter) -> Document:
        ctx = self.context
        statement = connection_statement.statement(ctx.db, ctx.actor, flt, printed=True)
        title = _tr("Extrato de conexões — %1").replace("%1", ctx.workspace.name)
        return Document(build_connections_pdf(statement), title)

    def print_history(self, flt: ConnectionFilter) -> str:
        period = flt.period
        return f"Extrato de conexões de {period.start:%d/%m/%Y} a {period.end:%d/%m/%Y} impresso."
